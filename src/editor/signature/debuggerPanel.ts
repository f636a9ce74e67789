import * as vscode from 'vscode';
import { diagnoseFromTrace, diagnoseSignature, formatDiagnosis, parsePastedRequest, requestFromSigned, type DiagnoseInput, type Diagnosis, type LocalizedText, type ServerAnswer } from '../../core/debugger';
import type { SignedRequest } from '../../core/signing/types';
import { isChineseUi } from '../common/config';
import type { Log } from '../common/log';
import { DEBUGGER_PANEL_TYPE } from '../common/ids';
import type { CredentialStore } from '../credentials/credentialStore';
import type { ResultDocuments } from '../common/resultDocuments';
import { debuggerStateSchema, fromDebuggerSchema, type DebuggerInit, type DiagnosisView, type FromDebugger, type PrefillView, type ToDebugger } from '../../shared/debuggerProtocol';
import { unmask } from '../../core/requests/requestText';
import { DEBUGGER_STRINGS } from '../../shared/debuggerStrings';
import { PanelHost } from '../common/panelHost';
import { webviewOptions } from '../common/webviewHtml';

/** What the debugger panel needs from the rest of the extension. */
export interface DebuggerServices {
  extensionUri: vscode.Uri;
  log: Log;
  credentials: CredentialStore;
  results: ResultDocuments;
}

/**
 * A request the debugger starts from (a failing call, or one signed just now), held by the host
 * only: the page gets its raw text with the session token masked, never the keys.
 */
export interface DebuggerSource {
  action: string;
  signed: SignedRequest;
  /** The server's refusal and clock, for a call that failed with an API error. */
  server?: ServerAnswer;
  /** The profile whose key the host may diagnose with. */
  profileName?: string;
  /** The raw HTTP text given to the page. */
  text: string;
  /** [masked, original] pairs to put the token back into a pasted text. */
  masks: Array<[string, string]>;
  /** Where the text comes from, in words, for the page. */
  note: string;
}

/** The key material of one diagnosis, host side only. */
type KeyInput = Pick<DiagnoseInput, 'secretKey' | 'secretId' | 'token' | 'temporary'>;

/**
 * The host side of the signature debugger: one panel per window. The user pastes what their code
 * sent and gives the SecretKey; the host recomputes every step with the debugger core and sends
 * back a localized diagnosis that holds no secret. Every page message is validated with zod.
 */
export class DebuggerPanel extends PanelHost<FromDebugger, ToDebugger> {
  private static current: DebuggerPanel | undefined;
  private readonly posted = new vscode.EventEmitter<ToDebugger>();
  /** Every message sent to the page, for tests that check nothing secret crosses over. */
  readonly onDidPost = this.posted.event;
  private source: DebuggerSource | undefined;
  private prefillId: string | undefined;
  private last: { diagnosis: Diagnosis; view: DiagnosisView } | undefined;

