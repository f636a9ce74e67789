import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { InputError } from '../errors';
import { isJsonNumber, numberText, type JsonObject, type JsonValue } from '../json';
import { isVariableReference } from '../sensitive';
import { findAction, findStruct } from './catalog';
import type { ActionInfo, FieldInfo, FieldType, IntegerWidth } from './types';

/** What kind of problem a parameter has; the form and the command line show each differently. */
export type IssueCode = 'missing' | 'type' | 'range' | 'unknown' | 'empty' | 'enum' | 'format';

/** One problem found in request parameters (or in a response checked against its structure). */
export interface ValidationIssue {
  /** Where the problem is, such as `Layout.MixVideoUids[2]`; empty for the parameters as a whole. */
  path: string;
  code: IssueCode;
  /** A short English sentence naming the parameter, what was expected and what was given. */
  message: string;
  /**
   * A replacement the editor can offer: for `unknown`, the parameter name that was probably meant;
   * otherwise a corrected value (a number without quotes, an enum value with the right case).
   */
  suggestion?: string;
}

/** Options of {@link validateParams}. */
export interface ValidateOptions {
  /**
   * Accept `{{Name}}` variable references in place of any scalar, because collections resolve them
   * only when a request is sent.
   */
  allowVariables?: boolean;
}

