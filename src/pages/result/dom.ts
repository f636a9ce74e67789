/*
 * A few lines of DOM building. Text always goes in as text nodes, never as HTML, so values of an
 * answer cannot inject markup; sizes and positions are set through the CSSOM (`el.style.x = …`),
 * which the page's Content Security Policy allows, never through a `style` attribute.
 */

/** Something that can be placed inside an element; false, null and undefined are skipped. */
export type Child = Node | string | null | undefined | false | readonly Child[];

/** Attributes for {@link h}: `class`, `on` listeners, `data` attributes, anything else as an attribute. */
export interface Props {
  class?: string;
  data?: Record<string, string>;
  on?: Record<string, (event: Event) => void>;
  [attribute: string]: unknown;
}

/** Creates an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'data') for (const [dk, dv] of Object.entries(v as Record<string, string>)) el.dataset[dk] = dv;
    else if (k === 'on') for (const [ek, ev] of Object.entries(v as Record<string, (e: Event) => void>)) el.addEventListener(ek, ev);
    else if (k === 'value') (el as HTMLInputElement).value = String(v);
    else if (k === 'checked') (el as HTMLInputElement).checked = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** Appends children (strings become text nodes). */
export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (typeof c === 'string') parent.appendChild(document.createTextNode(c));
    else if (Array.isArray(c)) append(parent, c);
    else parent.appendChild(c as Node);
  }
}

/** A codicon glyph, hidden from screen readers (the button around it carries the label). */
export function icon(name: string): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** A toolbar button with a codicon and a label. */
export function button(label: string, iconName: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: 'tool', title: label, on: { click: onClick }, ...props }, icon(iconName), h('span', { class: 'label' }, label));
}
