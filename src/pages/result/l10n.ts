import type { ResultString } from '../../shared/resultStrings';

let table: Record<string, string> = {};

/** Sets the localized strings the host sent. */
export function setStrings(strings: Record<string, string>): void {
  table = strings;
}

/** A localized string with `{0}`, `{1}`… filled in. */
export function t(key: ResultString, ...args: Array<string | number>): string {
  const text = table[key] || key;
  return text.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
