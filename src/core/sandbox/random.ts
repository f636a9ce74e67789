/** A small seeded generator (mulberry32): fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the sandbox's generators draw from: a seeded sequence and the moment answers are placed around. */
export interface Gen {
  next: () => number;
  /** Epoch milliseconds. */
  now: number;
  /** A whole number from lo to hi, both included. */
  int: (lo: number, hi: number) => number;
  chars: (n: number, alphabet: string) => string;
  pick: <T>(list: readonly T[]) => T;
}

/** A generator for one answer. */
export function makeGen(seed: number, now: number): Gen {
  const next = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    now,
    int,
    chars: (n, alphabet) => {
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    },
    pick: (list) => list[int(0, list.length - 1)]!,
  };
}

const HEX = '0123456789abcdef';

/** A version 4 UUID drawn from the generator. */
export function uuid(g: Gen): string {
  return `${g.chars(8, HEX)}-${g.chars(4, HEX)}-4${g.chars(3, HEX)}-${'89ab'[g.int(0, 3)]}${g.chars(3, HEX)}-${g.chars(12, HEX)}`;
}

/** A hash of text into a seed, so that answers about the same user or room agree between calls. */
export function hashSeed(text: string, seed: number): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
