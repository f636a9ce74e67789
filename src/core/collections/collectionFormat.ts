import { randomBytes } from 'node:crypto';
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { InputError } from '../errors';
import { isJsonObject, parseJson, stringifyJson, type JsonObject, type JsonValue } from '../json';
import type { EndpointChoice } from '../requests/types';
import {
  HTTP_METHODS,
  LANGUAGES,
  SIGN_METHODS,
  SIGNED_HEADERS_MODES,
  type HttpMethod,
  type Language,
  type SignedHeadersMode,
  type SignMethod,
} from '../signing/types';
import { formatIssuePath } from './issuePath';
import { JsonPathError, parseJsonPath } from './jsonPath';
import { compileSafePattern } from './safeRegex';
import { findLiteralSecrets, literalSecretMessage } from './secretPlan';

/** The format version this code reads and writes; a file with another version is refused, not guessed at. */
export const COLLECTION_FORMAT_VERSION = 1;

/** A declarative check on one call's outcome. Nothing in it is ever evaluated as code. */
export type Assertion =
  | { type: 'success' }
  | { type: 'error'; code: string }
  | { type: 'exists'; path: string }
  | { type: 'notExists'; path: string }
  | { type: 'equals'; path: string; value: JsonValue }
  | { type: 'length'; path: string; min?: number; max?: number; equals?: number }
  | { type: 'matches'; path: string; pattern: string; flags?: string }
  | { type: 'latencyBelow'; ms: number };

/** A saved API call. Parameter values may hold `{{Variable}}` references; sensitive ones must. */
export interface RequestItem {
  type: 'request';
  id: string;
  name: string;
  description?: string;
  action: string;
  params: JsonObject;
  region?: string;
  endpoint?: EndpointChoice;
  signMethod?: SignMethod;
  httpMethod?: HttpMethod;
  language?: Language;
  signedHeaders?: SignedHeadersMode;
  timeoutMs?: number;
  assertions?: Assertion[];
}

/** A named group of requests and folders. */
export interface FolderItem {
  type: 'folder';
  id: string;
  name: string;
  description?: string;
  items: CollectionItem[];
}

/** Either kind of collection entry, told apart by `type`. */
export type CollectionItem = FolderItem | RequestItem;

/** The root of a collection file. */
export interface Collection {
  $schema?: string;
  version: 1;
  name: string;
  description?: string;
  items: CollectionItem[];
}

/** One problem in a file: where (`items[2].action`, empty for the whole file) and what. */
export interface FormatIssue {
  path: string;
  message: string;
}

/**
 * A collection or environment file that cannot be used. The message has one line per problem, each
 * prefixed with the file, such as `collections/team.json: items[2].action: required`.
 */
export class CollectionFormatError extends InputError {
  constructor(
    readonly source: string,
    readonly issues: FormatIssue[],
  ) {
    super(issues.map((i) => `${source}: ${i.path ? i.path + ': ' : ''}${i.message}`).join('\n'), issues[0]?.path);
  }
}

/** Ids are short, random and stable: they never change when an item is renamed or moved. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh random id of ten lower-case letters and digits (about 52 bits). */
export function newId(): string {
  let out = '';
  while (out.length < 10) {
    for (const byte of randomBytes(16)) {
      // 252 is the largest multiple of 36 below 256; dropping larger bytes keeps every character equally likely.
      if (byte < 252 && out.length < 10) {
        out += ID_ALPHABET[byte % 36];
      }
    }
  }
  return out;
}

const VARIABLE_ONLY = /^\{\{\s*[\w.-]+\s*\}\}$/;
const ACTION_PATTERN = /^[A-Z][A-Za-z0-9]{1,79}$/;
const REGION_PATTERN = /^[a-z]+(?:-[a-z0-9]+)+$/;

const idSchema = z.string().regex(ID_PATTERN, 'must be 1-64 letters, digits, "_" or "-"');
const nameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

function checkPath(value: { path: string }, ctx: z.RefinementCtx): void {
  try {
    parseJsonPath(value.path);
  } catch (e) {
    if (!(e instanceof JsonPathError)) {
      throw e;
    }
    ctx.addIssue({ code: 'custom', path: ['path'], message: e.message });
  }
}

const pathSchema = z.string().min(1, 'must not be empty');
const countSchema = z.number().int('must be a whole number').min(0, 'must not be negative');

const assertionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('success') }).meta({ description: 'Passes when the API answered without Response.Error.' }),
  z
    .strictObject({
      type: z.literal('error'),
      code: z
        .string()
        .regex(/^[A-Za-z][\w]*(?:\.[\w]+)*(?:\.\*)?$/, 'must be an error code such as "InvalidParameter.SdkAppId" or a prefix such as "InvalidParameter.*"'),
    })
    .meta({ description: 'Passes when the API answered with this error code, or any code under a prefix ending in ".*".' }),
  z
    .strictObject({ type: z.literal('exists'), path: pathSchema })
    .superRefine(checkPath)
    .meta({ description: 'Passes when the path selects at least one value that is not null.' }),
  z
    .strictObject({ type: z.literal('notExists'), path: pathSchema })
    .superRefine(checkPath)
    .meta({ description: 'Passes when the path selects nothing, or only nulls.' }),
  z
    .strictObject({
      type: z.literal('equals'),
      path: pathSchema,
      value: z.custom<JsonValue>((v) => v !== undefined, { message: 'required' }),
    })
    .superRefine(checkPath)
    .meta({ description: 'Passes when the selected value equals `value` (numbers compared digit by digit).' }),
  z
    .strictObject({
      type: z.literal('length'),
      path: pathSchema,
      min: countSchema.optional(),
      max: countSchema.optional(),
      equals: countSchema.optional(),
    })
    .superRefine((v, ctx) => {
      checkPath(v, ctx);
      if (v.min === undefined && v.max === undefined && v.equals === undefined) {
        ctx.addIssue({ code: 'custom', message: 'give at least one of "min", "max" or "equals"' });
      }
      if (v.min !== undefined && v.max !== undefined && v.min > v.max) {
        ctx.addIssue({ code: 'custom', path: ['min'], message: `is larger than max (${v.max})` });
      }
    })
    .meta({ description: 'Checks the length of the selected array or string.' }),
  z
    .strictObject({
      type: z.literal('matches'),
      path: pathSchema,
      pattern: z.string().min(1, 'must not be empty'),
      flags: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      checkPath(v, ctx);
      const compiled = compileSafePattern(v.pattern, v.flags);
      if (typeof compiled === 'string') {
        ctx.addIssue({ code: 'custom', path: [v.flags !== undefined && compiled.startsWith('flags') ? 'flags' : 'pattern'], message: compiled });
      }
    })
    .meta({ description: 'Passes when the selected string (or number, as digits) matches the regular expression.' }),
  z
    .strictObject({ type: z.literal('latencyBelow'), ms: z.number().positive('must be positive') })
    .meta({ description: 'Passes when the call took less than this many milliseconds.' }),
]);

const endpointSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('nearest') }),
  z.strictObject({ kind: z.literal('regional') }),
  z.strictObject({ kind: z.literal('intl') }),
  z.strictObject({
    kind: z.literal('custom'),
    url: z
      .string()
      .min(1, 'must not be empty')
      .refine((u) => /^https?:\/\/[^/\s]+/.test(u) || /\{\{[^}]+\}\}/.test(u), 'must be an http(s) URL such as "http://127.0.0.1:8080" or a {{Variable}}'),
  }),
]);

const requestSchema = z
  .strictObject({
    type: z.literal('request'),
    id: idSchema,
    name: nameSchema,
    description: z.string().optional(),
    action: z.string().regex(ACTION_PATTERN, 'must be an API action name such as "DescribeRoomInfo"'),
    params: z.record(z.string(), z.unknown()).default({}).meta({ description: 'Request parameters; strings may hold {{Variable}} references.' }),
    region: z
      .string()
      .refine((r) => REGION_PATTERN.test(r) || VARIABLE_ONLY.test(r), 'must be a region such as "ap-guangzhou" or a {{Variable}}')
      .optional(),
    endpoint: endpointSchema.optional(),
    signMethod: z.enum(SIGN_METHODS as [SignMethod, ...SignMethod[]]).optional(),
    httpMethod: z.enum(HTTP_METHODS as [HttpMethod, ...HttpMethod[]]).optional(),
    language: z.enum(LANGUAGES as [Language, ...Language[]]).optional(),
    signedHeaders: z.enum(SIGNED_HEADERS_MODES as [SignedHeadersMode, ...SignedHeadersMode[]]).optional(),
    timeoutMs: z.number().int('must be a whole number').positive('must be positive').optional(),
    assertions: z.array(assertionSchema).optional(),
  })
  .meta({ id: 'Request', description: 'A saved API call.' });

