/** One step of a parameter path: a member name or an array index. */
export type PathSeg = string | number;

const PLAIN_NAME = /^[A-Za-z_$][\w$-]*$/;

/**
 * Formats a path the way validation issues name fields: `Layout.MixVideoUids[2]`. Names that are
 * not plain identifiers (only possible for unknown keys) are written as `["a.b"]` so the text
 * still parses back to the same segments.
 */
export function formatPath(segs: readonly PathSeg[]): string {
  let out = '';
  for (const seg of segs) {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
    } else if (PLAIN_NAME.test(seg)) {
      out += out === '' ? seg : `.${seg}`;
    } else {
      out += `[${JSON.stringify(seg)}]`;
    }
  }
  return out;
}

/** Parses a path written by {@link formatPath} (or by the host's validator); undefined when malformed. */
export function parsePath(text: string): PathSeg[] | undefined {
  const segs: PathSeg[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '[') {
      const close = findClosingBracket(text, i);
      if (close < 0) {
        return undefined;
      }
      const inner = text.slice(i + 1, close);
      if (/^\d+$/.test(inner)) {
        segs.push(Number(inner));
      } else if (inner.startsWith('"')) {
        try {
          const name: unknown = JSON.parse(inner);
          if (typeof name !== 'string') {
            return undefined;
          }
          segs.push(name);
        } catch {
          return undefined;
        }
      } else {
        return undefined;
      }
      i = close + 1;
    } else {
      if (c === '.') {
        if (segs.length === 0) {
          return undefined;
        }
        i++;
      } else if (segs.length > 0) {
        // A name directly after another segment without a dot, as in `A[0]B`, is not a path.
        return undefined;
      }
      let end = i;
      while (end < text.length && text[end] !== '.' && text[end] !== '[') {
        end++;
      }
      if (end === i) {
        return undefined;
      }
      segs.push(text.slice(i, end));
      i = end;
    }
  }
  return segs;
}

function findClosingBracket(text: string, open: number): number {
  let inString = false;
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j];
    if (inString) {
      if (c === '\\') {
        j++;
      } else if (c === '"') {
        inString = false;
      }
    } else if (c === '"') {
      inString = true;
    } else if (c === ']') {
      return j;
    }
  }
  return -1;
}

/** Brings a path written in any accepted spelling to the one {@link formatPath} produces. */
export function normalizePath(text: string): string | undefined {
  const segs = parsePath(text);
  return segs === undefined ? undefined : formatPath(segs);
}
