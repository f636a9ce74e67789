import * as vscode from 'vscode';
import { CollectionStore, defaultCollectionRoots } from '../../core/collections/collectionStore';
import type { RequestItem } from '../../core/collections/collectionFormat';
import { defaultEnvironmentRoots, EnvironmentStore } from '../../core/collections/environmentStore';
import type { FileRef, StoreRoot, StoreScope } from '../../core/collections/jsonFileStore';
import type { CommandHandler } from '../common/commands';
import type { CollectionCommandId } from '../common/ids';
import { EnvironmentSecrets, type ScopedSecrets } from '../credentials/environmentSecrets';
import { collectionCommands } from './collectionCommands';
import { selectedEnvironmentName, showSelectedEnvironment, type CollectionsContext } from './collectionsContext';
import { CollectionsTreeProvider, type CollectionNode } from './collectionsTree';
import { quickSaveRequest, saveEntries, saveRequests, type QuickSaved } from './saveRequests';

/** What the collections feature is built from; the view is created at activation with a stand-in provider. */
export interface CollectionsDeps
  extends Omit<CollectionsContext, 'collectionsTree' | 'collectionsView' | 'collections' | 'environments' | 'environmentRoots' | 'collectionRoots' | 'scopes' | 'secretsFor'> {
  globalStorageUri: vscode.Uri;
  secretStorage: vscode.SecretStorage;
  view: vscode.TreeView<unknown>;
  /** The recorded calls of history entries, for entries dropped on the view. */
  historyRequests: (entryIds: string[]) => Promise<RequestItem[]>;
}

/** The saved collections and environments: stores, view provider, command handlers and the save flow others use. */
export interface CollectionsFeature extends vscode.Disposable {
  tree: CollectionsTreeProvider;
  view: vscode.TreeView<CollectionNode>;
  collections: () => CollectionStore;
  environments: () => EnvironmentStore;
  environmentSecrets: EnvironmentSecrets;
  /** The secret values of the scope a file belongs to. */
  secretsFor: (ref: FileRef) => ScopedSecrets;
  handlers: Record<CollectionCommandId, CommandHandler>;
  /** Saves requests into a collection, asking where; undefined when the user stopped. */
  saveRequests: (requests: RequestItem[], options: { askName: boolean }) => Promise<unknown>;
  /** The form's Save: into the collection used last (asking only the first time); where it went, or undefined. */
  quickSave: (request: RequestItem) => Promise<QuickSaved | undefined>;
  /** The environment selected in this workspace. */
  selectedEnvironment: () => string | undefined;
}

// File events come in bursts (a save writes a temporary file, then renames it); one refresh after
// they settle is enough.
const REFRESH_DELAY_MS = 200;

/**
 * Builds the saved collections: the stores of the workspace's `.trtc/` and of the user's storage,
 * the view with drag and drop (history entries dropped on it are saved as requests), the
 * SecretStorage of secret variables, and the file watchers. Nothing is read until the view or a
 * command asks.
 */
export function createCollectionsFeature(deps: CollectionsDeps): CollectionsFeature {
  const secrets = new EnvironmentSecrets(deps.secretStorage, (values) => deps.log.registerSecrets(values));
  // The first folder of the window holds `.trtc/`; the stores are rebuilt when the folders change.
  const dirs = () => {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    return { ...(folder ? { workspaceFolder: folder.uri.fsPath } : {}), globalStorage: deps.globalStorageUri.fsPath };
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
  const tree = new CollectionsTreeProvider({
    store: () => currentStores().collections,
    scopes,
    saveHistoryEntries: async (entryIds, target) => saveEntries(ctx!, await deps.historyRequests(entryIds), target),
    log: deps.log,
  });
  const view = deps.view as vscode.TreeView<CollectionNode>;
  ctx = {
    ...deps,
    collectionsTree: tree,
    collectionsView: view,
    collections: () => currentStores().collections,
    environments: () => currentStores().environments,
    collectionRoots: () => currentRoots().collections,
    environmentRoots: () => currentRoots().environments,
    scopes,
    secretsFor: (ref) => secrets.forScope(ref.scope === 'user' ? { kind: 'user' } : { kind: 'workspace', folder: dirs().workspaceFolder ?? '' }),
  };
  showSelectedEnvironment(ctx);

  let refreshTimer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => tree.refresh(), REFRESH_DELAY_MS);
  };
  const watch = (pattern: vscode.GlobPattern): vscode.Disposable[] => {
    const w = vscode.workspace.createFileSystemWatcher(pattern);
    return [w, w.onDidChange(refreshSoon), w.onDidCreate(refreshSoon), w.onDidDelete(refreshSoon)];
  };
  // The user folder may not exist yet; a watcher on a missing folder simply never fires, and every
  // command that writes there refreshes the view itself.
  const disposables: vscode.Disposable[] = [
    secrets,
    tree,
    ...watch('**/.trtc/{collections,environments}/*.json'),
    ...watch(new vscode.RelativePattern(deps.globalStorageUri, '{collections,environments}/*.json')),
    { dispose: () => clearTimeout(refreshTimer) },
    // Trusting the workspace makes its collections runnable: the tree shows the change at once.
    vscode.workspace.onDidGrantWorkspaceTrust(() => tree.refresh()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      roots = undefined;
      stores = undefined;
      tree.refresh();
    }),
  ];
  const context = ctx;
  return {
    tree,
    view,
    collections: () => currentStores().collections,
    environments: () => currentStores().environments,
    environmentSecrets: secrets,
    secretsFor: context.secretsFor,
    handlers: collectionCommands(context),
    saveRequests: (requests, options) => saveRequests(context, requests, options),
    quickSave: (request) => quickSaveRequest(context, request),
    selectedEnvironment: () => selectedEnvironmentName(context),
    dispose: () => {
      for (const d of disposables.splice(0)) {
        d.dispose();
      }
    },
  };
}
