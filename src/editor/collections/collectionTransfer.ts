import * as vscode from 'vscode';
import { toCurl } from '../../core/codegen/toCurl';
import { catalogCoercion } from '../../core/collections/catalogCoercion';
import type { Collection, RequestItem } from '../../core/collections/collectionFormat';
import type { CollectionRef, ItemTarget } from '../../core/collections/collectionStore';
import { listRequests, requireItem } from '../../core/collections/collectionTree';
import { fromCurl } from '../../core/collections/curlImport';
import { fileNameFor, type StoreScope } from '../../core/collections/jsonFileStore';
import { fromPostman, toPostman } from '../../core/collections/postman';
import { renameVariableReferences } from '../../core/collections/savedRequest';
import { uniqueSecretNames } from '../../core/collections/secretPlan';
import { resolveRequest } from '../../core/collections/variables';
import { InputError } from '../../core/errors';
import { stringifyJson } from '../../core/json';
import { completeSpec } from '../../core/requests/completeSpec';
import { prepareCall } from '../../core/requests/callExecutor';
import { SANDBOX_PROFILE } from '../common/ids';
import { credentialsOf } from '../credentials/credentialStore';
import { currentProfileName, pickScope, pickTarget, environmentForSending, selectedEnvironment, type CollectionsContext } from './collectionsContext';
import type { CollectionItemNode } from './collectionsTree';
import { pickEnvironmentForSecrets } from './environmentCommands';
import { saveRequests, storeSecrets } from './saveRequests';

/** The collection, folder or request of a node, as something `toPostman` can export. */
export async function exportSource(ctx: CollectionsContext, node: CollectionItemNode): Promise<Collection | RequestItem> {
  if (node.kind === 'collection') {
    return ctx.collections().load(node.ref);
  }
  const collection = await ctx.collections().load(node.ref);
  const found = requireItem(collection, node.kind === 'folder' ? node.folder.id : node.request.id);
  if (found.item.type === 'request') {
    return found.item;
  }
  return { version: 1, name: found.item.name, ...(found.item.description ? { description: found.item.description } : {}), items: found.item.items };
}

export async function exportPostman(ctx: CollectionsContext, node: CollectionItemNode, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source = await exportSource(ctx, node);
  const environment = (await selectedEnvironment(ctx).catch(() => undefined))?.environment;
  // A custom endpoint is exported only when it is trusted: the exported script would sign for it.
  const text = stringifyJson(toPostman(source, environment, { isTrusted: ctx.trust.policy.isTrusted }), 2) + '\n';
  const target =
    uri ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export as Postman Collection v2.1'),
      defaultUri: defaultSaveUri(`${fileNameFor(source.name).replace(/\.json$/, '')}.postman_collection.json`),
      filters: { [vscode.l10n.t('Postman collection')]: ['json'] },
    }));
  if (!target) {
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Exported "{0}" to {1}. In Postman, set the collection variables secretId and secretKey; requests are signed when they are sent.', source.name, target.fsPath),
  );
  return target;
}

export function defaultSaveUri(fileName: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, fileName) : undefined;
}

/**
 * Signs every request of a node with the active profile and the current time and opens the curl
 * commands in an editor. Each command states when its signature expires; sensitive values and the
 * session token are read from environment variables instead of being written out.
 */
