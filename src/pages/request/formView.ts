import type { IssueView } from '../../shared/requestProtocol';
import { h, icon, replaceChildren, type Child } from '../common/dom';
import { parsePath, type PathSeg } from './fieldPath';
import type { ArrayNode, ControlKind, FormNode, PlacedIssues, RawNode, ScalarNode, StructNode } from './formModel';
import type { Translate } from '../common/l10n';
import { plainText, withCodeSpans } from './plainText';
import { ancestorsOf, choiceLabel, cssString, displayName, iconButton, isFormControl, placeholderFor, suggestionText, textButton, truncate } from './formViewParts';
export { suggestionText } from './formViewParts';
import { describeMoment, quickMoment, type QuickMoment, type TimeUnit } from './timeHelpers';

/** A structural edit asked for by a button in the form. */
export type FormOp =
  | { op: 'add-struct'; segs: PathSeg[] }
  | { op: 'unset'; segs: PathSeg[] }
  | { op: 'add-item'; segs: PathSeg[] }
  | { op: 'remove-item'; segs: PathSeg[] }
  | { op: 'move'; segs: PathSeg[]; delta: -1 | 1 }
  | { op: 'rename'; segs: PathSeg[]; name: string };

/** What the form reports to the page's controller. */
export interface FormViewEvents {
  /** A value was typed or picked; the form does not re-render for it, so the cursor stays put. */
  onValue(segs: PathSeg[], control: ControlKind, text: string): void;
  /** A button asked for a structural edit; the controller applies it and re-renders. */
  onOp(op: FormOp): void;
  /** A group was expanded or collapsed. */
  onToggle(path: string, collapsed: boolean): void;
}

/** Descriptions longer than this are clamped to two lines with a "More" button. */
const LONG_DESCRIPTION = 140;

/** Element ids derived from a row's path; paths are unique in one form. */
export const ids = {
  row: (path: string) => `row:${path}`,
  control: (path: string) => `ctl:${path}`,
  description: (path: string) => `desc:${path}`,
  issues: (path: string) => `iss:${path}`,
  body: (path: string) => `body:${path}`,
  name: (path: string) => `name:${path}`,
};

/**
 * Renders the form tree into plain inputs styled with the theme's variables. Native inputs are used
 * (not vscode-elements' text fields) because a label, `aria-invalid` and `aria-describedby` must
 * reach the real input, and the shadow DOM of a custom element would hide it from them.
 */
export class FormView {
  /** The container the form is rendered into. */
  readonly element: HTMLElement;
  private marked = new Set<string>();
  private groupBadges = new Set<string>();
  private samples: ReadonlySet<string> = new Set();

  constructor(
    private readonly t: Translate,
    private readonly events: FormViewEvents,
  ) {
    this.element = h('div', { class: 'form', role: 'form', 'aria-label': t('Parameters') });
    this.element.addEventListener('input', (e) => this.handleInput(e));
    this.element.addEventListener('click', (e) => this.handleClick(e));
  }

  /** Which rows hold unedited samples: they are tagged at the next render. */
  setSamples(paths: ReadonlySet<string>): void {
    this.samples = paths;
  }

  /** Removes the sample tag of rows edited since the last render (the form is not re-rendered for a value). */
  refreshSampleTags(paths: ReadonlySet<string>): void {
    this.samples = paths;
    for (const tag of this.element.querySelectorAll<HTMLElement>('.tag.sample')) {
      if (!paths.has(tag.dataset.path ?? '')) {
        tag.remove();
      }
    }
  }

  /** Replaces the rendered form; issue marks must be applied again afterwards. */
  render(tree: StructNode, collapsed: ReadonlySet<string>): void {
    this.marked.clear();
    this.groupBadges.clear();
    const rows = tree.children.map((n) => this.node(n, collapsed));
    const empty = tree.children.length === 0;
    replaceChildren(
      this.element,
      empty ? h('p', { class: 'muted empty-form' }, tree.hiddenCount > 0 ? this.t('All parameters are optional; clear "Required only" to see them.') : this.t('This action takes no parameters.')) : rows,
      !empty && tree.hiddenCount > 0 ? h('p', { class: 'muted hidden-note' }, this.t('{0} optional parameters hidden.', tree.hiddenCount)) : null,
    );
  }

