/**
 * Generates `generated/catalog.json`, the API catalog the extension and the command line ship (and
 * beside it `catalog-index.json`, its categories and action summaries for lists),
 * from the two official TRTC SDK packages pinned in devDependencies:
 * - `tencentcloud-sdk-nodejs` (CN): TypeScript declarations with required flags, Chinese text and
 *   `@deprecated` tags;
 * - `tencentcloud-sdk-nodejs-intl-en` (international): JavaScript models with English JSDoc, and the
 *   three actions only the international site offers.
 * Both are read with the TypeScript compiler API, never by matching source text. What the SDKs
 * cannot say (integer widths, floats, calendar days, required members of international-only
 * structures) comes from `src/core/catalog/wireTypes.ts`; categories, summaries and the verb rule
 * come from the other modules of `src/core/catalog`.
 *
 * Usage: node --import tsx scripts/catalog/generate.ts [--out <file>] [--quiet]
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { categoryOf, CATEGORIES, FALLBACK_CATEGORY, placedActions } from '../../src/core/catalog/categories';
import { indexOfCatalog } from '../../src/core/catalog/catalogIndex';
import { ACTION_SUMMARIES } from '../../src/core/catalog/summaries';
import type {
  ActionInfo,
  Availability,
  Catalog,
  EnumValue,
  FieldInfo,
  FieldType,
  LocalizedText,
  StructInfo,
} from '../../src/core/catalog/types';
import { classifyAction } from '../../src/core/catalog/verbs';
import {
  INTL_ALSO_OFFERS,
  INTL_SUPPLEMENT_ACTIONS,
  INTL_SUPPLEMENT_FIELDS,
  INTL_SUPPLEMENT_MODELS,
} from '../../src/core/catalog/supplement';
import { INTL_ONLY_REQUIRED, WIRE_TYPES, type WireOverride } from '../../src/core/catalog/wireTypes';
import { RATE_FACTS, REGION_FACTS, type RateFact, type RegionFact } from '../../src/core/catalog/rules/actionFacts';
import { FIELD_FACTS, type FieldFact } from '../../src/core/catalog/rules/fieldFacts';
import { isSensitiveField } from '../../src/core/sensitive';
import { describedFacts } from './descriptionFacts';

const SERVICE = 'trtc';
const VERSION = '2019-07-22';
const MODULE_VERSION_DIR = 'v' + VERSION.replace(/-/g, '');
const repoRoot = path.resolve(__dirname, '../..');

/** A type as an SDK declares it, before the wire overlay refines numbers and strings. */
export type SdkType =
  | { k: 'string' }
  | { k: 'number' }
  | { k: 'boolean' }
  | { k: 'array'; of: SdkType }
  | { k: 'ref'; name: string };

/** A member of an SDK model class or interface. */
export interface SdkField {
  name: string;
  type: SdkType;
  /** CN declarations only: the member has no `?`. The international models carry no such flag. */
  required: boolean;
  doc: string;
  deprecated: boolean;
  /** Added from `supplement.ts`, not read from an SDK. */
  supplemented?: boolean;
}

/** A model (request, response or shared structure) of one SDK. */
export interface SdkModel {
  name: string;
  doc: string;
  fields: SdkField[];
  /** Whether `required` of the fields means something (CN declarations and our supplement) or not. */
  requiredKnown: boolean;
}

/** A method of one SDK's client. */
export interface SdkAction {
  name: string;
  doc: string;
  input: string;
  output: string;
  deprecated: boolean;
}

/** Everything read from one SDK package. */
export interface SdkSide {
  version: string;
  models: Map<string, SdkModel>;
  actions: Map<string, SdkAction>;
}

/** Where the files of one SDK package are, found through its package.json so a version bump is picked up. */
export function locateSdks(): { cn: { version: string; dir: string }; intl: { version: string; dir: string } } {
  const req = createRequire(path.join(repoRoot, 'package.json'));
  const find = (pkg: string, sub: string) => {
    const manifest = req.resolve(`${pkg}/package.json`);
    const version = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
    const dir = path.join(path.dirname(manifest), sub);
    if (!fs.existsSync(dir)) {
      throw new Error(`${pkg}@${version} has no ${sub}; the package layout changed`);
    }
    return { version, dir };
  };
  return {
    cn: find('tencentcloud-sdk-nodejs', `tencentcloud/services/${SERVICE}/${MODULE_VERSION_DIR}`),
    intl: find('tencentcloud-sdk-nodejs-intl-en', `tencentcloud/${SERVICE}/${MODULE_VERSION_DIR}`),
  };
}

