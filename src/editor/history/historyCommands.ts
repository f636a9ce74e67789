import * as vscode from 'vscode';
import { entryAsDocument } from '../../core/history/historyDocument';
import { entryParams, type HistoryEntry } from '../../core/history/historyEntry';
import type { HistoryFilter } from '../../core/history/historyQuery';
import { InputError } from '../../core/errors';
import { stringifyJson } from '../../core/json';
import { requestFromEntry } from '../../core/collections/savedRequest';
import type { RequestItem } from '../../core/collections/collectionFormat';
import type { CallSpec } from '../../core/requests/types';
import type { CommandHandler } from '../common/commands';
import { ContextKey, HistoryCommandId, SANDBOX_PROFILE } from '../common/ids';
import type { Log } from '../common/log';
import type { Prompts } from '../common/prompts';
import type { DocumentCall, ResultDocuments } from '../common/resultDocuments';
import type { CredentialStore } from '../credentials/credentialStore';
import { entryCallSpec } from '../../core/history/entryCallSpec';
import { entryDocuments } from '../../core/history/entryDocuments';
import type { RequestsFeature } from '../requests/requestsFeature';
import type { SendOutcome } from '../requests/requestController';
import type { HistoryRecorder } from './historyRecorder';
import { statusText, type HistoryEntryArgs, type HistoryNode, type HistoryTreeProvider } from './historyTree';

/** What the history commands work with. Other features come in as lazy getters and functions, built by the composition root. */
export interface HistoryContext {
  log: Log;
  credentials: CredentialStore;
  results: ResultDocuments;
  history: HistoryRecorder;
  historyTree: HistoryTreeProvider;
  historyView: vscode.TreeView<HistoryNode>;
  prompts: Prompts;
  /** The request forms and the controller, loaded on first use. */
  requests: () => Promise<Pick<RequestsFeature, 'controller' | 'panels'>>;
  /** The signature tools, for a recorded call. */
  signature: {
    showSteps(call: DocumentCall): Promise<unknown>;
    debug(call: DocumentCall): Promise<unknown>;
    exportCode(call: DocumentCall): Promise<unknown>;
  };
  /** Saves requests into a collection, asking where (and for a name when `askName`). */
  saveToCollection(requests: RequestItem[], options: { askName: boolean }): Promise<unknown>;
}

/** The request of a history entry as the signature and export commands take it. */
function entryCall(entry: HistoryEntry): { spec: CallSpec; profile?: string } {
  return { spec: entryCallSpec(entry), ...(entry.profile ? { profile: entry.profile } : {}) };
}

/** A short name for an entry in titles: action and local time. */
function entryTitle(entry: HistoryEntry): string {
  return `${entry.action} ${new Date(entry.time).toLocaleTimeString(vscode.env.language, { hour12: false })}`;
}

/** The entries a command acts on: the multi-selection when the clicked node is part of it, else the clicked node. */
function entriesOf(node: unknown, selection: unknown): HistoryEntry[] {
  const pick = (n: unknown): HistoryEntry[] => {
    const h = n as HistoryNode | HistoryEntryArgs | undefined;
    if (!h) return [];
    if ('kind' in h) return h.kind === 'entry' ? [h.entry] : h.entries;
    return h.entry ? [h.entry] : [];
  };
  const selected = Array.isArray(selection) ? selection.flatMap(pick) : [];
  const clicked = pick(node);
  if (selected.length > 1 && clicked.every((c) => selected.some((s) => s.id === c.id))) {
    return selected;
  }
  return clicked;
}

function oneEntry(node: unknown): HistoryEntry {
  const [entry] = entriesOf(node, undefined);
  if (!entry) {
    throw new InputError(vscode.l10n.t('Run this command on an entry of the History view.'));
  }
  return entry;
}

/** The profile a re-run signs with: the recorded one when it still exists, else the active one. */
async function profileFor(ctx: HistoryContext, entry: HistoryEntry): Promise<string | undefined> {
  if (entry.sandbox) {
    return SANDBOX_PROFILE;
  }
  if (entry.profile && (await ctx.credentials.get(entry.profile))) {
    return entry.profile;
  }
  return ctx.credentials.activeName() === SANDBOX_PROFILE ? SANDBOX_PROFILE : (await ctx.credentials.active())?.name;
}

/** Opens the entry's parameters in its action's form, with its region and methods. */
async function loadInForm(ctx: HistoryContext, entry: HistoryEntry): Promise<unknown> {
  const profile = await profileFor(ctx, entry);
  const panel = (await ctx.requests()).panels.show(entry.action, {
    paramsText: stringifyJson(entryParams(entry), 2),
    options: {
      ...(entry.region ? { region: entry.region } : {}),
      signMethod: entry.signMethod,
      httpMethod: entry.httpMethod,
      ...(profile ? { profile } : {}),
    },
  });
  if (entry.redactedPaths.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Fill these in again: {0}. Sensitive values are never recorded, so they read "<redacted>".', entry.redactedPaths.join(', ')),
    );
  }
  return panel;
}

