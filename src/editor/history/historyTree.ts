import * as vscode from 'vscode';
import { isEntryOk, type HistoryEntry } from '../../core/history/historyEntry';
import { dayInTimeZone, groupByDay, type HistoryFilter } from '../../core/history/historyQuery';
import { ContextKey, HISTORY_DRAG_MIME, HistoryCommandId, type HistoryDragData } from '../common/ids';
import type { HistoryRecorder } from './historyRecorder';

/**
 * A node of the history view: a calendar day, one recorded call inside it, or the entries not read
 * yet. A `partial` day shows only its newest calls; a `more` node (older days at the top level,
 * earlier calls of a partial day inside it) reads the rest of the history when it is expanded. It
 * carries no entries itself, so a command run on it sees an empty selection.
 */
export type HistoryNode =
  | { kind: 'day'; day: string; entries: HistoryEntry[]; partial?: boolean }
  | { kind: 'entry'; entry: HistoryEntry; day: string }
  | { kind: 'more'; day?: string; entries: HistoryEntry[] };

/** Arguments of commands run on an entry node. */
export type HistoryEntryArgs = Pick<Extract<HistoryNode, { kind: 'entry' }>, 'entry'>;

/**
 * The history view: days, newest first, then the calls of each day. Nothing is read from disk until
 * VS Code first asks for the children, and then only the newest entries, read from the end of the
 * log, so the view opens at once however long the history is. Older days, the earlier calls of a
 * day and a filter read the whole history when they are expanded or set. The view follows the
 * store: every append, deletion, clear or change made by another process refreshes it. A filter
 * (action, status, error code, RequestId, words) narrows what is shown; entries can be dragged onto
 * the collections view.
 */
