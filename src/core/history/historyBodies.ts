/*
 * Response bodies too large to keep inline live in side files under `bodies/`, one per entry,
 * named after the entry's id. A side file is written before the record that names it, so a record
 * never names a missing file; it is deleted with its entry (a tombstone or pruning).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors';
import { errno } from './historyFile';
import { isSafeFileName } from './historyRecord';

/** Writes a new side file; it must not exist yet. */
export async function writeBodyFile(bodiesDir: string, name: string, body: string): Promise<void> {
  await fs.promises.mkdir(bodiesDir, { recursive: true });
  await fs.promises.writeFile(path.join(bodiesDir, name), body, { flag: 'wx' });
}

/** Reads a side file; a missing one means another process pruned the entry meanwhile. */
export async function readBodyFile(bodiesDir: string, name: string, entryId: string): Promise<string> {
  try {
    return await fs.promises.readFile(path.join(bodiesDir, name), 'utf8');
  } catch (e) {
    if (errno(e) === 'ENOENT') {
      throw new ConfigError(
        `The response body of history entry ${entryId} is no longer on disk (another window may have pruned it); refresh the history`,
      );
    }
    throw e;
  }
}

/** Deletes side files by name; names that could point outside the folder are ignored. */
export async function removeBodyFiles(bodiesDir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (isSafeFileName(name)) {
      await fs.promises.rm(path.join(bodiesDir, name), { force: true });
    }
  }
}

/** The total size of the side files, for the store's statistics. */
export async function bodyFilesBytes(bodiesDir: string): Promise<number> {
  let total = 0;
  for (const name of await fs.promises.readdir(bodiesDir).catch(() => [] as string[])) {
    total += (await fs.promises.stat(path.join(bodiesDir, name)).catch(() => undefined))?.size ?? 0;
  }
  return total;
}
