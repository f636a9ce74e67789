import * as vscode from 'vscode';
import { CODE_FORMATS, exportCode, type CodeFormat, type CodeFormatInfo, type ExportedCode } from '../../core/codegen';
import { InputError } from '../../core/errors';
import { prepareCall } from '../../core/requests/callExecutor';
import { completeSpec } from '../../core/requests/completeSpec';
import type { Log } from '../common/log';
import type { EndpointPolicy } from '../../core/http/endpointPolicy';
import { credentialsOf, type CredentialStore } from '../credentials/credentialStore';
import type { ExplorerSession } from '../credentials/session';
import type { ResultDocuments } from '../common/resultDocuments';
import { rawHttpRequest } from '../../core/requests/requestText';
import { asCallArgs, profileForCall, signingContext, targetOf, type SigningContext, type SigningDeps } from './signingContext';
import { signatureStepsDocument } from './stepsDocument';
import type { ToolPrompts } from '../common/prompts';
import { DebuggerPanel, type DebuggerServices } from './debuggerPanel';
import { STEPS_DOCS_CONTEXT } from '../common/ids';

/** What the signature and export commands need. */
export interface SignatureCommandServices extends DebuggerServices {
  log: Log;
  credentials: CredentialStore;
  session: ExplorerSession;
  results: ResultDocuments;
  /** The `X-TC-RequestClient` value of this build. */
  requestClient: string;
  /** Which endpoints may be signed for and exported. */
  policy: EndpointPolicy;
  prompts: () => ToolPrompts;
}

// Steps documents kept for "Reveal Derived Keys", newest last. Each holds a signed request (with its
// derived keys) in memory only; the oldest are dropped beyond this count.
const MAX_STEP_DOCS = 50;

/** Where a generated export went, for callers and tests. */
export interface ExportOutcome {
  format: CodeFormat;
  document: vscode.TextDocument;
  /** Epoch milliseconds after which a curl command's signature is refused. */
  expiresAt?: number;
}

/**
 * Signature steps, the signature debugger and code export for one request, from the request form,
 * an API error, a result or a history entry. Keys are read from the credential store in the host
 * and never shown; derived keys only after a modal confirmation.
 */
export class SignatureCommands implements vscode.Disposable {
  private readonly stepDocs = new Map<string, { ctx: SigningContext; fileName: string }>();

  constructor(private readonly s: SignatureCommandServices) {}

  private deps(): SigningDeps {
    return { credentials: this.s.credentials, requestClient: this.s.requestClient, policy: this.s.policy, defaults: (profile) => this.s.session.specDefaults(profile) };
  }

  private async context(raw: unknown, what: string): Promise<SigningContext> {
    const args = raw instanceof vscode.Uri ? this.s.results.callOf(raw) : asCallArgs(raw);
    if (!args && raw instanceof vscode.Uri) {
      throw new InputError(vscode.l10n.t('This document does not show a call. Use "{0}" in the form, or on a history entry.', what));
    }
    if (!args) {
      throw new InputError(vscode.l10n.t('{0} needs a request: use it from a request form, an API error, a result or a history entry.', what));
    }
    return signingContext(this.deps(), args);
  }

  /** Opens the steps of a request's signature as a Markdown document, derived keys masked. */
  async showSteps(raw: unknown): Promise<vscode.TextDocument> {
    const ctx = await this.context(raw, vscode.l10n.t('Show Signature Steps'));
    const time = new Date(ctx.prepared.signed.trace.timestamp * 1000).toLocaleTimeString(undefined, { hour12: false });
    const editor = await this.s.results.open(vscode.l10n.t('Signature {0} {1}', ctx.spec.action, time), signatureStepsDocument(ctx), 'markdown');
    if (ctx.prepared.signed.trace.method === 'TC3-HMAC-SHA256') {
      await this.remember(editor.document.uri, ctx);
    }
    this.s.log.info('signature', `steps of ${ctx.spec.action} (${ctx.origin === 'call' ? 'as sent' : 'fresh signature'})`);
    return editor.document;
  }

  private async remember(uri: vscode.Uri, ctx: SigningContext): Promise<void> {
    const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    this.stepDocs.set(uri.toString(), { ctx, fileName });
    while (this.stepDocs.size > MAX_STEP_DOCS) {
      this.stepDocs.delete(this.stepDocs.keys().next().value as string);
    }
    await this.updateContext();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', STEPS_DOCS_CONTEXT, [...this.stepDocs.values()].map((d) => d.fileName));
  }

