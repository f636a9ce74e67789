import { InputError } from '../errors';
import type { JsonObject, JsonValue } from '../json';
import { findAction, findStruct } from '../catalog/catalog';
import type { ActionInfo, FieldInfo, FieldType } from '../catalog/types';

/** Options of {@link sandboxResponse}. */
export interface SandboxOptions {
  /** The same seed (and the same `now`) gives the same answer; without one every answer differs. */
  seed?: number;
  /** The moment timestamps are placed around, in milliseconds; defaults to the current time. */
  now?: number;
}

/** Every sandbox request id starts with this, so nobody mistakes it for one Tencent Cloud issued. */
export const SANDBOX_REQUEST_ID_PREFIX = 'sandbox-';

/** A small seeded generator (mulberry32): fast, and the same sequence for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Gen {
  next: () => number;
  now: number;
  int: (lo: number, hi: number) => number;
  chars: (n: number, alphabet: string) => string;
}

const HEX = '0123456789abcdef';
const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function uuid(g: Gen): string {
  return `${g.chars(8, HEX)}-${g.chars(4, HEX)}-4${g.chars(3, HEX)}-${'89ab'[g.int(0, 3)]}${g.chars(3, HEX)}-${g.chars(12, HEX)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dayText(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Field names that hold a moment rather than a quantity of time. */
function isMoment(name: string): boolean {
  return /(Time|Timestamp|TimeStamp|Date|Ts)$/.test(name) && !/(Duration|Timeout|Interval|Idle|Elapsed|Cost)/i.test(name);
}

function stringValue(name: string, g: Gen): string {
  if (name === 'RequestId') return SANDBOX_REQUEST_ID_PREFIX + uuid(g);
  if (/TaskId$/.test(name)) return g.chars(40, TOKEN);
  if (/(Url|URL|Uri)$/.test(name)) return `https://example.com/sandbox/${g.chars(8, HEX)}`;
  if (/UserId$/.test(name)) return `user_${g.int(1000, 9999)}`;
  if (/RoomId$/.test(name)) return `room_${g.int(1000, 9999)}`;
  if (/Id$|ID$/.test(name)) return g.chars(16, HEX);
  if (isMoment(name)) {
    const d = new Date(g.now - g.int(0, 86_400) * 1000);
    return `${dayText(d.getTime())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  return `sample ${name} ${g.int(1, 99)}`;
}

function integerValue(name: string, g: Gen): number {
  if (isMoment(name)) {
    const seconds = Math.floor(g.now / 1000) - g.int(0, 86_400);
    return /Ms$|MilliSecond/i.test(name) ? seconds * 1000 + g.int(0, 999) : seconds;
  }
  if (/SdkAppId$/i.test(name)) return 1_400_000_000 + g.int(0, 999_999);
  if (/(Total|Count|Num|Number)$/.test(name)) return g.int(1, 50);
  if (/(Duration|Timeout|Time)/.test(name)) return g.int(1, 3600);
  return g.int(0, 100);
}

function value(field: FieldInfo, type: FieldType, g: Gen, visiting: Set<string>): JsonValue | undefined {
  if (field.enum?.length && type.kind !== 'array' && type.kind !== 'object') {
    return field.enum[g.int(0, field.enum.length - 1)]!.value;
  }
  switch (type.kind) {
    case 'string':
      return stringValue(field.name, g);
    case 'date':
      return dayText(g.now - g.int(0, 30) * 86_400_000);
    case 'integer': {
      const n = integerValue(field.name, g);
      return type.width === 'int64' || type.width === 'int32' ? n : Math.abs(n);
    }
    case 'float':
      return Math.round(g.next() * 10_000) / 100;
    case 'boolean':
      return g.next() < 0.5;
    case 'array': {
      const count = g.int(1, 3);
      const out: JsonValue[] = [];
      for (let i = 0; i < count && type.items; i++) {
        const v = value(field, type.items, g, visiting);
        if (v !== undefined) out.push(v);
      }
      return out;
    }
    case 'object': {
      const name = type.struct ?? '';
      const struct = findStruct(name);
      if (!struct || visiting.has(name)) return undefined;
      visiting.add(name);
      const obj = object(struct.fields, g, visiting);
      visiting.delete(name);
      return obj;
    }
  }
}

function object(fields: readonly FieldInfo[], g: Gen, visiting: Set<string>): JsonObject {
  const out: JsonObject = {};
  for (const f of fields) {
    const v = value(f, f.type, g, visiting);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

/**
 * A made-up answer shaped like the action's real `Response` member: every output member with a
 * plausible value of its type (ids, times near `now`, small counts, known enum values, one to
 * three array elements). For trying the explorer without credentials; the caller labels it as a
 * sandbox answer, and its RequestId starts with {@link SANDBOX_REQUEST_ID_PREFIX}.
 */
export function sandboxResponse(action: string | ActionInfo, options: SandboxOptions = {}): JsonObject {
  const info = typeof action === 'string' ? findAction(action) : action;
  if (!info) throw new InputError(`Unknown action ${String(action)}; the TRTC API has no action of that name.`);
  const next = random(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  const g: Gen = {
    next,
    now: options.now ?? Date.now(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chars: (n, alphabet) => {
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    },
  };
  return object(info.output, g, new Set());
}