/**
 * Sends an entry's call again, signed now. An entry whose sensitive values were removed when it was
 * recorded is not sent: it opens in the form with the fields to fill in named.
 */
async function rerun(ctx: HistoryContext, entry: HistoryEntry): Promise<SendOutcome | undefined> {
  if (entry.redactedPaths.length > 0) {
    (await ctx.requests()).panels.show(entry.action, {
      paramsText: stringifyJson(entryParams(entry), 2),
      options: { ...(entry.region ? { region: entry.region } : {}), signMethod: entry.signMethod, httpMethod: entry.httpMethod },
    });
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} was not sent again: {1} were not recorded because they are sensitive. Fill them in the form, then send.', entry.action, entry.redactedPaths.join(', ')),
    );
    return undefined;
  }
  return (await ctx.requests()).controller.send(entryCallSpec(entry), await profileFor(ctx, entry), 'rerun');
}

/** Opens two entries side by side in a diff editor, request and response field by field. */
async function compare(ctx: HistoryContext, left: HistoryEntry, right: HistoryEntry): Promise<void> {
  const [a, b] = Date.parse(left.time) <= Date.parse(right.time) ? [left, right] : [right, left];
  const store = ctx.history.store;
  const leftUri = ctx.results.add(entryTitle(a), entryAsDocument(a, await store.getResponseBody(a.id)));
  const rightUri = ctx.results.add(entryTitle(b), entryAsDocument(b, await store.getResponseBody(b.id)));
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, `${entryTitle(a)} ↔ ${entryTitle(b)}`, { preview: false });
}

/** Asks for an entry to compare, from the visible ones, newest first. */
async function pickEntry(ctx: HistoryContext, title: string, exclude?: HistoryEntry): Promise<HistoryEntry | undefined> {
  const entries = (await ctx.historyTree.visibleEntries()).filter((e) => e.id !== exclude?.id).slice(0, 500);
  const pick = await ctx.prompts.pick(
    entries.map((e) => ({ label: e.action, description: `${statusText(e)} · ${new Date(e.time).toLocaleString(vscode.env.language, { hour12: false })}`, detail: e.requestId, entry: e })),
    { title, matchOnDescription: true, matchOnDetail: true },
  );
  return pick?.entry;
}

/** Describes the active filter for the view's message line. */
function describeFilter(f: HistoryFilter): string {
  const parts: string[] = [];
  if (f.action) parts.push(vscode.l10n.t('action "{0}"', f.action));
  if (f.status === 'ok') parts.push(vscode.l10n.t('succeeded'));
  else if (f.status === 'error') parts.push(vscode.l10n.t('failed'));
  else if (typeof f.status === 'number') parts.push(`HTTP ${f.status}`);
  if (f.errorCode) parts.push(vscode.l10n.t('error code "{0}"', f.errorCode));
  if (f.requestId) parts.push(vscode.l10n.t('RequestId "{0}"', f.requestId));
  if (f.text) parts.push(vscode.l10n.t('text "{0}"', f.text));
  return parts.join(', ');
}

function applyFilter(ctx: HistoryContext, filter: HistoryFilter): void {
  ctx.historyTree.setFilter(filter);
  const f = ctx.historyTree.filter;
  ctx.historyView.message = ctx.historyTree.filtered ? vscode.l10n.t('Filtered: {0}', describeFilter(f)) : undefined;
}