const folderSchema = z
  .strictObject({
    type: z.literal('folder'),
    id: idSchema,
    name: nameSchema,
    description: z.string().optional(),
    get items() {
      return z.array(itemSchema);
    },
  })
  .meta({ id: 'Folder', description: 'A named group of requests and folders.' });

// The cast breaks the type-level cycle between folders and items; the runtime schema is the real union.
const itemSchema: z.ZodType<unknown> = z
  .discriminatedUnion('type', [requestSchema, folderSchema as unknown as typeof requestSchema])
  .meta({ id: 'Item', description: 'A request or a folder.' });

/** The zod schema of a whole collection file (also the source of `schemas/collection.schema.json`). */
export const collectionSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(COLLECTION_FORMAT_VERSION),
    name: nameSchema,
    description: z.string().optional(),
    items: z.array(itemSchema),
  })
  .meta({ title: 'TRTC API Explorer collection', description: 'Saved TRTC API requests, grouped in folders. Holds no credentials.' });

/** Every property name the formats know, for "did you mean" suggestions on a misspelt key. */
const KNOWN_KEYS = [
  '$schema', 'version', 'name', 'description', 'items', 'type', 'id', 'action', 'params', 'region', 'endpoint',
  'signMethod', 'httpMethod', 'language', 'signedHeaders', 'timeoutMs', 'assertions', 'code', 'path', 'value',
  'min', 'max', 'equals', 'pattern', 'flags', 'ms', 'kind', 'url', 'variables', 'secret',
];

function describeType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'object') {
    return isJsonObject(value) ? 'an object' : 'a number';
  }
  return `a ${typeof value}`;
}

