import { findAction, findStruct } from '../catalog/catalog';
import { inRange } from '../catalog/issueText';
import { formatTimeText, textLayoutOf } from '../catalog/rules/moments';
import type { ActionInfo, FieldInfo, FieldType } from '../catalog/types';
import { InputError } from '../errors';
import { isJsonNumber, numberText, type JsonObject, type JsonValue } from '../json';
import { callSeriesAnswer } from './callSeries';
import { makeGen, uuid, type Gen } from './random';
import { usageSeriesAnswer } from './usageSeries';

/** Options of {@link sandboxResponse}. */
export interface SandboxOptions {
  /** The same seed (and the same `now`) gives the same answer; without one every answer differs. */
  seed?: number;
  /** The moment timestamps are placed around, in milliseconds; defaults to the current time. */
  now?: number;
  /** The request's parameters, so that the answer echoes its ids and honours its window and page size. */
  params?: JsonObject;
}

/** Every sandbox request id starts with this, so nobody mistakes it for one Tencent Cloud issued. */
export const SANDBOX_REQUEST_ID_PREFIX = 'sandbox-';

const HEX = '0123456789abcdef';
const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Field names that hold a moment rather than a quantity of time. */
function isMoment(name: string): boolean {
  return /(Time|Timestamp|TimeStamp|Date|Ts)$/.test(name) && !/(Duration|Timeout|Interval|Idle|Elapsed|Cost)/i.test(name);
}

interface Ctx {
  g: Gen;
  params: JsonObject;
  visiting: Set<string>;
}

/** A request parameter the answer should repeat where it has a member of the same name (SdkAppId, RoomId, TaskId...). */
function echoed(name: string, type: FieldType, ctx: Ctx): JsonValue | undefined {
  if (!/(SdkAppId|SdkAppid|RoomId|StrRoomId|TaskId|UserId|SessionId|RecordId|PictureId|VoicePrintId)$/.test(name)) return undefined;
  const v = ctx.params[name];
  if (v === undefined || v === '') return undefined;
  if (type.kind === 'string' && typeof v === 'string') return v;
  if (type.kind === 'string' && isJsonNumber(v)) return numberText(v);
  if (type.kind === 'integer' && isJsonNumber(v)) return v;
  return undefined;
}

function stringValue(field: FieldInfo, ctx: Ctx): string {
  const { name } = field;
  const g = ctx.g;
  if (name === 'RequestId') return SANDBOX_REQUEST_ID_PREFIX + uuid(g);
  const layout = textLayoutOf(field);
  if (layout) return formatTimeText(Math.floor(g.now / 1000) - g.int(0, 86_400), layout);
  if (/TaskId$/.test(name)) return g.chars(40, TOKEN);
  if (/(Url|URL|Uri)$/.test(name)) return `https://example.com/sandbox/${g.chars(8, HEX)}`;
  if (/UserId$/.test(name)) return `user_${g.int(1000, 9999)}`;
  if (/RoomId$/.test(name)) return `room_${g.int(1000, 9999)}`;
  if (/Id$|ID$/.test(name)) return g.chars(16, HEX);
  if (isMoment(name)) return formatTimeText(Math.floor(g.now / 1000) - g.int(0, 86_400), 'YYYY-MM-DD HH:mm:ss');
  return `sample ${name} ${g.int(1, 99)}`;
}

function integerValue(field: FieldInfo, g: Gen): number {
  const { name } = field;
  if (field.time === 'unix-ms' || (isMoment(name) && /Ms$|MilliSecond/i.test(name))) return Math.floor(g.now) - g.int(0, 86_400_000);
  if (field.time === 'unix-s' || isMoment(name)) return Math.floor(g.now / 1000) - g.int(0, 86_400);
  if (/SdkAppId$/i.test(name)) return 1_400_000_000 + g.int(0, 999_999);
  if (/(Total|Count|Num|Number)$/.test(name)) return g.int(1, 50);
  if (/(Duration|Timeout|Time)/.test(name)) return g.int(1, 3600);
  return g.int(0, 100);
}

