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

/**
 * Parses JSON text without losing integers beyond 2^53 or numbers beyond a double's precision.
 * A key repeated in one object is an error, since in typed parameters it is always a mistake.
 */
export function parseJson(text: string): JsonValue {
  return parse(text, null, parseNumber) as JsonValue;
}

/**
 * Parses an answer from a server with the same result as {@link parseJson}, except that a key
 * repeated in one object keeps its last value, as `JSON.parse` does. That difference lets the
 * engine's own parser, several times faster, do the work whenever no number in the text has more
 * significant digits than a double holds or an exponent; otherwise the lossless parser runs.
 */
export function parseAnswerJson(text: string): JsonValue {
  return needsLosslessNumbers(text)
    ? (parse(text, null, { parseNumber, onDuplicateKey: ({ newValue }) => newValue }) as JsonValue)
    : (JSON.parse(text) as JsonValue);
}

const LONG_OR_EXPONENT = /(?:^|[:[,])\s*-?(?:\d+(?:\.\d*)?[eE]|(?:\d\.?){16})/;

/**
 * True when a number token of the JSON text (outside strings) could change if read into a double:
 * more than 15 significant digits, or an exponent (whose text a double would not keep).
 */
export function needsLosslessNumbers(text: string): boolean {
  // A number token starts the text or follows `:`, `[` or `,`. Without anything there that has an
  // exponent or sixteen digits, no number can change, and the engine's regular expression says so
  // in a fraction of the time the exact scan below takes; with one (inside a string, perhaps), the
  // exact scan decides.
  if (!LONG_OR_EXPONENT.test(text)) return false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) {
          i++;
        } else if (d === 0x22) {
          break;
        }
      }
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let significant = 0;
      let leading = true;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d >= 0x30 && d <= 0x39) {
          if (d !== 0x30 || !leading) {
            leading = false;
            significant++;
          }
        } else if (d === 0x65 || d === 0x45 /* e E */) {
          return true;
        } else if (d !== 0x2e && d !== 0x2d /* . - */) {
          break;
        }
      }
      if (significant > 15) {
        return true;
      }
      i--;
    }
  }
  return false;
}

/**
 * Serializes a lossless value. Compact by default (the bytes that are signed and sent); with an
 * indent, pretty-printed for people. Big numbers keep their exact digits either way.
 */
export function stringifyJson(value: JsonValue, indent?: number | string): string {
  // Without a lossless number in it, the engine's serializer writes the very same text, faster.
  const text = containsLosslessNumber(value) ? stringify(value, null, indent) : JSON.stringify(value, null, indent);
  if (text === undefined) {
    throw new TypeError('value cannot be serialized as JSON');
  }
  return text;
}

function containsLosslessNumber(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'bigint';
  }
  if (isLosslessNumber(value)) {
    return true;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      if (containsLosslessNumber(v)) {
        return true;
      }
    }
    return false;
  }
  for (const k in value) {
    if (containsLosslessNumber((value as Record<string, unknown>)[k])) {
      return true;
    }
  }
  return false;
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

/** A copy of a value with every string replaced by `fn(string)`; keys and other values stay. */
export function mapJsonStrings(value: JsonValue, fn: (text: string) => JsonValue): JsonValue {
  if (typeof value === 'string') {
    return fn(value);
  }
  if (Array.isArray(value)) {
    return value.map((v) => mapJsonStrings(v, fn));
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = mapJsonStrings(v, fn);
    }
    return out;
  }
  return value;
}
