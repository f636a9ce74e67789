import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Collection, CollectionItem } from '../../core/collections/collectionFormat';
import type { CollectionRef, CollectionStore, ItemTarget } from '../../core/collections/collectionStore';
import type { Environment } from '../../core/collections/environmentFormat';
import type { EnvironmentStore } from '../../core/collections/environmentStore';
import type { FileRef, StoreRoot, StoreScope } from '../../core/collections/jsonFileStore';
import { InputError } from '../../core/errors';
import type { CallSpec } from '../../core/requests/types';
import { SANDBOX_PROFILE, WorkspaceStateKey } from '../common/ids';
import type { EndpointTrust } from '../common/endpointTrust';
import type { Log } from '../common/log';
import type { Prompts } from '../common/prompts';
import type { ResultDocuments } from '../common/resultDocuments';
import type { WorkspaceState } from '../common/state';
import type { CredentialStore } from '../credentials/credentialStore';
import type { ScopedSecrets } from '../credentials/environmentSecrets';
import type { ExplorerSession } from '../credentials/session';
import type { RequestsFeature } from '../requests/requestsFeature';
import type { CollectionItemNode, CollectionNode, CollectionsTreeProvider } from './collectionsTree';

/** Everything the collection and environment commands work with, built by `createCollectionsFeature`. */
export interface CollectionsContext {
  log: Log;
  credentials: CredentialStore;
  results: ResultDocuments;
  collectionsTree: CollectionsTreeProvider;
  collectionsView: vscode.TreeView<CollectionNode>;
  /** The collection store of the current folders. */
  collections: () => CollectionStore;
  environments: () => EnvironmentStore;
  /** Directories of the environment files, to open them in an editor. */
  environmentRoots: () => StoreRoot[];
  collectionRoots: () => StoreRoot[];
  scopes: () => StoreScope[];
  /** The secret values of the scope a file belongs to: the user's own, or this workspace folder's. */
  secretsFor: (ref: FileRef) => ScopedSecrets;
  /** The session: its region and the settings complete the calls a collection exports. */
  session: ExplorerSession;
  /** Per-workspace state: the selected environment. */
  workspaceState: WorkspaceState;
  prompts: Prompts;
  /** Which endpoints may be signed for; asked to trust the ones a run was refused for. */
  trust: EndpointTrust;
  /** The request forms and the controller, loaded on first use. */
  requests: () => Promise<Pick<RequestsFeature, 'controller' | 'panels'>>;
}

/** Arguments of `trtcExplorer.collections.saveRequest`: the form's call, and optionally where and under what name. */
export interface SaveRequestArgs {
  spec: CallSpec;
  profile?: string;
  target?: ItemTarget;
  name?: string;
}

/** Where a run starts: a collection, folder or request node, or the same by reference. */
export type RunArgs = CollectionItemNode | { ref: CollectionRef; folderId?: string; requestId?: string };

/** The name of the environment selected in this workspace, if any. */
export function selectedEnvironmentName(ctx: CollectionsContext): string | undefined {
  return ctx.workspaceState.get(WorkspaceStateKey.Environment) || undefined;
}

/** Selects an environment (or none) for this workspace and shows it in the collections view. */
export async function selectEnvironment(ctx: CollectionsContext, name: string | undefined): Promise<void> {
  await ctx.workspaceState.update(WorkspaceStateKey.Environment, name);
  showSelectedEnvironment(ctx);
}

/** Puts the selected environment's name in the collections view's title bar. */
export function showSelectedEnvironment(ctx: CollectionsContext): void {
  const name = selectedEnvironmentName(ctx);
  ctx.collectionsView.description = name ? vscode.l10n.t('Environment: {0}', name) : undefined;
}

/** The selected environment's file and content; a selection whose file is gone is an error that says what to do. */
export async function selectedEnvironment(ctx: CollectionsContext): Promise<{ ref: FileRef; environment: Environment } | undefined> {
  const name = selectedEnvironmentName(ctx);
  if (!name) {
    return undefined;
  }
  try {
    return await ctx.environments().findByName(name);
  } catch (e) {
    throw new InputError(vscode.l10n.t('The selected environment "{0}" cannot be used: {1} Select another one with "TRTC: Select Environment…".', name, (e as Error).message));
  }
}

/**
 * The selected environment for a call that signs or sends. In Restricted Mode an environment kept in
 * the workspace can be read and opened, but its values (endpoints, ids, secret references) are never
 * sent: the call stops with what to do instead.
 */
export async function environmentForSending(ctx: CollectionsContext): Promise<{ ref: FileRef; environment: Environment } | undefined> {
  const selected = await selectedEnvironment(ctx);
  if (selected && selected.ref.scope === 'workspace' && !vscode.workspace.isTrusted) {
    throw new InputError(
      vscode.l10n.t(
        'The environment "{0}" belongs to this workspace, which is in Restricted Mode: its values are not sent. Trust the workspace (Manage Workspace Trust), or select a user environment with "TRTC: Select Environment…".',
        selected.environment.name,
      ),
    );
  }
  return selected;
}

