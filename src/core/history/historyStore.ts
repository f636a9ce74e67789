/*
 * The request history on disk, and how several processes share it.
 *
 * Layout of the store's directory:
 *   history.jsonl             the log: a header line, then one record per line
 *   history.unreadable.jsonl  lines a compaction could not read, kept exactly as they were
 *   bodies/<id>.body          response bodies larger than the inline cap (historyBodies.ts)
 *   history.lock/             a lock directory, present only while a process rewrites the log (historyLock.ts)
 *
 * The log. Line 1 is the header `{"format":"trtc-api-explorer/history","schemaVersion":1,...}`, with
 * `maxEntries` once a cap was recorded. Every later record is written as "\n" + JSON + "\n" in ONE
 * write(2) on a descriptor opened with O_APPEND, so on a local file system two processes' records
 * never interleave. The leading newline ends any record that a crash left half written, so a torn
 * record costs only itself; the trailing newline tells a reader that a record is complete (an
 * unterminated last segment is a record still being written, or a torn one, and is left for the next
 * read). Records are entries (`{"op":"add",...}`, spelled out in historyRecord.ts), tombstones
 * (`{"op":"del","id":...}`), which is how one entry is deleted in O(1), and cap lines, shaped like the
 * header, which the editor appends when its cap setting changes: the cap is the store's, so the
 * command line never prunes below it. Readers skip blank lines and repeated header lines, count lines
 * they cannot parse, and keep the first record of an id (an appender may write its record twice, see
 * below). A file whose header names a newer schema, or that holds no record of ours at all, is renamed
 * aside (`.newer-<v>-<time>`, `.corrupt-<time>`) under the lock, never rewritten, and a notice says
 * where it went. A damaged header over readable records is not a reason to lose them: they are read,
 * and the next compaction writes a new header and keeps the damaged line in the side file.
 *
 * Appending takes no lock and touches no other record (historyAppender.ts); rewriting, compaction
 * and clear, holds the lock (historyCompaction.ts). Both files say why no record is lost when they
 * run at the same time in several processes.
 *
 * Readers keep a descriptor on the file they loaded, which pins its inode: when the path names
 * another inode, another process rewrote the log and `refresh()` reloads it; when the same file grew,
 * only the new tail is read. Opening the view reads only the newest entries, backwards from the end
 * (`openRecent`, historyTail.ts); `load()` reads the whole log when a command needs every entry.
 */
import { ConfigError } from '../errors';
import { LogAppender } from './historyAppender';
import { bodyFilesBytes, readBodyFile, removeBodyFiles, writeBodyFile } from './historyBodies';
import { compactionSlack, rewriteLog } from './historyCompaction';
import { historyExport } from './historyDocument';
import { prepareHistoryEntry, type HistoryEntry, type HistoryInput } from './historyEntry';
import {
  damageNotices,
  messageOf,
  openLogForRead,
  positiveInt,
  statOrUndefined,
  storePaths,
  type HeaderCheck,
  type HistoryNotice,
  type OpenedLog,
} from './historyFile';
import { HistoryIndex } from './historyIndex';
import { LockTimeoutError } from './historyLock';
import type { HistoryFilter } from './historyQuery';
import { encodeAdd, encodeCap, encodeDelete, encodeHeader, newEntryId } from './historyRecord';
import { LogReader } from './historyTail';

export { HISTORY_BODIES_DIR, HISTORY_FILE_NAME, HISTORY_UNREADABLE_FILE_NAME, type HistoryNotice } from './historyFile';

/** The cap of a store that names none and whose log records none. */
export const DEFAULT_MAX_ENTRIES = 5000;
/** How many entries `openRecent` reads by default: more than the first screen of the view shows. */
export const RECENT_ENTRIES = 200;
/** How many bytes `openRecent` reads at most, so a few huge inline bodies cannot make opening slow. */
const RECENT_BYTE_BUDGET = 4 * 1024 * 1024;
/** A log this small is read whole when the view opens: as fast as reading its end, and complete. */
const SMALL_LOG_BYTES = 256 * 1024;

