import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { InputError } from '../errors';
import { isJsonNumber, numberText, type JsonObject, type JsonValue } from '../json';
import { isVariableReference } from '../sensitive';
import { findAction, findStruct } from './catalog';
import { describeRange, describeValueIn, expectation, inRange, shorten } from './issueText';
import { makeIssue, type Bilingual, type IssueCode, type ValidationIssue } from './issues';
import { parseTimeText, SECONDS_LOOK_LIKE_MS } from './rules/moments';
import { ruleIssues } from './rules/ruleChecks';
import type { ActionInfo, FieldInfo, FieldType, IntegerWidth } from './types';

export { describeType, describeValue } from './issueText';
export type { IssueCode, IssueSeverity, ValidationIssue } from './issues';

/** Options of {@link validateParams}. */
export interface ValidateOptions {
  /**
   * Accept `{{Name}}` variable references in place of any scalar, because collections resolve them
   * only when a request is sent.
   */
  allowVariables?: boolean;
  /** The region the request goes to: an action that does not run there gets a `region` issue. */
  region?: string;
  /**
   * The current time in epoch milliseconds. Only with it are query windows checked against how
   * long the data is kept, so that validation without it stays a pure function of the parameters.
   */
  now?: number;
}

const RANGES: Record<IntegerWidth, readonly [bigint, bigint]> = {
  uint64: [0n, 2n ** 64n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
};

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

/**
 * Stands for the path in messages of scalar checks. Structure schemas are shared by every place a
 * structure appears, so a check cannot know its path; the translation step puts it in.
 */
const HERE = '\u0000';

/** Marks issues we raise ourselves, so they pass through unchanged. */
interface OwnIssueParams {
  own: true;
  code: IssueCode;
  zh: string;
  fix?: Bilingual;
  suggestion?: string;
}

type Ctx = z.core.$RefinementCtx<unknown>;

function report(ctx: Ctx, code: IssueCode, message: Bilingual, fix?: Bilingual, suggestion?: string): void {
  const params: OwnIssueParams = { own: true, code, zh: message.zh };
  if (fix) params.fix = fix;
  if (suggestion !== undefined) params.suggestion = suggestion;
  ctx.addIssue({ code: 'custom', message: message.en, params });
}

function missing(path: string): { message: Bilingual; fix: Bilingual } {
  return {
    message: { en: `Required parameter ${path} is missing.`, zh: `缺少必填参数 ${path}。` },
    fix: { en: `Give ${path} a value.`, zh: `请填写 ${path}。` },
  };
}

function typeMismatch(path: string, type: FieldType, value: unknown, suggestion?: string): { message: Bilingual; fix: Bilingual } {
  const want = expectation(type);
  const got = describeValueIn(value);
  return {
    message: { en: `${path} should be ${want.en}, but is ${got.en}.`, zh: `${path} 应为${want.zh}，实际为${got.zh}。` },
    fix:
      suggestion === undefined
        ? { en: `Give ${path} ${want.en}.`, zh: `请把 ${path} 改为${want.zh}。` }
        : { en: `Write it as ${suggestion}.`, zh: `请改为 ${suggestion}。` },
  };
}

/** The documented range, value list, time unit and text layout of a field. */
function checkDocumented(n: number, field: FieldInfo | undefined, path: string, ctx: Ctx): boolean {
  const range = field?.range;
  if (range && !inRange(n, range)) {
    const text = describeRange(range);
    const clamp = range.min !== undefined && n < range.min ? range.min : range.max !== undefined && n > range.max ? range.max : undefined;
    report(
      ctx,
      'range',
      { en: `${path} should be ${text.en}, but is ${n}.`, zh: `${path} 的取值应为 ${text.zh}，实际为 ${n}。` },
      { en: `Use a value ${text.en}.`, zh: `请填写符合范围的值：${text.zh}。` },
      clamp === undefined ? undefined : String(clamp),
    );
    return false;
  }
  if (field?.time === 'unix-s' && n >= SECONDS_LOOK_LIKE_MS) {
    const s = String(Math.floor(n / 1000));
    report(
      ctx,
      'timeUnit',
      { en: `${path} holds a Unix time in seconds, but ${n} is in milliseconds.`, zh: `${path} 应为以秒为单位的 Unix 时间，${n} 是毫秒。` },
      { en: `Divide it by 1000: ${s}.`, zh: `请除以 1000：${s}。` },
      s,
    );
    return false;
  }
  if (field?.time === 'unix-ms' && n > 0 && n < SECONDS_LOOK_LIKE_MS) {
    const ms = String(n * 1000);
    report(
      ctx,
      'timeUnit',
      { en: `${path} holds a Unix time in milliseconds, but ${n} is in seconds.`, zh: `${path} 应为以毫秒为单位的 Unix 时间，${n} 是秒。` },
      { en: `Multiply it by 1000: ${ms}.`, zh: `请乘以 1000：${ms}。` },
      ms,
    );
    return false;
  }
  return true;
}

/** The checks of a scalar field (or array element): type, integer range, format, emptiness, documented values. */
function checkScalar(value: unknown, type: FieldType, field: FieldInfo | undefined, required: boolean, ctx: Ctx, options: ValidateOptions): void {
  const path = HERE;
  if (value === undefined) {
    if (required) {
      const m = missing(path);
      report(ctx, 'missing', m.message, m.fix);
    }
    return;
  }
  if (options.allowVariables && typeof value === 'string' && isVariableReference(value)) return;
  const mismatch = (suggestion?: string) => {
    const m = typeMismatch(path, type, value, suggestion);
    report(ctx, 'type', m.message, m.fix, suggestion);
  };
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
        report(
          ctx,
          'range',
          {
            en: `${path} is out of range for ${width} (${lo} to ${hi}), but is ${shorten(n.toString())}.`,
            zh: `${path} 超出 ${width} 的范围（${lo} 到 ${hi}），实际为 ${shorten(n.toString())}。`,
          },
          { en: `Use a value from ${lo} to ${hi}.`, zh: `请填写 ${lo} 到 ${hi} 之间的值。` },
        );
        return;
      }
      if (checkEnum(String(n), field, path, ctx) && Number.isSafeInteger(Number(n))) checkDocumented(Number(n), field, path, ctx);
      return;
    }
    case 'float': {
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return mismatch(value.trim());
      if (!isJsonNumber(value) || (typeof value === 'number' && !Number.isFinite(value))) return mismatch();
      const n = Number(numberText(value));
      if (field?.enum?.length ? checkEnum(String(n), field, path, ctx, (e) => String(Number(e))) : true) checkDocumented(n, field, path, ctx);
      return;
    }
    case 'boolean':
      if (value === 'true' || value === 'false') return mismatch(value);
      if (typeof value !== 'boolean') return mismatch();
      return;
    case 'string':
    case 'date':
      if (typeof value !== 'string') return mismatch(isJsonNumber(value) ? numberText(value) : undefined);
      if (value === '') {
        if (required) report(ctx, 'empty', { en: `${path} must not be empty.`, zh: `${path} 不能为空。` }, { en: `Give ${path} a value.`, zh: `请填写 ${path}。` });
        return;
      }
      if (type.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return badLayout(path, 'YYYY-MM-DD', value, ctx);
      if (type.kind === 'date' || field?.timeFormat) {
        const layout = field?.timeFormat ?? 'YYYY-MM-DD';
        if (parseTimeText(value, layout) === undefined) return badLayout(path, layout, value, ctx);
      }
      checkEnum(value, field, path, ctx);
      return;
    default:
      return;
  }
}

