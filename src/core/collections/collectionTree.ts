import { InputError } from '../errors';
import type { JsonValue } from '../json';
import { newId, type Collection, type CollectionItem, type FolderItem, type RequestItem } from './collectionFormat';
import { cloneJson } from './jsonValues';

/** Where an item sits: its parent list and index, and the folders above it from the top down. */
export interface ItemLocation {
  item: CollectionItem;
  /** The folder that holds it, undefined at the top level. */
  parent: FolderItem | undefined;
  /** The array that holds it (the collection's or the parent's `items`). */
  siblings: CollectionItem[];
  index: number;
  /** Folders from the top level down to the parent. */
  ancestors: FolderItem[];
}

/** Finds an item anywhere in the tree by id. */
export function findItem(collection: Pick<Collection, 'items'>, id: string): ItemLocation | undefined {
  const search = (items: CollectionItem[], ancestors: FolderItem[]): ItemLocation | undefined => {
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (item.id === id) {
        return { item, parent: ancestors[ancestors.length - 1], siblings: items, index, ancestors };
      }
      if (item.type === 'folder') {
        const found = search(item.items, [...ancestors, item]);
        if (found) {
          return found;
        }
      }
    }
    return undefined;
  };
  return search(collection.items, []);
}

/** Like {@link findItem}, but a missing id is an error naming the collection. */
export function requireItem(collection: Collection, id: string): ItemLocation {
  const found = findItem(collection, id);
  if (!found) {
    throw new InputError(`There is no item with id "${id}" in collection "${collection.name}"`);
  }
  return found;
}

/** A request with the names of the folders above it. */
export interface RequestEntry {
  request: RequestItem;
  /** Folder names from the top level down. */
  path: string[];
}

/** Every request under `items`, depth first in document order. */
export function listRequests(items: CollectionItem[], path: string[] = []): RequestEntry[] {
  const out: RequestEntry[] = [];
  for (const item of items) {
    if (item.type === 'folder') {
      out.push(...listRequests(item.items, [...path, item.name]));
    } else {
      out.push({ request: item, path });
    }
  }
  return out;
}

/** True when `id` is the item itself or anything inside it. */
export function containsId(item: CollectionItem, id: string): boolean {
  return item.id === id || (item.type === 'folder' && item.items.some((child) => containsId(child, id)));
}

/** Every id used in the tree. */
export function collectIds(items: CollectionItem[], into = new Set<string>()): Set<string> {
  for (const item of items) {
    into.add(item.id);
    if (item.type === 'folder') {
      collectIds(item.items, into);
    }
  }
  return into;
}

/** A deep copy; with `freshIds`, the copy and everything inside it get new ids. */
export function cloneItem<T extends CollectionItem>(item: T, freshIds: boolean): T {
  if (item.type === 'folder') {
    return { ...item, id: freshIds ? newId() : item.id, items: item.items.map((child) => cloneItem(child, freshIds)) };
  }
  const copy: RequestItem = { ...item, id: freshIds ? newId() : item.id, params: cloneJson(item.params) };
  if (item.endpoint) {
    copy.endpoint = { ...item.endpoint };
  }
  if (item.assertions) {
    copy.assertions = item.assertions.map((a) => (a.type === 'equals' ? { ...a, value: cloneJson(a.value as JsonValue) } : { ...a }));
  }
  return copy as T;
}

/** The `items` array of the top level (`folderId` undefined) or of a folder. */
export function containerItems(collection: Collection, folderId: string | undefined): CollectionItem[] {
  if (folderId === undefined) {
    return collection.items;
  }
  const found = requireItem(collection, folderId);
  if (found.item.type !== 'folder') {
    throw new InputError(`"${found.item.name}" is a request, not a folder; items can only be placed in folders`);
  }
  return found.item.items;
}

/** Inserts an item at `index` (default: the end) of the top level or a folder. */
export function insertItem(collection: Collection, item: CollectionItem, folderId?: string, index?: number): void {
  const items = containerItems(collection, folderId);
  const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length));
  items.splice(at, 0, item);
}

/** Removes an item by id and returns it. */
export function removeItem(collection: Collection, id: string): CollectionItem {
  const found = requireItem(collection, id);
  found.siblings.splice(found.index, 1);
  return found.item;
}
