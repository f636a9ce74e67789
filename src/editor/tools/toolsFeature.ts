import type * as vscode from 'vscode';
import type { CommandHandler } from '../common/commands';
import { ToolCommandId } from '../common/ids';
import type { Log } from '../common/log';
import type { ToolPrompts } from '../common/prompts';
import type { ResultDocuments } from '../common/resultDocuments';
import type { GlobalState } from '../common/state';
import { ToolKeyStore } from '../credentials/toolKeyStore';
import { ToolCommands } from './toolCommands';

/** What the callback and UserSig tools are built from. */
export interface ToolsDeps {
  log: Log;
  results: ResultDocuments;
  globalState: GlobalState;
  secrets: vscode.SecretStorage;
  /** Read at every question, so tests can swap the prompts after activation. */
  prompts: () => ToolPrompts;
}

/** Callback verification, the event catalog and simulator, and UserSig generation and decoding. */
export interface ToolsFeature extends vscode.Disposable {
  keys: ToolKeyStore;
  tools: ToolCommands;
  handlers: Record<ToolCommandId, CommandHandler>;
}

/** Builds the callback and UserSig tools. */
export function createToolsFeature(deps: ToolsDeps): ToolsFeature {
  const keys = new ToolKeyStore(deps.secrets, (values) => deps.log.registerSecrets(values));
  const tools = new ToolCommands({ log: deps.log, results: deps.results, keys, state: deps.globalState, prompts: deps.prompts });
  return {
    keys,
    tools,
    handlers: {
      [ToolCommandId.VerifyCallback]: () => tools.verifyCallback(),
      [ToolCommandId.ShowCallbackEvents]: () => tools.showCallbackEvents(),
      [ToolCommandId.SimulateCallback]: () => tools.simulateCallback(),
      [ToolCommandId.GenerateUserSig]: () => tools.generateUserSig(),
      [ToolCommandId.DecodeUserSig]: () => tools.decodeUserSig(),
      [ToolCommandId.ForgetToolKeys]: () => tools.forgetKeys(),
    },
    dispose: () => keys.dispose(),
  };
}
