import type { FieldInfo, FieldType } from '../catalog/types';
import { isJsonNumber, isJsonObject, isLosslessNumber, numberText, stringifyJson, type JsonObject, type JsonValue } from '../json';
import { detectTimeUnit, formatMoment, momentSeconds } from './timeValues';
import type { Bilingual, Column, ColumnKind, OutputSchema, ResultTable } from './types';

// Members every answer has that are not data.
const SKIPPED = new Set(['RequestId', 'Error']);

/** The members of a structure, or undefined when the schema does not know it. */
function structFields(schema: OutputSchema | undefined, struct: string | undefined): FieldInfo[] | undefined {
  return struct && schema && Object.hasOwn(schema.structs, struct) ? schema.structs[struct]!.fields : undefined;
}

function elementType(type: FieldType): FieldType {
  let t = type;
  while (t.kind === 'array' && t.items) t = t.items;
  return t;
}

function kindOfValue(values: JsonValue[]): ColumnKind {
  let kind: ColumnKind | undefined;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const k: ColumnKind = typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : Array.isArray(v) ? 'array' : isJsonNumber(v) ? (isLosslessNumber(v) ? (/[.eE]/.test(v.value) ? 'float' : 'integer') : Number.isInteger(v) ? 'integer' : 'float') : 'json';
    if (kind === undefined) kind = k;
    else if (kind !== k) {
      if ((kind === 'integer' && k === 'float') || (kind === 'float' && k === 'integer')) kind = 'float';
      else return 'json';
    }
  }
  return kind ?? 'string';
}

function kindOfField(type: FieldType): ColumnKind {
  switch (type.kind) {
    case 'string':
      return 'string';
    case 'date':
      return 'time';
    case 'integer':
      return 'integer';
    case 'float':
      return 'float';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      return 'json';
  }
}

interface ColumnDraft {
  key: string;
  field?: FieldInfo;
  struct?: string;
  nested?: boolean;
}

/**
 * A table of an array of objects: one column per member the catalog lists (in its order), then
 * any member the rows have that the catalog does not; members of nested objects become dotted
 * columns (`Parent.Child`); arrays stay in one cell (arrays of objects open as sub-tables).
 * Column kinds come from the catalog, times from the names and values (`detectTimeUnit`).
 */
export function buildTable(
  meta: { id: string; title: Bilingual; path: string; derived?: boolean },
  items: readonly JsonValue[],
  fields: FieldInfo[] | undefined,
  schema?: OutputSchema,
): ResultTable {
  const rows: JsonObject[] = [];
  const drafts = new Map<string, ColumnDraft>();
  const addDraft = (d: ColumnDraft) => {
    if (!drafts.has(d.key)) drafts.set(d.key, d);
  };
  const declare = (prefix: string, list: FieldInfo[] | undefined, depth: number) => {
    for (const f of list ?? []) {
      const el = elementType(f.type);
      if (f.type.kind === 'object' && depth < 2 && structFields(schema, f.type.struct)) {
        declare(`${prefix}${f.name}.`, structFields(schema, f.type.struct), depth + 1);
      } else if (f.type.kind === 'array' && el.kind === 'object') {
        addDraft({ key: prefix + f.name, field: f, nested: true, ...(el.struct ? { struct: el.struct } : {}) });
      } else {
        addDraft({ key: prefix + f.name, field: f });
      }
    }
  };
  declare('', fields, 0);
  const flatten = (obj: JsonObject, prefix: string, out: JsonObject, depth: number) => {
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix + k;
      if (isJsonObject(v) && depth < 2 && !drafts.get(key)) {
        flatten(v, `${key}.`, out, depth + 1);
        continue;
      }
      if (!drafts.has(key)) {
        addDraft({ key, ...(Array.isArray(v) && v.some(isJsonObject) ? { nested: true } : {}) });
      }
      out[key] = v;
    }
  };
  // Most rows have no member to spread into dotted columns: the item itself is the row then (a
  // 10,000-row answer is not copied), and only the other ones are flattened into a new object.
  const rowOf = (item: JsonObject): JsonObject => {
    for (const k of Object.keys(item)) {
      if (drafts.has(k)) continue;
      const v = item[k]!;
      if (isJsonObject(v)) {
        const row: JsonObject = {};
        flatten(item, '', row, 0);
        return row;
      }
      addDraft({ key: k, ...(Array.isArray(v) && v.some(isJsonObject) ? { nested: true } : {}) });
    }
    return item;
  };
  for (const item of items) rows.push(isJsonObject(item) ? rowOf(item) : { value: item });
  if (items.some((i) => !isJsonObject(i))) addDraft({ key: 'value' });
  const columns = [...drafts.values()].map((d) => column(d, rows));
  return { ...meta, columns, rows };
}

