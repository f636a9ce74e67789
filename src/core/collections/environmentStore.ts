import * as nodePath from 'node:path';
import { InputError } from '../errors';
import { createEnvironment, parseEnvironment, serializeEnvironment, type Environment } from './environmentFormat';
import { JsonFileStore, type DocumentListing, type FileRef, type StoreFileSystem, type StoreRoot, type StoreScope } from './jsonFileStore';

/** The usual directories: `<workspace>/.trtc/environments` and `<globalStorage>/environments`. */
export function defaultEnvironmentRoots(dirs: { workspaceFolder?: string; globalStorage?: string }): StoreRoot[] {
  const roots: StoreRoot[] = [];
  if (dirs.workspaceFolder) {
    roots.push({ scope: 'workspace', dir: nodePath.join(dirs.workspaceFolder, '.trtc', 'environments'), label: '.trtc/environments' });
  }
  if (dirs.globalStorage) {
    roots.push({ scope: 'user', dir: nodePath.join(dirs.globalStorage, 'environments'), label: 'environments' });
  }
  return roots;
}

/**
 * Environment files beside the collections. Like collections they are validated on read, written
 * atomically and never hold a secret value: those come from a SecretResolver.
 */
export class EnvironmentStore {
  private readonly files: JsonFileStore<Environment>;

  constructor(options: { roots: readonly StoreRoot[]; fs?: StoreFileSystem }) {
    this.files = new JsonFileStore<Environment>(
      options.roots,
      { parse: parseEnvironment, serialize: serializeEnvironment, kind: 'environment' },
      options.fs,
    );
  }

  /** Every environment file, valid and invalid. */
  list(): Promise<DocumentListing<Environment>> {
    return this.files.list();
  }

  /** Reads one environment file. */
  load(ref: FileRef): Promise<Environment> {
    return this.files.read(ref);
  }

  /** The environment with this name; the workspace one wins when both scopes have it. */
  async findByName(name: string): Promise<{ ref: FileRef; environment: Environment }> {
    const { valid, invalid } = await this.list();
    const order: StoreScope[] = ['workspace', 'user'];
    const hit = valid
      .filter((d) => d.document.name === name)
      .sort((a, b) => order.indexOf(a.ref.scope) - order.indexOf(b.ref.scope))[0];
    if (!hit) {
      const names = valid.map((d) => `"${d.document.name}"`).join(', ');
      const broken = invalid.length > 0 ? `; ${invalid.length} environment file(s) could not be read: ${invalid.map((i) => i.label).join(', ')}` : '';
      throw new InputError(`There is no environment named "${name}"${names ? ` (there are ${names})` : ''}${broken}`);
    }
    return { ref: hit.ref, environment: hit.document };
  }

  /** Writes an environment (validated; a secret value or an invalid existing file is refused). */
  save(ref: FileRef, environment: Environment): Promise<void> {
    return this.files.write(ref, environment);
  }

  /** Creates a new, empty environment file and returns its ref. */
  create(scope: StoreScope, name: string): Promise<FileRef> {
    return this.files.createFile(scope, name, createEnvironment(name));
  }

  /** Changes an environment under its file lock. */
  async update(ref: FileRef, change: (environment: Environment) => void): Promise<Environment> {
    return (await this.files.update(ref, change)).document;
  }

  /** Deletes an environment file. Secret values stay in secret storage; removing them is the caller's job. */
  delete(ref: FileRef): Promise<void> {
    return this.files.remove(ref);
  }
}
