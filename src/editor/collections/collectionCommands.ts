import * as vscode from 'vscode';
import { createFolder } from '../../core/collections/collectionFormat';
import type { ItemTarget } from '../../core/collections/collectionStore';
import type { FileRef, StoreScope } from '../../core/collections/jsonFileStore';
import { requestFromSpec } from '../../core/collections/savedRequest';
import { InputError } from '../../core/errors';
import type { CommandHandler } from '../common/commands';
import { CollectionCommandId } from '../common/ids';
import { move, openRequest, remove, rename } from './collectionEditing';
import { openRunResult, run } from './collectionRun';
import { fileUri, newCollection, pickCollection, selectEnvironment, selectedEnvironmentName, validName, type CollectionsContext, type RunArgs, type SaveRequestArgs } from './collectionsContext';
import type { CollectionItemNode, CollectionNode, RunRecord, RunResultArgs } from './collectionsTree';
import { exportCurl, exportPostman, importCurl, importPostman } from './collectionTransfer';
import { clearSecret, createEnvironment, pickEnvironmentName, setSecret } from './environmentCommands';
import { saveRequests } from './saveRequests';

/** The handlers of the collections view's and the environments' commands. */
export function collectionCommands(ctx: CollectionsContext): Record<CollectionCommandId, CommandHandler> {
  const asItem = (node: unknown): CollectionItemNode => {
    const n = node as CollectionNode | undefined;
    if (!n || (n.kind !== 'collection' && n.kind !== 'folder' && n.kind !== 'request')) {
      throw new InputError(vscode.l10n.t('Run this command from a collection, folder or request in the Collections view.'));
    }
    return n;
  };
  return {
    [CollectionCommandId.Refresh]: () => ctx.collectionsTree.refresh(),
    [CollectionCommandId.SaveRequest]: async (args?: SaveRequestArgs) => {
      if (!args?.spec) {
        throw new InputError(vscode.l10n.t('Open an action\'s form and use its "Save to Collection" button.'));
      }
      return saveRequests(ctx, [requestFromSpec(args.spec, args.name)], { ...(args.target ? { target: args.target } : {}), askName: args.name === undefined });
    },
    [CollectionCommandId.NewCollection]: (name?: string, scope?: StoreScope) => newCollection(ctx, typeof name === 'string' ? name : undefined, scope),
    [CollectionCommandId.NewFolder]: async (node?: CollectionNode, name?: string) => {
      const parent = asItem(node);
      if (parent.kind === 'request') {
        throw new InputError(vscode.l10n.t('Folders go in a collection or another folder.'));
      }
      const chosen = typeof name === 'string' ? name : await ctx.prompts.input({ title: vscode.l10n.t('New Folder'), validateInput: validName });
      if (!chosen) {
        return undefined;
      }
      const folder = await ctx.collections().addItem({ ref: parent.ref, ...(parent.kind === 'folder' ? { folderId: parent.folder.id } : {}) }, createFolder(chosen.trim()));
      ctx.collectionsTree.refresh();
      return folder;
    },
    [CollectionCommandId.Rename]: (node?: CollectionNode, name?: string) => rename(ctx, asItem(node), typeof name === 'string' ? name : undefined),
    [CollectionCommandId.Duplicate]: async (node?: CollectionNode) => {
      const item = asItem(node);
      const store = ctx.collections();
      if (item.kind === 'collection') {
        await store.duplicateCollection(item.ref);
      } else {
        await store.duplicateItem(item.ref, item.kind === 'folder' ? item.folder.id : item.request.id);
      }
      ctx.collectionsTree.refresh();
    },
    [CollectionCommandId.Move]: (node?: CollectionNode) => {
      const item = asItem(node);
      if (item.kind === 'collection') {
        throw new InputError(vscode.l10n.t('A collection is a file: move folders and requests instead.'));
      }
      return move(ctx, item);
    },
    [CollectionCommandId.Delete]: (node?: CollectionNode) => remove(ctx, asItem(node)),
    [CollectionCommandId.OpenRequest]: (node?: CollectionNode) => {
      const item = asItem(node);
      if (item.kind !== 'request') {
        throw new InputError(vscode.l10n.t('Only a request can be opened in the form.'));
      }
      return openRequest(ctx, item);
    },
    [CollectionCommandId.OpenFile]: async (node?: { ref: FileRef }) => {
      if (!node?.ref) {
        const ref = await pickCollection(ctx, vscode.l10n.t('Collection file to open'));
        if (!ref) {
          return;
        }
        node = { ref };
      }
      await vscode.window.showTextDocument(fileUri(ctx, node.ref, 'collection'), { preview: false });
    },
    [CollectionCommandId.Run]: (node?: RunArgs) => run(ctx, node),
    [CollectionCommandId.OpenRunResult]: (args?: RunResultArgs) => (args?.result ? openRunResult(ctx, args) : undefined),
    [CollectionCommandId.ShowRunReport]: (args?: { run?: RunRecord }) => {
      const record = args?.run ?? ctx.collectionsTree.run;
      return record ? ctx.results.open(vscode.l10n.t('Run {0}', record.title), record.report, 'plaintext') : undefined;
    },
    [CollectionCommandId.DismissRun]: () => ctx.collectionsTree.showRun(undefined),
    [CollectionCommandId.ExportPostman]: (node?: CollectionNode, uri?: unknown) => exportPostman(ctx, asItem(node), uri instanceof vscode.Uri ? uri : undefined),
    [CollectionCommandId.ExportCurl]: (node?: CollectionNode) => exportCurl(ctx, asItem(node)),
    [CollectionCommandId.ImportPostman]: (args?: { text?: string; uri?: vscode.Uri; scope?: StoreScope }) => importPostman(ctx, args ?? {}),
    [CollectionCommandId.ImportCurl]: (args?: { text?: string; target?: ItemTarget }) => importCurl(ctx, args ?? {}),
    [CollectionCommandId.SelectEnvironment]: async (args?: { name?: string | null }) => {
      const name = args && 'name' in args ? (args.name ?? '') : await pickEnvironmentName(ctx, vscode.l10n.t('Environment for {{variables}} in this workspace'), true);
      if (name === undefined) {
        return undefined;
      }
      if (name !== '') {
        await ctx.environments().findByName(name);
      }
      await selectEnvironment(ctx, name || undefined);
      return name || undefined;
    },
    [CollectionCommandId.NewEnvironment]: async (name?: string, scope?: StoreScope) => {
      const created = await createEnvironment(ctx, typeof name === 'string' ? name : undefined, scope);
      if (created) {
        await selectEnvironment(ctx, created);
      }
      return created;
    },
    [CollectionCommandId.OpenEnvironment]: async (args?: { name?: string }) => {
      const name = args?.name ?? selectedEnvironmentName(ctx) ?? (await pickEnvironmentName(ctx, vscode.l10n.t('Environment to edit'), false));
      if (!name) {
        return;
      }
      const { ref } = await ctx.environments().findByName(name);
      await vscode.window.showTextDocument(fileUri(ctx, ref, 'environment'), { preview: false });
    },
    [CollectionCommandId.SetSecret]: (args?: { environment?: string; variable?: string }) => setSecret(ctx, args ?? {}),
    [CollectionCommandId.ClearSecret]: (args?: { environment?: string; variable?: string }) => clearSecret(ctx, args ?? {}),
  };;
}
