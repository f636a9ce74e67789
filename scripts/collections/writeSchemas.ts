// Writes schemas/collection.schema.json and schemas/environment.schema.json from the zod schemas.
// Run from the repository root with `node --import tsx scripts/collections/writeSchemas.ts`; a unit
// test fails when the committed files are stale.
import fs from 'node:fs';
import path from 'node:path';
import { renderJsonSchemas, SCHEMA_FILES } from '../../src/core/collections/jsonSchemas';

const root = process.cwd();
const rendered = renderJsonSchemas();
for (const key of Object.keys(SCHEMA_FILES) as Array<keyof typeof SCHEMA_FILES>) {
  const file = path.join(root, SCHEMA_FILES[key]);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, rendered[key]);
  process.stdout.write(`wrote ${SCHEMA_FILES[key]}\n`);
}
