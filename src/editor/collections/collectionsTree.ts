import * as vscode from 'vscode';
import type { AssertionResult } from '../../core/collections/assertions';
import type { Collection, FolderItem, RequestItem } from '../../core/collections/collectionFormat';
import type { RunRequestResult, RunStatus, RunSummary } from '../../core/collections/collectionRunner';
import type { CollectionRef, CollectionStore, ItemTarget } from '../../core/collections/collectionStore';
import { findItem, listRequests } from '../../core/collections/collectionTree';
import type { DocumentListing, StoreScope } from '../../core/collections/jsonFileStore';
import { stringifyJson } from '../../core/json';
import { reportError } from '../common/errors';
import { COLLECTIONS_DRAG_MIME, CollectionCommandId, ContextKey, HISTORY_DRAG_MIME, type HistoryDragData } from '../common/ids';
import type { Log } from '../common/log';

/** A request or folder being dragged: its file and id. */
export interface DraggedItem {
  ref: CollectionRef;
  itemId: string;
}

/** One finished run, kept in the view until it is dismissed or replaced. */
export interface RunRecord {
  /** What was run: the collection, folder or request name. */
  title: string;
  summary: RunSummary;
  /** The text report, as `formatTextReport` wrote it. */
  report: string;
}

/** A node of the collections view. */
export type CollectionNode =
  | { kind: 'scope'; scope: StoreScope; files: number }
  | { kind: 'collection'; ref: CollectionRef; label: string; collection: Collection }
  | { kind: 'invalid'; ref: CollectionRef; label: string; message: string }
  | { kind: 'issue'; ref: CollectionRef; text: string; index: number }
  | { kind: 'folder'; ref: CollectionRef; folder: FolderItem; parentId?: string }
  | { kind: 'request'; ref: CollectionRef; request: RequestItem; parentId?: string; index: number }
  | { kind: 'run'; run: RunRecord }
  | { kind: 'runResult'; run: RunRecord; result: RunRequestResult; index: number }
  | { kind: 'assertion'; run: RunRecord; resultIndex: number; assertion: AssertionResult; index: number };

/** Nodes that stand for something in a collection file. */
export type CollectionItemNode = Extract<CollectionNode, { kind: 'collection' | 'folder' | 'request' }>;

/** Arguments of commands run on a run result node. */
export type RunResultArgs = Pick<Extract<CollectionNode, { kind: 'runResult' }>, 'run' | 'result'>;

/** What the view needs from the rest of the extension. */
export interface CollectionsTreeDeps {
  /** The store of the current workspace folder and the user's storage (rebuilt when folders change). */
  store: () => CollectionStore;
  /** Which scopes have a folder: `user` always, `workspace` when a folder is open. */
  scopes: () => StoreScope[];
  /** Saves history entries dropped on the view into a collection or folder. */
  saveHistoryEntries: (entryIds: string[], target: ItemTarget) => Promise<void>;
  log: Log;
}

const STATUS_ICON: Record<RunStatus, [string, string | undefined]> = {
  passed: ['pass', 'testing.iconPassed'],
  failed: ['error', 'testing.iconFailed'],
  errored: ['warning', 'testing.iconErrored'],
  skipped: ['debug-step-over', 'testing.iconSkipped'],
};

/**
 * The collections view: a "Workspace" root for `.trtc/collections/*.json` (when a folder is open)
 * and a "User" root for the user's own collections, then collections, folders and requests. Files
 * that do not validate are shown as error nodes with each problem. The last run's results sit on
 * top, each one openable. Requests and folders move by drag and drop, within a collection and
 * across collections; history entries dropped here are saved as requests.
 */
