import { InputError } from '../errors';
import type { JsonObject, JsonValue } from '../json';
import { findAction, findStruct } from './catalog';
import { inRange } from './issueText';
import { formatTimeText, startOfDay, textLayoutOf } from './rules/moments';
import { ROOM_TYPE_RULES, TWIN_RULES } from './rules/roomRules';
import { WINDOW_RULES } from './rules/timeRules';
import type { ActionInfo, FieldInfo, FieldType } from './types';

/** Options of {@link sampleParams}. */
export interface SampleOptions {
  /** Every parameter that is not deprecated, not only the required ones. */
  all?: boolean;
  /** The moment query windows are placed before, in epoch milliseconds; defaults to the current time. */
  now?: number;
}

/** The application id samples use; it has the shape of a real one and says it is an example. */
export const SAMPLE_SDK_APP_ID = 1_400_000_000;

/** The room samples use: numeric where a numeric room is expected, the same digits as text otherwise. */
const SAMPLE_ROOM = 1001;

const DAY = 86_400;

/** A number a user would plausibly send, by the parameter's name, before it is fitted into its range. */
function preferredNumber(name: string, kind: 'integer' | 'float'): number {
  if (/SdkAppId$/i.test(name)) return SAMPLE_SDK_APP_ID;
  if (/RoomId$/.test(name)) return SAMPLE_ROOM;
  if (kind === 'float') return /Volume|Speed|Tempo/.test(name) ? 1 : 0;
  if (/Width$/.test(name)) return 640;
  if (/Height$/.test(name)) return 360;
  if (/Fps$|Framerate$/i.test(name)) return 15;
  if (/SampleRate$/i.test(name)) return 48_000;
  if (/BitRate$|Bitrate$/i.test(name)) return 800;
  if (/Channels?$/.test(name)) return 2;
  if (/Gop$/.test(name)) return 2;
  if (/Volume$|SoundLevel$/.test(name)) return 100;
  if (/MaxIdleTime$|RecordWaitTime$/.test(name)) return 30;
  if (/PageSize$/.test(name)) return 6;
  if (/PageNo$|PageIndex$/.test(name)) return 1;
  if (/ResourceExpiredHour$/.test(name)) return 24;
  if (/Interval$/.test(name)) return 1000;
  return 0;
}

/** The allowed number nearest to the preferred one. */
function fitted(n: number, field: FieldInfo, integer: boolean): number {
  const range = field.range;
  if (!range || inRange(n, range)) return n;
  let v = Math.min(Math.max(n, range.min ?? n), range.max ?? n);
  if (integer) v = Math.round(v);
  if (inRange(v, range)) return v;
  // Only a listed exception is left in the way (PayloadType 244): step off it within the bounds.
  for (let step = 1; step < 1000; step++) {
    if (inRange(v + step, range)) return v + step;
    if (inRange(v - step, range)) return v - step;
  }
  return range.also?.[0] ?? v;
}

function sampleString(name: string): string {
  if (/SdkAppId$/i.test(name)) return String(SAMPLE_SDK_APP_ID);
  if (/RoomId$/.test(name)) return String(SAMPLE_ROOM);
  if (/UserIds?$/.test(name)) return 'user_1001';
  if (/UserSig$/.test(name)) return 'sample-usersig';
  if (/TaskId$/.test(name)) return 'sample-task-id';
  if (/PublishCdnUrls?$/.test(name)) return 'rtmp://example.com/live/sample';
  if (/(Image|Picture|WaterMark)Url$|^BackgroundImageUrl$|^SubBackgroundImage$|TransparentUrl$/.test(name)) return 'https://example.com/sample.png';
  if (/(Url|URL)s?$/.test(name)) return 'https://example.com/sample.mp4';
  if (/^Region$/.test(name)) return 'ap-guangzhou';
  if (/Color$/i.test(name)) return '#000000';
  return `sample-${name}`;
}

interface Ctx {
  all: boolean;
  nowSeconds: number;
  visiting: Set<string>;
}

