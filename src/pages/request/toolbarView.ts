import type { ProfileOption, RequestOptions } from '../../shared/requestProtocol';
import { h, icon, replaceChildren } from '../common/dom';
import type { Translate } from '../common/l10n';
import type { EditorMode } from './panelState';
import { realProfiles, SANDBOX_PROFILE } from './panelState';

/** Entries of the "More actions" menu, named after the host command they post. */
export type MenuCommand = 'showSignature' | 'exportCode' | 'saveToCollection' | 'copyRequestId';

/** What the toolbar reports to the controller. */
export interface ToolbarEvents {
  onOptions(options: RequestOptions): void;
  onSend(): void;
  onCancel(): void;
  onSkeleton(all: boolean): void;
  onMode(mode: EditorMode): void;
  onRequiredOnly(on: boolean): void;
  onMenu(command: MenuCommand): void;
  onAddProfile(): void;
  onShowIssues(): void;
  /** Save (Ctrl+S): into the collection used last. */
  onSave(): void;
}

/** The profile picker's entry that runs "Add profile…" instead of selecting a profile. */
const ADD_PROFILE = ':add-profile:';

const SIGN_METHODS: ReadonlyArray<RequestOptions['signMethod']> = ['TC3-HMAC-SHA256', 'HmacSHA256', 'HmacSHA1'];

/** The request options row and the sticky action bar with Send. */
export class ToolbarView {
  /** The options row (profile, region, signature, method, language). */
  readonly options: HTMLElement;
  /** The action bar that stays visible while the form scrolls. */
  readonly actions: HTMLElement;
  private current: RequestOptions;
  private profiles: ProfileOption[] = [];
  private readonly profileCell: HTMLElement;
  private readonly regionSelect: HTMLSelectElement;
  private readonly sendButton: HTMLElement;
  private readonly issueButton: HTMLButtonElement;
  private readonly formButton: HTMLButtonElement;
  private readonly jsonButton: HTMLButtonElement;
  private readonly requiredOnly: HTMLInputElement;
  private readonly menuButton: HTMLButtonElement;
  private readonly menu: HTMLElement;
  private readonly copyItem: HTMLButtonElement;
  private sending = false;

