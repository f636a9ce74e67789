import { runCli } from './cli/main';
import { processIo } from './cli/io';
import { setCatalogFile } from './core/catalog/catalogFile';

/** Set by esbuild.mjs: where the bundle's copy of the catalog is, relative to this file. From source the core finds generated/catalog.json itself. */
declare const __CATALOG_FILE__: string | undefined;
declare const __CATALOG_INDEX_FILE__: string;
if (typeof __CATALOG_FILE__ === 'string') setCatalogFile(new URL(__CATALOG_FILE__, import.meta.url), new URL(__CATALOG_INDEX_FILE__, import.meta.url));

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
