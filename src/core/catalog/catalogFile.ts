import path from 'node:path';
import { fileURLToPath } from 'node:url';

let configured: string | undefined;

/**
 * Reads the catalog from this file from now on. The bundles' entry points call it with the copy
 * esbuild.mjs puts beside them (dist/catalog.json); tests, benchmarks and tools call it with a
 * file of their own. It is kept in this small module so an entry point can set it without
 * loading the catalog code.
 */
export function setCatalogFile(file: string | URL): void {
  configured = file instanceof URL ? fileURLToPath(file) : path.resolve(file);
}

/**
 * The catalog file to read: the one set with {@link setCatalogFile}, otherwise, when the code runs
 * from source (the unit tests, `node --import tsx src/cli.ts`), the generator's output
 * generated/catalog.json. A bundle always sets it, because a chunk's own location says nothing
 * about where dist/ is.
 */
export function catalogFile(): string {
  if (configured) return configured;
  // Under tsx the sources are CommonJS and have a __dirname; an ES module bundle has none.
  if (typeof __dirname === 'string') return path.resolve(__dirname, '../../../generated/catalog.json');
  throw new Error('The API catalog file was not set: the entry point of a bundle calls setCatalogFile().');
}
