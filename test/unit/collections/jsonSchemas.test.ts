import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { renderJsonSchemas, SCHEMA_FILES } from '../../../src/core/collections';

const root = path.join(__dirname, '../../..');

test('the committed JSON Schemas match the zod schemas (run scripts/collections/writeSchemas.ts to update)', () => {
  const rendered = renderJsonSchemas();
  for (const key of Object.keys(SCHEMA_FILES) as Array<keyof typeof SCHEMA_FILES>) {
    const committed = fs.readFileSync(path.join(root, SCHEMA_FILES[key]), 'utf8');
    assert.equal(committed, rendered[key], `${SCHEMA_FILES[key]} is stale: run node --import tsx scripts/collections/writeSchemas.ts`);
  }
});

test('the collection schema describes the format: required fields, both item kinds, every assertion type', () => {
  const schema = JSON.parse(renderJsonSchemas().collection) as {
    required: string[];
    definitions: Record<string, { required?: string[]; properties?: Record<string, { items?: { oneOf?: Array<{ properties: { type: { const: string } } }> } }> }>;
  };
  assert.deepEqual(schema.required, ['version', 'name', 'items']);
  assert.deepEqual(schema.definitions.Request.required, ['type', 'id', 'name', 'action']);
  assert.deepEqual(schema.definitions.Folder.required, ['type', 'id', 'name', 'items']);
  const assertionTypes = schema.definitions.Request.properties?.assertions.items?.oneOf?.map((o) => o.properties.type.const);
  assert.deepEqual(assertionTypes, ['success', 'error', 'exists', 'notExists', 'equals', 'length', 'matches', 'latencyBelow']);
  const env = JSON.parse(renderJsonSchemas().environment) as { required: string[] };
  assert.deepEqual(env.required, ['version', 'name', 'variables']);
});
