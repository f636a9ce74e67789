import { InputError } from '../errors';
import { isEntryOk, type HistoryEntry, type HistorySource } from './historyEntry';

/** What the history view and the command line can filter on; every field narrows the result. */
export interface HistoryFilter {
  /** Part of the action name, any case (`room` finds `DismissRoom`). */
  action?: string;
  /** `ok` (HTTP 2xx without an API error), `error` (everything else) or one HTTP status. */
  status?: 'ok' | 'error' | number;
  /** Part of the error code, any case (`RoomNotExist`, `FailedOperation`). */
  errorCode?: string;
  /** Part of the RequestId, any case. */
  requestId?: string;
  /**
   * Words to find anywhere: action, region, endpoint, profile, parameters, RequestId, error code and
   * message, and an inline response body. Any case; all words must occur.
   */
  text?: string;
  source?: HistorySource;
  /** Earliest time, inclusive: an ISO string, epoch milliseconds or a `Date`. */
  from?: string | number | Date;
  /** Latest time, exclusive. */
  to?: string | number | Date;
  /** At most this many entries (the newest). */
  limit?: number;
}

/**
 * A test compiled once from a filter and run over many entries. `bodyLiteral` is the response body
 * as a JSON string literal (`JSON.stringify(body)`, which is how the store keeps inline bodies);
 * without it the text search covers the entry's own fields only.
 */
export type HistoryMatcher = (entry: HistoryEntry, timeMs: number, bodyLiteral?: string) => boolean;

/** Compiles a filter into a matcher; throws an `InputError` for a date that does not parse. */
export function compileHistoryFilter(filter: HistoryFilter): HistoryMatcher {
  const tests: HistoryMatcher[] = [];
  const action = lowerOrUndefined(filter.action);
  if (action) tests.push((e) => e.action.toLowerCase().includes(action));
  const status = filter.status;
  if (status === 'ok') tests.push((e) => isEntryOk(e));
  else if (status === 'error') tests.push((e) => !isEntryOk(e));
  else if (typeof status === 'number') tests.push((e) => e.httpStatus === status);
  const code = lowerOrUndefined(filter.errorCode);
  if (code) tests.push((e) => e.error !== undefined && e.error.code.toLowerCase().includes(code));
  const requestId = lowerOrUndefined(filter.requestId);
  if (requestId) tests.push((e) => e.requestId !== undefined && e.requestId.toLowerCase().includes(requestId));
  if (filter.source) {
    const source = filter.source;
    tests.push((e) => e.source === source);
  }
  const from = filter.from === undefined ? undefined : timeOf(filter.from, 'from');
  if (from !== undefined) tests.push((_e, ms) => ms >= from);
  const to = filter.to === undefined ? undefined : timeOf(filter.to, 'to');
  if (to !== undefined) tests.push((_e, ms) => ms < to);
  const words = (filter.text ?? '').trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length > 0) {
    // Bodies can be large, so they are searched in place, still JSON-escaped, with case-insensitive
    // patterns of the words escaped the same way, instead of being copied into a lower-cased cache
    // like the small fields.
    const patterns = words.map((w) => new RegExp(escapeRegExp(JSON.stringify(w).slice(1, -1)), 'i'));
    tests.push((e, _ms, body) => {
      const meta = searchTextOf(e);
      return words.every((w, i) => meta.includes(w) || (body !== undefined && (patterns[i] as RegExp).test(body)));
    });
  }
  return (entry, ms, body) => {
    for (const t of tests) {
      if (!t(entry, ms, body)) return false;
    }
    return true;
  };
}

/** Filters entries (bodies are not searched) and sorts them newest first, as the store does over its index. */
export function queryHistory(entries: readonly HistoryEntry[], filter: HistoryFilter = {}): HistoryEntry[] {
  const match = compileHistoryFilter(filter);
  const timed = entries.map((entry, i) => ({ entry, ms: Date.parse(entry.time), i }));
  const out = timed.filter((t) => match(t.entry, t.ms)).sort((a, b) => b.ms - a.ms || b.i - a.i);
  const limited = filter.limit !== undefined ? out.slice(0, Math.max(0, filter.limit)) : out;
  return limited.map((t) => t.entry);
}

