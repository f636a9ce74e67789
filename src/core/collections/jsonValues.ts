import { isJsonNumber, isJsonObject, isLosslessNumber, LosslessNumber, numberText, stringifyJson, type JsonObject, type JsonValue } from '../json';

/**
 * A deep copy that keeps big numbers as `LosslessNumber`s. `structuredClone` would turn them into
 * plain objects, which then serialize as `{"value": "..."}` instead of digits.
 */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((v) => cloneJson(v)) as T;
  }
  if (isLosslessNumber(value)) {
    return new LosslessNumber(value.value) as T;
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      // Defined rather than assigned, so a `__proto__` member stays a member (as JSON.parse keeps it).
      Object.defineProperty(out, k, { value: cloneJson(v), enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  }
  return value;
}

interface Decimal {
  negative: boolean;
  /** Significant digits without leading or trailing zeros; empty for zero. */
  digits: string;
  /** Power of ten of the last digit. */
  exponent: number;
}

function toDecimal(text: string): Decimal | undefined {
  const m = /^(-)?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) {
    return undefined;
  }
  const fraction = m[3] ?? '';
  let digits = (m[2] + fraction).replace(/^0+/, '');
  let exponent = Number(m[4] ?? '0') - fraction.length;
  const trailing = /0*$/.exec(digits)![0].length;
  if (trailing > 0) {
    digits = digits.slice(0, digits.length - trailing);
    exponent += trailing;
  }
  if (digits === '') {
    return { negative: false, digits: '', exponent: 0 };
  }
  return { negative: m[1] === '-', digits, exponent };
}

/**
 * True when two JSON numbers denote the same value, compared digit by digit: `12345678901234567891`
 * and `12345678901234567890` differ even though both round to the same double, and `1.50` equals `1.5`.
 */
export function sameNumber(a: number | LosslessNumber, b: number | LosslessNumber): boolean {
  const x = toDecimal(numberText(a));
  const y = toDecimal(numberText(b));
  if (!x || !y) {
    return numberText(a) === numberText(b);
  }
  return x.negative === y.negative && x.digits === y.digits && x.exponent === y.exponent;
}

/** Structural equality of JSON values with exact number comparison; object member order is ignored. */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (isJsonNumber(a) || isJsonNumber(b)) {
    return isJsonNumber(a) && isJsonNumber(b) && sameNumber(a, b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEquals(v, b[i]));
  }
  if (isJsonObject(a) || isJsonObject(b)) {
    if (!isJsonObject(a) || !isJsonObject(b)) {
      return false;
    }
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEquals(a[k], b[k]))
    );
  }
  return a === b;
}

/** Compact JSON text for messages, cut to `max` characters so a huge response never floods a report. */
export function previewJson(value: JsonValue | undefined, max = 200): string {
  if (value === undefined) {
    return '(nothing)';
  }
  const text = stringifyJson(value);
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