const RANGES: Record<IntegerWidth, readonly [bigint, bigint]> = {
  uint64: [0n, 2n ** 64n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
};

/**
 * A compact name for a type, as the form's hints and the command line's help show it:
 * `uint64`, `string`, `date`, `MixLayout`, `MixLayout[]`, `array of string`.
 */
export function describeType(type: FieldType): string {
  switch (type.kind) {
    case 'integer':
      return type.width ?? 'uint64';
    case 'object':
      return type.struct ?? 'object';
    case 'array': {
      const items = type.items;
      if (!items) return 'array';
      return items.kind === 'object' ? `${describeType(items)}[]` : `array of ${describeType(items)}`;
    }
    default:
      return type.kind;
  }
}

/** What a value of this type looks like, phrased to follow "should be". */
function expectation(type: FieldType): string {
  switch (type.kind) {
    case 'integer':
      return `an integer (${describeType(type)})`;
    case 'float':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date (YYYY-MM-DD)';
    case 'object':
      return `an object (${describeType(type)})`;
    case 'array': {
      const items = type.items;
      if (!items) return 'an array';
      return items.kind === 'object' ? `an array of ${describeType(items)} objects` : `an array of ${describeType(items)} values`;
    }
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** What a given value is, phrased to follow "but is". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `the string ${JSON.stringify(shorten(value))}`;
  if (typeof value === 'boolean') return String(value);
  if (isJsonNumber(value)) return shorten(numberText(value));
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** The integer a JSON number holds exactly, or undefined when it is not a whole number. */
function exactInteger(value: number | JsonValue): bigint | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? BigInt(value) : undefined;
  }
  if (!isJsonNumber(value)) return undefined;
  const text = numberText(value);
  return /^-?\d+$/.test(text) ? BigInt(text) : undefined;
}

function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Stands for the path in messages of scalar checks. Structure schemas are shared by every place a
 * structure appears, so a check cannot know its path; the translation step puts it in.
 */
const HERE = '\u0000';

/** Marks issues we raise ourselves, so they pass through unchanged. */
interface OwnIssueParams {
  own: true;
  code: IssueCode;
  suggestion?: string;
}

type Ctx = z.core.$RefinementCtx<unknown>;

function report(ctx: Ctx, code: IssueCode, message: string, suggestion?: string): void {
  const params: OwnIssueParams = suggestion === undefined ? { own: true, code } : { own: true, code, suggestion };
  ctx.addIssue({ code: 'custom', message, params });
}

/** The checks of a scalar field (or array element): type, integer range, format, emptiness, enum. */
function checkScalar(
  value: unknown,
  type: FieldType,
  field: FieldInfo | undefined,
  required: boolean,
  ctx: Ctx,
  options: ValidateOptions,
): void {
  const path = HERE;
  if (value === undefined) {
    if (required) report(ctx, 'missing', `Required parameter ${path} is missing.`);
    return;
  }
  if (options.allowVariables && typeof value === 'string' && isVariableReference(value)) return;
  const mismatch = (suggestion?: string) =>
    report(ctx, 'type', `${path} should be ${expectation(type)}, but is ${describeValue(value)}.`, suggestion);
  switch (type.kind) {
    case 'integer': {
      if (typeof value === 'string') {
        const t = value.trim();
        mismatch(/^-?\d+$/.test(t) ? t : undefined);
        return;
      }
      if (!isJsonNumber(value)) return mismatch();
      if (typeof value === 'number' && !Number.isFinite(value)) return mismatch();
      const n = exactInteger(value);
      if (n === undefined) {
        // `1e3` is a whole number written in a form the API's integer parser refuses.
        const asNumber = Number(numberText(value));
        return mismatch(Number.isSafeInteger(asNumber) ? String(asNumber) : undefined);
      }
      const width = type.width ?? 'uint64';
      const [lo, hi] = RANGES[width];
      if (n < lo || n > hi) {
        report(ctx, 'range', `${path} is out of range for ${width} (${lo} to ${hi}), but is ${shorten(n.toString())}.`);
        return;
      }
      checkEnum(String(n), field, path, ctx);
      return;
    }
    case 'float':
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return mismatch(value.trim());
      if (!isJsonNumber(value) || (typeof value === 'number' && !Number.isFinite(value))) return mismatch();
      return;
    case 'boolean':
      if (value === 'true' || value === 'false') return mismatch(value);
      if (typeof value !== 'boolean') return mismatch();
      return;
    case 'string':
    case 'date':
      if (typeof value !== 'string') return mismatch(isJsonNumber(value) ? numberText(value) : undefined);
      if (value === '') {
        if (required) report(ctx, 'empty', `${path} must not be empty.`);
        return;
      }
      if (type.kind === 'date' && !isValidDate(value)) {
        report(ctx, 'format', `${path} should be a date as YYYY-MM-DD, but is ${describeValue(value)}.`);
        return;
      }
      checkEnum(value, field, path, ctx);
      return;
    default:
      return;
  }
}

function checkEnum(value: string, field: FieldInfo | undefined, path: string, ctx: Ctx): void {
  const values = field?.enum;
  if (!values || values.length === 0) return;
  if (values.some((e) => String(e.value) === value)) return;
  const lower = value.toLowerCase();
  const near = values.find((e) => String(e.value).toLowerCase() === lower);
  const list = values.map((e) => String(e.value)).join(', ');
  report(ctx, 'enum', `${path} should be one of ${list}, but is ${shorten(value)}.`, near ? String(near.value) : undefined);
}

/** Whether a schema checks request parameters (required members enforced) or a response (nothing required). */
export type Mode = 'input' | 'output';

/**
 * Builds zod schemas from catalog fields. Objects are strict (unknown keys are reported), arrays
 * check each element, and scalars run {@link checkScalar} so every message is ours. Building zod
 * schemas is not free (a refinement clones its schema), so everything is shared: one schema per
 * structure, and one per distinct scalar or array signature (type, width, enum values,
 * required-ness), whichever action or structure it appears in.
 */
class SchemaBuilder {
  private readonly structs = new Map<string, { required: z.ZodType; optional: z.ZodType }>();
  private readonly leaves = new Map<string, z.ZodType>();
  private readonly building = new Set<string>();

  constructor(
    private readonly mode: Mode,
    private readonly options: ValidateOptions,
  ) {}

  object(fields: readonly FieldInfo[]): z.ZodType {
    const shape: Record<string, z.ZodType> = {};
    for (const f of fields) {
      shape[f.name] = this.field(f, f.type, this.mode === 'input' && Boolean(f.required));
    }
    return z.strictObject(shape);
  }

  private struct(name: string, required: boolean): z.ZodType {
    let done = this.structs.get(name);
    if (!done) {
      // A structure that contains itself cannot come from the generator, but a lazy reference keeps
      // a hand-edited catalog from recursing forever.
      if (this.building.has(name)) {
        const later = z.lazy(() => this.structs.get(name)?.required ?? z.never());
        return required ? later : later.optional();
      }
      const info = findStruct(name);
      if (!info) throw new Error(`The catalog has no structure ${name}.`);
      this.building.add(name);
      const schema = this.object(info.fields);
      this.building.delete(name);
      done = { required: schema, optional: schema.optional() };
      this.structs.set(name, done);
    }
    return required ? done.required : done.optional;
  }

  private field(field: FieldInfo | undefined, type: FieldType, required: boolean): z.ZodType {
    if (type.kind === 'object') return this.struct(type.struct ?? '', required);
    const key = `${required ? 'R' : 'o'}|${describeType(type)}|${(field?.enum ?? []).map((e) => String(e.value)).join(',')}`;
    let schema = this.leaves.get(key);
    if (!schema) {
      schema = this.build(field, type, required);
      this.leaves.set(key, schema);
    }
    return schema;
  }

  private build(field: FieldInfo | undefined, type: FieldType, required: boolean): z.ZodType {
    if (type.kind === 'array') {
      // In a request every element counts as given, so an empty string in a list is reported too.
      const arr = z.array(this.field(field, type.items ?? { kind: 'string' }, this.mode === 'input'));
      if (!required) return arr.optional();
      return arr.superRefine((v, ctx) => {
        if (v.length === 0) report(ctx, 'empty', `${HERE} must not be empty.`);
      });
    }
    const options = this.options;
    const scalar = z.unknown().superRefine((value, ctx) => checkScalar(value, type, field, required, ctx, options));
    // zod reports an absent key unless its schema says it may be absent, whatever the refinement does.
    return required ? scalar : scalar.optional();
  }
}

const caches = new Map<string, { builder: SchemaBuilder; schemas: Map<string, z.ZodType> }>();

function cacheFor(mode: Mode, options: ValidateOptions): { builder: SchemaBuilder; schemas: Map<string, z.ZodType> } {
  const key = `${mode}:${options.allowVariables ? 'vars' : 'plain'}`;
  let c = caches.get(key);
  if (!c) {
    c = { builder: new SchemaBuilder(mode, options), schemas: new Map() };
    caches.set(key, c);
  }
  return c;
}

function resolveAction(action: string | ActionInfo): ActionInfo {
  if (typeof action !== 'string') return action;
  const found = findAction(action);
  if (!found) throw new InputError(`Unknown action ${action}; the TRTC API has no action of that name.`);
  return found;
}

/** The zod schema of an action's parameters (or response), built on first use and kept. */
export function schemaFor(action: string | ActionInfo, mode: Mode = 'input', options: ValidateOptions = {}): z.ZodType {
  const info = resolveAction(action);
  const cache = cacheFor(mode, options);
  let schema = cache.schemas.get(info.name);
  if (!schema) {
    schema = cache.builder.object(mode === 'input' ? info.input : info.output);
    cache.schemas.set(info.name, schema);
  }
  return schema;
}

/** The fields of the object found at a path (the root fields for an empty path). */
function fieldsAt(root: readonly FieldInfo[], path: ReadonlyArray<PropertyKey>): readonly FieldInfo[] | undefined {
  let fields: readonly FieldInfo[] | undefined = root;
  let type: FieldType | undefined;
  for (const seg of path) {
    if (typeof seg === 'number') {
      type = type?.kind === 'array' ? type.items : undefined;
    } else {
      const f: FieldInfo | undefined = fields?.find((x) => x.name === seg);
      type = f?.type;
    }
    if (!type) return undefined;
    fields = type.kind === 'object' && type.struct ? findStruct(type.struct)?.fields : undefined;
  }
  return fields;
}

function fieldTypeAt(root: readonly FieldInfo[], path: ReadonlyArray<PropertyKey>): FieldType | undefined {
  if (path.length === 0) return undefined;
  const last = path[path.length - 1]!;
  if (typeof last === 'number') {
    const parent = fieldTypeAt(root, path.slice(0, -1));
    return parent?.kind === 'array' ? parent.items : undefined;
  }
  return fieldsAt(root, path.slice(0, -1))?.find((f) => f.name === last)?.type;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** The known name nearest to a mistyped one, if it is close enough to be a plausible typo. */
function didYouMean(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const same = known.find((k) => k.toLowerCase() === name.toLowerCase());
  if (same) return same;
  const best = closest(name, known as string[]);
  return distance(name, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function translate(issue: z.core.$ZodIssue, root: readonly FieldInfo[], data: unknown): ValidationIssue[] {
  const path = formatPath(issue.path);
  if (issue.code === 'custom' && (issue.params as OwnIssueParams | undefined)?.own) {
    const params = issue.params as OwnIssueParams;
    // Scalar checks do not know their path when the schema is shared; it is filled in here.
    const out: ValidationIssue = { path, code: params.code, message: issue.message.split(HERE).join(path) };
    if (params.suggestion !== undefined) out.suggestion = params.suggestion;
    return [out];
  }
  if (issue.code === 'unrecognized_keys') {
    const known = (fieldsAt(root, issue.path) ?? []).map((f) => f.name);
    return issue.keys.map((key) => {
      const keyPath = formatPath([...issue.path, key]);
      const hint = didYouMean(key, known);
      const out: ValidationIssue = {
        path: keyPath,
        code: 'unknown',
        message: `Unknown parameter ${keyPath}.`,
      };
      if (hint) out.suggestion = hint;
      return out;
    });
  }
  const value = valueAt(data, issue.path);
  if (value === undefined && issue.path.length > 0) {
    return [{ path, code: 'missing', message: `Required parameter ${path} is missing.` }];
  }
  const type = fieldTypeAt(root, issue.path);
  if (issue.path.length === 0) {
    return [{ path, code: 'type', message: `The parameters should be a JSON object, but are ${describeValue(value)}.` }];
  }
  const expected = type ? expectation(type) : 'something else';
  return [{ path, code: 'type', message: `${path} should be ${expected}, but is ${describeValue(value)}.` }];
}

function run(info: ActionInfo, mode: Mode, data: unknown, options: ValidateOptions): ValidationIssue[] {
  const result = schemaFor(info, mode, options).safeParse(data);
  if (result.success) return [];
  const root = mode === 'input' ? info.input : info.output;
  // zod may add its own note about an absent key next to ours; one issue per path and kind is enough.
  const seen = new Set<string>();
  return result.error.issues
    .flatMap((i) => translate(i, root, data))
    .filter((i) => {
      const key = `${i.code}\u0000${i.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Checks request parameters against the action's definition and returns every problem found,
 * in document order; an empty list means the request is well-formed. Throws an InputError only
 * for an action name the catalog does not know.
 */
export function validateParams(action: string | ActionInfo, params: JsonObject, options: ValidateOptions = {}): ValidationIssue[] {
  return run(resolveAction(action), 'input', params, options);
}
