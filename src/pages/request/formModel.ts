import type { ActionView, FieldView, IssueView, StructView, TypeView } from '../../shared/requestProtocol';
import { formatPath, normalizePath, type PathSeg } from './fieldPath';
import {
  compactJson,
  isJsonNumber,
  isJsonObject,
  isNumberLiteral,
  numberValue,
  parseParams,
  serializeParams,
  type Json,
  type JsonObject,
  type JsonTextError,
} from './paramsJson';

/*
 * The form's model, free of any DOM so it runs under plain Node in unit tests.
 *
 * The JSON value itself is the single source of truth: the form is a view computed from it
 * (`buildTree`), and every edit in the form is an operation on it (`setText`, `addItem`, ...).
 * That keeps the form and the JSON editor in sync by construction, and keeps whatever the form
 * cannot show (unknown keys, values of the wrong shape) in the JSON untouched.
 */

/** How a scalar input is rendered. */
export type ControlKind = 'text' | 'password' | 'integer' | 'float' | 'date' | 'boolean' | 'enum';

/** One entry of a select control; `value` is the JSON text of the value it stands for. */
export interface Choice {
  value: string;
  /** The catalog's meaning of an enumerated value, if it has one. */
  label?: string;
  /** The current value is not one of the listed choices but is kept and shown anyway. */
  unlisted?: boolean;
}

interface NodeBase {
  /** The path as validation issues spell it, and the key of the rendered element. */
  path: string;
  segs: PathSeg[];
  /** What the row is called: the member name, or `[i]` for an array item. */
  label: string;
  /** The member's definition; absent for array items and unknown keys. */
  field?: FieldView;
  type: TypeView;
  required: boolean;
  /** The value exists in the JSON (an absent required struct is still shown, but not present). */
  present: boolean;
  /** An item of an array: it can be moved or removed, and it cannot be left unset. */
  inArray: boolean;
}

/** A single input: string, number, date, boolean or enumerated value. */
export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  control: ControlKind;
  /** What the input shows: the raw string or digits, or for selects the JSON text of the value. */
  text: string;
  choices?: Choice[];
}

/** A nested structure: a collapsible group of member rows. */
export interface StructNode extends NodeBase {
  kind: 'struct';
  /** The struct definition; undefined when the catalog does not describe it. */
  struct?: StructView;
  children: FormNode[];
  /** Optional members hidden by the "required only" filter. */
  hiddenCount: number;
}

/** An array of scalars or of structs, with add, remove and reorder. */
export interface ArrayNode extends NodeBase {
  kind: 'array';
  itemType: TypeView;
  items: FormNode[];
}

/** A value the form cannot edit, kept in the JSON and flagged: an unknown key or a wrongly shaped value. */
export interface RawNode extends NodeBase {
  kind: 'raw';
  reason: 'unknown-key' | 'wrong-shape';
  json: string;
}

/** Any row of the form. */
export type FormNode = ScalarNode | StructNode | ArrayNode | RawNode;

/** Options that change which rows the tree contains. */
export interface TreeOptions {
  /** Hide optional and deprecated members that have no value. */
  requiredOnly?: boolean;
  /** Paths that stay visible under `requiredOnly` even when unset: rows the user is editing. */
  keep?: ReadonlySet<string>;
}

/** Issues sorted onto the rows that show them; the rest are listed at the top of the form. */
export interface PlacedIssues {
  byPath: Map<string, IssueView[]>;
  unplaced: IssueView[];
}

const ROOT_TYPE: TypeView = { kind: 'object', label: 'object' };

/** Deep structures are rendered at most this far when nothing in the JSON goes deeper. */
const MAX_EMPTY_DEPTH = 12;

/** The parameters of one action as an editable value, with the edits the form performs. */
export class FormModel {
  /** The current parameters; replaced wholesale when valid JSON is typed in the JSON editor. */
  root: JsonObject;

  constructor(
    readonly action: ActionView,
    root: JsonObject = {},
  ) {
    this.root = root;
  }

  /** A model from JSON text, or the position of the error that prevents it. */
  static fromText(action: ActionView, text: string): { model: FormModel } | { error: JsonTextError } {
    const parsed = parseParams(text);
    return parsed.ok ? { model: new FormModel(action, parsed.value) } : { error: parsed.error };
  }

