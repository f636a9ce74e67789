import * as vscode from 'vscode';
import { findAction } from '../../core/catalog/catalog';
import { listCategories } from '../../core/catalog/catalogIndex';
import { sampleParams } from '../../core/catalog/sampleParams';
import { validateParams } from '../../core/catalog/validate';
import { sampleLeaves, silentValueProblems, untouchedSamples, withoutUntouchedSamples } from '../../core/requests/silentValues';
import { REGIONS } from '../../core/http/endpoints';
import { isJsonObject, parseJson, stringifyJson, type JsonObject } from '../../core/json';
import type { CallResult, CallSpec } from '../../core/requests/types';
import { effectiveLanguage, isChineseUi, readConfig } from '../common/config';
import type { EndpointTrust } from '../common/endpointTrust';
import { REQUEST_PANEL_TYPE, SANDBOX_PROFILE } from '../common/ids';
import type { Log } from '../common/log';
import { PanelHost } from '../common/panelHost';
import { webviewOptions } from '../common/webviewHtml';
import type { CredentialStore } from '../credentials/credentialStore';
import type { ExplorerSession } from '../credentials/session';
import {
  fromWebviewSchema,
  panelStateSchema,
  type FromWebview,
  type IssueView,
  type PanelState,
  type ProfileOption,
  type RequestOptions,
  type ToWebview,
} from '../../shared/requestProtocol';
import { buildActionView } from './actionView';
import type { ParamMemory } from './paramMemory';
import { pageStrings } from './pageStrings';
import type { RequestController } from './requestController';
import { describeTarget } from './targetLine';

/** The last call made from a panel, for the buttons that act on it. */
export interface PanelCall {
  spec: CallSpec;
  result?: CallResult;
  profile?: string;
}

/**
 * What the form's buttons do besides sending, implemented by other features and passed in by the
 * composition root, so a panel calls services instead of naming their commands.
 */
export interface PanelActions {
  openDocs(action: string): Promise<unknown>;
  openAction(action: string): Promise<unknown>;
  addProfile(): Promise<unknown>;
  showSignatureSteps(call: PanelCall): Promise<unknown>;
  debugSignature(call: PanelCall): Promise<unknown>;
  exportCode(call: PanelCall): Promise<unknown>;
  saveToCollection(call: PanelCall): Promise<unknown>;
  /** Save (Ctrl+S): into the collection used last; a sentence saying where, or undefined when stopped. */
  quickSave(call: PanelCall): Promise<string | undefined>;
  /** Shows the form's answer document as a table or a chart. */
  showAnswerAs(action: string, mode: 'table' | 'chart'): Promise<unknown>;
}

/** What panels need from the rest of the extension. */
export interface PanelServices {
  extensionUri: vscode.Uri;
  log: Log;
  credentials: CredentialStore;
  session: ExplorerSession;
  controller: RequestController;
  memory: ParamMemory;
  actions: PanelActions;
  /** Which endpoints are trusted, for the target line's badge. */
  trust: Pick<EndpointTrust, 'policy' | 'onDidChange'>;
}

/** What a form starts from besides its action. */
export interface PanelStart {
  paramsText?: string;
  options?: Partial<RequestOptions>;
}

/**
 * The request forms, one per action: opening an action whose form is open reveals it. Also brings
 * forms back after a window reload from the state their page saved.
 */
export class RequestPanels implements vscode.Disposable {
  private readonly open = new Map<string, RequestPanel>();

  constructor(private readonly services: PanelServices) {}

  /** Opens (or reveals) the form of an action, optionally with parameters to start from. */
  show(action: string, initial?: PanelStart): RequestPanel {
    const existing = this.open.get(action);
    if (existing) {
      existing.panel.reveal();
      if (initial?.paramsText) {
        existing.setParams(initial.paramsText);
      }
      return existing;
    }
    // Forms open where the other forms are, so answers beside them never land on top of a form.
    const column = this.all().find((p) => p.panel.viewColumn !== undefined)?.panel.viewColumn ?? vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(REQUEST_PANEL_TYPE, action, { viewColumn: column, preserveFocus: false }, webviewOptions(this.services.extensionUri));
    return this.adopt(new RequestPanel(this.services, panel, { action, ...(initial?.paramsText ? { paramsText: initial.paramsText } : {}), ...(initial?.options ? { options: initial.options } : {}) }));
  }

  /** Restores a panel after a window reload from the state the page saved. */
  revive(panel: vscode.WebviewPanel, rawState: unknown): RequestPanel | undefined {
    const state = panelStateSchema.safeParse(rawState);
    if (!state.success || !findAction(state.data.action)) {
      this.services.log.warn('panel', 'could not restore a request form: its saved state is not usable');
      panel.dispose();
      return undefined;
    }
    panel.webview.options = webviewOptions(this.services.extensionUri);
    return this.adopt(new RequestPanel(this.services, panel, state.data));
  }

