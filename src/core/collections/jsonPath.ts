import { InputError } from '../errors';
import { isJsonObject, type JsonValue } from '../json';

/** One step of a parsed path: a member name, an array index, or every element/member. */
export type JsonPathSegment = { kind: 'key'; name: string } | { kind: 'index'; index: number } | { kind: 'wildcard' };

/** A parsed JSONPath expression of the subset assertions use. */
export interface JsonPath {
  text: string;
  segments: JsonPathSegment[];
  /** True when some step is `[*]`, so the path can select more than one value. */
  hasWildcard: boolean;
}

/** One value a path selected, with the concrete path that led to it (wildcards replaced by indexes). */
export interface JsonPathMatch {
  path: string;
  value: JsonValue;
}

/** Paths longer than this are refused: assertions are short, and the limit bounds parsing work. */
export const MAX_JSON_PATH_LENGTH = 512;

const NAME_CHAR = /[A-Za-z0-9_$-]/;

/** Thrown for a path outside the supported subset, naming the position of the problem. */
export class JsonPathError extends InputError {
  constructor(
    readonly expression: string,
    readonly position: number,
    reason: string,
  ) {
    super(`JSONPath "${expression}": ${reason} at position ${position}`);
  }
}

/**
 * Parses the subset of JSONPath that assertions accept: `$`, `.name`, `['name']` / `["name"]`,
 * `[n]`, `[*]` and `.*`. Anything else (filters, slices, recursive descent, scripts) is refused
 * with the position of the first character that does not fit, so nothing is ever evaluated.
 */
export function parseJsonPath(text: string): JsonPath {
  if (text.length > MAX_JSON_PATH_LENGTH) {
    throw new JsonPathError(text.slice(0, 40) + '…', MAX_JSON_PATH_LENGTH, `longer than ${MAX_JSON_PATH_LENGTH} characters`);
  }
  const fail = (pos: number, reason: string): never => {
    throw new JsonPathError(text, pos, reason);
  };
  if (text[0] !== '$') {
    fail(0, 'must start with "$" (the Response object)');
  }
  const segments: JsonPathSegment[] = [];
  let i = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      i++;
      if (text[i] === '.') {
        fail(i, 'recursive descent ("..") is not supported');
      }
      if (text[i] === '*') {
        segments.push({ kind: 'wildcard' });
        i++;
        continue;
      }
      const start = i;
      while (i < text.length && NAME_CHAR.test(text[i])) {
        i++;
      }
      if (i === start) {
        fail(i, 'expected a member name after "."');
      }
      segments.push({ kind: 'key', name: text.slice(start, i) });
    } else if (c === '[') {
      i++;
      i = skipSpaces(text, i);
      const d = text[i];
      if (d === '*') {
        segments.push({ kind: 'wildcard' });
        i++;
      } else if (d === "'" || d === '"') {
        const { value, end } = readQuoted(text, i, fail);
        segments.push({ kind: 'key', name: value });
        i = end;
      } else if (d !== undefined && d >= '0' && d <= '9') {
        const start = i;
        while (i < text.length && text[i] >= '0' && text[i] <= '9') {
          i++;
        }
        const digits = text.slice(start, i);
        if (digits.length > 1 && digits[0] === '0') {
          fail(start, 'an index has no leading zeros');
        }
        const index = Number(digits);
        if (!Number.isSafeInteger(index)) {
          fail(start, 'the index is too large');
        }
        segments.push({ kind: 'index', index });
      } else if (d === '-') {
        fail(i, 'negative indexes are not supported');
      } else {
        fail(i, 'expected a quoted name, an index or "*" inside "[...]"');
      }
      i = skipSpaces(text, i);
      if (text[i] !== ']') {
        fail(i, 'expected "]"');
      }
      i++;
    } else {
      fail(i, `unexpected "${c}"; use ".name", "['name']", "[0]" or "[*]"`);
    }
  }
  return { text, segments, hasWildcard: segments.some((s) => s.kind === 'wildcard') };
}

function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ') {
    i++;
  }
  return i;
}

function readQuoted(text: string, start: number, fail: (pos: number, reason: string) => never): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      const next = text[i + 1];
      if (next === quote || next === '\\') {
        value += next;
        i += 2;
        continue;
      }
      fail(i, `only \\${quote} and \\\\ are escapes inside a quoted name`);
    }
    if (c === quote) {
      return { value, end: i + 1 };
    }
    value += c;
    i++;
  }
  return fail(start, 'unterminated quoted name');
}

/** Writes a segment list back as a canonical path string (`$.RoomList[0]['odd key']`). */
export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  let out = '$';
  for (const s of segments) {
    if (s.kind === 'wildcard') {
      out += '[*]';
    } else if (s.kind === 'index') {
      out += `[${s.index}]`;
    } else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s.name)) {
      out += `.${s.name}`;
    } else {
      out += `['${s.name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
    }
  }
  return out;
}

/**
 * Every value the path selects in `root`, in document order. Missing members and out-of-range
 * indexes select nothing; a wildcard selects each element of an array or each member of an object.
 */
export function queryJsonPath(path: JsonPath | string, root: JsonValue): JsonPathMatch[] {
  const parsed = typeof path === 'string' ? parseJsonPath(path) : path;
  let current: Array<{ segments: JsonPathSegment[]; value: JsonValue }> = [{ segments: [], value: root }];
  for (const step of parsed.segments) {
    const next: typeof current = [];
    for (const { segments, value } of current) {
      if (step.kind === 'key') {
        if (isJsonObject(value) && Object.prototype.hasOwnProperty.call(value, step.name)) {
          next.push({ segments: [...segments, step], value: value[step.name] });
        }
      } else if (step.kind === 'index') {
        if (Array.isArray(value) && step.index < value.length) {
          next.push({ segments: [...segments, step], value: value[step.index] });
        }
      } else if (Array.isArray(value)) {
        value.forEach((v, index) => next.push({ segments: [...segments, { kind: 'index', index }], value: v }));
      } else if (isJsonObject(value)) {
        for (const [name, v] of Object.entries(value)) {
          next.push({ segments: [...segments, { kind: 'key', name }], value: v });
        }
      }
    }
    current = next;
  }
  return current.map((m) => ({ path: formatJsonPath(m.segments), value: m.value }));
}