  /** The pretty JSON text the form writes after every edit. */
  text(): string {
    return serializeParams(this.root);
  }

  /** The value at a path, or undefined when it is absent. */
  get(segs: readonly PathSeg[]): Json | undefined {
    let cur: Json | undefined = this.root;
    for (const seg of segs) {
      if (typeof seg === 'number') {
        cur = Array.isArray(cur) ? cur[seg] : undefined;
      } else {
        cur = isJsonObject(cur) && Object.hasOwn(cur, seg) ? cur[seg] : undefined;
      }
      if (cur === undefined) {
        return undefined;
      }
    }
    return cur;
  }

  /** The declared type at a path, following struct references and array items; undefined if unknown. */
  typeAt(segs: readonly PathSeg[]): TypeView | undefined {
    let type: TypeView = ROOT_TYPE;
    for (const seg of segs) {
      if (typeof seg === 'number') {
        if (type.kind !== 'array' || !type.items) {
          return undefined;
        }
        type = type.items;
      } else {
        const field = this.membersOf(type)?.find((f) => f.name === seg);
        if (!field) {
          return undefined;
        }
        type = field.type;
      }
    }
    return type;
  }

  /** The member definition at a path (for array items, the array's member). */
  fieldAt(segs: readonly PathSeg[]): FieldView | undefined {
    let last = segs.length - 1;
    while (last >= 0 && typeof segs[last] === 'number') {
      last--;
    }
    if (last < 0) {
      return undefined;
    }
    const parent = this.typeAt(segs.slice(0, last));
    return parent ? this.membersOf(parent)?.find((f) => f.name === segs[last]) : undefined;
  }

  /**
   * Stores a value at a path, creating the enclosing objects when they are missing; a new member
   * is placed in the struct's declared order so the JSON reads like the form. Returns false when
   * something in the way is not an object or an array item is out of range.
   */
  set(segs: readonly PathSeg[], value: Json): boolean {
    if (segs.length === 0) {
      if (!isJsonObject(value)) {
        return false;
      }
      this.root = value;
      return true;
    }
    let container: Json = this.root;
    for (let i = 0; i < segs.length - 1; i++) {
      const seg = segs[i];
      let next: Json | undefined = childOf(container, seg);
      if (next === undefined) {
        if (typeof seg === 'number' || !isJsonObject(container)) {
          return false;
        }
        next = typeof segs[i + 1] === 'number' ? [] : {};
        this.insertMember(container, segs.slice(0, i), seg, next);
      }
      container = next;
    }
    const last = segs[segs.length - 1];
    if (typeof last === 'number') {
      if (!Array.isArray(container) || last < 0 || last > container.length) {
        return false;
      }
      container[last] = value;
      return true;
    }
    if (!isJsonObject(container)) {
      return false;
    }
    if (Object.hasOwn(container, last)) {
      container[last] = value;
    } else {
      this.insertMember(container, segs.slice(0, -1), last, value);
    }
    return true;
  }

  /** Removes a member (leaving it unset) or an array item (closing the gap). */
  unset(segs: readonly PathSeg[]): boolean {
    if (segs.length === 0) {
      return false;
    }
    const container = this.get(segs.slice(0, -1));
    const last = segs[segs.length - 1];
    if (typeof last === 'number') {
      if (!Array.isArray(container) || last < 0 || last >= container.length) {
        return false;
      }
      container.splice(last, 1);
      return true;
    }
    if (!isJsonObject(container) || !Object.hasOwn(container, last)) {
      return false;
    }
    delete container[last];
    return true;
  }

  /**
   * Applies what the user typed or picked in a scalar input. Numbers that are valid JSON number
   * literals are stored with exactly the typed digits; anything else typed into a number input is
   * stored as a string so the JSON still shows it and the validator can explain the problem.
   * Clearing a number, date or select unsets an optional member (or stores null in an array,
   * which has no holes); an empty string typed into a text input is kept.
   */
  setText(segs: readonly PathSeg[], control: ControlKind, text: string): boolean {
    const inArray = typeof segs[segs.length - 1] === 'number';
    const value = scalarFromText(control, text);
    if (value === undefined) {
      return inArray ? this.set(segs, null) : this.unset(segs) || this.get(segs) === undefined;
    }
    return this.set(segs, value);
  }