  /** The panel of an action, when open. */
  get(action: string): RequestPanel | undefined {
    return this.open.get(action);
  }

  /** Every open panel. */
  all(): RequestPanel[] {
    return [...this.open.values()];
  }

  private adopt(panel: RequestPanel): RequestPanel {
    this.open.set(panel.action, panel);
    panel.panel.onDidDispose(() => {
      if (this.open.get(panel.action) === panel) {
        this.open.delete(panel.action);
      }
    });
    return panel;
  }

  dispose(): void {
    for (const panel of this.open.values()) {
      panel.dispose();
    }
    this.open.clear();
  }
}

/**
 * The host side of one request form. Every message from the page is validated with the protocol's
 * zod schema before it is handled; keys never leave the host.
 */
export class RequestPanel extends PanelHost<FromWebview, ToWebview> {
  private options: RequestOptions | undefined;
  private inFlight: AbortController | undefined;
  private lastCall: PanelCall | undefined;
  private rememberTimer: NodeJS.Timeout | undefined;
  /** The parameters the page last reported, secrets included; kept in memory only, to restore a reloaded page. */
  private currentText: string | undefined;
  /**
   * The sample values this host filled in and nobody edited: path → compact JSON. The host's own
   * record, so a state-changing Send with an unedited sample is refused whatever the page says.
   */
  private samples = new Map<string, string>();
  /** The active profile when this form last looked, to follow a switch of the active profile. */
  private lastActive: string | undefined;
  /** The last message of each type sent to the page, for integration tests that check what the page was told. */
  readonly lastPosted = new Map<ToWebview['type'], ToWebview>();

