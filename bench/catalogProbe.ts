// Bundled by bench/catalog.bench.ts and run in a fresh process: what loading the catalog costs the
// extension the first time, as the bundle ships it: the catalog module, then the first getCatalog(),
// which reads and parses the catalog file given as the first argument (dist/catalog.json).
import fs from 'node:fs';

const file = process.argv[2]!;
const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const catalog = require('../src/core/catalog/catalog') as typeof import('../src/core/catalog/catalog');
catalog.setCatalogFile(file);
const t1 = performance.now();
const c = catalog.getCatalog();
const t2 = performance.now();
// The validator brings zod; it loads when the first form or command validates, not with the catalog.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validate = require('../src/core/catalog/validate') as typeof import('../src/core/catalog/validate');
const tz = performance.now();
validate.schemaFor('CreateCloudRecording');
const t3 = performance.now();
const warm: number[] = [];
for (const a of c.actions.slice(0, 40)) {
  const s = performance.now();
  validate.schemaFor(a.name);
  warm.push(performance.now() - s);
}
warm.sort((x, y) => x - y);
const text = fs.readFileSync(file, 'utf8');
const b0 = performance.now();
JSON.parse(text);
const b1 = performance.now();
process.stdout.write(
  JSON.stringify({ moduleMs: t1 - t0, parseMs: t2 - t1, validatorModuleMs: tz - t2, firstSchemaMs: t3 - tz, warmSchemaMedianMs: warm[Math.floor(warm.length / 2)], baselineParseMs: b1 - b0, actions: c.actions.length }),
);
