import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { alignSeries, cellNumber, total, xKindOf, type PointSeries } from './chartSeries';
import { parseCsv } from './csv';
import { buildTable } from './tableModel';
import { parseTimeText } from './timeValues';
import type { Bilingual, ChartSpec, Column, ResultTable } from './types';

/** What a mapping adds to the generic tables of an answer. */
export interface Mapped {
  /** Tables the mapping builds (pivots, parsed CSV, flattened points), shown before the answer's own. */
  tables: ResultTable[];
  charts: ChartSpec[];
  /** The id of the answer's main list, when it is not the first table. */
  main?: string;
  /** Why the answer has no chart, when it has none. */
  noChart?: Bilingual;
}

// The catalog documents the usage values of these four actions in minutes.
const MINUTES = new Set(['DescribeTrtcUsage', 'DescribeRecordingUsage', 'DescribeMixTranscodingUsage', 'DescribeRelayUsage']);

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : String(v))) : [];
}

/**
 * The usage answers (`UsageKey` + `UsageList` of `{TimeKey, UsageValue[]}`): one table row per
 * time key and one column per usage key, and bars per usage key with each key's total.
 */
export function usageSeries(response: JsonObject, action: string): Mapped {
  const keys = strings(response.UsageKey);
  const list = Array.isArray(response.UsageList) ? response.UsageList.filter(isJsonObject) : [];
  const unit = MINUTES.has(action) ? 'min' : '';
  const rows: JsonObject[] = [];
  const points: PointSeries[] = keys.map((k) => ({ label: k, metric: k, points: [] }));
  for (const item of list) {
    const timeKey = typeof item.TimeKey === 'string' ? item.TimeKey : '';
    const values = Array.isArray(item.UsageValue) ? item.UsageValue : [];
    const row: JsonObject = { TimeKey: timeKey };
    keys.forEach((k, i) => {
      row[k] = values[i] ?? null;
    });
    rows.push(row);
    const t = parseTimeText(timeKey);
    if (t !== undefined) keys.forEach((_, i) => points[i]!.points.push([t, cellNumber(values[i])]));
  }
  rows.sort((a, b) => String(a.TimeKey).localeCompare(String(b.TimeKey)));
  const columns: Column[] = [{ key: 'TimeKey', label: 'TimeKey', kind: 'time', time: 'text' }, ...keys.map((k): Column => ({ key: k, label: k, kind: 'float', ...(unit ? { unit } : {}) }))];
  const table: ResultTable = { id: 'usage', title: { en: 'Usage per time key', zh: '各时间点用量' }, path: 'UsageList', columns, rows, derived: true };
  if (!keys.length || !list.length) {
    return { tables: [table], charts: [], noChart: { en: 'The answer has no usage in the period asked for.', zh: '所查询的时间段内没有用量。' } };
  }
  const { x, series } = alignSeries(points);
  for (const s of series) s.total = total(s.values);
  const kind = xKindOf(x, 'utc');
  const chart: ChartSpec = {
    id: 'usage',
    title: kind === 'day' ? { en: 'Usage per day', zh: '每日用量' } : { en: 'Usage per time unit', zh: '各时间单位用量' },
    kind: 'bars',
    xKind: kind,
    x,
    xZone: 'utc',
    panels: [{ title: { en: 'Usage', zh: '用量' }, unit, series }],
    table: 'usage',
  };
  return { tables: [table], charts: [chart] };
}

/** Most rooms a bar chart of room usage shows; the table has all of them. */
export const TOP_ROOMS = 30;

/**
 * DescribeTrtcRoomUsage answers usage per room as CSV text in `Data`: parsed into a table with
 * numeric columns, and bars for the rooms with the most usage.
 */