  constructor(
    private readonly services: PanelServices,
    panel: vscode.WebviewPanel,
    private readonly initial: PanelState,
  ) {
    super(panel, services.extensionUri, { script: 'webview.js', stylesheets: ['media/request.css'], title: initial.action, schema: fromWebviewSchema, component: 'panel' }, services.log);
    panel.title = initial.action;
    for (const [path, json] of Object.entries(initial.samples ?? {})) {
      this.samples.set(path, json);
    }
    this.disposables.push(
      services.credentials.onDidChange(() => void this.pushProfiles()),
      services.session.onDidChange(() => void this.pushProfiles()),
      services.trust.onDidChange(() => this.pushTarget()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('trtcExplorer.endpoint') || e.affectsConfiguration('trtcExplorer.endpointKind')) {
          this.pushTarget();
        }
      }),
    );
  }

  get action(): string {
    return this.initial.action;
  }

  /** The last call made from this panel. */
  get last(): PanelCall | undefined {
    return this.lastCall;
  }

  protected failed(e: unknown): void {
    void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
  }

  protected async handle(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        await this.sendInit();
        return;
      case 'paramsChanged':
        this.validate(m.paramsText);
        return;
      case 'optionsChanged':
        this.options = m.options;
        this.pushTarget();
        this.validate(this.currentText ?? '{}');
        return;
      case 'skeleton': {
        const params = sampleParams(this.action, { all: m.all, now: Date.now() });
        this.samples = sampleLeaves(params);
        this.post({ type: 'skeleton', paramsText: stringifyJson(params, 2), samples: Object.fromEntries(this.samples) });
        return;
      }
      case 'keepSamples':
        this.samples.clear();
        return;
      case 'cancel':
        this.inFlight?.abort();
        return;
      case 'send':
        this.options = m.options;
        await this.send(m.paramsText, m.options);
        return;
      case 'command':
        if (m.options) {
          this.options = m.options;
        }
        await this.command(m.command, m.paramsText);
        return;
    }
  }

  private async sendInit(): Promise<void> {
    const action = findAction(this.action)!;
    const zh = isChineseUi();
    const category = listCategories().find((c) => c.key === action.category);
    const config = readConfig();
    const profiles = await this.profileOptions();
    const active = await this.services.credentials.active();
    const saved = this.initial.options ?? {};
    const sandbox = this.services.session.sandboxActive;
    const profile = saved.profile && profiles.some((p) => p.name === saved.profile) ? saved.profile : sandbox ? SANDBOX_PROFILE : active?.name ?? SANDBOX_PROFILE;
    this.lastActive = this.services.credentials.activeName();
    this.options = {
      profile,
      region: saved.region ?? this.services.session.activeRegion(active?.region),
      signMethod: saved.signMethod ?? config.signMethod,
      httpMethod: saved.httpMethod ?? config.httpMethod,
      language: saved.language ?? effectiveLanguage(config),
    };
    // A new form starts empty: every field shows a typed placeholder and holds no value. The host's
    // own copy (secrets included) wins over the page's saved state, which never holds secrets.
    const paramsText = this.currentText ?? this.initial.paramsText ?? this.services.memory.get(this.action) ?? '{}';
    const regions = action.regions ? REGIONS.filter((r) => action.regions!.includes(r.id)) : REGIONS;
    this.post({
      type: 'init',
      data: {
        action: buildActionView(action, category ? (zh ? category.zh : category.en) : action.category, zh),
        paramsText,
        options: this.options,
        profiles,
        regions: regions.map((r) => ({ id: r.id, label: `${zh ? r.zh : r.en} (${r.id})` })),
        strings: pageStrings(),
        locale: vscode.env.language,
        target: describeTarget(this.options, this.services.trust),
        ...(this.samples.size > 0 ? { samples: Object.fromEntries(this.samples) } : {}),
      },
    });
    this.validate(paramsText);
  }

  private async profileOptions(): Promise<ProfileOption[]> {
    const list = await this.services.credentials.list();
    return [
      ...list.map((p) => ({ name: p.name, production: p.production, temporary: p.temporary, maskedSecretId: p.maskedSecretId })),
      { name: SANDBOX_PROFILE, production: false, temporary: false, maskedSecretId: '' },
    ];
  }

  /**
   * Tells the page about the profiles after any change. When the active profile was switched, the
   * form follows it (it is the profile the user just chose); a removed profile falls back to the
   * active one.
   */
  private async pushProfiles(): Promise<void> {
    const profiles = await this.profileOptions();
    const activeName = this.services.credentials.activeName();
    const switched = activeName !== this.lastActive;
    this.lastActive = activeName;
    if (this.options && ((switched && activeName && profiles.some((p) => p.name === activeName)) || !profiles.some((p) => p.name === this.options!.profile))) {
      const active = this.services.session.sandboxActive ? SANDBOX_PROFILE : (await this.services.credentials.active())?.name ?? SANDBOX_PROFILE;
      this.options = { ...this.options, profile: active };
    }
    this.post({ type: 'profiles', profiles, selected: this.options?.profile ?? SANDBOX_PROFILE });
    this.pushTarget();
  }

  /**
   * A saved request is sent later by a collection run, so a state-changing one holding samples
   * nobody edited is not saved either (a required field may still be missing: a saved request can
   * be a draft). Refused on the form's result line, with the same "Keep samples" way out.
   */
  private refuseSavingSamples(call: PanelCall): boolean {
    const problems = silentValueProblems(this.action, call.spec.params, this.samples);
    if (problems.samples.length === 0) {
      return false;
    }
    const text = vscode.l10n.t('Not saved: {0} still hold sample values nobody edited. Edit them, or choose "Keep samples" to use them as typed.', problems.samples.join(', '));
    this.post({ type: 'result', summary: { outcome: 'cancelled', sandbox: false, message: text, refused: { missing: [], samples: problems.samples } } });
    return true;
  }

  /** Sends the target line again (profile, region, method or endpoint changed). */
  private pushTarget(): void {
    if (this.options) {
      this.post({ type: 'target', target: describeTarget(this.options, this.services.trust) });
    }
  }

  /** The current options (after the page's last change), for tests and the commands. */
  get currentOptions(): RequestOptions | undefined {
    return this.options;
  }

  /** Parses the page's JSON text; a syntax error becomes one issue at the top. */
  private parse(paramsText: string): { params?: JsonObject; issues: IssueView[] } {
    try {
      const value = parseJson(paramsText);
      if (!isJsonObject(value)) {
        return { issues: [{ path: '', code: 'type', message: vscode.l10n.t('The parameters must be a JSON object') }] };
      }
      return { params: value, issues: [] };
    } catch (e) {
      return { issues: [{ path: '', code: 'format', message: vscode.l10n.t('Invalid JSON: {0}', (e as Error).message) }] };
    }
  }

  /**
   * Validates the page's parameters with the toolbar's region and the current time (so region and
   * time-window rules run in the form too) and answers in the editor's language.
   */
  private validate(paramsText: string): void {
    this.currentText = paramsText;
    const { params, issues } = this.parse(paramsText);
    const zh = isChineseUi();
    const all: IssueView[] = params
      ? validateParams(this.action, params, { ...(this.options?.region ? { region: this.options.region } : {}), now: Date.now() }).map((i) => ({
          path: i.path,
          code: i.code,
          message: zh ? i.messageZh : i.message,
          ...(i.suggestion ? { suggestion: i.suggestion } : {}),
          ...(i.fix ? { fix: zh ? i.fix.zh : i.fix.en } : {}),
        }))
      : issues;
    this.post({ type: 'validation', paramsText, issues: all });
    if (params) {
      // A sample that was edited is the user's value from then on, even if it is typed back.
      const untouched = new Set(untouchedSamples(params, this.samples));
      for (const path of [...this.samples.keys()]) {
        if (!untouched.has(path)) {
          this.samples.delete(path);
        }
      }
      // Remembered a moment after typing stops, not on every keystroke; unedited samples are not
      // remembered, so they never come back as if the user had typed them.
      clearTimeout(this.rememberTimer);
      const remembered = withoutUntouchedSamples(params, this.samples);
      this.rememberTimer = setTimeout(() => void this.services.memory.set(this.action, remembered), 500);
    }
  }

  /** The call the form describes: the toolbar's choices; the controller completes the rest from the settings. */
  private specFrom(params: JsonObject, options: RequestOptions): CallSpec {
    return { action: this.action, params, region: options.region, language: options.language, signMethod: options.signMethod, httpMethod: options.httpMethod };
  }

  /** Sends the form's request: the same path as the Send button. */
  async send(paramsText: string, options: RequestOptions): Promise<PanelCall | undefined> {
    const { params, issues } = this.parse(paramsText);
    if (!params) {
      this.post({ type: 'result', summary: { outcome: 'failed', message: issues[0]?.message ?? '', sandbox: false } });
      return undefined;
    }
    this.inFlight?.abort();
    const abort = new AbortController();
    this.inFlight = abort;
    this.post({ type: 'sending' });
    try {
      const outcome = await this.services.controller.send(this.specFrom(params, options), options.profile, 'form', abort.signal, {
        visible: () => this.panel.visible,
        column: this.panel.viewColumn,
        samples: this.samples,
      });
      this.lastCall = { spec: outcome.spec, ...(outcome.result ? { result: outcome.result } : {}), profile: options.profile };
      this.post({ type: 'result', summary: outcome.summary });
      return this.lastCall;
    } finally {
      if (this.inFlight === abort) {
        this.inFlight = undefined;
      }
    }
  }

  private async command(command: Extract<FromWebview, { type: 'command' }>['command'], paramsText: string | undefined): Promise<void> {
    const action = findAction(this.action)!;
    const actions = this.services.actions;
    const current = (): PanelCall => {
      const { params, issues } = this.parse(paramsText ?? '{}');
      if (!params) {
        throw new Error(issues[0]?.message ?? vscode.l10n.t('The parameters are not valid JSON'));
      }
      return { spec: this.specFrom(params, this.options!), profile: this.options!.profile };
    };
    switch (command) {
      case 'openDocs':
        await actions.openDocs(action.name);
        return;
      case 'openTwin':
        if (action.twin) {
          await actions.openAction(action.twin);
        }
        return;
      case 'addProfile':
        await actions.addProfile();
        return;
      case 'copyRequestId':
        if (this.lastCall?.result?.requestId) {
          await vscode.env.clipboard.writeText(this.lastCall.result.requestId);
          void vscode.window.setStatusBarMessage(vscode.l10n.t('RequestId copied'), 2000);
        }
        return;
      case 'showResult':
        if (this.lastCall?.result) {
          await this.services.controller.showAnswer({ ...this.lastCall, result: this.lastCall.result }, { visible: () => this.panel.visible, column: this.panel.viewColumn });
        }
        return;
      case 'showSignature':
        await actions.showSignatureSteps(this.lastCall?.result ? this.lastCall : current());
        return;
      case 'debugSignature':
        await actions.debugSignature(this.lastCall ?? current());
        return;
      case 'exportCode':
        await actions.exportCode(current());
        return;
      case 'saveToCollection':
        if (!this.refuseSavingSamples(current())) {
          await actions.saveToCollection(current());
        }
        return;
      case 'quickSave': {
        const call = current();
        if (this.refuseSavingSamples(call)) {
          return;
        }
        const where = await actions.quickSave(call);
        if (where) {
          this.post({ type: 'status', message: where });
        }
        return;
      }
      case 'showTable':
      case 'showChart':
        if (this.lastCall?.result) {
          await this.services.controller.showAnswer({ ...this.lastCall, result: this.lastCall.result }, { visible: () => this.panel.visible, column: this.panel.viewColumn });
          await actions.showAnswerAs(this.action, command === 'showTable' ? 'table' : 'chart');
        }
        return;
    }
  }

  override post(message: ToWebview): void {
    this.lastPosted.set(message.type, message);
    super.post(message);
  }

  /** Replaces the form's parameters (history → form). */
  setParams(paramsText: string): void {
    this.samples.clear();
    this.post({ type: 'setParams', paramsText });
  }

  override dispose(): void {
    clearTimeout(this.rememberTimer);
    this.inFlight?.abort();
    super.dispose();
  }
}
