import { randomBytes } from 'node:crypto';
import { HISTORY_SCHEMA_VERSION, type HistoryEntry } from './historyEntry';

/**
 * How one record of the history log is spelled. Every record is a standard JSON object on one line
 * (so `jq` and friends can read the log), written in a fixed layout that lets the loader skip the
 * expensive parts:
 *
 *   {"op":"add","entry":[…small fields…],"body":"<response text>"|null,"paramsChars":N,"params":{…}}
 *
 * - `entry` holds the small fields by position, in the order of {@link ENTRY_FIELDS} (also written
 *   into the header, so the log describes itself). A positional array parses about twice as fast as
 *   an object with keys, and parsing it is most of the cost of opening the history. Later schema
 *   versions may append positions; readers ignore positions they do not know.
 * - `body` stays a JSON string literal in memory, decoded only when it is asked for.
 * - `params` is the parameters' exact compact JSON text (big integers intact), which is what
 *   `HistoryEntry.paramsJson` holds, so it is cut out rather than parsed.
 *
 * The cut points are found by searching for `,"body":` and `,"paramsChars":`. Inside a JSON string
 * a quote is always escaped, so the sequence `,"` cannot occur in one, and the `entry` array has no
 * keys at all, so the first occurrence of each is the structural one. `paramsChars` (the length of
 * the parameters' text) catches a record that a crash cut short inside its parameters, which could
 * otherwise still end in `}`.
 */
export const HISTORY_FORMAT = 'trtc-api-explorer/history';

/** Positions of the `entry` array of an `add` record, schema version 1. */
export const ENTRY_FIELDS = [
  'schemaVersion',
  'id',
  'time',
  'action',
  'region',
  'endpoint',
  'profile',
  'redactedPaths',
  'signMethod',
  'httpMethod',
  'source',
  'sandbox',
  'latencyMs',
  'httpStatus',
  'requestId',
  'errorCode',
  'errorMessage',
  'responseSize',
  'responseFile',
] as const;

/** One decoded line of the log. */
export type HistoryRecord =
  | {
      op: 'add';
      entry: HistoryEntry;
      timeMs: number;
      /** The inline body as a JSON string literal, when the body is inline. */
      bodyLiteral?: string;
    }
  | { op: 'del'; id: string }
  /**
   * The first line of the log, or a later line of the same shape that records a new cap. Readers of
   * this schema skip header-shaped lines after the first, so recording the cap this way costs an
   * older reader nothing.
   */
  | { op: 'header'; schemaVersion: number; createdAt?: string; maxEntries?: number };

const ADD_PREFIX = '{"op":"add","entry":';
const BODY_KEY = ',"body":';
const CHARS_KEY = ',"paramsChars":';
const PARAMS_KEY = ',"params":';

/** The header line that starts every log, with the store's cap once one was recorded. */
export function encodeHeader(createdAt: string, maxEntries?: number): string {
  return JSON.stringify({
    format: HISTORY_FORMAT,
    schemaVersion: HISTORY_SCHEMA_VERSION,
    createdAt,
    entryFields: ENTRY_FIELDS,
    ...(maxEntries !== undefined ? { maxEntries } : {}),
  });
}

/** A line appended when the editor's cap setting changes: the store keeps this many entries from now on. */
export function encodeCap(maxEntries: number, time: string): string {
  return JSON.stringify({ format: HISTORY_FORMAT, schemaVersion: HISTORY_SCHEMA_VERSION, maxEntries, setAt: time });
}

/** An entry record; `bodyLiteral` is `JSON.stringify(body)` for an inline body. */
export function encodeAdd(entry: HistoryEntry, bodyLiteral: string | undefined): string {
  const small = [
    entry.schemaVersion,
    entry.id,
    entry.time,
    entry.action,
    entry.region ?? null,
    entry.endpoint,
    entry.profile ?? null,
    entry.redactedPaths,
    entry.signMethod,
    entry.httpMethod,
    entry.source,
    entry.sandbox,
    entry.latencyMs ?? null,
    entry.httpStatus ?? null,
    entry.requestId ?? null,
    entry.error?.code ?? null,
    entry.error?.message ?? null,
    entry.response?.size ?? null,
    entry.response?.file ?? null,
  ];
  const params = entry.paramsJson;
  return `${ADD_PREFIX}${JSON.stringify(small)}${BODY_KEY}${bodyLiteral ?? 'null'}${CHARS_KEY}${params.length}${PARAMS_KEY}${params}}`;
}

/** A tombstone record. */
export function encodeDelete(id: string, time: string): string {
  return JSON.stringify({ op: 'del', id, time });
}

/** Decodes one line; undefined for anything this version cannot use (it is skipped and counted). */
export function decodeRecord(line: string): HistoryRecord | undefined {
  if (line.startsWith(ADD_PREFIX)) {
    return decodeAdd(line);
  }
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') {
    return undefined;
  }
  const r = v as { op?: unknown; id?: unknown; format?: unknown; schemaVersion?: unknown; createdAt?: unknown; maxEntries?: unknown };
  if (r.format === HISTORY_FORMAT && Number.isInteger(r.schemaVersion)) {
    return {
      op: 'header',
      schemaVersion: r.schemaVersion as number,
      ...(typeof r.createdAt === 'string' ? { createdAt: r.createdAt } : {}),
      ...(Number.isInteger(r.maxEntries) && (r.maxEntries as number) >= 1 ? { maxEntries: r.maxEntries as number } : {}),
    };
  }
  if (r.op === 'del' && typeof r.id === 'string') {
    return { op: 'del', id: r.id };
  }
  return undefined;
}

