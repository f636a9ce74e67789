import path from 'node:path';
import { InputError } from '../../core/errors';
import { entryAsDocument } from '../../core/history/historyDocument';
import { entryParams, isEntryOk, type HistoryEntry } from '../../core/history/historyEntry';
import type { HistoryFilter } from '../../core/history/historyQuery';
import { HistoryStore } from '../../core/history/historyStore';
import { isJsonObject, parseAnswerJson, parseJson, stringifyJson, type JsonObject } from '../../core/json';
import { formatTextTable } from '../../core/results/answerOutput';
import { tableToCsv } from '../../core/results/csv';
import { buildTable } from '../../core/results/tableModel';
import { choiceOption, intOption, parseCommandArgs } from '../args';
import { cliHistoryDirectory } from '../history';
import type { CliIo } from '../io';
import { answerText, outputFormat, OUTPUT_USAGE } from '../output';
import { writeAtomically } from '../files';

const FILTER_USAGE = `  --action A                     actions whose name contains A (any case: room finds DismissRoom)
  --status ok|error              ok: HTTP 2xx without an API error; error: everything else
  --code C                       error codes containing C (RoomNotExist, FailedOperation)
  --since T                      calls at or after T: an ISO date or time (2026-12-01,
                                 2026-12-01T08:00:00Z), Unix seconds (1764547200), or a span
                                 back from now (90s, 30m, 1h, 7d, 2w)
  --until T                      calls before T (same forms)
  --source form|collection|cli|rerun
                                 where the call was started
  --limit N                      at most N entries, the newest`;

export const HISTORY_USAGE = `Usage: trtc-explorer history list [filters] [--output json|table|csv]
       trtc-explorer history show <id> [--output json|table|csv]
       trtc-explorer history export [filters] [--format json|jsonl] [--out FILE]

The request history the editor's History view shows, read from the same store: VS Code's global
storage for this extension, or TRTC_EXPLORER_HISTORY_DIR when it is set. Nothing here changes it.
Sensitive parameters were replaced by <redacted> when the calls were recorded; keys never are.

list     the matching calls, newest first
show     one call: its request and its answer (an id prefix that names one entry will do)
export   the matching calls with their parameters and full answers

Filters (list and export):
${FILTER_USAGE}

Output:
${OUTPUT_USAGE}
                                 (list: one row per call; show: the call's fields, then the
                                 answer's main list)
  --format json|jsonl            export only. json (default): one document
                                 {"format":"trtc-api-explorer/history-export", "entries":[...]},
                                 the same file the editor's "Export History" writes; jsonl: one
                                 entry per line, as those entries, with no document around them
  --out FILE                     export only: write FILE (replaced whole) instead of stdout
`;

const SOURCES = ['form', 'collection', 'cli', 'rerun'] as const;
const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A `--since`/`--until` value as epoch milliseconds: an ISO date (`2026-12-01`, midnight UTC) or
 * date and time (`2026-12-01T08:00:00Z`, `2026-12-01 08:00`, local time without a zone, as
 * `Date` reads it), Unix seconds (`1764547200`, or milliseconds when it has 13 digits), or a span
 * back from `now` (`90s`, `30m`, `1h`, `7d`, `2w`).
 */
export function parseTimeOption(value: string, name: string, now: number): number {
  const text = value.trim();
  const span = /^(\d+)\s*([smhdw])$/i.exec(text);
  if (span) {
    return now - Number(span[1]) * UNITS[span[2]!.toLowerCase()]!;
  }
  if (/^\d{1,12}$/.test(text)) {
    return Number(text) * 1000;
  }
  if (/^\d{13}$/.test(text)) {
    return Number(text);
  }
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(text)) {
    const ms = Date.parse(text.replace(' ', 'T'));
    if (!Number.isNaN(ms)) {
      return ms;
    }
  }
  throw new InputError(
    `--${name} must be an ISO date or time (2026-12-01, 2026-12-01T08:00:00Z), Unix seconds (1764547200) or a span back from now (90s, 30m, 1h, 7d, 2w), not "${value}"`,
  );
}

const FILTER_OPTIONS = {
  action: { type: 'string' },
  status: { type: 'string' },
  code: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  source: { type: 'string' },
  limit: { type: 'string' },
} as const;