function badLayout(path: string, layout: string, value: string, ctx: Ctx): void {
  const got = describeValueIn(value);
  const what = layout === 'YYYY-MM-DD' ? { en: 'a date', zh: '日期' } : { en: 'a time', zh: '时间' };
  report(
    ctx,
    'format',
    { en: `${path} should be ${what.en} as ${layout}, but is ${got.en}.`, zh: `${path} 应为 ${layout} 格式的${what.zh}，实际为${got.zh}。` },
    { en: `Write it as ${layout}, in Beijing time.`, zh: `请按 ${layout} 格式填写（北京时间）。` },
  );
}

/** Whether a value is one of the field's listed values; reports it when not. */
function checkEnum(value: string, field: FieldInfo | undefined, path: string, ctx: Ctx, norm: (v: string) => string = (v) => v): boolean {
  const values = field?.enum;
  if (!values || values.length === 0) return true;
  if (values.some((e) => norm(String(e.value)) === value)) return true;
  const lower = value.toLowerCase();
  const near = values.find((e) => String(e.value).toLowerCase() === lower);
  const list = values.map((e) => String(e.value)).join(', ');
  const suggestion = near ? String(near.value) : undefined;
  report(
    ctx,
    'enum',
    { en: `${path} should be one of ${list}, but is ${shorten(value)}.`, zh: `${path} 应为 ${list} 之一，实际为 ${shorten(value)}。` },
    suggestion === undefined ? { en: `Choose one of ${list}.`, zh: `请从 ${list} 中选择。` } : { en: `Write it as ${suggestion}.`, zh: `请改为 ${suggestion}。` },
    suggestion,
  );
  return false;
}

