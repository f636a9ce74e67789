// Seeded random requests for the SDK cross-check. Every case comes from one 32-bit seed, so a failure
// message that prints the seed is enough to regenerate the case exactly.
import { LosslessNumber, type JsonObject, type JsonValue } from '../../../src/core/json';

/** mulberry32: small, fast and good enough to spread test cases; never used for secrets. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Mixes a base seed, a method index and a case index into one case seed. */
export function caseSeed(base: number, method: number, index: number): number {
  let h = (base ^ Math.imul(method + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = (h + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

const ASCII = ['a', 'Z', '0', '9', 'room', 'user_1', 'x-y', 'a.b', 'v~1', '1400000001', 'Hello World', 'abcDEF123'];
// Characters that a query string or form body must percent-encode, plus JSON escapes.
const SPECIAL = [' ', '&', '=', '+', '/', '?', '#', '%', '%20', '%zz', ';', ',', ':', '@', '$', '[', ']', '"', '\\', '<', '>', '^', '`', '{', '}', '|', "'", '\n', '\t', '\r', '\u0001', '\u001f'];
const UNICODE = ['未命名', '实时音视频', '房间', 'Ünïcödé', 'e\u0301', 'a\u0308\u0304', '\u0303', '😀', '🎉', '🇨🇳', '❤️', 'ß', 'Ω', '한국어', 'עברית', 'مرحبا', '\u{10348}', '\u00e9'];
/** RFC 3986 sub-delimiters that Node's `querystring` leaves unencoded (the SDK's TC3 GET quirk). */
export const QUERY_QUIRK_CHARS = ['!', '(', ')', '*'];
/** Code points json-bigint escapes as `\uXXXX` while JSON.stringify keeps them raw (the SDK's POST quirk). */
export const JSON_QUIRK_CHARS = ['\u007f', '\u0085', '\u009f', '\u00ad', '\u0600', '\u0604', '\u070f', '\u17b4', '\u17b5', '\u200c', '\u200d', '\u200f', '\u2028', '\u2029', '\u202f', '\u2060', '\u206f', '\ufeff', '\ufff0', '\ufffd', '\uffff', '👨\u200d👩\u200d👧'];

const KEYS = [
  'SdkAppId',
  'RoomId',
  'StrRoomId',
  'UserId',
  'UserIds',
  'Filters',
  'Name',
  'Values',
  'Limit',
  'Offset',
  'RecordParams',
  'MixLayoutList',
  'Top',
  'Left',
  'Width',
  'Height',
  'Enabled',
  'Ratio',
  'Tags',
  'Key',
  'Value',
  'Remark',
  'a',
  'b',
  'Z',
  'zeta',
  '_under',
  '名前',
  'Ключ',
  'key with space',
  'a+b',
  'x=y',
  'Emoji😀',
];

const FLOATS = [0.5, -1.25, 3.14159, 1e-7, 1.5e300, 123456.789, 0.1, -0.001, 2.5e-300, 1e21];

/** Which quirk-triggering characters may appear in generated strings. */
export interface GenOptions {
  /** `null` members and items (skipped by both sides when flattening; the SDK strips them from JSON bodies). */
  allowNull: boolean;
  /** Include {@link QUERY_QUIRK_CHARS}. */
  queryQuirks: boolean;
  /** Include {@link JSON_QUIRK_CHARS}. */
  jsonQuirks: boolean;
}

function piece(rng: Rng, opts: GenOptions): string {
  const r = rng.next();
  if (opts.queryQuirks && r < 0.08) {
    return rng.pick(QUERY_QUIRK_CHARS);
  }
  if (opts.jsonQuirks && r >= 0.08 && r < 0.16) {
    return rng.pick(JSON_QUIRK_CHARS);
  }
  if (r < 0.45) {
    return rng.pick(ASCII);
  }
  if (r < 0.7) {
    return rng.pick(SPECIAL);
  }
  return rng.pick(UNICODE);
}

function randomString(rng: Rng, opts: GenOptions): string {
  if (rng.chance(0.08)) {
    return '';
  }
  const count = rng.chance(0.05) ? rng.int(20, 80) : rng.int(1, 6);
  let text = '';
  for (let i = 0; i < count; i++) {
    text += piece(rng, opts);
  }
  return text;
}

function bigInteger(rng: Rng): LosslessNumber {
  if (rng.chance(0.1)) {
    return new LosslessNumber(rng.pick(['9007199254740993', '-9007199254740993', '18446744073709551615', '12345678901234567890']));
  }
  let digits = String(rng.int(1, 9));
  const length = rng.int(17, 30);
  while (digits.length < length) {
    digits += String(rng.int(0, 9));
  }
  return new LosslessNumber(rng.chance(0.2) ? '-' + digits : digits);
}

function scalar(rng: Rng, opts: GenOptions): JsonValue {
  const r = rng.next();
  if (r < 0.4) {
    return randomString(rng, opts);
  }
  if (r < 0.55) {
    return rng.int(-1000, 100000);
  }
  if (r < 0.62) {
    return rng.pick(FLOATS);
  }
  if (r < 0.72) {
    return bigInteger(rng);
  }
  if (r < 0.82) {
    return rng.chance(0.5);
  }
  if (r < 0.86) {
    return rng.pick([0, -1, 4294967295, 9007199254740991]);
  }
  if (r < 0.9 && opts.allowNull) {
    return null;
  }
  return randomString(rng, opts);
}

function value(rng: Rng, depth: number, opts: GenOptions): JsonValue {
  const r = rng.next();
  if (depth >= 3 || r < 0.55) {
    return scalar(rng, opts);
  }
  if (r < 0.8) {
    const length = rng.int(0, 4);
    const items: JsonValue[] = [];
    const ofScalars = rng.chance(0.5);
    for (let i = 0; i < length; i++) {
      items.push(ofScalars ? scalar(rng, opts) : value(rng, depth + 1, opts));
    }
    return items;
  }
  return object(rng, depth + 1, opts, rng.int(0, 4));
}

function object(rng: Rng, depth: number, opts: GenOptions, size: number): JsonObject {
  const out: JsonObject = {};
  for (let i = 0; i < size; i++) {
    out[rng.pick(KEYS)] = value(rng, depth, opts);
  }
  return out;
}

/** Random action parameters: nested objects and arrays, every scalar kind, unicode and specials. */
export function generateParams(rng: Rng, opts: GenOptions): JsonObject {
  return object(rng, 0, opts, rng.int(0, 7));
}

/** The same value as the SDK needs it: json-bigint and querystring take big integers as BigInt. */
export function toSdkValue(value: JsonValue): unknown {
  if (value instanceof LosslessNumber) {
    return BigInt(value.value);
  }
  if (Array.isArray(value)) {
    return value.map(toSdkValue);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      out[key] = toSdkValue(value[key]);
    }
    return out;
  }
  return value;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random text from an alphabet, for keys and tokens. */
export function randomWord(rng: Rng, length: number, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[rng.int(0, alphabet.length - 1)];
  }
  return out;
}