/** A number inside the field's documented range: drawn again until it fits, then its nearest bound. */
function withinRange(n: number, field: FieldInfo, g: Gen, integer: boolean): number {
  const range = field.range;
  if (!range || inRange(n, range)) return n;
  const lo = range.min ?? Math.min(n, range.max ?? n);
  const hi = range.max ?? Math.max(n, lo + 100);
  for (let i = 0; i < 8; i++) {
    const v = integer ? g.int(Math.ceil(lo), Math.floor(hi)) : lo + g.next() * (hi - lo);
    if (inRange(v, range)) return v;
  }
  return range.also?.[0] ?? lo;
}

/** How many elements a list answer holds: what PageSize or Limit asks for, else one to three. */
function listLength(ctx: Ctx): number {
  for (const key of ['PageSize', 'Limit']) {
    const v = ctx.params[key];
    if (isJsonNumber(v)) return Math.max(0, Math.min(Number(numberText(v)), 100));
  }
  return ctx.g.int(1, 3);
}

function value(field: FieldInfo, type: FieldType, ctx: Ctx): JsonValue | undefined {
  const g = ctx.g;
  const echo = echoed(field.name, type, ctx);
  if (echo !== undefined) return echo;
  if (field.enum?.length && type.kind !== 'array' && type.kind !== 'object') {
    return field.enum[g.int(0, field.enum.length - 1)]!.value;
  }
  switch (type.kind) {
    case 'string':
      return stringValue(field, ctx);
    case 'date':
      return formatTimeText(Math.floor(g.now / 1000) - g.int(0, 30) * 86_400, 'YYYY-MM-DD');
    case 'integer': {
      const n = withinRange(integerValue(field, g), field, g, true);
      return type.width === 'int64' || type.width === 'int32' ? n : Math.abs(n);
    }
    case 'float':
      return Math.round(withinRange(g.next() * 100, field, g, false) * 100) / 100;
    case 'boolean':
      return g.next() < 0.5;
    case 'array': {
      const count = type.items?.kind === 'object' ? listLength(ctx) : g.int(1, 3);
      const out: JsonValue[] = [];
      for (let i = 0; i < count && type.items; i++) {
        const v = value(field, type.items, ctx);
        if (v !== undefined) out.push(v);
      }
      return out;
    }
    case 'object': {
      const name = type.struct ?? '';
      const struct = findStruct(name);
      if (!struct || ctx.visiting.has(name)) return undefined;
      ctx.visiting.add(name);
      const obj = object(struct.fields, ctx);
      ctx.visiting.delete(name);
      return obj;
    }
  }
}

function object(fields: readonly FieldInfo[], ctx: Ctx): JsonObject {
  const out: JsonObject = {};
  for (const f of fields) {
    const v = value(f, f.type, ctx);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

/** Keeps a list answer's Total no smaller than the page it came with. */
function coherentTotal(answer: JsonObject): void {
  if (!isJsonNumber(answer.Total)) return;
  const lists = Object.values(answer).filter(Array.isArray);
  const longest = Math.max(0, ...lists.map((l) => l.length));
  if (Number(numberText(answer.Total)) < longest) answer.Total = longest;
}

/**
 * A made-up answer shaped like the action's real `Response` member: every output member with a
 * plausible value of its type, inside documented ranges and value lists. With the request's
 * parameters, ids asked for are echoed, lists honour PageSize, and the usage, dashboard and
 * call-quality actions answer with series covering exactly the window asked for. For trying the
 * explorer without credentials; the RequestId starts with {@link SANDBOX_REQUEST_ID_PREFIX}.
 */
export function sandboxResponse(action: string | ActionInfo, options: SandboxOptions = {}): JsonObject {
  const info = typeof action === 'string' ? findAction(action) : action;
  if (!info) throw new InputError(`Unknown action ${String(action)}; the TRTC API has no action of that name.`);
  const g = makeGen(options.seed ?? Math.floor(Math.random() * 2 ** 32), options.now ?? Date.now());
  const params = options.params ?? {};
  const ctx: Ctx = { g, params, visiting: new Set() };
  const series = usageSeriesAnswer(info, params, g) ?? callSeriesAnswer(info, params, g);
  const answer = series ?? object(info.output.filter((f) => f.name !== 'RequestId'), ctx);
  if (!series) coherentTotal(answer);
  // RequestId goes last, as the API writes it.
  return { ...answer, RequestId: SANDBOX_REQUEST_ID_PREFIX + uuid(g) };
}
