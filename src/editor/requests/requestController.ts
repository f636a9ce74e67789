import * as vscode from 'vscode';
import { findAction } from '../../core/catalog/catalog';
import { CancelledError, ExplorerError, formatBytes } from '../../core/errors';
import { parseAnswerJson, stringifyJson } from '../../core/json';
import { UntrustedEndpointError } from '../../core/http/endpointPolicy';
import { HttpClient } from '../../core/http/httpClient';
import type { CallSource, FinishedCall } from '../../core/requests/callEvents';
import { CallExecutor, defaultRetries, sandboxCall, type CallOptions } from '../../core/requests/callExecutor';
import { completeSpec } from '../../core/requests/completeSpec';
import { hasSilentValues, silentValueMessage, silentValueProblems, type SampleLeaves } from '../../core/requests/silentValues';
import { describeOutcome, resultDocumentText } from '../../core/requests/describeOutcome';
import { describeSkew, skewSentence, type OutcomeLanguage } from '../../core/requests/skew';
import type { CallResult, CallSpec } from '../../core/requests/types';
import { isChineseUi, readConfig } from '../common/config';
import type { EndpointTrust } from '../common/endpointTrust';
import { SANDBOX_PROFILE } from '../common/ids';
import type { Log } from '../common/log';
import type { ResultDocuments } from '../common/resultDocuments';
import { credentialsOf, type CredentialStore, type Profile } from '../credentials/credentialStore';
import type { ExplorerSession } from '../credentials/session';
import type { ResultSummary } from '../../shared/requestProtocol';
import type { ClockSkew } from './clockSkew';

// Responses larger than this are offered as a file: an editor on a multi-megabyte JSON document
// turns sluggish and tokenization stops.
const LARGE_RESPONSE_BYTES = 10 * 1024 * 1024;

export type { CallSource, FinishedCall };

/**
 * A finished call as the controller announces it. A listener whose work must be done before the
 * call counts as finished (the history recording it) passes that work to `waitUntil`; `send` and
 * `execute` return only after it settles.
 */
export interface FinishedCallEvent extends FinishedCall {
  waitUntil(work: Promise<unknown>): void;
}

/** The request form a call was sent from, as far as where its answer and errors go. */
export interface SendForm {
  /** True while the form is visible: errors are then shown in it, not in notifications. */
  visible(): boolean;
  /** The form's editor column; its answer opens in the column beside it. */
  column: vscode.ViewColumn | undefined;
  /** The sample values the form's host filled in and nobody edited (path → compact JSON). */
  samples?: SampleLeaves;
}

/** What the panel and commands get back from {@link RequestController.send}. */
export interface SendOutcome {
  summary: ResultSummary;
  result?: CallResult;
  /** The spec as sent (profile defaults applied). */
  spec: CallSpec;
}

/**
 * What the controller offers the user besides the call itself, implemented by other features and
 * passed in by the composition root, so the controller never names their commands.
 */
export interface ControllerActions {
  addProfile(): Promise<unknown>;
  useSandbox(): Promise<unknown>;
  showSignatureSteps(call: { spec: CallSpec; result: CallResult }): Promise<unknown>;
  debugSignature(call: { spec: CallSpec; result: CallResult }): Promise<unknown>;
}

/** What the controller is built from. */
export interface ControllerDeps {
  credentials: CredentialStore;
  results: ResultDocuments;
  clock: ClockSkew;
  log: Log;
  version: string;
  /** The session: its region and the settings complete every call. */
  session: ExplorerSession;
  /** Which endpoints calls may be signed for and sent to. */
  trust: EndpointTrust;
  actions: ControllerActions;
}

/** The text language of descriptions, following the editor. */
function uiLanguage(): OutcomeLanguage {
  return isChineseUi() ? 'zh' : 'en';
}

/**
 * Runs calls for the editor: picks the profile's credentials (or the sandbox), completes the spec
 * with the settings, asks before calls that change state on a production profile, signs and sends
 * in the extension host, and announces every finished call with {@link onDidFinishCall}, which the
 * history, the status bar and the walkthrough follow. `send` adds progress, the result document and
 * the error help around the same path `execute` takes for collection runs.
 */
export class RequestController implements vscode.Disposable {
  private http: HttpClient | undefined;
  private executor: CallExecutor | undefined;
  private useServerTime = false;
  private readonly finished = new vscode.EventEmitter<FinishedCallEvent>();
  /** Fires after every call, sent or failed, from any source. */
  readonly onDidFinishCall = this.finished.event;

