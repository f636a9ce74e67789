import { z } from 'zod';
import { collectionSchema } from './collectionFormat';
import { environmentSchema } from './environmentFormat';

/** Where the generated JSON Schemas are committed, relative to the repository root. */
export const SCHEMA_FILES = {
  collection: 'schemas/collection.schema.json',
  environment: 'schemas/environment.schema.json',
} as const;

function render(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    // Parameter values and `equals` values are any JSON, which zod describes with a custom check.
    unrepresentable: 'any',
  });
  return JSON.stringify(json, null, 2) + '\n';
}

/**
 * The text of each JSON Schema file, generated from the zod schemas so editors validate collection
 * and environment files exactly as the extension does (apart from checks a schema cannot express:
 * unique ids, JSONPath syntax, regex safety, literal credentials).
 */
export function renderJsonSchemas(): Record<keyof typeof SCHEMA_FILES, string> {
  return {
    collection: render(collectionSchema),
    environment: render(environmentSchema),
  };
}
