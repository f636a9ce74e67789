import { h, icon } from '../common/dom';
import type { Translate } from '../common/l10n';
import { parsePath } from './fieldPath';
import type { FormNode, ScalarNode } from './formTypes';

/* Small pieces of the rendered form: names, labels, placeholders and buttons. */

/** True for an element that takes `aria-invalid`. */
export function isFormControl(el: Element): boolean {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

/** Row paths of the groups enclosing a path: `A.B[1].C` → `A`, `A.B`, `A.B[1]`. */
export function ancestorsOf(path: string): string[] {
  const segs = parsePath(path);
  if (!segs) {
    return [];
  }
  const out: string[] = [];
  let acc = '';
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i];
    acc = typeof s === 'number' ? `${acc}[${s}]` : acc === '' ? s : `${acc}.${s}`;
    out.push(acc);
  }
  return out;
}

/** The name an input is announced by: `MixLayoutList[2]` for an item. */
export function displayName(node: FormNode): string {
  if (node.inArray) {
    const parent = node.segs.slice(0, -1);
    const name = [...parent].reverse().find((s): s is string => typeof s === 'string') ?? '';
    return `${name}${node.label}`;
  }
  return node.label;
}

/** A select option's text: the value and its meaning. */
export function choiceLabel(value: string, label: string | undefined): string {
  const shown = value.startsWith('"') ? (JSON.parse(value) as string) : value;
  return label ? `${shown} — ${label}` : shown;
}

/** The typed placeholder of an empty input. */
export function placeholderFor(t: Translate, node: ScalarNode): string | undefined {
  switch (node.control) {
    case 'integer':
      return node.required ? t('integer') : t('integer, unset');
    case 'float':
      return node.required ? t('number') : t('number, unset');
    case 'text':
    case 'password':
      return node.required ? undefined : t('unset');
    default:
      return undefined;
  }
}

/** Renders a "did you mean" suggestion; a bare name becomes a question, a sentence is shown as is. */
export function suggestionText(t: Translate, suggestion: string): string {
  return /\s/.test(suggestion.trim()) ? suggestion : t('Did you mean {0}?', suggestion);
}

/** Text shortened to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Text escaped for a CSS attribute selector's string. */
export function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}

/** A button showing only an icon, named for screen readers. */
export function iconButton(name: string, label: string, data: Record<string, string>, extra: Record<string, string> = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: 'icon-button', 'aria-label': label, title: label, data, ...extra }, icon(name));
}

/** A small button with an icon and a text. */
export function textButton(iconName: string, text: string, label: string, data: Record<string, string>, id?: string, describedBy?: string): HTMLButtonElement {
  return h('button', { type: 'button', class: 'small-button', 'aria-label': label, id, 'aria-describedby': describedBy, data }, icon(iconName), h('span', null, text));
}