export function roomUsage(response: JsonObject): Mapped {
  const text = typeof response.Data === 'string' ? response.Data : '';
  const records = parseCsv(text).filter((r) => r.some((f) => f !== ''));
  const header = records[0] ?? [];
  const body = records.slice(1);
  const rows: JsonObject[] = body.map((r) => {
    const row: JsonObject = {};
    header.forEach((h, i) => {
      const f = r[i] ?? '';
      row[h] = i > 0 && f !== '' && Number.isFinite(Number(f)) ? Number(f) : f;
    });
    return row;
  });
  const columns: Column[] = header.map((h, i): Column => ({ key: h, label: h, kind: i === 0 ? 'string' : rows.every((r) => typeof r[h] === 'number' || r[h] === '') ? 'float' : 'string' }));
  const table: ResultTable = { id: 'rooms', title: { en: 'Usage per room', zh: '各房间用量' }, path: 'Data', columns, rows, derived: true };
  const valueCols = columns.slice(1).filter((c) => c.kind === 'float');
  if (!rows.length || !valueCols.length) {
    return { tables: [table], charts: [], noChart: { en: 'No room had usage in the period asked for.', zh: '所查询的时间段内没有房间产生用量。' } };
  }
  const key0 = header[0]!;
  const ranked = rows
    .map((r) => ({ r, sum: valueCols.reduce((s, c) => s + (cellNumber(r[c.key]) ?? 0), 0) }))
    .sort((a, b) => b.sum - a.sum)
    .slice(0, TOP_ROOMS);
  const series = valueCols.map((c) => {
    const values = ranked.map(({ r }) => cellNumber(r[c.key]));
    return { label: c.label, metric: c.key, values, total: total(rows.map((r) => cellNumber(r[c.key]))) };
  });
  const shown = ranked.length < rows.length ? { en: ` (top ${ranked.length} of ${rows.length})`, zh: `（${rows.length} 个中用量最多的 ${ranked.length} 个）` } : { en: '', zh: '' };
  const chart: ChartSpec = {
    id: 'rooms',
    title: { en: `Usage per room${shown.en}`, zh: `各房间用量${shown.zh}` },
    kind: 'bars',
    xKind: 'category',
    x: ranked.map((_, i) => i),
    xZone: 'utc',
    categories: ranked.map(({ r }) => String(r[key0] ?? '')),
    panels: [{ title: { en: 'Usage', zh: '用量' }, unit: '', series }],
    table: 'rooms',
  };
  return { tables: [table], charts: [chart] };
}

/**
 * Usage grouped by application and then by time (DescribeRecordStatistic's `SdkAppIdUsages`,
 * DescribeTrtcMcuTranscodeTime's `Usages`): flattened into one row per application and time key,
 * and one line per application and measure.
 */
export function groupedUsage(response: JsonObject, listKey: string, innerKey: string, unit: string): Mapped {
  const groups = Array.isArray(response[listKey]) ? (response[listKey] as JsonValue[]).filter(isJsonObject) : [];
  const items: JsonObject[] = [];
  for (const g of groups) {
    const inner = Array.isArray(g[innerKey]) ? (g[innerKey] as JsonValue[]).filter(isJsonObject) : [];
    for (const u of inner) items.push({ SdkAppId: g.SdkAppId ?? null, ...u });
  }
  const table = buildTable({ id: 'grouped', title: { en: 'Usage per application and time key', zh: '各应用各时间点用量' }, path: `${listKey}[].${innerKey}`, derived: true }, items, undefined);
  for (const c of table.columns) if (unit && (c.kind === 'integer' || c.kind === 'float') && c.key !== 'SdkAppId') c.unit = unit;
  const measures = table.columns.filter((c) => (c.kind === 'integer' || c.kind === 'float') && c.key !== 'SdkAppId');
  if (!items.length || !measures.length) {
    return { tables: [table], charts: [], noChart: { en: 'The answer has no usage in the period asked for.', zh: '所查询的时间段内没有用量。' } };
  }
  const points = new Map<string, PointSeries>();
  for (const row of items) {
    const t = typeof row.TimeKey === 'string' ? parseTimeText(row.TimeKey) : undefined;
    if (t === undefined) continue;
    const app = String(row.SdkAppId ?? '');
    for (const m of measures) {
      const key = `${app}\u0000${m.key}`;
      if (!points.has(key)) points.set(key, { label: groups.length > 1 ? `${app} · ${m.key}` : m.key, group: app, metric: m.key, points: [] });
      points.get(key)!.points.push([t, cellNumber(row[m.key])]);
    }
  }
  const { x, series } = alignSeries([...points.values()]);
  for (const s of series) s.total = total(s.values);
  const chart: ChartSpec = {
    id: 'grouped',
    title: { en: 'Usage per application', zh: '各应用用量' },
    kind: 'bars',
    xKind: xKindOf(x, 'utc'),
    x,
    xZone: 'utc',
    panels: [{ title: { en: 'Usage', zh: '用量' }, unit, series }],
    table: 'grouped',
  };
  return { tables: [table], charts: [chart] };
}
