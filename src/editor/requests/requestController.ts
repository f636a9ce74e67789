import * as vscode from 'vscode';
import { findAction } from '../../core/catalog/catalog';
import { lookupErrorCode } from '../../core/catalog/errorCodes';
import { CancelledError, ExplorerError, formatBytes } from '../../core/errors';
import { HttpClient } from '../../core/http/httpClient';
import { parseAnswerJson, stringifyJson } from '../../core/json';
import { CallExecutor, defaultRetries, sandboxCall, type CallOptions } from '../../core/requests/callExecutor';
import type { CallResult, CallSpec } from '../../core/requests/types';
import { isChineseUi, readConfig } from '../common/config';
import { editorEndpointPolicy } from '../common/endpointTrust';
import { CommandId, ContextKey, SANDBOX_PROFILE } from '../common/ids';
import type { Log } from '../common/log';
import { credentialsOf, type CredentialStore, type Profile } from '../credentials/credentialStore';
import type { ResultDocuments } from '../common/resultDocuments';
import type { ResultSummary } from '../../shared/requestProtocol';
import type { ExplorerStatusBar } from './statusBar';
import { describeSkew, type ClockSkew } from './clockSkew';

// Responses larger than this are offered as a file: an editor on a multi-megabyte JSON document
// turns sluggish and tokenization stops.
const LARGE_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Where a call came from, for the history. */
export type CallSource = 'form' | 'collection' | 'rerun';

/** Receives every finished call; the history store implements it. */
export interface CallRecorder {
  record(spec: CallSpec, outcome: { result?: CallResult; error?: unknown }, meta: { source: CallSource; profile?: string }): Promise<void>;
}

/** What the panel and commands get back from {@link RequestController.send}. */
export interface SendOutcome {
  summary: ResultSummary;
  result?: CallResult;
  /** The spec as sent (profile defaults applied). */
  spec: CallSpec;
}

/**
 * Runs calls for the editor: picks the profile's credentials (or the sandbox), asks before calls
 * that change state on a production profile, shows cancellable progress, signs and sends in the
 * extension host, records the call, opens the answer as a JSON document, and keeps the status bar
 * and the clock-skew measurement current.
 */
export class RequestController implements vscode.Disposable {
  private http: HttpClient | undefined;
  private executor: CallExecutor | undefined;
  private useServerTime = false;
  private recorder: CallRecorder | undefined;

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

  constructor(
    private readonly deps: {
      credentials: CredentialStore;
      results: ResultDocuments;
      statusBar: ExplorerStatusBar;
      clock: ClockSkew;
      log: Log;
      version: string;
    },
  ) {}

