import type { CauseText } from './causes';

/** One value a part of the signature may have had; `cause` is set for every value but the request's own. */
export interface Option {
  value: string;
  cause?: CauseText;
}

/** One part of the signature and the values it may have had; the first option is the baseline. */
export interface Dimension {
  name: string;
  options: Option[];
}

/** A combination that reproduced the request's signature. */
export interface SearchMatch {
  /** The value chosen for each dimension, by name. */
  choice: Record<string, string>;
  /** The mistakes in the combination, in dimension order. */
  causes: CauseText[];
}

/**
 * Tries the baseline, then every single mistake, then every pair of mistakes in different parts,
 * and returns the first combination `test` accepts. Fewer mistakes are always tried first, and
 * among as many, earlier dimensions and earlier options first, so the simplest explanation wins.
 */
export function searchMistakes(dimensions: Dimension[], test: (choice: Record<string, string>) => boolean, maxMistakes = 2): SearchMatch | undefined {
  const dims = dimensions.filter((d) => d.options.length > 0);
  const choice: Record<string, string> = {};
  const chosen: number[] = dims.map(() => 0);
  for (const d of dims) {
    choice[d.name] = d.options[0].value;
  }
  const tryPick = (start: number, left: number): SearchMatch | undefined => {
    if (left === 0) {
      if (!test(choice)) {
        return undefined;
      }
      const causes: CauseText[] = [];
      dims.forEach((d, i) => {
        const cause = d.options[chosen[i]].cause;
        if (cause) {
          causes.push(cause);
        }
      });
      return { choice: { ...choice }, causes };
    }
    for (let i = start; i < dims.length; i++) {
      const d = dims[i];
      for (let o = 1; o < d.options.length; o++) {
        choice[d.name] = d.options[o].value;
        chosen[i] = o;
        const found = tryPick(i + 1, left - 1);
        if (found) {
          return found;
        }
      }
      choice[d.name] = d.options[0].value;
      chosen[i] = 0;
    }
    return undefined;
  };
  for (let k = 0; k <= maxMistakes; k++) {
    const found = tryPick(0, k);
    if (found) {
      return found;
    }
  }
  return undefined;
}
