import uPlot from 'uplot';
import type { OverlaidChart } from '../../core/results/compareCharts';
import { formatMoment } from '../../core/results/timeValues';
import type { ChartPanel, ChartSpec } from '../../core/results/types';
import { groupedBars, minStep } from './chartPaths';
import { readChartTheme, withAlpha, type ChartTheme } from './chartTheme';
import { button, h } from '../common/dom';
import { t } from './l10n';

/** Height of one panel's plotting area and axes, in CSS pixels. */
const PANEL_HEIGHT = 240;

/** What a chart view needs from the page. */
export interface ChartViewOptions {
  zh: boolean;
  /** Called with a PNG of the chart (base64) and a file name, for the host to save. */
  savePng: (fileName: string, pngBase64: string) => void;
  fileBase: string;
}

/** A number as a chart shows it: grouped digits, at most three decimals. */
export function formatValue(v: number | null | undefined, unit = ''): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const text = Math.abs(v) >= 1e15 ? v.toExponential(3) : v.toLocaleString(undefined, { maximumFractionDigits: 3 });
  return unit ? `${text} ${unit}` : text;
}

function timeLabel(seconds: number, chart: ChartSpec): string {
  return formatMoment(seconds, chart.xZone, { dayOnly: chart.xKind === 'day' });
}

/**
 * One chart of an answer, drawn with uPlot: a panel per unit with the series as bars or lines,
 * a legend that shows the values under the cursor and hides a series when clicked, drag to zoom
 * on a time range (all panels follow), totals for usage, and a PNG of the whole chart on demand.
 * Timelines draw one lane per user or peer with a mark per event.
 */
export class ChartView {
  readonly element = h('section', { class: 'chart' });
  private plots: uPlot[] = [];
  private body = h('div', { class: 'panels' });
  private style: 'bars' | 'lines';
  private syncing = false;

  constructor(
    readonly spec: ChartSpec | OverlaidChart,
    private readonly opts: ChartViewOptions,
    private readonly note?: string,
  ) {
    this.style = spec.kind === 'bars' ? 'bars' : 'lines';
    this.build();
  }

  private text(b: { en: string; zh: string }): string {
    return this.opts.zh ? b.zh : b.en;
  }

  private build(): void {
    const spec = this.spec;
    const tools = h('div', { class: 'chart-tools' });
    if (spec.kind === 'bars' && spec.xKind !== 'category') {
      const pick = h(
        'select',
        { class: 'chart-style', 'aria-label': `${t('Bars')} / ${t('Lines')}`, on: { change: (e) => this.restyle((e.target as HTMLSelectElement).value === 'lines' ? 'lines' : 'bars') } },
        h('option', { value: 'bars', selected: this.style === 'bars' }, t('Bars')),
        h('option', { value: 'lines', selected: this.style === 'lines' }, t('Lines')),
      );
      tools.append(pick);
    }
    if (spec.xKind !== 'category') tools.append(button(t('Reset zoom'), 'zoom-out', () => this.resetZoom(), { class: 'tool reset-zoom' }));
    tools.append(button(t('Save as PNG…'), 'device-camera', () => this.savePng(), { class: 'tool save-png' }));
    const header = h('header', { class: 'chart-header' }, h('h2', null, this.text(spec.title)), tools);
    const totals = spec.panels.flatMap((p) => p.series.filter((s) => s.total !== undefined).map((s) => h('li', null, h('span', { class: 'total-label' }, s.label), ' ', h('strong', null, formatValue(s.total, p.unit)))));
    this.element.append(header);
    if (this.note) this.element.append(h('p', { class: 'note' }, this.note));
    if (totals.length) this.element.append(h('div', { class: 'totals' }, h('span', { class: 'totals-title' }, t('Totals')), h('ul', null, totals)));
    this.element.append(this.body);
  }

  /** Draws (or redraws) the panels at the container's width in the current theme. */
  draw(): void {
    for (const p of this.plots) p.destroy();
    this.plots = [];
    this.body.replaceChildren();
    const theme = readChartTheme();
    const width = Math.max(320, Math.floor(this.element.clientWidth || this.element.parentElement?.clientWidth || 800));
    if (this.spec.kind === 'timeline') {
      this.plots.push(this.timeline(theme, width));
      return;
    }
    for (const panel of this.spec.panels) {
      const host = h('div', { class: 'panel' }, h('h3', null, panel.unit ? `${this.text(panel.title)} (${panel.unit})` : this.text(panel.title)));
      this.body.append(host);
      this.plots.push(this.panel(panel, theme, width, host));
    }
  }

  /** Follows the container's width. */
  resize(): void {
    const width = Math.max(320, Math.floor(this.element.clientWidth));
    for (const p of this.plots) p.setSize({ width, height: p.height });
  }

  destroy(): void {
    for (const p of this.plots) p.destroy();
    this.plots = [];
  }

  private restyle(style: 'bars' | 'lines'): void {
    this.style = style;
    this.draw();
  }

