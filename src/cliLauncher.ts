import { pathToFileURL } from 'node:url';
import { CATALOG_CLI } from './cli/catalogProgram';
import { processIo } from './cli/io';
import { runCli, serves } from './cli/main';
import { useCatalogBeside } from './core/catalog/catalogFile';

// The installed command (package.json "bin", dist/cli.cjs). Node starts a CommonJS file without
// its ES module loader, which costs a plain `node` run about a third again, so this small file
// serves help, the version and the catalog commands (the ones people run most, and shell scripts
// run in loops) by itself, and hands every other command to the whole command line, the ES module
// dist/cli.mjs (src/cli.ts), which reads the same process.argv.

const argv = process.argv.slice(2);
if (serves(CATALOG_CLI, argv)) {
  useCatalogBeside(pathToFileURL(__filename).href);
  void runCli(argv, processIo(), CATALOG_CLI).then((code) => {
    process.exitCode = code;
  });
} else {
  // esbuild.mjs points this at dist/cli.mjs, next to the built file.
  void import('./cli');
}