  /** Starts an optional struct: an empty object, with its required nested structs started too. */
  addStruct(segs: readonly PathSeg[]): boolean {
    const type = this.typeAt(segs);
    return this.set(segs, type ? this.emptyValue(type, new Set()) ?? {} : {});
  }

  /** Appends an item to an array (creating the array when unset); returns the new item's index. */
  addItem(segs: readonly PathSeg[]): number | undefined {
    const type = this.typeAt(segs);
    const item = type?.items ? this.emptyValue(type.items, new Set()) ?? null : null;
    const current = this.get(segs);
    if (current === undefined) {
      return this.set(segs, [item]) ? 0 : undefined;
    }
    if (!Array.isArray(current)) {
      return undefined;
    }
    current.push(item);
    return current.length - 1;
  }

  /** Moves an array item up (-1) or down (+1); returns its new index, undefined at the ends. */
  moveItem(segs: readonly PathSeg[], delta: number): number | undefined {
    const index = segs[segs.length - 1];
    const list = this.get(segs.slice(0, -1));
    if (typeof index !== 'number' || !Array.isArray(list)) {
      return undefined;
    }
    const target = index + delta;
    if (target < 0 || target >= list.length || index < 0 || index >= list.length) {
      return undefined;
    }
    const [item] = list.splice(index, 1);
    list.splice(target, 0, item);
    return target;
  }

  /** Renames a member in place (used to accept a "did you mean" suggestion for an unknown key). */
  renameKey(segs: readonly PathSeg[], newName: string): boolean {
    const last = segs[segs.length - 1];
    const container = this.get(segs.slice(0, -1));
    if (typeof last !== 'string' || !isJsonObject(container) || !Object.hasOwn(container, last)) {
      return false;
    }
    if (last === newName || Object.hasOwn(container, newName)) {
      return false;
    }
    const entries = Object.entries(container);
    for (const [k] of entries) {
      delete container[k];
    }
    for (const [k, v] of entries) {
      container[k === last ? newName : k] = v;
    }
    return true;
  }

  /** The rows of the form, computed from the schema and the current value. */
  buildTree(options: TreeOptions = {}): StructNode {
    const root: StructNode = {
      kind: 'struct',
      path: '',
      segs: [],
      label: this.action.name,
      type: ROOT_TYPE,
      required: true,
      present: true,
      inArray: false,
      children: [],
      hiddenCount: 0,
    };
    this.fillMembers(root, this.action.fields, this.root, options, [], 0);
    return root;
  }

  private membersOf(type: TypeView): FieldView[] | undefined {
    if (type === ROOT_TYPE) {
      return this.action.fields;
    }
    if (type.kind === 'object' && type.struct) {
      return this.action.structs[type.struct]?.fields;
    }
    return undefined;
  }

  /** A new member goes before the first existing member that the schema declares after it. */
  private insertMember(container: JsonObject, parentSegs: readonly PathSeg[], key: string, value: Json): void {
    const parentType = parentSegs.length === 0 ? ROOT_TYPE : this.typeAt(parentSegs);
    const order = parentType ? this.membersOf(parentType)?.map((f) => f.name) : undefined;
    const rank = order?.indexOf(key) ?? -1;
    const keys = Object.keys(container);
    const before = rank < 0 ? -1 : keys.findIndex((k) => (order?.indexOf(k) ?? -1) > rank);
    if (before < 0) {
      container[key] = value;
      return;
    }
    const entries = Object.entries(container);
    for (const [k] of entries) {
      delete container[k];
    }
    entries.splice(before, 0, [key, value]);
    for (const [k, v] of entries) {
      container[k] = v;
    }
  }

  /** What a new item or struct starts as: structs with their required nested structs, scalars empty. */
  private emptyValue(type: TypeView, seen: Set<string>): Json | undefined {
    switch (type.kind) {
      case 'string':
      case 'date':
        return '';
      case 'array':
        return [];
      case 'object': {
        const out: JsonObject = {};
        const struct = type.struct ? this.action.structs[type.struct] : undefined;
        if (!struct || seen.has(struct.name)) {
          return out;
        }
        const inner = new Set(seen).add(struct.name);
        for (const f of struct.fields) {
          if (f.required && f.type.kind === 'object') {
            out[f.name] = this.emptyValue(f.type, inner) ?? {};
          }
        }
        return out;
      }
      default:
        return undefined;
    }
  }

