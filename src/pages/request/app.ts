import type { FromWebview, InitData, ProfileOption, RequestOptions, ResultSummary, ToWebview } from '../../shared/requestProtocol';
import { h, icon, replaceChildren } from '../common/dom';
import { makeTranslate } from '../common/l10n';
import { formatPath, parsePath } from './fieldPath';
import { FormModel, placeIssues, unknownKeys } from './formModel';
import { applyFormOp, expandAround, withFocusKept } from './formOps';
import { FormView, ids, type FormOp } from './formView';
import { headerView } from './headerView';
import { renderIssueList } from './issueListView';
import { JsonEditor } from './jsonEditor';
import { pageParts, persistedState, refusalText, savedMarks, visibleIssues, wellFormedIssues, type Session } from './pageSession';
import { sameOptions, startingPoint, type EditorMode } from './panelState';
import { parseParams } from './paramsJson';
import { ResultView, type ResultCommand } from './resultView';
import { changesState, unsetRequired } from './sampleMarks';
import { restoreSecrets } from './secretState';
import { ToolbarView } from './toolbarView';
import type { VsCodeApi } from './vscodeApi';

/** How long typing must pause before the parameters go to the host for validation. */
const VALIDATE_DELAY_MS = 150;

/**
 * The page's controller: it owns the state, turns host messages into view updates and user
 * actions into messages, and persists the state with `setState` after every change.
 */