  /**
   * Asks whether to send a state-changing call with a production profile. A modal dialog by
   * default; replaceable so integration tests can answer it.
   */
  confirmProduction: (action: string, profile: string, region: string) => Promise<boolean> = async (action, profile, region) => {
    const ok = vscode.l10n.t('Send');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Send {0} with the production profile "{1}"?', action, profile),
      { modal: true, detail: vscode.l10n.t('This action changes state in your TRTC application (region {0}).', region) },
      ok,
    );
    return choice === ok;
  };

  constructor(private readonly deps: ControllerDeps) {}

  /** Tells every listener about a finished call and waits for the work they hand back. */
  private async announce(call: FinishedCall): Promise<void> {
    const pending: Array<Promise<unknown>> = [];
    this.finished.fire({ ...call, waitUntil: (work) => void pending.push(work) });
    await Promise.allSettled(pending);
  }

  /** Drops the HTTP client so the next call picks up changed proxy settings. */
  resetTransport(): void {
    void this.http?.close();
    this.http = undefined;
    this.executor = undefined;
  }

  private getExecutor(): CallExecutor {
    if (!this.executor) {
      const config = readConfig();
      this.http = new HttpClient({ ...(config.proxy ? { proxy: config.proxy } : {}) });
      this.executor = new CallExecutor({ http: this.http, policy: this.deps.trust.policy, requestClient: `TRTC-API-Explorer/${this.deps.version}` });
    }
    return this.executor;
  }

  /** Resolves a profile name (or the sandbox) to what a call needs. */
  async resolveProfile(name: string | undefined): Promise<{ sandbox: true } | { sandbox: false; profile: Profile }> {
    if (name === SANDBOX_PROFILE) {
      return { sandbox: true };
    }
    const profile = name ? await this.deps.credentials.get(name) : await this.deps.credentials.active();
    if (!profile) {
      const add = vscode.l10n.t('Add Profile');
      const sandbox = vscode.l10n.t('Use Sandbox');
      void vscode.window
        .showWarningMessage(
          name ? vscode.l10n.t('Profile "{0}" no longer exists.', name) : vscode.l10n.t('No TRTC profile is set up yet.'),
          add,
          sandbox,
        )
        .then((c) => (c === add ? this.deps.actions.addProfile() : c === sandbox ? this.deps.actions.useSandbox() : undefined));
      throw new CancelledError(vscode.l10n.t('No profile to sign with'));
    }
    return { sandbox: false, profile };
  }

  /**
   * What every call needs first: the profile (or the sandbox), the completed spec, and — for a
   * state-changing call with a production profile — the user's consent (`declined` when refused).
   */
  private async prepare(spec: CallSpec, profileName: string | undefined): Promise<{ profile?: Profile; spec: CallSpec; declined: boolean }> {
    const resolved = await this.resolveProfile(profileName);
    const profile = resolved.sandbox ? undefined : resolved.profile;
    const fullSpec = completeSpec(spec, this.deps.session.specDefaults(profile));
    const declined =
      !!profile?.production &&
      !!findAction(spec.action)?.destructive &&
      readConfig().confirmProduction &&
      !(await this.confirmProduction(spec.action, profile.name, fullSpec.region ?? ''));
    return { ...(profile ? { profile } : {}), spec: fullSpec, declined };
  }

  /** The executor options of a call: retries for read-only actions, and the server's clock when chosen. */
  private callOptions(spec: CallSpec, profile: Profile, signal: AbortSignal | undefined): CallOptions {
    return {
      credentials: credentialsOf(profile),
      ...(signal ? { signal } : {}),
      maxRetries: defaultRetries(spec.action),
      ...(this.useServerTime && this.deps.clock.offsetMs !== undefined ? { clockOffsetMs: this.deps.clock.offsetMs } : {}),
    };
  }

  /**
   * Signs every following call with the server's clock (the measured offset) instead of the local
   * one, after a SignatureExpire caused by a local clock that is off; `false` goes back to the
   * local clock.
   */
  useServerClock(on = true): void {
    this.useServerTime = on;
  }

  /**
   * The one path of every call: prepare, answer from the sandbox or sign and send, measure the
   * clock, and announce the finished call. API errors come back as a result; transport failures
   * are announced and thrown.
   */
  private async run(
    spec: CallSpec,
    profileName: string | undefined,
    source: CallSource,
    signal: AbortSignal | undefined,
    send: (call: (signal: AbortSignal | undefined, report?: (reason: string) => void) => Promise<CallResult>) => Thenable<CallResult> = (call) => call(signal),
  ): Promise<{ spec: CallSpec; result?: CallResult; declined?: true }> {
    const { profile, spec: fullSpec, declined } = await this.prepare(spec, profileName);
    if (declined) {
      return { spec: fullSpec, declined: true };
    }
    // The history names generated answers' profile `sandbox`.
    const meta = { source, profile: profile ? profile.name : 'sandbox' };
    try {
      const result = profile
        ? await send((s, report) =>
            this.getExecutor().call(fullSpec, {
              ...this.callOptions(fullSpec, profile, s),
              onRetry: (attempt, reason, delay) => {
                this.deps.log.info('request', `${spec.action}: retry ${attempt} after ${reason} in ${delay} ms`);
                report?.(reason);
              },
            }),
          )
        : sandboxCall(fullSpec);
      if (!result.sandbox) {
        this.deps.clock.observe(result.serverDateMs, Date.parse(result.startedAt), result.latencyMs);
      }
      this.deps.log.info(
        'request',
        `${spec.action} → HTTP ${result.httpStatus}${result.error ? ` ${result.error.code}` : ''} in ${result.latencyMs} ms, RequestId ${result.requestId ?? '-'}${result.sandbox ? ' (sandbox)' : ''}`,
      );
      await this.announce({ spec: fullSpec, outcome: { result }, ...meta });
      return { spec: fullSpec, result };
    } catch (e) {
      this.deps.log.error('request', `${spec.action} failed`, e);
      await this.announce({ spec: fullSpec, outcome: { error: e }, ...meta });
      throw e;
    }
  }

  /**
   * Sends one call with progress and cancellation and opens its answer. Errors are explained in a
   * notification, unless `form` says a visible request form shows them: then the form is the one
   * place they are reported, and the answer goes to the form's own document.
   */
  async send(spec: CallSpec, profileName: string | undefined, source: CallSource, signal?: AbortSignal, form?: SendForm): Promise<SendOutcome> {
    let fullSpec = spec;
    if (source === 'form') {
      // No silent values: checked here again, whatever the page decided, before anything is signed.
      const problems = silentValueProblems(spec.action, spec.params, form?.samples);
      if (hasSilentValues(problems)) {
        const text = silentValueMessage(spec.action, problems);
        this.deps.log.info('request', `${spec.action} not sent: unset ${problems.missing.join(', ') || '-'}, unedited samples ${problems.samples.join(', ') || '-'}`);
        return { spec, summary: { outcome: 'cancelled', sandbox: false, message: isChineseUi() ? text.zh : text.en, refused: problems } };
      }
    }
    try {
      const done = await this.run(spec, profileName, source, signal, (call) =>
        vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Calling {0}', spec.action), cancellable: true }, (progress, token) => {
          // Either the notification's Cancel button or the caller (the form's Cancel) stops the call.
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          signal?.addEventListener('abort', () => abort.abort(), { once: true });
          return call(abort.signal, (reason) => progress.report({ message: vscode.l10n.t('retrying after {0}…', reason) }));
        }),
      );
      fullSpec = done.spec;
      if (done.declined || !done.result) {
        return { spec: done.spec, summary: { outcome: 'cancelled', sandbox: false, message: vscode.l10n.t('Not sent') } };
      }
      const call = { spec: done.spec, result: done.result, ...(profileName ? { profile: profileName } : {}) };
      if (form) {
        await this.showAnswer(call, form);
      } else {
        await this.openResult(done.spec, done.result, { ...(profileName ? { profile: profileName } : {}) });
      }
      if (done.result.error && !form?.visible()) {
        void this.offerErrorHelp(done.spec, done.result);
      }
      return { spec: done.spec, result: done.result, summary: this.summarize(done.result) };
    } catch (e) {
      const error = e instanceof ExplorerError ? e : new Error(String(e));
      const cancelled = e instanceof ExplorerError && e.kind === 'cancelled';
      if (e instanceof UntrustedEndpointError) {
        // Even while the form is visible: the way forward is a decision only the user can make.
        void this.deps.trust.offerTrust(isChineseUi() ? e.zh : e.message, [e.origin]);
      } else if (!cancelled && !form?.visible()) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', spec.action, error.message), vscode.l10n.t('Show Logs')).then((c) => c && this.deps.log.show());
      }
      return { spec: fullSpec, summary: { outcome: cancelled ? 'cancelled' : 'failed', message: error.message, sandbox: false } };
    }
  }

  /**
   * Signs and sends one call without progress, result document or error help, for collection runs
   * that report on their own. The same defaults, confirmation, retries, clock and announcement as
   * {@link send}. Returns the API's answer (an API error included); throws transport failures.
   */
  async execute(spec: CallSpec, profileName: string | undefined, source: CallSource, signal?: AbortSignal): Promise<CallResult> {
    const done = await this.run(spec, profileName, source, signal);
    if (done.declined || !done.result) {
      throw new CancelledError(vscode.l10n.t('Not sent'));
    }
    return done.result;
  }

  /**
   * Opens the answer as a read-only JSON document that remembers its call (for the signature
   * buttons of its title bar), or offers a file when it is very large.
   */
  async openResult(spec: CallSpec, result: CallResult, options: { preserveFocus?: boolean; profile?: string } = {}): Promise<void> {
    const time = new Date(result.startedAt).toLocaleTimeString(undefined, { hour12: false });
    const title = `${spec.action} ${time}${result.sandbox ? ' (sandbox)' : ''}`;
    const bytes = Buffer.byteLength(result.responseText);
    if (bytes > LARGE_RESPONSE_BYTES) {
      const save = vscode.l10n.t('Save as File…');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('The answer of {0} is {1}, too large to show comfortably in an editor.', spec.action, formatBytes(bytes)),
        save,
      );
      if (choice === save) {
        const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(`${spec.action}-${result.startedAt.replace(/[:.]/g, '-')}.json`), filters: { JSON: ['json'] } });
        if (target) {
          await vscode.workspace.fs.writeFile(target, Buffer.from(result.responseText, 'utf8'));
          await vscode.window.showTextDocument(target, { preview: true });
        }
      }
      return;
    }
    const text = resultDocumentText(result, { language: uiLanguage(), ...this.clockOption() });
    await this.deps.results.open(title, text, result.error ? 'jsonc' : 'json', {
      ...(options.preserveFocus !== undefined ? { preserveFocus: options.preserveFocus } : {}),
      call: { spec, result, ...(options.profile ? { profile: options.profile } : {}) },
    });
  }

  /** Shows a form's answer in the form's own document, or offers a file when it is very large. */
  async showAnswer(call: { spec: CallSpec; result: CallResult; profile?: string }, form: SendForm): Promise<void> {
    if (Buffer.byteLength(call.result.responseText) > LARGE_RESPONSE_BYTES) {
      await this.openResult(call.spec, call.result, { ...(call.profile ? { profile: call.profile } : {}) });
      return;
    }
    const text = `${stringifyJson(parseAnswerJson(call.result.responseText), 2)}\n`;
    await this.deps.results.showAnswer(call.spec.action, text, { call, ...(form.column !== undefined ? { besideOf: form.column } : {}) });
  }

  private clockOption(): { clockOffsetMs?: number } {
    return this.deps.clock.offsetMs !== undefined ? { clockOffsetMs: this.deps.clock.offsetMs } : {};
  }

  /** Explains an API error next to its document, with the ways forward. */
  private async offerErrorHelp(spec: CallSpec, result: CallResult): Promise<void> {
    const d = describeOutcome(result, { language: uiLanguage() });
    let message = `${d.errorCode}: ${d.explanation ?? d.message ?? ''}`;
    const actions: string[] = [];
    const steps = vscode.l10n.t('Show Signature Steps');
    const debug = vscode.l10n.t('Debug Signature');
    const serverTime = vscode.l10n.t('Sign with Server Time');
    const copy = vscode.l10n.t('Copy RequestId');
    const offset = this.deps.clock.offsetMs;
    if (d.errorCode === 'AuthFailure.SignatureExpire' && offset !== undefined) {
      message += ' ' + skewSentence(offset, uiLanguage());
      actions.push(serverTime);
    }
    if (d.signatureRelated) {
      actions.push(debug);
    }
    actions.push(steps);
    if (result.requestId) {
      actions.push(copy);
    }
    const choice = await vscode.window.showErrorMessage(message, ...actions);
    if (choice === serverTime) {
      this.useServerClock();
      void vscode.window.showInformationMessage(vscode.l10n.t('Calls are now signed with the server time (offset {0}). Send again.', describeSkew(offset ?? 0, uiLanguage())));
    } else if (choice === debug) {
      await this.deps.actions.debugSignature({ spec, result });
    } else if (choice === steps) {
      await this.deps.actions.showSignatureSteps({ spec, result });
    } else if (choice === copy && result.requestId) {
      await vscode.env.clipboard.writeText(result.requestId);
    }
  }

  /** The panel's header line for a result. */
  summarize(result: CallResult): ResultSummary {
    return describeOutcome(result, { language: uiLanguage(), ...this.clockOption() });
  }

  dispose(): void {
    this.finished.dispose();
    void this.http?.close();
  }
}
