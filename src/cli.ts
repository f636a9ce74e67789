import { runCli } from './cli/main';
import { processIo } from './cli/io';
import { setCatalogFile } from './core/catalog/catalogFile';

/** Set by esbuild.mjs: where the bundle's copy of the catalog is, relative to this file. From source the core finds generated/catalog.json itself. */
declare const __CATALOG_FILE__: string | undefined;
if (typeof __CATALOG_FILE__ === 'string') setCatalogFile(new URL(__CATALOG_FILE__, import.meta.url));

// A reader that stops early (`trtc-explorer list | head`) closes the pipe: what is left to print has
// nobody to read it, so the run ends quietly instead of failing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
