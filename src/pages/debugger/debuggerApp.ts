import type { DebuggerInit, DebuggerState, DiagnosisView, FromDebugger, PrefillView, StepView, ToDebugger } from '../../shared/debuggerProtocol';
import { h, icon, replaceChildren, type Child } from '../common/dom';
import { differenceParts, makeDebuggerTranslate, startingInput, stateToSave, statusLabel, statusMark, visible, type DebuggerTranslate } from './debuggerModel';


/** How each certainty is named in the verdict's badge. */
const CERTAINTY_LABEL = { correct: 'Correct', reproduced: 'Reproduced', likely: 'Likely', unknown: 'Unknown' } as const;

/** The part of VS Code's webview API the debugger page uses. */
export interface DebuggerVsCodeApi {
  postMessage(message: FromDebugger): void;
  getState(): unknown;
  setState(state: DebuggerState): void;
}

/** The page's elements that change after `init`. */
interface View {
  t: DebuggerTranslate;
  paste: HTMLTextAreaElement;
  secretKey: HTMLInputElement;
  secretId: HTMLInputElement;
  temporary: HTMLInputElement;
  prefillNote: HTMLElement;
  profileButton: HTMLElement;
  busy: HTMLElement;
  error: HTMLElement;
  result: HTMLElement;
}

/**
 * The debugger page: a paste box, the SecretKey (a password field that is never saved), optional
 * SecretId and temporary-keys inputs, and the diagnosis. It saves everything but the key with
 * `setState` and talks to the host only through src/shared/debuggerProtocol.ts.
 */