function parseFile(file: string): ts.SourceFile {
  const kind = file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

/** The JSDoc blocks attached to a node; in JavaScript files TypeScript attaches them to statements too. */
function jsDocsOf(node: ts.Node): ts.JSDoc[] {
  return ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
}

function docText(node: ts.Node): string {
  return jsDocsOf(node)
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join('\n')
    .trim();
}

function hasDeprecatedTag(node: ts.Node): boolean {
  return jsDocsOf(node).some((d) => (d.tags ?? []).some((t) => ts.isJSDocDeprecatedTag(t)));
}

/** Reads a type node of either SDK: `string`, `number`, `boolean`, `Array<T>`, `T[]`, `Array.<T>` or a model name. */
function sdkTypeOf(node: ts.TypeNode, where: string): SdkType {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { k: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { k: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { k: 'boolean' };
    default:
      break;
  }
  // Lists of 64-bit numbers are declared `Array<number | bigint>`; the width comes from the overlay.
  if (
    ts.isUnionTypeNode(node) &&
    node.types.length === 2 &&
    node.types.some((t) => t.kind === ts.SyntaxKind.NumberKeyword) &&
    node.types.some((t) => t.kind === ts.SyntaxKind.BigIntKeyword)
  ) {
    return { k: 'number' };
  }
  if (ts.isArrayTypeNode(node)) {
    return { k: 'array', of: sdkTypeOf(node.elementType, where) };
  }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const name = node.typeName.text;
    if (name === 'Array' && node.typeArguments?.length === 1) {
      return { k: 'array', of: sdkTypeOf(node.typeArguments[0]!, where) };
    }
    if (!node.typeArguments) {
      return { k: 'ref', name };
    }
  }
  throw new Error(`${where}: unsupported SDK type "${node.getText()}"`);
}

/** Reads the CN SDK: interfaces of `<service>_models.d.ts` and methods of `<service>_client.d.ts`. */
export function readCnSdk(dir: string, version: string): SdkSide {
  const models = new Map<string, SdkModel>();
  for (const st of parseFile(path.join(dir, `${SERVICE}_models.d.ts`)).statements) {
    if (!ts.isInterfaceDeclaration(st)) continue;
    const fields: SdkField[] = [];
    for (const m of st.members) {
      if (!ts.isPropertySignature(m) || !m.type || !ts.isIdentifier(m.name)) {
        throw new Error(`${st.name.text}: unexpected member "${m.getText()}"`);
      }
      fields.push({
        name: m.name.text,
        type: sdkTypeOf(m.type, `${st.name.text}.${m.name.text}`),
        required: !m.questionToken,
        doc: docText(m),
        deprecated: hasDeprecatedTag(m),
      });
    }
    models.set(st.name.text, { name: st.name.text, doc: docText(st), fields, requiredKnown: true });
  }

  const actions = new Map<string, SdkAction>();
  const client = parseFile(path.join(dir, `${SERVICE}_client.d.ts`)).statements.find(ts.isClassDeclaration);
  if (!client) throw new Error(`no client class in ${dir}`);
  for (const m of client.members) {
    if (!ts.isMethodDeclaration(m) || !ts.isIdentifier(m.name)) continue;
    const reqType = m.parameters[0]?.type;
    const retType = m.type;
    if (!reqType || !ts.isTypeReferenceNode(reqType) || !retType || !ts.isTypeReferenceNode(retType)) {
      throw new Error(`CN client method ${m.name.text} has an unexpected signature`);
    }
    const resp = retType.typeArguments?.[0];
    if (!resp || !ts.isTypeReferenceNode(resp)) {
      throw new Error(`CN client method ${m.name.text} does not return Promise<Response>`);
    }
    actions.set(m.name.text, {
      name: m.name.text,
      doc: docText(m),
      input: reqType.typeName.getText(),
      output: resp.typeName.getText(),
      deprecated: hasDeprecatedTag(m),
    });
  }
  return { version, models, actions };
}

/** The `this.Name = null;` statements of a model constructor, each carrying its JSDoc. */
function constructorAssignments(cls: ts.ClassDeclaration): Array<{ name: string; stmt: ts.Statement }> {
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  const out: Array<{ name: string; stmt: ts.Statement }> = [];
  for (const stmt of ctor?.body?.statements ?? []) {
    if (!ts.isExpressionStatement(stmt) || !ts.isBinaryExpression(stmt.expression)) continue;
    const left = stmt.expression.left;
    if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) {
      out.push({ name: left.name.text, stmt });
    }
  }
  return out;
}

