import { pathToFileURL } from 'node:url';
import { CATALOG_CLI } from './cli/catalogProgram';
import { processIo } from './cli/io';
import { runCli, serves } from './cli/main';
import { useCatalogBeside } from './core/catalog/catalogFile';

// The installed command (package.json "bin", dist/cli.cjs). Node starts a CommonJS file without
// its ES module loader, which costs up to a third of a plain `node` run again, so this small file
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
  import('./cli').catch((e: unknown) => {
    process.stderr.write(`Error: the command line beside ${__filename} could not be loaded; reinstall or rebuild it (node esbuild.mjs).\n${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  });
}
