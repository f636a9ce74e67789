/*
 * The lock-free half of the log protocol (the log itself is described at the top of historyStore.ts).
 *
 * Appending takes no lock and touches no other record: write the record, then stat the path. If the
 * path still names the file the descriptor points to, the record is in the live log. If not, a
 * rewrite (compaction or clear, by any process) replaced the file while the descriptor was open, so
 * the appender reopens the path and writes the record again; readers drop the copy by id.
 */
import fs from 'node:fs';
import { ConfigError } from '../errors';
import { hasOwnRecords, identityOf, keepAside, readHeaderFd, type HistoryNotice } from './historyFile';
import type { LockOptions } from './historyLock';

/** Where a record landed: the file's identity and size after the write, and the bytes written. */
export interface AppendedRecord {
  id: string;
  size: number;
  length: number;
}

/** What the appender needs from its store. */
export interface AppenderOptions {
  dir: string;
  file: string;
  lockDir: string;
  lock: () => LockOptions;
  now: () => Date;
  /** Told when a newer or foreign file had to be moved aside before the first record. */
  onKeptAside: (notice: HistoryNotice) => void;
}

interface Handle {
  fd: number;
  id: string;
  /** The file was empty when opened, so the first write may need to carry the header. */
  maybeEmpty: boolean;
}

/** Appends records to one log, reopening it whenever a rewrite replaced it. */
export class LogAppender {
  private handle: Handle | undefined;

  constructor(private readonly o: AppenderOptions) {}

  /**
   * Appends `line` as one record, with `header()` in front when the file is still empty. `trusted`
   * is the identity of a file the caller has already checked, which needs no second look.
   */
  async write(line: string, header: () => string, trusted: string | undefined): Promise<AppendedRecord> {
    const record = '\n' + line + '\n';
    for (let attempt = 0; attempt < 5; attempt++) {
      const handle = await this.open(trusted);
      let data = record;
      if (handle.maybeEmpty) {
        if (fs.fstatSync(handle.fd).size === 0) {
          data = header() + '\n' + record;
        } else {
          handle.maybeEmpty = false;
        }
      }
      const bytes = Buffer.from(data, 'utf8');
      const written = fs.writeSync(handle.fd, bytes);
      if (written !== bytes.length) {
        throw new ConfigError(`Only ${written} of ${bytes.length} bytes of a history record could be written to ${this.o.file}; is the disk full?`);
      }
      const st = fs.statSync(this.o.file, { throwIfNoEntry: false });
      if (st && identityOf(st) === handle.id) {
        return { id: handle.id, size: st.size, length: bytes.length };
      }
      this.close();
    }
    throw new ConfigError(`The request history at ${this.o.file} kept being replaced while a record was being added; try again`);
  }

  /** Closes the descriptor; the next write opens the path again. */
  close(): void {
    if (this.handle) {
      fs.closeSync(this.handle.fd);
      this.handle = undefined;
    }
  }

  /** An O_APPEND descriptor on the live log, opened (and its header checked) when needed. */
  private async open(trusted: string | undefined): Promise<Handle> {
    if (this.handle) {
      return this.handle;
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      fs.mkdirSync(this.o.dir, { recursive: true });
      const fd = fs.openSync(this.o.file, 'a+');
      const st = fs.fstatSync(fd);
      const id = identityOf(st);
      if (st.size === 0 || id === trusted) {
        this.handle = { fd, id, maybeEmpty: st.size === 0 };
        return this.handle;
      }
      const header = readHeaderFd(fd);
      if (header.ok || (header.reason === 'corrupt' && hasOwnRecords(fd))) {
        this.handle = { fd, id, maybeEmpty: false };
        return this.handle;
      }
      fs.closeSync(fd);
      const notice = await keepAside(this.o.file, this.o.lockDir, this.o.lock(), header, id, this.o.now());
      if (notice) {
        this.o.onKeptAside(notice);
      }
    }
    throw new ConfigError(`The request history at ${this.o.file} kept changing while a record was being added; try again`);
  }
}