/** Limits and timing of a store; every field has a default. */
export interface HistoryStoreOptions {
  /**
   * The cap this process sets: the oldest entries beyond it are pruned, and it is recorded in the
   * log so that every process sharing the store (the command line included) keeps as many. Without
   * it the cap recorded in the log applies, or 5,000 when none is.
   */
  maxEntries?: number;
  /** Largest response body kept inside the entry, in UTF-8 bytes; larger ones go to a side file. Default 1 MB. */
  maxBodyBytes?: number;
  /** A lock whose holder stopped its heartbeat this long ago is taken over. Default 15 s. */
  lockStaleMs?: number;
  /** How long a rewrite waits for the lock. Default 10 s. */
  lockTimeoutMs?: number;
  /** The clock, for tests. */
  now?: () => Date;
}

/** What `load()` or `openRecent()` found. */
export interface HistoryLoadReport {
  entries: number;
  /** Lines that could not be read and were skipped. */
  skippedLines: number;
  /** True when the index holds every entry of the log; false after `openRecent` of a longer log. */
  complete: boolean;
  notices: HistoryNotice[];
}

/** Why the history changed; `external` means another process changed it. */
export type HistoryChange =
  | { kind: 'append'; entry: HistoryEntry }
  | { kind: 'delete'; id: string }
  | { kind: 'clear' }
  | { kind: 'compact'; removed: number }
  | { kind: 'external'; added: number; removed: number }
  | { kind: 'reset'; notice: HistoryNotice };

/** What a subscription returns; the VS Code layer wraps it in a `Disposable`. */
export interface HistorySubscription {
  dispose(): void;
}

/** Sizes for the status line and the benchmark. */
export interface HistoryStats {
  entries: number;
  /** Tombstones, duplicate and unreadable lines waiting for the next compaction. */
  garbageLines: number;
  skippedLines: number;
  fileBytes: number;
  sideFileBytes: number;
}

/**
 * The capped, append-only request history of one directory. Call `openRecent()` to show the newest
 * entries or `load()` to read them all; `append()` and `delete()` work without either and stay O(1).
 */
export class HistoryStore {
  private readonly paths: ReturnType<typeof storePaths>;
  private ownMaxEntries: number | undefined;
  /** The cap the log records, as last read or written. */
  private fileMaxEntries: number | undefined;
  private maxBodyBytes: number;
  private readonly lockStaleMs: number;
  private readonly lockTimeoutMs: number;
  private readonly now: () => Date;

  /** What the index holds: nothing yet, the newest entries of the log, or all of them. */
  private state: 'none' | 'recent' | 'full' = 'none';
  private recentLimit = RECENT_ENTRIES;
  private readonly index = new HistoryIndex();
  private readonly reader: LogReader;
  private readonly appender: LogAppender;
  private queue: Promise<unknown> = Promise.resolve();
  private compactionQueued = false;
  private disposed = false;
  private readonly changeListeners = new Set<(change: HistoryChange) => void>();
  private readonly noticeListeners = new Set<(notice: HistoryNotice) => void>();

  constructor(
    /** The store's own directory, such as `globalStorageUri.fsPath + '/history'`; created when needed. */
    readonly dir: string,
    options: HistoryStoreOptions = {},
  ) {
    this.paths = storePaths(dir);
    this.reader = new LogReader(this.paths.file, this.index);
    this.ownMaxEntries = options.maxEntries === undefined ? undefined : positiveInt(options.maxEntries, DEFAULT_MAX_ENTRIES, 'maxEntries');
    this.maxBodyBytes = positiveInt(options.maxBodyBytes, 1024 * 1024, 'maxBodyBytes', true);
    this.lockStaleMs = positiveInt(options.lockStaleMs, 15_000, 'lockStaleMs');
    this.lockTimeoutMs = positiveInt(options.lockTimeoutMs, 10_000, 'lockTimeoutMs', true);
    this.now = options.now ?? (() => new Date());
    this.appender = new LogAppender({
      dir,
      file: this.paths.file,
      lockDir: this.paths.lockDir,
      lock: () => this.lockOptions(),
      now: this.now,
      onKeptAside: (notice) => {
        this.notify(notice);
        this.fire({ kind: 'reset', notice });
      },
    });
  }

