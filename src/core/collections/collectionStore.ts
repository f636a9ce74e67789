import * as nodePath from 'node:path';
import { InputError } from '../errors';
import {
  createCollection,
  parseCollection,
  serializeCollection,
  type Collection,
  type CollectionItem,
  type RequestItem,
} from './collectionFormat';
import { cloneItem, collectIds, containerItems, containsId, findItem, insertItem, removeItem, requireItem } from './collectionTree';
import { JsonFileStore, type DocumentListing, type FileRef, type StoreFileSystem, type StoreRoot, type StoreScope } from './jsonFileStore';

/** Identifies a collection file: `{ scope: 'workspace', file: 'team.json' }`. */
export type CollectionRef = FileRef;

/** The usual directories: `<workspace>/.trtc/collections` and `<globalStorage>/collections`. */
export function defaultCollectionRoots(dirs: { workspaceFolder?: string; globalStorage?: string }): StoreRoot[] {
  const roots: StoreRoot[] = [];
  if (dirs.workspaceFolder) {
    roots.push({ scope: 'workspace', dir: nodePath.join(dirs.workspaceFolder, '.trtc', 'collections'), label: '.trtc/collections' });
  }
  if (dirs.globalStorage) {
    roots.push({ scope: 'user', dir: nodePath.join(dirs.globalStorage, 'collections'), label: 'collections' });
  }
  return roots;
}

/** Where to put an item: a collection, optionally a folder in it, optionally a position. */
export interface ItemTarget {
  ref: CollectionRef;
  /** The folder to put the item in; the top level when omitted. */
  folderId?: string;
  /** Position among the folder's items; the end when omitted. */
  index?: number;
}

/**
 * Saved collections in the workspace (`.trtc/collections/*.json`, shared through git) and in the
 * user's own storage. Every change is a locked read-modify-write of one file, written atomically;
 * files that do not validate are listed as invalid and never overwritten. Items are addressed by id.
 */
export class CollectionStore {
  private readonly files: JsonFileStore<Collection>;

  constructor(options: { roots: readonly StoreRoot[]; fs?: StoreFileSystem }) {
    this.files = new JsonFileStore<Collection>(options.roots, { parse: parseCollection, serialize: serializeCollection, kind: 'collection' }, options.fs);
  }

  /** Every collection file: the valid ones and the invalid ones with their problems. */
  list(): Promise<DocumentListing<Collection>> {
    return this.files.list();
  }

  /** Reads one collection; throws CollectionFormatError (naming the file and each problem) if invalid. */
  load(ref: CollectionRef): Promise<Collection> {
    return this.files.read(ref);
  }

  /** The file as messages name it, such as `.trtc/collections/team.json`. */
  labelOf(ref: CollectionRef): string {
    return this.files.labelOf(ref);
  }

  /** Writes a whole collection (validated; literal credentials refused; an invalid file is never replaced). */
  save(ref: CollectionRef, collection: Collection): Promise<void> {
    return this.files.write(ref, collection);
  }

  /** Creates a new collection file named after the collection, and returns its ref. */
  async create(scope: StoreScope, name: string, items: CollectionItem[] = []): Promise<CollectionRef> {
    const collection: Collection = { ...createCollection(name), items };
    return this.files.createFile(scope, name, collection);
  }

  /** Changes a collection's display name; its file name stays, so git history and references hold. */
  async renameCollection(ref: CollectionRef, name: string): Promise<void> {
    await this.files.update(ref, (c) => {
      c.name = name;
    });
  }

  /** Renames a folder or request. */
  async renameItem(ref: CollectionRef, itemId: string, name: string): Promise<void> {
    await this.files.update(ref, (c) => {
      requireItem(c, itemId).item.name = name;
    });
  }

  /** Adds a request (or replaces the one with the same id, in place) and returns the stored request. */
  async saveRequest(target: ItemTarget, request: RequestItem): Promise<RequestItem> {
    await this.files.update(target.ref, (c) => {
      const existing = findItem(c, request.id);
      if (existing) {
        if (existing.item.type !== 'request') {
          throw new InputError(`Id "${request.id}" belongs to a folder in "${c.name}"`);
        }
        existing.siblings[existing.index] = request;
      } else {
        insertItem(c, request, target.folderId, target.index);
      }
    });
    return request;
  }

  /** Adds an item (a request or a whole folder); ids already used in the collection are replaced by new ones. */
  async addItem(target: ItemTarget, item: CollectionItem): Promise<CollectionItem> {
    const { result } = await this.files.update(target.ref, (c) => {
      const ids = collectIds(c.items);
      const copy = hasAny(item, ids) ? cloneItem(item, true) : cloneItem(item, false);
      insertItem(c, copy, target.folderId, target.index);
      return copy;
    });
    return result;
  }

  /** Copies an item (with new ids throughout) right after the original, named "<name> copy". */
  async duplicateItem(ref: CollectionRef, itemId: string): Promise<CollectionItem> {
    const { result } = await this.files.update(ref, (c) => {
      const found = requireItem(c, itemId);
      const copy = cloneItem(found.item, true);
      copy.name = `${found.item.name} copy`;
      found.siblings.splice(found.index + 1, 0, copy);
      return copy;
    });
    return result;
  }

  /** Copies a whole collection to a new file (in the same or another scope), named "<name> copy". */
  async duplicateCollection(ref: CollectionRef, scope: StoreScope = ref.scope): Promise<CollectionRef> {
    const source = await this.load(ref);
    const name = `${source.name} copy`;
    return this.files.createFile(scope, name, { ...source, name, items: source.items.map((i) => cloneItem(i, true)) });
  }

  /**
   * Moves an item within a collection or to another one. A folder cannot move into itself. Between
   * files, the target is written before the source, so a failure in between leaves a copy rather
   * than losing the item.
   */
  async moveItem(from: CollectionRef, itemId: string, to: ItemTarget): Promise<void> {
    const same = this.files.pathOf(from) === this.files.pathOf(to.ref);
    await this.files.withLock([from, to.ref], async () => {
      const source = await this.files.read(from);
      const found = requireItem(source, itemId);
      if (same) {
        if (to.folderId !== undefined && containsId(found.item, to.folderId)) {
          throw new InputError(`Cannot move "${found.item.name}" into itself`);
        }
        containerItems(source, to.folderId);
        let index = to.index;
        const sameContainer = (found.parent?.id ?? undefined) === to.folderId;
        if (sameContainer && index !== undefined && index > found.index) {
          index--;
        }
        removeItem(source, itemId);
        insertItem(source, found.item, to.folderId, index);
        await this.files.writeLocked(from, source);
        return;
      }
      const target = await this.files.read(to.ref);
      const ids = collectIds(target.items);
      const moved = hasAny(found.item, ids) ? cloneItem(found.item, true) : found.item;
      insertItem(target, moved, to.folderId, to.index);
      await this.files.writeLocked(to.ref, target);
      removeItem(source, itemId);
      await this.files.writeLocked(from, source);
    });
  }

  /** Deletes a folder (with everything in it) or a request. */
  async deleteItem(ref: CollectionRef, itemId: string): Promise<void> {
    await this.files.update(ref, (c) => {
      removeItem(c, itemId);
    });
  }

  /** Deletes a collection file. */
  deleteCollection(ref: CollectionRef): Promise<void> {
    return this.files.remove(ref);
  }
}

function hasAny(item: CollectionItem, ids: Set<string>): boolean {
  return ids.has(item.id) || (item.type === 'folder' && item.items.some((child) => hasAny(child, ids)));
}