function decodeAdd(line: string): HistoryRecord | undefined {
  const bodyAt = line.indexOf(BODY_KEY, ADD_PREFIX.length);
  const charsAt = bodyAt < 0 ? -1 : line.indexOf(CHARS_KEY, bodyAt + BODY_KEY.length);
  const paramsAt = charsAt < 0 ? -1 : line.indexOf(PARAMS_KEY, charsAt + CHARS_KEY.length);
  if (paramsAt < 0 || line.charCodeAt(line.length - 1) !== 0x7d) {
    return undefined;
  }
  const paramsJson = line.slice(paramsAt + PARAMS_KEY.length, line.length - 1);
  if (Number(line.slice(charsAt + CHARS_KEY.length, paramsAt)) !== paramsJson.length || paramsJson.charCodeAt(0) !== 0x7b) {
    return undefined;
  }
  let small: unknown;
  try {
    small = JSON.parse(line.slice(ADD_PREFIX.length, bodyAt));
  } catch {
    return undefined;
  }
  const bodyLiteral = line.slice(bodyAt + BODY_KEY.length, charsAt);
  if (bodyLiteral !== 'null' && (bodyLiteral.charCodeAt(0) !== 0x22 || bodyLiteral.charCodeAt(bodyLiteral.length - 1) !== 0x22)) {
    return undefined;
  }
  const entry = Array.isArray(small) ? entryFromArray(small, paramsJson) : undefined;
  if (!entry) {
    return undefined;
  }
  const timeMs = Date.parse(entry.time);
  if (Number.isNaN(timeMs)) {
    return undefined;
  }
  return bodyLiteral === 'null' ? { op: 'add', entry, timeMs } : { op: 'add', entry, timeMs, bodyLiteral };
}

function entryFromArray(a: unknown[], paramsJson: string): HistoryEntry | undefined {
  // Plain indexing rather than destructuring: this runs once per entry while the history opens.
  const schemaVersion = a[0];
  const id = a[1];
  const time = a[2];
  const action = a[3];
  const region = a[4];
  const endpoint = a[5];
  const profile = a[6];
  const redactedPaths = a[7];
  const signMethod = a[8];
  const httpMethod = a[9];
  const source = a[10];
  const sandbox = a[11];
  const latencyMs = a[12];
  const httpStatus = a[13];
  const requestId = a[14];
  const errorCode = a[15];
  const errorMessage = a[16];
  const responseSize = a[17];
  const responseFile = a[18];
  if (
    typeof schemaVersion !== 'number' ||
    !Number.isInteger(schemaVersion) ||
    schemaVersion > HISTORY_SCHEMA_VERSION ||
    typeof id !== 'string' ||
    typeof time !== 'string' ||
    typeof action !== 'string' ||
    typeof endpoint !== 'string' ||
    !Array.isArray(redactedPaths) ||
    typeof signMethod !== 'string' ||
    typeof httpMethod !== 'string' ||
    typeof source !== 'string' ||
    typeof sandbox !== 'boolean' ||
    (responseFile !== null && responseFile !== undefined && !isSafeFileName(responseFile))
  ) {
    return undefined;
  }
  // One object literal with every required field, so all entries share one shape.
  const entry: HistoryEntry = {
    schemaVersion,
    id,
    time,
    action,
    endpoint,
    paramsJson,
    redactedPaths: redactedPaths as string[],
    signMethod: signMethod as HistoryEntry['signMethod'],
    httpMethod: httpMethod as HistoryEntry['httpMethod'],
    source: source as HistoryEntry['source'],
    sandbox,
  };
  if (typeof region === 'string') entry.region = region;
  if (typeof profile === 'string') entry.profile = profile;
  if (typeof latencyMs === 'number') entry.latencyMs = latencyMs;
  if (typeof httpStatus === 'number') entry.httpStatus = httpStatus;
  if (typeof requestId === 'string') entry.requestId = requestId;
  if (typeof errorCode === 'string') entry.error = { code: errorCode, message: typeof errorMessage === 'string' ? errorMessage : '' };
  if (typeof responseSize === 'number') {
    entry.response = typeof responseFile === 'string' ? { size: responseSize, file: responseFile } : { size: responseSize };
  }
  return entry;
}

/** Side-file names come from disk; a hand-edited log must not make us read or delete other files. */
export function isSafeFileName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(name) && !name.includes('..');
}

/** A new entry id, time-ordered and unique across processes: base-36 milliseconds plus 48 random bits. */
export function newEntryId(now: Date): string {
  return `${now.getTime().toString(36).padStart(9, '0')}-${randomBytes(6).toString('hex')}`;
}