/** Whether a schema checks request parameters (required members enforced) or a response (nothing required). */
export type Mode = 'input' | 'output';

/**
 * Builds zod schemas from catalog fields. Objects are strict (unknown keys are reported), arrays
 * check each element, and scalars run {@link checkScalar} so every message is ours. Building zod
 * schemas is not free (a refinement clones its schema), so everything is shared: one schema per
 * structure, and one per distinct scalar or array signature (type, width, documented values,
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
    const documented = field ? JSON.stringify([field.enum?.map((e) => e.value), field.range, field.time, field.timeFormat]) : '';
    const key = `${required ? 'R' : 'o'}|${type.kind}|${JSON.stringify(type)}|${documented}`;
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
        if (v.length === 0) report(ctx, 'empty', { en: `${HERE} must not be empty.`, zh: `${HERE} 不能为空。` }, { en: `Add at least one element to ${HERE}.`, zh: `请为 ${HERE} 至少添加一项。` });
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
    c = { builder: new SchemaBuilder(mode, { allowVariables: Boolean(options.allowVariables) }), schemas: new Map() };
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

function fill(text: string, path: string): string {
  return text.split(HERE).join(path);
}

function translate(issue: z.core.$ZodIssue, root: readonly FieldInfo[], data: unknown): ValidationIssue[] {
  const path = formatPath(issue.path);
  if (issue.code === 'custom' && (issue.params as OwnIssueParams | undefined)?.own) {
    const p = issue.params as OwnIssueParams;
    // Scalar checks do not know their path when the schema is shared; it is filled in here.
    const fix = p.fix ? { en: fill(p.fix.en, path), zh: fill(p.fix.zh, path) } : undefined;
    return [
      makeIssue(path, p.code, { en: fill(issue.message, path), zh: fill(p.zh, path) }, { ...(fix ? { fix } : {}), ...(p.suggestion !== undefined ? { suggestion: p.suggestion } : {}) }),
    ];
  }
  if (issue.code === 'unrecognized_keys') {
    const known = (fieldsAt(root, issue.path) ?? []).map((f) => f.name);
    return issue.keys.map((key) => {
      const keyPath = formatPath([...issue.path, key]);
      const hint = didYouMean(key, known);
      const message = { en: `Unknown parameter ${keyPath}.`, zh: `未知参数 ${keyPath}。` };
      return hint
        ? makeIssue(keyPath, 'unknown', message, { fix: { en: `Did you mean ${hint}?`, zh: `是否应为 ${hint}？` }, suggestion: hint })
        : makeIssue(keyPath, 'unknown', message, { fix: { en: `Remove ${keyPath}; the action has no such parameter.`, zh: `请删除 ${keyPath}，该接口没有这个参数。` } });
    });
  }
  const value = valueAt(data, issue.path);
  if (value === undefined && issue.path.length > 0) {
    const m = missing(path);
    return [makeIssue(path, 'missing', m.message, { fix: m.fix })];
  }
  if (issue.path.length === 0) {
    const got = describeValueIn(value);
    return [
      makeIssue('', 'type', { en: `The parameters should be a JSON object, but are ${got.en}.`, zh: `参数应为 JSON 对象，实际为${got.zh}。` }, { fix: { en: 'Write the parameters as a JSON object: {"Name": value}.', zh: '请以 JSON 对象填写参数：{"Name": value}。' } }),
    ];
  }
  const type = fieldTypeAt(root, issue.path);
  if (!type) {
    const got = describeValueIn(value);
    return [makeIssue(path, 'type', { en: `${path} should be something else, but is ${got.en}.`, zh: `${path} 的类型不对，实际为${got.zh}。` })];
  }
  const m = typeMismatch(path, type, value);
  return [makeIssue(path, 'type', m.message, { fix: m.fix })];
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
 * Checks request parameters against the action's definition and TRTC's documented rules, and
 * returns every problem found: structural ones in document order, then rule ones (room ids of the
 * wrong kind, RoomIdType against RoomId, query windows, the region). An empty list means the
 * request is well-formed; issues of severity `warning` do not make it ill-formed. Throws an
 * InputError only for an action name the catalog does not know.
 */
export function validateParams(action: string | ActionInfo, params: JsonObject, options: ValidateOptions = {}): ValidationIssue[] {
  const info = resolveAction(action);
  const structural = run(info, 'input', params, options);
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return structural;
  return [...structural, ...ruleIssues(info, params, options)];
}