export class DebuggerApp {
  private v?: View;
  private prefill?: PrefillView;
  private prefillId?: string;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: DebuggerVsCodeApi,
  ) {}

  /** Starts listening to the host, then asks for the data to render. */
  start(): void {
    window.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
    replaceChildren(this.root, h('p', { class: 'muted loading' }, 'Loading…'));
    this.api.postMessage({ type: 'ready' });
  }

  /** Handles one message from the host; anything malformed is ignored. */
  receive(data: unknown): void {
    if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') {
      return;
    }
    const msg = data as ToDebugger;
    switch (msg.type) {
      case 'init':
        this.initialize(msg.data);
        break;
      case 'prefill':
        this.applyPrefill(msg.prefill);
        break;
      case 'diagnosing':
        this.setBusy(true);
        break;
      case 'diagnosis':
        this.setBusy(false);
        this.showDiagnosis(msg.diagnosis);
        break;
      case 'error':
        this.setBusy(false);
        this.showError(msg.message);
        break;
    }
  }

  private initialize(init: DebuggerInit): void {
    const t = makeDebuggerTranslate(init.strings ?? {});
    const start = startingInput(init, this.api.getState());
    this.prefill = init.prefill;
    this.prefillId = start.prefillId;
    const persist = () => this.persist();
    const paste = h('textarea', {
      id: 'paste',
      class: 'input paste mono',
      rows: '14',
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': 'paste-hint',
      placeholder: t('Paste here, for example: curl -X POST https://trtc.tencentcloudapi.com -H "Authorization: TC3-HMAC-SHA256 …" -H … -d \'…\''),
      value: start.text,
      on: { input: persist, keydown: (e) => this.onKey(e as KeyboardEvent) },
    });
    const secretKey = h('input', {
      id: 'secret-key',
      class: 'input mono',
      type: 'password',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'key-hint',
      on: { keydown: (e) => this.onKey(e as KeyboardEvent) },
    });
    const secretId = h('input', { id: 'secret-id', class: 'input mono', type: 'text', autocomplete: 'off', spellcheck: 'false', value: start.secretId, title: t('Checks that the request carries the SecretId this key belongs to.'), on: { input: persist } });
    const temporary = h('input', { id: 'temporary', type: 'checkbox', checked: start.temporary, on: { change: persist } });
    const profileButton = h('vscode-button', { id: 'diagnose-profile', secondary: true, hidden: true, on: { click: () => this.diagnoseWithProfile() } });
    const busy = h('span', { class: 'busy', hidden: true }, h('vscode-progress-ring', { class: 'ring' }), h('span', null, t('Diagnosing…')));
    const prefillNote = h('div', { class: 'banner prefill-note', role: 'status', hidden: true });
    const error = h('div', { class: 'issue-list dbg-error', role: 'alert', hidden: true });
    const result = h('section', { class: 'result dbg-result', id: 'result', 'aria-live': 'polite', hidden: true });
    this.v = { t, paste, secretKey, secretId, temporary, prefillNote, profileButton, busy, error, result };

    replaceChildren(
      this.root,
      h('header', { class: 'header' }, h('h1', { class: 'action-name' }, t('Signature debugger')), h('p', { class: 'action-summary' }, t('Paste the request your code sent and the SecretKey it signs with. Every step of the signature is recomputed from your exact bytes, and the first step that differs is named with its likely cause.'))),
      prefillNote,
      h(
        'section',
        { class: 'dbg-input' },
        h('label', { for: 'paste', class: 'dbg-label' }, t('Request your code sent')),
        h('p', { class: 'muted hint', id: 'paste-hint' }, t('A curl command, a raw HTTP request, or its headers and body. Line breaks are read as LF.')),
        paste,
        h(
          'div',
          { class: 'options dbg-options' },
          h('div', { class: 'option key-option' }, h('label', { for: 'secret-key' }, t('SecretKey')), secretKey),
          h('div', { class: 'option' }, h('label', { for: 'secret-id' }, t('SecretId (optional)')), secretId),
          h('label', { class: 'check' }, temporary, h('span', null, t('Temporary keys (with a session token)'))),
        ),
        h('p', { class: 'muted hint', id: 'key-hint' }, icon('lock'), ' ', t('The SecretKey stays in this panel\'s memory: it is never saved, and it is gone when the panel closes or reloads.')),
        h('div', { class: 'action-bar dbg-actions' }, h('vscode-button', { id: 'diagnose', on: { click: () => this.diagnose() } }, t('Diagnose')), profileButton, busy),
      ),
      error,
      result,
    );
    this.renderPrefill();
    this.persist();
    if (init.diagnosis) {
      this.showDiagnosis(init.diagnosis);
    }
  }

  private applyPrefill(prefill: PrefillView): void {
    const v = this.v;
    if (!v) {
      return;
    }
    this.prefill = prefill;
    this.prefillId = prefill.id;
    v.paste.value = prefill.text;
    v.secretId.value = '';
    v.temporary.checked = false;
    v.result.hidden = true;
    v.error.hidden = true;
    this.renderPrefill();
    this.persist();
  }

  private renderPrefill(): void {
    const v = this.v;
    if (!v) {
      return;
    }
    const p = this.prefill;
    v.prefillNote.hidden = !p;
    replaceChildren(v.prefillNote, p ? [icon('info'), h('span', null, p.note)] : null);
    v.profileButton.hidden = !p?.profile;
    v.profileButton.textContent = p?.profile ? v.t('Diagnose with the key of profile "{0}"', p.profile) : '';
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.diagnose();
    }
  }

  private persist(): void {
    const v = this.v;
    if (!v) {
      return;
    }
    this.api.setState(stateToSave({ text: v.paste.value, secretId: v.secretId.value, temporary: v.temporary.checked, ...(this.prefillId ? { prefillId: this.prefillId } : {}) }));
  }

  /** Sends the paste and the typed key; the key is not kept anywhere else. */
  diagnose(): void {
    const v = this.v;
    if (!v) {
      return;
    }
    if (v.paste.value.trim() === '') {
      this.showError(v.t('Paste a request first.'));
      v.paste.focus();
      return;
    }
    if (v.secretKey.value === '') {
      if (this.prefill?.profile) {
        this.diagnoseWithProfile();
        return;
      }
      this.showError(v.t('Enter the SecretKey your code signs with.'));
      v.secretKey.focus();
      return;
    }
    const secretId = v.secretId.value.trim();
    this.api.postMessage({ type: 'diagnose', text: v.paste.value, secretKey: v.secretKey.value, ...(secretId ? { secretId } : {}), temporary: v.temporary.checked });
  }

  private diagnoseWithProfile(): void {
    const v = this.v;
    if (!v) {
      return;
    }
    if (v.paste.value.trim() === '') {
      this.showError(v.t('Paste a request first.'));
      return;
    }
    this.api.postMessage({ type: 'diagnoseWithProfile', text: v.paste.value });
  }

  private setBusy(on: boolean): void {
    if (this.v) {
      this.v.busy.hidden = !on;
      if (on) {
        this.v.error.hidden = true;
      }
    }
  }

  private showError(message: string): void {
    const v = this.v;
    if (!v) {
      return;
    }
    replaceChildren(v.error, h('p', { class: 'issue-list-title' }, icon('error'), h('span', null, message)));
    v.error.hidden = false;
  }

  private showDiagnosis(d: DiagnosisView): void {
    const v = this.v;
    if (!v) {
      return;
    }
    const t = v.t;
    v.error.hidden = true;
    const outcome =
      d.verdict === 'ok'
        ? h('span', { class: 'outcome ok', id: 'verdict' }, icon('pass-filled'), h('span', null, t('Signature correct for this key')))
        : h('span', { class: 'outcome api-error', id: 'verdict' }, icon('error'), h('span', null, d.verdict === 'none' ? t('No signature in the request') : t('Signature wrong')));
    const first = d.firstDifference;
    replaceChildren(
      v.result,
      h(
        'div',
        { class: 'result-line' },
        outcome,
        h('span', { class: `tag certainty ${d.certainty}`, id: 'certainty' }, t(CERTAINTY_LABEL[d.certainty])),
        h('span', { class: 'fact' }, d.signMethod),
        h('span', { class: 'fact muted' }, t('Key used: {0}', d.keySource)),
        h('button', { type: 'button', class: 'link-button', id: 'open-report', on: { click: () => this.api.postMessage({ type: 'openReport' }) } }, icon('go-to-file'), h('span', null, t('Open as text'))),
      ),
      h('p', { class: 'headline', id: 'headline' }, d.headline),
      h('p', { class: 'summary' }, d.summary),
      first ? this.firstDifference(t, first) : h('p', { class: 'muted' }, t('No step differs.')),
      d.causes.length > 0
        ? [
            h('h2', null, t('Likely causes')),
            h(
              'ol',
              { class: 'causes' },
              d.causes.map((c) =>
                h(
                  'li',
                  { class: `cause ${c.confidence}`, data: { cause: c.id } },
                  h(
                    'div',
                    { class: 'cause-head' },
                    h('span', { class: `tag confidence ${c.confidence}` }, t(c.confidence)),
                    c.reproduced ? h('span', { class: 'tag reproduced' }, icon('check'), h('span', null, t('Reproduced exactly'))) : null,
                    h('strong', null, c.title),
                  ),
                  h('p', null, c.explanation),
                  h('p', { class: 'fix' }, h('strong', null, t('Fix:')), ' ', c.fix),
                ),
              ),
            ),
          ]
        : null,
      h('h2', null, t('Steps')),
      h('p', { class: 'muted hint' }, t('Invisible characters are shown: ⏎ line break, → tab, ␍ carriage return, · trailing space, ⍽ no-break space.')),
      h('ol', { class: 'steps' }, d.steps.map((s) => this.step(t, s))),
      d.warnings.length > 0 ? [h('h2', null, t('Notes on the paste')), h('ul', { class: 'warnings' }, d.warnings.map((w) => h('li', null, w)))] : null,
    );
    v.result.className = `result dbg-result ${d.verdict === 'ok' ? 'ok' : 'api-error'}`;
    v.result.hidden = false;
  }

  private firstDifference(t: DebuggerTranslate, f: NonNullable<DiagnosisView['firstDifference']>): HTMLElement {
    const rows: Child[] = [];
    if (f.actual === undefined) {
      rows.push(this.valueRow(t('Expected'), [visible(f.expected)]), this.valueRow(t('Actual'), [h('em', { class: 'muted' }, t('Not shown in the request'))]));
    } else {
      const parts = differenceParts(f.expected, f.actual);
      rows.push(
        this.valueRow(t('Expected'), [parts.expected.before, h('mark', { class: 'changed expected' }, parts.expected.changed), parts.expected.after]),
        this.valueRow(t('Actual'), [parts.actual.before, h('mark', { class: 'changed actual' }, parts.actual.changed), parts.actual.after]),
      );
    }
    return h('section', { class: 'first-difference', data: { step: f.key } }, h('h2', null, t('First difference: {0}', f.title)), h('div', { class: 'diff' }, rows));
  }

  private valueRow(label: string, content: Child[]): HTMLElement {
    return h('div', { class: 'diff-row' }, h('span', { class: 'diff-label' }, label), h('pre', { class: 'value mono' }, content));
  }

  private step(t: DebuggerTranslate, s: StepView): HTMLElement {
    const summary = h('summary', null, h('span', { class: `mark ${s.status}`, 'aria-label': t(statusLabel(s.status)) }, statusMark(s.status)), ' ', h('span', { class: 'step-title' }, s.title));
    const body: Child[] = [];
    if (s.status === 'differs' && s.actual !== undefined) {
      const parts = differenceParts(s.expected, s.actual);
      body.push(
        this.valueRow(t('Expected'), [parts.expected.before, h('mark', { class: 'changed expected' }, parts.expected.changed), parts.expected.after]),
        this.valueRow(t('Actual'), [parts.actual.before, h('mark', { class: 'changed actual' }, parts.actual.changed), parts.actual.after]),
      );
    } else if (s.status === 'differs' || (s.status === 'unknown' && s.actual === undefined)) {
      body.push(this.valueRow(t('Expected'), [visible(s.expected)]), this.valueRow(t('Actual'), [h('em', { class: 'muted' }, t('Not shown in the request'))]));
    } else {
      const value = s.actual ?? s.expected;
      if (value !== '') {
        body.push(h('pre', { class: 'value mono' }, visible(value)));
      }
    }
    if (s.note) {
      body.push(h('p', { class: 'note' }, s.note));
    }
    return h('li', { class: `step ${s.status}`, data: { step: s.key } }, h('details', { open: s.status === 'differs' }, summary, h('div', { class: 'step-body' }, body)));
  }
}