  /** The cap in force: this process's own, else the one the log records, else 5,000. */
  get maxEntries(): number {
    return this.ownMaxEntries ?? this.fileMaxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  /** True when the index holds every entry of the log (after `load()`, or `openRecent()` of a short log). */
  get complete(): boolean {
    return this.state === 'full';
  }

  /** Fires after every change, from this process or (seen by `refresh()`) another one. */
  onDidChange(listener: (change: HistoryChange) => void): HistorySubscription {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  /** Fires with a message for the user: a file or lines kept aside, a recovered header, a failed background compaction. */
  onDidNotice(listener: (notice: HistoryNotice) => void): HistorySubscription {
    this.noticeListeners.add(listener);
    return { dispose: () => this.noticeListeners.delete(listener) };
  }

  /** Reads the whole log and builds the in-memory index; later calls reload from scratch. */
  load(): Promise<HistoryLoadReport> {
    return this.enqueue(async () => {
      const notices = await this.fullLoad();
      return this.report(notices);
    });
  }

  /**
   * Reads only the newest `limit` entries, backwards from the end of the log, for the first screen of
   * the history view; `load()` reads the rest when it is needed. A short log is read whole. Never
   * compacts and never writes, except to move a newer or foreign file aside.
   */
  openRecent(limit = RECENT_ENTRIES): Promise<HistoryLoadReport> {
    this.recentLimit = limit;
    return this.enqueue(async () => {
      const notices = await this.recentLoad(limit);
      return this.report(notices);
    });
  }

  /**
   * Picks up what other processes wrote since the last read: only the new tail when the file grew,
   * the log again when another process rewrote it. True when the entries changed.
   */
  refresh(): Promise<boolean> {
    return this.enqueue(async () => {
      if (this.state === 'none') {
        await this.fullLoad();
        return true;
      }
      return this.refreshNow();
    });
  }

  /** Records one call and returns the stored entry (redacted, with its body inline or in a side file). */
  append(input: HistoryInput): Promise<HistoryEntry> {
    return this.enqueue(async () => {
      const now = this.now();
      const { entry, body } = prepareHistoryEntry(input, newEntryId(now), now, this.maxBodyBytes);
      let bodyLiteral: string | undefined;
      if (body !== undefined && entry.response?.file) {
        await writeBodyFile(this.paths.bodiesDir, entry.response.file, body);
      } else if (body !== undefined) {
        bodyLiteral = JSON.stringify(body);
      }
      await this.recordCapIfNeeded();
      await this.writeRecord(encodeAdd(entry, bodyLiteral), entry.id);
      if (this.state !== 'none') {
        this.index.insert(entry, Date.parse(entry.time), bodyLiteral);
      }
      this.fire({ kind: 'append', entry });
      this.scheduleCompactionIfDue();
      return entry;
    });
  }

  /** Removes one entry by appending a tombstone; its side file goes now, its lines at the next compaction. */
  delete(id: string): Promise<boolean> {
    return this.enqueue(async () => {
      const slot = this.index.slot(id);
      if (this.state === 'full' && !slot) {
        return false;
      }
      const file = slot?.entry.response?.file ?? (slot ? undefined : `${id}.body`);
      await this.writeRecord(encodeDelete(id, this.now().toISOString()), `del:${id}`);
      if (this.state !== 'none') {
        this.index.markDeleted(id);
      }
      if (file) {
        await removeBodyFiles(this.paths.bodiesDir, [file]);
      }
      this.fire({ kind: 'delete', id });
      this.scheduleCompactionIfDue();
      return true;
    });
  }

  /** Empties the history (and its side files) by rewriting the log under the lock. */
  clear(): Promise<void> {
    return this.enqueue(async () => {
      await this.rewrite('clear', true, this.lockTimeoutMs);
      if (this.state !== 'none') {
        await this.reload();
      }
      this.fire({ kind: 'clear' });
    });
  }

  /**
   * Drops the oldest entries beyond the cap, and tombstones and duplicates, by rewriting the log
   * under the lock; unreadable lines move to the side file. Runs by itself when the log exceeds the
   * cap by 10%; `force` rewrites even when nothing is due. Returns how many entries were dropped.
   */
  compact(force = false): Promise<number> {
    return this.enqueue(() => this.compactNow(force, this.lockTimeoutMs));
  }

  /**
   * Sets the cap, as the editor does when its setting changes, and records it in the log so that
   * every process sharing the store keeps as many entries. A lower cap prunes at the next compaction.
   */
  setMaxEntries(maxEntries: number): Promise<void> {
    const value = positiveInt(maxEntries, DEFAULT_MAX_ENTRIES, 'maxEntries');
    return this.enqueue(async () => {
      this.ownMaxEntries = value;
      await this.recordCapIfNeeded();
      this.scheduleCompactionIfDue();
    });
  }

  /** Sets the largest body kept inline for the calls recorded from now on. */
  setMaxBodyBytes(maxBodyBytes: number): void {
    this.maxBodyBytes = positiveInt(maxBodyBytes, 1024 * 1024, 'maxBodyBytes', true);
  }

  /** Resolves when every queued operation (a background compaction included) has finished. */
  whenIdle(): Promise<void> {
    // The queue never rejects: enqueue() keeps only a settled copy of each operation.
    return this.queue.then(() => undefined);
  }

  /** Matching entries, newest first, from the in-memory index (shared objects: treat them as read-only). */
  query(filter: HistoryFilter = {}): HistoryEntry[] {
    return this.index.query(filter);
  }

  /** One entry by id, when it is in the index. */
  get(id: string): HistoryEntry | undefined {
    return this.index.slot(id)?.entry;
  }

  /** How many entries the index holds (after `openRecent` of a long log, only the newest ones). */
  get size(): number {
    return this.index.size;
  }

  /** The oldest time the index covers, in epoch milliseconds; older entries need `load()` when not {@link complete}. */
  get oldestIndexedMs(): number | undefined {
    return this.index.oldestMs;
  }

  /**
   * The response body of an entry exactly as received, from the entry or its side file; undefined
   * when the entry is unknown or had no body.
   */
  async getResponseBody(id: string): Promise<string | undefined> {
    const slot = this.index.slot(id);
    const response = slot?.entry.response;
    if (!slot || !response) {
      return undefined;
    }
    if (slot.bodyLiteral !== undefined) {
      return JSON.parse(slot.bodyLiteral) as string;
    }
    return response.file ? readBodyFile(this.paths.bodiesDir, response.file, id) : undefined;
  }

  /**
   * A versioned JSON document of the matching entries (newest first) with their parameters as JSON
   * and their full bodies, for sharing or a bug report. Sensitive values were redacted when recorded.
   */
  export(filter: HistoryFilter = {}): Promise<string> {
    return historyExport(this.query(filter), (id) => this.getResponseBody(id), this.now());
  }

  /** Counts and sizes on disk. */
  async stats(): Promise<HistoryStats> {
    const fileBytes = (await statOrUndefined(this.paths.file))?.size ?? 0;
    const sideFileBytes = await bodyFilesBytes(this.paths.bodiesDir);
    return { entries: this.index.size, garbageLines: this.index.garbage, skippedLines: this.index.skipped, fileBytes, sideFileBytes };
  }

  /** Closes the store's files and drops its listeners; later calls fail. */
  dispose(): void {
    this.disposed = true;
    this.appender.close();
    this.reader.close();
    this.changeListeners.clear();
    this.noticeListeners.clear();
  }

  private report(notices: HistoryNotice[]): HistoryLoadReport {
    return { entries: this.index.size, skippedLines: this.index.skipped, complete: this.state === 'full', notices };
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.disposed) {
        throw new ConfigError('The history store was closed; reopen the history to continue');
      }
      return op();
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private fire(change: HistoryChange): void {
    for (const l of [...this.changeListeners]) {
      try {
        l(change);
      } catch (e) {
        // The change is on disk already; a failing listener must not make it look failed.
        this.notify({ kind: 'background-error', message: `A request history listener failed: ${messageOf(e)}` });
      }
    }
  }

  private notify(notice: HistoryNotice): void {
    for (const l of [...this.noticeListeners]) {
      try {
        l(notice);
      } catch {
        // Nobody is left to tell.
      }
    }
  }

  private scheduleCompactionIfDue(): void {
    if (this.compactionQueued) {
      return;
    }
    const slack = compactionSlack(this.maxEntries);
    // A store that holds only part of the log (a one-shot command line call, or the newest entries
    // for the view) has no count; it checks with a probability of one in `slack`, which keeps the
    // expected cost per append constant.
    const due = this.state === 'full' ? this.index.size > this.maxEntries + slack || this.index.garbage > slack : Math.random() * slack < 1;
    if (!due) {
      return;
    }
    this.compactionQueued = true;
    this.enqueue(() => {
      this.compactionQueued = false;
      // One try only: when the lock is taken, another process is rewriting the log right now, and
      // waiting for it would hold up this process's appends, which queue behind the compaction.
      return this.compactNow(false, 0);
    }).catch((e: unknown) => {
      // Another process holding the lock is already rewriting the log; this one has nothing to add.
      if (!(e instanceof LockTimeoutError)) {
        this.notify({ kind: 'background-error', message: `Compacting the request history failed: ${messageOf(e)}` });
      }
    });
  }

  private async compactNow(force: boolean, lockTimeoutMs: number): Promise<number> {
    const removed = await this.rewrite('compact', force, lockTimeoutMs);
    if (removed === undefined) {
      // Nothing was due on disk although the index thought so: another process compacted first.
      // Catch up, or every later append would read the whole log again to find the same.
      if (this.state !== 'none') {
        await this.refreshNow();
      }
      return 0;
    }
    if (this.state !== 'none') {
      await this.reload();
    }
    this.fire({ kind: 'compact', removed });
    return removed;
  }

  private async rewrite(mode: 'compact' | 'clear', force: boolean, lockTimeoutMs: number): Promise<number | undefined> {
    const result = await rewriteLog({
      dir: this.dir,
      ...this.paths,
      lock: { staleMs: this.lockStaleMs, timeoutMs: lockTimeoutMs },
      mode,
      force,
      ownMaxEntries: this.ownMaxEntries,
      defaultMaxEntries: DEFAULT_MAX_ENTRIES,
      now: this.now(),
      // Our own appender would otherwise write its next record into the old file first (and then again).
      onReplaced: () => this.appender.close(),
    });
    if (!result) {
      return undefined;
    }
    this.fileMaxEntries = this.ownMaxEntries ?? this.fileMaxEntries ?? result.maxEntries;
    if (result.notice) {
      this.notify(result.notice);
    }
    return result.pruned;
  }

  /** Writes a cap line when this process sets a cap the log does not record yet. */
  private async recordCapIfNeeded(): Promise<void> {
    const own = this.ownMaxEntries;
    if (own === undefined || own === this.fileMaxEntries) {
      return;
    }
    await this.writeRecord(encodeCap(own, this.now().toISOString()), undefined);
    this.fileMaxEntries = own;
  }

  private async refreshNow(): Promise<boolean> {
    const read = await this.reader.readAppended();
    if (read === 'reload') {
      return this.reloadAndReport();
    }
    this.fileMaxEntries = this.index.recordedMaxEntries ?? this.fileMaxEntries;
    if (read.added + read.removed === 0) {
      return false;
    }
    this.fire({ kind: 'external', ...read });
    return true;
  }

  private async reloadAndReport(): Promise<boolean> {
    const before = new Set(this.index.ids());
    await this.reload();
    let added = 0;
    for (const id of this.index.ids()) {
      if (!before.delete(id)) added++;
    }
    const removed = before.size;
    if (added + removed === 0) {
      return false;
    }
    this.fire({ kind: 'external', added, removed });
    return true;
  }

  /** Reads the log again the way it was read last: whole, or its newest entries. */
  private async reload(): Promise<void> {
    if (this.state === 'recent') {
      await this.recentLoad(this.recentLimit);
    } else {
      await this.fullLoad();
    }
  }

  private resetIndex(): void {
    this.index.reset();
    this.reader.close();
  }

  /** Opens the log for reading; a newer or foreign file is kept aside, with a notice. */
  private openForRead(notices: HistoryNotice[]): Promise<OpenedLog | undefined> {
    return openLogForRead(this.paths.file, this.paths.lockDir, this.lockOptions(), this.now, (notice) => {
      notices.push(notice);
      this.notify(notice);
      this.fire({ kind: 'reset', notice });
    });
  }

  /** Reads the log from scratch into the index. */
  private async fullLoad(): Promise<HistoryNotice[]> {
    const notices: HistoryNotice[] = [];
    this.resetIndex();
    this.state = 'full';
    const opened = await this.openForRead(notices);
    if (!opened) {
      return notices;
    }
    this.reader.readWhole(opened);
    this.fileMaxEntries = this.index.recordedMaxEntries;
    this.noticeDamage(opened.header, notices);
    return notices;
  }

  /** Reads the newest entries of the log into the index; a short log is read whole. */
  private async recentLoad(limit: number): Promise<HistoryNotice[]> {
    const notices: HistoryNotice[] = [];
    const st = await statOrUndefined(this.paths.file);
    if (!st || st.size <= SMALL_LOG_BYTES) {
      return this.fullLoad();
    }
    this.resetIndex();
    this.state = 'recent';
    const opened = await this.openForRead(notices);
    if (!opened) {
      this.state = 'full';
      return notices;
    }
    this.fileMaxEntries = undefined;
    if (this.reader.readRecent(opened, limit, RECENT_BYTE_BUDGET)) {
      // The whole log was read after all; the index is complete.
      this.state = 'full';
    }
    this.fileMaxEntries = this.index.recordedMaxEntries;
    this.noticeDamage(opened.header, notices);
    return notices;
  }

  /** Tells about a recovered header and about skipped lines. */
  private noticeDamage(header: HeaderCheck, notices: HistoryNotice[]): void {
    for (const n of damageNotices(this.paths.file, !header.ok, this.index.skipped - (header.ok ? 0 : 1))) {
      notices.push(n);
      this.notify(n);
    }
  }

  private lockOptions(): { staleMs: number; timeoutMs: number } {
    return { staleMs: this.lockStaleMs, timeoutMs: this.lockTimeoutMs };
  }

  /** Appends one record (see the top); `pendingKey` marks our own entry or tombstone, so the reader does not count it twice. */
  private async writeRecord(line: string, pendingKey: string | undefined): Promise<void> {
    const header = () => encodeHeader(this.now().toISOString(), this.ownMaxEntries);
    const written = await this.appender.write(line, header, this.reader.fileId);
    if (this.state !== 'none') {
      this.reader.trackOwnWrite(written, pendingKey);
    }
  }
}
