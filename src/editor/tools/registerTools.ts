import * as vscode from 'vscode';
import { wrapCommand } from '../common/errors';
import type { Log } from '../common/log';
import type { CredentialStore } from '../credentials/credentialStore';
import { ToolKeyStore } from '../credentials/toolKeyStore';
import type { ResultDocuments } from '../common/resultDocuments';
import { editorPrompts, type ToolPrompts } from './toolPrompts';
import { DebuggerPanel, registerDebuggerSerializer } from '../signature/debuggerPanel';
import { SignatureCommands } from '../signature/signatureCommands';
import { ToolCommands } from './toolCommands';
import { ToolCommandId } from '../common/toolIds';

/** What the signature, export, callback and UserSig tools need from the composition root. */
export interface ToolServices {
  extensionUri: vscode.Uri;
  log: Log;
  credentials: CredentialStore;
  results: ResultDocuments;
  state: vscode.Memento;
  secrets: vscode.SecretStorage;
  /** The extension's version, for the `X-TC-RequestClient` header the controller sends. */
  version: string;
}

/** The tools as `activate()` exposes them to integration tests. */
export interface ToolsApi {
  /** Every question the tools ask goes through this; tests replace it with scripted answers. */
  prompts: ToolPrompts;
  keys: ToolKeyStore;
  signature: SignatureCommands;
  tools: ToolCommands;
  /** The open signature debugger, if any. */
  debugger: () => DebuggerPanel | undefined;
}

/**
 * Builds the tools and registers their commands and the debugger's serializer. Returns what
 * `activate` adds to its subscriptions and to the API it returns.
 */
export function registerTools(s: ToolServices): { api: ToolsApi; disposables: vscode.Disposable[] } {
  const keys = new ToolKeyStore(s.secrets, (values) => s.log.registerSecrets(values));
  // Read at every question rather than captured once, so a test can swap `api.prompts` after activation.
  const prompts = (): ToolPrompts => api.prompts;
  const panelServices = { extensionUri: s.extensionUri, log: s.log, credentials: s.credentials, results: s.results };
  const sig = new SignatureCommands({ ...panelServices, requestClient: `TRTC-API-Explorer/${s.version}`, prompts });
  const tools = new ToolCommands({ log: s.log, results: s.results, keys, state: s.state, prompts });
  const api: ToolsApi = { prompts: editorPrompts, keys, signature: sig, tools, debugger: () => DebuggerPanel.get() };
  const reg = (id: ToolCommandId, fn: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, wrapCommand(s.log, id, fn as (...args: unknown[]) => unknown));
  const disposables: vscode.Disposable[] = [
    keys,
    sig,
    registerDebuggerSerializer(panelServices),
    reg(ToolCommandId.ShowSignatureSteps, (args: unknown) => sig.showSteps(args)),
    reg(ToolCommandId.RevealSignatureSteps, (uri: unknown) => sig.revealSteps(uri)),
    reg(ToolCommandId.DebugSignature, (args: unknown) => sig.debug(args)),
    reg(ToolCommandId.ExportCode, (args: unknown) => sig.exportCode(args)),
    reg(ToolCommandId.VerifyCallback, () => tools.verifyCallback()),
    reg(ToolCommandId.ShowCallbackEvents, () => tools.showCallbackEvents()),
    reg(ToolCommandId.SimulateCallback, () => tools.simulateCallback()),
    reg(ToolCommandId.GenerateUserSig, () => tools.generateUserSig()),
    reg(ToolCommandId.DecodeUserSig, () => tools.decodeUserSig()),
    reg(ToolCommandId.ForgetToolKeys, () => tools.forgetKeys()),
    { dispose: () => DebuggerPanel.get()?.dispose() },
  ];
  return { api, disposables };
}
