import type { FieldView, IssueView, StructView, TypeView } from '../../shared/requestProtocol';
import type { PathSeg } from './fieldPath';

/* The rows of the form as `FormModel.buildTree` computes them and `FormView` renders them. */

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

/** What every row has. */
export interface NodeBase {
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
