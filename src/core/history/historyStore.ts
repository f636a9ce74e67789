/*
 * The request history on disk, and how several processes share it.
 *
 * Layout of the store's directory:
 *   history.jsonl   the log: a header line, then one record per line
 *   bodies/<id>.body  response bodies larger than the inline cap
 *   history.lock/   a lock directory, present only while a process rewrites the log (historyLock.ts)
 *
 * The log. Line 1 is the header `{"format":"trtc-api-explorer/history","schemaVersion":1,...}`. Every
 * later record is written as "\n" + JSON + "\n" in ONE write(2) on a descriptor opened with O_APPEND,
 * so on a local file system two processes' records never interleave. The leading newline ends any
 * record that a crash left half written, so a torn record costs only itself; the trailing newline
 * tells a reader that a record is complete (an unterminated last segment is a record still being
 * written, or a torn one, and is left for the next read). Records are entries (`{"op":"add",...}`,
 * spelled out in historyRecord.ts) and tombstones (`{"op":"del","id":...}`), which is how one entry
 * is deleted in O(1). Readers skip blank lines and repeated header lines (two processes that found
 * the file empty may both have written one, each in the same write as its first record), skip
 * and count lines they cannot parse, and keep the first record of an id (an appender may write its
 * record twice, see below). A file whose header is missing or foreign is "corrupt"; one whose header
 * names a newer schema is "newer". Either is renamed aside (`.corrupt-<time>`, `.newer-<v>-<time>`)
 * under the lock, never rewritten, and a notice says where it went.
 *
 * Appending takes no lock and touches no other record: write the record, then stat the path. If the
 * path still names the file the descriptor points to, the record is in the live log. If not, a
 * rewrite (compaction or clear, by any process) replaced the file while the descriptor was open, so
 * the appender reopens the path and writes the record again; readers drop the copy by id.
 *
 * Rewriting (compaction, clear) holds the lock for its whole run, so rewrites never race each other.
 * Compaction runs in the background once the log holds 10% more entries than the cap (or that many
 * tombstones and bad lines); it tries the lock once and leaves the work to whoever holds it. Steps:
 *   1. read the live file through a descriptor up to its last complete line, at byte offset E;
 *   2. write the kept lines to a temporary file in the same directory, fsync it;
 *   3. check the lock is still ours, rename the temporary file over the log, fsync the directory;
 *   4. read the OLD file (still open) from E to its end and append those bytes to the new log;
 *   5. delete the side files of the entries that were dropped, release the lock.
 * Why no record is lost: an appender whose write landed in the old file before step 4 read it is
 * copied by step 1 or 4 (only complete lines in step 1; the rest of the file in step 4). One whose write landed later wrote after the rename of step 3, so its stat
 * sees the new file and it writes again. Either way the record reaches the new log, at worst twice.
 * A tombstone, by contrast, is dropped together with its entry, so an entry that an appender writes
 * a second time after the compaction that dropped its tombstone would come back; that needs a user
 * to delete a record in the few microseconds between another process's write and its stat.
 * On a network file system O_APPEND is not atomic across machines; the history is per machine.
 *
 * Readers keep a descriptor on the file they loaded, which pins its inode: when the path names
 * another inode, another process rewrote the log and `refresh()` reloads it; when the same file
 * grew, only the new tail is read.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors';
import { stringifyJson, type JsonObject } from '../json';
import {
  entryParams,
  HISTORY_SCHEMA_VERSION,
  prepareHistoryEntry,
  type HistoryEntry,
  type HistoryInput,
} from './historyEntry';
import { acquireLock, LockTimeoutError } from './historyLock';
import { compileHistoryFilter, type HistoryFilter } from './historyQuery';
import { decodeRecord, encodeAdd, encodeDelete, encodeHeader, isSafeFileName } from './historyRecord';

/** The history file's name inside the store's directory. */
export const HISTORY_FILE_NAME = 'history.jsonl';
/** The folder, inside the store's directory, of bodies too large to keep inline. */
export const HISTORY_BODIES_DIR = 'bodies';
const LOCK_NAME = 'history.lock';
const EXPORT_FORMAT = 'trtc-api-explorer/history-export';
const NEWLINE = 0x0a;