  /** Connects the history; calls made before that are not recorded. */
  setRecorder(recorder: CallRecorder): void {
    this.recorder = recorder;
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
      this.executor = new CallExecutor({ http: this.http, policy: editorEndpointPolicy(), requestClient: `TRTC-API-Explorer/${this.deps.version}` });
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
        .then((c) => c && vscode.commands.executeCommand(c === add ? CommandId.AddProfile : CommandId.UseSandbox));
      throw new CancelledError(vscode.l10n.t('No profile to sign with'));
    }
    return { sandbox: false, profile };
  }

  /**
   * What every call needs first: the profile (or the sandbox), the spec completed with the
   * profile's region and the settings, and — for a state-changing call with a production profile —
   * the user's consent (`declined` when refused).
   */
  private async prepareCall(spec: CallSpec, profileName: string | undefined): Promise<{ profile?: Profile; sandbox: boolean; spec: CallSpec; declined: boolean }> {
    const resolved = await this.resolveProfile(profileName);
    const profile = resolved.sandbox ? undefined : resolved.profile;
    const config = readConfig();
    const fullSpec: CallSpec = { ...spec, region: spec.region || profile?.region || config.defaultRegion, timeoutMs: spec.timeoutMs ?? config.timeoutMs };
    const declined =
      !!profile?.production && !!findAction(spec.action)?.destructive && config.confirmProduction && !(await this.confirmProduction(spec.action, profile.name, fullSpec.region ?? ''));
    return { ...(profile ? { profile } : {}), sandbox: resolved.sandbox, spec: fullSpec, declined };
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

  /** Sends one call with progress and cancellation, records it and opens its answer. */
  async send(spec: CallSpec, profileName: string | undefined, source: CallSource, signal?: AbortSignal): Promise<SendOutcome> {
    const prepared = await this.prepareCall(spec, profileName);
    const { profile, spec: fullSpec } = prepared;
    if (prepared.declined) {
      return { spec: fullSpec, summary: { outcome: 'cancelled', sandbox: false, message: vscode.l10n.t('Not sent') } };
    }
    if (!profile) {
      const result = sandboxCall(fullSpec);
      await this.finish(fullSpec, result, undefined, source);
      return { spec: fullSpec, result, summary: this.summarize(result) };
    }

    const started = Date.now();
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Calling {0}', spec.action), cancellable: true },
        (progress, token) => {
          // Either the notification's Cancel button or the caller (the form's Cancel) stops the call.
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          signal?.addEventListener('abort', () => abort.abort(), { once: true });
          return this.getExecutor().call(fullSpec, {
            ...this.callOptions(fullSpec, profile, abort.signal),
            onRetry: (attempt, reason, delay) => {
              this.deps.log.info('request', `${spec.action}: retry ${attempt} after ${reason} in ${delay} ms`);
              progress.report({ message: vscode.l10n.t('retrying after {0}…', reason) });
            },
          });
        },
      );
      this.deps.clock.observe(result.serverDateMs, Date.parse(result.startedAt), result.latencyMs);
      await this.finish(fullSpec, result, profile, source);
      return { spec: fullSpec, result, summary: this.summarize(result) };
    } catch (e) {
      const error = e instanceof ExplorerError ? e : new Error(String(e));
      this.deps.log.error('request', `${spec.action} failed after ${Date.now() - started} ms`, error);
      await this.recorder?.record(fullSpec, { error }, { source, ...(profile ? { profile: profile.name } : {}) }).catch(() => undefined);
      const cancelled = e instanceof ExplorerError && e.kind === 'cancelled';
      this.deps.statusBar.setLastCall({ action: spec.action, outcome: 'failed', sandbox: false });
      if (!cancelled) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', spec.action, error.message), vscode.l10n.t('Show Logs')).then((c) => c && this.deps.log.show());
      }
      return { spec: fullSpec, summary: { outcome: cancelled ? 'cancelled' : 'failed', message: error.message, sandbox: false } };
    }
  }

  /**
   * Signs and sends one call without progress, result document or status bar update, for collection
   * runs that report on their own. Applies the same profile defaults, production confirmation,
   * retries and clock offset as {@link send}, and records the call with `source`. Returns the API's
   * answer (an API error included); throws transport failures after recording them.
   */
  async execute(spec: CallSpec, profileName: string | undefined, source: CallSource, signal?: AbortSignal): Promise<CallResult> {
    const { profile, spec: fullSpec, declined } = await this.prepareCall(spec, profileName);
    const meta = { source, profile: profile ? profile.name : 'sandbox' };
    if (declined) {
      throw new CancelledError(vscode.l10n.t('Not sent'));
    }
    try {
      const result = profile ? await this.getExecutor().call(fullSpec, this.callOptions(fullSpec, profile, signal)) : sandboxCall(fullSpec);
      if (!result.sandbox) {
        this.deps.clock.observe(result.serverDateMs, Date.parse(result.startedAt), result.latencyMs);
      }
      await this.recorder?.record(fullSpec, { result }, meta).catch((e) => this.deps.log.error('history', 'could not record the call', e));
      return result;
    } catch (e) {
      this.deps.log.error('request', `${spec.action} failed`, e);
      await this.recorder?.record(fullSpec, { error: e }, meta).catch(() => undefined);
      throw e;
    }
  }

  private async finish(spec: CallSpec, result: CallResult, profile: Profile | undefined, source: CallSource): Promise<void> {
    this.deps.log.info(
      'request',
      `${spec.action} → HTTP ${result.httpStatus}${result.error ? ` ${result.error.code}` : ''} in ${result.latencyMs} ms, RequestId ${result.requestId ?? '-'}${result.sandbox ? ' (sandbox)' : ''}`,
    );
    await this.recorder
      ?.record(spec, { result }, { source, ...(profile ? { profile: profile.name } : result.sandbox ? { profile: 'sandbox' } : {}) })
      .catch((e) => this.deps.log.error('history', 'could not record the call', e));
    this.deps.statusBar.setLastCall({
      action: spec.action,
      outcome: result.error ? 'api-error' : 'ok',
      httpStatus: result.httpStatus,
      latencyMs: result.latencyMs,
      ...(result.requestId ? { requestId: result.requestId } : {}),
      ...(result.error ? { errorCode: result.error.code } : {}),
      sandbox: result.sandbox,
    });
    void vscode.commands.executeCommand('setContext', ContextKey.HasCalled, true);
    await this.openResult(spec, result);
    if (result.error) {
      void this.offerErrorHelp(spec, result);
    }
  }

  /** Opens the answer as a read-only JSON document, or offers a file when it is very large. */
  async openResult(spec: CallSpec, result: CallResult, options: { preserveFocus?: boolean } = {}): Promise<void> {
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
    await this.deps.results.open(title, resultDocumentText(result), result.error ? 'jsonc' : 'json', options);
  }

  /** Explains an API error next to its document, with the ways forward. */
  private async offerErrorHelp(spec: CallSpec, result: CallResult): Promise<void> {
    const code = result.error!.code;
    const info = lookupErrorCode(code);
    const zh = isChineseUi();
    let message = `${code}: ${info ? (zh ? info.explanation.zh : info.explanation.en) : result.error!.message}`;
    const actions: string[] = [];
    const steps = vscode.l10n.t('Show Signature Steps');
    const debug = vscode.l10n.t('Debug Signature');
    const serverTime = vscode.l10n.t('Sign with Server Time');
    const copy = vscode.l10n.t('Copy RequestId');
    if (code === 'AuthFailure.SignatureExpire' && this.deps.clock.offsetMs !== undefined) {
      message += ' ' + vscode.l10n.t('Your clock is {0} the server.', describeSkew(this.deps.clock.offsetMs));
      actions.push(serverTime);
    }
    if (info?.signature) {
      actions.push(debug);
    }
    actions.push(steps);
    if (result.requestId) {
      actions.push(copy);
    }
    const choice = await vscode.window.showErrorMessage(message, ...actions);
    if (choice === serverTime) {
      this.useServerClock();
      void vscode.window.showInformationMessage(vscode.l10n.t('Calls are now signed with the server time (offset {0}). Send again.', describeSkew(this.deps.clock.offsetMs ?? 0)));
    } else if (choice === debug) {
      await vscode.commands.executeCommand('trtcExplorer.signature.debug', { spec, result });
    } else if (choice === steps) {
      await vscode.commands.executeCommand('trtcExplorer.signature.showSteps', { spec, result });
    } else if (choice === copy && result.requestId) {
      await vscode.env.clipboard.writeText(result.requestId);
    }
  }

  /** The panel's header line for a result. */
  summarize(result: CallResult): ResultSummary {
    const base = {
      httpStatus: result.httpStatus,
      latencyMs: result.latencyMs,
      ...(result.requestId ? { requestId: result.requestId } : {}),
      sandbox: result.sandbox,
    };
    if (!result.error) {
      return { outcome: 'ok', ...base };
    }
    const info = lookupErrorCode(result.error.code);
    const zh = isChineseUi();
    // An expired signature is almost always a clock that is off: say by how much, when measured.
    const skew =
      result.error.code === 'AuthFailure.SignatureExpire' && this.deps.clock.offsetMs !== undefined
        ? ` ${vscode.l10n.t('Your clock is {0} the server.', describeSkew(this.deps.clock.offsetMs))}`
        : '';
    return {
      outcome: 'api-error',
      ...base,
      errorCode: result.error.code,
      message: result.error.message,
      ...(info ? { explanation: (zh ? info.explanation.zh : info.explanation.en) + skew, nextStep: zh ? info.nextStep.zh : info.nextStep.en } : {}),
      ...(info?.signature ? { signatureRelated: true } : {}),
    };
  }

  dispose(): void {
    void this.http?.close();
  }
}

/**
 * The text of a result document: the whole answer pretty-printed, big integers exact. An error
 * answer is JSON with comments, headed by what the code means and what to do.
 */
export function resultDocumentText(result: CallResult): string {
  const body = stringifyJson(parseAnswerJson(result.responseText), 2);
  const header: string[] = [];
  if (result.sandbox) {
    header.push('// Sandbox answer: generated from the catalog, not sent to Tencent Cloud.');
  }
  if (result.error) {
    const info = lookupErrorCode(result.error.code);
    const zh = isChineseUi();
    header.push(`// ${result.error.code}: ${result.error.message}`);
    if (info) {
      header.push(`// ${zh ? info.explanation.zh : info.explanation.en}`, `// ${zh ? info.nextStep.zh : info.nextStep.en}`);
    }
  }
  return header.length && result.error ? `${header.map((l) => l.replace(/\n/g, ' ')).join('\n')}\n${body}\n` : `${body}\n`;
}