  /** Re-opens a steps document with the derived keys shown, after a modal confirmation. */
  async revealSteps(target?: unknown): Promise<vscode.TextDocument | undefined> {
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    const entry = uri ? this.stepDocs.get(uri.toString()) : undefined;
    if (!entry) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the signature steps of a TC3 request first; this document has no derived keys to reveal.'));
      return undefined;
    }
    const { ctx } = entry;
    const trace = ctx.prepared.signed.trace;
    const date = trace.method === 'TC3-HMAC-SHA256' ? trace.date : '';
    const reveal = vscode.l10n.t('Reveal');
    const ok = await this.s.prompts().confirm(
      'revealDerivedKeys',
      vscode.l10n.t('Reveal the derived signing keys?'),
      vscode.l10n.t('Each derived key can sign any trtc request of {0} (UTC) without the SecretKey. Do not share, paste or screenshot the document.', date),
      reveal,
    );
    if (!ok) {
      return undefined;
    }
    this.s.log.info('signature', `derived keys of ${ctx.spec.action} revealed on request`);
    const editor = await this.s.results.open(vscode.l10n.t('Signature {0} (keys revealed)', ctx.spec.action), signatureStepsDocument(ctx, { revealDerivedKeys: true }), 'markdown');
    return editor.document;
  }

  /**
   * Opens the signature debugger. With a call, its signed request is prefilled (rebuilt from the
   * trace, or signed now when there is none), and the profile's key is offered without reaching
   * the page.
   */
  async debug(raw: unknown): Promise<DebuggerPanel> {
    const args = raw instanceof vscode.Uri ? this.s.results.callOf(raw) : asCallArgs(raw);
    if (!args) {
      return DebuggerPanel.show(this.s);
    }
    const ctx = await signingContext(this.deps(), args);
    const { text, masks } = rawHttpRequest(ctx.prepared.signed, ctx.profile?.token);
    const when = new Date(ctx.prepared.signed.trace.timestamp * 1000).toLocaleTimeString(undefined, { hour12: false });
    const masked = ctx.profile?.token ? ` ${vscode.l10n.t('The session token is masked.')}` : '';
    const note =
      ctx.origin === 'call'
        ? vscode.l10n.t('The request of the {0} call sent at {1}, as it was signed.', ctx.spec.action, when) + (ctx.server ? ` ${vscode.l10n.t('The server answered {0}.', ctx.server.code)}` : '') + masked
        : ctx.example
          ? vscode.l10n.t('A {0} request signed just now with example keys, since no profile is set up. Paste your own request to check it.', ctx.spec.action)
          : vscode.l10n.t('A {0} request signed just now with the keys of profile "{1}", since the call has no signature to show.', ctx.spec.action, ctx.profile?.name ?? '') + masked;
    return DebuggerPanel.show(this.s, {
      action: ctx.spec.action,
      signed: ctx.prepared.signed,
      ...(ctx.server ? { server: ctx.server } : {}),
      ...(ctx.profile ? { profileName: ctx.profile.name } : {}),
      text,
      masks,
      note,
    });
  }

  /** Exports the current request as curl, tccli or an SDK snippet in an untitled document. */
  async exportCode(raw: unknown): Promise<ExportOutcome | undefined> {
    const args = asCallArgs(raw);
    if (!args) {
      throw new InputError(vscode.l10n.t('{0} needs a request: use it from a request form, an API error, a result or a history entry.', vscode.l10n.t('Export Code')));
    }
    const profile = await profileForCall(this.s.credentials, args.profile);
    const spec = completeSpec(args.spec, this.s.session.specDefaults(profile));
    const items = CODE_FORMATS.map((f) => ({ id: f.id, label: f.label, description: formatDescription(f, !!profile), info: f }));
    const picked = await this.s.prompts().pick('codeFormat', items, { title: vscode.l10n.t('Export {0} as…', spec.action), placeHolder: vscode.l10n.t('Format of the code') });
    if (!picked) {
      return undefined;
    }
    const target = targetOf(spec);
    let exported: ExportedCode;
    let expiresAt: number | undefined;
    if (picked.info.needsSignedRequest) {
      if (!profile) {
        throw new InputError(vscode.l10n.t('A curl command carries a signature, which needs a profile\'s keys. Add a profile, or export an SDK snippet, which signs when it runs.'));
      }
      const timestamp = Math.floor(Date.now() / 1000);
      const prepared = prepareCall(spec, { credentials: credentialsOf(profile), timestamp, policy: this.s.policy, requestClient: this.s.requestClient });
      expiresAt = (timestamp + 300) * 1000;
      exported = exportCode('curl', { spec, target: { ...target, origin: prepared.endpoint.origin, host: prepared.endpoint.host }, policy: this.s.policy, signed: prepared.signed, expiresAt, sessionToken: !!profile.token });
    } else {
      exported = exportCode(picked.info.id, { spec, target, policy: this.s.policy, sessionToken: !!profile?.token });
    }
    const document = await vscode.workspace.openTextDocument({ language: exported.languageId, content: exported.text });
    await vscode.window.showTextDocument(document, { preview: false });
    this.s.log.info('export', `${spec.action} exported as ${exported.format}`);
    if (expiresAt !== undefined) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The curl command is signed now and is accepted until {0} (5 minutes). Export it again for a fresh signature.', new Date(expiresAt).toLocaleTimeString(undefined, { hour12: false })),
      );
    }
    return { format: exported.format, document, ...(expiresAt !== undefined ? { expiresAt } : {}) };
  }

  dispose(): void {
    this.stepDocs.clear();
  }
}

/** A format's line in the export picker. */
function formatDescription(f: CodeFormatInfo, hasProfile: boolean): string {
  switch (f.id) {
    case 'curl':
      return hasProfile ? vscode.l10n.t('this request, signed now; accepted for 5 minutes') : vscode.l10n.t('needs a profile to sign');
    case 'tccli':
      return vscode.l10n.t('Tencent Cloud CLI; uses its own credentials');
    default:
      return vscode.l10n.t('reads keys from environment variables and signs when it runs');
  }
}
