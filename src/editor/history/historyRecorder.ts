import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { historyInputFromCall, historyInputFromFailure } from '../../core/history/historyEntry';
import {
  HISTORY_FILE_NAME,
  HISTORY_UNREADABLE_FILE_NAME,
  HistoryStore,
  type HistoryChange,
  type HistoryNotice,
  type HistorySubscription,
} from '../../core/history/historyStore';
import type { CallRecorder, FinishedCall } from '../../core/requests/callEvents';
import { readConfig } from '../common/config';
import type { Log } from '../common/log';

/** The store's limits, read from the settings unless a test passes its own. */
export interface HistoryLimits {
  maxEntries: number;
  maxBodyBytes: number;
}

function configuredLimits(): HistoryLimits {
  const c = readConfig();
  return { maxEntries: c.historyMaxEntries, maxBodyBytes: c.historyMaxBodyBytes };
}

// Another process's append produces several file events in a row (the record, then a stat); one
// refresh after they settle is enough.
const REFRESH_DELAY_MS = 150;

/**
 * Records every finished call in the request history under `globalStorageUri/history`, the folder
 * the command line's `--history` writes to as well. Nothing is read at activation; opening the view
 * reads only the newest entries ({@link ensureRecent}), and commands that need every entry read the
 * rest ({@link ensureLoaded}). Appends from other windows and from the command line are picked up
 * when the window gets focus and when the history file changes on disk. The cap setting is recorded
 * in the store when it changes, so the command line keeps as many entries. Messages from the store
 * (a damaged or newer file kept aside, unreadable lines moved to the side file, a failed compaction)
 * are shown once each as warnings with a button that shows the file.
 */
export class HistoryRecorder implements CallRecorder, vscode.Disposable {
  /** The folder of the history file; `TRTC_EXPLORER_HISTORY_DIR` for the command line. */
  readonly dir: string;
  private readonly current: HistoryStore;
  private storeSubscriptions: HistorySubscription[] = [];
  private opening: Promise<void> | undefined;
  private loading: Promise<void> | undefined;
  /** True once the store reads the log (its newest entries or all of them) and follows changes. */
  private opened = false;
  private watcher: vscode.FileSystemWatcher | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly shown = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<HistoryChange | undefined>();
  /** Fires after every change of the history; undefined when it was reloaded as a whole. */
  readonly onDidChange = this.changed.event;

  constructor(
    storageUri: vscode.Uri,
    private readonly log: Log,
    private readonly limits: () => HistoryLimits = configuredLimits,
  ) {
    this.dir = path.join(storageUri.fsPath, 'history');
    this.current = this.open();
    this.disposables.push(
      vscode.window.onDidChangeWindowState((e) => {
        if (e.focused && this.opened) {
          this.scheduleRefresh();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('trtcExplorer.history')) {
          void this.reconfigure().catch((err) => this.log.error('history', 'could not apply the new history settings', err));
        }
      }),
    );
  }

  /** The store, for queries; call {@link ensureRecent} or {@link ensureLoaded} first. */
  get store(): HistoryStore {
    return this.current;
  }

  /** True when the store holds every entry, not only the newest ones. */
  get complete(): boolean {
    return this.current.complete;
  }

  /**
   * Reads the newest entries for the first screen of the view, once (later calls wait for the same
   * read), and starts watching the file. Cheap whatever the history's length.
   */
  ensureRecent(): Promise<void> {
    if (this.loading) {
      return this.loading;
    }
    this.opening ??= (async () => {
      await fs.promises.mkdir(this.dir, { recursive: true });
      const report = await this.current.openRecent();
      this.opened = true;
      this.log.info('history', `read the newest ${report.entries} entries from ${this.dir}${report.complete ? ' (all of them)' : ''}`);
      this.watch();
    })().catch((e: unknown) => {
      this.opening = undefined;
      throw e;
    });
    return this.opening;
  }

  /** Reads every entry of the history file once (later calls wait for the same read) and starts watching it. */
  ensureLoaded(): Promise<void> {
    this.loading ??= (async () => {
      await fs.promises.mkdir(this.dir, { recursive: true });
      await this.opening?.catch(() => undefined);
      const report = this.current.complete && this.opened ? undefined : await this.current.load();
      this.opened = true;
      if (report) {
        this.log.info('history', `loaded ${report.entries} entries from ${this.dir}`);
      }
      this.watch();
    })().catch((e: unknown) => {
      this.loading = undefined;
      throw e;
    });
    return this.loading;
  }

