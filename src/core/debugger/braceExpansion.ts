// Bash's brace expansion and the byte escapes of $'…', over the characters of one word with where
// each came from; split out of shellWords.ts, which uses them.

/** Where a character of a word came from: it decides brace expansion and field splitting. */
export const enum Kind {
  /** Unquoted text of the command: subject to brace and tilde expansion. */
  Literal,
  /** Quoted or escaped text: taken as it is. */
  Quoted,
  /** Text from an unquoted variable: split at white space. */
  Expanded,
}

/** One character of a word and where it came from. */
export interface Char {
  c: string;
  k: Kind;
}

const MAX_BRACE_WORDS = 10_000;

/** Turns the byte placeholders of `$'\xHH'` escapes (U+E000 + byte) into the UTF-8 text they encode. */
export function decodeBytes(chars: Char[]): Char[] {
  const out: Char[] = [];
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) {
      for (const c of Buffer.from(bytes).toString('utf8')) {
        out.push({ c, k: Kind.Quoted });
      }
      bytes = [];
    }
  };
  for (const ch of chars) {
    const code = ch.c.charCodeAt(0);
    if (ch.c.length === 1 && code >= 0xe000 && code <= 0xe0ff) {
      bytes.push(code - 0xe000);
    } else {
      flush();
      out.push(ch);
    }
  }
  flush();
  return out;
}

/**
 * Bash's brace expansion over the unquoted characters of a word: `{a,b}` lists (nested too) and
 * `{1..3}`, `{a..c}`, `{01..10..3}` sequences. A brace without a comma or a valid sequence stays.
 */
export function braceExpand(chars: Char[]): Char[][] {
  const results: Char[][] = [];
  const queue: Char[][] = [chars];
  while (queue.length > 0) {
    const w = queue.shift()!;
    const found = findBrace(w);
    if (!found) {
      results.push(w);
      continue;
    }
    const prefix = w.slice(0, found.open);
    const suffix = w.slice(found.close + 1);
    const alternatives = found.alternatives;
    if (results.length + queue.length + alternatives.length > MAX_BRACE_WORDS) {
      results.push(w);
      continue;
    }
    // Expanded in order, the first alternative's words before the second's, as bash lists them.
    queue.unshift(...alternatives.map((alt) => [...prefix, ...alt, ...suffix]));
  }
  return results;
}

function findBrace(w: Char[]): { open: number; close: number; alternatives: Char[][] } | undefined {
  for (let open = 0; open < w.length; open++) {
    if (w[open].c !== '{' || w[open].k !== Kind.Literal) {
      continue;
    }
    let depth = 0;
    const commas: number[] = [];
    for (let j = open; j < w.length; j++) {
      const ch = w[j];
      if (ch.k !== Kind.Literal) {
        continue;
      }
      if (ch.c === '{') {
        depth++;
      } else if (ch.c === '}') {
        depth--;
        if (depth === 0) {
          if (commas.length > 0) {
            const bounds = [open, ...commas, j];
            const alternatives = bounds.slice(0, -1).map((b, k) => w.slice(b + 1, bounds[k + 1]));
            return { open, close: j, alternatives };
          }
          const sequence = sequenceOf(w.slice(open + 1, j));
          if (sequence) {
            return { open, close: j, alternatives: sequence.map((s) => [...s].map((c) => ({ c, k: Kind.Quoted }))) };
          }
          break;
        }
      } else if (ch.c === ',' && depth === 1) {
        commas.push(j);
      }
    }
  }
  return undefined;
}

function sequenceOf(inner: Char[]): string[] | undefined {
  if (inner.some((ch) => ch.k !== Kind.Literal)) {
    return undefined;
  }
  const text = inner.map((ch) => ch.c).join('');
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text);
  if (numeric) {
    const [from, to] = [Number(numeric[1]), Number(numeric[2])];
    const step = Math.abs(Number(numeric[3] ?? 1)) || 1;
    const width = [numeric[1], numeric[2]].some((n) => /^-?0\d/.test(n)) ? Math.max(numeric[1].length, numeric[2].length) : 0;
    if (Math.abs(to - from) / step > MAX_BRACE_WORDS) {
      return undefined;
    }
    const out: string[] = [];
    for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? step : -step) {
      const s = String(Math.abs(n)).padStart(width - (n < 0 ? 1 : 0), '0');
      out.push(n < 0 ? '-' + s : s);
    }
    return out;
  }
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (letters) {
    const [from, to] = [letters[1].charCodeAt(0), letters[2].charCodeAt(0)];
    const step = Math.abs(Number(letters[3] ?? 1)) || 1;
    const out: string[] = [];
    for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? step : -step) {
      out.push(String.fromCharCode(n));
    }
    return out;
  }
  return undefined;
}
