import * as vscode from 'vscode';
import { useCatalogBeside } from './core/catalog/catalogFile';
import type { RequestItem } from './core/collections/collectionFormat';
import { loadCatalog } from './editor/catalog/catalogAccess';
import { catalogCommands, openActionDocs } from './editor/catalog/catalogCommands';
import { CatalogTreeProvider, type ApiNode } from './editor/catalog/catalogTree';
import { registerCommands, registerLazyCommands } from './editor/common/commands';
import { affectsExplorer } from './editor/common/config';
import {
  COLLECTIONS_DRAG_MIME,
  CollectionCommandId,
  CommandId,
  ContextKey,
  DEBUGGER_PANEL_TYPE,
  GlobalStateKey,
  HISTORY_DRAG_MIME,
  HistoryCommandId,
  ProfileCommandId,
  REQUEST_PANEL_TYPE,
  RESULT_SCHEME,
  ResultCommandId,
  SignatureCommandId,
  ToolCommandId,
  ViewId,
} from './editor/common/ids';
import { lazy, LazyTreeProvider, type Lazy } from './editor/common/lazy';
import { EndpointTrust } from './editor/common/endpointTrust';
import { Log } from './editor/common/log';
import { defaultPrompts, editorPrompts, type Prompts, type ToolPrompts } from './editor/common/prompts';
import { answerUri, ResultDocuments, type DocumentCall } from './editor/common/resultDocuments';
import { TypedState, type GlobalState, type GlobalStateShape, type WorkspaceStateShape } from './editor/common/state';
import { ExplorerStatusBar } from './editor/common/statusBar';
import { CredentialStore } from './editor/credentials/credentialStore';
import { profileCommands } from './editor/credentials/profileCommands';
import { ExplorerSession } from './editor/credentials/session';
import type { CollectionsFeature } from './editor/collections/collectionsFeature';
import type { HistoryFeature } from './editor/history/historyFeature';
import type { RequestsFeature } from './editor/requests/requestsFeature';
import type { ResultsFeature } from './editor/results/resultsFeature';
import type { SignatureFeature } from './editor/signature/signatureFeature';
import type { ToolsFeature } from './editor/tools/toolsFeature';

useCatalogBeside(import.meta.url);

/** The names of the features built on first use, as {@link ExplorerApi.loaded} reports them. */
export type FeatureName = 'requests' | 'history' | 'collections' | 'signature' | 'tools' | 'results';

/** What `activate` returns: the services, for integration tests. */
export interface ExplorerApi {
  log: Log;
  credentials: CredentialStore;
  session: ExplorerSession;
  tree: CatalogTreeProvider;
  statusBar: ExplorerStatusBar;
  documents: ResultDocuments;
  /** The endpoints besides Tencent's the user trusted. */
  trust: EndpointTrust;
  /** For integration tests that check what the extension stores. */
  globalState: GlobalState;
  logUri: vscode.Uri;
  /** Every question the signature and callback/UserSig tools ask; tests replace it with scripted answers. */
  prompts: ToolPrompts;
  /** The questions of the history and collection commands; tests replace its methods. */
  listPrompts: Prompts;
  /** The features, each built (and its code loaded) on first use. */
  requests: Lazy<RequestsFeature>;
  history: Lazy<HistoryFeature>;
  collections: Lazy<CollectionsFeature>;
  signature: Lazy<SignatureFeature>;
  tools: Lazy<ToolsFeature>;
  /** The result view: answers as tables and charts. */
  results: Lazy<ResultsFeature>;
  /** The features built so far: activation builds none. */
  loaded: () => FeatureName[];
}

/**
 * The composition root. Activation creates the log, the credential store, the session, the status
 * bar and the API tree, creates the History and Collections views with stand-in providers, and
 * registers every command and panel serializer. Nothing else is loaded: each feature (requests,
 * history, collections, signature tools, callback and UserSig tools) is built, and its code
 * imported, the first time one of its commands, views or panels is used. Features never import
 * one another; they get what they need from here as lazy getters and plain functions.
 */
