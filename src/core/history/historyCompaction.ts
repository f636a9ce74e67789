/*
 * Rewriting the log under the lock: compaction (prune to the cap, drop tombstones and duplicates)
 * and clear. Lines this version cannot read are never dropped by a compaction: they are appended,
 * exactly as they were, to the side file `history.unreadable.jsonl` before the new log replaces the
 * old one.
 *
 * A rewrite holds the lock for its whole run, so rewrites never race each other. Compaction runs in the background once the log holds 10% more entries than
 * the cap (or that many tombstones and bad lines), never while the history view opens; it tries the
 * lock once and leaves the work to whoever holds it. Steps:
 *   1. read the live file through a descriptor up to its last complete line, at byte offset E;
 *   2. append the unreadable lines to the side file and fsync it; write the kept lines to a
 *      temporary file in the same directory, fsync it;
 *   3. check the lock is still ours, rename the temporary file over the log, fsync the directory;
 *   4. read the OLD file (still open) from E to its end and append those bytes to the new log;
 *   5. delete the side files of the entries that were dropped, release the lock.
 * Why no record is lost: an appender whose write landed in the old file before step 4 read it is
 * copied by step 1 or 4 (only complete lines in step 1; the rest of the file in step 4). One whose
 * write landed later wrote after the rename of step 3, so its stat sees the new file and it writes
 * again. Either way the record reaches the new log, at worst twice. A tombstone, by contrast, is
 * dropped together with its entry, so an entry that an appender writes a second time after the
 * compaction that dropped its tombstone would come back; that needs a user to delete a record in the
 * few microseconds between another process's write and its stat. On a network file system O_APPEND is
 * not atomic across machines; the history is per machine.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors';
import { removeBodyFiles } from './historyBodies';
import { checkHeader, errno, LOCK_NAME, NEWLINE, readToEnd, syncDir, writeAll, type HistoryNotice } from './historyFile';
import { acquireLock, type LockOptions } from './historyLock';
import { decodeRecord, encodeHeader } from './historyRecord';

/** Everything a rewrite needs to know about the store. */
export interface RewriteOptions {
  dir: string;
  file: string;
  bodiesDir: string;
  lockDir: string;
  unreadableFile: string;
  lock: LockOptions;
  mode: 'compact' | 'clear';
  /** Rewrite even when nothing is due. */
  force: boolean;
  /** The cap this process sets (the editor's setting); without it the log's recorded cap applies. */
  ownMaxEntries: number | undefined;
  /** The cap when neither this process nor the log names one. */
  defaultMaxEntries: number;
  now: Date;
  /** Called right after the new log replaced the old one, before the old file's tail is copied. */
  onReplaced: () => void;
}

/** What a rewrite did. */
export interface RewriteResult {
  /** Entries dropped: the oldest beyond the cap, or all of them for a clear. */
  pruned: number;
  /** Unreadable lines moved into the side file. */
  keptAside: number;
  /** The cap the rewrite applied and wrote into the new header. */
  maxEntries: number;
  /** What to tell the user when unreadable lines were moved into the side file. */
  notice?: HistoryNotice;
}

/** How far over the cap (entries, or garbage lines) the log may grow before compaction is due. */
export function compactionSlack(maxEntries: number): number {
  return Math.max(1, Math.ceil(maxEntries / 10));
}

/**
 * Rewrites the log under the lock. Undefined when there was nothing to do: no log, a log that is
 * not ours (a newer schema, or no record of ours at all; the next load keeps it aside and says
 * so), or, for a compaction that is not forced, a log within its slack.
 */
