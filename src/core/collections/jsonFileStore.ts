import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import * as nodePath from 'node:path';
import { ConfigError, InputError } from '../errors';
import { CollectionFormatError } from './collectionFormat';

/**
 * The file operations the stores use, so tests can inject failures (a write that dies halfway).
 * `node:fs/promises` provides all of them.
 */
export interface StoreFileSystem {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, options: { encoding: 'utf8'; flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

/** Where a store keeps files: shared with the team through git, or private to this user. */
export type StoreScope = 'workspace' | 'user';

/** One directory a store reads and writes. */
export interface StoreRoot {
  scope: StoreScope;
  dir: string;
  /** How messages name the directory, such as `.trtc/collections`; defaults to its last segment. */
  label?: string;
}

/** A stored file: which directory and the file name in it (`team.json`). */
export interface FileRef {
  scope: StoreScope;
  file: string;
}

/** A file that was read and validated. */
export interface StoredDocument<T> {
  ref: FileRef;
  /** The directory label and file name, such as `collections/team.json`. */
  label: string;
  document: T;
}

/** A file that could not be used; it is reported and left exactly as it is. */
export interface InvalidDocument {
  ref: FileRef;
  label: string;
  error: CollectionFormatError;
}

/** The valid and invalid files of a store. */
export interface DocumentListing<T> {
  valid: Array<StoredDocument<T>>;
  invalid: InvalidDocument[];
}

function isNotFound(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** Turns a display name into a safe, readable file name: `Team Rooms` → `team-rooms.json`. */
export function fileNameFor(name: string): string {
  let base = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (base === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/.test(base)) {
    base = `collection-${base}`.replace(/-$/, '');
  }
  return `${base}.json`;
}

/**
 * JSON documents in one or more directories, validated on every read and written atomically: the
 * text goes to a temporary file beside the target, which is then renamed over it, so a crash or a
 * failed write never leaves a half-written file. A file that does not validate is never overwritten.
 * Writes to one file are serialized within the process.
 */
export class JsonFileStore<T> {
  private readonly fs: StoreFileSystem;
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly roots: readonly StoreRoot[],
    private readonly codec: {
      parse(text: string, label: string): T;
      serialize(document: T, label: string): string;
      kind: string;
    },
    fs?: StoreFileSystem,
  ) {
    this.fs = fs ?? (nodeFs as unknown as StoreFileSystem);
    const scopes = new Set(roots.map((r) => r.scope));
    if (scopes.size !== roots.length) {
      throw new ConfigError('Each store scope may have only one directory');
    }
  }

  /** The scopes this store has a directory for. */
  get scopes(): StoreScope[] {
    return this.roots.map((r) => r.scope);
  }

  private root(scope: StoreScope): StoreRoot {
    const root = this.roots.find((r) => r.scope === scope);
    if (!root) {
      throw new ConfigError(`There is no ${scope} folder for ${this.codec.kind}s${scope === 'workspace' ? ' (no folder is open)' : ''}`);
    }
    return root;
  }

  /** The absolute path of a file, after checking the name cannot escape its directory. */
  pathOf(ref: FileRef): string {
    if (!/^[^/\\]+\.json$/i.test(ref.file) || ref.file.startsWith('.') || ref.file === '..') {
      throw new InputError(`"${ref.file}" is not a ${this.codec.kind} file name: use a plain name ending in .json`);
    }
    return nodePath.join(this.root(ref.scope).dir, ref.file);
  }

  /** The file as messages name it: `collections/team.json`. */
  labelOf(ref: FileRef): string {
    const root = this.root(ref.scope);
    return `${root.label ?? nodePath.basename(root.dir)}/${ref.file}`;
  }

  /** Runs `task` after every earlier task on the same files, so read-modify-write cycles do not interleave. */
  async withLock<R>(refs: FileRef[], task: () => Promise<R>): Promise<R> {
    const keys = [...new Set(refs.map((r) => this.pathOf(r)))].sort();
    const previous = Promise.all(keys.map((k) => this.locks.get(k)?.catch(() => undefined)));
    const run = previous.then(task);
    const settled = run.catch(() => undefined);
    for (const k of keys) {
      this.locks.set(k, settled);
    }
    try {
      return await run;
    } finally {
      for (const k of keys) {
        if (this.locks.get(k) === settled) {
          this.locks.delete(k);
        }
      }
    }
  }

  /** Every `*.json` file in every directory: the valid ones parsed, the others with their problems. */
  async list(): Promise<DocumentListing<T>> {
    const out: DocumentListing<T> = { valid: [], invalid: [] };
    for (const root of this.roots) {
      let names: string[];
      try {
        names = await this.fs.readdir(root.dir);
      } catch (e) {
        if (isNotFound(e)) {
          continue;
        }
        throw e;
      }
      for (const file of names.filter((n) => /\.json$/i.test(n) && !n.startsWith('.')).sort()) {
        const ref = { scope: root.scope, file };
        const label = this.labelOf(ref);
        try {
          out.valid.push({ ref, label, document: await this.read(ref) });
        } catch (e) {
          if (e instanceof CollectionFormatError) {
            out.invalid.push({ ref, label, error: e });
          } else if (!isNotFound(e)) {
            throw e;
          }
        }
      }
    }
    return out;
  }

  /** Reads and validates one file; throws CollectionFormatError naming the file when it is invalid. */
  async read(ref: FileRef): Promise<T> {
    const text = await this.fs.readFile(this.pathOf(ref), 'utf8');
    return this.codec.parse(text, this.labelOf(ref));
  }

  /** True when the file exists. */
  async exists(ref: FileRef): Promise<boolean> {
    try {
      await this.fs.readFile(this.pathOf(ref), 'utf8');
      return true;
    } catch (e) {
      if (isNotFound(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Validates and writes a document. When a file of that name exists but is not valid, nothing is
   * written: the user's file is theirs to fix. Only call it inside {@link withLock} for this file.
   */
  async writeLocked(ref: FileRef, document: T): Promise<void> {
    const target = this.pathOf(ref);
    const label = this.labelOf(ref);
    const text = this.codec.serialize(document, label);
    let existing: string | undefined;
    try {
      existing = await this.fs.readFile(target, 'utf8');
    } catch (e) {
      if (!isNotFound(e)) {
        throw e;
      }
    }
    if (existing !== undefined) {
      try {
        this.codec.parse(existing, label);
      } catch (e) {
        if (e instanceof CollectionFormatError) {
          throw new InputError(`${label} is not a valid ${this.codec.kind} file, so it was left unchanged; fix it first:\n${e.message}`);
        }
        throw e;
      }
    }
    await this.fs.mkdir(nodePath.dirname(target), { recursive: true });
    const temp = nodePath.join(nodePath.dirname(target), `.${ref.file}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await this.fs.writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
      await this.fs.rename(temp, target);
    } catch (e) {
      await this.fs.unlink(temp).catch(() => undefined);
      throw e;
    }
  }

  /** Writes a document (atomically, refusing to replace an invalid file). */
  async write(ref: FileRef, document: T): Promise<void> {
    await this.withLock([ref], () => this.writeLocked(ref, document));
  }

  /** Reads, changes and writes one file under its lock. `change` may mutate the document it is given. */
  async update<R>(ref: FileRef, change: (document: T) => R): Promise<{ document: T; result: R }> {
    return this.withLock([ref], async () => {
      const document = await this.read(ref);
      const result = change(document);
      await this.writeLocked(ref, document);
      return { document, result };
    });
  }

  /**
   * Creates a new file named after `name` (`team.json`, or `team-2.json` when that is taken) and
   * returns its ref. An existing file is never replaced.
   */
  async createFile(scope: StoreScope, name: string, document: T): Promise<FileRef> {
    const stem = fileNameFor(name).slice(0, -'.json'.length);
    for (let n = 1; ; n++) {
      const ref = { scope, file: n === 1 ? `${stem}.json` : `${stem}-${n}.json` };
      const created = await this.withLock([ref], async () => {
        if (await this.exists(ref)) {
          return false;
        }
        await this.writeLocked(ref, document);
        return true;
      });
      if (created) {
        return ref;
      }
    }
  }

  /** Deletes a file. */
  async remove(ref: FileRef): Promise<void> {
    await this.withLock([ref], async () => {
      try {
        await this.fs.unlink(this.pathOf(ref));
      } catch (e) {
        if (isNotFound(e)) {
          throw new InputError(`${this.labelOf(ref)} does not exist`);
        }
        throw e;
      }
    });
  }
}