/** Lets the user narrow the view field by field; each choice adds to the current filter. */
async function pickFilter(ctx: HistoryContext): Promise<HistoryFilter | undefined> {
  const f = ctx.historyTree.filter;
  type Field = 'action' | 'ok' | 'error' | 'anyStatus' | 'http' | 'errorCode' | 'requestId' | 'text' | 'clear';
  const current = (v: string | number | undefined) => (v === undefined ? undefined : vscode.l10n.t('now: {0}', String(v)));
  const items: Array<vscode.QuickPickItem & { field: Field }> = [
    { label: `$(symbol-method) ${vscode.l10n.t('Action…')}`, description: current(f.action), field: 'action' },
    { label: `$(pass) ${vscode.l10n.t('Succeeded only')}`, description: f.status === 'ok' ? vscode.l10n.t('now') : undefined, field: 'ok' },
    { label: `$(error) ${vscode.l10n.t('Failed only')}`, description: f.status === 'error' ? vscode.l10n.t('now') : undefined, field: 'error' },
    { label: `$(globe) ${vscode.l10n.t('HTTP Status…')}`, description: typeof f.status === 'number' ? current(f.status) : undefined, field: 'http' },
    { label: `$(circle-outline) ${vscode.l10n.t('Any Status')}`, field: 'anyStatus' },
    { label: `$(warning) ${vscode.l10n.t('Error Code…')}`, description: current(f.errorCode), field: 'errorCode' },
    { label: `$(key) ${vscode.l10n.t('RequestId…')}`, description: current(f.requestId), field: 'requestId' },
    { label: `$(search) ${vscode.l10n.t('Text Anywhere…')}`, description: current(f.text), field: 'text' },
    { label: `$(clear-all) ${vscode.l10n.t('Clear Filter')}`, field: 'clear' },
  ];
  const pick = await ctx.prompts.pick(items, { title: vscode.l10n.t('Filter History'), placeHolder: describeFilter(f) || vscode.l10n.t('Choose what to filter on') });
  if (!pick) {
    return undefined;
  }
  const ask = (title: string, value: string | undefined, prompt: string, validate?: (v: string) => string | undefined) =>
    ctx.prompts.input({ title, value: value ?? '', prompt, ...(validate ? { validateInput: validate } : {}) });
  switch (pick.field) {
    case 'clear':
      return {};
    case 'ok':
      return { ...f, status: 'ok' };
    case 'error':
      return { ...f, status: 'error' };
    case 'anyStatus': {
      const { status: _status, ...rest } = f;
      return rest;
    }
    case 'http': {
      const text = await ask(vscode.l10n.t('HTTP Status'), typeof f.status === 'number' ? String(f.status) : '', vscode.l10n.t('Such as 200 or 500'), (v) =>
        /^[1-5]\d\d$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter a status from 100 to 599'),
      );
      return text === undefined ? undefined : { ...f, status: Number(text.trim()) };
    }
    case 'action': {
      const text = await ask(vscode.l10n.t('Action'), f.action, vscode.l10n.t('Part of an action name, such as Room; empty to drop this condition'));
      return text === undefined ? undefined : { ...f, action: text };
    }
    case 'errorCode': {
      const text = await ask(vscode.l10n.t('Error Code'), f.errorCode, vscode.l10n.t('Part of an error code, such as AuthFailure or RoomNotExist; empty to drop this condition'));
      return text === undefined ? undefined : { ...f, errorCode: text };
    }
    case 'requestId': {
      const text = await ask(vscode.l10n.t('RequestId'), f.requestId, vscode.l10n.t('Part of a RequestId; empty to drop this condition'));
      return text === undefined ? undefined : { ...f, requestId: text };
    }
    case 'text': {
      const text = await ask(vscode.l10n.t('Text Anywhere'), f.text, vscode.l10n.t('Words found in parameters, errors, regions, profiles or response bodies; empty to drop this condition'));
      return text === undefined ? undefined : { ...f, text };
    }
  }
}