  private fillMembers(
    node: StructNode,
    fields: readonly FieldView[],
    value: JsonObject | undefined,
    options: TreeOptions,
    ancestors: string[],
    depth: number,
  ): void {
    const known = new Set<string>();
    for (const field of fields) {
      known.add(field.name);
      const present = value !== undefined && Object.hasOwn(value, field.name);
      const segs = [...node.segs, field.name];
      if (!present && options.requiredOnly && (!field.required || field.deprecated) && !options.keep?.has(formatPath(segs))) {
        node.hiddenCount++;
        continue;
      }
      node.children.push(
        this.nodeFor(segs, field.name, field, field.type, present ? value[field.name] : undefined, field.required, false, options, ancestors, depth + 1),
      );
    }
    if (value) {
      for (const [key, v] of Object.entries(value)) {
        if (!known.has(key)) {
          const segs = [...node.segs, key];
          node.children.push(rawNode(segs, key, undefined, v, 'unknown-key', false));
        }
      }
    }
  }

  private nodeFor(
    segs: PathSeg[],
    label: string,
    field: FieldView | undefined,
    type: TypeView,
    value: Json | undefined,
    required: boolean,
    inArray: boolean,
    options: TreeOptions,
    ancestors: string[],
    depth: number,
  ): FormNode {
    const present = value !== undefined;
    const base = { path: formatPath(segs), segs, label, field, type, required, present, inArray };
    if (type.kind === 'object') {
      if (present && !isJsonObject(value)) {
        return rawNode(segs, label, field, value, 'wrong-shape', inArray, type, required);
      }
      const struct = type.struct ? this.action.structs[type.struct] : undefined;
      const node: StructNode = { ...base, kind: 'struct', struct, children: [], hiddenCount: 0 };
      // An absent struct is expanded only when required, and never into a struct it is already
      // inside of: a recursive definition would otherwise render forever.
      const expand = present || (required && struct !== undefined && !ancestors.includes(struct.name) && depth < MAX_EMPTY_DEPTH);
      if (struct && expand) {
        this.fillMembers(node, struct.fields, present ? (value as JsonObject) : undefined, options, [...ancestors, struct.name], depth);
      } else if (!struct && present) {
        // Without a definition every member is unknown, but it is still shown and kept.
        this.fillMembers(node, [], value as JsonObject, options, ancestors, depth);
      }
      return node;
    }
    if (type.kind === 'array') {
      if (present && !Array.isArray(value)) {
        return rawNode(segs, label, field, value, 'wrong-shape', inArray, type, required);
      }
      const itemType = type.items ?? { kind: 'string', label: 'string' };
      const node: ArrayNode = { ...base, kind: 'array', itemType, items: [] };
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          node.items.push(this.nodeFor([...segs, i], `[${i}]`, field, itemType, item, true, true, options, ancestors, depth + 1));
        });
      }
      return node;
    }
    if (value !== undefined && (Array.isArray(value) || isJsonObject(value))) {
      return rawNode(segs, label, field, value, 'wrong-shape', inArray, type, required);
    }
    return { ...base, kind: 'scalar', ...scalarControl(field, type, value) };
  }
}

function childOf(container: Json, seg: PathSeg): Json | undefined {
  if (typeof seg === 'number') {
    return Array.isArray(container) ? container[seg] : undefined;
  }
  return isJsonObject(container) && Object.hasOwn(container, seg) ? container[seg] : undefined;
}

function rawNode(
  segs: PathSeg[],
  label: string,
  field: FieldView | undefined,
  value: Json,
  reason: RawNode['reason'],
  inArray: boolean,
  type: TypeView = { kind: 'string', label: 'JSON' },
  required = false,
): RawNode {
  return { kind: 'raw', path: formatPath(segs), segs, label, field, type, required, present: true, inArray, reason, json: compactJson(value) };
}

/** The JSON text a select option stands for. */
function jsonText(value: Json): string {
  return compactJson(value);
}

/** The text a plain input shows for a scalar value. */
function inputText(value: Json | undefined): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if (isJsonNumber(value)) {
    return value.value;
  }
  return compactJson(value);
}

