import { momentSeconds, toNumber } from './timeValues';
import type { Bilingual, ChartPanel, ChartSeries, ChartSpec, Column, PlotCandidate, ResultTable, XKind } from './types';

/** What a metric measures and in which unit, for panel titles and axes. */
export interface MetricInfo {
  unit: string;
  title: Bilingual;
}

// The metrics of DescribeCallDetailInfo's DataType and of the data dashboards, with units as
// the API documents them. Names not listed fall back to a guess from the name (see metricInfo).
const METRICS: Record<string, [unit: string, en: string, zh: string]> = {
  appCpu: ['%', 'App CPU usage', 'App CPU 使用率'],
  sysCpu: ['%', 'System CPU usage', '系统 CPU 使用率'],
  aBit: ['bps', 'Audio bitrate', '音频码率'],
  aBlock: ['ms', 'Audio stutter', '音频卡顿时长'],
  aLoss: ['%', 'Audio packet loss', '音频丢包率'],
  aCapEnergy: ['', 'Audio capture energy', '音频采集能量'],
  aPlayEnergy: ['', 'Audio playback energy', '音频播放能量'],
  bigvBit: ['bps', 'Video bitrate', '视频码率'],
  bigvCapFps: ['fps', 'Video capture frame rate', '视频采集帧率'],
  bigvEncFps: ['fps', 'Video send frame rate', '视频发送帧率'],
  bigvDecFps: ['fps', 'Render frame rate', '渲染帧率'],
  bigvRecFps: ['fps', 'Cloud delivery frame rate', '云端送达帧率'],
  bigvBlock: ['ms', 'Video stutter', '视频卡顿时长'],
  bigvLoss: ['%', 'Video packet loss', '视频丢包率'],
  bigvWidth: ['px', 'Video width', '视频宽度'],
  bigvHeight: ['px', 'Video height', '视频高度'],
  rtt: ['ms', 'Round-trip time', '往返延时'],
  networkDelay: ['ms', 'Network delay', '网络延时'],
  userCount: ['', 'Users', '用户数'],
  roomCount: ['', 'Rooms', '房间数'],
  peakCurrentUsers: ['', 'Peak concurrent users', '峰值在线用户'],
  peakCurrentChannels: ['', 'Peak concurrent channels', '峰值在线频道'],
  UserNumber: ['', 'Users', '用户数'],
  UserCount: ['', 'Room entries', '进房次数'],
  RoomNumbers: ['', 'Rooms', '房间数'],
};

/** The unit and title of a metric: from the documented list, else guessed from its name (`…Rate` is a percentage). */
export function metricInfo(name: string): MetricInfo {
  const known = METRICS[name];
  if (known) return { unit: known[0], title: { en: known[1], zh: known[2] } };
  const unit = /Rate$|Percent|Ratio/i.test(name) ? '%' : /Delay|Rtt|Latency|Block$/i.test(name) ? 'ms' : /Bitrate|Bit$/i.test(name) ? 'bps' : /Fps$/i.test(name) ? 'fps' : '';
  return { unit, title: { en: name, zh: name } };
}

/** One series as points, before the series of a chart are aligned on one x axis. */
export interface PointSeries {
  label: string;
  group?: string;
  metric?: string;
  points: Array<[x: number, y: number | null]>;
}

/**
 * Aligns series of points on the union of their x values (sorted): each series gets a value at
 * every x, `null` where it has none. A point repeated at the same x keeps its last value.
 */
export function alignSeries(list: readonly PointSeries[]): { x: number[]; series: ChartSeries[] } {
  const xs = new Set<number>();
  for (const s of list) for (const [x] of s.points) xs.add(x);
  const x = [...xs].sort((a, b) => a - b);
  const at = new Map<number, number>();
  x.forEach((v, i) => at.set(v, i));
  const series = list.map((s) => {
    const values: Array<number | null> = new Array<number | null>(x.length).fill(null);
    for (const [px, py] of s.points) values[at.get(px)!] = py;
    return { label: s.label, ...(s.group !== undefined ? { group: s.group } : {}), ...(s.metric !== undefined ? { metric: s.metric } : {}), values };
  });
  return { x, series };
}

