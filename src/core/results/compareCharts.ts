import { alignSeries, type PointSeries } from './chartSeries';
import type { ChartPanel, ChartSpec, ResultView } from './types';

/** What {@link overlayCharts} adds to a chart: how far the earlier answer was moved to line up. */
export interface OverlaidChart extends ChartSpec {
  /** Seconds added to the second answer's times so that its first point meets the first answer's. */
  shiftSeconds: number;
  /** Index of the first series of the second answer within each panel (its series are drawn dashed). */
  secondFrom: number[];
}

function points(chart: ChartSpec, panel: ChartPanel, index: number, shift: number): PointSeries {
  const s = panel.series[index]!;
  return { label: s.label, ...(s.group !== undefined ? { group: s.group } : {}), ...(s.metric !== undefined ? { metric: s.metric } : {}), points: chart.x.map((x, i) => [x + shift, s.values[i] ?? null]) };
}

/**
 * Two charts of the same kind (the same action's answers, for example this week's usage and last
 * week's) in one: the second answer's series are moved in time so that both start together, and
 * labelled with each answer's label. Category charts (usage per room) are merged by category.
 * Undefined for timelines and for charts whose panels do not match by unit.
 */
export function overlayCharts(a: ChartSpec, b: ChartSpec, labels: readonly [string, string]): OverlaidChart | undefined {
  if (a.kind === 'timeline' || b.kind === 'timeline' || a.xKind !== b.xKind) return undefined;
  if (a.xKind === 'category') {
    const categories = [...new Set([...(a.categories ?? []), ...(b.categories ?? [])])];
    const at = (c: ChartSpec, name: string) => (c.categories ?? []).indexOf(name);
    const panels: ChartPanel[] = [];
    const secondFrom: number[] = [];
    for (const pa of a.panels) {
      const pb = b.panels.find((p) => p.unit === pa.unit);
      const series = pa.series.map((s) => ({ ...s, label: `${s.label} · ${labels[0]}`, values: categories.map((name) => (at(a, name) >= 0 ? (s.values[at(a, name)] ?? null) : null)) }));
      secondFrom.push(series.length);
      for (const s of pb?.series ?? []) series.push({ ...s, label: `${s.label} · ${labels[1]}`, values: categories.map((name) => (at(b, name) >= 0 ? (s.values[at(b, name)] ?? null) : null)) });
      panels.push({ ...pa, series });
    }
    return { ...a, id: `compare:${a.id}`, x: categories.map((_, i) => i), categories, panels, shiftSeconds: 0, secondFrom };
  }
  const shift = a.x.length && b.x.length ? a.x[0]! - b.x[0]! : 0;
  const all: PointSeries[] = [];
  const layout: Array<{ unit: string; title: ChartPanel['title']; first: number; count: number; second: number }> = [];
  for (const pa of a.panels) {
    const pb = b.panels.find((p) => p.unit === pa.unit);
    const first = all.length;
    pa.series.forEach((_, i) => all.push({ ...points(a, pa, i, 0), label: `${pa.series[i]!.label} · ${labels[0]}` }));
    const second = all.length - first;
    pb?.series.forEach((_, i) => all.push({ ...points(b, pb, i, shift), label: `${pb.series[i]!.label} · ${labels[1]}` }));
    layout.push({ unit: pa.unit, title: pa.title, first, count: all.length - first, second });
  }
  const { x, series } = alignSeries(all);
  const totals = (values: Array<number | null>, had: number | undefined) => (had === undefined ? {} : { total: Math.round(values.reduce<number>((n, v) => n + (v ?? 0), 0) * 1e6) / 1e6 });
  const panels = layout.map((l) => ({
    title: l.title,
    unit: l.unit,
    series: series.slice(l.first, l.first + l.count).map((s, i) => ({ ...s, ...totals(s.values, (i < l.second ? a.panels : b.panels).find((p) => p.unit === l.unit)?.series[0]?.total) })),
  }));
  return { ...a, id: `compare:${a.id}`, x, panels, shiftSeconds: shift, secondFrom: layout.map((l) => l.second) };
}

/** The overlaid charts of two views of the same action, chart by chart (matched by id). */
export function compareViews(a: ResultView, b: ResultView, labels: readonly [string, string]): OverlaidChart[] {
  const out: OverlaidChart[] = [];
  for (const ca of a.charts) {
    const cb = b.charts.find((c) => c.id === ca.id);
    const o = cb && overlayCharts(ca, cb, labels);
    if (o) out.push(o);
  }
  return out;
}