  /**
   * Hides the "More" button of clamped descriptions that fit in their two lines after all. It needs
   * layout, so it is called once the form is visible and when the panel is resized.
   */
  fitDescriptions(): void {
    if (this.element.offsetParent === null) {
      return;
    }
    for (const more of this.element.querySelectorAll<HTMLElement>('button.more')) {
      const desc = more.previousElementSibling as HTMLElement | null;
      if (desc?.classList.contains('clamped')) {
        more.hidden = desc.scrollHeight <= desc.clientHeight + 1;
      }
    }
  }

  /** Marks the inputs that have issues and lists the messages under them. */
  applyIssues(placed: PlacedIssues): void {
    for (const path of this.marked) {
      this.unmark(path);
    }
    this.marked.clear();
    for (const path of this.groupBadges) {
      const badge = document.getElementById(ids.row(path))?.querySelector(':scope > .group-head > .issue-badge');
      badge?.replaceChildren();
      badge?.setAttribute('hidden', '');
    }
    this.groupBadges.clear();
    const perGroup = new Map<string, number>();
    for (const [path, issues] of placed.byPath) {
      this.mark(path, issues);
      this.marked.add(path);
      for (const group of ancestorsOf(path)) {
        perGroup.set(group, (perGroup.get(group) ?? 0) + issues.length);
      }
    }
    for (const [path, count] of perGroup) {
      const badge = document.getElementById(ids.row(path))?.querySelector(':scope > .group-head > .issue-badge');
      if (badge) {
        badge.textContent = count === 1 ? this.t('1 issue') : this.t('{0} issues', count);
        badge.removeAttribute('hidden');
        this.groupBadges.add(path);
      }
    }
  }

  /** Moves keyboard focus to a row's input (or one of its buttons); expands nothing by itself. */
  focus(path: string, action?: string): boolean {
    const row = document.getElementById(ids.row(path));
    const target =
      (action ? row?.querySelector<HTMLElement>(`[data-action="${action}"][data-path="${cssString(path)}"]`) : null) ??
      document.getElementById(ids.control(path));
    if (!target || target.closest('[hidden]')) {
      return false;
    }
    target.focus();
    return true;
  }