  /** Appends one finished call; the request controller calls it for every call it makes. */
  async record({ spec, outcome, source, profile }: FinishedCall): Promise<void> {
    const meta = { source, ...(profile ? { profile } : {}) };
    const input = outcome.result ? historyInputFromCall(spec, outcome.result, meta) : historyInputFromFailure(spec, outcome.error, meta);
    await this.current.append(input);
  }

  /** Picks up what other processes appended or removed; true when the entries changed. */
  async refresh(): Promise<boolean> {
    if (!this.opened) {
      await this.ensureRecent();
      return true;
    }
    return this.current.refresh();
  }

  /**
   * Applies changed limits to the store. The cap is recorded in the log, so every process sharing
   * the history, the command line with `--history` included, keeps as many entries.
   */
  private async reconfigure(): Promise<void> {
    const { maxEntries, maxBodyBytes } = this.limits();
    this.current.setMaxBodyBytes(maxBodyBytes);
    if (maxEntries !== this.current.maxEntries) {
      await this.current.setMaxEntries(maxEntries);
      this.log.info('history', `the history keeps ${maxEntries} entries from now on`);
    }
  }

  private get unreadableFile(): string {
    return path.join(this.dir, HISTORY_UNREADABLE_FILE_NAME);
  }

  private open(): HistoryStore {
    const { maxEntries, maxBodyBytes } = this.limits();
    const store = new HistoryStore(this.dir, { maxEntries, maxBodyBytes });
    this.storeSubscriptions = [store.onDidChange((change) => this.changed.fire(change)), store.onDidNotice((notice) => this.notice(notice))];
    return store;
  }

  private watch(): void {
    if (this.watcher) {
      return;
    }
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(this.dir), HISTORY_FILE_NAME));
    const onEvent = () => this.scheduleRefresh();
    this.disposables.push(this.watcher, this.watcher.onDidChange(onEvent), this.watcher.onDidCreate(onEvent), this.watcher.onDidDelete(onEvent));
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.refresh().catch((e) => this.log.error('history', 'could not read changes to the history file', e));
    }, REFRESH_DELAY_MS);
  }

  /** Shows a store message once per session, in the user's language; the log keeps the store's own words. */
  private notice(notice: HistoryNotice): void {
    this.log.warn('history', notice.message);
    const key = `${notice.kind}:${notice.path ?? notice.message}`;
    if (this.shown.has(key)) {
      return;
    }
    this.shown.add(key);
    let message: string;
    switch (notice.kind) {
      case 'lines-kept-aside':
        message = vscode.l10n.t('{0} unreadable lines of the request history were moved, unchanged, to {1}.', notice.lines ?? 1, notice.path ?? '');
        break;
      case 'recovered':
        message = vscode.l10n.t('The first line of the request history was damaged. The entries after it were read, and the damaged line will be kept in {0}.', this.unreadableFile);
        break;
      case 'kept-aside':
        message =
          notice.version !== undefined
            ? vscode.l10n.t(
                'The request history was written by a newer version of TRTC API Explorer (format {0}). It was kept unchanged at {1} and a new, empty history was started.',
                notice.version,
                notice.path ?? '',
              )
            : vscode.l10n.t('The request history file was not recognised. It was kept unchanged at {0} and a new, empty history was started.', notice.path ?? '');
        break;
      case 'skipped-lines':
        message = vscode.l10n.t('Some damaged lines of the request history were skipped; every other entry was loaded.');
        break;
      default:
        message = vscode.l10n.t('Request history: {0}', notice.message);
    }
    const show = vscode.l10n.t('Show File');
    const copy = vscode.l10n.t('Copy Path');
    const logs = vscode.l10n.t('Show Logs');
    void vscode.window.showWarningMessage(message, ...(notice.path ? [show, copy] : []), logs).then(async (choice) => {
      if (choice === show && notice.path) {
        await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(notice.path));
      } else if (choice === copy && notice.path) {
        await vscode.env.clipboard.writeText(notice.path);
      } else if (choice === logs) {
        this.log.show();
      }
    });
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
    for (const s of this.storeSubscriptions.splice(0)) {
      s.dispose();
    }
    this.current.dispose();
    this.changed.dispose();
  }
}