  constructor(
    private readonly t: Translate,
    private readonly events: ToolbarEvents,
    options: RequestOptions,
    private regions: Array<{ id: string; label: string }>,
    signal: AbortSignal,
  ) {
    this.current = { ...options };
    this.profileCell = h('div', { class: 'option profile-option' });
    this.regionSelect = h('select', { id: 'opt-region', class: 'input select' });
    this.regionSelect.addEventListener('change', () => this.change({ region: this.regionSelect.value }));
    const select = <K extends 'signMethod' | 'httpMethod' | 'language'>(key: K, id: string, choices: ReadonlyArray<[RequestOptions[K], string]>): HTMLSelectElement => {
      const el = h(
        'select',
        { id, class: 'input select' },
        choices.map(([value, label]) => h('option', { value, selected: this.current[key] === value }, label)),
      );
      el.addEventListener('change', () => this.change({ [key]: el.value } as Partial<RequestOptions>));
      return el;
    };
    const option = (id: string, label: string, control: HTMLElement): HTMLElement => h('div', { class: 'option' }, h('label', { for: id }, label), control);
    this.options = h(
      'div',
      { class: 'options', role: 'group', 'aria-label': t('Request options') },
      this.profileCell,
      option('opt-region', t('Region'), this.regionSelect),
      option('opt-sign', t('Signature'), select('signMethod', 'opt-sign', SIGN_METHODS.map((m) => [m, m]))),
      option('opt-method', t('HTTP method'), select('httpMethod', 'opt-method', [['POST', 'POST'], ['GET', 'GET']])),
      option('opt-language', t('Language'), select('language', 'opt-language', [['zh-CN', t('Chinese (zh-CN)')], ['en-US', t('English (en-US)')]])),
    );

    this.sendButton = h('vscode-button', { id: 'send', class: 'send', icon: 'play', title: t('Send the request (Ctrl+Enter)') }, t('Send'));
    this.sendButton.addEventListener('click', () => (this.sending ? this.events.onCancel() : this.events.onSend()));
    const saveButton = h('vscode-button', { id: 'save', secondary: true, icon: 'save', title: t('Save to the collection used last (Ctrl+S)') }, t('Save'));
    saveButton.addEventListener('click', () => this.events.onSave());
    this.issueButton = h('button', { type: 'button', id: 'issue-count', class: 'issue-count', hidden: true, 'aria-live': 'polite' });
    this.issueButton.addEventListener('click', () => this.events.onShowIssues());
    const secondary = (id: string, iconName: string, text: string, title: string, onClick: () => void): HTMLElement => {
      const b = h('vscode-button', { id, secondary: true, icon: iconName, title }, text);
      b.addEventListener('click', onClick);
      return b;
    };
    this.formButton = h('button', { type: 'button', id: 'mode-form', class: 'segment', 'aria-pressed': 'true' }, icon('list-flat'), h('span', null, t('Form')));
    this.jsonButton = h('button', { type: 'button', id: 'mode-json', class: 'segment', 'aria-pressed': 'false' }, icon('json'), h('span', null, t('JSON')));
    this.formButton.addEventListener('click', () => this.events.onMode('form'));
    this.jsonButton.addEventListener('click', () => this.events.onMode('json'));
    this.requiredOnly = h('input', { type: 'checkbox', id: 'required-only' });
    this.requiredOnly.addEventListener('change', () => this.events.onRequiredOnly(this.requiredOnly.checked));

    const item = (command: MenuCommand, iconName: string, text: string): HTMLButtonElement => {
      const b = h('button', { type: 'button', role: 'menuitem', tabindex: '-1', data: { command } }, icon(iconName), h('span', null, text));
      b.addEventListener('click', () => {
        if (b.getAttribute('aria-disabled') === 'true') {
          return;
        }
        this.closeMenu(true);
        this.events.onMenu(command);
      });
      return b;
    };
    this.copyItem = item('copyRequestId', 'copy', t('Copy RequestId'));
    this.copyItem.setAttribute('aria-disabled', 'true');
    this.menu = h(
      'div',
      { class: 'menu', id: 'more-menu', role: 'menu', hidden: true, 'aria-label': t('More actions') },
      item('showSignature', 'key', t('Show signature steps')),
      item('exportCode', 'code', t('Export code')),
      item('saveToCollection', 'save', t('Save to collection')),
      this.copyItem,
    );
    this.menuButton = h(
      'button',
      { type: 'button', id: 'more-button', class: 'icon-button more-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': 'more-menu', 'aria-label': t('More actions'), title: t('More actions') },
      icon('ellipsis'),
    );
    this.menuButton.addEventListener('click', () => (this.menu.hidden ? this.openMenu() : this.closeMenu(false)));
    this.menu.addEventListener('keydown', (e) => this.menuKey(e));
    document.addEventListener(
      'click',
      (e) => {
        if (!this.menu.hidden && !this.menu.contains(e.target as Node) && !this.menuButton.contains(e.target as Node)) {
          this.closeMenu(false);
        }
      },
      { signal },
    );

    this.actions = h(
      'div',
      { class: 'action-bar', role: 'toolbar', 'aria-label': t('Request actions') },
      h('div', { class: 'send-group' }, this.sendButton, saveButton, this.issueButton),
      h(
        'div',
        { class: 'bar-group' },
        secondary('fill-required', 'symbol-field', t('Fill required'), t('Start over with sample values in the required parameters, marked as samples until edited'), () => this.events.onSkeleton(false)),
        secondary('fill-all', 'symbol-structure', t('Fill all'), t('Start over with sample values in every parameter, marked as samples until edited'), () => this.events.onSkeleton(true)),
      ),
      h(
        'div',
        { class: 'bar-group' },
        h('div', { class: 'segmented', role: 'group', 'aria-label': t('Edit as') }, this.formButton, this.jsonButton),
        h('label', { class: 'check', for: 'required-only' }, this.requiredOnly, h('span', null, t('Required only'))),
        h('div', { class: 'menu-anchor' }, this.menuButton, this.menu),
      ),
    );
    this.renderRegions();
  }

  /** Replaces the profile list (after `init` or a `profiles` message). */
  setProfiles(profiles: ProfileOption[], selected: string): void {
    this.profiles = profiles;
    this.current.profile = selected;
    const real = realProfiles(profiles);
    const select =
      profiles.length > 0
        ? h(
            'select',
            { id: 'opt-profile', class: 'input select' },
            profiles.some((p) => p.name === selected) ? null : h('option', { value: selected, selected: true }, selected === '' ? this.t('(no profile)') : selected),
            profiles.map((p) => h('option', { value: p.name, selected: p.name === selected }, this.profileLabel(p))),
            h('option', { value: ADD_PROFILE }, this.t('Add profile…')),
          )
        : null;
    select?.addEventListener('change', () => {
      if (select.value === ADD_PROFILE) {
        select.value = this.current.profile;
        this.events.onAddProfile();
        return;
      }
      this.change({ profile: select.value });
      this.updateProductionMark();
    });
    const add = real.length === 0 ? h('vscode-button', { id: 'add-profile', secondary: true, icon: 'add' }, this.t('Add profile')) : null;
    add?.addEventListener('click', () => this.events.onAddProfile());
    replaceChildren(
      this.profileCell,
      select ? h('label', { for: 'opt-profile' }, this.t('Profile')) : h('span', { class: 'label' }, this.t('Profile')),
      h('div', { class: 'profile-controls' }, select, h('span', { class: 'tag production', id: 'production-mark', hidden: true }, icon('warning'), h('span', null, this.t('production'))), add),
    );
    this.updateProductionMark();
  }

