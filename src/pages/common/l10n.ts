import type { UiString } from '../../shared/requestStrings';

/** Looks up a UI string in the host's translations; `{0}`, `{1}`… are replaced by the arguments. */
export type Translate = (english: UiString, ...args: Array<string | number>) => string;

/**
 * Builds the page's `t()` from the strings the host sent with `init`. A missing translation falls
 * back to the English text, so a partly translated table still gives a usable page.
 */
export function makeTranslate(strings: Readonly<Record<string, string>>): Translate {
  return (english, ...args) => {
    const own = Object.hasOwn(strings, english) ? strings[english] : undefined;
    return formatMessage(typeof own === 'string' && own !== '' ? own : english, args);
  };
}

/** Replaces `{n}` placeholders; unknown ones are left as they are. */
export function formatMessage(template: string, args: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => {
    const i = Number(n);
    return i < args.length ? String(args[i]) : whole;
  });
}
