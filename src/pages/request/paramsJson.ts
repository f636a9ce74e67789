import { isLosslessNumber, LosslessNumber, parse, stringify } from 'lossless-json';

/*
 * JSON handling for the page. Every number is parsed into a LosslessNumber holding its exact
 * text, so `18446744073709551615` or `1.50` come back out exactly as they went in; the page never
 * does arithmetic on parameter values, so it has no reason to turn them into doubles.
 */

/** A parameter value as the page holds it: numbers keep their exact text. */
export type Json = null | boolean | string | LosslessNumber | Json[] | JsonObject;

/** A JSON object of {@link Json} values. */
export interface JsonObject {
  [key: string]: Json;
}

/** Why the parameters text could not become a form. */
export type JsonErrorCode = 'empty' | 'syntax' | 'not-object';

/** Where and why the parameters text is not a JSON object, for the JSON editor's error line. */
export interface JsonTextError {
  code: JsonErrorCode;
  /** The parser's own words (English), without the position it already reported. */
  detail: string;
  /** Zero-based character offset of the problem. */
  offset: number;
  /** One-based line and column of the problem. */
  line: number;
  column: number;
}

/** The result of reading parameters text. */
export type ParseResult = { ok: true; value: JsonObject } | { ok: false; error: JsonTextError };

/** True for a JSON object (not an array, null or a number). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}

/** True for a number parsed or created by this module. */
export function isJsonNumber(value: unknown): value is LosslessNumber {
  return isLosslessNumber(value);
}

/** One-based line and column of a character offset, counting `\n` as the line break. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

function errorAt(text: string, code: JsonErrorCode, detail: string, offset: number): ParseResult {
  return { ok: false, error: { code, detail, offset, ...lineColumn(text, offset) } };
}

/** Reads parameters text; the result is an object with exact numbers, or the error's position. */
export function parseParams(text: string): ParseResult {
  const first = text.search(/\S/);
  if (first < 0) {
    return errorAt(text, 'empty', 'no JSON value', 0);
  }
  let value: unknown;
  try {
    value = parse(text, null, (digits) => new LosslessNumber(digits));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const m = /^(.*) at position (\d+)$/s.exec(message);
    return m ? errorAt(text, 'syntax', m[1], Number(m[2])) : errorAt(text, 'syntax', message, text.length);
  }
  if (!isJsonObject(value)) {
    return errorAt(text, 'not-object', 'the parameters are not a JSON object', first);
  }
  return { ok: true, value };
}

/** Pretty JSON text of the parameters (two spaces), with every number exactly as held. */
export function serializeParams(value: JsonObject): string {
  return stringify(value, null, 2) ?? '{}';
}

/** Compact one-line JSON of any value, for showing a value the form cannot edit. */
export function compactJson(value: Json): string {
  return stringify(value) ?? 'null';
}

/** True when `text` is a JSON number literal, so it can be written to the JSON without quotes. */
export function isNumberLiteral(text: string): boolean {
  return /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text);
}

/** A number value holding exactly `text` (which must satisfy {@link isNumberLiteral}). */
export function numberValue(text: string): LosslessNumber {
  return new LosslessNumber(text);
}