export class App {
  private s?: Session;
  /** Ends the document-level listeners of the previous session when `init` arrives again. */
  private sessionAbort?: AbortController;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingText: string | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: VsCodeApi,
  ) {}

  /** Starts listening to the host, then asks it for the data to render. */
  start(): void {
    window.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && this.s) {
        e.preventDefault();
        this.send();
      } else if (e.key.toLowerCase() === 's' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && this.s) {
        // The webview has the focus, so the editor's own Save never sees Ctrl+S: the form takes it.
        e.preventDefault();
        this.command('quickSave');
      }
    });
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => this.s?.form.fitDescriptions(), 100);
    });
    replaceChildren(this.root, h('p', { class: 'muted loading' }, 'Loading…'));
    this.post({ type: 'ready' });
  }

  /** Handles one message from the host; anything malformed is ignored. */
  receive(data: unknown): void {
    if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') {
      return;
    }
    const msg = data as ToWebview;
    switch (msg.type) {
      case 'init':
        if (msg.data && typeof msg.data === 'object' && msg.data.action) {
          this.initialize(msg.data);
        }
        break;
      case 'validation':
        this.onValidation(msg.paramsText, msg.issues);
        break;
      case 'sending':
        this.onSending();
        break;
      case 'result':
        this.onResult(msg.summary);
        break;
      case 'profiles':
        this.onProfiles(msg.profiles, msg.selected);
        break;
      case 'setParams':
        if (typeof msg.paramsText === 'string' && this.s) {
          // Parameters from history or a collection are a whole request: all its problems show.
          this.s.samples.clear();
          this.s.showAll = true;
          this.replaceParams(msg.paramsText);
        }
        break;
      case 'skeleton':
        if (typeof msg.paramsText === 'string' && this.s) {
          this.s.samples.reset(msg.samples);
          this.s.touched.clear();
          this.s.showAll = false;
          this.replaceParams(msg.paramsText);
        }
        break;
      case 'target':
        if (msg.target && typeof msg.target === 'object') {
          this.s?.targetLine.show(msg.target);
        }
        break;
      case 'status':
        if (typeof msg.message === 'string') {
          this.showStatus(msg.message);
        }
        break;
    }
  }

  private post(message: FromWebview): void {
    this.api.postMessage(message);
  }

  private initialize(init: InitData): void {
    this.sessionAbort?.abort();
    this.sessionAbort = new AbortController();
    const t = makeTranslate(init.strings ?? {});
    const saved = this.api.getState();
    const marks = savedMarks(saved, init.action.name);
    const start = startingPoint(init, saved);
    // The saved state never holds secrets; the host's copy of the same parameters has them.
    start.paramsText = restoreSecrets(init.action, start.paramsText, init.paramsText);
    const model = new FormModel(init.action);
    const parsed = parseParams(start.paramsText);
    if (parsed.ok) {
      model.root = parsed.value;
    }
    const collapsed = new Set<string>();
    const form = new FormView(t, {
      onValue: (segs, control, text) => {
        const s = this.s;
        if (!s) {
          return;
        }
        const before = s.model.get(segs) !== undefined;
        s.kept.add(formatPath(segs));
        s.touched.add(formatPath(segs));
        s.model.setText(segs, control, text);
        const after = s.model.get(segs) !== undefined;
        this.formChanged(before !== after);
      },
      onOp: (op) => this.applyOp(op),
      onToggle: (path, isCollapsed) => {
        if (isCollapsed) {
          collapsed.add(path);
        } else {
          collapsed.delete(path);
        }
      },
    });
    const json = new JsonEditor(t, (text) => this.jsonChanged(text));
    const toolbar = new ToolbarView(
      t,
      {
        onOptions: (options) => this.optionsChanged(options),
        onSend: () => this.send(),
        onCancel: () => this.post({ type: 'cancel' }),
        onSkeleton: (all) => this.post({ type: 'skeleton', all }),
        onMode: (mode) => this.setMode(mode),
        onRequiredOnly: (on) => this.setRequiredOnly(on),
        onMenu: (command) => this.command(command),
        onAddProfile: () => this.command('addProfile'),
        onShowIssues: () => this.showFirstIssue(),
        onSave: () => this.command('quickSave'),
      },
      start.options,
      init.regions ?? [],
      this.sessionAbort.signal,
    );
    const resultView = new ResultView(t, init.locale, (command) => this.resultCommand(command));
    const { targetLine, status, samples, touched, issueList, formBanner, formPane, jsonPane } = pageParts(init, t, model, marks, form, json);
    const tree = model.buildTree({ requiredOnly: start.requiredOnly });
    this.s = {
      init,
      t,
      model,
      options: start.options,
      profiles: init.profiles ?? [],
      mode: parsed.ok ? start.mode : 'json',
      requiredOnly: start.requiredOnly,
      paramsText: start.paramsText,
      jsonError: parsed.ok ? undefined : parsed.error,
      issues: [],
      tree,
      placed: placeIssues(tree, []),
      formStale: false,
      collapsed,
      kept: new Set(),
      sending: false,
      samples,
      touched,
      showAll: false,
      targetLine,
      status,
      form,
      json,
      toolbar,
      resultView,
      issueList,
      formBanner,
      formPane,
      jsonPane,
    };
    const s = this.s;
    replaceChildren(
      this.root,
      headerView(init.action, t, (command) => this.command(command)),
      targetLine.element,
      h('div', { class: 'toolbar' }, toolbar.options),
      toolbar.actions,
      status,
      resultView.element,
      h('main', { class: 'editor' }, issueList, formPane, jsonPane),
    );
    toolbar.setProfiles(s.profiles, s.options.profile);
    toolbar.setOptions(s.options);
    toolbar.setRequiredOnly(s.requiredOnly);
    toolbar.setIssueCount(0);
    json.setText(s.paramsText);
    json.showError(s.jsonError);
    json.showUnknownKeys(unknownKeys(tree));
    this.renderForm();
    this.applyMode();
    this.persist();
    // The host validates the text it sent with `init` by itself; only restored text is news to it.
    if (s.paramsText !== init.paramsText) {
      this.post({ type: 'paramsChanged', paramsText: s.paramsText });
    }
    if (!sameOptions(s.options, init.options)) {
      this.post({ type: 'optionsChanged', options: s.options });
    }
  }

  private renderForm(): void {
    const s = this.s;
    if (!s) {
      return;
    }
    withFocusKept(s.form.element, () => {
      s.tree = s.model.buildTree({ requiredOnly: s.requiredOnly, keep: s.kept });
      s.form.setSamples(new Set(s.samples.paths()));
      s.form.render(s.tree, s.collapsed);
      s.formStale = false;
      this.placeAndShowIssues();
    });
    this.updateBanner();
    s.form.fitDescriptions();
  }

  private placeAndShowIssues(): void {
    const s = this.s;
    if (!s) {
      return;
    }
    const shown = visibleIssues(s);
    s.placed = placeIssues(s.tree, shown);
    if (!s.formStale) {
      s.form.applyIssues(s.placed);
    }
    this.renderIssueList();
    s.toolbar.setIssueCount(shown.length, changesState(s.init.action));
  }

  /** Issues without an input (or, in JSON mode, all issues) are listed above the editor. */
  private renderIssueList(): void {
    const s = this.s;
    if (s) {
      renderIssueList(s.issueList, s.mode === 'json' ? visibleIssues(s) : s.placed.unplaced, s, (segs, name) => this.applyOp({ op: 'rename', segs, name }));
    }
  }

  private updateBanner(): void {
    const s = this.s;
    if (!s) {
      return;
    }
    if (s.jsonError) {
      replaceChildren(s.formBanner, icon('warning'), h('span', null, s.t('The JSON has an error at line {0}; the form shows the last valid parameters, and editing the form replaces the JSON.', s.jsonError.line)));
      s.formBanner.hidden = false;
    } else {
      s.formBanner.hidden = true;
    }
  }

  /** After an edit in the form: new JSON text, state saved, validation scheduled. */
  private formChanged(rerender: boolean): void {
    const s = this.s;
    if (!s) {
      return;
    }
    s.paramsText = s.model.text();
    s.jsonError = undefined;
    s.json.setText(s.paramsText);
    s.json.showError(undefined);
    this.pruneSamples();
    if (rerender) {
      this.renderForm();
    } else {
      s.tree = s.model.buildTree({ requiredOnly: s.requiredOnly, keep: s.kept });
      this.updateBanner();
    }
    s.json.showUnknownKeys(unknownKeys(s.tree));
    this.persist();
    this.schedule();
  }

  private applyOp(op: FormOp): void {
    const s = this.s;
    if (!s) {
      return;
    }
    const { focusPath, focusAction } = applyFormOp(s.model, s.collapsed, op);
    // Issues name positions in the old parameters; after a structural edit they are dropped
    // until the host validates the new ones, rather than shown at the wrong item.
    s.issues = [];
    this.formChanged(true);
    if (!s.form.focus(focusPath, focusAction)) {
      s.form.focus(focusPath);
    }
  }

  private jsonChanged(text: string): void {
    const s = this.s;
    if (!s) {
      return;
    }
    if (this.adoptText(s, text)) {
      s.tree = s.model.buildTree({ requiredOnly: s.requiredOnly, keep: s.kept });
      s.formStale = true;
      s.json.showUnknownKeys(unknownKeys(s.tree));
      this.pruneSamples();
    }
    s.json.showError(s.jsonError);
    this.persist();
    this.schedule();
  }

  /** Takes new parameter text: a valid object becomes the model, invalid text the JSON error. True when valid. */
  private adoptText(s: Session, text: string): boolean {
    s.paramsText = text;
    const parsed = parseParams(text);
    if (parsed.ok) {
      s.model.root = parsed.value;
      s.jsonError = undefined;
    } else {
      s.jsonError = parsed.error;
    }
    return parsed.ok;
  }

  private replaceParams(text: string): void {
    const s = this.s;
    if (!s) {
      return;
    }
    this.adoptText(s, text);
    s.issues = [];
    s.json.setText(text);
    s.json.showError(s.jsonError);
    this.renderForm();
    s.json.showUnknownKeys(unknownKeys(s.tree));
    this.persist();
    this.flush(text);
  }

  private setMode(mode: EditorMode): void {
    const s = this.s;
    if (!s || s.mode === mode) {
      return;
    }
    s.mode = mode;
    if (mode === 'form' && s.formStale) {
      this.renderForm();
    }
    this.updateBanner();
    if (mode === 'json') {
      s.json.setText(s.paramsText);
    }
    this.applyMode();
    this.renderIssueList();
    s.form.fitDescriptions();
    this.persist();
    if (mode === 'json') {
      s.json.focus();
    }
  }

  private applyMode(): void {
    const s = this.s;
    if (!s) {
      return;
    }
    s.formPane.hidden = s.mode !== 'form';
    s.jsonPane.hidden = s.mode !== 'json';
    s.toolbar.setMode(s.mode);
    this.renderIssueList();
  }

  private setRequiredOnly(on: boolean): void {
    const s = this.s;
    if (!s) {
      return;
    }
    s.requiredOnly = on;
    s.kept.clear();
    this.renderForm();
    this.persist();
  }

  private optionsChanged(options: RequestOptions): void {
    const s = this.s;
    if (!s) {
      return;
    }
    s.options = options;
    this.persist();
    this.post({ type: 'optionsChanged', options });
  }

  private send(): void {
    const s = this.s;
    if (!s) {
      return;
    }
    if (s.sending) {
      this.post({ type: 'cancel' });
      return;
    }
    if (this.pendingText !== undefined) {
      this.flush();
    }
    s.showAll = true;
    this.placeAndShowIssues();
    if (changesState(s.init.action) && !s.jsonError) {
      // No silent values: refused here already (the host checks again with its own record).
      const missing = unsetRequired(s.model.buildTree({}));
      const samples = s.samples.paths();
      if (missing.length > 0 || samples.length > 0) {
        s.result = { outcome: 'cancelled', sandbox: false, message: refusalText(s.t, missing, samples), refused: { missing, samples } };
        s.resultView.showResult(s.result);
        this.showFirstIssue();
        return;
      }
    }
    this.post({ type: 'send', paramsText: s.paramsText, options: { ...s.options } });
  }

  /** Drops samples that were edited and untags their rows. */
  private pruneSamples(): void {
    const s = this.s;
    if (s && s.samples.size > 0) {
      s.samples.prune(s.model);
      s.form.refreshSampleTags(new Set(s.samples.paths()));
    }
  }

  private resultCommand(command: ResultCommand): void {
    const s = this.s;
    if (!s) {
      return;
    }
    if (command === 'keepSamples') {
      // An explicit click: the samples count as typed from now on, here and in the host.
      s.samples.clear();
      this.post({ type: 'keepSamples' });
      this.renderForm();
      this.persist();
      s.resultView.element.hidden = true;
      this.showStatus(s.t('The sample values are kept as typed values; press Send again.'));
      return;
    }
    this.command(command);
  }

  private showStatus(message: string): void {
    const s = this.s;
    if (s) {
      s.status.textContent = message;
      s.status.hidden = false;
    }
  }

  private command(command: Extract<FromWebview, { type: 'command' }>['command']): void {
    const s = this.s;
    if (!s) {
      return;
    }
    this.post({ type: 'command', command, paramsText: s.paramsText, options: { ...s.options } });
  }

  private onValidation(paramsText: unknown, issues: unknown): void {
    const s = this.s;
    // Only issues about the text the page holds now are shown; older answers are dropped.
    if (s && paramsText === s.paramsText && Array.isArray(issues)) {
      s.issues = wellFormedIssues(issues);
      this.placeAndShowIssues();
    }
  }

  private onSending(): void {
    const s = this.s;
    if (!s) {
      return;
    }
    s.sending = true;
    s.toolbar.setSending(true);
    s.resultView.showSending();
  }

  private onResult(summary: ResultSummary): void {
    const s = this.s;
    if (!s || typeof summary !== 'object' || summary === null) {
      return;
    }
    s.sending = false;
    s.result = summary;
    s.toolbar.setSending(false);
    s.toolbar.setHasRequestId(Boolean(summary.requestId));
    s.resultView.showResult(summary);
  }

  private onProfiles(profiles: ProfileOption[], selected: string): void {
    const s = this.s;
    if (!s || !Array.isArray(profiles)) {
      return;
    }
    s.profiles = profiles;
    s.options = { ...s.options, profile: typeof selected === 'string' ? selected : s.options.profile };
    s.toolbar.setProfiles(profiles, s.options.profile);
    this.persist();
  }

  private showFirstIssue(): void {
    const s = this.s;
    if (!s) {
      return;
    }
    if (s.mode === 'form') {
      for (const path of s.placed.byPath.keys()) {
        this.revealRow(path);
        if (s.form.focus(path)) {
          return;
        }
      }
    }
    if (!s.issueList.hidden) {
      s.issueList.focus();
    }
  }

  /** Expands the collapsed groups around a row so it can take focus. */
  private revealRow(path: string): void {
    const s = this.s;
    const segs = parsePath(path);
    if (!s || !segs) {
      return;
    }
    if (expandAround(s.collapsed, segs)) {
      this.renderForm();
    }
    document.getElementById(ids.row(path))?.scrollIntoView({ block: 'center' });
  }

  private persist(): void {
    const s = this.s;
    if (!s) {
      return;
    }
    // Secrets never go into the saved state (it is written to disk); the host keeps them in memory.
    this.api.setState(persistedState(s));
  }

  /** Sends the parameters for validation once typing pauses. */
  private schedule(): void {
    const s = this.s;
    if (!s) {
      return;
    }
    this.pendingText = s.paramsText;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), VALIDATE_DELAY_MS);
  }

  /** Posts the pending parameters now (or `text`, replacing anything pending). */
  private flush(text?: string): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const out = text ?? this.pendingText;
    this.pendingText = undefined;
    if (out !== undefined) {
      this.post({ type: 'paramsChanged', paramsText: out });
    }
  }
}