export function activate(context: vscode.ExtensionContext): ExplorerApi {
  const log = new Log('TRTC API Explorer');
  const version = String((context.extension.packageJSON as { version?: string }).version ?? 'dev');
  const globalState = new TypedState<GlobalStateShape>(context.globalState);
  const workspaceState = new TypedState<WorkspaceStateShape>(context.workspaceState);
  const credentials = new CredentialStore(context.secrets, globalState, (values) => log.registerSecrets(values));
  const session = new ExplorerSession(credentials);
  const statusBar = new ExplorerStatusBar();
  const results = new ResultDocuments();
  const trust = new EndpointTrust(globalState);
  const tree = new CatalogTreeProvider(() => !session.profilesExist && !session.sandboxActive && !globalState.get(GlobalStateKey.HintDismissed));
  const apiView = vscode.window.createTreeView<ApiNode>(ViewId.Api, { treeDataProvider: tree, showCollapseAll: true });
  const listPrompts = defaultPrompts();
  const profiles = profileCommands(credentials, session);
  const built = new Set<FeatureName>();
  const subscriptions: vscode.Disposable[] = [];

  const api: ExplorerApi = {
    log,
    credentials,
    session,
    tree,
    statusBar,
    documents: results,
    trust,
    globalState,
    logUri: context.logUri,
    prompts: editorPrompts,
    listPrompts,
    requests: lazy(async () => {
      const { createRequestsFeature } = await import('./editor/requests/requestsFeature');
      const feature = createRequestsFeature({
        extensionUri: context.extensionUri,
        log,
        credentials,
        session,
        results,
        globalState,
        version,
        trust,
        actions: {
          addProfile: async () => profiles[ProfileCommandId.AddProfile](),
          useSandbox: async () => profiles[ProfileCommandId.UseSandbox](),
          openAction: async (action) => (await api.requests()).panels.show(action),
          openDocs: async (action) => {
            const info = (await loadCatalog()).findAction(action);
            return info ? openActionDocs(info) : undefined;
          },
          showSignatureSteps: async (call) => (await api.signature()).commands.showSteps(call),
          debugSignature: async (call) => (await api.signature()).commands.debug(call),
          exportCode: async (call) => (await api.signature()).commands.exportCode(call),
          saveToCollection: async (call) => {
            const { requestFromSpec } = await import('./core/collections/savedRequest');
            return (await api.collections()).saveRequests([requestFromSpec(call.spec)], { askName: true });
          },
          quickSave: async (call) => {
            const { requestFromSpec } = await import('./core/collections/savedRequest');
            const saved = await (await api.collections()).quickSave(requestFromSpec(call.spec));
            if (!saved) {
              return undefined;
            }
            return saved.folder
              ? vscode.l10n.t('Saved "{0}" to collection "{1}", folder "{2}"', saved.name, saved.collection, saved.folder)
              : vscode.l10n.t('Saved "{0}" to collection "{1}"', saved.name, saved.collection);
          },
          showAnswerAs: async (action, mode) => {
            return (await api.results()).show(answerUri(action), mode);
          },
        },
      });
      // Every finished call is recorded before `send` returns, and shown in the status bar.
      feature.controller.onDidFinishCall((call) => {
        const result = call.outcome.result;
        statusBar.setLastCall({
          action: call.spec.action,
          outcome: result ? (result.error ? 'api-error' : 'ok') : 'failed',
          ...(result ? { httpStatus: result.httpStatus, latencyMs: result.latencyMs } : {}),
          ...(result?.requestId ? { requestId: result.requestId } : {}),
          ...(result?.error ? { errorCode: result.error.code } : {}),
          sandbox: result?.sandbox ?? false,
        });
        if (result) {
          void vscode.commands.executeCommand('setContext', ContextKey.HasCalled, true);
        }
        call.waitUntil(
          api
            .history()
            .then((h) => h.recorder.record(call))
            .catch((e) => log.error('history', 'could not record the call', e)),
        );
      });
      feature.clock.onDidChange(() => statusBar.showSkew(feature.clock.offsetMs, feature.clock.significant));
      built.add('requests');
      subscriptions.push(feature);
      return feature;
    }),
    history: lazy(async () => {
      const { createHistoryFeature } = await import('./editor/history/historyFeature');
      const feature = createHistoryFeature({
        log,
        credentials,
        results,
        prompts: listPrompts,
        storageUri: context.globalStorageUri,
        view: historyView,
        requests: () => api.requests(),
        signature: {
          showSteps: async (call: DocumentCall) => (await api.signature()).commands.showSteps(call),
          debug: async (call: DocumentCall) => (await api.signature()).commands.debug(call),
          exportCode: async (call: DocumentCall) => (await api.signature()).commands.exportCode(call),
        },
        saveToCollection: async (requests, options) => (await api.collections()).saveRequests(requests, options),
      });
      built.add('history');
      subscriptions.push(feature);
      return feature;
    }),
    collections: lazy(async () => {
      const { createCollectionsFeature } = await import('./editor/collections/collectionsFeature');
      const feature = createCollectionsFeature({
        log,
        credentials,
        session,
        results,
        prompts: listPrompts,
        workspaceState,
        trust,
        globalStorageUri: context.globalStorageUri,
        secretStorage: context.secrets,
        view: collectionsView,
        requests: () => api.requests(),
        historyRequests: async (entryIds) => historyRequests(await api.history(), entryIds),
      });
      built.add('collections');
      subscriptions.push(feature);
      return feature;
    }),
    signature: lazy(async () => {
      const { createSignatureFeature } = await import('./editor/signature/signatureFeature');
      const feature = createSignatureFeature({ extensionUri: context.extensionUri, log, credentials, session, results, version, policy: trust.policy, prompts: () => api.prompts });
      built.add('signature');
      subscriptions.push(feature);
      return feature;
    }),
    tools: lazy(async () => {
      const { createToolsFeature } = await import('./editor/tools/toolsFeature');
      const feature = createToolsFeature({ log, results, globalState, secrets: context.secrets, prompts: () => api.prompts });
      built.add('tools');
      subscriptions.push(feature);
      return feature;
    }),
    results: lazy(async () => {
      const { createResultsFeature } = await import('./editor/results/resultsFeature');
      const feature = createResultsFeature({ extensionUri: context.extensionUri, log, results });
      built.add('results');
      subscriptions.push(feature);
      return feature;
    }),
    loaded: () => [...built],
  };

  const historyProvider = new LazyTreeProvider(async () => (await api.history()).tree, [HISTORY_DRAG_MIME], []);
  const historyView = vscode.window.createTreeView(ViewId.History, { treeDataProvider: historyProvider, dragAndDropController: historyProvider, canSelectMany: true, showCollapseAll: true });
  const collectionsProvider = new LazyTreeProvider(async () => (await api.collections()).tree, [COLLECTIONS_DRAG_MIME], [COLLECTIONS_DRAG_MIME, HISTORY_DRAG_MIME]);
  const collectionsView = vscode.window.createTreeView(ViewId.Collections, {
    treeDataProvider: collectionsProvider,
    dragAndDropController: collectionsProvider,
    canSelectMany: true,
    showCollapseAll: true,
  });

  const refreshSession = () => session.refresh().catch((e) => log.error('session', 'could not read profiles', e));
  context.subscriptions.push(
    log,
    credentials,
    session,
    statusBar,
    results,
    trust,
    tree,
    apiView,
    historyProvider,
    historyView,
    collectionsProvider,
    collectionsView,
    { dispose: () => subscriptions.splice(0).forEach((d) => d.dispose()) },
    vscode.workspace.registerTextDocumentContentProvider(RESULT_SCHEME, results),
    vscode.window.registerWebviewPanelSerializer(REQUEST_PANEL_TYPE, { deserializeWebviewPanel: async (panel, state) => void (await api.requests()).panels.revive(panel, state) }),
    vscode.window.registerWebviewPanelSerializer(DEBUGGER_PANEL_TYPE, { deserializeWebviewPanel: async (panel, state) => (await api.signature()).revive(panel, state) }),
    ...registerCommands(log, {
      [CommandId.ShowLogs]: () => log.show(),
      [CommandId.OpenSettings]: () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:trtc-api-explorer.trtc-api-explorer'),
      [CommandId.TrustEndpoint]: (url?: unknown) => trust.trust(typeof url === 'string' ? url : undefined),
      [CommandId.ManageEndpoints]: () => trust.manage(),
      [CommandId.CopyRequestId]: async () => {
        const id = statusBar.lastRequestId;
        if (!id) {
          void vscode.window.showInformationMessage(vscode.l10n.t('No RequestId yet: send a call first.'));
          return;
        }
        await vscode.env.clipboard.writeText(id);
        void vscode.window.setStatusBarMessage(vscode.l10n.t('RequestId {0} copied', id), 3000);
      },
      ...catalogCommands({
        tree,
        apiView,
        openForm: async (action) => (await api.requests()).panels.show(action),
        dismissHint: async () => {
          await globalState.update(GlobalStateKey.HintDismissed, true);
          tree.refresh();
        },
      }),
      ...profiles,
    }),
    ...registerLazyCommands(log, Object.values(HistoryCommandId), async () => (await api.history()).handlers),
    ...registerLazyCommands(log, Object.values(CollectionCommandId), async () => (await api.collections()).handlers),
    ...registerLazyCommands(log, Object.values(SignatureCommandId), async () => (await api.signature()).handlers),
    ...registerLazyCommands(log, Object.values(ToolCommandId), async () => (await api.tools()).handlers),
    ...registerLazyCommands(log, Object.values(ResultCommandId), async () => (await api.results()).handlers),
    credentials.onDidChange(() => void refreshSession()),
    session.onDidChange((state) => {
      statusBar.setProfile(state.sandbox ? undefined : state.active?.name, state.region, { sandbox: state.sandbox, production: !!state.active?.production && !state.sandbox });
      tree.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsExplorer(e)) {
        api.requests.current?.controller.resetTransport();
        void refreshSession();
      }
    }),
  );
  // Reading SecretStorage is asynchronous; it runs after activation returns and a failure is only logged.
  setImmediate(() => void refreshSession());
  log.info('activate', `TRTC API Explorer ${version} ready`);
  return api;
}

/** The saved-request form of history entries, for entries dropped on the collections view. */
async function historyRequests(history: HistoryFeature, entryIds: string[]): Promise<RequestItem[]> {
  const { requestFromEntry } = await import('./core/collections/savedRequest');
  await history.recorder.ensureLoaded();
  return entryIds.map((id) => history.recorder.store.get(id)).flatMap((e) => (e ? [requestFromEntry(e)] : []));
}

export function deactivate(): void {}