// Column kinds and time units are judged from at most this many cells, spread over the table:
// a 10,000-row table is typed in a fraction of the time, and a column's cells share one type.
const SAMPLE = 1_000;

function sample(rows: JsonObject[], key: string): JsonValue[] {
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  const out: JsonValue[] = [];
  for (let i = 0; i < rows.length; i += step) {
    const v = rows[i]![key];
    if (v !== undefined) out.push(v);
  }
  const last = rows[rows.length - 1]?.[key];
  if (step > 1 && last !== undefined) out.push(last);
  return out;
}

function column(d: ColumnDraft, rows: JsonObject[]): Column {
  const values = sample(rows, d.key);
  const label = d.key;
  if (d.nested) {
    return { key: d.key, label, kind: 'array', nested: true, ...(d.struct ? { struct: d.struct } : {}) };
  }
  let kind = d.field ? kindOfField(d.field.type) : kindOfValue(values);
  // A number the catalog types as integer can still arrive as text or float: trust the values.
  if (d.field && values.length && kind !== 'time') {
    const seen = kindOfValue(values);
    if (seen !== kind && !(kind === 'float' && seen === 'integer')) kind = seen;
  }
  if (kind === 'time') {
    return { key: d.key, label, kind: 'time', time: 'text' };
  }
  if (kind === 'integer' || kind === 'string' || kind === 'float') {
    const unit = detectTimeUnit(d.key.split('.').pop()!, values, d.field?.description.en ?? '');
    if (unit) return { key: d.key, label, kind: 'time', time: unit };
  }
  return { key: d.key, label, kind };
}

/**
 * Every array of objects of an answer as a table, in the order of the answer's members: top-level
 * lists (`RoomList`), and lists inside top-level objects (`Data.Series`). Arrays of objects inside
 * rows stay cells that open as sub-tables ({@link nestedTable}).
 */
export function tablesOfAnswer(response: JsonObject, schema?: OutputSchema): ResultTable[] {
  const out: ResultTable[] = [];
  const walk = (obj: JsonObject, fields: FieldInfo[] | undefined, prefix: string, depth: number) => {
    for (const [k, v] of Object.entries(obj)) {
      if (depth === 0 && SKIPPED.has(k)) continue;
      const field = fields?.find((f) => f.name === k);
      const path = prefix + k;
      if (Array.isArray(v) && v.length >= 0 && (v.some(isJsonObject) || (v.length === 0 && field && elementType(field.type).kind === 'object'))) {
        const el = field ? elementType(field.type) : undefined;
        out.push(buildTable({ id: path, title: { en: path, zh: path }, path }, v, structFields(schema, el?.struct), schema));
      } else if (isJsonObject(v) && depth < 3) {
        walk(v, structFields(schema, field?.type.struct), `${path}.`, depth + 1);
      }
    }
  };
  walk(response, schema?.fields, '', 0);
  return out;
}