/** The profile calls should use now: the sandbox, the active profile, or undefined (the controller then asks for one). */
export async function currentProfileName(ctx: CollectionsContext): Promise<string | undefined> {
  return ctx.credentials.activeName() === SANDBOX_PROFILE ? SANDBOX_PROFILE : (await ctx.credentials.active())?.name;
}

export function scopeLabel(scope: StoreScope): string {
  return scope === 'workspace' ? vscode.l10n.t('Workspace (shared through git)') : vscode.l10n.t('User (only on this machine)');
}

/** Asks which scope a new file goes to, when there is a choice. */
export async function pickScope(ctx: CollectionsContext, what: string): Promise<StoreScope | undefined> {
  const scopes = ctx.scopes();
  if (scopes.length === 1) {
    return scopes[0];
  }
  const pick = await ctx.prompts.pick(
    scopes.map((scope) => ({ label: scopeLabel(scope), scope })),
    { title: vscode.l10n.t('Where should the {0} be kept?', what) },
  );
  return pick?.scope;
}

export function validName(v: string): string | undefined {
  return v.trim() === '' ? vscode.l10n.t('Enter a name') : v.trim().length > 200 ? vscode.l10n.t('At most 200 characters') : undefined;
}

/** Asks for a new collection's name and scope and creates its file. */
export async function newCollection(ctx: CollectionsContext, name?: string, scope?: StoreScope): Promise<CollectionRef | undefined> {
  const chosen =
    name ??
    (await ctx.prompts.input({ title: vscode.l10n.t('New Collection'), prompt: vscode.l10n.t('A name for the collection, such as "Rooms"'), validateInput: validName }));
  if (!chosen) {
    return undefined;
  }
  const where = scope ?? (await pickScope(ctx, vscode.l10n.t('collection')));
  if (!where) {
    return undefined;
  }
  const ref = await ctx.collections().create(where, chosen.trim());
  ctx.collectionsTree.refresh();
  return ref;
}

/** Asks for a collection (or a new one) and a folder in it. */
export async function pickTarget(ctx: CollectionsContext, title: string): Promise<ItemTarget | undefined> {
  const { valid } = await ctx.collections().list();
  type Item = vscode.QuickPickItem & { ref?: CollectionRef; collection?: Collection };
  const items: Item[] = [
    ...valid.map((d): Item => ({ label: `$(library) ${d.document.name}`, description: d.label, ref: d.ref, collection: d.document })),
    { label: `$(add) ${vscode.l10n.t('New Collection…')}` },
  ];
  const pick = await ctx.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Collection to save to') });
  if (!pick) {
    return undefined;
  }
  if (!pick.ref || !pick.collection) {
    const ref = await newCollection(ctx);
    return ref ? { ref } : undefined;
  }
  const folders = folderPaths(pick.collection.items);
  if (folders.length === 0) {
    return { ref: pick.ref };
  }
  const folder = await ctx.prompts.pick(
    [{ label: vscode.l10n.t('(top level)'), id: undefined as string | undefined }, ...folders.map((f) => ({ label: `$(folder) ${f.path}`, id: f.id as string | undefined }))],
    { title, placeHolder: vscode.l10n.t('Folder in "{0}"', pick.collection.name) },
  );
  if (!folder) {
    return undefined;
  }
  return folder.id ? { ref: pick.ref, folderId: folder.id } : { ref: pick.ref };
}

/** Every folder of a tree with its path of names, depth first. */
export function folderPaths(items: CollectionItem[], prefix = ''): Array<{ id: string; path: string }> {
  return items.flatMap((item) => {
    if (item.type !== 'folder') {
      return [];
    }
    const here = prefix ? `${prefix} / ${item.name}` : item.name;
    return [{ id: item.id, path: here }, ...folderPaths(item.items, here)];
  });
}

/** Asks for a collection; undefined when dismissed. */
export async function pickCollection(ctx: CollectionsContext, title: string): Promise<CollectionRef | undefined> {
  const { valid } = await ctx.collections().list();
  if (valid.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no collections yet: save a request from the form or the history first.'));
    return undefined;
  }
  const pick = await ctx.prompts.pick(
    valid.map((d) => ({ label: `$(library) ${d.document.name}`, description: d.label, ref: d.ref })),
    { title },
  );
  return pick?.ref;
}

export function fileUri(ctx: CollectionsContext, ref: FileRef, kind: 'collection' | 'environment'): vscode.Uri {
  const roots = kind === 'collection' ? ctx.collectionRoots() : ctx.environmentRoots();
  const root = roots.find((r) => r.scope === ref.scope);
  if (!root) {
    throw new InputError(vscode.l10n.t('This file belongs to a folder that is not open; open the folder that holds .trtc first.'));
  }
  return vscode.Uri.file(path.join(root.dir, ref.file));
}
