import * as path from 'node:path';
import * as vscode from 'vscode';
import { toCurl } from '../../core/codegen/toCurl';
import {
  createFolder,
  extractSecrets,
  findLiteralSecrets,
  type Collection,
  type CollectionItem,
  type ExtractedSecret,
  type RequestItem,
  type SecretNaming,
} from '../../core/collections/collectionFormat';
import { runCollection, type RunSummary } from '../../core/collections/collectionRunner';
import type { CollectionRef, CollectionStore, ItemTarget } from '../../core/collections/collectionStore';
import { containsId, listRequests, requireItem } from '../../core/collections/collectionTree';
import { fromCurl } from '../../core/collections/curlImport';
import type { Environment } from '../../core/collections/environmentFormat';
import type { EnvironmentStore } from '../../core/collections/environmentStore';
import { fileNameFor, type FileRef, type StoreRoot, type StoreScope } from '../../core/collections/jsonFileStore';
import { cloneJson } from '../../core/collections/jsonValues';
import { fromPostman, toPostman } from '../../core/collections/postman';
import { formatTextReport } from '../../core/collections/reporters';
import { resolveRequest } from '../../core/collections/variables';
import { CancelledError, InputError } from '../../core/errors';
import { stringifyJson, type JsonObject, type JsonValue } from '../../core/json';
import { prepareCall } from '../../core/requests/callExecutor';
import type { CallSpec } from '../../core/requests/types';
import { catalogCoercion } from '../../core/collections/catalogCoercion';
import { renameVariableReferences, requestFromSpec, resolveForForm } from '../../core/collections/savedRequest';
import { configuredEndpoint, effectiveLanguage, readConfig } from '../common/config';
import { wrapCommand } from '../common/errors';
import { editorEndpointPolicy } from '../common/endpointTrust';
import { CollectionCommandId, SANDBOX_PROFILE } from '../common/ids';
import { credentialsOf } from '../credentials/credentialStore';
import type { EnvironmentSecrets } from '../credentials/environmentSecrets';
import type { HistoryRecorder } from '../history/historyRecorder';
import type { ResultDocuments } from '../common/resultDocuments';
import type { CollectionItemNode, CollectionNode, CollectionsTreeProvider, RunResultArgs, RunRecord } from './collectionsTree';
import type { HistoryNode, HistoryTreeProvider } from '../history/historyTree';
import { RequestPanel, type PanelServices } from '../requests/requestPanel';

/**
 * Every question the history and collection commands ask. The defaults are VS Code's modal
 * dialog, quick pick and input box; integration tests replace them with scripted answers, so the
 * flows behind the questions run for real.
 */
export interface Prompts {
  /** Asks for confirmation in a modal dialog; true only when `ok` was chosen. */
  confirm(message: string, detail: string, ok: string): Promise<boolean>;
  /** Asks to choose one item. */
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** Asks for a line of text. */
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
}

/** The real dialogs. */
export function defaultPrompts(): Prompts {
  return {
    confirm: async (message, detail, ok) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, ok)) === ok,
    pick: (items, options) => vscode.window.showQuickPick(items, options),
    input: (options) => vscode.window.showInputBox(options),
  };
}

