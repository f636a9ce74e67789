/*
 * The history's files on disk and the small operations every part of the store shares: the header
 * check, file identity, whole-file and tail reads, and moving a file that is not ours out of the way.
 * The protocol that uses them is described at the top of historyStore.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors';
import { HISTORY_SCHEMA_VERSION } from './historyEntry';
import { acquireLock, type LockOptions } from './historyLock';
import { decodeRecord } from './historyRecord';

/** The history file's name inside the store's directory. */
export const HISTORY_FILE_NAME = 'history.jsonl';
/** The folder, inside the store's directory, of bodies too large to keep inline. */
export const HISTORY_BODIES_DIR = 'bodies';
/** Where compaction keeps the lines it could not read, exactly as they were, one per line. */
export const HISTORY_UNREADABLE_FILE_NAME = 'history.unreadable.jsonl';
/** The lock directory's name. */
export const LOCK_NAME = 'history.lock';
/** The byte that ends every record. */
export const NEWLINE = 0x0a;

/** Something the user should hear about; the message is ready to show. */
export interface HistoryNotice {
  /**
   * `kept-aside`: a newer or foreign file was moved away; `lines-kept-aside`: compaction moved
   * unreadable lines into the side file; `recovered`: the header was damaged and the records after
   * it were read; `skipped-lines`: damaged lines were skipped while loading.
   */
  kind: 'kept-aside' | 'lines-kept-aside' | 'recovered' | 'skipped-lines' | 'background-error';
  message: string;
  /** The file the notice is about: where a file or lines were kept aside. */
  path?: string;
  /** The schema version of a file kept aside because it is newer. */
  version?: number;
  /** How many lines a `lines-kept-aside` or `skipped-lines` notice is about. */
  lines?: number;
}

/** What the first line of a log says. */
export type HeaderCheck =
  | { ok: true; createdAt: string; maxEntries?: number }
  | { ok: false; reason: 'corrupt' }
  | { ok: false; reason: 'newer'; version: number };

/** Checks a log's first line. */
export function checkHeader(line: string | undefined): HeaderCheck {
  const rec = line === undefined ? undefined : decodeRecord(line);
  if (rec?.op !== 'header' || rec.schemaVersion < 1) {
    return { ok: false, reason: 'corrupt' };
  }
  if (rec.schemaVersion > HISTORY_SCHEMA_VERSION) {
    return { ok: false, reason: 'newer', version: rec.schemaVersion };
  }
  return { ok: true, createdAt: rec.createdAt ?? new Date(0).toISOString(), ...(rec.maxEntries !== undefined ? { maxEntries: rec.maxEntries } : {}) };
}

/** Checks the first line of an open file. */
export function readHeaderFd(fd: number): HeaderCheck {
  const head = Buffer.alloc(4096);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  const firstEnd = head.subarray(0, n).indexOf(NEWLINE);
  return checkHeader(firstEnd < 0 ? undefined : head.toString('utf8', 0, firstEnd));
}

/** Checks the first line of the file at `file` afresh. */
export function readHeader(file: string): HeaderCheck {
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

/** How far back {@link hasOwnRecords} looks for a record it can read. */
const OWN_RECORD_SCAN_BYTES = 8 * 1024 * 1024;

/**
 * True when a file whose header is damaged still holds records of ours: the last complete lines
 * are read backwards until one decodes. A damaged header byte must not cost a whole valid log, so
 * such a file is read and appended to, and the next compaction writes a new header.
 */
export function hasOwnRecords(fd: number): boolean {
  const size = fs.fstatSync(fd).size;
  const from = Math.max(0, size - OWN_RECORD_SCAN_BYTES);
  const buf = Buffer.alloc(size - from);
  const n = fs.readSync(fd, buf, 0, buf.length, from);
  const text = buf.toString('utf8', 0, n);
  const end = text.lastIndexOf('\n');
  // The first line is the damaged header itself, and the first piece of a partial read may be cut.
  const lines = text.slice(0, Math.max(0, end)).split('\n').slice(1);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (line === '') continue;
    const rec = decodeRecord(line);
    if (rec && (rec.op !== 'header' || rec.schemaVersion <= HISTORY_SCHEMA_VERSION)) {
      return true;
    }
  }
  return false;
}

/**
 * Which file a path or descriptor refers to. The inode alone can be truncated on Windows, where
 * file ids exceed 2^53, so the creation time joins it.
 */
export function identityOf(st: fs.Stats): string {
  return `${st.dev}:${st.ino}:${st.birthtimeMs}`;
}

/** Everything from `from` to the end of an open file. */
export function readToEnd(fd: number, from: number): Buffer {
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

/** Writes all of `data`, however many writes it takes. */
export function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) {
    off += fs.writeSync(fd, data, off, data.length - off);
  }
}

