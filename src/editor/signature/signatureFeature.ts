import type * as vscode from 'vscode';
import type { EndpointPolicy } from '../../core/http/endpointPolicy';
import type { CommandHandler } from '../common/commands';
import { SignatureCommandId } from '../common/ids';
import type { Log } from '../common/log';
import type { ToolPrompts } from '../common/prompts';
import type { ResultDocuments } from '../common/resultDocuments';
import type { CredentialStore } from '../credentials/credentialStore';
import type { ExplorerSession } from '../credentials/session';
import { DebuggerPanel } from './debuggerPanel';
import { SignatureCommands } from './signatureCommands';

/** What the signature tools are built from. */
export interface SignatureDeps {
  extensionUri: vscode.Uri;
  log: Log;
  credentials: CredentialStore;
  session: ExplorerSession;
  results: ResultDocuments;
  version: string;
  /** Which endpoints may be signed for and exported. */
  policy: EndpointPolicy;
  /** Read at every question, so tests can swap the prompts after activation. */
  prompts: () => ToolPrompts;
}

/** Signature steps, the signature debugger and code export. */
export interface SignatureFeature extends vscode.Disposable {
  commands: SignatureCommands;
  /** The open signature debugger, if any. */
  debugger: () => DebuggerPanel | undefined;
  /** Brings the debugger back after a window reload. */
  revive: (panel: vscode.WebviewPanel, state: unknown) => void;
  handlers: Record<SignatureCommandId, CommandHandler>;
}

/** Builds the signature tools. */
export function createSignatureFeature(deps: SignatureDeps): SignatureFeature {
  const panelServices = { extensionUri: deps.extensionUri, log: deps.log, credentials: deps.credentials, results: deps.results };
  const commands = new SignatureCommands({ ...panelServices, session: deps.session, requestClient: `TRTC-API-Explorer/${deps.version}`, policy: deps.policy, prompts: deps.prompts });
  return {
    commands,
    debugger: () => DebuggerPanel.get(),
    revive: (panel, state) => void DebuggerPanel.revive(panelServices, panel, state),
    handlers: {
      [SignatureCommandId.ShowSignatureSteps]: (args: unknown) => commands.showSteps(args),
      [SignatureCommandId.RevealSignatureSteps]: (uri: unknown) => commands.revealSteps(uri),
      [SignatureCommandId.DebugSignature]: (args: unknown) => commands.debug(args),
      [SignatureCommandId.ExportCode]: (args: unknown) => commands.exportCode(args),
    },
    dispose: () => {
      DebuggerPanel.get()?.dispose();
      commands.dispose();
    },
  };
}
