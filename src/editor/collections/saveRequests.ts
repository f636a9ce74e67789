import * as vscode from 'vscode';
import type { RequestItem } from '../../core/collections/collectionFormat';
import type { ItemTarget } from '../../core/collections/collectionStore';
import type { Environment } from '../../core/collections/environmentFormat';
import type { FileRef } from '../../core/collections/jsonFileStore';
import { countLiteralSecrets, planSecretMoves, type ExtractedSecret } from '../../core/collections/secretPlan';
import { CancelledError } from '../../core/errors';
import { WorkspaceStateKey } from '../common/ids';
import { folderPaths, pickTarget, selectedEnvironment, validName, type CollectionsContext } from './collectionsContext';
import { pickEnvironmentForSecrets } from './environmentCommands';

/**
 * Replaces the sensitive literals of requests with secret variables: the values go to SecretStorage
 * under the chosen environment and the variables are declared there as secret, after the user
 * agrees. `<redacted>` placeholders (from history) become variables without a value. Returns the
 * requests to save, or undefined when the user declined.
 */
async function moveSecretsOut(ctx: CollectionsContext, requests: RequestItem[]): Promise<RequestItem[] | undefined> {
  const literals = countLiteralSecrets(requests);
  if (literals.count === 0) {
    return requests;
  }
  const hasValues = literals.values > 0;
  const env = hasValues ? await pickEnvironmentForSecrets(ctx) : await selectedEnvironment(ctx).catch(() => undefined);
  if (hasValues && !env) {
    return undefined;
  }
  const variables = env?.environment.variables ?? {};
  const stored = new Map<string, string>();
  for (const [name, def] of Object.entries(variables)) {
    const value = def.secret && env ? await ctx.secretsFor(env.ref).get(env.environment.name, name) : undefined;
    if (value !== undefined) {
      stored.set(name, value);
    }
  }
  const plan = planSecretMoves(requests, variables, stored);
  if (hasValues) {
    const ok = vscode.l10n.t('Move to Secret Storage');
    const agreed = await ctx.prompts.confirm(
      vscode.l10n.t('The parameters hold {0} credential value(s). Collections never store credentials: move them to secret variables of environment "{1}"?', literals.values, env!.environment.name),
      vscode.l10n.t('The values are kept in the editor\'s secret storage; the saved request refers to them by name:\n{0}', plan.moves.map((m) => `${m.path} → ${m.reference}`).join('\n')),
      ok,
    );
    if (!agreed) {
      return undefined;
    }
  }
  await storeSecrets(ctx, env, plan.secrets);
  return plan.requests;
}

/** Stores extracted secret values and declares their variables (as secret) in the environment. */
export async function storeSecrets(ctx: CollectionsContext, env: { ref: FileRef; environment: Environment } | undefined, secrets: ExtractedSecret[]): Promise<void> {
  if (secrets.length === 0) {
    return;
  }
  if (env) {
    for (const s of secrets) {
      if (s.value !== undefined) {
        await ctx.secretsFor(env.ref).set(env.environment.name, s.name, s.value);
      }
    }
    await ctx.environments().update(env.ref, (e) => {
      for (const s of secrets) {
        if (!Object.prototype.hasOwnProperty.call(e.variables, s.name)) {
          e.variables[s.name] = { secret: true };
        }
      }
    });
  }
  const missing = secrets.filter((s) => s.value === undefined).map((s) => s.name);
  if (missing.length > 0) {
    const names = missing.map((n) => `{{${n}}}`).join(', ');
    void vscode.window.showInformationMessage(
      env
        ? vscode.l10n.t('Sensitive values were not recorded, so {0} have no value yet: set them with "TRTC: Set Secret Variable Value…" for environment "{1}".', names, env.environment.name)
        : vscode.l10n.t('Sensitive values were not recorded: the saved request uses {0}. Select an environment and declare them as secret variables before running it.', names),
    );
  }
}

