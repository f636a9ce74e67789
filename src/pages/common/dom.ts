/*
 * A few lines of DOM building instead of a template library. Text always goes in as text nodes,
 * never as HTML, so catalog descriptions and user values cannot inject markup; nothing here
 * writes a `style` attribute, which the page's Content Security Policy would refuse.
 */

/** Something that can be placed inside an element; false, null and undefined are skipped. */
export type Child = Node | string | null | undefined | false | readonly Child[];

/** Attributes and properties for {@link h}. */
export interface Props {
  class?: string | ReadonlyArray<string | false | null | undefined>;
  /** `data-*` attributes, written without the prefix. */
  data?: Record<string, string>;
  /** Event listeners by event name. */
  on?: Record<string, (event: Event) => void>;
  /** Properties that must be set as properties (input `value`, `checked`, `selected`). */
  value?: string;
  checked?: boolean;
  selected?: boolean;
  /** Any other attribute; `true` writes an empty attribute, `false`/`undefined` leaves it out. */
  [attribute: string]: unknown;
}

const SPECIAL = new Set(['class', 'data', 'on', 'value', 'checked', 'selected']);

/** Creates an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K];
/** Creates a custom element (such as `vscode-button`) with attributes and children. */
export function h(tag: string, props?: Props | null, ...children: Child[]): HTMLElement;
export function h(tag: string, props?: Props | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (props) {
    if (props.class !== undefined) {
      el.className = typeof props.class === 'string' ? props.class : props.class.filter(Boolean).join(' ');
    }
    for (const [k, v] of Object.entries(props.data ?? {})) {
      el.dataset[k] = v;
    }
    for (const [k, v] of Object.entries(props.on ?? {})) {
      el.addEventListener(k, v);
    }
    for (const [k, v] of Object.entries(props)) {
      if (SPECIAL.has(k) || v === undefined || v === false || v === null) {
        continue;
      }
      el.setAttribute(k, v === true ? '' : String(v));
    }
    if (props.value !== undefined) {
      (el as HTMLInputElement).value = props.value;
    }
    if (props.checked !== undefined) {
      (el as HTMLInputElement).checked = props.checked;
    }
    if (props.selected !== undefined) {
      (el as HTMLOptionElement).selected = props.selected;
    }
  }
  append(el, children);
  return el;
}

/** Appends children (strings become text nodes). */
export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    if (typeof c === 'string') {
      parent.appendChild(document.createTextNode(c));
    } else if (Array.isArray(c)) {
      append(parent, c);
    } else {
      parent.appendChild(c as Node);
    }
  }
}

/** Replaces all children of an element. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A codicon glyph, hidden from screen readers (the button around it carries the label). */
export function icon(name: string): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** A toolbar button with a codicon and a label. */
export function button(label: string, iconName: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: 'tool', title: label, on: { click: onClick }, ...props }, icon(iconName), h('span', { class: 'label' }, label));
}