/** Reads the international SDK: classes of `models.js` and methods of `<service>_client.js`. */
export function readIntlSdk(dir: string, version: string): SdkSide {
  const models = new Map<string, SdkModel>();
  for (const st of parseFile(path.join(dir, 'models.js')).statements) {
    if (!ts.isClassDeclaration(st) || !st.name) continue;
    const name = st.name.text;
    const fields: SdkField[] = [];
    for (const { name: field, stmt } of constructorAssignments(st)) {
      const tag = jsDocsOf(stmt)
        .flatMap((d) => d.tags ?? [])
        .find(ts.isJSDocTypeTag);
      if (!tag) throw new Error(`${name}.${field}: no @type in the international SDK`);
      fields.push({
        name: field,
        // The models write `@type {T || null}`; the parser reads `T` and leaves the rest as comment.
        type: sdkTypeOf(tag.typeExpression.type, `${name}.${field}`),
        required: false,
        doc: docText(stmt),
        deprecated: hasDeprecatedTag(stmt),
      });
    }
    models.set(name, { name, doc: docText(st), fields, requiredKnown: false });
  }

  const actions = new Map<string, SdkAction>();
  const client = parseFile(path.join(dir, `${SERVICE}_client.js`)).statements.find(ts.isClassDeclaration);
  if (!client) throw new Error(`no client class in ${dir}`);
  for (const m of client.members) {
    if (!ts.isMethodDeclaration(m) || !ts.isIdentifier(m.name) || !m.body) continue;
    const param = jsDocsOf(m)
      .flatMap((d) => d.tags ?? [])
      .find((t): t is ts.JSDocParameterTag => ts.isJSDocParameterTag(t) && t.name.getText() === 'req');
    const reqType = param?.typeExpression?.type;
    let output: string | undefined;
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression)) output ??= n.expression.text;
      ts.forEachChild(n, visit);
    };
    visit(m.body);
    if (!reqType || !ts.isTypeReferenceNode(reqType) || !output) {
      throw new Error(`international client method ${m.name.text} has an unexpected shape`);
    }
    actions.set(m.name.text, {
      name: m.name.text,
      doc: docText(m),
      input: reqType.typeName.getText(),
      output,
      deprecated: hasDeprecatedTag(m),
    });
  }
  return { version, models, actions };
}

/** Reads the SDK-style type notation of `supplement.ts`: `string`, `number`, `boolean`, `Name`, `T[]`. */
function supplementType(notation: string, where: string): SdkType {
  if (notation.endsWith('[]')) return { k: 'array', of: supplementType(notation.slice(0, -2), where) };
  if (notation === 'string' || notation === 'number' || notation === 'boolean') return { k: notation };
  if (/^[A-Z]\w*$/.test(notation)) return { k: 'ref', name: notation };
  throw new Error(`supplement.ts: ${where} has an unreadable type "${notation}"`);
}

/**
 * Adds the hand-written supplement to what the international SDK declares. Each entry must still
 * be missing from both SDKs, so the supplement cannot shadow a newer SDK.
 */
export function applySupplement(cn: SdkSide, intl: SdkSide): void {
  for (const [name, a] of Object.entries(INTL_SUPPLEMENT_ACTIONS)) {
    if (cn.actions.has(name) || intl.actions.has(name)) {
      throw new Error(`supplement.ts: ${name} is now in an SDK; remove it from INTL_SUPPLEMENT_ACTIONS`);
    }
    intl.actions.set(name, { name, doc: a.description, input: a.input, output: a.output, deprecated: false });
  }
  for (const [name, m] of Object.entries(INTL_SUPPLEMENT_MODELS)) {
    if (cn.models.has(name) || intl.models.has(name)) {
      throw new Error(`supplement.ts: ${name} is now in an SDK; remove it from INTL_SUPPLEMENT_MODELS`);
    }
    intl.models.set(name, {
      name,
      doc: m.description,
      requiredKnown: true,
      fields: m.fields.map((f) => ({
        name: f.name,
        type: supplementType(f.type, `${name}.${f.name}`),
        required: Boolean(f.required),
        doc: f.description,
        deprecated: false,
      })),
    });
  }
  for (const [name, fields] of Object.entries(INTL_SUPPLEMENT_FIELDS)) {
    const model = intl.models.get(name);
    if (!model) throw new Error(`supplement.ts: INTL_SUPPLEMENT_FIELDS extends ${name}, which the international SDK does not have`);
    for (const f of fields) {
      if (model.fields.some((x) => x.name === f.name) || cn.models.get(name)?.fields.some((x) => x.name === f.name)) {
        throw new Error(`supplement.ts: ${name}.${f.name} is now in an SDK; remove it from INTL_SUPPLEMENT_FIELDS`);
      }
      model.fields.push({
        name: f.name,
        type: supplementType(f.type, `${name}.${f.name}`),
        required: false,
        doc: f.description,
        deprecated: false,
        supplemented: true,
      });
    }
  }
  for (const name of INTL_ALSO_OFFERS) {
    if (intl.actions.has(name)) throw new Error(`supplement.ts: ${name} is now in the international SDK; remove it from INTL_ALSO_OFFERS`);
    if (!cn.actions.has(name)) throw new Error(`supplement.ts: INTL_ALSO_OFFERS lists ${name}, which the CN SDK does not have`);
  }
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  emsp: ' ',
  ensp: ' ',
};