/**
 * Saves requests (from the form, history or an import) into a collection: asks where when no target
 * is given, and for a name when there is one request without one; moves credentials out first.
 * Returns the target and the saved requests, or undefined when the user stopped.
 */
export async function saveRequests(
  ctx: CollectionsContext,
  requests: RequestItem[],
  options: { target?: ItemTarget; askName?: boolean } = {},
): Promise<{ target: ItemTarget; saved: RequestItem[] } | undefined> {
  if (requests.length === 0) {
    return undefined;
  }
  const target = options.target ?? (await pickTarget(ctx, requests.length === 1 ? vscode.l10n.t('Save {0} to a Collection', requests[0]!.action) : vscode.l10n.t('Save {0} Requests to a Collection', requests.length)));
  if (!target) {
    return undefined;
  }
  let list = requests;
  if (options.askName && list.length === 1) {
    const name = await ctx.prompts.input({
      title: vscode.l10n.t('Name of the saved request'),
      value: list[0]!.name,
      validateInput: validName,
    });
    if (name === undefined) {
      return undefined;
    }
    list = [{ ...list[0]!, name: name.trim() }];
  }
  const cleaned = await moveSecretsOut(ctx, list);
  if (!cleaned) {
    return undefined;
  }
  const store = ctx.collections();
  const saved: RequestItem[] = [];
  for (const request of cleaned) {
    saved.push(await store.saveRequest(target, request));
  }
  ctx.collectionsTree.refresh();
  const collection = await store.load(target.ref);
  void vscode.window.setStatusBarMessage(
    saved.length === 1
      ? vscode.l10n.t('Saved "{0}" to collection "{1}"', saved[0]!.name, collection.name)
      : vscode.l10n.t('Saved {0} requests to collection "{1}"', saved.length, collection.name),
    5000,
  );
  return { target, saved };
}

/** Saves history entries dropped on the collections view (or chosen with "Save to Collection"). */
export async function saveEntries(ctx: CollectionsContext, requests: RequestItem[], target?: ItemTarget): Promise<void> {
  const result = await saveRequests(ctx, requests, { ...(target ? { target } : {}), askName: target === undefined });
  if (!result) {
    throw new CancelledError();
  }
}

/** Where a quick save went, for the form's status line. */
export interface QuickSaved {
  name: string;
  collection: string;
  /** The folder's path inside the collection, when there is one. */
  folder?: string;
}

/**
 * The form's Save (Ctrl+S): one step into the collection (and folder) used last in this workspace;
 * only the first time, or when that collection is gone, does it ask where. The target is kept in
 * workspace state: which collection a workspace saves into is this workspace's business. Returns
 * where the request went, or undefined when the user stopped.
 */
export async function quickSaveRequest(ctx: CollectionsContext, request: RequestItem): Promise<QuickSaved | undefined> {
  const store = ctx.collections();
  const remembered = ctx.workspaceState.get(WorkspaceStateKey.QuickSaveTarget);
  let target: ItemTarget | undefined;
  if (remembered) {
    const exists = await store.load(remembered.ref).then(
      () => true,
      () => false,
    );
    if (exists) {
      target = remembered.folderId ? { ref: remembered.ref, folderId: remembered.folderId } : { ref: remembered.ref };
    }
  }
  const result = await saveRequests(ctx, [request], { ...(target ? { target } : {}), askName: false });
  if (!result) {
    return undefined;
  }
  await ctx.workspaceState.update(WorkspaceStateKey.QuickSaveTarget, { ref: result.target.ref, ...(result.target.folderId ? { folderId: result.target.folderId } : {}) });
  const collection = await store.load(result.target.ref);
  const folder = result.target.folderId ? folderPaths(collection.items).find((f) => f.id === result.target.folderId)?.path : undefined;
  return { name: result.saved[0]!.name, collection: collection.name, ...(folder ? { folder } : {}) };
}
