import { getCatalog, loadedCatalog, readCatalogJson } from './catalog';
import { catalogIndexFile } from './catalogFile';
import type { ActionSummary, Catalog, CatalogIndex, CategoryInfo } from './types';

/**
 * The index of the catalog: categories and one summary line per action, a few kilobytes beside the
 * half-megabyte catalog. Lists (`trtc-explorer list`) read only this, so they do not pay for
 * parsing every parameter of every action. When the catalog has been read already, or no index
 * file is set, the list comes from the catalog itself.
 */

let cached: { file: string; index: CatalogIndex } | undefined;

/** The index of a catalog: what the generator writes to generated/catalog-index.json. */
export function indexOfCatalog(catalog: Catalog): CatalogIndex {
  return {
    service: catalog.service,
    version: catalog.version,
    sdk: catalog.sdk,
    categories: catalog.categories,
    actions: catalog.actions.map((a) => ({
      name: a.name,
      category: a.category,
      summary: a.summary,
      availability: a.availability,
      ...(a.deprecated ? { deprecated: true } : {}),
      ...(a.readOnly ? { readOnly: true } : {}),
      ...(a.destructive ? { destructive: true } : {}),
    })),
  };
}

function readIndex(file: string): CatalogIndex {
  return readCatalogJson<CatalogIndex>(file, (i) =>
    !Array.isArray(i.actions) || i.actions.length === 0 ? 'has no actions' : !Array.isArray(i.categories) ? 'lacks its categories' : undefined,
  );
}

/** What lists are made from: the catalog once it is loaded, otherwise the index file when one is set. */
function source(): Pick<CatalogIndex, 'categories' | 'actions'> {
  const loaded = loadedCatalog();
  if (loaded) return loaded;
  const file = catalogIndexFile();
  if (file === undefined) return getCatalog();
  if (cached?.file !== file) cached = { file, index: readIndex(file) };
  return cached.index;
}

/** The categories in display order. */
export function listCategories(): CategoryInfo[] {
  return source().categories;
}

/** Actions in alphabetical order, optionally only those of one category. */
export function listActions(options: { category?: string } = {}): ActionSummary[] {
  const all = source().actions;
  return options.category === undefined ? all.slice() : all.filter((a) => a.category === options.category);
}