  private resetZoom(): void {
    const xs = this.spec.x;
    if (!xs.length) return;
    for (const p of this.plots) p.setScale('x', { min: xs[0]! - this.pad(), max: xs[xs.length - 1]! + this.pad() });
  }

  /** Half a column on each side for bars and categories, so the first and last bars are whole. */
  private pad(): number {
    return this.style === 'bars' || this.spec.xKind === 'category' ? minStep(this.spec.x) / 2 : 0;
  }

  private axisX(theme: ChartTheme): uPlot.Axis {
    const spec = this.spec;
    const base: uPlot.Axis = { stroke: theme.foreground, font: theme.font, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1 } };
    if (spec.xKind === 'category') {
      const names = spec.categories ?? [];
      return { ...base, splits: () => spec.x.slice(), values: (_u, splits) => splits.map((i) => shorten(names[i] ?? '', 14)), rotate: names.length > 8 ? -40 : 0, size: names.length > 8 ? 80 : 40 } as uPlot.Axis;
    }
    if (spec.xKind === 'day') {
      // One tick per day (every few days for long ranges), each labelled with its date.
      const every = Math.max(1, Math.ceil(spec.x.length / 16));
      return { ...base, splits: (u) => spec.x.filter((v, i) => i % every === 0 && v >= u.scales.x!.min! && v <= u.scales.x!.max!), values: (_u, splits) => splits.map((v) => formatMoment(v, spec.xZone, { dayOnly: true }).slice(5)) };
    }
    // Times of day in 24-hour form; the date under the first tick and wherever the day changes.
    return {
      ...base,
      size: 46,
      values: (_u, splits, _axis, _space, incr) =>
        splits.map((v, i) => {
          const full = formatMoment(v, spec.xZone);
          if (incr >= 86_400) return full.slice(5, 10);
          const clock = incr < 60 ? full.slice(11, 19) : full.slice(11, 16);
          const day = full.slice(5, 10);
          return i === 0 || formatMoment(splits[i - 1]!, spec.xZone).slice(5, 10) !== day ? `${clock}\n${day}` : clock;
        }),
    };
  }

  private options(width: number, height: number): uPlot.Options {
    const spec = this.spec;
    const pad = this.pad();
    return {
      width,
      height,
      pxAlign: 1,
      ...(spec.xZone === 'utc' ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC') } : {}),
      scales: {
        x: { time: spec.xKind !== 'category', range: (_u, min, max) => [min - pad, max + pad] },
      },
      cursor: { sync: { key: spec.id }, drag: { x: spec.xKind !== 'category', y: false }, points: { size: 6 } },
      legend: { show: true, live: true },
      series: [],
      axes: [],
      hooks: {
        setScale: [
          (u, key) => {
            if (key !== 'x' || this.syncing) return;
            this.syncing = true;
            for (const p of this.plots) if (p !== u) p.setScale('x', { min: u.scales.x!.min!, max: u.scales.x!.max! });
            this.syncing = false;
          },
        ],
      },
    };
  }

  private panel(panel: ChartPanel, theme: ChartTheme, width: number, host: HTMLElement): uPlot {
    const spec = this.spec;
    const second = 'secondFrom' in spec ? (spec.secondFrom[spec.panels.indexOf(panel)] ?? panel.series.length) : panel.series.length;
    const opts = this.options(width, PANEL_HEIGHT);
    const bars = this.style === 'bars';
    const xLabel = spec.xKind === 'category' ? (_u: uPlot, v: number) => spec.categories?.[v] ?? '' : (_u: uPlot, v: number) => (v === null || v === undefined ? '' : timeLabel(v, spec));
    opts.series = [
      { label: spec.xKind === 'category' ? '' : spec.xKind === 'day' ? t('Day') : t('Time'), value: xLabel },
      ...panel.series.map((s, i): uPlot.Series => {
        const colour = theme.palette[(i < second ? i : i - second) % theme.palette.length]!;
        return {
          label: s.label,
          stroke: colour,
          width: theme.highContrast ? 2.5 : 1.5,
          ...(i >= second ? { dash: [6, 4] } : {}),
          ...(bars ? { fill: theme.highContrast ? colour : withAlpha(colour, i >= second ? 0.35 : 0.8), paths: groupedBars(i, panel.series.length), points: { show: false } } : { points: { show: spec.x.length <= 60, size: 4 }, spanGaps: true }),
          value: (_u, v) => formatValue(v, panel.unit),
        };
      }),
    ];
    opts.scales!.y = { range: (_u, min, max) => (bars ? [Math.min(0, min), max > 0 ? max * 1.08 : 1] : min === max ? [min - 1, max + 1] : [min - (max - min) * 0.05, max + (max - min) * 0.05]) };
    opts.axes = [this.axisX(theme), { stroke: theme.foreground, font: theme.font, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1 }, size: 64, values: (_u, splits) => splits.map((v) => compact(v)) }];
    const data: uPlot.AlignedData = [Float64Array.from(spec.x), ...panel.series.map((s) => s.values as Array<number | null>)];
    return new uPlot(opts, data, host);
  }

  private timeline(theme: ChartTheme, width: number): uPlot {
    const spec = this.spec;
    const lanes = spec.lanes ?? [];
    const events = spec.events ?? [];
    const at = new Map<number, number>();
    spec.x.forEach((x, i) => at.set(x, i));
    const labels = new Map<string, string[]>();
    const values = lanes.map(() => new Array<number | null>(spec.x.length).fill(null));
    for (const e of events) {
      const i = at.get(e.t);
      if (i === undefined) continue;
      values[e.lane]![i] = e.lane;
      const key = `${e.lane}:${i}`;
      const list = labels.get(key) ?? [];
      list.push(e.detail ? `${this.eventText(e.label)} (${e.detail})` : this.eventText(e.label));
      labels.set(key, list);
    }
    const height = Math.max(160, 60 + lanes.length * 34);
    const opts = this.options(width, height);
    opts.series = [
      { label: t('Time'), value: (_u, v) => (v === null || v === undefined ? '' : timeLabel(v, spec)) },
      ...lanes.map((lane, li): uPlot.Series => {
        const colour = theme.palette[li % theme.palette.length]!;
        return {
          label: lane || '—',
          stroke: colour,
          fill: colour,
          paths: () => null,
          points: { show: true, size: theme.highContrast ? 10 : 8, fill: colour, stroke: colour },
          value: (_u, _v, _si, idx) => (idx === null || idx === undefined ? '' : (labels.get(`${li}:${idx}`) ?? []).join('; ') || '—'),
        };
      }),
    ];
    opts.scales!.y = { range: () => [-0.6, Math.max(0.6, lanes.length - 0.4)] };
    opts.axes = [this.axisX(theme), { stroke: theme.foreground, font: theme.font, grid: { stroke: theme.grid, width: 1 }, ticks: { show: false }, size: 110, splits: () => lanes.map((_, i) => i), values: (_u, splits) => splits.map((i) => shorten(lanes[i] ?? '', 14)) } as uPlot.Axis];
    const host = h('div', { class: 'panel timeline' });
    this.body.append(host);
    return new uPlot(opts, [Float64Array.from(spec.x), ...values], host);
  }

  private eventText(label: string): string {
    return this.spec.id === 'unusual' ? t('Experience {0}', label) : t('Event {0}', label);
  }

  /** The whole chart (title, every panel and its legend) on one canvas, as PNG base64. */
  pngBase64(): string {
    const theme = readChartTheme();
    const ratio = window.devicePixelRatio || 1;
    const canvases = this.plots.map((p) => p.ctx.canvas);
    const width = Math.max(...canvases.map((c) => c.width), 400);
    const line = Math.round(18 * ratio);
    const legends = this.plots.map((p) => p.series.slice(1).length);
    const height = line * 2 + canvases.reduce((n, c, i) => n + c.height + line * (1 + Math.ceil(legends[i]! / 3)), 0);
    const out = document.createElement('canvas');
    out.width = width;
    out.height = height;
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = theme.foreground;
    ctx.font = `bold ${Math.round(14 * ratio)}px sans-serif`;
    ctx.fillText(this.text(this.spec.title), 8 * ratio, line * 1.2);
    let y = line * 2;
    ctx.font = `${Math.round(12 * ratio)}px sans-serif`;
    this.plots.forEach((p, pi) => {
      const panel = this.spec.panels[pi];
      if (panel) {
        ctx.fillStyle = theme.foreground;
        ctx.fillText(panel.unit ? `${this.text(panel.title)} (${panel.unit})` : this.text(panel.title), 8 * ratio, y + line * 0.8);
      }
      y += line;
      ctx.drawImage(p.ctx.canvas, 0, y);
      y += p.ctx.canvas.height;
      p.series.slice(1).forEach((s, si) => {
        const col = si % 3;
        const row = Math.floor(si / 3);
        const x = 8 * ratio + col * (width / 3);
        const ly = y + row * line + line * 0.8;
        const stroke = typeof s.stroke === 'function' ? theme.foreground : String(s.stroke ?? theme.foreground);
        ctx.fillStyle = stroke;
        ctx.fillRect(x, ly - 9 * ratio, 10 * ratio, 10 * ratio);
        ctx.fillStyle = s.show === false ? theme.muted : theme.foreground;
        ctx.fillText(shorten(String(s.label ?? ''), 40), x + 16 * ratio, ly);
      });
      y += line * Math.ceil(legends[pi]! / 3);
    });
    return out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  }

  private savePng(): void {
    this.opts.savePng(`${this.opts.fileBase}-${this.spec.id.replace(/[^\w-]+/g, '-')}.png`, this.pngBase64());
  }
}

const COMPACT = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** An axis number in few characters (1.2M, 850K), so large bitrates fit beside the chart. */
function compact(v: number): string {
  return Math.abs(v) >= 10_000 ? COMPACT.format(v) : formatValue(v);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
