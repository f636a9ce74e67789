import { cellText, scalarText } from './tableModel';
import type { ResultTable } from './types';

/** One field of a CSV record (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text of records, CRLF after every record, as RFC 4180 writes it. */
export function toCsv(records: readonly (readonly string[])[]): string {
  let out = '';
  for (const r of records) {
    out += r.map(csvField).join(',') + '\r\n';
  }
  return out;
}

/**
 * A table as CSV: a header of column labels, then one record per row. Numbers keep their exact
 * digits, nested arrays are compact JSON, times are written as the server sent them, and each
 * Unix-time column is followed by the same moment as UTC text (`<column> (UTC)`), which a
 * spreadsheet reads as a date.
 */
export function tableToCsv(table: ResultTable, rowIndexes?: readonly number[]): string {
  const header: string[] = [];
  for (const c of table.columns) {
    header.push(c.unit ? `${c.label} (${c.unit})` : c.label);
    if (c.kind === 'time' && c.time !== 'text') header.push(`${c.label} (UTC)`);
  }
  const records: string[][] = [header];
  for (const i of rowIndexes ?? table.rows.map((_, n) => n)) {
    const row = table.rows[i];
    if (!row) continue;
    const rec: string[] = [];
    for (const c of table.columns) {
      const v = row[c.key];
      rec.push(c.kind === 'array' && !c.nested && Array.isArray(v) ? v.map((x) => scalarText(x)).join(';') : scalarText(v));
      if (c.kind === 'time' && c.time !== 'text') rec.push(cellText(c, v, 'utc'));
    }
    records.push(rec);
  }
  return toCsv(records);
}

/**
 * Reads CSV text (RFC 4180: quoted fields with doubled quotes and line breaks inside, CRLF or LF
 * line ends). A final line break does not make an empty record.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
