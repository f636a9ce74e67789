import * as vscode from 'vscode';
import { registerCommands, activeRegion } from './commands';
import { registerHistoryAndCollections, type HistoryAndCollectionsApi } from './commands/registerHistoryAndCollections';
import { registerTools, type ToolsApi } from './commands/tools';
import { affectsExplorer } from './common/config';
import { ContextKey, RESULT_SCHEME, SANDBOX_PROFILE, ViewId } from './common/ids';
import { Log } from './common/log';
import { CredentialStore } from './credentials/credentialStore';
import { registerResults, type ResultsApi } from './editor/results/registerResults';
import { ClockSkew } from './requests/clockSkew';
import { RequestController } from './requests/requestController';
import { ResultDocuments } from './results/resultDocuments';
import { CatalogTreeProvider } from './views/catalogTree';
import { ExplorerStatusBar } from './views/statusBar';
import { ParamMemory } from './webview/paramMemory';
import { RequestPanel, registerRequestPanelSerializer } from './webview/requestPanel';

/** What `activate` returns: the services, for integration tests. */
export interface ExplorerApi {
  credentials: CredentialStore;
  controller: RequestController;
  results: ResultDocuments;
  tree: CatalogTreeProvider;
  log: Log;
  statusBar: ExplorerStatusBar;
  /** The measured offset of the server's clock. */
  clock: ClockSkew;
  /** For integration tests that check what the extension stores. */
  globalState: vscode.Memento;
  logUri: vscode.Uri;
  /** The open request form of an action. */
  panel: (action: string) => RequestPanel | undefined;
  /** History, collections and environments. */
  historyAndCollections: HistoryAndCollectionsApi;
  /** Signature steps, the signature debugger, code export, callback and UserSig tools. */
  tools: ToolsApi;
  /** The result view: answers as tables and charts. */
  resultViews: ResultsApi;
}

/**
 * The composition root: builds the services in dependency order and registers views and commands.
 * Nothing here reads the disk or the network; the catalog loads when a view first asks for it.
 */
export function activate(context: vscode.ExtensionContext): ExplorerApi {
  const log = new Log('TRTC API Explorer');
  const credentials = new CredentialStore(context.secrets, context.globalState, (values) => log.registerSecrets(values));
  const clock = new ClockSkew();
  const statusBar = new ExplorerStatusBar(clock);
  const results = new ResultDocuments();
  const version = String((context.extension.packageJSON as { version?: string }).version ?? 'dev');
  const controller = new RequestController({ credentials, results, statusBar, clock, log, version });
  const memory = new ParamMemory(context.globalState);

  let hasProfiles = false;
  const sandboxActive = () => credentials.activeName() === SANDBOX_PROFILE;
  const tree = new CatalogTreeProvider(() => hasProfiles || sandboxActive());
  const apiView = vscode.window.createTreeView(ViewId.Api, { treeDataProvider: tree, showCollapseAll: true });

  const refreshSession = async () => {
    const profiles = await credentials.list();
    hasProfiles = profiles.length > 0;
    const active = await credentials.active();
    await vscode.commands.executeCommand('setContext', ContextKey.HasProfiles, hasProfiles);
    await vscode.commands.executeCommand('setContext', ContextKey.SandboxActive, sandboxActive());
    statusBar.setProfile(sandboxActive() ? undefined : active?.name, activeRegion(context.globalState, active?.region), {
      sandbox: sandboxActive(),
      production: !!active?.production && !sandboxActive(),
    });
    tree.refresh();
  };

  const services = {
    extensionUri: context.extensionUri,
    log,
    credentials,
    controller,
    memory,
    statusBar,
    tree,
    apiView: apiView as vscode.TreeView<unknown>,
    state: context.globalState,
    refreshSession,
    activeRegion: (profileRegion?: string) => activeRegion(context.globalState, profileRegion),
  };

  context.subscriptions.push(
    log,
    credentials,
    clock,
    statusBar,
    results,
    controller,
    tree,
    apiView,
    vscode.workspace.registerTextDocumentContentProvider(RESULT_SCHEME, results),
    registerRequestPanelSerializer(services),
    ...registerCommands(services),
    credentials.onDidChange(() => void refreshSession()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsExplorer(e)) {
        controller.resetTransport();
        void refreshSession();
      }
    }),
  );
  const historyAndCollections = registerHistoryAndCollections({ ...services, context, results });
  context.subscriptions.push(...historyAndCollections.disposables);
  const tools = registerTools({ extensionUri: context.extensionUri, log, credentials, results, state: context.globalState, secrets: context.secrets, version });
  context.subscriptions.push(...tools.disposables);
  const resultViews = registerResults({ extensionUri: context.extensionUri, log, results });
  context.subscriptions.push(...resultViews.disposables);
  // Reading SecretStorage is asynchronous; it runs after activation returns and a failure is only logged.
  setImmediate(() => void refreshSession().catch((e) => log.error('activate', 'could not read profiles', e)));
  log.info('activate', `TRTC API Explorer ${version} ready`);
  return { credentials, controller, results, tree, log, statusBar, clock, globalState: context.globalState, logUri: context.logUri, panel: (action) => RequestPanel.get(action), historyAndCollections: historyAndCollections.api, tools: tools.api, resultViews: resultViews.api };
}

export function deactivate(): void {}