type FilterValues = { [K in keyof typeof FILTER_OPTIONS]?: string | undefined };

function filterFrom(values: FilterValues, now: number): HistoryFilter {
  const status = choiceOption(values.status, 'status', ['ok', 'error'] as const);
  const source = choiceOption(values.source, 'source', SOURCES);
  const limit = intOption(values.limit, 'limit', 1);
  return {
    ...(values.action ? { action: values.action } : {}),
    ...(status ? { status } : {}),
    ...(values.code ? { errorCode: values.code } : {}),
    ...(source ? { source } : {}),
    ...(values.since !== undefined ? { from: parseTimeOption(values.since, 'since', now) } : {}),
    ...(values.until !== undefined ? { to: parseTimeOption(values.until, 'until', now) } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

/** Opens the shared store read-only: the whole log is read, nothing is written. */
async function openStore(io: CliIo): Promise<HistoryStore> {
  const dir = cliHistoryDirectory(io.env, io.home);
  const store = new HistoryStore(dir);
  store.onDidNotice((notice) => io.stderr(`note: ${notice.message}\n`));
  const report = await store.load();
  for (const notice of report.notices) {
    io.stderr(`note: ${notice.message}\n`);
  }
  return store;
}

/** One call as a row of `history list`. */
function entryRow(e: HistoryEntry): JsonObject {
  return {
    Id: e.id,
    Time: e.time,
    Action: e.action,
    Status: isEntryOk(e) ? 'ok' : 'error',
    HttpStatus: e.httpStatus ?? null,
    ErrorCode: e.error?.code ?? null,
    LatencyMs: e.latencyMs ?? null,
    Region: e.region ?? null,
    Source: e.source,
    Profile: e.profile ?? null,
    Sandbox: e.sandbox,
    RequestId: e.requestId ?? null,
  };
}

/** One call as `history list --output json` prints it: the entry's fields, parameters as JSON. */
function entrySummary(e: HistoryEntry): JsonObject {
  const { paramsJson: _paramsJson, response, ...rest } = e;
  return { ...(rest as unknown as JsonObject), status: isEntryOk(e) ? 'ok' : 'error', params: entryParams(e), ...(response ? { responseBytes: response.size } : {}) };
}

function rowsText(rows: JsonObject[], format: 'table' | 'csv', empty: string): string {
  const table = buildTable({ id: 'history', title: { en: 'History', zh: '历史记录' }, path: '', derived: true }, rows, undefined);
  // Ids, times and request ids are text, however they look.
  for (const c of table.columns) {
    if (c.key === 'Id' || c.key === 'Time' || c.key === 'RequestId' || c.key === 'ErrorCode') c.kind = 'string';
  }
  if (format === 'csv') {
    return tableToCsv(table);
  }
  return rows.length ? formatTextTable(table) : `${empty}\n`;
}

/** Finds an entry by id or by a prefix of its id that names only one entry. */
function findEntry(store: HistoryStore, id: string): HistoryEntry {
  const exact = store.get(id);
  if (exact) {
    return exact;
  }
  const matches = id.length >= 4 ? store.query().filter((e) => e.id.startsWith(id)) : [];
  if (matches.length === 1) {
    return matches[0]!;
  }
  if (matches.length > 1) {
    throw new InputError(`"${id}" is the start of ${matches.length} history entries' ids (${matches.slice(0, 3).map((e) => e.id).join(', ')}${matches.length > 3 ? ', …' : ''}); give more of it`);
  }
  throw new InputError(
    `No history entry has the id "${id}" in ${store.dir} (${store.size} ${store.size === 1 ? 'entry' : 'entries'}); \`trtc-explorer history list\` shows the ids`,
  );
}

/** `trtc-explorer history list|show|export`. */
export async function historyCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(HISTORY_USAGE);
    return sub ? 0 : 2;
  }
  switch (sub) {
    case 'list':
      return listHistory(rest, io);
    case 'show':
      return showHistory(rest, io);
    case 'export':
      return exportHistory(rest, io);
    default:
      throw new InputError(`Unknown history command "${sub}": use list, show or export\n${HISTORY_USAGE}`);
  }
}

async function listHistory(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...FILTER_OPTIONS, output: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, HISTORY_USAGE);
  if (values.help) {
    io.stdout(HISTORY_USAGE);
    return 0;
  }
  if (positionals.length) {
    throw new InputError(`history list takes no arguments besides its options, not "${positionals[0]}"\n${HISTORY_USAGE}`);
  }
  const format = outputFormat(values.output);
  const filter = filterFrom(values, io.now());
  const store = await openStore(io);
  try {
    const entries = store.query(filter);
    if (format === 'json') {
      io.stdout(stringifyJson(entries.map(entrySummary), 2) + '\n');
    } else {
      io.stdout(rowsText(entries.map(entryRow), format, store.size ? 'No history entry matches.' : `The history at ${store.dir} is empty.`));
    }
    return 0;
  } finally {
    store.dispose();
  }
}