/** Limits and timing of a store; every field has a default. */
export interface HistoryStoreOptions {
  /** How many entries to keep; the oldest are pruned beyond it. Default 5,000. */
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

/** Something the user should hear about; the message is ready to show. */
export interface HistoryNotice {
  kind: 'kept-aside' | 'skipped-lines' | 'background-error';
  message: string;
  /** Where a file was kept aside. */
  path?: string;
  /** The schema version of a file kept aside because it is newer. */
  version?: number;
}

/** What `load()` found. */
export interface HistoryLoadReport {
  entries: number;
  /** Lines that could not be read and were skipped. */
  skippedLines: number;
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

interface Slot {
  entry: HistoryEntry;
  ms: number;
  seq: number;
  /** The inline body as a JSON string literal, decoded only when asked for. */
  bodyLiteral?: string;
}

/** A descriptor on the loaded log; it pins the inode so identity checks cannot be fooled by reuse. */
interface View {
  fd: number;
  id: string;
  /** Bytes read so far: always just after a complete line. */
  offset: number;
}

interface AppendHandle {
  fd: number;
  id: string;
  /** The file was empty when opened, so the first write may need to carry the header. */
  maybeEmpty: boolean;
}

type HeaderCheck = { ok: true; createdAt: string } | { ok: false; reason: 'corrupt' } | { ok: false; reason: 'newer'; version: number };

/**
 * The capped, append-only request history of one directory. Call `load()` before reading;
 * `append()` and `delete()` work without it and stay O(1).
 */
export class HistoryStore {
  private readonly file: string;
  private readonly bodiesDir: string;
  private readonly lockDir: string;
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;
  private readonly lockStaleMs: number;
  private readonly lockTimeoutMs: number;
  private readonly now: () => Date;

  private loaded = false;
  private slots = new Map<string, Slot>();
  /** Live entries sorted by (time, arrival), oldest first. */
  private ordered: Slot[] = [];
  private deleted = new Set<string>();
  /** Records this process wrote that the reader has not yet read back (they are not duplicates). */
  private ownPending = new Set<string>();
  private seq = 0;
  private garbage = 0;
  private skipped = 0;
  private view: View | undefined;
  private appendHandle: AppendHandle | undefined;
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
    this.file = path.join(dir, HISTORY_FILE_NAME);
    this.bodiesDir = path.join(dir, HISTORY_BODIES_DIR);
    this.lockDir = path.join(dir, LOCK_NAME);
    this.maxEntries = positiveInt(options.maxEntries, 5000, 'maxEntries');
    this.maxBodyBytes = positiveInt(options.maxBodyBytes, 1024 * 1024, 'maxBodyBytes', true);
    this.lockStaleMs = positiveInt(options.lockStaleMs, 15_000, 'lockStaleMs');
    this.lockTimeoutMs = positiveInt(options.lockTimeoutMs, 10_000, 'lockTimeoutMs', true);
    this.now = options.now ?? (() => new Date());
  }