export async function rewriteLog(o: RewriteOptions): Promise<RewriteResult | undefined> {
  const lock = await acquireLock(o.lockDir, o.lock);
  let tmp: string | undefined;
  let oldFd: number | undefined;
  try {
    removeLeftovers(o.dir, o.file);
    try {
      oldFd = fs.openSync(o.file, 'r');
    } catch (e) {
      if (errno(e) === 'ENOENT') return undefined;
      throw e;
    }
    const buf = readToEnd(oldFd, 0);
    const firstEnd = buf.indexOf(NEWLINE);
    const firstLine = firstEnd < 0 ? undefined : buf.toString('utf8', 0, firstEnd);
    const header = checkHeader(firstLine);
    if (!header.ok && header.reason === 'newer') {
      return undefined;
    }
    const end = buf.lastIndexOf(NEWLINE) + 1;
    const live = new Map<string, { raw: string; ms: number; pos: number; file?: string }>();
    const deletedIds = new Set<string>();
    const doomedFiles: string[] = [];
    const unreadable: string[] = [];
    let recordedCap = header.ok ? header.maxEntries : undefined;
    let readable = 0;
    let lines = 0;
    let pos = 0;
    for (const raw of buf.toString('utf8', firstEnd + 1, end).split('\n')) {
      if (raw === '') continue;
      lines++;
      const rec = decodeRecord(raw);
      if (rec === undefined) {
        unreadable.push(raw);
        continue;
      }
      readable++;
      if (rec.op === 'add') {
        if (!live.has(rec.entry.id) && !deletedIds.has(rec.entry.id)) {
          live.set(rec.entry.id, { raw, ms: rec.timeMs, pos: pos++, ...(rec.entry.response?.file ? { file: rec.entry.response.file } : {}) });
        }
      } else if (rec.op === 'del') {
        const victim = live.get(rec.id);
        if (victim?.file) doomedFiles.push(victim.file);
        live.delete(rec.id);
        deletedIds.add(rec.id);
      } else if (rec.maxEntries !== undefined) {
        recordedCap = rec.maxEntries;
      }
    }
    if (!header.ok) {
      if (readable === 0) {
        // Nothing of ours in it: not ours to rewrite.
        return undefined;
      }
      // A damaged header over readable records: the records are kept, the damaged line goes aside.
      unreadable.unshift(firstLine ?? '');
    }
    const maxEntries = o.ownMaxEntries ?? recordedCap ?? o.defaultMaxEntries;
    const capToRecord = o.ownMaxEntries ?? recordedCap;
    let kept = [...live.values()];
    if (o.mode === 'clear') {
      kept = [];
    } else {
      const slack = compactionSlack(maxEntries);
      if (!o.force && header.ok && live.size <= maxEntries + slack && lines - live.size <= slack) {
        return undefined;
      }
      if (kept.length > maxEntries) {
        const newest = new Set([...kept].sort((a, b) => b.ms - a.ms || b.pos - a.pos).slice(0, maxEntries));
        kept = kept.filter((k) => newest.has(k));
      }
    }
    const keptSet = new Set(kept);
    const pruned = [...live.values()].filter((k) => !keptSet.has(k));
    const keptAside = o.mode === 'clear' ? 0 : unreadable.length;
    if (keptAside > 0) {
      // Written, and made durable, before the old log disappears: a crash in between costs at
      // worst a second copy of these lines in the side file, never the lines themselves.
      const fd = fs.openSync(o.unreadableFile, 'a');
      try {
        writeAll(fd, Buffer.from(unreadable.map((l) => l + '\n').join(''), 'utf8'));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
    tmp = `${o.file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    const createdAt = header.ok ? header.createdAt : o.now.toISOString();
    const out = encodeHeader(createdAt, capToRecord) + '\n' + kept.map((k) => '\n' + k.raw + '\n').join('');
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
    fs.renameSync(tmp, o.file);
    tmp = undefined;
    syncDir(o.dir);
    o.onReplaced();
    const tail = readToEnd(oldFd, end);
    if (tail.length > 0) {
      const fd = fs.openSync(o.file, 'a');
      try {
        writeAll(fd, tail);
      } finally {
        fs.closeSync(fd);
      }
    }
    for (const k of pruned) {
      if (k.file) doomedFiles.push(k.file);
    }
    await removeBodyFiles(o.bodiesDir, doomedFiles);
    const notice: HistoryNotice | undefined =
      keptAside > 0
        ? {
            kind: 'lines-kept-aside',
            lines: keptAside,
            path: o.unreadableFile,
            message: `${keptAside} unreadable ${keptAside === 1 ? 'line' : 'lines'} of the request history ${keptAside === 1 ? 'was' : 'were'} moved, unchanged, to ${o.unreadableFile}`,
          }
        : undefined;
    return { pruned: pruned.length, keptAside, maxEntries, ...(notice ? { notice } : {}) };
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
function removeLeftovers(dir: string, file: string): void {
  const base = path.basename(file);
  const prefixes = [`${base}.tmp-`, `${LOCK_NAME}.stale-`, `${LOCK_NAME}.released-`];
  const cutoff = Date.now() - 3600_000;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!prefixes.some((p) => name.startsWith(p))) continue;
    const full = path.join(dir, name);
    try {
      if (fs.statSync(full).mtimeMs < cutoff) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}
