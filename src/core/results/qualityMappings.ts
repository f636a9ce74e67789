import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { alignSeries, cellNumber, metricInfo, xKindOf, type PointSeries } from './chartSeries';
import { buildTable } from './tableModel';
import type { ChartPanel, ChartSeries, ChartSpec, Column, ResultTable } from './types';
import type { Mapped } from './usageMappings';

function objects(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

/** Panels of a chart, one per unit, each series placed by its metric's unit. */
function panelsByUnit(series: ChartSeries[], unitOf: (s: ChartSeries) => string): ChartPanel[] {
  const panels = new Map<string, ChartPanel>();
  for (const s of series) {
    const unit = unitOf(s);
    let p = panels.get(unit);
    if (!p) {
      p = { title: unit ? { en: `In ${unit}`, zh: `单位 ${unit}` } : { en: 'Counts', zh: '数量' }, unit, series: [] };
      panels.set(unit, p);
    }
    p.series.push(s);
  }
  return [...panels.values()];
}

/**
 * DescribeScaleInfo: users, room entries and rooms per day, oldest first (the API lists the
 * newest first), as lines.
 */
export function scaleInfo(response: JsonObject): Mapped {
  const list = objects(response.ScaleList);
  const metrics = ['UserNumber', 'UserCount', 'RoomNumbers'];
  const points: PointSeries[] = metrics.map((m) => ({ label: metricInfo(m).title.en, metric: m, points: [] }));
  for (const item of list) {
    const t = cellNumber(item.Time);
    if (t === null) continue;
    metrics.forEach((m, i) => points[i]!.points.push([t, cellNumber(item[m])]));
  }
  if (!list.length) {
    return { tables: [], charts: [], noChart: { en: 'The answer has no days: the period asked for has no data yet (data is collected per day).', zh: '没有按天的数据：所查询的时间段还没有数据（数据按天统计）。' } };
  }
  const { x, series } = alignSeries(points);
  const chart: ChartSpec = {
    id: 'scale',
    title: { en: 'Scale per day', zh: '每日规模' },
    kind: 'lines',
    xKind: xKindOf(x, 'local'),
    x,
    xZone: 'local',
    panels: [{ title: { en: 'Users, room entries and rooms', zh: '用户数、进房次数和房间数' }, unit: '', series }],
    table: 'ScaleList',
  };
  return { tables: [], charts: [chart] };
}

/** The rows of one dashboard series: `Values` as `RowValues` objects (floats when asked for) or as plain arrays. */
function seriesRows(values: JsonValue | undefined): JsonValue[][] {
  if (!Array.isArray(values)) return [];
  return values.map((v) => {
    if (Array.isArray(v)) return v;
    if (isJsonObject(v)) {
      const floats = Array.isArray(v.RowValueFloat) ? v.RowValueFloat : [];
      return floats.length ? floats : Array.isArray(v.RowValue) ? v.RowValue : [];
    }
    return [v];
  });
}

/**
 * The data dashboard answers (DescribeTRTCMarket*, DescribeTRTCRealTime*): `Data.Series`, each a
 * `Columns` header (the first is `time`) and rows of values. Each series becomes a table with one
 * column per name, and the metrics lines against time, one panel per unit.
 */
export function dashboardSeries(response: JsonObject, kind: 'quality' | 'scale'): Mapped {
  const data = isJsonObject(response.Data) ? response.Data : {};
  const list = objects(data.Series);
  const tables: ResultTable[] = [];
  const charts: ChartSpec[] = [];
  list.forEach((s, si) => {
    const names = Array.isArray(s.Columns) ? s.Columns.map((c) => String(c)) : [];
    const rows = seriesRows(s.Values).map((r) => {
      const row: JsonObject = {};
      names.forEach((n, i) => {
        row[n] = r[i] ?? null;
      });
      return row;
    });
    const id = `series${si}`;
    const title = list.length > 1 ? { en: `Series ${si + 1}`, zh: `序列 ${si + 1}` } : { en: 'Series', zh: '序列' };
    const table = buildTable({ id, title, path: `Data.Series[${si}]`, derived: true }, rows, undefined);
    for (const c of table.columns) {
      const unit = metricInfo(c.key).unit;
      if (unit && (c.kind === 'integer' || c.kind === 'float')) c.unit = unit;
    }
    tables.push(table);
    const timeCol = table.columns.find((c) => c.kind === 'time');
    const metrics = table.columns.filter((c: Column) => c !== timeCol && (c.kind === 'integer' || c.kind === 'float'));
    if (!timeCol || !metrics.length || !rows.length) return;
    const points: PointSeries[] = metrics.map((m) => ({ label: metricInfo(m.key).title.en, metric: m.key, points: [] }));
    for (const row of rows) {
      const t = cellNumber(row[timeCol.key]);
      if (t === null) continue;
      const sec = timeCol.time === 'ms' ? t / 1000 : t;
      metrics.forEach((m, i) => points[i]!.points.push([sec, cellNumber(row[m.key])]));
    }
    const { x, series } = alignSeries(points);
    charts.push({
      id,
      title: kind === 'quality' ? { en: `Quality${list.length > 1 ? ` ${si + 1}` : ''}`, zh: `质量${list.length > 1 ? ` ${si + 1}` : ''}` } : { en: `Scale${list.length > 1 ? ` ${si + 1}` : ''}`, zh: `规模${list.length > 1 ? ` ${si + 1}` : ''}` },
      kind: 'lines',
      xKind: xKindOf(x, 'local'),
      x,
      xZone: 'local',
      panels: panelsByUnit(series, (s) => metricInfo(s.metric ?? '').unit),
      table: id,
    });
  });
  if (!charts.length) {
    return { tables, charts, noChart: { en: 'The answer has no data points for the period asked for.', zh: '所查询的时间段内没有数据点。' } };
  }
  return { tables, charts };
}

/** A series label for a user's metric: upstream (no peer) or downstream from a peer. */
function directionLabel(user: string, peer: string): string {
  return peer ? `${user} ← ${peer}` : `${user} ↑`;
}

/**
 * DescribeCallDetailInfo: every `{Time, Value}` point of `Data` in one flat table (user, peer,
 * metric, time, value), and one panel per metric with a line per user and direction. Without
 * `DataType` in the request the answer has the user list only, and the view says so.
 */
export function callDetail(response: JsonObject): Mapped {
  const data = objects(response.Data);
  const items: JsonObject[] = [];
  const byMetric = new Map<string, Map<string, PointSeries>>();
  for (const d of data) {
    const user = typeof d.UserId === 'string' ? d.UserId : String(d.UserId ?? '');
    const peer = typeof d.PeerId === 'string' ? d.PeerId : '';
    const metric = typeof d.DataType === 'string' ? d.DataType : '';
    let series = byMetric.get(metric);
    if (!series) {
      series = new Map();
      byMetric.set(metric, series);
    }
    const key = `${user}\u0000${peer}`;
    let s = series.get(key);
    if (!s) {
      s = { label: directionLabel(user, peer), group: user, metric, points: [] };
      series.set(key, s);
    }
    for (const p of objects(d.Content)) {
      items.push({ UserId: user, PeerId: peer, DataType: metric, Time: p.Time ?? null, Value: p.Value ?? null });
      const t = cellNumber(p.Time);
      if (t !== null) s.points.push([t, cellNumber(p.Value)]);
    }
  }
  // The columns are known, so the rows are used as they are (a call can have tens of thousands of points).
  const table: ResultTable = {
    id: 'metrics',
    title: { en: 'Metrics per user', zh: '各用户指标' },
    path: 'Data[].Content',
    derived: true,
    columns: [
      { key: 'UserId', label: 'UserId', kind: 'string' },
      { key: 'PeerId', label: 'PeerId', kind: 'string' },
      { key: 'DataType', label: 'DataType', kind: 'string' },
      { key: 'Time', label: 'Time', kind: 'time', time: 's' },
      { key: 'Value', label: 'Value', kind: 'float' },
    ],
    rows: items,
  };
  if (!data.length) {
    return {
      tables: [],
      charts: [],
      main: 'UserList',
      noChart: { en: 'The answer has the user list only: ask for metrics with DataType (such as bigvBit, aLoss, appCpu, or all) to draw them.', zh: '应答只有用户列表：在 DataType 中指定指标（如 bigvBit、aLoss、appCpu 或 all）即可绘制。' },
    };
  }
  const all = [...byMetric.values()].flatMap((m) => [...m.values()]);
  const { x, series } = alignSeries(all);
  const panels: ChartPanel[] = [...byMetric.keys()].map((metric) => {
    const info = metricInfo(metric);
    return { title: { en: `${info.title.en} (${metric})`, zh: `${info.title.zh}（${metric}）` }, unit: info.unit, series: series.filter((s) => s.metric === metric) };
  });
  const chart: ChartSpec = { id: 'quality', title: { en: 'Call quality per user', zh: '各用户通话质量' }, kind: 'lines', xKind: 'time', x, xZone: 'local', panels, table: 'metrics' };
  return { tables: [table], charts: [chart] };
}
