import { formatTimeText, momentOf, startOfDay, TEXT_TIME_OFFSET_SECONDS } from '../catalog/rules/moments';
import type { ActionInfo } from '../catalog/types';
import type { JsonObject, JsonValue } from '../json';
import type { Gen } from './random';
import { dayFactor, hourFactor, jitter, round, walk } from './shapes';

/**
 * Sandbox answers for usage and dashboard queries: exactly the window asked for, at the action's
 * granularity (five minutes within one day, days beyond, hours or days as `Period` says, ten
 * seconds for the real-time dashboards), one value per usage key, shaped like a day of traffic.
 */

const DAY = 86_400;

/** The usage keys each usage action answers with, in the order the documentation's examples list them. */
export const USAGE_KEYS: Readonly<Record<string, readonly string[]>> = {
  DescribeTrtcUsage: ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'],
  DescribeRecordingUsage: ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'],
  DescribeMixTranscodingUsage: ['Audio', 'SDH264', 'HDH264', 'FullHDH264', '2KH264', '4KH264', 'SDH265', 'HDH265', 'FullHDH265', '2KH265', '4KH265'],
  DescribeRelayUsage: ['Bandwidth'],
};

/** How a day's minutes spread over resolutions: most audio, little 4K. */
const SHARE: Readonly<Record<string, number>> = {
  Audio: 1,
  SD: 0.55,
  HD: 0.3,
  FullHD: 0.1,
  '2K': 0.02,
  '4K': 0.004,
  SDH264: 0.3,
  HDH264: 0.18,
  FullHDH264: 0.06,
  '2KH264': 0.01,
  '4KH264': 0.002,
  SDH265: 0.08,
  HDH265: 0.05,
  FullHDH265: 0.02,
  '2KH265': 0.004,
  '4KH265': 0.001,
};

function field(info: ActionInfo, name: string) {
  return info.input.find((f) => f.name === name);
}

/** The start and end of the request's window in epoch seconds, read as its fields are documented. */
export function requestWindow(info: ActionInfo, params: JsonObject): { start: number; end: number } | undefined {
  const s = field(info, 'StartTime');
  const e = field(info, 'EndTime');
  if (!s || !e) return undefined;
  const start = momentOf(params.StartTime, s);
  const end = momentOf(params.EndTime, e);
  return start === undefined || end === undefined ? undefined : { start, end };
}

function usageAnswer(info: ActionInfo, params: JsonObject, g: Gen): JsonObject | undefined {
  const keys = USAGE_KEYS[info.name];
  const window = requestWindow(info, params);
  if (!keys || !window) return undefined;
  const nowSeconds = g.now / 1000;
  const first = startOfDay(window.start);
  const last = startOfDay(window.end);
  // One day asked for: five-minute points over it; more: one point per day, both ends included.
  const step = first === last ? 300 : DAY;
  const until = first === last ? first + DAY - step : last;
  const audioPerDay = jitter(g, 40_000, 0.5);
  const relayPeak = jitter(g, 120, 0.5);
  const list: JsonValue[] = [];
  for (let t = first; t <= until; t += step) {
    const shape = dayFactor(t) * (step === DAY ? 1 : hourFactor(t));
    const values = keys.map((k) => {
      if (t > nowSeconds) return 0;
      if (k === 'Bandwidth') return round(jitter(g, relayPeak * shape), 2);
      const perPoint = (audioPerDay * SHARE[k]! * step) / DAY;
      return round(jitter(g, perPoint * shape));
    });
    list.push({ TimeKey: formatTimeText(t, 'YYYY-MM-DD HH:mm:ss'), TimeStampKey: t, UsageValue: values });
  }
  return { UsageKey: [...keys], UsageList: list };
}

function roomUsageAnswer(info: ActionInfo, params: JsonObject, g: Gen): JsonObject | undefined {
  const window = requestWindow(info, params);
  if (!window) return undefined;
  const minutes = Math.max(0, (Math.min(window.end, g.now / 1000) - window.start) / 60);
  const keys = ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'];
  const rooms = g.int(3, 8);
  let csv = `RoomId,${keys.join(',')}\n`;
  for (let i = 0; i < rooms; i++) {
    const room = i === rooms - 1 ? `room_${g.chars(4, 'abcdefghjkmnpqrstuvwxyz')}` : String(1001 + i * g.int(1, 9));
    const seconds = jitter(g, minutes * 60 * g.int(2, 12), 0.3);
    csv += `${room},${keys.map((k) => round(seconds * SHARE[k]!)).join(',')}\n`;
  }
  return { Data: csv };
}

function scaleInfoAnswer(info: ActionInfo, params: JsonObject, g: Gen): JsonObject | undefined {
  const window = requestWindow(info, params);
  if (!window) return undefined;
  const today = startOfDay(g.now / 1000);
  const rooms = jitter(g, 8_000, 0.6);
  const list: JsonValue[] = [];
  // Whole days only, newest first; the current day is not counted yet.
  for (let t = startOfDay(window.start); t < window.end && t < today; t += DAY) {
    const roomNumbers = round(jitter(g, rooms * dayFactor(t)));
    const userNumber = round(roomNumbers * jitter(g, 3.2, 0.2));
    list.unshift({ Time: t, RoomNumbers: roomNumbers, UserNumber: userNumber, UserCount: round(userNumber * jitter(g, 2.4, 0.2)) });
  }
  return { Total: list.length, ScaleList: list };
}

