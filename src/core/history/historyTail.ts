/*
 * Reading the log from its end. Opening the history view needs only the newest entries, so they are
 * read backwards from the last complete line, a chunk at a time, until there are enough of them: the
 * cost depends on what the first screen shows, not on how long the history is. Tombstones are seen
 * before the entries they delete, because a tombstone is always written after its entry.
 */
import fs from 'node:fs';
import type { AppendedRecord } from './historyAppender';
import type { HistoryEntry } from './historyEntry';
import { identityOf, NEWLINE, readToEnd, statOrUndefined, type OpenedLog } from './historyFile';
import type { HistoryIndex } from './historyIndex';
import { decodeRecord } from './historyRecord';

/** An entry read from the log, with its time and inline body literal. */
export interface ReadEntry {
  entry: HistoryEntry;
  timeMs: number;
  bodyLiteral?: string;
}

/** What a backward read found. */
export interface RecentRecords {
  /** The newest live entries, in file order (oldest first). */
  entries: ReadEntry[];
  /** True when the read reached the first line, so `entries` are all the log holds. */
  complete: boolean;
  /** Byte offset just after the last complete line: where reading forward continues. */
  end: number;
  /** Lines in the part read that could not be read (the first line not included). */
  skipped: number;
  /** True when a record of ours was found at all; false suggests a foreign file. */
  sawRecord: boolean;
  /** The newest cap the part read records, when it records one. */
  maxEntries?: number;
  /** Bytes read. */
  bytesRead: number;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads the newest `limit` live entries of an open log, backwards from its end, reading at most
 * about `byteBudget` bytes (a few huge inline bodies must not make the first screen slow).
 */
export function readRecentRecords(fd: number, limit: number, byteBudget: number): RecentRecords {
  const size = fs.fstatSync(fd).size;
  const out: RecentRecords = { entries: [], complete: false, end: 0, skipped: 0, sawRecord: false, bytesRead: 0 };
  const newestFirst: ReadEntry[] = [];
  const seen = new Set<string>();
  const deleted = new Set<string>();
  let pos = size;
  let carry: Buffer = Buffer.alloc(0);
  let foundEnd = false;
  while (pos > 0) {
    const from = Math.max(0, pos - CHUNK_BYTES);
    const chunk = Buffer.allocUnsafe(pos - from);
    const n = fs.readSync(fd, chunk, 0, chunk.length, from);
    out.bytesRead += n;
    pos = from;
    let buf = carry.length > 0 ? Buffer.concat([chunk.subarray(0, n), carry]) : chunk.subarray(0, n);
    if (!foundEnd) {
      // Whatever follows the last newline is a record still being written (or torn): not read.
      const last = buf.lastIndexOf(NEWLINE);
      if (last < 0) {
        carry = buf;
        continue;
      }
      out.end = from + last + 1;
      buf = buf.subarray(0, last);
      foundEnd = true;
    }
    // The piece before the first newline may start in the previous chunk; it waits for it.
    const firstBreak = from === 0 ? -1 : buf.indexOf(NEWLINE);
    if (from !== 0 && firstBreak < 0) {
      carry = buf;
      continue;
    }
    carry = from === 0 ? Buffer.alloc(0) : buf.subarray(0, firstBreak);
    let stop = buf.length;
    const floor = from === 0 ? 0 : firstBreak + 1;
    while (stop > floor) {
      const start = buf.lastIndexOf(NEWLINE, stop - 1);
      const lineStart = start < floor ? floor : start + 1;
      const isFirstLine = from === 0 && lineStart === 0;
      if (stop > lineStart && !isFirstLine) {
        take(buf.toString('utf8', lineStart, stop), out, newestFirst, seen, deleted);
      }
      stop = lineStart - 1;
    }
    if (newestFirst.length >= limit || out.bytesRead >= byteBudget) {
      break;
    }
  }
  out.complete = pos === 0 && carry.length === 0;
  out.entries = newestFirst.slice(0, limit).reverse();
  if (newestFirst.length > limit) {
    out.complete = false;
  }
  return out;
}

function take(line: string, out: RecentRecords, newestFirst: ReadEntry[], seen: Set<string>, deleted: Set<string>): void {
  const rec = decodeRecord(line);
  if (rec === undefined) {
    out.skipped++;
    return;
  }
  out.sawRecord = true;
  if (rec.op === 'del') {
    deleted.add(rec.id);
  } else if (rec.op === 'add') {
    const id = rec.entry.id;
    if (!seen.has(id) && !deleted.has(id)) {
      seen.add(id);
      newestFirst.push(rec.bodyLiteral === undefined ? { entry: rec.entry, timeMs: rec.timeMs } : { entry: rec.entry, timeMs: rec.timeMs, bodyLiteral: rec.bodyLiteral });
    }
  } else if (rec.maxEntries !== undefined && out.maxEntries === undefined) {
    out.maxEntries = rec.maxEntries;
  }
}

/** The complete lines appended since `offset`, and the offset after them. */
export function readNewLines(fd: number, offset: number): { text: string; offset: number } {
  const buf = readToEnd(fd, offset);
  const end = buf.lastIndexOf(NEWLINE) + 1;
  if (end === 0) {
    return { text: '', offset };
  }
  return { text: buf.toString('utf8', 0, end), offset: offset + end };
}

/**
 * The reading half of a store: a descriptor on the log it read, which pins the inode so identity
 * checks cannot be fooled by reuse, and how far it has read. It fills an index from the whole log,
 * from its newest entries, or from what was appended since.
 */
export class LogReader {
  private view: { fd: number; id: string; offset: number } | undefined;

