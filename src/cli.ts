import { runCli } from './cli/main';
import { processIo } from './cli/io';
import { useCatalogBeside } from './core/catalog/catalogFile';

useCatalogBeside(import.meta.url);

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
