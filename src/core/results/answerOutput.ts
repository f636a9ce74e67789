import { isJsonObject, type JsonObject } from '../json';
import { tableToCsv } from './csv';
import { buildResultView } from './resultView';
import { buildTable, cellText } from './tableModel';
import type { OutputSchema, ResultTable, ResultView } from './types';

/** How `call` (and the history commands) print an answer. */
export type OutputFormat = 'json' | 'table' | 'csv';

/** The formats, for option parsing. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'table', 'csv'];

// East Asian wide and full-width characters take two columns in a terminal.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The columns a text takes in a terminal. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/**
 * A table as aligned columns for a terminal: a header, a rule, one line per row; numbers
 * right-aligned with their exact digits, Unix times as UTC (the header says so), nested lists as
 * a row count. Line breaks and tabs inside cells are shown as `\n` and `\t` so rows stay on one line.
 */
export function formatTextTable(table: ResultTable): string {
  const header = table.columns.map((c) => (c.kind === 'time' && c.time !== 'text' ? `${c.label} (UTC)` : c.unit ? `${c.label} (${c.unit})` : c.label));
  const cells = table.rows.map((row) =>
    table.columns.map((c) => {
      const v = row[c.key];
      if (c.nested && Array.isArray(v)) return `(${v.length} ${v.length === 1 ? 'row' : 'rows'})`;
      return cellText(c, v, 'utc').replace(/\r?\n/g, '\\n').replace(/\t/g, '\\t');
    }),
  );
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i]!))));
  const right = table.columns.map((c) => c.kind === 'integer' || c.kind === 'float');
  const line = (r: string[]) => r.map((t, i) => (right[i] ? padStart(t, widths[i]!) : padEnd(t, widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

/** The members of an answer that are single values, as a two-column table, for answers without a list. */
export function membersTable(response: JsonObject): ResultTable {
  const rows = Object.entries(response)
    .filter(([k, v]) => k !== 'Error' && !Array.isArray(v) && !isJsonObject(v))
    .map(([k, v]) => ({ Member: k, Value: v }));
  const t = buildTable({ id: 'members', title: { en: 'Members', zh: '成员' }, path: '', derived: true }, rows, undefined);
  // Values of different kinds share one column: shown as text.
  for (const c of t.columns) if (c.key === 'Value') c.kind = 'string';
  return t;
}

/** The table `--output table|csv` prints: the answer's main list, or its single values when it has no list. */
export function mainTable(view: ResultView, response: JsonObject): ResultTable {
  return view.tables[0] ?? membersTable(response);
}

/**
 * An answer (its `Response` object) in the format asked for: `table` prints aligned columns of
 * the main list, `csv` RFC 4180 CSV of it (usage answers one row per time key and one column
 * per usage key). `json` is for the caller: it prints the object as it always did.
 */
export function formatAnswer(response: JsonObject, format: Exclude<OutputFormat, 'json'>, options: { action: string; schema?: OutputSchema }): string {
  const view = buildResultView({ response }, options);
  const table = mainTable(view, response);
  return format === 'csv' ? tableToCsv(table) : formatTextTable(table);
}