function expectedText(expected: string): string {
  switch (expected) {
    case 'record':
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${expected}`;
  }
}

/** Turns zod's issues into short, path-specific messages. */
export function issuesFromZod(error: z.ZodError): FormatIssue[] {
  const out: FormatIssue[] = [];
  for (const issue of error.issues) {
    const path = formatIssuePath(issue.path);
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined) {
          out.push({ path, message: 'required' });
        } else if (issue.expected === 'int' && typeof issue.input === 'number') {
          out.push({ path, message: 'must be a whole number' });
        } else {
          out.push({ path, message: `expected ${expectedText(issue.expected)}, got ${describeType(issue.input)}` });
        }
        break;
      case 'invalid_value':
        out.push({
          path,
          message: issue.values.length === 1 ? `expected ${JSON.stringify(issue.values[0])}` : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const guess = closest(key, KNOWN_KEYS);
          const hint = guess && distance(key, guess) <= 2 ? ` (did you mean "${guess}"?)` : '';
          out.push({ path: formatIssuePath([...issue.path, key]), message: `unknown property${hint}` });
        }
        break;
      case 'invalid_union': {
        const { options, discriminator } = issue as { options?: unknown[]; discriminator?: string };
        if (options) {
          const list = options.map((o) => JSON.stringify(o)).join(', ');
          const input = issue.input as Record<string, unknown> | undefined;
          const missing = discriminator !== undefined && isJsonObject(input) && input[discriminator] === undefined;
          out.push({ path, message: missing ? `required (one of ${list})` : `expected one of ${list}` });
        } else {
          out.push({ path, message: issue.message });
        }
        break;
      }
      case 'too_small':
        out.push({
          path,
          message:
            issue.origin === 'string' && Number(issue.minimum) === 1 ? 'must not be empty' : issue.message.replace(/^Too small: /, ''),
        });
        break;
      default:
        out.push({ path, message: issue.message.replace(/^Invalid input: /, '') });
    }
  }
  return out;
}

/** Options for {@link validateCollection}. */
export interface ValidateOptions {
  /**
   * Accept literal sensitive values. Only for importers that convert them right after; files on disk
   * and saves never hold them.
   */
  allowLiteralSecrets?: boolean;
}

function versionIssue(value: JsonValue): FormatIssue | undefined {
  if (!isJsonObject(value)) {
    return { path: '', message: `expected a JSON object with "version": ${COLLECTION_FORMAT_VERSION}, got ${describeType(value)}` };
  }
  const v = value.version;
  if (typeof v === 'number' && v > COLLECTION_FORMAT_VERSION) {
    return { path: 'version', message: `format version ${v} is newer than this tool reads (${COLLECTION_FORMAT_VERSION}); update TRTC API Explorer` };
  }
  return undefined;
}

/** Checks a parsed value against the collection format and returns it typed, or throws every problem at once. */
export function validateCollection(value: JsonValue, source = 'collection', options: ValidateOptions = {}): Collection {
  const early = versionIssue(value);
  if (early) {
    throw new CollectionFormatError(source, [early]);
  }
  const parsed = collectionSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    throw new CollectionFormatError(source, issuesFromZod(parsed.error));
  }
  const collection = parsed.data as Collection;
  const issues: FormatIssue[] = [];
  const seen = new Map<string, string>();
  const walk = (items: CollectionItem[], base: string): void => {
    items.forEach((item, i) => {
      const at = `${base}[${i}]`;
      const first = seen.get(item.id);
      if (first !== undefined) {
        issues.push({ path: `${at}.id`, message: `duplicate id "${item.id}" (also used at ${first}.id)` });
      } else {
        seen.set(item.id, at);
      }
      if (item.type === 'folder') {
        walk(item.items, `${at}.items`);
      } else if (!options.allowLiteralSecrets) {
        for (const s of findLiteralSecrets(item.params)) {
          issues.push({ path: `${at}.${s.path}`, message: literalSecretMessage(s) });
        }
      }
    });
  };
  walk(collection.items, 'items');
  if (issues.length > 0) {
    throw new CollectionFormatError(source, issues);
  }
  return collection;
}

/**
 * Reads JSON text (losslessly: big integers keep their digits) and validates it as a collection.
 * `source` names the file in messages, such as `collections/team.json`.
 */
export function parseCollection(text: string, source = 'collection', options: ValidateOptions = {}): Collection {
  return validateCollection(parseJsonText(text, source), source, options);
}

/** Parses JSON text, turning a syntax error into a {@link CollectionFormatError} with a line and column. */
export function parseJsonText(text: string, source: string): JsonValue {
  try {
    return parseJson(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const column = Number(pos[1]) - before.lastIndexOf('\n');
      where = ` (line ${line}, column ${column})`;
    }
    throw new CollectionFormatError(source, [{ path: '', message: `not valid JSON${where}: ${message.replace(/ at position \d+$/, '')}` }]);
  }
}

function definedEntries(entries: Array<[string, unknown]>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of entries) {
    if (v !== undefined) {
      out[k] = v as JsonValue;
    }
  }
  return out;
}

function itemToJson(item: CollectionItem): JsonObject {
  if (item.type === 'folder') {
    return definedEntries([
      ['type', 'folder'],
      ['id', item.id],
      ['name', item.name],
      ['description', item.description],
      ['items', item.items.map(itemToJson)],
    ]);
  }
  return definedEntries([
    ['type', 'request'],
    ['id', item.id],
    ['name', item.name],
    ['description', item.description],
    ['action', item.action],
    ['region', item.region],
    ['endpoint', item.endpoint as JsonValue | undefined],
    ['signMethod', item.signMethod],
    ['httpMethod', item.httpMethod],
    ['language', item.language],
    ['signedHeaders', item.signedHeaders],
    ['timeoutMs', item.timeoutMs],
    ['params', item.params],
    ['assertions', item.assertions as JsonValue | undefined],
  ]);
}

/**
 * The file text of a collection: validated first (a literal credential is refused with the path of
 * each one), keys in a fixed order, two-space indent, big integers exact, final newline.
 */
export function serializeCollection(collection: Collection, source = 'collection'): string {
  const value = definedEntries([
    ['$schema', collection.$schema],
    ['version', collection.version],
    ['name', collection.name],
    ['description', collection.description],
    ['items', collection.items.map(itemToJson)],
  ]);
  validateCollection(value, source);
  return stringifyJson(value, 2) + '\n';
}

/** A new, empty collection. */
export function createCollection(name: string, description?: string): Collection {
  return description === undefined
    ? { version: COLLECTION_FORMAT_VERSION, name, items: [] }
    : { version: COLLECTION_FORMAT_VERSION, name, description, items: [] };
}

/** A new request with a fresh id; `fields` must at least give the action. */
export function createRequest(fields: Omit<RequestItem, 'type' | 'id' | 'name' | 'params'> & Partial<Pick<RequestItem, 'name' | 'params'>>): RequestItem {
  return { type: 'request', id: newId(), ...fields, name: fields.name ?? fields.action, params: fields.params ?? {} };
}

/** A new, empty folder with a fresh id. */
export function createFolder(name: string): FolderItem {
  return { type: 'folder', id: newId(), name, items: [] };
}