/** Days when every x is a UTC (or, for local charts, a whole-hour-offset) midnight one day or more apart; otherwise times. */
export function xKindOf(x: readonly number[], zone: 'utc' | 'local'): XKind {
  if (x.length === 0) return 'time';
  const hourAligned = x.every((v) => (zone === 'utc' ? v % 86_400 === 0 : v % 3_600 === 0));
  const spaced = x.every((v, i) => i === 0 || v - x[i - 1]! >= 86_400);
  return hourAligned && spaced && (zone === 'utc' || x.length > 1) ? 'day' : 'time';
}

/** The sum of a series' values (nulls skipped), rounded to six decimals against float noise. */
export function total(values: ReadonlyArray<number | null>): number {
  let sum = 0;
  for (const v of values) if (v !== null) sum += v;
  return Math.round(sum * 1e6) / 1e6;
}

/** The number in a cell, or null. */
export function cellNumber(value: unknown): number | null {
  const n = toNumber(value as never);
  return n === undefined || !Number.isFinite(n) ? null : n;
}

function isNumeric(c: Column): boolean {
  return c.kind === 'integer' || c.kind === 'float';
}

/** A table as a plot candidate when it has a time column and a numeric column. */
export function plotCandidate(table: ResultTable): PlotCandidate | undefined {
  const timeColumns = table.columns.filter((c) => c.kind === 'time').map((c) => c.key);
  const valueColumns = table.columns.filter(isNumeric).map((c) => c.key);
  if (!timeColumns.length || !valueColumns.length || table.rows.length === 0) return undefined;
  const groupColumns = table.columns.filter((c) => c.kind === 'string' && /(UserId|PeerId|RoomId|RoomStr|RoomString|SdkAppId|DataType|Type)$/i.test(c.key)).map((c) => c.key);
  return { table: table.id, timeColumns, valueColumns, groupColumns };
}

/**
 * Draws columns of any table the user picks: one line per value column (and per group, when a
 * group column is chosen), against the chosen time column, in one panel per unit.
 */
export function plotTable(table: ResultTable, choice: { time: string; values: string[]; group?: string }): ChartSpec | undefined {
  const timeCol = table.columns.find((c) => c.key === choice.time && c.kind === 'time');
  if (!timeCol?.time) return undefined;
  const valueCols = choice.values.map((k) => table.columns.find((c) => c.key === k)).filter((c): c is Column => !!c && isNumeric(c));
  if (!valueCols.length) return undefined;
  const byKey = new Map<string, PointSeries>();
  for (const row of table.rows) {
    const t = momentSeconds(row[timeCol.key], timeCol.time);
    if (t === undefined) continue;
    const group = choice.group ? String(row[choice.group] ?? '') : undefined;
    for (const c of valueCols) {
      const key = `${group ?? ''}\u0000${c.key}`;
      let s = byKey.get(key);
      if (!s) {
        s = { label: group !== undefined ? `${group || '—'} · ${c.label}` : c.label, ...(group !== undefined ? { group } : {}), metric: c.key, points: [] };
        byKey.set(key, s);
      }
      s.points.push([t, cellNumber(row[c.key])]);
    }
  }
  const { x, series } = alignSeries([...byKey.values()]);
  const zone = timeCol.time === 'text' ? 'utc' : 'local';
  const panels = new Map<string, ChartPanel>();
  series.forEach((s) => {
    const unit = table.columns.find((c) => c.key === s.metric)?.unit ?? metricInfo(s.metric ?? '').unit;
    let p = panels.get(unit);
    if (!p) {
      p = { title: { en: table.title.en, zh: table.title.zh }, unit, series: [] };
      panels.set(unit, p);
    }
    p.series.push(s);
  });
  return {
    id: `plot:${table.id}`,
    title: { en: `${table.title.en}: ${valueCols.map((c) => c.label).join(', ')}`, zh: `${table.title.zh}：${valueCols.map((c) => c.label).join('、')}` },
    kind: 'lines',
    xKind: xKindOf(x, zone),
    x,
    xZone: zone,
    panels: [...panels.values()],
    table: table.id,
  };
}