const MARKET_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  DescribeTRTCMarketQualityData: ['time', 'videoFreezeRate', 'audioFreezeRate', 'networkDelay', 'joinSuccessRate', 'joinSuccessIn5sRate'],
  DescribeTRTCMarketScaleData: ['time', 'peakCurrentUsers', 'peakCurrentChannels', 'userCount', 'roomCount'],
  DescribeTRTCMarketScaleMetricData: ['time', 'peakCurrentUsers', 'peakCurrentChannels', 'userCount', 'roomCount'],
  DescribeTRTCRealTimeQualityData: ['time', 'videoFreezeRate', 'audioFreezeRate'],
  DescribeTRTCRealTimeScaleData: ['time', 'userCount', 'roomCount'],
};

/** One row of dashboard values for a moment, by column. */
function dashboardRow(columns: readonly string[], t: number, g: Gen, scale: number, hourly: boolean): number[] {
  const busy = dayFactor(t) * (hourly ? hourFactor(t) : 1);
  return columns.map((c) => {
    switch (c) {
      case 'time':
        return t;
      case 'videoFreezeRate':
        return jitter(g, 1.6, 0.6);
      case 'audioFreezeRate':
        return jitter(g, 0.8, 0.6);
      case 'networkDelay':
        return jitter(g, 1.2, 0.6);
      case 'joinSuccessRate':
        return Math.min(100, jitter(g, 98.5, 0.015));
      case 'joinSuccessIn5sRate':
        return Math.min(100, jitter(g, 96, 0.02));
      case 'peakCurrentUsers':
        return jitter(g, scale * 0.08 * busy, 0.1);
      case 'peakCurrentChannels':
        return jitter(g, scale * 0.05 * busy, 0.1);
      case 'userCount':
        return jitter(g, scale * busy, 0.1);
      default:
        return jitter(g, scale * 0.7 * busy, 0.1);
    }
  });
}

function marketAnswer(info: ActionInfo, params: JsonObject, g: Gen): JsonObject | undefined {
  const columns = MARKET_COLUMNS[info.name];
  const window = requestWindow(info, params);
  if (!columns || !window) return undefined;
  // Market days are whole UTC days: rows at UTC midnight (Period d) or every UTC hour (Period h).
  const startUtc = Math.floor((window.start + TEXT_TIME_OFFSET_SECONDS) / DAY) * DAY;
  const endUtc = Math.floor((window.end + TEXT_TIME_OFFSET_SECONDS) / DAY) * DAY;
  const hourly = params.Period === 'h';
  const step = hourly ? 3600 : DAY;
  const last = hourly ? endUtc + DAY - step : endUtc;
  const scale = jitter(g, hourly ? 900 : 6000, 0.5);
  const float = params.IsFloat === true;
  const rows: number[][] = [];
  for (let t = startUtc; t <= last && t <= g.now / 1000; t += step) rows.push(dashboardRow(columns, t, g, scale, hourly));
  if (info.name === 'DescribeTRTCMarketScaleMetricData') {
    return { Data: { StatementID: 0, Series: rows.map((r) => ({ Columns: [...columns], Values: r.map((v) => round(v)) })), Total: 1 } };
  }
  const values: JsonValue[] = rows.map((r) => {
    const row: JsonObject = { RowValue: r.map((v) => round(v)) };
    if (float) row.RowValueFloat = r.map((v, i) => (i === 0 ? v : round(v, 2)));
    return row;
  });
  return { Data: { StatementID: 0, Series: [{ Columns: [...columns], Values: values }], Total: 1 } };
}

function realTimeAnswer(info: ActionInfo, params: JsonObject, g: Gen): JsonObject | undefined {
  const columns = MARKET_COLUMNS[info.name];
  const window = requestWindow(info, params);
  if (!columns || !window) return undefined;
  const first = Math.ceil(window.start / 10) * 10;
  const last = Math.min(window.end, Math.floor(g.now / 1000));
  const count = Math.max(0, Math.floor((last - first) / 10) + 1);
  const inRoom = typeof params.RoomId === 'string' && params.RoomId !== '';
  const users = walk(g, count, inRoom ? 6 : jitter(g, 300, 0.5), 0, 1e9, inRoom ? 1 : 8);
  const video = walk(g, count, 1.5, 0, 30, 0.6);
  const audio = walk(g, count, 0.7, 0, 30, 0.4);
  const values: JsonValue[] = [];
  for (let i = 0; i < count; i++) {
    const t = first + i * 10;
    const row = columns.map((c) => {
      if (c === 'time') return t;
      if (c === 'videoFreezeRate') return round(video[i]!);
      if (c === 'audioFreezeRate') return round(audio[i]!);
      if (c === 'userCount') return round(users[i]!);
      return inRoom ? 1 : round(users[i]! * 0.7);
    });
    values.push({ RowValue: row });
  }
  return { Data: { StatementID: 0, Series: [{ Columns: [...columns], Values: values }], Total: 1 } };
}

/** A series answer for the usage and dashboard actions, or undefined for any other action or an unreadable window. */
export function usageSeriesAnswer(info: ActionInfo, params: JsonObject, g: Gen): JsonObject | undefined {
  if (USAGE_KEYS[info.name]) return usageAnswer(info, params, g);
  switch (info.name) {
    case 'DescribeTrtcRoomUsage':
      return roomUsageAnswer(info, params, g);
    case 'DescribeScaleInfo':
      return scaleInfoAnswer(info, params, g);
    case 'DescribeTRTCMarketQualityData':
    case 'DescribeTRTCMarketScaleData':
    case 'DescribeTRTCMarketScaleMetricData':
      return marketAnswer(info, params, g);
    case 'DescribeTRTCRealTimeQualityData':
    case 'DescribeTRTCRealTimeScaleData':
      return realTimeAnswer(info, params, g);
    default:
      return undefined;
  }
}