async function showHistory(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { output: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, HISTORY_USAGE);
  if (values.help) {
    io.stdout(HISTORY_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new InputError(`Give one history entry id (\`trtc-explorer history list\` shows them)\n${HISTORY_USAGE}`);
  }
  const format = outputFormat(values.output);
  const store = await openStore(io);
  try {
    const entry = findEntry(store, positionals[0]!);
    const body = await store.getResponseBody(entry.id);
    if (format === 'json') {
      io.stdout(entryAsDocument(entry, body));
      return 0;
    }
    const response = answerResponse(body);
    if (format === 'csv') {
      // The answer's main list, as `call --output csv` prints it; the call's own fields are in `list`.
      if (!response) {
        throw new InputError(`History entry ${entry.id} has no JSON answer to write as CSV${entry.error ? ` (${entry.error.code}: ${entry.error.message})` : ''}`);
      }
      io.stdout(answerText(response, entry.action, 'csv'));
      return 0;
    }
    const fields = rowsText(
      Object.entries({ ...entryRow(entry), Endpoint: entry.endpoint, SignMethod: entry.signMethod, HttpMethod: entry.httpMethod, Params: entry.paramsJson, ErrorMessage: entry.error?.message ?? null }).map(([k, v]) => ({
        Field: k,
        Value: v === null ? '' : String(v),
      })),
      'table',
      '',
    );
    io.stdout(fields);
    if (response) {
      io.stdout(`\n${answerText(response, entry.action, 'table')}`);
    } else {
      io.stdout(`\n${body === undefined ? 'No answer body was recorded.' : 'The answer was not JSON; `--output json` shows it as text.'}\n`);
    }
    return 0;
  } finally {
    store.dispose();
  }
}

/** The `Response` object of a recorded body, when it is JSON of the API's shape. */
function answerResponse(body: string | undefined): JsonObject | undefined {
  if (body === undefined) return undefined;
  try {
    const parsed = parseAnswerJson(body);
    return isJsonObject(parsed) && isJsonObject(parsed.Response) ? parsed.Response : undefined;
  } catch {
    return undefined;
  }
}

async function exportHistory(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...FILTER_OPTIONS, format: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    HISTORY_USAGE,
  );
  if (values.help) {
    io.stdout(HISTORY_USAGE);
    return 0;
  }
  if (positionals.length) {
    throw new InputError(`history export takes no arguments besides its options, not "${positionals[0]}"\n${HISTORY_USAGE}`);
  }
  const format = choiceOption(values.format, 'format', ['json', 'jsonl'] as const) ?? 'json';
  const filter = filterFrom(values, io.now());
  const store = await openStore(io);
  let text: string;
  let count: number;
  try {
    const document = await store.export(filter);
    const parsed = parseJson(document);
    const entries = isJsonObject(parsed) && Array.isArray(parsed.entries) ? parsed.entries : [];
    count = entries.length;
    text = format === 'json' ? document : entries.map((e) => stringifyJson(e) + '\n').join('');
  } finally {
    store.dispose();
  }
  if (values.out) {
    const out = path.resolve(io.cwd, values.out);
    writeAtomically(out, text);
    io.stderr(`${count} ${count === 1 ? 'entry' : 'entries'} written to ${out} (${format === 'json' ? 'one JSON document' : 'JSON lines'})\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}
