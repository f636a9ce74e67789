import * as vscode from 'vscode';
import type { ItemTarget } from '../../core/collections/collectionStore';
import { containsId } from '../../core/collections/collectionTree';
import { resolveForForm } from '../../core/collections/savedRequest';
import { stringifyJson } from '../../core/json';
import { folderPaths, selectedEnvironment, validName, type CollectionsContext } from './collectionsContext';
import type { CollectionItemNode, CollectionNode } from './collectionsTree';

/** Opens a saved request in the request form, with the environment's plain values filled in. */
export async function openRequest(ctx: CollectionsContext, node: Extract<CollectionNode, { kind: 'request' }>): Promise<unknown> {
  const environment = (await selectedEnvironment(ctx).catch(() => undefined))?.environment;
  const { spec, unresolved } = await resolveForForm(node.request, environment);
  const panel = (await ctx.requests()).panels.show(spec.action, {
    paramsText: stringifyJson(spec.params, 2),
    options: {
      ...(spec.region && !spec.region.includes('{{') ? { region: spec.region } : {}),
      ...(spec.signMethod ? { signMethod: spec.signMethod } : {}),
      ...(spec.httpMethod ? { httpMethod: spec.httpMethod } : {}),
    },
  });
  if (unresolved.length > 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} are left as variables in the form (secret, or without a value in the selected environment): fill them in before sending, or run the request from the collection.', unresolved.map((n) => `{{${n}}}`).join(', ')),
    );
  }
  return panel;
}

export async function rename(ctx: CollectionsContext, node: CollectionItemNode, newName?: string): Promise<void> {
  const current = node.kind === 'collection' ? node.collection.name : node.kind === 'folder' ? node.folder.name : node.request.name;
  const name = newName ?? (await ctx.prompts.input({ title: vscode.l10n.t('Rename "{0}"', current), value: current, validateInput: validName }));
  if (!name || name.trim() === current) {
    return;
  }
  const store = ctx.collections();
  if (node.kind === 'collection') {
    await store.renameCollection(node.ref, name.trim());
  } else {
    await store.renameItem(node.ref, node.kind === 'folder' ? node.folder.id : node.request.id, name.trim());
  }
  ctx.collectionsTree.refresh();
}

export async function remove(ctx: CollectionsContext, node: CollectionItemNode): Promise<void> {
  const store = ctx.collections();
  const del = vscode.l10n.t('Delete');
  if (node.kind === 'collection') {
    const ok = await ctx.prompts.confirm(
      vscode.l10n.t('Delete collection "{0}"?', node.collection.name),
      vscode.l10n.t('The file {0} is deleted with every request in it.', node.label),
      del,
    );
    if (ok) {
      await store.deleteCollection(node.ref);
    }
  } else {
    const name = node.kind === 'folder' ? node.folder.name : node.request.name;
    const ok = await ctx.prompts.confirm(
      node.kind === 'folder' ? vscode.l10n.t('Delete folder "{0}" and everything in it?', name) : vscode.l10n.t('Delete request "{0}"?', name),
      vscode.l10n.t('It is removed from {0}.', store.labelOf(node.ref)),
      del,
    );
    if (ok) {
      await store.deleteItem(node.ref, node.kind === 'folder' ? node.folder.id : node.request.id);
    }
  }
  ctx.collectionsTree.refresh();
}

/** Moves a folder or request to a collection or folder picked from a list (the keyboard's drag and drop). */
export async function move(ctx: CollectionsContext, node: Extract<CollectionNode, { kind: 'folder' | 'request' }>): Promise<void> {
  const itemId = node.kind === 'folder' ? node.folder.id : node.request.id;
  const { valid } = await ctx.collections().list();
  const moving = node.kind === 'folder' ? node.folder : node.request;
  const items = valid.flatMap((d) => [
    { label: `$(library) ${d.document.name}`, description: d.label, target: { ref: d.ref } as ItemTarget },
    ...folderPaths(d.document.items)
      .filter((f) => !(d.ref.scope === node.ref.scope && d.ref.file === node.ref.file && (f.id === itemId || containsId(moving, f.id))))
      .map((f) => ({ label: `$(folder) ${d.document.name} / ${f.path}`, description: d.label, target: { ref: d.ref, folderId: f.id } as ItemTarget })),
  ]);
  const pick = await ctx.prompts.pick(items, { title: vscode.l10n.t('Move "{0}" to…', moving.name) });
  if (pick) {
    await ctx.collections().moveItem(node.ref, itemId, pick.target);
    ctx.collectionsTree.refresh();
  }
}
