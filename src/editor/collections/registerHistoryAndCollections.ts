import * as vscode from 'vscode';
import { CollectionStore, defaultCollectionRoots } from '../../core/collections/collectionStore';
import { defaultEnvironmentRoots, EnvironmentStore } from '../../core/collections/environmentStore';
import type { StoreRoot, StoreScope } from '../../core/collections/jsonFileStore';
import { requestFromEntry } from '../../core/collections/savedRequest';
import { ViewId } from '../common/ids';
import { EnvironmentSecrets } from '../credentials/environmentSecrets';
import { HistoryRecorder } from '../history/historyRecorder';
import type { ResultDocuments } from '../common/resultDocuments';
import { CollectionsTreeProvider, type CollectionNode } from './collectionsTree';
import { HistoryTreeProvider, type HistoryNode } from '../history/historyTree';
import type { PanelServices } from '../requests/requestPanel';
import {
  defaultPrompts,
  registerCollectionCommands,
  saveEntries,
  selectedEnvironmentName,
  showSelectedEnvironment,
  type CollectionsContext,
  type Prompts,
} from './collectionCommands';
import { registerHistoryCommands } from '../history/historyCommands';

/** What the history and collections need from the composition root. */
export interface HistoryAndCollectionsServices extends PanelServices {
  context: vscode.ExtensionContext;
  results: ResultDocuments;
}

/** The pieces integration tests reach through the extension's API. */
export interface HistoryAndCollectionsApi {
  history: HistoryRecorder;
  historyTree: HistoryTreeProvider;
  historyView: vscode.TreeView<HistoryNode>;
  collectionsTree: CollectionsTreeProvider;
  collectionsView: vscode.TreeView<CollectionNode>;
  collections: () => CollectionStore;
  environments: () => EnvironmentStore;
  environmentSecrets: EnvironmentSecrets;
  /** The questions the commands ask; tests replace its methods to answer them. */
  prompts: Prompts;
  selectedEnvironment: () => string | undefined;
}

// File events come in bursts (a save writes a temporary file, then renames it); one refresh after
// they settle is enough.
const REFRESH_DELAY_MS = 200;

/**
 * Builds the request history and the saved collections: the recorder the request controller
 * reports every call to, both views with drag and drop between them, the SecretStorage of secret
 * variables, the file watchers, and every `trtcExplorer.history.*`, `trtcExplorer.collections.*` and
 * `trtcExplorer.environments.*` command. Nothing is read from disk until a view asks for it.
 */
export function registerHistoryAndCollections(s: HistoryAndCollectionsServices): { disposables: vscode.Disposable[]; api: HistoryAndCollectionsApi } {
  const { context, log } = s;
  const history = new HistoryRecorder(context.globalStorageUri, log);
  s.controller.setRecorder(history);
  const historyTree = new HistoryTreeProvider(history);
  const historyView = vscode.window.createTreeView(ViewId.History, {
    treeDataProvider: historyTree,
    dragAndDropController: historyTree,
    canSelectMany: true,
    showCollapseAll: true,
  });
  const secrets = new EnvironmentSecrets(context.secrets, (values) => log.registerSecrets(values));

  // The first folder of the window holds `.trtc/`; the stores are rebuilt when the folders change.
  const dirs = () => {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    return { ...(folder ? { workspaceFolder: folder.uri.fsPath } : {}), globalStorage: context.globalStorageUri.fsPath };
  };
  let roots: { collections: StoreRoot[]; environments: StoreRoot[] } | undefined;
  let stores: { collections: CollectionStore; environments: EnvironmentStore } | undefined;
  const currentRoots = () => (roots ??= { collections: defaultCollectionRoots(dirs()), environments: defaultEnvironmentRoots(dirs()) });
  const currentStores = () =>
    (stores ??= {
      collections: new CollectionStore({ roots: currentRoots().collections }),
      environments: new EnvironmentStore({ roots: currentRoots().environments }),
    });
  const scopes = (): StoreScope[] => currentRoots().collections.map((r) => r.scope);

  let ctx: CollectionsContext | undefined;
  const collectionsTree = new CollectionsTreeProvider({
    store: () => currentStores().collections,
    scopes,
    saveHistoryEntries: async (entryIds, target) => {
      await history.ensureLoaded();
      const entries = entryIds.map((id) => history.store.get(id)).filter((e) => e !== undefined);
      await saveEntries(ctx!, entries.map((e) => requestFromEntry(e)), target);
    },
    log,
  });
  const collectionsView = vscode.window.createTreeView(ViewId.Collections, {
    treeDataProvider: collectionsTree,
    dragAndDropController: collectionsTree,
    canSelectMany: true,
    showCollapseAll: true,
  });

  const prompts: Prompts = defaultPrompts();
  ctx = {
    ...s,
    history,
    historyTree,
    historyView,
    collectionsTree,
    collectionsView,
    collections: () => currentStores().collections,
    environments: () => currentStores().environments,
    collectionRoots: () => currentRoots().collections,
    environmentRoots: () => currentRoots().environments,
    scopes,
    secrets,
    workspaceState: context.workspaceState,
    prompts,
  };
  showSelectedEnvironment(ctx);

  let refreshTimer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => collectionsTree.refresh(), REFRESH_DELAY_MS);
  };
  const watch = (pattern: vscode.GlobPattern): vscode.Disposable[] => {
    const w = vscode.workspace.createFileSystemWatcher(pattern);
    return [w, w.onDidChange(refreshSoon), w.onDidCreate(refreshSoon), w.onDidDelete(refreshSoon)];
  };
  // The user folder may not exist yet; a watcher on a missing folder simply never fires, and every
  // command that writes there refreshes the view itself.
  const watchers = [
    ...watch('**/.trtc/{collections,environments}/*.json'),
    ...watch(new vscode.RelativePattern(context.globalStorageUri, '{collections,environments}/*.json')),
  ];

  const disposables: vscode.Disposable[] = [
    history,
    historyTree,
    historyView,
    secrets,
    collectionsTree,
    collectionsView,
    ...watchers,
    { dispose: () => clearTimeout(refreshTimer) },
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      roots = undefined;
      stores = undefined;
      collectionsTree.refresh();
    }),
    ...registerHistoryCommands(ctx),
    ...registerCollectionCommands(ctx),
  ];
  return {
    disposables,
    api: {
      history,
      historyTree,
      historyView,
      collectionsTree,
      collectionsView,
      collections: () => currentStores().collections,
      environments: () => currentStores().environments,
      environmentSecrets: secrets,
      prompts,
      selectedEnvironment: () => selectedEnvironmentName(ctx!),
    },
  };
}