  constructor(
    private readonly file: string,
    private readonly index: HistoryIndex,
  ) {}

  /** The identity of the file being read, if any. */
  get fileId(): string | undefined {
    return this.view?.id;
  }

  /** Reads a whole opened log into the (reset) index; the first line is the header, checked by the caller. */
  readWhole(opened: OpenedLog): void {
    const buf = readToEnd(opened.fd, 0);
    const firstEnd = buf.indexOf(NEWLINE);
    const end = buf.lastIndexOf(NEWLINE) + 1;
    this.index.recordedMaxEntries = opened.header.ok ? opened.header.maxEntries : undefined;
    if (buf.length > 0 && !opened.header.ok) {
      this.index.skipped++;
      this.index.garbage++;
    }
    if (firstEnd >= 0) {
      this.index.applyLines(buf.toString('utf8', firstEnd + 1, end));
    }
    this.view = { fd: opened.fd, id: opened.id, offset: end };
  }

  /** Reads the newest `limit` entries of an opened log into the (reset) index; true when that was all of them. */
  readRecent(opened: OpenedLog, limit: number, byteBudget: number): boolean {
    const recent = readRecentRecords(opened.fd, limit, byteBudget);
    for (const r of recent.entries) {
      this.index.insert(r.entry, r.timeMs, r.bodyLiteral);
    }
    this.index.skipped = recent.skipped + (opened.header.ok ? 0 : 1);
    this.index.recordedMaxEntries = recent.maxEntries ?? (opened.header.ok ? opened.header.maxEntries : undefined);
    this.view = { fd: opened.fd, id: opened.id, offset: recent.end };
    return recent.complete;
  }

  /**
   * Applies what was appended since the last read. `reload` when the log was replaced or shrank
   * (another process rewrote it), or when there is none any more and something was read before.
   */
  async readAppended(): Promise<{ added: number; removed: number } | 'reload'> {
    const st = await statOrUndefined(this.file);
    const view = this.view;
    if (!st) {
      return view || this.index.size > 0 ? 'reload' : { added: 0, removed: 0 };
    }
    if (!view || identityOf(st) !== view.id || st.size < view.offset) {
      return 'reload';
    }
    if (st.size === view.offset) {
      return { added: 0, removed: 0 };
    }
    const lines = readNewLines(view.fd, view.offset);
    view.offset = lines.offset;
    return this.index.applyLines(lines.text);
  }

  /** Moves past our own record when nobody else wrote in between; otherwise it will be read back. */
  trackOwnWrite(written: AppendedRecord, pendingKey: string | undefined): void {
    const { id, size, length } = written;
    const view = this.view;
    if (view && view.id === id && size === view.offset + length) {
      view.offset = size;
      return;
    }
    if (!view && size === length) {
      // We created the log with this write: start reading it from here.
      this.view = { fd: fs.openSync(this.file, 'r'), id, offset: size };
      if (identityOf(fs.fstatSync(this.view.fd)) === id) {
        return;
      }
      this.close();
    }
    if (pendingKey !== undefined) {
      this.index.ownPending.add(pendingKey);
    }
  }

  /** Closes the descriptor. */
  close(): void {
    if (this.view) {
      fs.closeSync(this.view.fd);
      this.view = undefined;
    }
  }
}
