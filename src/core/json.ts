import { isLosslessNumber, isSafeNumber, LosslessNumber, parse, stringify } from 'lossless-json';

export { isLosslessNumber, LosslessNumber };

/**
 * A JSON value as the TRTC API sends and receives it. Numbers that a double holds exactly are plain
 * `number`s; any other number (such as `12345678901234567890`) stays a `LosslessNumber` holding its
 * exact digits, so it round-trips through every output unchanged.
 */
export type JsonValue = null | boolean | number | string | LosslessNumber | JsonValue[] | JsonObject;

/** A JSON object whose values are lossless {@link JsonValue}s. */
export interface JsonObject {
  [key: string]: JsonValue;
}

function parseNumber(digits: string): number | LosslessNumber {
  return isSafeNumber(digits) ? Number(digits) : new LosslessNumber(digits);
}

/** Parses JSON text without losing integers beyond 2^53 or numbers beyond a double's precision. */
export function parseJson(text: string): JsonValue {
  return parse(text, null, parseNumber) as JsonValue;
}

/**
 * Serializes a lossless value. Compact by default (the bytes that are signed and sent); with an
 * indent, pretty-printed for people. Big numbers keep their exact digits either way.
 */
export function stringifyJson(value: JsonValue, indent?: number | string): string {
  const text = stringify(value, null, indent);
  if (text === undefined) {
    throw new TypeError('value cannot be serialized as JSON');
  }
  return text;
}

/** True for a plain JSON object (not an array, null or a lossless number). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}

/** True for a JSON number in either representation. */
export function isJsonNumber(value: unknown): value is number | LosslessNumber {
  return typeof value === 'number' || isLosslessNumber(value);
}

/** The exact decimal text of a JSON number. */
export function numberText(value: number | LosslessNumber): string {
  return typeof value === 'number' ? String(value) : value.value;
}