  private mark(path: string, issues: IssueView[]): void {
    const row = document.getElementById(ids.row(path));
    const slot = document.getElementById(ids.issues(path));
    const control = document.getElementById(ids.control(path));
    row?.classList.add('has-issue');
    if (slot) {
      replaceChildren(
        slot,
        issues.map((i) =>
          h('div', { class: 'issue' }, icon('error'), h('span', null, i.message, i.suggestion ? ` ${suggestionText(this.t, i.suggestion)}` : ''), i.fix ? h('span', { class: 'fix' }, ` ${i.fix}`) : null),
        ),
      );
      slot.removeAttribute('hidden');
    }
    if (control) {
      if (isFormControl(control)) {
        control.setAttribute('aria-invalid', 'true');
      }
      const described = new Set((control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
      described.add(ids.issues(path));
      control.setAttribute('aria-describedby', [...described].join(' '));
    }
  }

  private unmark(path: string): void {
    document.getElementById(ids.row(path))?.classList.remove('has-issue');
    const slot = document.getElementById(ids.issues(path));
    slot?.replaceChildren();
    slot?.setAttribute('hidden', '');
    const control = document.getElementById(ids.control(path));
    if (control) {
      control.removeAttribute('aria-invalid');
      const rest = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== ids.issues(path));
      if (rest.length > 0) {
        control.setAttribute('aria-describedby', rest.join(' '));
      } else {
        control.removeAttribute('aria-describedby');
      }
    }
  }

  private handleInput(e: Event): void {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    const path = el.dataset?.path;
    const control = el.dataset?.control as ControlKind | undefined;
    if (path === undefined || control === undefined) {
      return;
    }
    if (el.dataset.time) {
      this.showMoment(path, el.value, el.dataset.time as TimeUnit);
    }
    const segs = parsePath(path);
    if (segs) {
      this.events.onValue(segs, control, el.value);
    }
  }

  private handleClick(e: Event): void {
    const button = (e.target as Element).closest<HTMLElement>('[data-action]');
    if (!button || !this.element.contains(button)) {
      return;
    }
    const path = button.dataset.path ?? '';
    const segs = parsePath(path);
    if (!segs) {
      return;
    }
    switch (button.dataset.action) {
      case 'toggle': {
        const expanded = button.getAttribute('aria-expanded') === 'true';
        button.setAttribute('aria-expanded', String(!expanded));
        document.getElementById(ids.row(path))?.classList.toggle('collapsed', expanded);
        document.getElementById(ids.body(path))?.toggleAttribute('hidden', expanded);
        this.events.onToggle(path, expanded);
        break;
      }
      case 'more': {
        const expanded = button.getAttribute('aria-expanded') === 'true';
        button.setAttribute('aria-expanded', String(!expanded));
        button.textContent = expanded ? this.t('More') : this.t('Less');
        document.getElementById(ids.description(path))?.classList.toggle('clamped', expanded);
        break;
      }
      case 'reveal': {
        const input = document.getElementById(ids.control(path)) as HTMLInputElement | null;
        if (input) {
          const show = input.type === 'password';
          input.type = show ? 'text' : 'password';
          button.setAttribute('aria-pressed', String(show));
          button.replaceChildren(icon(show ? 'eye-closed' : 'eye'));
        }
        break;
      }
      case 'moment': {
        const input = document.getElementById(ids.control(path)) as HTMLInputElement | null;
        const unit = input?.dataset.time as TimeUnit | undefined;
        if (input && unit) {
          input.value = quickMoment(button.dataset.kind as QuickMoment, unit, Date.now());
          this.showMoment(path, input.value, unit);
          this.events.onValue(segs, 'integer', input.value);
        }
        break;
      }
      case 'add-struct':
        this.events.onOp({ op: 'add-struct', segs });
        break;
      case 'unset':
        this.events.onOp({ op: 'unset', segs });
        break;
      case 'add-item':
        this.events.onOp({ op: 'add-item', segs });
        break;
      case 'remove-item':
        this.events.onOp({ op: 'remove-item', segs });
        break;
      case 'move-up':
        this.events.onOp({ op: 'move', segs, delta: -1 });
        break;
      case 'move-down':
        this.events.onOp({ op: 'move', segs, delta: 1 });
        break;
    }
  }

  private node(node: FormNode, collapsed: ReadonlySet<string>): HTMLElement {
    switch (node.kind) {
      case 'scalar':
        return this.scalarRow(node);
      case 'struct':
        return this.structGroup(node, collapsed);
      case 'array':
        return this.arrayGroup(node, collapsed);
      case 'raw':
        return this.rawRow(node);
    }
  }

  private nameCell(node: FormNode, forId: string | undefined): HTMLElement {
    const label = forId
      ? h('label', { class: 'name', for: forId, id: ids.name(node.path) }, node.label)
      : h('span', { class: 'name', id: ids.name(node.path) }, node.label);
    return h(
      'div',
      { class: 'name-cell' },
      label,
      node.required && !node.inArray ? h('span', { class: 'required', title: this.t('Required'), 'aria-hidden': 'true' }, '*') : null,
      h('span', { class: 'type' }, node.type.label),
      node.field?.deprecated && !node.inArray ? h('span', { class: 'tag deprecated' }, this.t('deprecated')) : null,
      node.field?.sensitive && !node.inArray ? h('span', { class: 'tag sensitive', title: this.t('Kept out of history, collections and exports') }, this.t('secret')) : null,
      this.samples.has(node.path)
        ? h('span', { class: 'tag sample', data: { path: node.path }, title: this.t('Filled in by Fill required / Fill all; edit it, or choose "Keep samples", before a state-changing Send') }, this.t('sample'))
        : null,
    );
  }

  /** Under a Unix-time input: the moment in local time and UTC, or why the number is no moment. */
  private showMoment(path: string, text: string, unit: TimeUnit): void {
    const slot = document.getElementById(`moment:${path}`);
    if (slot) {
      replaceChildren(slot, this.momentText(text, unit));
    }
  }

  private momentText(text: string, unit: TimeUnit): Child[] {
    const m = describeMoment(text, unit);
    if (!m) {
      return [h('span', { class: 'muted' }, unit === 'unix-ms' ? this.t('Unix time in milliseconds') : this.t('Unix time in seconds'))];
    }
    return [
      h('span', { class: 'moment-local' }, `${m.local} (${m.zone})`),
      h('span', { class: 'muted' }, ' · '),
      h('span', { class: 'moment-utc' }, m.utc),
      m.otherUnit ? h('span', { class: 'moment-warning' }, ' ', icon('warning'), unit === 'unix-s' ? this.t('looks like milliseconds; this field takes seconds') : this.t('looks like seconds; this field takes milliseconds')) : null,
    ];
  }

  private momentTools(node: ScalarNode, unit: TimeUnit): HTMLElement {
    const quick = (kind: QuickMoment, text: string) => h('button', { type: 'button', class: 'link-button moment-quick', data: { action: 'moment', kind, path: node.path } }, text);
    return h(
      'div',
      { class: 'moment-line' },
      h('span', { class: 'moment', id: `moment:${node.path}`, 'aria-live': 'polite' }, this.momentText(node.text, unit)),
      h('span', { class: 'moment-tools' }, quick('now', this.t('now')), quick('hourAgo', this.t('1 hour ago')), quick('todayStart', this.t('today 00:00'))),
    );
  }

  private description(node: FormNode): HTMLElement | null {
    const text = node.inArray || !node.field?.description ? '' : plainText(node.field.description);
    if (!text) {
      return null;
    }
    const long = text.length > LONG_DESCRIPTION || text.split('\n').length > 2;
    return h(
      'div',
      { class: 'desc-wrap' },
      node.field?.descriptionZhOnly
        ? h('span', { class: 'tag zh-only', title: this.t('The documentation describes this field in Chinese only.') }, this.t('Chinese only'))
        : null,
      h('div', { class: ['desc', long && 'clamped'], id: ids.description(node.path) }, withCodeSpans(text)),
      long ? h('button', { type: 'button', class: 'link more', 'aria-expanded': 'false', 'aria-controls': ids.description(node.path), data: { action: 'more', path: node.path } }, this.t('More')) : null,
    );
  }

  private issueSlot(node: FormNode): HTMLElement {
    return h('div', { class: 'issues', id: ids.issues(node.path), hidden: true });
  }

  private describedBy(node: FormNode): string | undefined {
    return !node.inArray && node.field?.description?.trim() ? ids.description(node.path) : undefined;
  }

  private scalarRow(node: ScalarNode): HTMLElement {
    const controlId = ids.control(node.path);
    const input = this.control(node, controlId);
    const tools: Child[] = [];
    if (node.control === 'password') {
      tools.push(iconButton('eye', this.t('Show value of {0}', displayName(node)), { action: 'reveal', path: node.path }, { 'aria-pressed': 'false' }));
    }
    if (node.inArray) {
      tools.push(this.itemTools(node));
    } else if (!node.required && node.present) {
      tools.push(iconButton('close', this.t('Unset {0}', node.label), { action: 'unset', path: node.path }));
    }
    const unit = node.control === 'integer' ? node.field?.time : undefined;
    return h(
      'div',
      { class: ['row', 'scalar', node.inArray && 'item', !node.present && 'unset'], id: ids.row(node.path), data: { path: node.path } },
      this.nameCell(node, controlId),
      h('div', { class: 'value-cell' }, h('div', { class: 'control' }, input, tools), unit ? this.momentTools(node, unit) : null, this.issueSlot(node), this.description(node)),
    );
  }

  private control(node: ScalarNode, id: string): HTMLElement {
    const common = {
      id,
      data: { path: node.path, control: node.control, ...(node.control === 'integer' && node.field?.time ? { time: node.field.time } : {}) },
      // An item's visible label is only "[2]"; its accessible name says which array it belongs to.
      'aria-label': node.inArray ? displayName(node) : undefined,
      'aria-required': node.required && !node.inArray ? 'true' : undefined,
      'aria-describedby': this.describedBy(node),
    };
    if (node.control === 'boolean' || node.control === 'enum') {
      const unsetLabel = node.inArray ? this.t('(null)') : node.required ? this.t('(choose)') : this.t('(unset)');
      return h(
        'select',
        { ...common, class: 'input select' },
        h('option', { value: '', selected: node.text === '' }, unsetLabel),
        (node.choices ?? []).map((c) =>
          h('option', { value: c.value, selected: c.value === node.text }, c.unlisted ? this.t('{0} (not a listed value)', c.value) : choiceLabel(c.value, c.label)),
        ),
      );
    }
    const attrs: Record<string, string | boolean | undefined> = {};
    switch (node.control) {
      case 'integer':
        attrs.inputmode = 'numeric';
        break;
      case 'float':
        attrs.inputmode = 'decimal';
        break;
      case 'date':
        attrs.type = 'date';
        break;
      case 'password':
        attrs.type = 'password';
        attrs.autocomplete = 'off';
        break;
    }
    return h('input', {
      type: 'text',
      ...common,
      ...attrs,
      class: ['input', node.control === 'integer' || node.control === 'float' ? 'number' : null],
      spellcheck: 'false',
      placeholder: node.present ? undefined : placeholderFor(this.t, node),
      value: node.text,
    });
  }

  private itemTools(node: FormNode): HTMLElement {
    const name = displayName(node);
    return h(
      'span',
      { class: 'item-tools' },
      iconButton('arrow-up', this.t('Move {0} up', name), { action: 'move-up', path: node.path }),
      iconButton('arrow-down', this.t('Move {0} down', name), { action: 'move-down', path: node.path }),
      iconButton('trash', this.t('Remove {0}', name), { action: 'remove-item', path: node.path }),
    );
  }

  private groupHead(node: StructNode | ArrayNode, expandable: boolean, isCollapsed: boolean, extra: Child[]): HTMLElement {
    const name: Child[] = [
      h('span', { class: 'name', id: ids.name(node.path) }, node.label),
      node.required && !node.inArray ? h('span', { class: 'required', title: this.t('Required'), 'aria-hidden': 'true' }, '*') : null,
    ];
    const head = expandable
      ? h(
          'button',
          {
            type: 'button',
            class: 'twisty',
            id: ids.control(node.path),
            'aria-expanded': String(!isCollapsed),
            'aria-controls': ids.body(node.path),
            'aria-describedby': this.describedBy(node),
            data: { action: 'toggle', path: node.path },
          },
          icon('chevron-down'),
          name,
        )
      : h('span', { class: 'twisty static' }, icon('blank'), name);
    return h(
      'div',
      { class: 'group-head' },
      head,
      h('span', { class: 'type' }, node.type.label),
      node.field?.deprecated && !node.inArray ? h('span', { class: 'tag deprecated' }, this.t('deprecated')) : null,
      h('span', { class: 'issue-badge', hidden: true }),
      h('span', { class: 'head-tools' }, extra),
    );
  }

  private structGroup(node: StructNode, collapsed: ReadonlySet<string>): HTMLElement {
    const expandable = node.present || node.required;
    const isCollapsed = expandable && collapsed.has(node.path);
    const tools: Child[] = [];
    if (node.inArray) {
      tools.push(this.itemTools(node));
    } else if (!node.present && !node.required) {
      tools.push(textButton('add', this.t('Add'), this.t('Add {0}', node.label), { action: 'add-struct', path: node.path }, ids.control(node.path), this.describedBy(node)));
    } else if (node.present && !node.required) {
      tools.push(iconButton('close', this.t('Unset {0}', node.label), { action: 'unset', path: node.path }));
    }
    const body = expandable
      ? h(
          'div',
          { class: 'group-body', id: ids.body(node.path), role: 'group', 'aria-labelledby': ids.name(node.path), hidden: isCollapsed },
          node.children.map((c) => this.node(c, collapsed)),
          node.children.length === 0 ? h('p', { class: 'muted empty' }, node.struct ? this.t('Only optional members; none shown.') : this.t('No members.')) : null,
          node.hiddenCount > 0 && node.children.length > 0 ? h('p', { class: 'muted hidden-note' }, this.t('{0} optional parameters hidden.', node.hiddenCount)) : null,
        )
      : null;
    return h(
      'div',
      { class: ['group', 'struct', node.inArray && 'item', !node.present && 'unset', isCollapsed && 'collapsed'], id: ids.row(node.path), data: { path: node.path } },
      this.groupHead(node, expandable, isCollapsed, tools),
      this.issueSlot(node),
      this.description(node),
      body,
    );
  }

  private arrayGroup(node: ArrayNode, collapsed: ReadonlySet<string>): HTMLElement {
    const isCollapsed = node.present && collapsed.has(node.path);
    const count = node.items.length;
    const tools: Child[] = [
      node.present ? h('span', { class: 'count muted' }, count === 1 ? this.t('1 item') : this.t('{0} items', count)) : null,
      textButton('add', this.t('Add item'), this.t('Add an item to {0}', displayName(node)), { action: 'add-item', path: node.path }, node.present ? undefined : ids.control(node.path), node.present ? undefined : this.describedBy(node)),
    ];
    if (node.inArray) {
      tools.push(this.itemTools(node));
    } else if (node.present && !node.required) {
      tools.push(iconButton('close', this.t('Unset {0}', node.label), { action: 'unset', path: node.path }));
    }
    const body = node.present
      ? h(
          'div',
          { class: 'group-body', id: ids.body(node.path), role: 'group', 'aria-labelledby': ids.name(node.path), hidden: isCollapsed },
          count === 0 ? h('p', { class: 'muted empty' }, this.t('No items.')) : node.items.map((c) => this.node(c, collapsed)),
        )
      : null;
    return h(
      'div',
      { class: ['group', 'array', node.inArray && 'item', !node.present && 'unset', isCollapsed && 'collapsed'], id: ids.row(node.path), data: { path: node.path } },
      this.groupHead(node, node.present, isCollapsed, tools),
      this.issueSlot(node),
      this.description(node),
      body,
    );
  }

  private rawRow(node: RawNode): HTMLElement {
    const note = node.reason === 'unknown-key' ? this.t('Not a parameter of this action. Kept in the JSON; edit or remove it there.') : this.t('This value does not fit the type {0}. Kept in the JSON; edit it there.', node.type.label);
    const noteId = `note:${node.path}`;
    return h(
      'div',
      { class: ['row', 'raw', node.inArray && 'item'], id: ids.row(node.path), data: { path: node.path } },
      h(
        'div',
        { class: 'name-cell' },
        h('span', { class: 'name', id: ids.name(node.path) }, node.label),
        h('span', { class: 'tag warning' }, node.reason === 'unknown-key' ? this.t('unknown') : this.t('JSON only')),
      ),
      h(
        'div',
        { class: 'value-cell' },
        h(
          'div',
          { class: 'control' },
          h('code', { class: 'raw-json', id: ids.control(node.path), tabindex: '0', 'aria-labelledby': ids.name(node.path), 'aria-describedby': noteId }, truncate(node.json, 200)),
          node.inArray ? this.itemTools(node) : iconButton('trash', this.t('Remove {0}', node.label), { action: 'unset', path: node.path }),
        ),
        this.issueSlot(node),
        h('div', { class: 'desc note', id: noteId }, note),
      ),
    );
  }
}