/** The handlers of the history view's commands. */
export function historyCommands(ctx: HistoryContext): Record<HistoryCommandId, CommandHandler> {
  let compareFirst: HistoryEntry | undefined;
  return {
    [HistoryCommandId.Refresh]: async () => {
      await ctx.history.refresh();
      ctx.historyTree.refresh();
    },
    [HistoryCommandId.Filter]: async (filter?: HistoryFilter) => {
      const chosen = filter && typeof filter === 'object' && !('kind' in filter) ? filter : await pickFilter(ctx);
      if (chosen) {
        applyFilter(ctx, chosen);
      }
    },
    [HistoryCommandId.ClearFilter]: () => applyFilter(ctx, {}),
    [HistoryCommandId.Open]: async (node?: HistoryNode | HistoryEntryArgs) => {
      const entry = oneEntry(node);
      const docs = entryDocuments(entry, await ctx.history.store.getResponseBody(entry.id));
      await ctx.results.open(vscode.l10n.t('{0} request', entryTitle(entry)), docs.request, 'json', { preserveFocus: true });
      await ctx.results.open(vscode.l10n.t('{0} response', entryTitle(entry)), docs.response, 'json', { preserveFocus: true });
    },
    [HistoryCommandId.Rerun]: (node?: HistoryNode | HistoryEntryArgs) => rerun(ctx, oneEntry(node)),
    [HistoryCommandId.LoadInForm]: (node?: HistoryNode | HistoryEntryArgs) => loadInForm(ctx, oneEntry(node)),
    [HistoryCommandId.SaveToCollection]: async (node?: HistoryNode | HistoryEntryArgs, selection?: HistoryNode[]) => {
      const entries = entriesOf(node, selection);
      if (entries.length === 0) {
        throw new InputError(vscode.l10n.t('Run this command on an entry of the History view.'));
      }
      return ctx.saveToCollection(entries.map((e) => requestFromEntry(e)), { askName: entries.length === 1 });
    },
    [HistoryCommandId.Delete]: async (node?: HistoryNode | HistoryEntryArgs, selection?: HistoryNode[]) => {
      const entries = entriesOf(node, selection);
      for (const e of entries) {
        await ctx.history.store.delete(e.id);
      }
      if (compareFirst && entries.some((e) => e.id === compareFirst?.id)) {
        compareFirst = undefined;
        void vscode.commands.executeCommand('setContext', ContextKey.HistoryCompareSelected, false);
      }
      return entries.length;
    },
    // A history entry keeps no signature, so these sign the recorded request again with its
    // profile's keys (the steps document says it shows a fresh signature).
    [HistoryCommandId.ShowSignatureSteps]: (node?: HistoryNode | HistoryEntryArgs) => ctx.signature.showSteps(entryCall(oneEntry(node))),
    [HistoryCommandId.DebugSignature]: (node?: HistoryNode | HistoryEntryArgs) => ctx.signature.debug(entryCall(oneEntry(node))),
    [HistoryCommandId.ExportCode]: (node?: HistoryNode | HistoryEntryArgs) => ctx.signature.exportCode(entryCall(oneEntry(node))),
    [HistoryCommandId.CopyRequestId]: async (node?: HistoryNode | HistoryEntryArgs) => {
      const entry = oneEntry(node);
      if (!entry.requestId) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This call has no RequestId: it did not reach the API.'));
        return;
      }
      await vscode.env.clipboard.writeText(entry.requestId);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('RequestId {0} copied', entry.requestId), 3000);
    },
    [HistoryCommandId.SelectForCompare]: (node?: HistoryNode | HistoryEntryArgs) => {
      compareFirst = oneEntry(node);
      void vscode.commands.executeCommand('setContext', ContextKey.HistoryCompareSelected, true);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('{0} selected for compare: choose "Compare with Selected" on another entry', entryTitle(compareFirst)), 5000);
    },
    [HistoryCommandId.CompareWithSelected]: async (node?: HistoryNode | HistoryEntryArgs) => {
      const second = oneEntry(node);
      if (!compareFirst) {
        throw new InputError(vscode.l10n.t('Choose "Select for Compare" on an entry first.'));
      }
      await compare(ctx, compareFirst, second);
    },
    [HistoryCommandId.Compare]: async (node?: HistoryNode | HistoryEntryArgs, selection?: HistoryNode[]) => {
      const entries = entriesOf(node, selection);
      if (entries.length > 2) {
        throw new InputError(vscode.l10n.t('Select exactly two entries to compare ({0} are selected).', entries.length));
      }
      const first = entries[0] ?? (await pickEntry(ctx, vscode.l10n.t('First entry to compare')));
      const second = entries[1] ?? (first ? await pickEntry(ctx, vscode.l10n.t('Compare {0} with…', entryTitle(first)), first) : undefined);
      if (first && second) {
        await compare(ctx, first, second);
      }
    },
    [HistoryCommandId.Clear]: async () => {
      // The view may hold only the newest entries; the question names them all.
      await ctx.history.ensureLoaded();
      const size = ctx.history.store.size;
      const clear = vscode.l10n.t('Clear History');
      const ok = await ctx.prompts.confirm(
        vscode.l10n.t('Delete all {0} entries of the request history?', size),
        vscode.l10n.t('Every recorded call and response is deleted, in every window and for the command line too. This cannot be undone.'),
        clear,
      );
      if (ok) {
        await ctx.history.store.clear();
      }
      return ok;
    },
    [HistoryCommandId.Export]: async (uri?: unknown) => {
      await ctx.history.ensureLoaded();
      const filter = ctx.historyTree.filter;
      const target =
        uri instanceof vscode.Uri
          ? uri
          : await vscode.window.showSaveDialog({
              title: ctx.historyTree.filtered ? vscode.l10n.t('Export Filtered History') : vscode.l10n.t('Export History'),
              filters: { JSON: ['json'] },
              ...(vscode.workspace.workspaceFolders?.[0]
                ? { defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `trtc-history-${new Date().toISOString().slice(0, 10)}.json`) }
                : {}),
            });
      if (!target) {
        return undefined;
      }
      const text = await ctx.history.store.export(filter);
      await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
      const count = ctx.history.store.query(filter).length;
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} history entries to {1}. Sensitive parameters were never recorded; response bodies are included.', count, target.fsPath));
      return target;
    },
    [HistoryCommandId.CopyFolderPath]: async () => {
      await vscode.env.clipboard.writeText(ctx.history.dir);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Copied {0}. Set TRTC_EXPLORER_HISTORY_DIR to this folder so that "trtc-explorer call --history" records calls into this view.', ctx.history.dir),
      );
      return ctx.history.dir;
    },
  };
}