export class CollectionsTreeProvider
  implements vscode.TreeDataProvider<CollectionNode>, vscode.TreeDragAndDropController<CollectionNode>, vscode.Disposable
{
  private readonly changed = new vscode.EventEmitter<CollectionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly dragMimeTypes = [COLLECTIONS_DRAG_MIME];
  readonly dropMimeTypes = [COLLECTIONS_DRAG_MIME, HISTORY_DRAG_MIME];
  private listing: Promise<DocumentListing<Collection>> | undefined;
  private lastRun: RunRecord | undefined;
  private readonly parents = new Map<string, CollectionNode>();

  constructor(private readonly deps: CollectionsTreeDeps) {}

  /** Re-reads the collection files on the next `getChildren`. */
  refresh(): void {
    this.listing = undefined;
    this.changed.fire(undefined);
  }

  /** Every collection file, valid and invalid, read once per refresh. */
  list(): Promise<DocumentListing<Collection>> {
    this.listing ??= this.deps.store().list();
    const pending = this.listing;
    pending.catch(() => {
      if (this.listing === pending) {
        this.listing = undefined;
      }
    });
    return pending;
  }

  /** Shows a finished run on top of the view, replacing the previous one. */
  showRun(run: RunRecord | undefined): void {
    this.lastRun = run;
    this.changed.fire(undefined);
  }

  /** The run shown on top of the view, if any. */
  get run(): RunRecord | undefined {
    return this.lastRun;
  }

  async getChildren(node?: CollectionNode): Promise<CollectionNode[]> {
    if (!node) {
      const listing = await this.list();
      const any = listing.valid.length + listing.invalid.length > 0;
      void vscode.commands.executeCommand('setContext', ContextKey.HasCollections, any);
      if (!any && !this.lastRun) {
        // Empty: the welcome view offers to create or import a collection.
        return [];
      }
      const files = (scope: StoreScope) => [...listing.valid, ...listing.invalid].filter((d) => d.ref.scope === scope).length;
      const scopes = this.deps.scopes().map((scope): CollectionNode => ({ kind: 'scope', scope, files: files(scope) }));
      return this.lastRun ? [{ kind: 'run', run: this.lastRun }, ...scopes] : scopes;
    }
    switch (node.kind) {
      case 'scope': {
        const listing = await this.list();
        const valid = listing.valid
          .filter((d) => d.ref.scope === node.scope)
          .map((d): CollectionNode => ({ kind: 'collection', ref: d.ref, label: d.label, collection: d.document }));
        const invalid = listing.invalid
          .filter((d) => d.ref.scope === node.scope)
          .map((d): CollectionNode => ({ kind: 'invalid', ref: d.ref, label: d.label, message: d.error.message }));
        return this.adopt(node, [...valid, ...invalid]);
      }
      case 'collection':
        return this.adopt(node, this.itemNodes(node.ref, node.collection.items, undefined));
      case 'folder':
        return this.adopt(node, this.itemNodes(node.ref, node.folder.items, node.folder.id));
      case 'invalid':
        return this.adopt(
          node,
          node.message.split('\n').map((text, index): CollectionNode => ({ kind: 'issue', ref: node.ref, text, index })),
        );
      case 'run':
        return this.adopt(
          node,
          node.run.summary.results.map((result, index): CollectionNode => ({ kind: 'runResult', run: node.run, result, index })),
        );
      case 'runResult':
        return this.adopt(
          node,
          node.result.assertions.map((assertion, index): CollectionNode => ({ kind: 'assertion', run: node.run, resultIndex: node.index, assertion, index })),
        );
      default:
        return [];
    }
  }

  private itemNodes(ref: CollectionRef, items: Collection['items'], parentId: string | undefined): CollectionNode[] {
    return items.map((item, index): CollectionNode =>
      item.type === 'folder'
        ? { kind: 'folder', ref, folder: item, ...(parentId ? { parentId } : {}) }
        : { kind: 'request', ref, request: item, index, ...(parentId ? { parentId } : {}) },
    );
  }

  private adopt(parent: CollectionNode, children: CollectionNode[]): CollectionNode[] {
    for (const child of children) {
      this.parents.set(nodeId(child), parent);
    }
    return children;
  }

  getParent(node: CollectionNode): CollectionNode | undefined {
    return node.kind === 'scope' || node.kind === 'run' ? undefined : this.parents.get(nodeId(node));
  }

  getTreeItem(node: CollectionNode): vscode.TreeItem {
    const { None, Collapsed, Expanded } = vscode.TreeItemCollapsibleState;
    let item: vscode.TreeItem;
    switch (node.kind) {
      case 'scope':
        item = new vscode.TreeItem(node.scope === 'workspace' ? vscode.l10n.t('Workspace') : vscode.l10n.t('User'), node.files > 0 ? Expanded : None);
        item.description = [
          node.scope === 'workspace' ? '.trtc/collections' : vscode.l10n.t('only on this machine'),
          node.files > 0 ? undefined : vscode.l10n.t('empty'),
          node.scope === 'workspace' && !vscode.workspace.isTrusted ? vscode.l10n.t('Restricted Mode: read only') : undefined,
        ]
          .filter(Boolean)
          .join(' · ');
        item.tooltip =
          node.scope === 'workspace'
            ? vscode.l10n.t('Collections in .trtc/collections of the open folder, shared with your team through git')
            : vscode.l10n.t('Your own collections, kept in the editor\'s storage for this extension');
        item.iconPath = new vscode.ThemeIcon(node.scope === 'workspace' ? 'repo' : 'account');
        item.contextValue = `;scope;${node.scope};`;
        break;
      case 'collection': {
        item = new vscode.TreeItem(node.collection.name, Collapsed);
        const count = listRequests(node.collection.items).length;
        item.description = node.ref.file;
        item.tooltip = new vscode.MarkdownString();
        item.tooltip.appendText(`${node.collection.name}\n\n`);
        if (node.collection.description) {
          item.tooltip.appendText(`${node.collection.description}\n\n`);
        }
        item.tooltip.appendText(vscode.l10n.t('{0} requests · {1}', count, node.label));
        item.iconPath = new vscode.ThemeIcon('library');
        item.contextValue = `;collection;container;${runnable(node.ref)}renamable;duplicable;deletable;exportable;file;`;
        break;
      }
      case 'invalid':
        item = new vscode.TreeItem(node.ref.file, Collapsed);
        item.description = vscode.l10n.t('cannot be read');
        item.tooltip = node.message;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.contextValue = ';invalid;file;';
        item.command = { command: CollectionCommandId.OpenFile, title: vscode.l10n.t('Open File'), arguments: [{ ref: node.ref }] };
        break;
      case 'issue':
        item = new vscode.TreeItem(node.text.replace(/^[^:]*\.json: /, ''), None);
        item.tooltip = node.text;
        item.iconPath = new vscode.ThemeIcon('circle-small-filled', new vscode.ThemeColor('errorForeground'));
        item.contextValue = ';issue;';
        item.command = { command: CollectionCommandId.OpenFile, title: vscode.l10n.t('Open File'), arguments: [{ ref: node.ref }] };
        break;
      case 'folder':
        item = new vscode.TreeItem(node.folder.name, Collapsed);
        item.description = node.folder.description;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = `;folder;container;${runnable(node.ref)}renamable;movable;duplicable;deletable;exportable;`;
        break;
      case 'request': {
        const r = node.request;
        item = new vscode.TreeItem(r.name, None);
        const parts = [r.name !== r.action ? r.action : undefined, r.region, r.assertions?.length ? vscode.l10n.t('{0} checks', r.assertions.length) : undefined];
        item.description = parts.filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString();
        item.tooltip.appendMarkdown(`**${escapeMd(r.action)}**${r.region ? ` · ${escapeMd(r.region)}` : ''}\n\n`);
        if (r.description) {
          item.tooltip.appendText(`${r.description}\n\n`);
        }
        const params = stringifyJson(r.params, 2);
        item.tooltip.appendCodeblock(params.length > 1500 ? `${params.slice(0, 1500)}\n…` : params, 'json');
        item.iconPath = new vscode.ThemeIcon('symbol-method');
        item.contextValue = `;request;${runnable(node.ref)}renamable;movable;duplicable;deletable;exportable;openable;`;
        item.command = { command: CollectionCommandId.OpenRequest, title: vscode.l10n.t('Open in Form'), arguments: [node] };
        break;
      }
      case 'run': {
        const s = node.run.summary;
        item = new vscode.TreeItem(vscode.l10n.t('Last run: {0}', node.run.title), Expanded);
        item.description = vscode.l10n.t('{0} passed, {1} failed, {2} errored · {3} s', s.passed, s.failed, s.errored, (s.durationMs / 1000).toFixed(1));
        item.tooltip = node.run.report;
        const bad = s.failed + s.errored > 0;
        item.iconPath = new vscode.ThemeIcon(bad ? 'error' : 'pass', new vscode.ThemeColor(bad ? 'testing.iconFailed' : 'testing.iconPassed'));
        item.contextValue = ';run;';
        item.command = { command: CollectionCommandId.ShowRunReport, title: vscode.l10n.t('Show Run Report'), arguments: [{ run: node.run }] };
        break;
      }
      case 'runResult': {
        const r = node.result;
        item = new vscode.TreeItem([...r.path, r.name].join(' / '), r.assertions.length > 0 ? Collapsed : None);
        const call = r.callResult;
        item.description = [
          statusLabel(r.status),
          call ? (call.error ? call.error.code : `HTTP ${call.httpStatus}`) : r.error?.kind,
          call ? `${Math.round(call.latencyMs)} ms` : undefined,
        ]
          .filter(Boolean)
          .join(' · ');
        item.tooltip = r.error ? `${r.action}: ${r.error.message}` : r.action;
        const [icon, color] = STATUS_ICON[r.status];
        item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = `;runResult;${call ? 'hasResponse;' : ''}`;
        item.command = {
          command: CollectionCommandId.OpenRunResult,
          title: vscode.l10n.t('Open Result'),
          arguments: [{ run: node.run, result: r } satisfies RunResultArgs],
        };
        break;
      }
      case 'assertion': {
        const a = node.assertion;
        item = new vscode.TreeItem(a.description, None);
        item.description = a.passed ? undefined : a.message.split('\n')[0];
        item.tooltip = a.message;
        item.iconPath = new vscode.ThemeIcon(a.passed ? 'check' : 'close', new vscode.ThemeColor(a.passed ? 'testing.iconPassed' : 'testing.iconFailed'));
        item.contextValue = ';assertion;';
        break;
      }
    }
    item.id = nodeId(node);
    return item;
  }

  handleDrag(source: readonly CollectionNode[], dataTransfer: vscode.DataTransfer, _token?: vscode.CancellationToken): void {
    const items: DraggedItem[] = source.flatMap((n) =>
      n.kind === 'folder' ? [{ ref: n.ref, itemId: n.folder.id }] : n.kind === 'request' ? [{ ref: n.ref, itemId: n.request.id }] : [],
    );
    if (items.length > 0) {
      dataTransfer.set(COLLECTIONS_DRAG_MIME, new vscode.DataTransferItem(JSON.stringify(items)));
    }
  }

  /**
   * Moves dragged requests and folders, or saves dragged history entries, to where they were dropped:
   * into a collection or folder, or beside a request (taking its place when moved within its folder).
   */
  async handleDrop(target: CollectionNode | undefined, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    try {
      const history = dataTransfer.get(HISTORY_DRAG_MIME);
      const moved = dataTransfer.get(COLLECTIONS_DRAG_MIME);
      if (!history && !moved) {
        return;
      }
      const where = target ? this.dropTarget(target) : undefined;
      if (!where) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Drop on a collection, a folder or a request to place it there.'));
        return;
      }
      if (history) {
        const data = parseTransfer<HistoryDragData>(await history.asString());
        if (data && Array.isArray(data.entryIds) && !token.isCancellationRequested) {
          await this.deps.saveHistoryEntries(data.entryIds.map(String), where.target);
        }
      }
      if (moved) {
        const items = parseTransfer<DraggedItem[]>(await moved.asString());
        for (const d of Array.isArray(items) ? items : []) {
          if (token.isCancellationRequested) {
            break;
          }
          await this.moveOne(d, where);
        }
      }
    } catch (e) {
      reportError(this.deps.log, 'collections.drop', e);
    } finally {
      this.refresh();
    }
  }

  private async moveOne(d: DraggedItem, where: { target: ItemTarget; before?: { id: string; index: number } }): Promise<void> {
    const target: ItemTarget = { ...where.target };
    if (where.before && d.itemId === where.before.id) {
      return;
    }
    if (where.before) {
      // Within the same folder the item takes the place of the one it was dropped on; from
      // elsewhere it goes right after it.
      const store = this.deps.store();
      const source = await store.load(d.ref);
      const sameFile = d.ref.scope === target.ref.scope && d.ref.file === target.ref.file;
      const found = sameFile ? findItem(source, d.itemId) : undefined;
      const sameContainer = found !== undefined && (found.parent?.id ?? undefined) === target.folderId;
      target.index = sameContainer && found.index > where.before.index ? where.before.index : where.before.index + 1;
    }
    await this.deps.store().moveItem(d.ref, d.itemId, target);
  }

  private dropTarget(node: CollectionNode): { target: ItemTarget; before?: { id: string; index: number } } | undefined {
    switch (node.kind) {
      case 'collection':
        return { target: { ref: node.ref } };
      case 'folder':
        return { target: { ref: node.ref, folderId: node.folder.id } };
      case 'request':
        return {
          target: { ref: node.ref, ...(node.parentId ? { folderId: node.parentId } : {}) },
          before: { id: node.request.id, index: node.index },
        };
      default:
        return undefined;
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A stable id per node, so expansion and selection survive refreshes and `reveal` works. */
export function nodeId(node: CollectionNode): string {
  switch (node.kind) {
    case 'scope':
      return `scope:${node.scope}`;
    case 'collection':
    case 'invalid':
      return `file:${node.ref.scope}:${node.ref.file}`;
    case 'issue':
      return `issue:${node.ref.scope}:${node.ref.file}:${node.index}`;
    case 'folder':
      return `item:${node.ref.scope}:${node.ref.file}:${node.folder.id}`;
    case 'request':
      return `item:${node.ref.scope}:${node.ref.file}:${node.request.id}`;
    case 'run':
      return `run:${node.run.summary.startedAt}`;
    case 'runResult':
      return `run:${node.run.summary.startedAt}:${node.index}`;
    case 'assertion':
      return `run:${node.run.summary.startedAt}:${node.resultIndex}:${node.index}`;
  }
}

function statusLabel(status: RunStatus): string {
  switch (status) {
    case 'passed':
      return vscode.l10n.t('passed');
    case 'failed':
      return vscode.l10n.t('failed');
    case 'errored':
      return vscode.l10n.t('errored');
    case 'skipped':
      return vscode.l10n.t('skipped');
  }
}

function parseTransfer<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * The run capability of an item: a workspace's collections are the repository's, and in Restricted
 * Mode they can be read and opened but not run.
 */
function runnable(ref: CollectionRef): string {
  return ref.scope === 'workspace' && !vscode.workspace.isTrusted ? '' : 'runnable;';
}