/**
 * Turns an SDK description into plain text for display: paragraphs and line breaks become new
 * lines, list items become `- ` lines, links keep their address as `[text](url)`, other tags go,
 * entities are decoded. Text such as `a < b` that is not a tag is left alone.
 */
export function cleanDoc(raw: string): string {
  let s = raw.replace(/\r\n?/g, '\n');
  s = s.replace(/<a\s[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) => {
    const label = text.replace(/<[^>]+>/g, '').trim();
    return label && label !== href ? `[${label}](${href})` : href;
  });
  s = s.replace(/<br\s*\/?>/gi, '\n');
  s = s.replace(/<li\b[^>]*>/gi, '\n- ');
  s = s.replace(/<\/?(p|ul|ol|pre|div|table|tr|h[1-6])\b[^>]*>/gi, '\n');
  s = s.replace(/<\/?(li|code|b|strong|i|em|span|font|td|th|sup|sub|a)\b[^>]*>/gi, '');
  s = s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, '').replace(/^[ \t]+(?=- )/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Labels that open many SDK descriptions and say nothing on their own. */
const LEAD_LABEL = /^(接口说明[：:]\s*|API description:\.?\s*|Description:\s*)/i;

/** A line that only introduces what follows: `**API Description**`, `Note:`, `API description:.` */
function isLabelLine(line: string): boolean {
  const l = line.trim();
  return /^\*\*[^*]+\*\*$/.test(l) || /^[^。.!?]{0,40}[:：]\.?$/.test(l);
}

/** The first sentence of a cleaned description, for a one-line title. */
export function firstSentence(text: string): string {
  const line =
    text
      .split('\n')
      .map((l) => l.replace(LEAD_LABEL, '').trim())
      .find((l) => l !== '' && !isLabelLine(l)) ?? '';
  const zh = line.indexOf('。');
  const en = line.search(/\.(\s|$)/);
  const ends = [zh, en].filter((i) => i >= 0);
  const cut = ends.length ? Math.min(...ends) + 1 : line.length;
  const sentence = line.slice(0, cut).trim();
  return sentence.length > 160 ? sentence.slice(0, 157).trimEnd() + '…' : sentence;
}

const TOKEN = /^[A-Za-z0-9_.-]+$/;

/**
 * The `枚举值：<ul><li>V：label</li>…</ul>` lists of the CN SDK. A list with a single value is not
 * trusted: in this SDK it marks a value being highlighted, not the only one allowed (the prose
 * beside such lists names others).
 */
function zhListEnum(raw: string): Array<{ value: string; label: string }> | undefined {
  const m = /枚举值[：:]\s*(?:<\/p>)?\s*<ul>([\s\S]*?)<\/ul>/.exec(raw);
  if (!m) return undefined;
  const items = [...m[1]!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((li) => {
    const text = cleanDoc(li[1]!);
    const sep = /^([^：:]+?)[：:]+\s*([\s\S]*)$/.exec(text);
    return sep ? { value: sep[1]!.trim(), label: sep[2]!.trim() } : undefined;
  });
  if (items.length < 2 || items.some((i) => !i || !TOKEN.test(i.value))) return undefined;
  return items as Array<{ value: string; label: string }>;
}

/**
 * Consecutive lines of the form `N: meaning` (either language, after cleaning), for integer fields
 * only. Exactly one such block of at least two lines counts; anything else is left alone.
 */
function lineEnum(raw: string): Array<{ value: string; label: string }> | undefined {
  const lines = cleanDoc(raw).split('\n');
  const blocks: Array<Array<{ value: string; label: string }>> = [];
  let current: Array<{ value: string; label: string }> | undefined;
  for (const line of lines) {
    const m = /^\s*(?:[-*•]\s*)?`?(-?\d+)`?\s*[:：]\s*(\S.*)$/.exec(line);
    if (m) {
      current ??= [];
      current.push({ value: m[1]!, label: m[2]!.trim().replace(/[;；,，。]$/, '') });
    } else if (current) {
      blocks.push(current);
      current = undefined;
    }
  }
  if (current) blocks.push(current);
  if (blocks.length !== 1 || blocks[0]!.length < 2) return undefined;
  return blocks[0];
}

/**
 * The allowed values of a field when its descriptions list them unambiguously. When both languages
 * list values they must agree, otherwise nothing is kept: a wrong list would reject valid input.
 */
export function extractEnum(type: FieldType, zhRaw: string | undefined, enRaw: string | undefined): EnumValue[] | undefined {
  const scalar = type.kind === 'array' ? type.items! : type;
  if (scalar.kind !== 'integer' && scalar.kind !== 'string') return undefined;
  const pick = (raw: string | undefined) => {
    if (!raw) return undefined;
    const list = zhListEnum(raw) ?? (scalar.kind === 'integer' ? lineEnum(raw) : undefined);
    if (!list) return undefined;
    if (scalar.kind === 'integer' && list.some((i) => !/^-?\d+$/.test(i.value))) return undefined;
    if (new Set(list.map((i) => i.value)).size !== list.length) return undefined;
    return list;
  };
  const zh = pick(zhRaw);
  const en = pick(enRaw);
  if (zh && en) {
    const a = zh.map((i) => i.value).sort();
    const b = en.map((i) => i.value).sort();
    if (a.join('\u0000') !== b.join('\u0000')) return undefined;
  }
  const base = zh ?? en;
  if (!base) return undefined;
  return base.map((item) => {
    const value = scalar.kind === 'integer' ? Number(item.value) : item.value;
    const label: LocalizedText = {};
    const zhLabel = zh?.find((i) => i.value === item.value)?.label;
    const enLabel = en?.find((i) => i.value === item.value)?.label;
    if (enLabel) label.en = enLabel;
    if (zhLabel) label.zh = zhLabel;
    return Object.keys(label).length ? { value, label } : { value };
  });
}

/** A localized text with only the languages that have something. */
function text(en: string | undefined, zh: string | undefined): LocalizedText {
  const out: LocalizedText = {};
  if (en) out.en = en;
  if (zh) out.zh = zh;
  return out;
}

/** Problems that do not stop the build but that someone should look at. */
export interface GenerateReport {
  warnings: string[];
  enumCount: number;
  fieldCount: number;
  /** Fields that got a range, a Unix unit or a text time layout, from descriptions or by hand. */
  factCount?: number;
}

/**
 * The hand-written tables the generator combines with the SDKs. Production uses the modules of
 * `src/core/catalog`; tests pass their own to exercise the checks.
 */
export interface CatalogTables {
  summaries: Readonly<Record<string, { en: string; zh: string }>>;
  categoryOf: (action: string) => string | undefined;
  placedActions: readonly string[];
  wireTypes: Readonly<Record<string, WireOverride>>;
  intlOnlyRequired: Readonly<Record<string, readonly string[]>>;
  intlAlsoOffers: readonly string[];
  fieldFacts: Readonly<Record<string, FieldFact>>;
  regionFacts: Readonly<Record<string, RegionFact>>;
  rateFacts: Readonly<Record<string, RateFact>>;
}

/** The tables of `src/core/catalog`, as the build uses them. */
export const DEFAULT_TABLES: CatalogTables = {
  summaries: ACTION_SUMMARIES,
  categoryOf,
  placedActions: placedActions(),
  wireTypes: WIRE_TYPES,
  intlOnlyRequired: INTL_ONLY_REQUIRED,
  intlAlsoOffers: INTL_ALSO_OFFERS,
  fieldFacts: FIELD_FACTS,
  regionFacts: REGION_FACTS,
  rateFacts: RATE_FACTS,
};

/**
 * Adds what the descriptions say about a field's values (ranges, value lists, time units and
 * layouts) and then the hand-written fact for it, whose members win. A yes/no integer (values
 * exactly 0 and 1) is marked as a flag.
 */
export function applyValueFacts(field: FieldInfo, zh: string | undefined, en: string | undefined, fact: FieldFact | undefined): void {
  const derived = describedFacts(field.type, zh, en);
  if (derived.range) field.range = derived.range;
  if (derived.values && !field.enum) field.enum = derived.values.map((value) => ({ value }));
  if (derived.time) field.time = derived.time;
  if (derived.timeFormat) field.timeFormat = derived.timeFormat;
  if (fact) {
    if (fact.range) field.range = { ...fact.range };
    if (fact.values) field.enum = fact.values.map((x) => ({ value: x.value, label: { en: x.en, zh: x.zh } }));
    if (fact.time) field.time = fact.time;
    if (fact.timeFormat) field.timeFormat = fact.timeFormat;
  }
  const scalar = field.type.kind === 'array' && field.type.items ? field.type.items : field.type;
  const values = field.enum?.map((e) => e.value);
  if (scalar.kind === 'integer' && values?.length === 2 && values.includes(0) && values.includes(1)) field.flag = true;
  // A range that a value list already bounds says nothing more, and two sources could disagree.
  if (field.enum && field.range) delete field.range;
}

/** Signs that an action was retired, in the first line of its description. */
const RETIRED = /接口已下线|同步下线|(API|interface) (has been|is) (deprecated|discontinued|decommissioned|offline)/i;

/** Builds the catalog from what was read of both SDKs. Throws on anything it cannot resolve. */
export function buildCatalog(cn: SdkSide, intl: SdkSide, report: GenerateReport, tables: CatalogTables = DEFAULT_TABLES): Catalog {
  const usedOverrides = new Set<string>();
  const usedFacts = new Set<string>();

  const wireType = (owner: string, field: string, t: SdkType): FieldType => {
    const key = `${owner}.${field}`;
    const override = Object.hasOwn(tables.wireTypes, key) ? tables.wireTypes[key] : undefined;
    let applied = false;
    const scalar = (s: SdkType): FieldType => {
      switch (s.k) {
        case 'string':
          if (override === 'date') {
            applied = true;
            return { kind: 'date' };
          }
          return { kind: 'string' };
        case 'number':
          if (override === 'float' || override === 'int64') {
            applied = true;
            return override === 'float' ? { kind: 'float' } : { kind: 'integer', width: 'int64' };
          }
          return { kind: 'integer', width: 'uint64' };
        case 'boolean':
          return { kind: 'boolean' };
        case 'ref':
          return { kind: 'object', struct: s.name };
        case 'array':
          return { kind: 'array', items: scalar(s.of) };
      }
    };
    const out = scalar(t);
    if (override && !applied) {
      throw new Error(`wireTypes.ts: ${key} is marked ${override} but the SDK declares it ${JSON.stringify(t)}`);
    }
    if (applied) usedOverrides.add(key);
    return out;
  };

  const sameSdkType = (a: SdkType, b: SdkType): boolean => JSON.stringify(a) === JSON.stringify(b);

  /** The merged fields of a model: CN members in CN order, then members only the international SDK has. */
  const mergeFields = (name: string): FieldInfo[] => {
    const c = cn.models.get(name);
    const i = intl.models.get(name);
    if (!c && !i) throw new Error(`model ${name} is referenced but neither SDK defines it`);
    const intlRequired = !c && i && !i.requiredKnown ? tables.intlOnlyRequired[name] : undefined;
    const fields: FieldInfo[] = [];
    const seen = new Set<string>();
    for (const f of c?.fields ?? []) {
      seen.add(f.name);
      const other = i?.fields.find((x) => x.name === f.name);
      if (other && !sameSdkType(f.type, other.type)) {
        report.warnings.push(`${name}.${f.name}: CN SDK says ${JSON.stringify(f.type)}, international ${JSON.stringify(other.type)}; using CN`);
      }
      fields.push(makeField(name, f, other?.doc, f.doc, f.required, f.deprecated || Boolean(other?.deprecated)));
    }
    for (const f of i?.fields ?? []) {
      if (seen.has(f.name)) continue;
      if (c && !f.supplemented) report.warnings.push(`${name}.${f.name}: only in the international SDK; treated as optional`);
      const required = i!.requiredKnown ? f.required : Boolean(intlRequired?.includes(f.name));
      fields.push(makeField(name, f, f.doc, undefined, !c && required, f.deprecated));
    }
    if (intlRequired) {
      for (const r of intlRequired) {
        if (!fields.some((f) => f.name === r)) throw new Error(`wireTypes.ts: INTL_ONLY_REQUIRED ${name}.${r} does not exist`);
      }
    }
    return fields;
  };

  const makeField = (
    owner: string,
    f: SdkField,
    enRaw: string | undefined,
    zhRaw: string | undefined,
    required: boolean,
    deprecatedTag: boolean,
  ): FieldInfo => {
    const type = wireType(owner, f.name, f.type);
    const zh = zhRaw ? cleanDoc(zhRaw) : undefined;
    const en = enRaw ? cleanDoc(enRaw) : undefined;
    const field: FieldInfo = { name: f.name, type, description: text(en, zh) };
    if (required) field.required = true;
    const values = extractEnum(type, zhRaw, enRaw);
    if (values) field.enum = values;
    const factKey = `${owner}.${f.name}`;
    const fact = Object.hasOwn(tables.fieldFacts, factKey) ? tables.fieldFacts[factKey] : undefined;
    if (fact) usedFacts.add(factKey);
    applyValueFacts(field, zh, en, fact);
    if (field.enum) report.enumCount++;
    if (field.range || field.time || field.timeFormat) report.factCount = (report.factCount ?? 0) + 1;
    // Besides the tag, the CN SDK sometimes only says so in the first words of the description.
    if (deprecatedTag || /^(【本字段已废弃|已废弃)/.test(zh ?? '')) field.deprecated = true;
    if (isSensitiveField(f.name)) field.sensitive = true;
    report.fieldCount++;
    return field;
  };

  const structs: Record<string, StructInfo> = {};
  const visiting = new Set<string>();
  const collect = (fields: FieldInfo[], owner: string): void => {
    for (const f of fields) {
      let t = f.type;
      while (t.kind === 'array') t = t.items!;
      if (t.kind !== 'object') continue;
      const name = t.struct!;
      if (structs[name]) continue;
      if (visiting.has(name)) throw new Error(`structure ${name} contains itself (via ${owner}.${f.name})`);
      visiting.add(name);
      const c = cn.models.get(name);
      const i = intl.models.get(name);
      const info: StructInfo = {
        name,
        description: text(i ? cleanDoc(i.doc) : undefined, c ? cleanDoc(c.doc) : undefined),
        fields: mergeFields(name),
      };
      collect(info.fields, name);
      structs[name] = info;
      visiting.delete(name);
    }
  };

  const names = [...new Set([...cn.actions.keys(), ...intl.actions.keys()])].sort();
  const placed = new Set(tables.placedActions);
  const actions: ActionInfo[] = [];
  const missingSummaries: string[] = [];
  for (const name of names) {
    const c = cn.actions.get(name);
    const i = intl.actions.get(name);
    const availability: Availability = c && (i || tables.intlAlsoOffers.includes(name)) ? 'both' : c ? 'cn' : 'intl';
    const sdkAction = (c ?? i)!;
    if (c && i && (c.input !== i.input || c.output !== i.output)) {
      throw new Error(`${name}: the SDKs disagree on its models (${c.input}/${c.output} vs ${i.input}/${i.output})`);
    }
    if (!c && !intl.models.get(sdkAction.input)?.requiredKnown && !tables.intlOnlyRequired[sdkAction.input]) {
      throw new Error(
        `${name} is only in the international SDK, whose models carry no required flags; ` +
          `list the required members of ${sdkAction.input} in INTL_ONLY_REQUIRED (src/core/catalog/wireTypes.ts)`,
      );
    }
    // Rules name top-level parameters `<Action>Request.Field`, and validation walks them so.
    if (sdkAction.input !== `${name}Request`) throw new Error(`${name}: its parameters are ${sdkAction.input}, not ${name}Request`);
    const summary = Object.hasOwn(tables.summaries, name) ? tables.summaries[name] : undefined;
    if (!summary) {
      missingSummaries.push(name);
      continue;
    }
    let category = tables.categoryOf(name);
    if (!category) {
      report.warnings.push(`${name}: no category in src/core/catalog/categories.ts; placed in "${FALLBACK_CATEGORY}"`);
      category = FALLBACK_CATEGORY;
    }
    const zhDoc = c ? cleanDoc(c.doc) : undefined;
    const enDoc = i ? cleanDoc(i.doc) : undefined;
    // Besides a @deprecated tag, a retired action may only say so in the first line of its
    // description (DescribeTRTCMarketScaleMetricData: the monitoring source behind it went offline).
    const deprecated =
      sdkAction.deprecated || Boolean(c?.deprecated) || RETIRED.test(firstLine(zhDoc)) || RETIRED.test(firstLine(enDoc));
    const kind = classifyAction(name);
    if (!kind.known) report.warnings.push(`${name}: verb not covered by src/core/catalog/verbs.ts; neither read-only nor destructive`);
    const twinName = name.endsWith('ByStrRoomId') ? name.slice(0, -'ByStrRoomId'.length) : `${name}ByStrRoomId`;
    const input = mergeFields(sdkAction.input);
    const output = mergeFields(sdkAction.output);
    collect(input, sdkAction.input);
    collect(output, sdkAction.output);
    const action: ActionInfo = {
      name,
      category,
      summary: { en: summary.en, zh: summary.zh },
      title: text(enDoc ? firstSentence(enDoc) : undefined, zhDoc ? firstSentence(zhDoc) : undefined),
      description: text(enDoc, zhDoc),
      availability,
      input,
      output,
      docUrl: {},
      version: VERSION,
    };
    if (deprecated) action.deprecated = true;
    if (kind.readOnly) action.readOnly = true;
    if (kind.destructive) action.destructive = true;
    if (names.includes(twinName)) action.twin = twinName;
    const regions = Object.hasOwn(tables.regionFacts, name) ? tables.regionFacts[name] : undefined;
    if (regions) action.regions = [...regions.regions].sort();
    const rate = Object.hasOwn(tables.rateFacts, name) ? tables.rateFacts[name] : undefined;
    if (rate) action.rateLimitPerSecond = rate.perSecond;
    if (availability !== 'intl') {
      action.docUrl.cn = `https://console.cloud.tencent.com/api/explorer?Product=${SERVICE}&Version=${VERSION}&Action=${name}`;
    }
    if (availability !== 'cn') {
      action.docUrl.intl = `https://console.tencentcloud.com/api/explorer?Product=${SERVICE}&Version=${VERSION}&Action=${name}`;
    }
    actions.push(action);
  }
  if (missingSummaries.length) {
    throw new Error(
      `no summary for ${missingSummaries.length} action(s) in src/core/catalog/summaries.ts: ${missingSummaries.join(', ')}. ` +
        'Add an { en, zh } entry for each to ACTION_SUMMARIES.',
    );
  }
  for (const p of placed) {
    if (!names.includes(p)) report.warnings.push(`categories.ts places ${p}, which neither SDK has any more`);
  }
  for (const key of Object.keys(tables.wireTypes)) {
    if (!usedOverrides.has(key)) throw new Error(`wireTypes.ts: ${key} does not match any field the SDKs declare`);
  }
  for (const key of Object.keys(tables.fieldFacts)) {
    if (!usedFacts.has(key)) throw new Error(`rules/fieldFacts.ts: ${key} does not match any field the SDKs declare`);
  }
  for (const table of ['regionFacts', 'rateFacts'] as const) {
    for (const key of Object.keys(tables[table])) {
      if (!names.includes(key)) throw new Error(`rules/actionFacts.ts: ${table} names ${key}, which neither SDK has`);
    }
  }
  return {
    service: SERVICE,
    version: VERSION,
    sdk: { cn: cn.version, intl: intl.version },
    categories: CATEGORIES.map((c) => ({ ...c })),
    actions,
    structs: Object.fromEntries(Object.keys(structs).sort().map((k) => [k, structs[k]!])),
  };
}

function firstLine(s: string | undefined): string {
  return (s ?? '').split('\n')[0] ?? '';
}

/**
 * The text of generated/catalog.json: compact JSON, which esbuild.mjs copies beside the bundles and
 * `getCatalog()` reads and parses on first use.
 */
export function renderCatalog(catalog: Catalog): string {
  return JSON.stringify(catalog);
}

function main(): void {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 && args[outIndex + 1] ? path.resolve(args[outIndex + 1]!) : path.join(repoRoot, 'generated/catalog.json');
  const quiet = args.includes('--quiet');
  const where = locateSdks();
  const cn = readCnSdk(where.cn.dir, where.cn.version);
  const intl = readIntlSdk(where.intl.dir, where.intl.version);
  applySupplement(cn, intl);
  const report: GenerateReport = { warnings: [], enumCount: 0, fieldCount: 0 };
  const catalog = buildCatalog(cn, intl, report);
  const text = renderCatalog(catalog);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  // The index `list` reads instead of the whole catalog, beside it: catalog.json → catalog-index.json.
  fs.writeFileSync(out.replace(/(\.json)?$/, '-index.json'), JSON.stringify(indexOfCatalog(catalog)));
  for (const w of report.warnings) process.stderr.write(`catalog: warning: ${w}\n`);
  if (!quiet) {
    process.stdout.write(
      `catalog: ${catalog.actions.length} actions, ${Object.keys(catalog.structs).length} structures, ` +
        `${report.fieldCount} fields, ${report.enumCount} enumerations, ${report.factCount ?? 0} ranges or time facts, ` +
        `${Buffer.byteLength(text)} bytes of JSON ` +
        `(SDKs ${catalog.sdk.cn} / ${catalog.sdk.intl}) → ${path.relative(repoRoot, out)}\n`,
    );
  }
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`catalog: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