  /** Opens (or reveals) the debugger, optionally starting from a request. */
  static show(services: DebuggerServices, source?: DebuggerSource): DebuggerPanel {
    const existing = DebuggerPanel.current;
    if (existing) {
      existing.panel.reveal();
      if (source) {
        existing.setSource(source);
      }
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(DEBUGGER_PANEL_TYPE, vscode.l10n.t('Signature Debugger'), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, webviewOptions(services.extensionUri));
    const created = new DebuggerPanel(services, panel);
    if (source) {
      created.setSource(source);
    }
    return created;
  }

  /** Brings the debugger back after a window reload; the page restores its own paste (never a key). */
  static revive(services: DebuggerServices, panel: vscode.WebviewPanel, rawState: unknown): DebuggerPanel {
    if (rawState !== undefined && rawState !== null && !debuggerStateSchema.safeParse(rawState).success) {
      services.log.warn('debugger', 'the saved state of the signature debugger is not usable; starting empty');
    }
    panel.webview.options = webviewOptions(services.extensionUri);
    DebuggerPanel.current?.dispose();
    return new DebuggerPanel(services, panel);
  }

  /** The open debugger, if any (commands and tests use it). */
  static get(): DebuggerPanel | undefined {
    return DebuggerPanel.current;
  }

  private constructor(
    private readonly services: DebuggerServices,
    panel: vscode.WebviewPanel,
  ) {
    super(panel, services.extensionUri, { script: 'debugger.js', stylesheets: ['media/debugger.css'], title: vscode.l10n.t('Signature Debugger'), schema: fromDebuggerSchema, component: 'debugger' }, services.log);
    DebuggerPanel.current = this;
    panel.title = vscode.l10n.t('Signature Debugger');
    this.disposables.push(this.posted);
  }

  /** The last diagnosis made in this panel. */
  get lastDiagnosis(): Diagnosis | undefined {
    return this.last?.diagnosis;
  }

  /** The raw text the panel was prefilled with, if any. */
  get prefillText(): string | undefined {
    return this.source?.text;
  }

  /** The profile the panel offers to diagnose with, if any. */
  get profileName(): string | undefined {
    return this.source?.profileName;
  }

  private setSource(source: DebuggerSource): void {
    this.source = source;
    this.prefillId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.last = undefined;
    this.post({ type: 'prefill', prefill: this.prefillView()! });
  }

  private prefillView(): PrefillView | undefined {
    const s = this.source;
    if (!s || !this.prefillId) {
      return undefined;
    }
    return { id: this.prefillId, text: s.text, note: s.note, ...(s.profileName ? { profile: s.profileName } : {}) };
  }

  protected failed(e: unknown): void {
    this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }

  protected async handle(m: FromDebugger): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post({ type: 'init', data: this.initData() });
        return;
      case 'diagnose':
        this.services.log.registerSecrets([m.secretKey]);
        this.diagnose(m.text, { secretKey: m.secretKey, ...(m.secretId ? { secretId: m.secretId } : {}), ...(m.temporary ? { temporary: true } : {}) }, vscode.l10n.t('the SecretKey you entered'));
        return;
      case 'diagnoseWithProfile': {
        const name = this.source?.profileName;
        const profile = name ? await this.services.credentials.get(name) : undefined;
        if (!name || !profile) {
          this.post({ type: 'error', message: vscode.l10n.t('No profile key is available for this request any more. Enter the SecretKey instead.') });
          return;
        }
        this.diagnose(
          m.text,
          { secretKey: profile.secretKey, secretId: profile.secretId, ...(profile.token ? { token: profile.token, temporary: true } : {}) },
          vscode.l10n.t('the key of profile "{0}"', name),
        );
        return;
      }
      case 'openReport':
        if (this.last) {
          const text = formatDiagnosis(this.last.diagnosis, { language: isChineseUi() ? 'zh' : 'en' });
          await this.services.results.open(vscode.l10n.t('Signature diagnosis'), text, 'plaintext');
        }
        return;
    }
  }

  private initData(): DebuggerInit {
    const strings: Record<string, string> = {};
    for (const english of DEBUGGER_STRINGS) {
      strings[english] = vscode.l10n.t(english);
    }
    const prefill = this.prefillView();
    return { strings, locale: vscode.env.language, ...(prefill ? { prefill } : {}), ...(this.last ? { diagnosis: this.last.view } : {}) };
  }

  /**
   * Diagnoses a text with a key. The prefilled text, unchanged, is diagnosed from the signed request
   * the host holds (with the server's error code and clock); anything else is parsed as pasted, with
   * a masked token put back first.
   */
  private diagnose(text: string, key: KeyInput, keySource: string): void {
    this.post({ type: 'diagnosing' });
    const source = this.source;
    let diagnosis: Diagnosis;
    try {
      if (source && text === source.text) {
        diagnosis = source.server ? diagnoseFromTrace(source.signed, source.server, key) : diagnoseSignature(requestFromSigned(source.signed), key);
      } else {
        diagnosis = diagnoseSignature(parsePastedRequest(source ? unmask(text, source.masks) : text), key);
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.services.log.info('debugger', `could not diagnose the paste: ${message}`);
      this.post({ type: 'error', message });
      return;
    }
    const view = diagnosisView(diagnosis, keySource, isChineseUi());
    this.last = { diagnosis, view };
    this.services.log.info(
      'debugger',
      `${diagnosis.signMethod}: ${diagnosis.signatureMatches ? 'signature matches' : `first difference at ${diagnosis.firstDifference?.key ?? '-'}`}; causes ${diagnosis.causes.map((c) => c.id).join(', ') || 'none'}`,
    );
    this.post({ type: 'diagnosis', diagnosis: view });
  }

  override post(message: ToDebugger): void {
    this.posted.fire(message);
    super.post(message);
  }

  override dispose(): void {
    if (DebuggerPanel.current === this) {
      DebuggerPanel.current = undefined;
    }
    super.dispose();
  }
}

/** A diagnosis in one language, for the page. */
export function diagnosisView(d: Diagnosis, keySource: string, zh: boolean): DiagnosisView {
  const t = (l: LocalizedText): string => (zh ? l.zh : l.en);
  return {
    signMethod: d.signMethod === 'unknown' ? '—' : d.signMethod,
    verdict: d.signMethod === 'unknown' ? 'none' : d.signatureMatches ? 'ok' : 'wrong',
    reproduced: d.reproduced,
    certainty: d.certainty,
    headline: t(d.verdict),
    summary: t(d.summary),
    steps: d.steps.map((s) => ({
      key: s.key,
      title: t(s.title),
      status: s.status,
      expected: s.expected,
      ...(s.actual !== undefined ? { actual: s.actual } : {}),
      ...(s.note ? { note: t(s.note) } : {}),
    })),
    ...(d.firstDifference
      ? {
          firstDifference: {
            key: d.firstDifference.key,
            title: t(d.firstDifference.title),
            expected: d.firstDifference.expected,
            ...(d.firstDifference.actual !== undefined ? { actual: d.firstDifference.actual } : {}),
          },
        }
      : {}),
    causes: d.causes.map((c) => ({ id: c.id, title: t(c.title), explanation: t(c.explanation), fix: t(c.fix), confidence: c.confidence, ...(c.reproduced ? { reproduced: true } : {}), ...(c.step ? { step: c.step } : {}) })),
    warnings: d.warnings.map((w) => t(w)),
    keySource,
  };
}