/** The choices of an enumerated member, typed the way its wire type needs them. */
function enumChoices(field: FieldView, type: TypeView): Choice[] {
  const numeric = type.kind === 'integer' || type.kind === 'float';
  return (field.enumValues ?? []).map((e) => {
    const raw = String(e.value);
    const value = numeric && isNumberLiteral(raw) ? raw : JSON.stringify(raw);
    return e.label ? { value, label: e.label } : { value };
  });
}

function scalarControl(field: FieldView | undefined, type: TypeView, value: Json | undefined): Pick<ScalarNode, 'control' | 'text' | 'choices'> {
  const current = value === undefined || value === null ? '' : jsonText(value);
  const withCurrent = (choices: Choice[]): Choice[] =>
    current === '' || choices.some((c) => c.value === current) ? choices : [...choices, { value: current, unlisted: true }];
  if (field?.enumValues && field.enumValues.length > 0) {
    return { control: 'enum', text: current, choices: withCurrent(enumChoices(field, type)) };
  }
  switch (type.kind) {
    case 'boolean':
      return { control: 'boolean', text: current, choices: withCurrent([{ value: 'true' }, { value: 'false' }]) };
    case 'integer':
      return { control: 'integer', text: inputText(value) };
    case 'float':
      return { control: 'float', text: inputText(value) };
    case 'date': {
      // A date input cannot display a value that is not YYYY-MM-DD; such a value is shown as text.
      const text = inputText(value);
      const control = text === '' || /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'date' : 'text';
      return { control, text };
    }
    default: {
      const text = inputText(value);
      // A string holding a date (YYYY-MM-DD) gets the date picker, as long as its value fits one.
      if (field?.timeFormat === 'YYYY-MM-DD' && (text === '' || /^\d{4}-\d{2}-\d{2}$/.test(text))) {
        return { control: 'date', text };
      }
      return { control: field?.sensitive ? 'password' : 'text', text };
    }
  }
}

/**
 * Turns an input's text into the value stored in the JSON; undefined means "unset". Selects hold
 * the JSON text of their value, so their numbers and strings come back with the exact type.
 */
export function scalarFromText(control: ControlKind, text: string): Json | undefined {
  switch (control) {
    case 'text':
    case 'password':
      return text;
    case 'date':
      return text === '' ? undefined : text;
    case 'integer':
    case 'float': {
      const trimmed = text.trim();
      if (trimmed === '') {
        return undefined;
      }
      return isNumberLiteral(trimmed) ? numberValue(trimmed) : text;
    }
    case 'boolean':
    case 'enum': {
      if (text === '') {
        return undefined;
      }
      const parsed = parseParams(`{"v":${text}}`);
      return parsed.ok ? parsed.value.v : text;
    }
  }
}

/** Every row of a tree, depth first, for placing issues and finding inputs. */
export function* walkTree(node: FormNode): Generator<FormNode> {
  yield node;
  if (node.kind === 'struct') {
    for (const c of node.children) {
      yield* walkTree(c);
    }
  } else if (node.kind === 'array') {
    for (const c of node.items) {
      yield* walkTree(c);
    }
  }
}

/**
 * Sorts validation issues onto the rows that show them: an issue whose path names a rendered input
 * goes there; everything else (unknown keys, rows hidden by the filter, the request as a whole) is
 * listed at the top of the form.
 */
export function placeIssues(tree: StructNode, issues: readonly IssueView[]): PlacedIssues {
  // Unknown keys are listed at the top (with their "did you mean"), not at their flagged row:
  // the row has no input to fix them in.
  const rows = new Set<string>();
  for (const node of walkTree(tree)) {
    if (node.path !== '' && !(node.kind === 'raw' && node.reason === 'unknown-key')) {
      rows.add(node.path);
    }
  }
  const byPath = new Map<string, IssueView[]>();
  const unplaced: IssueView[] = [];
  for (const issue of issues) {
    const path = normalizePath(issue.path);
    if (path !== undefined && rows.has(path)) {
      const list = byPath.get(path) ?? [];
      list.push(issue);
      byPath.set(path, list);
    } else {
      unplaced.push(issue);
    }
  }
  return { byPath, unplaced };
}

/** Paths of the unknown keys in a tree, for the note under the JSON editor. */
export function unknownKeys(tree: StructNode): string[] {
  const out: string[] = [];
  for (const node of walkTree(tree)) {
    if (node.kind === 'raw' && node.reason === 'unknown-key') {
      out.push(node.path);
    }
  }
  return out;
}