/** Entries of one calendar day, for the history tree's day nodes. */
export interface HistoryDay {
  /** `YYYY-MM-DD` in the time zone the grouping used. */
  day: string;
  entries: HistoryEntry[];
}

/**
 * Groups entries by calendar day in `timeZone` (an IANA name such as `Asia/Shanghai`; the local zone
 * when omitted). Days come in the order their first entry appears, so newest-first input gives
 * newest-first days; entries keep their order inside a day.
 */
export function groupByDay(entries: readonly HistoryEntry[], timeZone?: string): HistoryDay[] {
  const dayOf = dayFormatter(timeZone);
  const times = entries.map((e) => Date.parse(e.time));
  let newestFirst = true;
  for (let i = 1; i < times.length && newestFirst; i++) {
    newestFirst = !((times[i] as number) > (times[i - 1] as number));
  }
  if (newestFirst && !times.some(Number.isNaN)) {
    // Days only move backwards through newest-first input, so each day is one run of entries
    // whose end a galloping search finds with a handful of calendar lookups.
    const out: HistoryDay[] = [];
    for (let start = 0; start < entries.length; ) {
      const day = dayOf(times[start] as number);
      // Gallop forward to bracket the end of the run, then bisect the bracket.
      let lo = start;
      let step = 1;
      while (lo + step < entries.length && dayOf(times[lo + step] as number) === day) {
        lo += step;
        step *= 2;
      }
      let hi = Math.min(lo + step, entries.length) - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (dayOf(times[mid] as number) === day) lo = mid;
        else hi = mid - 1;
      }
      out.push({ day, entries: entries.slice(start, lo + 1) });
      start = lo + 1;
    }
    return out;
  }
  const groups = new Map<string, HistoryDay>();
  entries.forEach((entry, i) => {
    const day = dayOf(times[i] as number);
    let group = groups.get(day);
    if (!group) {
      group = { day, entries: [] };
      groups.set(day, group);
    }
    group.entries.push(entry);
  });
  return [...groups.values()];
}

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function dayInTimeZone(timeMs: number, timeZone?: string): string {
  return dayFormatter(timeZone)(timeMs);
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;

function dayFormatter(timeZone: string | undefined): (ms: number) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    throw new InputError(`Unknown time zone "${timeZone}"; use an IANA name such as Asia/Shanghai or UTC`);
  }
  // Every zone offset and daylight-saving switch in use falls on a quarter hour, so all instants of
  // one UTC quarter hour share a calendar day; caching per quarter hour spares most Intl calls.
  const cache = new Map<number, string>();
  return (ms) => {
    if (Number.isNaN(ms)) return 'unknown';
    const bucket = Math.floor(ms / QUARTER_HOUR_MS);
    let day = cache.get(bucket);
    if (day === undefined) {
      const parts = format.formatToParts(ms);
      const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
      day = `${part('year')}-${part('month')}-${part('day')}`;
      cache.set(bucket, day);
    }
    return day;
  };
}

const searchTexts = new WeakMap<HistoryEntry, string>();

/** The small fields of an entry, lower-cased once and remembered for later searches. */
function searchTextOf(entry: HistoryEntry): string {
  let text = searchTexts.get(entry);
  if (text === undefined) {
    text = [
      entry.action,
      entry.region ?? '',
      entry.endpoint,
      entry.profile ?? '',
      entry.paramsJson,
      entry.requestId ?? '',
      entry.error?.code ?? '',
      entry.error?.message ?? '',
      entry.httpStatus ?? '',
      entry.source,
    ]
      .join('\n')
      .toLowerCase();
    searchTexts.set(entry, text);
  }
  return text;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lowerOrUndefined(s: string | undefined): string | undefined {
  const t = s?.trim().toLowerCase();
  return t ? t : undefined;
}

function timeOf(value: string | number | Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(`The history filter's "${name}" is not a date: ${String(value)}; use an ISO time such as 2024-05-01T00:00:00Z`, name);
  }
  return ms;
}
