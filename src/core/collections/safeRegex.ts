/** Longest pattern a `matches` assertion may use. */
export const MAX_PATTERN_LENGTH = 256;

/** Only the first this-many characters of a value are matched, which bounds the work of any pattern. */
export const MAX_MATCH_INPUT_LENGTH = 10_000;

/** Flags a `matches` assertion may set: case-insensitive, multi-line, dot-matches-newline. */
export const ALLOWED_PATTERN_FLAGS = /^[ims]*$/;

/*
 * A group that itself ends in a quantifier and is quantified again, such as `(a+)+` or `(\d*)*`, is
 * the classic catastrophic-backtracking shape. Such patterns are refused outright; together with the
 * length limits this keeps a collection file from hanging the runner.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}]\)[+*{]/;

/**
 * Compiles a user pattern, or returns the reason it is refused. The `u` flag is always on so the
 * syntax is strict (a stray `\` or `{` is an error rather than a literal).
 */
export function compileSafePattern(pattern: string, flags = ''): RegExp | string {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  }
  if (!ALLOWED_PATTERN_FLAGS.test(flags)) {
    return `flags may only contain "i", "m" and "s"`;
  }
  if (NESTED_QUANTIFIER.test(pattern)) {
    return 'the pattern repeats a group that already repeats (like "(a+)+"), which can take exponential time';
  }
  if (/\\[1-9]|\\k</.test(pattern)) {
    return 'back-references are not supported';
  }
  try {
    return new RegExp(pattern, [...new Set(flags + 'u')].join(''));
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
}