export async function exportCurl(ctx: CollectionsContext, node: CollectionItemNode): Promise<string | undefined> {
  if (node.ref.scope === 'workspace' && !vscode.workspace.isTrusted) {
    throw new InputError(vscode.l10n.t('This workspace is in Restricted Mode: its collections can be read and opened, but nothing of them is signed or sent. Trust the workspace to export them as signed curl commands.'));
  }
  const source = await exportSource(ctx, node);
  const requests = 'type' in source && source.type === 'request' ? [{ request: source, path: [] as string[] }] : listRequests((source as Collection).items);
  const profileName = await currentProfileName(ctx);
  if (profileName === SANDBOX_PROFILE) {
    throw new InputError(vscode.l10n.t('curl commands carry a real signature: switch from the sandbox to a profile first.'));
  }
  const resolved = await (await ctx.requests()).controller.resolveProfile(profileName);
  if (resolved.sandbox) {
    throw new InputError(vscode.l10n.t('curl commands carry a real signature: switch from the sandbox to a profile first.'));
  }
  const selected = await environmentForSending(ctx);
  const environment = selected?.environment;
  const timestamp = Math.floor(Date.now() / 1000);
  const blocks: string[] = ['#!/bin/sh', `# ${vscode.l10n.t('{0}: signed with profile "{1}"', source.name, resolved.profile.name)}`];
  for (const { request, path: folders } of requests) {
    const title = [...folders, request.name].join(' / ');
    try {
      const resolvedSpec = await resolveRequest(request, { ...(environment && selected ? { environment, secrets: ctx.secretsFor(selected.ref) } : {}) });
      const spec = completeSpec(resolvedSpec, ctx.session.specDefaults(resolved.profile));
      const { endpoint, signed } = prepareCall(spec, { credentials: credentialsOf(resolved.profile), timestamp, policy: ctx.trust.policy });
      blocks.push('', `# ${title}`, toCurl(signed, endpoint.origin).text.trimEnd());
    } catch (e) {
      blocks.push('', `# ${title}: ${vscode.l10n.t('not exported: {0}', (e as Error).message.replace(/\n/g, ' '))}`);
    }
  }
  const text = blocks.join('\n') + '\n';
  const doc = await vscode.workspace.openTextDocument({ language: 'shellscript', content: text });
  await vscode.window.showTextDocument(doc, { preview: false });
  return text;
}

/** Where imported text comes from: the clipboard or a file. */
export async function importText(ctx: CollectionsContext, title: string, filters: Record<string, string[]>): Promise<string | undefined> {
  const clipboard = { label: `$(clippy) ${vscode.l10n.t('Paste from the Clipboard')}` };
  const file = { label: `$(file) ${vscode.l10n.t('From a File…')}` };
  const how = await ctx.prompts.pick([file, clipboard], { title });
  if (how === clipboard) {
    return vscode.env.clipboard.readText();
  }
  if (how === file) {
    const picked = await vscode.window.showOpenDialog({ title, canSelectMany: false, filters });
    if (picked?.[0]) {
      return Buffer.from(await vscode.workspace.fs.readFile(picked[0])).toString('utf8');
    }
  }
  return undefined;
}

/** What an import found, shown on request. */
export async function offerImportDetails(ctx: CollectionsContext, message: string, details: string[]): Promise<void> {
  const show = vscode.l10n.t('Show Details');
  const choice = await vscode.window.showInformationMessage(message, ...(details.length > 0 ? [show] : []));
  if (choice === show) {
    await ctx.results.open(vscode.l10n.t('Import details'), details.join('\n') + '\n', 'plaintext');
  }
}

/** The outcome of an import, for tests and callers. */
export interface ImportOutcome {
  ref: CollectionRef;
  imported: number;
  skipped: number;
}

export async function importPostman(ctx: CollectionsContext, args: { text?: string; uri?: vscode.Uri; scope?: StoreScope } = {}): Promise<ImportOutcome | undefined> {
  const text = args.text ?? (args.uri ? Buffer.from(await vscode.workspace.fs.readFile(args.uri)).toString('utf8') : await importText(ctx, vscode.l10n.t('Import a Postman Collection (v2.1)'), { JSON: ['json'] }));
  if (text === undefined) {
    return undefined;
  }
  const result = fromPostman(text, { coerce: catalogCoercion });
  const scope = args.scope ?? (await pickScope(ctx, vscode.l10n.t('collection')));
  if (!scope) {
    return undefined;
  }
  const store = ctx.collections();
  const ref = await store.create(scope, result.collection.name, result.collection.items);
  if (result.collection.description) {
    await store.save(ref, { ...(await store.load(ref)), description: result.collection.description });
  }
  const details: string[] = [];
  let environmentName: string | undefined;
  if (result.environment || result.secrets.length > 0) {
    const envs = ctx.environments();
    const wanted = result.environment?.name ?? result.collection.name;
    const existing = await envs.findByName(wanted).catch(() => undefined);
    if (existing) {
      details.push(vscode.l10n.t('Environment "{0}" already exists and was left as it is; add the imported variables to it by hand if needed.', wanted));
    } else {
      const envRef = await envs.create(scope, wanted);
      await envs.update(envRef, (e) => {
        Object.assign(e.variables, result.environment?.variables ?? {});
      });
      environmentName = wanted;
      await storeSecrets(ctx, { ref: envRef, environment: await envs.load(envRef) }, result.secrets);
      details.push(vscode.l10n.t('Created environment "{0}" with the collection\'s variables.', wanted));
    }
  }
  for (const s of result.skipped) {
    details.push(vscode.l10n.t('Skipped {0}: {1}', [...s.path, s.name].join(' / '), s.reason));
  }
  for (const d of result.dropped) {
    details.push(vscode.l10n.t('Left out (credentials are never imported): {0}', d));
  }
  details.push(...result.warnings);
  ctx.collectionsTree.refresh();
  const imported = listRequests(result.collection.items).length;
  void offerImportDetails(
    ctx,
    vscode.l10n.t('Imported {0} requests into "{1}" ({2} skipped).', imported, store.labelOf(ref), result.skipped.length) +
      (environmentName ? ' ' + vscode.l10n.t('Select environment "{0}" to run them.', environmentName) : '') +
      untrustedNote(result.untrustedEndpoints),
    details,
  );
  return { ref, imported, skipped: result.skipped.length };
}