/** Makes a rename in `dir` durable. */
export function syncDir(dir: string): void {
  // Directories cannot be opened for syncing on Windows, where the rename is durable enough once
  // it returns.
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

/** The file's stats, or undefined when it does not exist. */
export async function statOrUndefined(p: string): Promise<fs.Stats | undefined> {
  try {
    return await fs.promises.stat(p);
  } catch (e) {
    if (errno(e) === 'ENOENT') return undefined;
    throw e;
  }
}

/** The system error code of an exception, such as `ENOENT`. */
export function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A whole-number option, or its default; anything else is a `ConfigError` naming the option. */
export function positiveInt(value: number | undefined, fallback: number, name: string, allowZero = false): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new ConfigError(`The history option ${name} must be a whole number of at least ${allowZero ? 0 : 1}; got ${value}`);
  }
  return value;
}

/**
 * Renames a log we cannot use out of the way, under the lock, and returns the notice that says
 * where it went; undefined when someone else already moved it, or when on a second look it is ours
 * after all (a first record still being written, or a damaged header over readable records).
 */
export async function keepAside(
  file: string,
  lockDir: string,
  lock: LockOptions,
  header: Exclude<HeaderCheck, { ok: true }>,
  seenId: string,
  now: Date,
): Promise<HistoryNotice | undefined> {
  const held = await acquireLock(lockDir, lock);
  try {
    const st = await statOrUndefined(file);
    if (!st || identityOf(st) !== seenId) {
      return undefined;
    }
    const again = readHeader(file);
    if (again.ok || (again.reason === 'corrupt' && fileHasOwnRecords(file))) {
      return undefined;
    }
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const base = header.reason === 'newer' ? `${file}.newer-${header.version}-${stamp}` : `${file}.corrupt-${stamp}`;
    let aside = base;
    for (let n = 2; fs.existsSync(aside); n++) {
      aside = `${base}-${n}`;
    }
    fs.renameSync(file, aside);
    const message =
      header.reason === 'newer'
        ? `The request history was written by a newer version of TRTC API Explorer (schema v${header.version}); it was kept at ${aside} and a new history was started`
        : `The request history file was not recognised (it does not start with a TRTC API Explorer history header); it was kept at ${aside} and a new history was started`;
    return { kind: 'kept-aside', message, path: aside, ...(header.reason === 'newer' ? { version: header.version } : {}) };
  } finally {
    held.release();
  }
}

function fileHasOwnRecords(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    return hasOwnRecords(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Where the store's files are, from its directory. */
export function storePaths(dir: string): { file: string; bodiesDir: string; lockDir: string; unreadableFile: string } {
  return {
    file: path.join(dir, HISTORY_FILE_NAME),
    bodiesDir: path.join(dir, HISTORY_BODIES_DIR),
    lockDir: path.join(dir, LOCK_NAME),
    unreadableFile: path.join(dir, HISTORY_UNREADABLE_FILE_NAME),
  };
}

/** An open log whose header was checked. */
export interface OpenedLog {
  fd: number;
  id: string;
  header: HeaderCheck;
}

/**
 * Opens the log for reading. A newer or foreign file is kept aside (the notice goes to `onKeptAside`)
 * and a new history started; undefined when there is no log, or no longer one.
 */
export async function openLogForRead(
  file: string,
  lockDir: string,
  lock: LockOptions,
  now: () => Date,
  onKeptAside: (notice: HistoryNotice) => void,
): Promise<OpenedLog | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (e) {
      if (errno(e) === 'ENOENT') return undefined;
      throw e;
    }
    const st = fs.fstatSync(fd);
    const header: HeaderCheck = st.size === 0 ? { ok: true, createdAt: '' } : readHeaderFd(fd);
    if (header.ok || (header.reason === 'corrupt' && hasOwnRecords(fd))) {
      return { fd, id: identityOf(st), header };
    }
    fs.closeSync(fd);
    const notice = await keepAside(file, lockDir, lock, header, identityOf(st), now());
    if (notice) {
      onKeptAside(notice);
    }
  }
  throw new ConfigError(`The request history at ${file} kept changing while it was being read; try again`);
}

/** The notices of a load: a damaged first line whose records were read, and skipped lines. */
export function damageNotices(file: string, headerDamaged: boolean, skippedLines: number): HistoryNotice[] {
  const out: HistoryNotice[] = [];
  if (headerDamaged) {
    out.push({
      kind: 'recovered',
      path: file,
      message:
        `The first line of the request history at ${file} was damaged; the entries after it were read, ` +
        'and the next compaction writes a new first line and keeps the damaged one in the side file',
    });
  }
  if (skippedLines > 0) {
    out.push({
      kind: 'skipped-lines',
      lines: skippedLines,
      message: `Skipped ${skippedLines} damaged ${skippedLines === 1 ? 'line' : 'lines'} in the request history; the other entries were loaded`,
    });
  }
  return out;
}
