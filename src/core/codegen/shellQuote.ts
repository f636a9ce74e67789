import type { TextSegment } from './sensitiveValues';

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one word for a POSIX shell. Plain words stay as they are; anything else goes in single
 * quotes, where nothing is special, and each `'` becomes `'\''` (close, escaped quote, reopen).
 */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) {
    return word;
  }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * One shell word built from literal pieces and environment variables: `'{"Key":"'"$VAR"'"}'`.
 * The variables are expanded inside double quotes, so their values are never split or globbed.
 */
export function shellConcat(segments: readonly TextSegment[]): string {
  const merged: TextSegment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if ('text' in s && last !== undefined && 'text' in last) {
      merged[merged.length - 1] = { text: last.text + s.text };
    } else {
      merged.push(s);
    }
  }
  if (merged.length === 0) {
    return "''";
  }
  return merged
    .map((s) => ('env' in s ? `"$${s.env}"` : s.text === '' ? '' : `'${s.text.replace(/'/g, `'\\''`)}'`))
    .join('');
}
