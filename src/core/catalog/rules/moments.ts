import { isJsonNumber, numberText } from '../../json';
import type { FieldInfo, TimeTextFormat } from '../types';

/**
 * Reading and writing the moments TRTC parameters hold: Unix seconds or milliseconds in integers,
 * calendar days and text times in strings. Text times carry no zone; TRTC's statistics count in
 * Beijing time (UTC+8), so text is read and written in that zone.
 */

/** Beijing time, in which TRTC's text times and calendar days are written. */
export const TEXT_TIME_OFFSET_SECONDS = 8 * 3600;

/** Above this an integer meant as Unix seconds is far more likely milliseconds (it is past the year 5000). */
export const SECONDS_LOOK_LIKE_MS = 100_000_000_000;

const LAYOUTS: Record<TimeTextFormat, RegExp> = {
  'YYYY-MM-DD': /^(\d{4})-(\d{2})-(\d{2})$/,
  'YYYY-MM-DD HH:mm': /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/,
  'YYYY-MM-DD HH:mm:ss': /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/,
};

/** The layout a field's moment text follows: its documented one, or a calendar day for `date` fields. */
export function textLayoutOf(field: Pick<FieldInfo, 'type' | 'timeFormat'>): TimeTextFormat | undefined {
  return field.timeFormat ?? (field.type.kind === 'date' ? 'YYYY-MM-DD' : undefined);
}

/**
 * Epoch seconds of a text in a layout, or undefined when it does not follow the layout or names a
 * day or time that does not exist. A calendar-day field also accepts a day followed by a time,
 * as the documentation's own examples write it.
 */
export function parseTimeText(text: string, layout: TimeTextFormat): number | undefined {
  let m = LAYOUTS[layout].exec(text);
  if (!m && layout === 'YYYY-MM-DD') m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m![i] ?? 0)) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return ms / 1000 - TEXT_TIME_OFFSET_SECONDS;
}

/** Epoch seconds of 00:00 Beijing time on the day of a moment: where TRTC's days begin. */
export function startOfDay(epochSeconds: number): number {
  return Math.floor((epochSeconds + TEXT_TIME_OFFSET_SECONDS) / 86_400) * 86_400 - TEXT_TIME_OFFSET_SECONDS;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A moment written in a layout, in Beijing time. */
export function formatTimeText(epochSeconds: number, layout: TimeTextFormat): string {
  const d = new Date((epochSeconds + TEXT_TIME_OFFSET_SECONDS) * 1000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (layout === 'YYYY-MM-DD') return day;
  const minute = `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return layout === 'YYYY-MM-DD HH:mm' ? minute : `${minute}:${pad(d.getUTCSeconds())}`;
}

/** The integer a JSON number holds, when it holds a safe one. */
function safeInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (!isJsonNumber(value)) return undefined;
  const n = Number(numberText(value));
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * The moment a parameter value holds, in epoch seconds, read the way its field is documented; or
 * undefined for a value of another shape (left to the structural checks).
 */
export function momentOf(value: unknown, field: FieldInfo): number | undefined {
  const layout = textLayoutOf(field);
  if (layout) return typeof value === 'string' ? parseTimeText(value, layout) : undefined;
  const n = safeInteger(value);
  if (n === undefined) return undefined;
  return field.time === 'unix-ms' ? n / 1000 : n;
}

/** A moment for messages: the value as given, with its UTC time beside a Unix number. */
export function showMoment(value: unknown, epochSeconds: number): string {
  if (typeof value === 'string') return value;
  const text = isJsonNumber(value) ? numberText(value) : String(value);
  return `${text} (${new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z')})`;
}