/** Everything the history and collection commands work with, built by `registerHistoryAndCollections`. */
export interface CollectionsContext extends PanelServices {
  results: ResultDocuments;
  history: HistoryRecorder;
  historyTree: HistoryTreeProvider;
  historyView: vscode.TreeView<HistoryNode>;
  collectionsTree: CollectionsTreeProvider;
  collectionsView: vscode.TreeView<CollectionNode>;
  /** The collection store of the current folders. */
  collections: () => CollectionStore;
  environments: () => EnvironmentStore;
  /** Directories of the environment files, to open them in an editor. */
  environmentRoots: () => StoreRoot[];
  collectionRoots: () => StoreRoot[];
  scopes: () => StoreScope[];
  secrets: EnvironmentSecrets;
  /** Per-workspace state: the selected environment. */
  workspaceState: vscode.Memento;
  prompts: Prompts;
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

const ENVIRONMENT_KEY = 'trtcExplorer.environment';

/** The name of the environment selected in this workspace, if any. */
export function selectedEnvironmentName(ctx: CollectionsContext): string | undefined {
  return ctx.workspaceState.get<string>(ENVIRONMENT_KEY) || undefined;
}

/** Selects an environment (or none) for this workspace and shows it in the collections view. */
export async function selectEnvironment(ctx: CollectionsContext, name: string | undefined): Promise<void> {
  await ctx.workspaceState.update(ENVIRONMENT_KEY, name);
  showSelectedEnvironment(ctx);
}

/** Puts the selected environment's name in the collections view's title bar. */
export function showSelectedEnvironment(ctx: CollectionsContext): void {
  const name = selectedEnvironmentName(ctx);
  ctx.collectionsView.description = name ? vscode.l10n.t('Environment: {0}', name) : undefined;
}

/** The selected environment's file and content; a selection whose file is gone is an error that says what to do. */
async function selectedEnvironment(ctx: CollectionsContext): Promise<{ ref: FileRef; environment: Environment } | undefined> {
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

/** Fills in what a saved request leaves to the user's settings: endpoint, language, signed headers. */
export function withSettings(spec: CallSpec): CallSpec {
  const config = readConfig();
  const out: CallSpec = { ...spec, endpoint: spec.endpoint ?? configuredEndpoint(config), language: spec.language ?? effectiveLanguage(config) };
  if ((out.signMethod ?? 'TC3-HMAC-SHA256') === 'TC3-HMAC-SHA256' && !out.signedHeaders) {
    out.signedHeaders = config.signedHeaders;
  }
  return out;
}

/** The profile calls should use now: the sandbox, the active profile, or undefined (the controller then asks for one). */
export async function currentProfileName(ctx: CollectionsContext): Promise<string | undefined> {
  return ctx.credentials.activeName() === SANDBOX_PROFILE ? SANDBOX_PROFILE : (await ctx.credentials.active())?.name;
}

function scopeLabel(scope: StoreScope): string {
  return scope === 'workspace' ? vscode.l10n.t('Workspace (shared through git)') : vscode.l10n.t('User (only on this machine)');
}

/** Asks which scope a new file goes to, when there is a choice. */
async function pickScope(ctx: CollectionsContext, what: string): Promise<StoreScope | undefined> {
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

function validName(v: string): string | undefined {
  return v.trim() === '' ? vscode.l10n.t('Enter a name') : v.trim().length > 200 ? vscode.l10n.t('At most 200 characters') : undefined;
}

/** Asks for a new collection's name and scope and creates its file. */
async function newCollection(ctx: CollectionsContext, name?: string, scope?: StoreScope): Promise<CollectionRef | undefined> {
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
async function pickTarget(ctx: CollectionsContext, title: string): Promise<ItemTarget | undefined> {
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
function folderPaths(items: CollectionItem[], prefix = ''): Array<{ id: string; path: string }> {
  return items.flatMap((item) => {
    if (item.type !== 'folder') {
      return [];
    }
    const here = prefix ? `${prefix} / ${item.name}` : item.name;
    return [{ id: item.id, path: here }, ...folderPaths(item.items, here)];
  });
}

/** Asks for an environment to keep secret variables in (or a new one); undefined when dismissed. */
async function pickEnvironmentForSecrets(ctx: CollectionsContext): Promise<{ ref: FileRef; environment: Environment } | undefined> {
  const current = await selectedEnvironment(ctx).catch(() => undefined);
  if (current) {
    return current;
  }
  const name = await pickEnvironmentName(ctx, vscode.l10n.t('Environment to keep the secret variables in'), false);
  if (!name) {
    return undefined;
  }
  await selectEnvironment(ctx, name);
  return ctx.environments().findByName(name);
}

/**
 * Asks for an environment by name, offering to create one; `allowNone` adds "No environment".
 * Returns the name, `''` for none, or undefined when dismissed.
 */
async function pickEnvironmentName(ctx: CollectionsContext, title: string, allowNone: boolean): Promise<string | undefined> {
  const { valid, invalid } = await ctx.environments().list();
  const selected = selectedEnvironmentName(ctx);
  type Item = vscode.QuickPickItem & { value: string | undefined };
  const items: Item[] = [
    ...(allowNone ? [{ label: vscode.l10n.t('No environment'), description: selected ? undefined : vscode.l10n.t('selected'), value: '' }] : []),
    ...valid.map((d): Item => ({
      label: `$(symbol-variable) ${d.document.name}`,
      description: [d.label, d.document.name === selected ? vscode.l10n.t('selected') : undefined].filter(Boolean).join(' · '),
      detail: vscode.l10n.t('{0} variables', Object.keys(d.document.variables).length),
      value: d.document.name,
    })),
    ...invalid.map((d): Item => ({ label: `$(error) ${d.ref.file}`, description: vscode.l10n.t('cannot be read'), detail: d.error.message.split('\n')[0], value: undefined })),
    { label: `$(add) ${vscode.l10n.t('New Environment…')}`, value: undefined },
  ];
  const pick = await ctx.prompts.pick(items, { title });
  if (!pick) {
    return undefined;
  }
  if (pick.value !== undefined) {
    return pick.value;
  }
  if (pick.label.startsWith('$(error)')) {
    throw new InputError(vscode.l10n.t('That environment file cannot be read; open it and fix the problems first.'));
  }
  return createEnvironment(ctx);
}

/** Asks for a new environment's name and scope, creates it and returns its name. */
async function createEnvironment(ctx: CollectionsContext, name?: string, scope?: StoreScope): Promise<string | undefined> {
  const chosen =
    name ??
    (await ctx.prompts.input({ title: vscode.l10n.t('New Environment'), prompt: vscode.l10n.t('A name such as "dev" or "prod"'), validateInput: validName }));
  if (!chosen) {
    return undefined;
  }
  const where = scope ?? (await pickScope(ctx, vscode.l10n.t('environment')));
  if (!where) {
    return undefined;
  }
  await ctx.environments().create(where, chosen.trim());
  return chosen.trim();
}

/**
 * Replaces the sensitive literals of requests with secret variables: the values go to SecretStorage
 * under the chosen environment and the variables are declared there as secret, after the user
 * agrees. `<redacted>` placeholders (from history) become variables without a value. Returns the
 * requests to save, or undefined when the user declined.
 */
async function moveSecretsOut(ctx: CollectionsContext, requests: RequestItem[]): Promise<RequestItem[] | undefined> {
  const found = requests.flatMap((r) => findLiteralSecrets(r.params).map((s) => ({ request: r, secret: s })));
  if (found.length === 0) {
    return requests;
  }
  const hasValues = found.some((f) => !f.secret.redacted);
  const env = hasValues ? await pickEnvironmentForSecrets(ctx) : await selectedEnvironment(ctx).catch(() => undefined);
  if (hasValues && !env) {
    return undefined;
  }
  const naming: SecretNaming = { taken: new Set(Object.keys(env?.environment.variables ?? {})), byValue: new Map() };
  if (env) {
    // A secret variable that already holds the same value is reused instead of declared again.
    for (const [name, def] of Object.entries(env.environment.variables)) {
      const value = def.secret ? await ctx.secrets.get(env.environment.name, name) : undefined;
      if (value !== undefined) {
        naming.byValue.set(`${name.replace(/_\d+$/, '')}\u0000${value}`, name);
      }
    }
  }
  // A placeholder left by the history stands for whatever the environment's secret variable of
  // that name holds, when there is one; the others get variables of their own.
  const existingSecrets = new Set(Object.entries(env?.environment.variables ?? {}).filter(([, d]) => d.secret).map(([n]) => n));
  const reused = requests.map((r) => {
    const params = cloneJson(r.params);
    for (const s of findLiteralSecrets(r.params)) {
      const name = s.field.replace(/[^\w.-]/g, '_');
      if (s.redacted && existingSecrets.has(name)) {
        setAt(params, s.segments, `{{${name}}}`);
      }
    }
    return { ...r, params };
  });
  const extracted = reused.map((r) => extractSecrets(r, { naming }));
  const secrets = extracted.flatMap((e) => e.secrets);
  if (hasValues) {
    // Listed from the requests as they will be saved, so reused variables show up as well as new ones.
    const list = found
      .filter((f) => !f.secret.redacted)
      .map((f) => `${f.secret.path} → ${String(valueAt(extracted[requests.indexOf(f.request)]!.request.params, f.secret.segments))}`)
      .join('\n');
    const ok = vscode.l10n.t('Move to Secret Storage');
    const agreed = await ctx.prompts.confirm(
      vscode.l10n.t('The parameters hold {0} credential value(s). Collections never store credentials: move them to secret variables of environment "{1}"?', found.filter((f) => !f.secret.redacted).length, env!.environment.name),
      vscode.l10n.t('The values are kept in the editor\'s secret storage; the saved request refers to them by name:\n{0}', list),
      ok,
    );
    if (!agreed) {
      return undefined;
    }
  }
  await storeSecrets(ctx, env, secrets);
  return extracted.map((e) => e.request);
}

/** The value at a path of segments below `root`. */
function valueAt(root: JsonObject, segments: ReadonlyArray<string | number>): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const seg of segments) {
    value = value === null || typeof value !== 'object' ? undefined : (value as Record<string | number, JsonValue>)[seg];
  }
  return value;
}

/** Replaces the value at a path of segments below `root`. */
function setAt(root: JsonObject, segments: ReadonlyArray<string | number>, value: JsonValue): void {
  let container: JsonValue = root;
  for (const seg of segments.slice(0, -1)) {
    container = (container as Record<string | number, JsonValue>)[seg] as JsonValue;
  }
  (container as Record<string | number, JsonValue>)[segments[segments.length - 1]!] = value;
}

/** Stores extracted secret values and declares their variables (as secret) in the environment. */
async function storeSecrets(ctx: CollectionsContext, env: { ref: FileRef; environment: Environment } | undefined, secrets: ExtractedSecret[]): Promise<void> {
  if (secrets.length === 0) {
    return;
  }
  if (env) {
    for (const s of secrets) {
      if (s.value !== undefined) {
        await ctx.secrets.set(env.environment.name, s.name, s.value);
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

/** Locates the item a node or reference stands for. */
function runSelection(args: RunArgs): { ref: CollectionRef; folderId?: string; requestId?: string } {
  if ('kind' in args) {
    switch (args.kind) {
      case 'collection':
        return { ref: args.ref };
      case 'folder':
        return { ref: args.ref, folderId: args.folder.id };
      case 'request':
        return { ref: args.ref, requestId: args.request.id };
    }
  }
  return args;
}

/** Asks for a collection; undefined when dismissed. */
async function pickCollection(ctx: CollectionsContext, title: string): Promise<CollectionRef | undefined> {
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

/**
 * Runs a collection, folder or request with the selected environment and the active profile, with
 * cancellable progress. Each call is recorded in the history (source `collection`). The results
 * appear on top of the collections view and the text report opens; a status bar message gives the
 * counts and the time.
 */
async function run(ctx: CollectionsContext, args: RunArgs | undefined): Promise<RunSummary | undefined> {
  let selection: { ref: CollectionRef; folderId?: string; requestId?: string } | undefined;
  if (args) {
    selection = runSelection(args);
  } else {
    const ref = await pickCollection(ctx, vscode.l10n.t('Collection to run'));
    selection = ref ? { ref } : undefined;
  }
  if (!selection) {
    return undefined;
  }
  const collection = await ctx.collections().load(selection.ref);
  const title = selection.requestId
    ? requireItem(collection, selection.requestId).item.name
    : selection.folderId
      ? requireItem(collection, selection.folderId).item.name
      : collection.name;
  const environment = (await selectedEnvironment(ctx))?.environment;
  const profile = await currentProfileName(ctx);
  // Resolving once up front asks for a profile once, not for every request.
  await ctx.controller.resolveProfile(profile);
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Running {0}', title), cancellable: true },
    (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return runCollection({
        collection,
        ...(selection.folderId ? { folderId: selection.folderId } : {}),
        ...(selection.requestId ? { requestId: selection.requestId } : {}),
        ...(environment ? { environment } : {}),
        secrets: ctx.secrets,
        signal: abort.signal,
        execute: (spec, signal) => ctx.controller.execute(withSettings(spec), profile, 'collection', signal),
        onProgress: (event) => {
          if (event.type === 'requestStarted') {
            progress.report({ message: `${event.index + 1}/${event.total} ${event.name}` });
          } else {
            progress.report({ increment: 100 / event.total });
          }
        },
      });
    },
  );
  const record: RunRecord = { title, summary, report: formatTextReport(summary) };
  ctx.collectionsTree.showRun(record);
  ctx.log.info('collections', `run of ${title}: ${summary.passed} passed, ${summary.failed} failed, ${summary.errored} errored, ${summary.skipped} skipped`);
  const seconds = (summary.durationMs / 1000).toFixed(1);
  void vscode.window.setStatusBarMessage(
    `$(${summary.failed + summary.errored > 0 ? 'error' : 'pass'}) ${vscode.l10n.t('{0}: {1} passed, {2} failed, {3} errored in {4} s', title, summary.passed, summary.failed, summary.errored, seconds)}`,
    15_000,
  );
  await ctx.results.open(vscode.l10n.t('Run {0}', title), record.report, 'plaintext', { preserveFocus: true });
  return summary;
}

/** Shows one result of a run: its answer as a document, or why it has none. */
async function openRunResult(ctx: CollectionsContext, args: RunResultArgs): Promise<void> {
  const r = args.result;
  if (r.callResult) {
    await ctx.controller.openResult({ action: r.action, params: {} }, r.callResult);
    return;
  }
  const lines = [`${[...r.path, r.name].join(' / ')} (${r.action}): ${r.status}`, '', r.error?.message ?? ''];
  await ctx.results.open(`${r.name} ${r.status}`, lines.join('\n') + '\n', 'plaintext');
}

/** The collection, folder or request of a node, as something `toPostman` can export. */
async function exportSource(ctx: CollectionsContext, node: CollectionItemNode): Promise<Collection | RequestItem> {
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

async function exportPostman(ctx: CollectionsContext, node: CollectionItemNode, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source = await exportSource(ctx, node);
  const environment = (await selectedEnvironment(ctx).catch(() => undefined))?.environment;
  const text = stringifyJson(toPostman(source, environment), 2) + '\n';
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

function defaultSaveUri(fileName: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, fileName) : undefined;
}

/**
 * Signs every request of a node with the active profile and the current time and opens the curl
 * commands in an editor. Each command states when its signature expires; sensitive values and the
 * session token are read from environment variables instead of being written out.
 */
async function exportCurl(ctx: CollectionsContext, node: CollectionItemNode): Promise<string | undefined> {
  const source = await exportSource(ctx, node);
  const requests = 'type' in source && source.type === 'request' ? [{ request: source, path: [] as string[] }] : listRequests((source as Collection).items);
  const profileName = await currentProfileName(ctx);
  if (profileName === SANDBOX_PROFILE) {
    throw new InputError(vscode.l10n.t('curl commands carry a real signature: switch from the sandbox to a profile first.'));
  }
  const resolved = await ctx.controller.resolveProfile(profileName);
  if (resolved.sandbox) {
    throw new InputError(vscode.l10n.t('curl commands carry a real signature: switch from the sandbox to a profile first.'));
  }
  const environment = (await selectedEnvironment(ctx))?.environment;
  const config = readConfig();
  const timestamp = Math.floor(Date.now() / 1000);
  const blocks: string[] = ['#!/bin/sh', `# ${vscode.l10n.t('{0}: signed with profile "{1}"', source.name, resolved.profile.name)}`];
  for (const { request, path: folders } of requests) {
    const title = [...folders, request.name].join(' / ');
    try {
      const spec = withSettings(await resolveRequest(request, { ...(environment ? { environment } : {}), secrets: ctx.secrets }));
      spec.region = spec.region || resolved.profile.region || config.defaultRegion;
      const { endpoint, signed } = prepareCall(spec, { credentials: credentialsOf(resolved.profile), timestamp, policy: editorEndpointPolicy() });
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
async function importText(ctx: CollectionsContext, title: string, filters: Record<string, string[]>): Promise<string | undefined> {
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
async function offerImportDetails(ctx: CollectionsContext, message: string, details: string[]): Promise<void> {
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

async function importPostman(ctx: CollectionsContext, args: { text?: string; uri?: vscode.Uri; scope?: StoreScope } = {}): Promise<ImportOutcome | undefined> {
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
      (environmentName ? ' ' + vscode.l10n.t('Select environment "{0}" to run them.', environmentName) : ''),
    details,
  );
  return { ref, imported, skipped: result.skipped.length };
}

async function importCurl(ctx: CollectionsContext, args: { text?: string; target?: ItemTarget } = {}): Promise<ImportOutcome | undefined> {
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
    const renames = new Map<string, string>();
    const secrets: ExtractedSecret[] = [];
    for (const s of result.secrets) {
      const taken = (n: string) => Object.prototype.hasOwnProperty.call(env.environment.variables, n) || secrets.some((x) => x.name === n);
      let name = s.name;
      if (taken(name) && (await ctx.secrets.get(env.environment.name, name)) !== s.value) {
        let n = 2;
        while (taken(`${s.name}_${n}`)) {
          n++;
        }
        name = `${s.name}_${n}`;
        renames.set(s.name, name);
      }
      secrets.push({ ...s, name });
    }
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
  void offerImportDetails(ctx, vscode.l10n.t('Imported {0} requests from curl ({1} skipped).', saved.saved.length, reasons.length), details);
  return { ref: target.ref, imported: saved.saved.length, skipped: reasons.length };
}

/** Opens a saved request in the request form, with the environment's plain values filled in. */
async function openRequest(ctx: CollectionsContext, node: Extract<CollectionNode, { kind: 'request' }>): Promise<RequestPanel> {
  const environment = (await selectedEnvironment(ctx).catch(() => undefined))?.environment;
  const { spec, unresolved } = await resolveForForm(node.request, environment);
  const panel = RequestPanel.show(ctx, spec.action, {
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

function fileUri(ctx: CollectionsContext, ref: FileRef, kind: 'collection' | 'environment'): vscode.Uri {
  const roots = kind === 'collection' ? ctx.collectionRoots() : ctx.environmentRoots();
  const root = roots.find((r) => r.scope === ref.scope);
  if (!root) {
    throw new InputError(vscode.l10n.t('This file belongs to a folder that is not open; open the folder that holds .trtc first.'));
  }
  return vscode.Uri.file(path.join(root.dir, ref.file));
}

async function rename(ctx: CollectionsContext, node: CollectionItemNode, newName?: string): Promise<void> {
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

async function remove(ctx: CollectionsContext, node: CollectionItemNode): Promise<void> {
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
async function move(ctx: CollectionsContext, node: Extract<CollectionNode, { kind: 'folder' | 'request' }>): Promise<void> {
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

/** Asks for a secret variable of an environment; `allowNew` also offers to declare a new one. */
async function pickSecretVariable(
  ctx: CollectionsContext,
  args: { environment?: string; variable?: string },
  allowNew: boolean,
): Promise<{ env: { ref: FileRef; environment: Environment }; variable: string } | undefined> {
  const envName = args.environment ?? selectedEnvironmentName(ctx) ?? (await pickEnvironmentName(ctx, vscode.l10n.t('Environment of the secret variable'), false));
  if (!envName) {
    return undefined;
  }
  const env = await ctx.environments().findByName(envName);
  let variable = args.variable;
  if (!variable) {
    const secretNames = Object.entries(env.environment.variables)
      .filter(([, d]) => d.secret)
      .map(([n]) => n);
    const items = await Promise.all(
      secretNames.map(async (n) => ({
        label: `$(lock) ${n}`,
        description: (await ctx.secrets.get(envName, n)) !== undefined ? vscode.l10n.t('value stored') : vscode.l10n.t('no value yet'),
        detail: env.environment.variables[n]?.description,
        name: n as string | undefined,
      })),
    );
    if (allowNew) {
      items.push({ label: `$(add) ${vscode.l10n.t('New Secret Variable…')}`, description: '', detail: undefined, name: undefined });
    }
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Environment "{0}" has no secret variables.', envName));
      return undefined;
    }
    const pick = await ctx.prompts.pick(items, { title: vscode.l10n.t('Secret variables of "{0}"', envName) });
    if (!pick) {
      return undefined;
    }
    variable =
      pick.name ??
      (await ctx.prompts.input({
        title: vscode.l10n.t('New secret variable of "{0}"', envName),
        prompt: vscode.l10n.t('The name used in {{Name}} references, such as UserSig'),
        validateInput: (v) => (/^[\w.-]+$/.test(v) ? undefined : vscode.l10n.t('Use letters, digits, "_", "." and "-"')),
      }));
    if (!variable) {
      return undefined;
    }
  }
  const def = env.environment.variables[variable];
  if (def && !def.secret) {
    throw new InputError(vscode.l10n.t('Variable "{0}" of environment "{1}" is not secret: its value is in the environment file.', variable, envName));
  }
  return { env, variable };
}

async function setSecret(ctx: CollectionsContext, args: { environment?: string; variable?: string } = {}): Promise<void> {
  const picked = await pickSecretVariable(ctx, args, true);
  if (!picked) {
    return;
  }
  const { env, variable } = picked;
  const value = await ctx.secrets.prompt(env.environment.name, variable, (options) => ctx.prompts.input(options));
  if (value === undefined) {
    return;
  }
  await ctx.secrets.set(env.environment.name, variable, value);
  if (!env.environment.variables[variable]) {
    await ctx.environments().update(env.ref, (e) => {
      e.variables[variable] = { secret: true };
    });
  }
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Secret variable {0} of "{1}" stored', variable, env.environment.name), 4000);
}

async function clearSecret(ctx: CollectionsContext, args: { environment?: string; variable?: string } = {}): Promise<void> {
  const picked = await pickSecretVariable(ctx, args, false);
  if (!picked) {
    return;
  }
  await ctx.secrets.delete(picked.env.environment.name, picked.variable);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Secret variable {0} of "{1}" cleared', picked.variable, picked.env.environment.name), 4000);
}

/** Registers the commands of the collections view and of environments. */
export function registerCollectionCommands(ctx: CollectionsContext): vscode.Disposable[] {
  const reg = (id: string, fn: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, wrapCommand(ctx.log, id, fn as (...args: unknown[]) => unknown));
  const asItem = (node: unknown): CollectionItemNode => {
    const n = node as CollectionNode | undefined;
    if (!n || (n.kind !== 'collection' && n.kind !== 'folder' && n.kind !== 'request')) {
      throw new InputError(vscode.l10n.t('Run this command from a collection, folder or request in the Collections view.'));
    }
    return n;
  };
  return [
    reg(CollectionCommandId.Refresh, () => ctx.collectionsTree.refresh()),
    reg(CollectionCommandId.SaveRequest, async (args?: SaveRequestArgs) => {
      if (!args?.spec) {
        throw new InputError(vscode.l10n.t('Open an action\'s form and use its "Save to Collection" button.'));
      }
      return saveRequests(ctx, [requestFromSpec(args.spec, args.name)], { ...(args.target ? { target: args.target } : {}), askName: args.name === undefined });
    }),
    reg(CollectionCommandId.NewCollection, (name?: string, scope?: StoreScope) => newCollection(ctx, typeof name === 'string' ? name : undefined, scope)),
    reg(CollectionCommandId.NewFolder, async (node?: CollectionNode, name?: string) => {
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
    }),
    reg(CollectionCommandId.Rename, (node?: CollectionNode, name?: string) => rename(ctx, asItem(node), typeof name === 'string' ? name : undefined)),
    reg(CollectionCommandId.Duplicate, async (node?: CollectionNode) => {
      const item = asItem(node);
      const store = ctx.collections();
      if (item.kind === 'collection') {
        await store.duplicateCollection(item.ref);
      } else {
        await store.duplicateItem(item.ref, item.kind === 'folder' ? item.folder.id : item.request.id);
      }
      ctx.collectionsTree.refresh();
    }),
    reg(CollectionCommandId.Move, (node?: CollectionNode) => {
      const item = asItem(node);
      if (item.kind === 'collection') {
        throw new InputError(vscode.l10n.t('A collection is a file: move folders and requests instead.'));
      }
      return move(ctx, item);
    }),
    reg(CollectionCommandId.Delete, (node?: CollectionNode) => remove(ctx, asItem(node))),
    reg(CollectionCommandId.OpenRequest, (node?: CollectionNode) => {
      const item = asItem(node);
      if (item.kind !== 'request') {
        throw new InputError(vscode.l10n.t('Only a request can be opened in the form.'));
      }
      return openRequest(ctx, item);
    }),
    reg(CollectionCommandId.OpenFile, async (node?: { ref: FileRef }) => {
      if (!node?.ref) {
        const ref = await pickCollection(ctx, vscode.l10n.t('Collection file to open'));
        if (!ref) {
          return;
        }
        node = { ref };
      }
      await vscode.window.showTextDocument(fileUri(ctx, node.ref, 'collection'), { preview: false });
    }),
    reg(CollectionCommandId.Run, (node?: RunArgs) => run(ctx, node)),
    reg(CollectionCommandId.OpenRunResult, (args?: RunResultArgs) => (args?.result ? openRunResult(ctx, args) : undefined)),
    reg(CollectionCommandId.ShowRunReport, (args?: { run?: RunRecord }) => {
      const record = args?.run ?? ctx.collectionsTree.run;
      return record ? ctx.results.open(vscode.l10n.t('Run {0}', record.title), record.report, 'plaintext') : undefined;
    }),
    reg(CollectionCommandId.DismissRun, () => ctx.collectionsTree.showRun(undefined)),
    reg(CollectionCommandId.ExportPostman, (node?: CollectionNode, uri?: unknown) => exportPostman(ctx, asItem(node), uri instanceof vscode.Uri ? uri : undefined)),
    reg(CollectionCommandId.ExportCurl, (node?: CollectionNode) => exportCurl(ctx, asItem(node))),
    reg(CollectionCommandId.ImportPostman, (args?: { text?: string; uri?: vscode.Uri; scope?: StoreScope }) => importPostman(ctx, args ?? {})),
    reg(CollectionCommandId.ImportCurl, (args?: { text?: string; target?: ItemTarget }) => importCurl(ctx, args ?? {})),
    reg(CollectionCommandId.SelectEnvironment, async (args?: { name?: string | null }) => {
      const name = args && 'name' in args ? (args.name ?? '') : await pickEnvironmentName(ctx, vscode.l10n.t('Environment for {{variables}} in this workspace'), true);
      if (name === undefined) {
        return undefined;
      }
      if (name !== '') {
        await ctx.environments().findByName(name);
      }
      await selectEnvironment(ctx, name || undefined);
      return name || undefined;
    }),
    reg(CollectionCommandId.NewEnvironment, async (name?: string, scope?: StoreScope) => {
      const created = await createEnvironment(ctx, typeof name === 'string' ? name : undefined, scope);
      if (created) {
        await selectEnvironment(ctx, created);
      }
      return created;
    }),
    reg(CollectionCommandId.OpenEnvironment, async (args?: { name?: string }) => {
      const name = args?.name ?? selectedEnvironmentName(ctx) ?? (await pickEnvironmentName(ctx, vscode.l10n.t('Environment to edit'), false));
      if (!name) {
        return;
      }
      const { ref } = await ctx.environments().findByName(name);
      await vscode.window.showTextDocument(fileUri(ctx, ref, 'environment'), { preview: false });
    }),
    reg(CollectionCommandId.SetSecret, (args?: { environment?: string; variable?: string }) => setSecret(ctx, args ?? {})),
    reg(CollectionCommandId.ClearSecret, (args?: { environment?: string; variable?: string }) => clearSecret(ctx, args ?? {})),
  ];
}

/** Saves history entries dropped on the collections view (or chosen with "Save to Collection"). */
export async function saveEntries(ctx: CollectionsContext, requests: RequestItem[], target?: ItemTarget): Promise<void> {
  const result = await saveRequests(ctx, requests, { ...(target ? { target } : {}), askName: target === undefined });
  if (!result) {
    throw new CancelledError();
  }
}
