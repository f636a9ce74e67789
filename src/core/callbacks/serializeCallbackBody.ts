import { isJsonNumber, isJsonObject, numberText, type JsonValue } from '../json';

/**
 * Writes a callback body the way TRTC's servers lay it out, so a simulated callback is byte-for-byte
 * like a real one: objects open with a line break, members are indented with tabs and written as
 * `"key":<TAB>value`, separated by `,` and a line break; arrays stay on one line with `, ` between
 * items; there is no final newline. This is the formatted style of the cJSON library, and the
 * documented signature example is exactly this text.
 */
export function serializeCallbackBody(value: JsonValue): string {
  return write(value, 0);
}

function write(value: JsonValue, depth: number): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (isJsonNumber(value)) {
    return numberText(value);
  }
  if (Array.isArray(value)) {
    return '[' + value.map((v) => write(v, depth + 1)).join(', ') + ']';
  }
  if (isJsonObject(value)) {
    const inner = '\t'.repeat(depth + 1);
    const members = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}:\t${write(v, depth + 1)}`);
    return '{\n' + members.map((m) => m + ',\n').join('').replace(/,\n$/, '\n') + '\t'.repeat(depth) + '}';
  }
  throw new TypeError('value cannot be serialized as JSON');
}
