import type { JsonObject } from '../json';
import { isSensitiveField, pathText, replaceSensitiveStrings, sensitiveStrings, type JsonPath } from '../sensitive';

export { pathText, type JsonPath } from '../sensitive';

/** A credential inside the parameters, and the environment variable generated code reads it from. */
export interface SensitiveValue {
  path: JsonPath;
  envVar: string;
}

/** Literal text or a reference to an environment variable, for commands that splice secrets in at run time. */
export type TextSegment = { text: string } | { env: string };

/** True when a value at this path holds a credential: some key on the way is a sensitive name. */
export function isSensitivePath(path: JsonPath): boolean {
  return path.some((p) => typeof p === 'string' && isSensitiveField(p));
}

/**
 * Names environment variables after the field and its parent object, so `StorageParams.CloudStorage
 * .SecretKey` reads `TRTC_CLOUDSTORAGE_SECRETKEY`. Two different paths that would share a name get
 * `_2`, `_3`... in the order they are first seen; the same path always gets the same name.
 */
export class EnvVarNamer {
  private readonly byPath = new Map<string, string>();
  private readonly used = new Set<string>();

  name(path: JsonPath): string {
    const key = pathText(path);
    const known = this.byPath.get(key);
    if (known) {
      return known;
    }
    const names = path.filter((p): p is string => typeof p === 'string');
    const base = ('TRTC_' + names.slice(-2).join('_')).toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/_+$/, '');
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) {
      candidate = `${base}_${n}`;
    }
    this.used.add(candidate);
    this.byPath.set(key, candidate);
    return candidate;
  }
}

/** Every non-empty string credential in the parameters, `{{Variable}}` references included, in document order, with its variable name. */
export function findSensitiveValues(params: JsonObject, namer = new EnvVarNamer()): SensitiveValue[] {
  return sensitiveStrings(params).map((s) => ({ path: s.path, envVar: namer.name(s.path) }));
}

/** A copy of `params` with every sensitive string replaced by `replacement`. */
export function withSensitiveReplaced(params: JsonObject, replacement: string): JsonObject {
  return replaceSensitiveStrings(params, () => replacement);
}

/**
 * Cuts a JSON text into literal pieces and environment references, replacing the inside of every
 * sensitive string value. The text outside those values is kept byte for byte, so a command that
 * joins the pieces back with the right variables reproduces the original exactly. `escaped` lists
 * the variables whose value appears with JSON escapes and must be stored in that escaped form.
 */
export function jsonSegments(
  jsonText: string,
  namer: EnvVarNamer,
): { segments: TextSegment[]; variables: SensitiveValue[]; escaped: string[] } {
  const spans = scanStringValues(jsonText);
  if (!spans) {
    return { segments: [{ text: jsonText }], variables: [], escaped: [] };
  }
  const segments: TextSegment[] = [];
  const variables: SensitiveValue[] = [];
  const escaped: string[] = [];
  let at = 0;
  for (const s of spans) {
    const inner = jsonText.slice(s.start + 1, s.end - 1);
    if (inner === '' || !isSensitivePath(s.path)) {
      continue;
    }
    const env = namer.name(s.path);
    segments.push({ text: jsonText.slice(at, s.start + 1) }, { env });
    variables.push({ path: s.path, envVar: env });
    if (inner.includes('\\')) {
      escaped.push(env);
    }
    at = s.end - 1;
  }
  segments.push({ text: jsonText.slice(at) });
  return { segments: segments.filter((seg) => !('text' in seg) || seg.text !== ''), variables, escaped };
}

interface StringSpan {
  path: JsonPath;
  /** Index of the opening quote. */
  start: number;
  /** Index just past the closing quote. */
  end: number;
}

/** Finds every string value (not key) with its path; undefined when the text is not JSON. */
function scanStringValues(text: string): StringSpan[] | undefined {
  const spans: StringSpan[] = [];
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) {
      i++;
    }
  };
  const str = (): [number, number] => {
    if (text[i] !== '"') {
      throw new Error('string expected');
    }
    const start = i++;
    while (i < text.length && text[i] !== '"') {
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) {
      throw new Error('unterminated string');
    }
    i++;
    return [start, i];
  };
  const value = (path: JsonPath): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const [ks, ke] = str();
        const key = JSON.parse(text.slice(ks, ke)) as string;
        ws();
        if (text[i++] !== ':') {
          throw new Error('colon expected');
        }
        value([...path, key]);
        ws();
        const sep = text[i++];
        if (sep === '}') {
          return;
        }
        if (sep !== ',') {
          throw new Error('comma expected');
        }
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value([...path, n]);
        ws();
        const sep = text[i++];
        if (sep === ']') {
          return;
        }
        if (sep !== ',') {
          throw new Error('comma expected');
        }
      }
    } else if (c === '"') {
      const [start, end] = str();
      spans.push({ path, start, end });
    } else {
      const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) {
        throw new Error('value expected');
      }
      i += m[0].length;
    }
  };
  try {
    value([]);
    ws();
    return i === text.length ? spans : undefined;
  } catch {
    return undefined;
  }
}