export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryNode>, vscode.TreeDragAndDropController<HistoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly dragMimeTypes = [HISTORY_DRAG_MIME];
  readonly dropMimeTypes: string[] = [];
  private current: HistoryFilter = {};
  private days = new Map<string, Extract<HistoryNode, { kind: 'day' }>>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly recorder: HistoryRecorder) {
    this.subscription = recorder.onDidChange(() => this.refresh());
  }

  /** The active filter; empty when everything is shown. */
  get filter(): HistoryFilter {
    return { ...this.current };
  }

  /** True when some field of the filter narrows the view. */
  get filtered(): boolean {
    return Object.values(this.current).some((v) => v !== undefined && v !== '');
  }

  /** Shows only entries that match every field of `filter`; an empty filter shows everything. */
  setFilter(filter: HistoryFilter): void {
    const clean: HistoryFilter = {};
    if (filter.action?.trim()) clean.action = filter.action.trim();
    if (filter.status !== undefined) clean.status = filter.status;
    if (filter.errorCode?.trim()) clean.errorCode = filter.errorCode.trim();
    if (filter.requestId?.trim()) clean.requestId = filter.requestId.trim();
    if (filter.text?.trim()) clean.text = filter.text.trim();
    this.current = clean;
    void vscode.commands.executeCommand('setContext', ContextKey.HistoryFiltered, this.filtered);
    this.refresh();
  }

  /** Re-reads the entries from the store's index on the next `getChildren`. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The entries the view shows, newest first (after the filter). */
  async visibleEntries(): Promise<HistoryEntry[]> {
    await this.recorder.ensureLoaded();
    return this.recorder.store.query(this.current);
  }

  async getChildren(node?: HistoryNode): Promise<HistoryNode[]> {
    if (node?.kind === 'day') {
      const entries: HistoryNode[] = node.entries.map((entry) => ({ kind: 'entry', entry, day: node.day }));
      return node.partial ? [...entries, { kind: 'more', day: node.day, entries: [] }] : entries;
    }
    if (node?.kind === 'more') {
      return this.expandMore(node);
    }
    if (node) {
      return [];
    }
    // A filter searches every entry; without one, the newest entries fill the first screen.
    if (this.filtered) {
      await this.recorder.ensureLoaded();
    } else {
      await this.recorder.ensureRecent();
    }
    const entries = this.recorder.store.query(this.current);
    const complete = this.recorder.complete;
    const days = groupByDay(entries).map((d): Extract<HistoryNode, { kind: 'day' }> => ({ kind: 'day', day: d.day, entries: d.entries }));
    const oldest = days.at(-1);
    if (!complete && oldest) {
      // The oldest day read may go on in the part of the log not read yet.
      oldest.partial = true;
    }
    this.days = new Map(days.map((d) => [d.day, d]));
    void vscode.commands.executeCommand('setContext', ContextKey.HasHistory, entries.length > 0);
    return complete || days.length === 0 ? days : [...days, { kind: 'more', entries: [] }];
  }

  /**
   * Reads the whole history, then shows what the `more` node stood for; the view is then drawn
   * again from the complete history, days in their place.
   */
  private async expandMore(node: Extract<HistoryNode, { kind: 'more' }>): Promise<HistoryNode[]> {
    const shown = new Set([...this.days.values()].flatMap((d) => d.entries.map((e) => e.id)));
    await this.recorder.ensureLoaded();
    const all = groupByDay(this.recorder.store.query(this.current));
    setTimeout(() => this.refresh(), 0);
    if (node.day !== undefined) {
      const day = all.find((d) => d.day === node.day);
      return (day?.entries ?? []).filter((e) => !shown.has(e.id)).map((entry) => ({ kind: 'entry', entry, day: node.day as string }));
    }
    return all.filter((d) => !this.days.has(d.day)).map((d): HistoryNode => ({ kind: 'day', day: d.day, entries: d.entries }));
  }

  getParent(node: HistoryNode): HistoryNode | undefined {
    if (node.kind === 'entry' || (node.kind === 'more' && node.day !== undefined)) {
      return this.days.get(node.day as string);
    }
    return undefined;
  }

  /** The node of an entry, for `reveal`; undefined when it is not shown. */
  entryNode(id: string): HistoryNode | undefined {
    for (const day of this.days.values()) {
      const entry = day.entries.find((e) => e.id === id);
      if (entry) {
        return { kind: 'entry', entry, day: day.day };
      }
    }
    return undefined;
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    if (node.kind === 'more') {
      const item = new vscode.TreeItem(
        node.day === undefined ? vscode.l10n.t('Older days') : vscode.l10n.t('Earlier calls of this day'),
        vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `more:${node.day ?? ''}`;
      item.description = vscode.l10n.t('expand to read the rest of the history');
      item.iconPath = new vscode.ThemeIcon('history');
      item.contextValue = ';more;';
      return item;
    }
    if (node.kind === 'day') {
      const today = dayInTimeZone(Date.now());
      const yesterday = dayInTimeZone(Date.now() - 86_400_000);
      const label = node.day === today ? vscode.l10n.t('Today') : node.day === yesterday ? vscode.l10n.t('Yesterday') : node.day;
      const item = new vscode.TreeItem(label, node.day === today ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `day:${node.day}`;
      const count = node.partial ? `${node.entries.length}+` : String(node.entries.length);
      item.description = label === node.day ? count : `${node.day} · ${count}`;
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = ';day;';
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(e.action, vscode.TreeItemCollapsibleState.None);
    item.id = `entry:${e.id}`;
    item.description = [statusText(e), e.latencyMs !== undefined ? `${Math.round(e.latencyMs)} ms` : undefined, timeText(e.time)].filter(Boolean).join(' · ');
    item.tooltip = entryTooltip(e);
    const ok = isEntryOk(e);
    item.iconPath = e.sandbox
      ? new vscode.ThemeIcon('beaker', new vscode.ThemeColor(ok ? 'testing.iconPassed' : 'testing.iconFailed'))
      : new vscode.ThemeIcon(ok ? 'pass' : 'error', new vscode.ThemeColor(ok ? 'testing.iconPassed' : 'testing.iconFailed'));
    item.contextValue =
      ';entry;rerunnable;savable;openable;deletable;comparable;' +
      (e.requestId ? 'requestId;' : '') +
      (e.redactedPaths.length > 0 ? 'redacted;' : '') +
      (e.sandbox ? 'sandbox;' : '');
    item.command = { command: HistoryCommandId.Open, title: vscode.l10n.t('Open Request and Response'), arguments: [{ entry: e } satisfies HistoryEntryArgs] };
    item.accessibilityInformation = {
      label: vscode.l10n.t('{0}, {1}, {2}', e.action, ok ? vscode.l10n.t('succeeded') : vscode.l10n.t('failed'), item.description),
    };
    return item;
  }

  handleDrag(source: readonly HistoryNode[], dataTransfer: vscode.DataTransfer, _token?: vscode.CancellationToken): void {
    const entryIds = source.flatMap((n) => (n.kind === 'entry' ? [n.entry.id] : n.kind === 'day' ? n.entries.map((e) => e.id) : []));
    if (entryIds.length > 0) {
      dataTransfer.set(HISTORY_DRAG_MIME, new vscode.DataTransferItem(JSON.stringify({ entryIds } satisfies HistoryDragData)));
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The short status of an entry: the error code when there is one, else the HTTP status. */
export function statusText(e: HistoryEntry): string {
  if (e.error) {
    return e.error.code;
  }
  return e.httpStatus !== undefined ? String(e.httpStatus) : vscode.l10n.t('no answer');
}

function sourceLabel(source: HistoryEntry['source']): string {
  switch (source) {
    case 'form':
      return vscode.l10n.t('request form');
    case 'collection':
      return vscode.l10n.t('collection run');
    case 'cli':
      return vscode.l10n.t('command line');
    case 'rerun':
      return vscode.l10n.t('sent again from history');
  }
}

function timeText(iso: string): string {
  return new Date(iso).toLocaleTimeString(vscode.env.language, { hour12: false });
}

/** The hover of an entry: everything needed to find the call again in Tencent Cloud's logs. */
function entryTooltip(e: HistoryEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportThemeIcons = true;
  const row = (label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') {
      md.appendMarkdown(`${escapeMd(label)}: `);
      md.appendMarkdown(`\`${String(value).replace(/`/g, "'")}\`  \n`);
    }
  };
  md.appendMarkdown(`**${escapeMd(e.action)}** — ${escapeMd(new Date(e.time).toLocaleString(vscode.env.language, { hour12: false }))}\n\n`);
  row(vscode.l10n.t('Status'), e.httpStatus !== undefined ? `HTTP ${e.httpStatus}` : vscode.l10n.t('no answer'));
  row(vscode.l10n.t('Latency'), e.latencyMs !== undefined ? `${Math.round(e.latencyMs)} ms` : undefined);
  row('RequestId', e.requestId);
  row(vscode.l10n.t('Region'), e.region);
  row(vscode.l10n.t('Profile'), e.sandbox ? vscode.l10n.t('Sandbox') : e.profile);
  row(vscode.l10n.t('Endpoint'), e.endpoint);
  row(vscode.l10n.t('Source'), sourceLabel(e.source));
  if (e.error) {
    md.appendMarkdown(`\n$(error) **${escapeMd(e.error.code)}**: `);
    md.appendText(e.error.message.length > 600 ? e.error.message.slice(0, 600) + '…' : e.error.message);
    md.appendMarkdown('\n');
  }
  if (e.redactedPaths.length > 0) {
    md.appendMarkdown(`\n$(lock) ${escapeMd(vscode.l10n.t('Not recorded (sensitive): {0}', e.redactedPaths.join(', ')))}\n`);
  }
  return md;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
