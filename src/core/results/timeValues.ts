import { isJsonNumber, numberText, type JsonValue } from '../json';
import type { TimeUnit } from './types';

// Member names that hold a moment. Names of durations (`AudioTime`, `Class1VideoTime` of the
// recording statistics are minutes) match too, which is why a column is only taken as a time
// when its values also look like moments (see `detectTimeUnit`).
const MOMENT_NAME = /(^time$|Time$|Timestamp$|TimeStamp$|TimeStampKey$|TimeKey$|Date$|Ts$|^ts$)/i;
const NOT_MOMENT = /(Duration|Timeout|Interval|Idle|Elapsed|Cost|Expire)/i;

// The earliest moment a TRTC answer can hold, in seconds (2001-09-09): smaller numbers are
// durations or counts, not Unix times.
const MIN_SECONDS = 1_000_000_000;
// Unix times in milliseconds are above this (2001-09-09 in ms); seconds stay far below it.
const MIN_MILLIS = 1_000_000_000_000;
// Beyond this (the year 5138 in milliseconds) a number is an id or a counter, not a moment.
const MAX_MILLIS = 100_000_000_000_000;

const TEXT_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** True for a member name that usually holds a moment (`Time`, `JoinTs`, `TimeKey`, `CreateTime`). */
export function isMomentName(name: string): boolean {
  return MOMENT_NAME.test(name) && !NOT_MOMENT.test(name);
}

/**
 * Unix seconds of a date or date-time text such as `2024-05-01` or `2024-05-01 08:00:00`. Text
 * without a zone is read as UTC: the server's wall-clock time is then shown exactly as written
 * wherever the view formats it in UTC.
 */
export function parseTimeText(text: string): number | undefined {
  const m = TEXT_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0')));
  if (Number.isNaN(ms)) return undefined;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms / 1000;
}

/** The value as a plain number, big integers rounded (for drawing, never for showing). */
export function toNumber(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (isJsonNumber(value)) return Number(numberText(value));
  return undefined;
}

/** Unix seconds of a cell of a time column; undefined when the cell holds no readable moment. */
export function momentSeconds(value: JsonValue | undefined, unit: TimeUnit): number | undefined {
  if (unit === 'text') {
    return typeof value === 'string' ? parseTimeText(value) : undefined;
  }
  const n = toNumber(value);
  if (n === undefined || !Number.isFinite(n)) return undefined;
  return unit === 'ms' ? n / 1000 : n;
}

/**
 * How a column holds moments, judged from its name and its values: text dates, Unix seconds or
 * Unix milliseconds. Undefined when the column is not a time (a duration named `AudioTime`, a
 * number too small to be a moment, text that is not a date). A column without values is a time
 * by its name alone, in seconds unless its name says milliseconds.
 */
export function detectTimeUnit(name: string, values: Iterable<JsonValue | undefined>, description = ''): TimeUnit | undefined {
  if (!isMomentName(name)) return undefined;
  let seen = 0;
  let text = 0;
  let millis = 0;
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    seen++;
    if (typeof v === 'string') {
      if (parseTimeText(v) === undefined) return undefined;
      text++;
      continue;
    }
    const n = toNumber(v);
    if (n === undefined || n < MIN_SECONDS || n > MAX_MILLIS) return undefined;
    if (n >= MIN_MILLIS) millis++;
  }
  if (seen === 0) {
    return /millisecond|毫秒|Ms$/i.test(description + name) ? 'ms' : 's';
  }
  if (text > 0) return text === seen ? 'text' : undefined;
  if (millis === seen) return 'ms';
  return millis === 0 ? 's' : undefined;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * `YYYY-MM-DD HH:mm:ss` (with `.SSS` when the moment has milliseconds) in the local zone or in
 * UTC; a day without a time of day when `dayOnly` is set.
 */
export function formatMoment(seconds: number, zone: 'local' | 'utc', options: { dayOnly?: boolean } = {}): string {
  const d = new Date(Math.round(seconds * 1000));
  if (Number.isNaN(d.getTime())) return '';
  const utc = zone === 'utc';
  const day = `${d[utc ? 'getUTCFullYear' : 'getFullYear']()}-${pad(d[utc ? 'getUTCMonth' : 'getMonth']() + 1)}-${pad(d[utc ? 'getUTCDate' : 'getDate']())}`;
  if (options.dayOnly) return day;
  const ms = d[utc ? 'getUTCMilliseconds' : 'getMilliseconds']();
  const time = `${pad(d[utc ? 'getUTCHours' : 'getHours']())}:${pad(d[utc ? 'getUTCMinutes' : 'getMinutes']())}:${pad(d[utc ? 'getUTCSeconds' : 'getSeconds']())}`;
  return `${day} ${time}${ms ? `.${pad(ms, 3)}` : ''}`;
}
