import type { ActionView, FieldView, TypeView } from '../../shared/requestProtocol';
import { formatPath, type PathSeg } from './fieldPath';
import type { ArrayNode, ControlKind, FormNode, RawNode, StructNode, TreeOptions } from './formTypes';
import { compactJson, isJsonObject, parseParams, serializeParams, type Json, type JsonObject, type JsonTextError } from './paramsJson';
import { scalarControl, scalarFromText } from './scalarControls';

/*
 * The form's model, free of any DOM so it runs under plain Node in unit tests.
 *
 * The JSON value itself is the single source of truth: the form is a view computed from it
 * (`buildTree`), and every edit in the form is an operation on it (`setText`, `addItem`, ...).
 * That keeps the form and the JSON editor in sync by construction, and keeps whatever the form
 * cannot show (unknown keys, values of the wrong shape) in the JSON untouched.
 */

export type { ArrayNode, Choice, ControlKind, FormNode, PlacedIssues, RawNode, ScalarNode, StructNode, TreeOptions } from './formTypes';
export { scalarFromText } from './scalarControls';
export { placeIssues, unknownKeys, walkTree } from './treeWalk';

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
