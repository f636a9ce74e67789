/*
 * Unix-time fields: what a number means as local and UTC time, and the quick values the form
 * offers ("now", "1 hour ago", "today 00:00"), in the unit the field takes.
 */

/** How an integer field holds a moment. */
export type TimeUnit = 'unix-s' | 'unix-ms';

/** The quick values beside a Unix-time field. */
export type QuickMoment = 'now' | 'hourAgo' | 'todayStart';

/** The moment as epoch milliseconds, or undefined when the text is not a whole number. */
export function momentMs(text: string, unit: TimeUnit): number | undefined {
  const t = text.trim();
  if (!/^-?\d{1,16}$/.test(t)) {
    return undefined;
  }
  const n = Number(t);
  const ms = unit === 'unix-ms' ? n : n * 1000;
  // Outside what a Date can hold the number is no moment at all.
  return Math.abs(ms) <= 8.64e15 ? ms : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:mm:ss` in local time. */
export function localText(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `YYYY-MM-DD HH:mm:ss UTC`. */
export function utcText(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** The local time zone's offset as `UTC+08:00`. */
export function zoneText(ms: number): string {
  const minutes = -new Date(ms).getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The value of a quick moment in the field's unit, as the digits to put in the input. */
export function quickMoment(kind: QuickMoment, unit: TimeUnit, now: number): string {
  let ms: number;
  switch (kind) {
    case 'now':
      ms = now;
      break;
    case 'hourAgo':
      ms = now - 3_600_000;
      break;
    case 'todayStart': {
      const d = new Date(now);
      ms = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
      break;
    }
  }
  return String(unit === 'unix-ms' ? ms : Math.floor(ms / 1000));
}

/**
 * What a typed number reads as. A number that is plausible in the other unit (milliseconds typed
 * into a seconds field, or the reverse) is said so, since the API would read it as a far-off date.
 */
export function describeMoment(text: string, unit: TimeUnit): { local: string; utc: string; zone: string; otherUnit: boolean } | undefined {
  const ms = momentMs(text, unit);
  if (ms === undefined) {
    return undefined;
  }
  const n = Number(text.trim());
  const otherUnit = unit === 'unix-s' ? n > 1e11 : n > 0 && n < 1e11;
  return { local: localText(ms), utc: utcText(ms), zone: zoneText(ms), otherUnit };
}
