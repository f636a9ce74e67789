import path from 'node:path';
import { fileURLToPath } from 'node:url';

let configured: { catalog: string; index: string | undefined } | undefined;

function toPath(file: string | URL): string {
  return file instanceof URL ? fileURLToPath(file) : path.resolve(file);
}

/**
 * Reads the catalog from this file from now on, and the list of actions from `index` when one is
 * given (the small file the generator writes beside the catalog, see catalogIndex.ts). Without an
 * index the list comes from the catalog itself, so a test or tool that points the catalog at a file
 * of its own never sees the actions of another one. The bundles' entry points call it with the
 * copies esbuild.mjs puts beside them (dist/catalog.json and dist/catalog-index.json). It is kept
 * in this small module so an entry point can set it without loading the catalog code.
 */
export function setCatalogFile(file: string | URL, index?: string | URL): void {
  configured = { catalog: toPath(file), index: index === undefined ? undefined : toPath(index) };
}

/** Set by esbuild.mjs in its bundles: the catalog and its index, as paths relative to the entry point. */
declare const __CATALOG_FILE__: string | undefined;
declare const __CATALOG_INDEX_FILE__: string | undefined;

/**
 * Called by a bundle's entry point with its own `import.meta.url`: from then on the catalog and its
 * index are the copies esbuild.mjs puts beside it. From source there are no such copies and this
 * does nothing, so the generator's output is read.
 */
export function useCatalogBeside(entry: string): void {
  if (typeof __CATALOG_FILE__ === 'string' && typeof __CATALOG_INDEX_FILE__ === 'string') {
    setCatalogFile(new URL(__CATALOG_FILE__, entry), new URL(__CATALOG_INDEX_FILE__, entry));
  }
}

/** Where the generator writes its output, when the code runs from source (CommonJS under tsx). */
function generated(name: string): string {
  // Under tsx the sources are CommonJS and have a __dirname; an ES module bundle has none, and the
  // CommonJS front door (src/cliLauncher.ts), which has one, sets the files before anything is read.
  if (typeof __dirname !== 'string') throw new Error('The API catalog file was not set: the entry point of a bundle calls setCatalogFile().');
  // Every catalog lookup asks for the file, so the path is worked out once per name.
  let file = fromSource.get(name);
  if (file === undefined) {
    file = path.resolve(__dirname, '../../../generated', name);
    fromSource.set(name, file);
  }
  return file;
}

const fromSource = new Map<string, string>();

/**
 * The catalog file to read: the one set with {@link setCatalogFile}, otherwise, when the code runs
 * from source (the unit tests, `node --import tsx src/cli.ts`), the generator's output
 * generated/catalog.json. A bundle always sets it, because a chunk's own location says nothing
 * about where dist/ is.
 */
export function catalogFile(): string {
  return configured ? configured.catalog : generated('catalog.json');
}

/**
 * The index of actions to read, or undefined when the list is to come from the catalog: the one
 * set with {@link setCatalogFile}, otherwise, from source, generated/catalog-index.json.
 */
export function catalogIndexFile(): string | undefined {
  return configured ? configured.index : generated('catalog-index.json');
}