function sampleValue(field: FieldInfo, type: FieldType, ctx: Ctx): JsonValue | undefined {
  if (field.enum?.length && type.kind !== 'array' && type.kind !== 'object') return field.enum[0]!.value;
  switch (type.kind) {
    case 'string': {
      const layout = textLayoutOf(field);
      return layout ? formatTimeText(ctx.nowSeconds - DAY, layout) : sampleString(field.name);
    }
    case 'date':
      return formatTimeText(ctx.nowSeconds - DAY, 'YYYY-MM-DD');
    case 'integer': {
      if (field.time === 'unix-s') return Math.floor(ctx.nowSeconds) - 3600;
      if (field.time === 'unix-ms') return Math.floor(ctx.nowSeconds * 1000);
      const n = fitted(preferredNumber(field.name, 'integer'), field, true);
      return type.width === 'int64' || type.width === 'int32' ? n : Math.max(0, n);
    }
    case 'float':
      return fitted(preferredNumber(field.name, 'float'), field, false);
    case 'boolean':
      return false;
    case 'array': {
      const item = type.items ? sampleValue(field, type.items, ctx) : undefined;
      return item === undefined ? [] : [item];
    }
    case 'object': {
      const name = type.struct ?? '';
      const struct = findStruct(name);
      if (!struct || ctx.visiting.has(name)) return undefined;
      ctx.visiting.add(name);
      const value = sampleObject(struct.fields, name, ctx);
      ctx.visiting.delete(name);
      return value;
    }
  }
}

function sampleObject(fields: readonly FieldInfo[], struct: string, ctx: Ctx): JsonObject {
  const out: JsonObject = {};
  for (const f of fields) {
    if (!f.required && (!ctx.all || f.deprecated)) continue;
    const value = sampleValue(f, f.type, ctx);
    if (value !== undefined) out[f.name] = value;
  }
  // A RoomIdType states the kind of the RoomId beside it: the sample room is numeric, so say so.
  for (const rule of ROOM_TYPE_RULES) {
    if (rule.owner !== struct) continue;
    if (typeof out[rule.roomField] === 'string') out[rule.roomField] = String(SAMPLE_ROOM);
    if (out[rule.typeField] !== undefined) out[rule.typeField] = rule.stringValue === 0 ? 1 : 0;
  }
  return out;
}

/** The window samples ask for, as epoch seconds: recent, inside every documented limit. */
function sampleWindow(granularity: string, nowSeconds: number): { start: number; end: number } {
  const minute = Math.floor(nowSeconds / 60) * 60;
  switch (granularity) {
    case 'seconds':
      return { start: minute - 40 * 60, end: minute - 10 * 60 };
    case 'minutes':
      return { start: minute - 70 * 60, end: minute - 10 * 60 };
    case 'days':
      return { start: startOfDay(nowSeconds) - 7 * DAY, end: startOfDay(nowSeconds) };
    default:
      return { start: startOfDay(nowSeconds) - 7 * DAY, end: startOfDay(nowSeconds) - DAY };
  }
}

function writeMoment(field: FieldInfo, epochSeconds: number): JsonValue {
  const layout = textLayoutOf(field);
  if (layout) return formatTimeText(epochSeconds, layout);
  return field.time === 'unix-ms' ? epochSeconds * 1000 : epochSeconds;
}

/**
 * Values for an action's parameters that a user could send as they are: inside documented ranges
 * and value lists, times of a recent query window that the action allows, a room id of the kind the
 * action takes and a RoomIdType that agrees with it, and example ids (`1400000000`, `user_1001`).
 * For the form's *Fill required* and *Fill all* (which, with `all`, leaves deprecated parameters
 * out); the form marks what it filled as samples until the user edits it.
 */
export function sampleParams(action: string | ActionInfo, options: SampleOptions = {}): JsonObject {
  const info = typeof action === 'string' ? findAction(action) : action;
  if (!info) throw new InputError(`Unknown action ${String(action)}; the TRTC API has no action of that name.`);
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const ctx: Ctx = { all: Boolean(options.all), nowSeconds, visiting: new Set() };
  const params = sampleObject(info.input, `${info.name}Request`, ctx);
  for (const rule of TWIN_RULES) {
    if (rule.string.action === info.name && typeof params[rule.string.field] === 'string') params[rule.string.field] = `room_${SAMPLE_ROOM}`;
  }
  const window = WINDOW_RULES[info.name];
  if (window) {
    const { start, end } = sampleWindow(window.granularity, nowSeconds);
    const startField = info.input.find((f) => f.name === window.start);
    const endField = info.input.find((f) => f.name === window.end);
    if (startField && window.start in params) params[window.start] = writeMoment(startField, start);
    if (endField && window.end in params) params[window.end] = writeMoment(endField, end);
    if (typeof params.CommId === 'string') params.CommId = `${SAMPLE_SDK_APP_ID}_${SAMPLE_ROOM}_${start - 3600}`;
  }
  return params;
}
