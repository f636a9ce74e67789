import { z } from 'zod';
import { isJsonObject, stringifyJson, type JsonObject, type JsonValue } from '../json';
import { isSensitiveField, isVariableReference } from '../sensitive';
import { CollectionFormatError, COLLECTION_FORMAT_VERSION, issuesFromZod, parseJsonText, type FormatIssue } from './collectionFormat';
import { formatIssuePath } from './issuePath';

/** One variable of an environment. A secret one has no value in the file: a SecretResolver supplies it. */
export interface VariableDefinition {
  /** Any JSON value: a whole-value reference keeps its type (a number stays a number). */
  value?: JsonValue;
  secret?: true;
  description?: string;
}

/** A named set of variables, stored beside the collections (`.trtc/environments/<name>.json`). */
export interface Environment {
  $schema?: string;
  version: 1;
  name: string;
  description?: string;
  variables: Record<string, VariableDefinition>;
}

/** Names a `{{Name}}` reference may use: letters, digits, `_`, `.` and `-`. */
export const VARIABLE_NAME_PATTERN = /^[\w.-]+$/;

const variableSchema = z
  .strictObject({
    value: z.custom<JsonValue>((v) => v !== undefined).optional().meta({ description: 'The value; omitted for secret variables.' }),
    secret: z.literal(true).optional().meta({ description: 'The value lives in secret storage (or TRTC_VAR_<NAME> on the command line), never in this file.' }),
    description: z.string().optional(),
  })
  .meta({ id: 'Variable' });

/** The zod schema of an environment file (also the source of `schemas/environment.schema.json`). */
export const environmentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(COLLECTION_FORMAT_VERSION),
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    description: z.string().optional(),
    variables: z.record(z.string(), variableSchema),
  })
  .meta({ title: 'TRTC API Explorer environment', description: 'Variables for {{Name}} references in collections. Secret values are never stored here.' });

/** Checks a parsed value against the environment format; throws every problem at once. */
export function validateEnvironment(value: JsonValue, source = 'environment'): Environment {
  if (isJsonObject(value) && typeof value.version === 'number' && value.version > COLLECTION_FORMAT_VERSION) {
    throw new CollectionFormatError(source, [
      { path: 'version', message: `format version ${value.version} is newer than this tool reads (${COLLECTION_FORMAT_VERSION}); update TRTC API Explorer` },
    ]);
  }
  const parsed = environmentSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    throw new CollectionFormatError(source, issuesFromZod(parsed.error));
  }
  const env = parsed.data as Environment;
  const issues: FormatIssue[] = [];
  for (const [name, def] of Object.entries(env.variables)) {
    const at = formatIssuePath(['variables', name]);
    if (!VARIABLE_NAME_PATTERN.test(name) || name.startsWith('$')) {
      issues.push({ path: at, message: 'a variable name may only contain letters, digits, "_", "." and "-"' });
    }
    if (def.secret && def.value !== undefined) {
      issues.push({ path: `${at}.value`, message: 'a secret variable keeps its value in secret storage, never in the file; remove "value"' });
    } else if (!def.secret && isSensitiveField(name) && typeof def.value === 'string' && def.value !== '' && !isVariableReference(def.value)) {
      issues.push({ path: `${at}.value`, message: 'this looks like a credential; mark the variable "secret": true and store its value as a secret' });
    }
  }
  if (issues.length > 0) {
    throw new CollectionFormatError(source, issues);
  }
  return env;
}

/** Reads environment file text losslessly and validates it. */
export function parseEnvironment(text: string, source = 'environment'): Environment {
  return validateEnvironment(parseJsonText(text, source), source);
}

/** The file text of an environment: validated, fixed key order, two-space indent, final newline. */
export function serializeEnvironment(env: Environment, source = 'environment'): string {
  const variables: JsonObject = {};
  for (const [name, def] of Object.entries(env.variables)) {
    const v: JsonObject = {};
    if (def.value !== undefined) {
      v.value = def.value;
    }
    if (def.secret) {
      v.secret = true;
    }
    if (def.description !== undefined) {
      v.description = def.description;
    }
    variables[name] = v;
  }
  const value: JsonObject = {};
  if (env.$schema !== undefined) {
    value.$schema = env.$schema;
  }
  value.version = env.version;
  value.name = env.name;
  if (env.description !== undefined) {
    value.description = env.description;
  }
  value.variables = variables;
  validateEnvironment(value, source);
  return stringifyJson(value, 2) + '\n';
}

/** A new, empty environment. */
export function createEnvironment(name: string): Environment {
  return { version: COLLECTION_FORMAT_VERSION, name, variables: {} };
}
