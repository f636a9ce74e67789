import * as vscode from 'vscode';
import { ruleValidator, runCollection, type RunSummary } from '../../core/collections/collectionRunner';
import { InputError } from '../../core/errors';
import type { CollectionRef } from '../../core/collections/collectionStore';
import { requireItem } from '../../core/collections/collectionTree';
import { formatTextReport } from '../../core/collections/reporters';
import { currentProfileName, pickCollection, environmentForSending, type CollectionsContext, type RunArgs } from './collectionsContext';
import type { RunRecord, RunResultArgs } from './collectionsTree';

/** Locates the item a node or reference stands for. */
export function runSelection(args: RunArgs): { ref: CollectionRef; folderId?: string; requestId?: string } {
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

/**
 * Runs a collection, folder or request with the selected environment and the active profile, with
 * cancellable progress. Each call is recorded in the history (source `collection`). The results
 * appear on top of the collections view and the text report opens; a status bar message gives the
 * counts and the time.
 */
export async function run(ctx: CollectionsContext, args: RunArgs | undefined): Promise<RunSummary | undefined> {
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
  if (selection.ref.scope === 'workspace' && !vscode.workspace.isTrusted) {
    throw new InputError(
      vscode.l10n.t('This workspace is in Restricted Mode: its collections can be read and opened, but not run. Trust the workspace (Manage Workspace Trust) to run them.'),
    );
  }
  const collection = await ctx.collections().load(selection.ref);
  const title = selection.requestId
    ? requireItem(collection, selection.requestId).item.name
    : selection.folderId
      ? requireItem(collection, selection.folderId).item.name
      : collection.name;
  const selected = await environmentForSending(ctx);
  const environment = selected?.environment;
  const profile = await currentProfileName(ctx);
  const { controller } = await ctx.requests();
  // Resolving once up front asks for a profile once, not for every request.
  await controller.resolveProfile(profile);
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
        ...(selected ? { secrets: ctx.secretsFor(selected.ref) } : {}),
        signal: abort.signal,
        execute: (spec, signal) => controller.execute(spec, profile, 'collection', signal),
        // The same TRTC rules the form and the command line check, with the session's region.
        validate: ruleValidator({ region: ctx.session.activeRegion(), now: Date.now }),
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
  const refused = ctx.trust.takeRefused();
  if (refused.length) {
    void ctx.trust.offerTrust(vscode.l10n.t('Some requests were not sent: {0} is not a trusted endpoint. Nothing was signed for it.', refused.join(', ')), refused);
  }
  return summary;
}

/** Shows one result of a run: its answer as a document, or why it has none. */
export async function openRunResult(ctx: CollectionsContext, args: RunResultArgs): Promise<void> {
  const r = args.result;
  if (r.callResult) {
    await (await ctx.requests()).controller.openResult({ action: r.action, params: {} }, r.callResult);
    return;
  }
  const lines = [`${[...r.path, r.name].join(' / ')} (${r.action}): ${r.status}`, '', r.error?.message ?? ''];
  await ctx.results.open(`${r.name} ${r.status}`, lines.join('\n') + '\n', 'plaintext');
}