/** The sub-table a nested array cell opens: the elements of row `rowIndex`'s `columnKey`. */
export function nestedTable(parent: ResultTable, rowIndex: number, columnKey: string, schema?: OutputSchema): ResultTable | undefined {
  const col = parent.columns.find((c) => c.key === columnKey);
  const value = parent.rows[rowIndex]?.[columnKey];
  if (!col || !Array.isArray(value)) return undefined;
  const path = `${parent.path}[${rowIndex}].${columnKey}`;
  return buildTable({ id: path, title: { en: path, zh: path }, path }, value, structFields(schema, col.struct), schema);
}

/** The text of a value that is not a time: exact digits for numbers, compact JSON for arrays and objects. */
export function scalarText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isJsonNumber(value)) return numberText(value);
  return stringifyJson(value);
}

/** The text of a cell as the table shows it; a time in the zone asked for (text times as written). */
export function cellText(col: Column, value: JsonValue | undefined, zone: 'local' | 'utc' = 'local'): string {
  if (value === undefined || value === null) return '';
  if (col.kind === 'time' && col.time && col.time !== 'text') {
    const s = momentSeconds(value, col.time);
    return (s === undefined ? '' : formatMoment(s, zone)) || scalarText(value);
  }
  if (col.kind === 'array' && Array.isArray(value) && !col.nested) {
    return value.map((v) => scalarText(v)).join(', ');
  }
  return scalarText(value);
}

function compareNumbers(a: JsonValue, b: JsonValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const ta = numberText(a as number);
  const tb = numberText(b as number);
  // Two integers compare exactly, whatever their size; anything else as doubles.
  if (/^-?\d+$/.test(ta) && /^-?\d+$/.test(tb)) {
    const x = BigInt(ta);
    const y = BigInt(tb);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(ta) - Number(tb);
}

/** Orders two cells of a column: numbers by value (big integers exactly), times by moment, text by locale; empty cells last. */
export function compareCells(col: Column, a: JsonValue | undefined, b: JsonValue | undefined): number {
  const emptyA = a === undefined || a === null;
  const emptyB = b === undefined || b === null;
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (col.kind === 'time' && col.time) {
    const x = momentSeconds(a, col.time);
    const y = momentSeconds(b, col.time);
    if (x !== undefined && y !== undefined) return x - y;
  }
  if (isJsonNumber(a) && isJsonNumber(b)) return compareNumbers(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length - b.length;
  return scalarText(a).localeCompare(scalarText(b));
}

/** Row indexes in sorted order (stable; `desc` reverses the order but keeps empty cells last). */
export function sortedRowIndexes(table: ResultTable, key: string, desc = false, indexes?: number[]): number[] {
  const col = table.columns.find((c) => c.key === key);
  const order = indexes ? [...indexes] : table.rows.map((_, i) => i);
  if (!col) return order;
  return order.sort((i, j) => {
    const a = table.rows[i]![key];
    const b = table.rows[j]![key];
    const emptyA = a === undefined || a === null;
    const emptyB = b === undefined || b === null;
    if (emptyA || emptyB) return emptyA === emptyB ? i - j : emptyA ? 1 : -1;
    return (desc ? -compareCells(col, a, b) : compareCells(col, a, b)) || i - j;
  });
}

/**
 * Indexes of the rows where every word of `query` appears in some cell (case-insensitive);
 * times match in their local and UTC forms and as sent.
 */
export function filterRowIndexes(table: ResultTable, query: string): number[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const all = table.rows.map((_, i) => i);
  if (words.length === 0) return all;
  return all.filter((i) => {
    const row = table.rows[i]!;
    const texts = table.columns.map((c) => {
      const v = row[c.key];
      const base = scalarText(v);
      return (c.kind === 'time' && c.time !== 'text' ? `${base} ${cellText(c, v, 'local')} ${cellText(c, v, 'utc')}` : base).toLowerCase();
    });
    return words.every((w) => texts.some((t) => t.includes(w)));
  });
}