export async function importCurl(ctx: CollectionsContext, args: { text?: string; target?: ItemTarget } = {}): Promise<ImportOutcome | undefined> {
  const text = args.text ?? (await importText(ctx, vscode.l10n.t('Import curl Commands'), { [vscode.l10n.t('Shell scripts and text')]: ['sh', 'txt', 'bash', 'zsh'] }));
  if (text === undefined) {
    return undefined;
  }
  const result = fromCurl(text, { coerce: catalogCoercion });
  const reasons = result.commands.filter((c) => c.skipReason).map((c) => vscode.l10n.t('command {0}: {1}', c.index, c.skipReason!));
  if (result.requests.length === 0) {
    throw new InputError(vscode.l10n.t('No TRTC request was found in the curl text. {0}', reasons.join('; ')));
  }
  const target = args.target ?? (await pickTarget(ctx, vscode.l10n.t('Import {0} curl Requests', result.requests.length)));
  if (!target) {
    return undefined;
  }
  let requests = result.requests;
  if (result.secrets.length > 0) {
    const env = await pickEnvironmentForSecrets(ctx);
    if (!env) {
      return undefined;
    }
    // Names the import chose may already be used in the environment for other values: rename those.
    const stored = new Map<string, string>();
    for (const name of Object.keys(env.environment.variables)) {
      const value = await ctx.secretsFor(env.ref).get(env.environment.name, name);
      if (value !== undefined) {
        stored.set(name, value);
      }
    }
    const { secrets, renames } = uniqueSecretNames(result.secrets, env.environment.variables, stored);
    requests = requests.map((r) => renameVariableReferences(r, renames));
    const ok = vscode.l10n.t('Move to Secret Storage');
    const agreed = await ctx.prompts.confirm(
      vscode.l10n.t('The curl commands hold {0} credential value(s). Collections never store credentials: move them to secret variables of environment "{1}"?', secrets.length, env.environment.name),
      secrets.map((s) => `${s.path} → {{${s.name}}}`).join('\n'),
      ok,
    );
    if (!agreed) {
      return undefined;
    }
    await storeSecrets(ctx, env, secrets);
  }
  const saved = await saveRequests(ctx, requests, { target });
  if (!saved) {
    return undefined;
  }
  const details = [
    ...reasons,
    ...result.commands.flatMap((c) => [...c.dropped.map((d) => vscode.l10n.t('command {0}: left out {1}', c.index, d)), ...c.warnings.map((w) => vscode.l10n.t('command {0}: {1}', c.index, w))]),
  ];
  void offerImportDetails(ctx, vscode.l10n.t('Imported {0} requests from curl ({1} skipped).', saved.saved.length, reasons.length) + untrustedNote(result.untrustedEndpoints), details);
  return { ref: target.ref, imported: saved.saved.length, skipped: reasons.length };
}

/** The part of an import's summary that says which endpoints it named are not trusted: importing trusts nothing. */
function untrustedNote(origins: readonly string[]): string {
  const distinct = [...new Set(origins)];
  return distinct.length
    ? ' ' + vscode.l10n.t('Not trusted, so nothing will be sent there until you trust it: {0}.', distinct.join(', '))
    : '';
}
