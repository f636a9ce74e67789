/*
 * A cross-process lock made of a directory. `mkdir` either creates the directory or fails with
 * `EEXIST`, atomically, on every local file system and on NFS, so exactly one process holds it.
 *
 * - The holder writes `owner.json` (pid, host, time, random token) inside, and touches the
 *   directory's mtime every `staleMs / 3` while it holds the lock (a heartbeat).
 * - A waiter treats the lock as stale when its owner is a dead process on this host, or when the
 *   heartbeat has stopped for `staleMs` (a crash, a machine that went away, a process frozen in a
 *   debugger). It breaks a stale lock by renaming the directory to a unique name, which only one
 *   waiter can do, then checks that the renamed directory still carries the token it judged stale;
 *   if another waiter had already replaced the lock in between, it puts the directory back.
 * - Because a lock can in principle be broken under a frozen holder, the holder calls
 *   `HeldLock.verify()` right before its irreversible step and gives up when the lock is no
 *   longer its own.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../errors';

/** How long a lock may go without a heartbeat, and how long to wait for it. */
export interface LockOptions {
  /** How long without a heartbeat before a lock counts as abandoned. */
  staleMs: number;
  /** How long to wait for the lock before failing. */
  timeoutMs: number;
}

/** A lock this process holds; release it in a `finally`. */
export interface HeldLock {
  /** True while the lock directory still carries this holder's token. */
  verify(): boolean;
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
  time: string;
  token: string;
}

const OWNER_FILE = 'owner.json';

/** The lock stayed taken for the whole wait; a background job can give up quietly on this one. */
export class LockTimeoutError extends ConfigError {}

/** Takes the lock at `lockPath` (a directory path), waiting up to `timeoutMs`. */
export async function acquireLock(lockPath: string, options: LockOptions): Promise<HeldLock> {
  const deadline = Date.now() + options.timeoutMs;
  let delay = 2;
  for (;;) {
    const held = tryAcquire(lockPath, options);
    if (held) {
      return held;
    }
    breakIfStale(lockPath, options.staleMs);
    if (Date.now() >= deadline) {
      const owner = readOwner(lockPath);
      const who = owner ? ` by process ${owner.pid} on ${owner.host} since ${owner.time}` : '';
      throw new LockTimeoutError(
        `The history is locked${who} and stayed locked for ${options.timeoutMs} ms; ` +
          `try again, or delete ${lockPath} if no TRTC API Explorer is running`,
      );
    }
    // Jitter keeps several waiters from retrying in lock step.
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 50);
  }
}

function tryAcquire(lockPath: string, options: LockOptions): HeldLock | undefined {
  try {
    fs.mkdirSync(lockPath);
  } catch (e) {
    if (errno(e) !== 'ENOENT') {
      if (errno(e) === 'EEXIST') return undefined;
      throw e;
    }
    // The folder the lock lives in does not exist yet: create it and try once more.
    fs.mkdirSync(path.dirname(lockPath), { recursive: true });
    try {
      fs.mkdirSync(lockPath);
    } catch (again) {
      if (errno(again) === 'EEXIST') return undefined;
      throw again;
    }
  }
  const owner: Owner = { pid: process.pid, host: os.hostname(), time: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  fs.writeFileSync(path.join(lockPath, OWNER_FILE), JSON.stringify(owner));
  let released = false;
  const beat = setInterval(() => {
    try {
      const now = new Date();
      fs.utimesSync(lockPath, now, now);
    } catch {
      // A missing lock directory is noticed by verify(); the heartbeat has nothing to add.
    }
  }, Math.max(10, Math.floor(options.staleMs / 3)));
  beat.unref();
  return {
    verify: () => !released && readOwner(lockPath)?.token === owner.token,
    release: () => {
      if (released) return;
      released = true;
      clearInterval(beat);
      // Remove only our own lock: after a break (see above) the directory may be someone else's.
      if (readOwner(lockPath)?.token !== owner.token) return;
      const gone = `${lockPath}.released-${owner.token}`;
      try {
        fs.renameSync(lockPath, gone);
        fs.rmSync(gone, { recursive: true, force: true });
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}

function breakIfStale(lockPath: string, staleMs: number): void {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(lockPath).mtimeMs;
  } catch {
    return;
  }
  const owner = readOwner(lockPath);
  const abandoned = Date.now() - mtimeMs > staleMs;
  const deadOwner = owner !== undefined && owner.host === os.hostname() && !isAlive(owner.pid);
  if (!abandoned && !deadOwner) {
    return;
  }
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return;
  }
  if (readOwner(aside)?.token !== owner?.token) {
    // Between our look and our rename another waiter broke the stale lock and took a fresh one;
    // we moved the fresh one, so put it back. Its holder also checks verify() before committing.
    try {
      fs.renameSync(aside, lockPath);
      return;
    } catch {
      // Someone took the lock in the meantime; the moved holder's verify() now fails and it backs off.
    }
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

function readOwner(lockPath: string): Owner | undefined {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(lockPath, OWNER_FILE), 'utf8')) as Partial<Owner>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.token === 'string') {
      return { pid: v.pid, host: v.host, time: String(v.time ?? ''), token: v.token };
    }
  } catch {
    // No owner yet (the holder is between mkdir and writing it) or unreadable: judged by age alone.
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return errno(e) === 'EPERM';
  }
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