  /** Fires after every change, from this process or (seen by `refresh()`) another one. */
  onDidChange(listener: (change: HistoryChange) => void): HistorySubscription {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  /** Fires with a message for the user: a file kept aside, skipped lines, a failed background compaction. */
  onDidNotice(listener: (notice: HistoryNotice) => void): HistorySubscription {
    this.noticeListeners.add(listener);
    return { dispose: () => this.noticeListeners.delete(listener) };
  }

  /** Reads the whole log once and builds the in-memory index; later calls reload from scratch. */
  load(): Promise<HistoryLoadReport> {
    return this.enqueue(async () => {
      const notices = await this.fullLoad();
      this.loaded = true;
      return { entries: this.slots.size, skippedLines: this.skipped, notices };
    });
  }

  /**
   * Picks up what other processes wrote since the last read: only the new tail when the file grew,
   * the whole file when another process rewrote it. True when the entries changed.
   */
  refresh(): Promise<boolean> {
    return this.enqueue(async () => {
      if (!this.loaded) {
        await this.fullLoad();
        this.loaded = true;
        return true;
      }
      return this.refreshNow();
    });
  }

  /** Records one call and returns the stored entry (redacted, with its body inline or in a side file). */
  append(input: HistoryInput): Promise<HistoryEntry> {
    return this.enqueue(async () => {
      const now = this.now();
      const { entry, body } = prepareHistoryEntry(input, newId(now), now, this.maxBodyBytes);
      let bodyLiteral: string | undefined;
      if (body !== undefined && entry.response?.file) {
        await fs.promises.mkdir(this.bodiesDir, { recursive: true });
        // The side file is written before the record, so a record never names a missing file.
        await fs.promises.writeFile(path.join(this.bodiesDir, entry.response.file), body, { flag: 'wx' });
      } else if (body !== undefined) {
        bodyLiteral = JSON.stringify(body);
      }
      await this.writeRecord(encodeAdd(entry, bodyLiteral), entry.id);
      if (this.loaded) {
        this.insert(entry, Date.parse(entry.time), bodyLiteral);
      }
      this.fire({ kind: 'append', entry });
      this.scheduleCompactionIfDue();
      return entry;
    });
  }

  /** Removes one entry by appending a tombstone; its side file goes now, its lines at the next compaction. */
  delete(id: string): Promise<boolean> {
    return this.enqueue(async () => {
      if (this.loaded && !this.slots.has(id)) {
        return false;
      }
      const file = this.slots.get(id)?.entry.response?.file ?? (this.loaded ? undefined : `${id}.body`);
      await this.writeRecord(encodeDelete(id, this.now().toISOString()), `del:${id}`);
      if (this.loaded) {
        this.remove(id);
        this.deleted.add(id);
        this.garbage++;
      }
      if (file) {
        await this.removeSideFiles([file]);
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
      if (this.loaded) {
        await this.fullLoad();
      }
      this.fire({ kind: 'clear' });
    });
  }

  /**
   * Drops the oldest entries beyond the cap, and tombstones, duplicates and unreadable lines, by
   * rewriting the log under the lock. Runs by itself when the log exceeds the cap by 10%; `force`
   * rewrites even when nothing is due. Returns how many entries were dropped.
   */
  compact(force = false): Promise<number> {
    return this.enqueue(() => this.compactNow(force, this.lockTimeoutMs));
  }

  /** Resolves when every queued operation (a background compaction included) has finished. */
  whenIdle(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Matching entries, newest first, from the in-memory index (shared objects: treat them as read-only). */
  query(filter: HistoryFilter = {}): HistoryEntry[] {
    const match = compileHistoryFilter(filter);
    const limit = filter.limit ?? Infinity;
    const out: HistoryEntry[] = [];
    for (let i = this.ordered.length - 1; i >= 0 && out.length < limit; i--) {
      const slot = this.ordered[i] as Slot;
      if (match(slot.entry, slot.ms, slot.bodyLiteral)) {
        out.push(slot.entry);
      }
    }
    return out;
  }

  /** One entry by id, when it is in the index. */
  get(id: string): HistoryEntry | undefined {
    return this.slots.get(id)?.entry;
  }

  /** How many entries the index holds. */
  get size(): number {
    return this.slots.size;
  }

  /**
   * The response body of an entry exactly as received, from the entry or its side file; undefined
   * when the entry is unknown or had no body.
   */
  async getResponseBody(id: string): Promise<string | undefined> {
    const slot = this.slots.get(id);
    const response = slot?.entry.response;
    if (!slot || !response) {
      return undefined;
    }
    if (slot.bodyLiteral !== undefined) {
      return JSON.parse(slot.bodyLiteral) as string;
    }
    if (!response.file) {
      return undefined;
    }
    try {
      return await fs.promises.readFile(path.join(this.bodiesDir, response.file), 'utf8');
    } catch (e) {
      if (errno(e) === 'ENOENT') {
        throw new ConfigError(
          `The response body of history entry ${id} is no longer on disk (another window may have pruned it); refresh the history`,
        );
      }
      throw e;
    }
  }

  /**
   * A versioned JSON document of the matching entries (newest first) with their parameters as JSON
   * and their full bodies, for sharing or a bug report. Sensitive values were redacted when recorded.
   */
  async export(filter: HistoryFilter = {}): Promise<string> {
    const entries: JsonObject[] = [];
    for (const entry of this.query(filter)) {
      const { paramsJson: _paramsJson, response, ...rest } = entry;
      const doc: JsonObject = { ...(rest as unknown as JsonObject), params: entryParams(entry) };
      if (response) {
        doc.response = { size: response.size, body: (await this.getResponseBody(entry.id)) ?? null };
      }
      entries.push(doc);
    }
    return (
      stringifyJson(
        { format: EXPORT_FORMAT, schemaVersion: HISTORY_SCHEMA_VERSION, exportedAt: this.now().toISOString(), count: entries.length, entries },
        2,
      ) + '\n'
    );
  }

  /** Counts and sizes on disk. */
  async stats(): Promise<HistoryStats> {
    const fileBytes = (await statOrUndefined(this.file))?.size ?? 0;
    let sideFileBytes = 0;
    for (const name of await fs.promises.readdir(this.bodiesDir).catch(() => [] as string[])) {
      sideFileBytes += (await statOrUndefined(path.join(this.bodiesDir, name)))?.size ?? 0;
    }
    return { entries: this.slots.size, garbageLines: this.garbage, skippedLines: this.skipped, fileBytes, sideFileBytes };
  }

  /** Closes the store's files and drops its listeners; later calls fail. */
  dispose(): void {
    this.disposed = true;
    this.closeAppendHandle();
    this.closeView();
    this.changeListeners.clear();
    this.noticeListeners.clear();
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

  private get slack(): number {
    return Math.max(1, Math.ceil(this.maxEntries / 10));
  }

  private scheduleCompactionIfDue(): void {
    if (this.compactionQueued) {
      return;
    }
    // A store that never loaded (a one-shot command line call) has no count; it checks with a
    // probability of one in `slack`, which keeps the expected cost per append constant.
    const due = this.loaded
      ? this.slots.size > this.maxEntries + this.slack || this.garbage > this.slack
      : Math.random() * this.slack < 1;
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
      if (this.loaded) {
        await this.refreshNow();
      }
      return 0;
    }
    if (this.loaded) {
      await this.fullLoad();
    }
    this.fire({ kind: 'compact', removed });
    return removed;
  }

  private async refreshNow(): Promise<boolean> {
    const st = await statOrUndefined(this.file);
    const view = this.view;
    if (!st) {
      if (!view && this.slots.size === 0) {
        return false;
      }
      return this.reloadAndReport();
    }
    if (!view || identityOf(st) !== view.id || st.size < view.offset) {
      return this.reloadAndReport();
    }
    if (st.size === view.offset) {
      return false;
    }
    const { added, removed } = this.readTail(view);
    if (added + removed === 0) {
      return false;
    }
    this.fire({ kind: 'external', added, removed });
    return true;
  }

  private async reloadAndReport(): Promise<boolean> {
    const before = new Set(this.slots.keys());
    await this.fullLoad();
    let added = 0;
    for (const id of this.slots.keys()) {
      if (!before.delete(id)) added++;
    }
    const removed = before.size;
    if (added + removed === 0) {
      return false;
    }
    this.fire({ kind: 'external', added, removed });
    return true;
  }

  private resetIndex(): void {
    this.slots = new Map();
    this.ordered = [];
    this.deleted = new Set();
    this.ownPending = new Set();
    this.seq = 0;
    this.garbage = 0;
    this.skipped = 0;
    this.closeView();
  }

  /** Reads the log from scratch; a corrupt or newer file is kept aside and an empty history started. */
  private async fullLoad(): Promise<HistoryNotice[]> {
    const notices: HistoryNotice[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      this.resetIndex();
      let fd: number;
      try {
        fd = fs.openSync(this.file, 'r');
      } catch (e) {
        if (errno(e) === 'ENOENT') {
          return notices;
        }
        throw e;
      }
      const id = identityOf(fs.fstatSync(fd));
      const buf = readToEnd(fd, 0);
      if (buf.length === 0) {
        this.view = { fd, id, offset: 0 };
        return notices;
      }
      const firstEnd = buf.indexOf(NEWLINE);
      const header = checkHeader(firstEnd < 0 ? undefined : buf.toString('utf8', 0, firstEnd));
      if (!header.ok) {
        fs.closeSync(fd);
        const notice = await this.keepAside(header, id);
        if (notice) {
          notices.push(notice);
          this.notify(notice);
          this.fire({ kind: 'reset', notice });
        }
        continue;
      }
      const end = buf.lastIndexOf(NEWLINE) + 1;
      this.applyLines(buf.toString('utf8', firstEnd + 1, end));
      this.view = { fd, id, offset: end };
      if (this.skipped > 0) {
        const notice: HistoryNotice = {
          kind: 'skipped-lines',
          message: `Skipped ${this.skipped} damaged ${this.skipped === 1 ? 'line' : 'lines'} in the request history; the other entries were loaded`,
        };
        notices.push(notice);
        this.notify(notice);
      }
      return notices;
    }
    throw new ConfigError(`The request history at ${this.file} kept changing while it was being read; try again`);
  }

  /** Reads what was appended to the loaded file since the last read. */
  private readTail(view: View): { added: number; removed: number } {
    const buf = readToEnd(view.fd, view.offset);
    const end = buf.lastIndexOf(NEWLINE) + 1;
    if (end === 0) {
      return { added: 0, removed: 0 };
    }
    view.offset += end;
    return this.applyLines(buf.toString('utf8', 0, end));
  }

  private applyLines(text: string): { added: number; removed: number } {
    let added = 0;
    let removed = 0;
    let start = 0;
    while (start < text.length) {
      let stop = text.indexOf('\n', start);
      if (stop < 0) stop = text.length;
      if (stop > start) {
        const rec = decodeRecord(text.slice(start, stop));
        if (rec === undefined) {
          this.skipped++;
          this.garbage++;
        } else if (rec.op === 'add') {
          const id = rec.entry.id;
          if (this.ownPending.delete(id)) {
            // Our own record read back: already in the index.
          } else if (this.slots.has(id) || this.deleted.has(id)) {
            this.garbage++;
          } else {
            this.insert(rec.entry, rec.timeMs, rec.bodyLiteral);
            added++;
          }
        } else if (rec.op === 'del') {
          if (!this.ownPending.delete(`del:${rec.id}`)) {
            this.garbage++;
            this.deleted.add(rec.id);
            if (this.remove(rec.id)) removed++;
          }
        }
      }
      start = stop + 1;
    }
    return { added, removed };
  }

  private insert(entry: HistoryEntry, ms: number, bodyLiteral: string | undefined): void {
    const slot: Slot = bodyLiteral === undefined ? { entry, ms, seq: this.seq++ } : { entry, ms, seq: this.seq++, bodyLiteral };
    this.slots.set(entry.id, slot);
    // Records mostly arrive in time order, so the common case is a push at the end.
    let i = this.ordered.length;
    while (i > 0 && (this.ordered[i - 1] as Slot).ms > ms) {
      i--;
    }
    if (i === this.ordered.length) {
      this.ordered.push(slot);
    } else {
      this.ordered.splice(i, 0, slot);
    }
  }

  private remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (!slot) {
      return false;
    }
    this.slots.delete(id);
    const i = this.ordered.indexOf(slot);
    if (i >= 0) {
      this.ordered.splice(i, 1);
    }
    return true;
  }

  private closeView(): void {
    if (this.view) {
      fs.closeSync(this.view.fd);
      this.view = undefined;
    }
  }

  private closeAppendHandle(): void {
    if (this.appendHandle) {
      fs.closeSync(this.appendHandle.fd);
      this.appendHandle = undefined;
    }
  }

  /** Renames a file we cannot use out of the way, under the lock; undefined when someone else already did. */
  private async keepAside(header: Exclude<HeaderCheck, { ok: true }>, seenId: string): Promise<HistoryNotice | undefined> {
    const lock = await acquireLock(this.lockDir, { staleMs: this.lockStaleMs, timeoutMs: this.lockTimeoutMs });
    try {
      const st = await statOrUndefined(this.file);
      if (!st || identityOf(st) !== seenId || readHeader(this.file).ok) {
        // Someone else already moved it, or what looked bad was a first record still being written.
        return undefined;
      }
      this.closeAppendHandle();
      const stamp = this.now().toISOString().replace(/[:.]/g, '-');
      const base = header.reason === 'newer' ? `${this.file}.newer-${header.version}-${stamp}` : `${this.file}.corrupt-${stamp}`;
      let aside = base;
      for (let n = 2; fs.existsSync(aside); n++) {
        aside = `${base}-${n}`;
      }
      fs.renameSync(this.file, aside);
      const message =
        header.reason === 'newer'
          ? `The request history was written by a newer version of TRTC API Explorer (schema v${header.version}); it was kept at ${aside} and a new history was started`
          : `The request history file was not recognised (it does not start with a TRTC API Explorer history header); it was kept at ${aside} and a new history was started`;
      return { kind: 'kept-aside', message, path: aside, ...(header.reason === 'newer' ? { version: header.version } : {}) };
    } finally {
      lock.release();
    }
  }

  /** An O_APPEND descriptor on the live log, opened (and its header checked) when needed. */
  private async openAppend(): Promise<AppendHandle> {
    if (this.appendHandle) {
      return this.appendHandle;
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      fs.mkdirSync(this.dir, { recursive: true });
      const fd = fs.openSync(this.file, 'a+');
      const st = fs.fstatSync(fd);
      const id = identityOf(st);
      if (st.size === 0 || id === this.view?.id) {
        this.appendHandle = { fd, id, maybeEmpty: st.size === 0 };
        return this.appendHandle;
      }
      const header = readHeaderFd(fd);
      if (header.ok) {
        this.appendHandle = { fd, id, maybeEmpty: false };
        return this.appendHandle;
      }
      fs.closeSync(fd);
      const notice = await this.keepAside(header, id);
      if (notice) {
        this.notify(notice);
        this.fire({ kind: 'reset', notice });
      }
    }
    throw new ConfigError(`The request history at ${this.file} kept changing while a record was being added; try again`);
  }

  /** Appends one record with a single write and makes sure it landed in the live log (see the top). */
  private async writeRecord(line: string, pendingKey: string): Promise<void> {
    const record = '\n' + line + '\n';
    for (let attempt = 0; attempt < 5; attempt++) {
      const handle = await this.openAppend();
      let data = record;
      if (handle.maybeEmpty) {
        if (fs.fstatSync(handle.fd).size === 0) {
          data = encodeHeader(this.now().toISOString()) + '\n' + record;
        } else {
          handle.maybeEmpty = false;
        }
      }
      const bytes = Buffer.from(data, 'utf8');
      const written = fs.writeSync(handle.fd, bytes);
      if (written !== bytes.length) {
        throw new ConfigError(`Only ${written} of ${bytes.length} bytes of a history record could be written to ${this.file}; is the disk full?`);
      }
      const st = fs.statSync(this.file, { throwIfNoEntry: false });
      if (st && identityOf(st) === handle.id) {
        this.trackOwnWrite(handle, st.size, bytes.length, pendingKey);
        return;
      }
      this.closeAppendHandle();
    }
    throw new ConfigError(`The request history at ${this.file} kept being replaced while a record was being added; try again`);
  }

  /** Moves the reader past our own record when nobody else wrote in between; otherwise it will read it back. */
  private trackOwnWrite(handle: AppendHandle, size: number, length: number, pendingKey: string): void {
    if (!this.loaded) {
      return;
    }
    const view = this.view;
    if (view && view.id === handle.id && size === view.offset + length) {
      view.offset = size;
      return;
    }
    if (!view && size === length) {
      // We created the log with this write: start reading it from here.
      this.view = { fd: fs.openSync(this.file, 'r'), id: handle.id, offset: size };
      if (identityOf(fs.fstatSync(this.view.fd)) === handle.id) {
        return;
      }
      this.closeView();
    }
    this.ownPending.add(pendingKey);
  }

  /**
   * Rewrites the log under the lock (see the protocol at the top). Returns how many entries were
   * dropped, or undefined when there was nothing to do.
   */
  private async rewrite(mode: 'compact' | 'clear', force: boolean, lockTimeoutMs: number): Promise<number | undefined> {
    const lock = await acquireLock(this.lockDir, { staleMs: this.lockStaleMs, timeoutMs: lockTimeoutMs });
    let tmp: string | undefined;
    let oldFd: number | undefined;
    try {
      this.removeLeftovers();
      try {
        oldFd = fs.openSync(this.file, 'r');
      } catch (e) {
        if (errno(e) === 'ENOENT') return undefined;
        throw e;
      }
      const buf = readToEnd(oldFd, 0);
      const firstEnd = buf.indexOf(NEWLINE);
      const header = checkHeader(firstEnd < 0 ? undefined : buf.toString('utf8', 0, firstEnd));
      if (!header.ok) {
        // Not ours to rewrite: the next load keeps it aside and says so.
        return undefined;
      }
      const end = buf.lastIndexOf(NEWLINE) + 1;
      const live = new Map<string, { raw: string; ms: number; pos: number; file?: string }>();
      const deletedIds = new Set<string>();
      const doomedFiles: string[] = [];
      let lines = 0;
      let pos = 0;
      for (const raw of buf.toString('utf8', firstEnd + 1, end).split('\n')) {
        if (raw === '') continue;
        lines++;
        const rec = decodeRecord(raw);
        if (rec?.op === 'add' && !live.has(rec.entry.id) && !deletedIds.has(rec.entry.id)) {
          live.set(rec.entry.id, { raw, ms: rec.timeMs, pos: pos++, file: rec.entry.response?.file });
        } else if (rec?.op === 'del') {
          const victim = live.get(rec.id);
          if (victim?.file) doomedFiles.push(victim.file);
          live.delete(rec.id);
          deletedIds.add(rec.id);
        }
      }
      let kept = [...live.values()];
      if (mode === 'clear') {
        kept = [];
      } else {
        const garbage = lines - live.size;
        if (!force && live.size <= this.maxEntries + this.slack && garbage <= this.slack) {
          return undefined;
        }
        if (kept.length > this.maxEntries) {
          const newest = [...kept].sort((a, b) => b.ms - a.ms || b.pos - a.pos).slice(0, this.maxEntries);
          const keep = new Set(newest);
          kept = kept.filter((k) => keep.has(k));
        }
      }
      const keptSet = new Set(kept);
      const pruned = [...live.values()].filter((k) => !keptSet.has(k));
      tmp = `${this.file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      const out = encodeHeader(header.createdAt) + '\n' + kept.map((k) => '\n' + k.raw + '\n').join('');
      const tmpFd = fs.openSync(tmp, 'wx');
      try {
        writeAll(tmpFd, Buffer.from(out, 'utf8'));
        fs.fsyncSync(tmpFd);
      } finally {
        fs.closeSync(tmpFd);
      }
      if (!lock.verify()) {
        throw new ConfigError('Another process took over the history lock during a rewrite; the rewrite was abandoned and nothing was lost');
      }
      fs.renameSync(tmp, this.file);
      tmp = undefined;
      syncDir(this.dir);
      // Our own appender would otherwise write its next record into the old file first (and then again).
      this.closeAppendHandle();
      const tail = readToEnd(oldFd, end);
      if (tail.length > 0) {
        const fd = fs.openSync(this.file, 'a');
        try {
          writeAll(fd, tail);
        } finally {
          fs.closeSync(fd);
        }
      }
      for (const k of pruned) {
        if (k.file) doomedFiles.push(k.file);
      }
      await this.removeSideFiles(doomedFiles);
      return pruned.length;
    } finally {
      if (oldFd !== undefined) fs.closeSync(oldFd);
      if (tmp !== undefined) fs.rmSync(tmp, { force: true });
      lock.release();
    }
  }

  /**
   * Deletes what interrupted rewrites and lock breaks left behind (temporary logs, moved lock
   * folders) once they are an hour old; called under the lock, so no live rewrite owns them.
   */
  private removeLeftovers(): void {
    const base = path.basename(this.file);
    const prefixes = [`${base}.tmp-`, `${LOCK_NAME}.stale-`, `${LOCK_NAME}.released-`];
    const cutoff = Date.now() - 3600_000;
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!prefixes.some((p) => name.startsWith(p))) continue;
      const full = path.join(this.dir, name);
      try {
        if (fs.statSync(full).mtimeMs < cutoff) fs.rmSync(full, { recursive: true, force: true });
      } catch {
        // Gone already, or not ours to remove: either way nothing to do.
      }
    }
  }

  private async removeSideFiles(files: readonly string[]): Promise<void> {
    for (const name of files) {
      if (isSafeFileName(name)) {
        await fs.promises.rm(path.join(this.bodiesDir, name), { force: true });
      }
    }
  }
}

/** Checks the first line of the file at `file` afresh. */
function readHeader(file: string): HeaderCheck {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  try {
    return readHeaderFd(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function readHeaderFd(fd: number): HeaderCheck {
  const head = Buffer.alloc(4096);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  const firstEnd = head.subarray(0, n).indexOf(NEWLINE);
  return checkHeader(firstEnd < 0 ? undefined : head.toString('utf8', 0, firstEnd));
}

function checkHeader(line: string | undefined): HeaderCheck {
  const rec = line === undefined ? undefined : decodeRecord(line);
  if (rec?.op !== 'header' || rec.schemaVersion < 1) {
    return { ok: false, reason: 'corrupt' };
  }
  if (rec.schemaVersion > HISTORY_SCHEMA_VERSION) {
    return { ok: false, reason: 'newer', version: rec.schemaVersion };
  }
  return { ok: true, createdAt: rec.createdAt ?? new Date(0).toISOString() };
}

/** Time-ordered and unique across processes: base-36 milliseconds plus 48 random bits. */
function newId(now: Date): string {
  return `${now.getTime().toString(36).padStart(9, '0')}-${randomBytes(6).toString('hex')}`;
}

/**
 * Which file a path or descriptor refers to. The inode alone can be truncated on Windows, where
 * file ids exceed 2^53, so the creation time joins it.
 */
function identityOf(st: fs.Stats): string {
  return `${st.dev}:${st.ino}:${st.birthtimeMs}`;
}

function readToEnd(fd: number, from: number): Buffer {
  const chunks: Buffer[] = [];
  let position = from;
  let size = Math.max(0, fs.fstatSync(fd).size - from);
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(size, 64 * 1024));
    const n = fs.readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    position += n;
    size = 0;
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) {
    off += fs.writeSync(fd, data, off, data.length - off);
  }
}

function syncDir(dir: string): void {
  // Makes the rename durable; directories cannot be opened for syncing on Windows, where the rename
  // is durable enough once it returns.
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // See above.
  }
}

async function statOrUndefined(p: string): Promise<fs.Stats | undefined> {
  try {
    return await fs.promises.stat(p);
  } catch (e) {
    if (errno(e) === 'ENOENT') return undefined;
    throw e;
  }
}

function positiveInt(value: number | undefined, fallback: number, name: string, allowZero = false): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new ConfigError(`The history option ${name} must be a whole number of at least ${allowZero ? 0 : 1}; got ${value}`);
  }
  return value;
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