  /** Reflects the current options in the controls. */
  setOptions(options: RequestOptions): void {
    this.current = { ...options };
    for (const [id, value] of [
      ['opt-sign', options.signMethod],
      ['opt-method', options.httpMethod],
      ['opt-language', options.language],
      ['opt-profile', options.profile],
    ] as const) {
      const el = document.getElementById(id) as HTMLSelectElement | null;
      if (el) {
        el.value = value;
      }
    }
    this.renderRegions();
    this.updateProductionMark();
  }

  /** Switches Send to Cancel while a request is in flight. */
  setSending(sending: boolean): void {
    this.sending = sending;
    this.sendButton.textContent = sending ? this.t('Cancel') : this.t('Send');
    this.sendButton.setAttribute('icon', sending ? 'debug-stop' : 'play');
    this.sendButton.toggleAttribute('secondary', sending);
    this.sendButton.setAttribute('title', sending ? this.t('Cancel the request in flight') : this.t('Send the request (Ctrl+Enter)'));
  }

  /** Shows how many validation issues the parameters have (Send stays enabled regardless). */
  setIssueCount(count: number, changesState = false): void {
    this.issueButton.hidden = count === 0;
    this.issueButton.replaceChildren(icon('error'), h('span', null, count === 1 ? this.t('1 issue') : this.t('{0} issues', count)));
    this.issueButton.setAttribute(
      'title',
      changesState ? this.t('A required field that is unset keeps this action from being sent; other problems are left to the API.') : this.t('The request can still be sent; the API will report its own error.'),
    );
  }

  /** Replaces the region list (the regions the action runs in). */
  setRegions(regions: Array<{ id: string; label: string }>): void {
    this.regions = regions;
    this.renderRegions();
  }

  /** Marks the active editor mode. */
  setMode(mode: EditorMode): void {
    this.formButton.setAttribute('aria-pressed', String(mode === 'form'));
    this.jsonButton.setAttribute('aria-pressed', String(mode === 'json'));
    this.requiredOnly.disabled = mode === 'json';
  }

  /** Reflects the "required only" filter. */
  setRequiredOnly(on: boolean): void {
    this.requiredOnly.checked = on;
  }

  /** Enables "Copy RequestId" once a result carries one. */
  setHasRequestId(has: boolean): void {
    this.copyItem.setAttribute('aria-disabled', String(!has));
  }

  private profileLabel(p: ProfileOption): string {
    if (p.name === SANDBOX_PROFILE) {
      return this.t('Sandbox (no credentials)');
    }
    const parts = [p.name];
    if (p.maskedSecretId) {
      parts.push(p.maskedSecretId);
    }
    let label = parts.join(' · ');
    if (p.production) {
      label += ` — ${this.t('production')}`;
    }
    if (p.temporary) {
      label += ` (${this.t('temporary')})`;
    }
    return label;
  }

  private updateProductionMark(): void {
    const mark = document.getElementById('production-mark');
    const selected = this.profiles.find((p) => p.name === this.current.profile);
    mark?.toggleAttribute('hidden', !selected?.production);
  }

  private renderRegions(): void {
    const list = this.regions.some((r) => r.id === this.current.region) ? this.regions : [{ id: this.current.region, label: this.current.region || this.t('(none)') }, ...this.regions];
    replaceChildren(
      this.regionSelect,
      list.map((r) => h('option', { value: r.id, selected: r.id === this.current.region }, r.label || r.id || this.t('(none)'))),
    );
  }

  private change(patch: Partial<RequestOptions>): void {
    this.current = { ...this.current, ...patch };
    this.events.onOptions({ ...this.current });
  }

  private items(): HTMLButtonElement[] {
    return [...this.menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  private openMenu(): void {
    this.menu.hidden = false;
    this.menuButton.setAttribute('aria-expanded', 'true');
    this.items()[0]?.focus();
  }

  private closeMenu(refocus: boolean): void {
    this.menu.hidden = true;
    this.menuButton.setAttribute('aria-expanded', 'false');
    if (refocus) {
      this.menuButton.focus();
    }
  }

  private menuKey(e: KeyboardEvent): void {
    const items = this.items();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      this.closeMenu(true);
    }
  }
}
