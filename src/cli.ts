import { runCli } from './cli/main';
import { processIo } from './cli/io';
import { CLI } from './cli/program';
import { useCatalogBeside } from './core/catalog/catalogFile';

// The whole command line (dist/cli.mjs). The installed command starts in src/cliLauncher.ts,
// which serves the catalog commands itself and imports this file for the others.

useCatalogBeside(import.meta.url);

void runCli(process.argv.slice(2), processIo(), CLI).then((code) => {
  process.exitCode = code;
});
