/**
 * The shape of the TRTC API catalog: every action of `trtc` 2019-07-22 with its parameters, as the
 * generator (`scripts/catalog/generate.ts`) derives it from the official SDK packages at build time.
 * Optional members are left out of the generated JSON when they are empty or false, so the shipped
 * data stays small.
 */

/** A text in the languages the SDKs provide it: English from the international SDK, Chinese from the CN SDK. */
export interface LocalizedText {
  en?: string;
  zh?: string;
}

/** The JSON shape of a value; `date` is a string holding a calendar day (`YYYY-MM-DD`). */
export type FieldKind = 'string' | 'integer' | 'float' | 'boolean' | 'date' | 'object' | 'array';

/** How many bits an integer has on the wire, which bounds the values the API accepts. */
export type IntegerWidth = 'uint64' | 'int64' | 'uint32' | 'int32';

/** The wire type of a parameter or of an array element. */
export interface FieldType {
  kind: FieldKind;
  /** Integers only. The generator always sets it; most TRTC integers are `uint64`. */
  width?: IntegerWidth;
  /** Objects only: the name of the structure in {@link Catalog.structs}. */
  struct?: string;
  /** Arrays only: the type of each element. */
  items?: FieldType;
}

/** One allowed value of an enumerated parameter, with what it means when the SDK says so. */
export interface EnumValue {
  value: string | number;
  label?: LocalizedText;
}

/**
 * The numbers a parameter may hold, as the documentation states them. Bounds are inclusive; a
 * bound the documentation leaves open (`(0, 10]`) is left out rather than guessed.
 */
export interface NumberRange {
  min?: number;
  max?: number;
  /** Values inside the bounds that are still refused (PayloadType 244, which Tencent reserves). */
  except?: number[];
  /** Values outside the bounds that are also accepted (PassThrough PayloadType 5). */
  also?: number[];
}

/** How an integer parameter holds a moment: Unix seconds or Unix milliseconds. */
export type UnixTimeUnit = 'unix-s' | 'unix-ms';

/** The layout of a moment written as text, when the documentation fixes one. */
export type TimeTextFormat = 'YYYY-MM-DD' | 'YYYY-MM-DD HH:mm' | 'YYYY-MM-DD HH:mm:ss';

/** A parameter of a request, a member of a response, or a member of a nested structure. */
export interface FieldInfo {
  name: string;
  type: FieldType;
  /** Inputs only: the API rejects a request without it. Response members are never marked required. */
  required?: boolean;
  description: LocalizedText;
  /**
   * The allowed values: listed unambiguously in the SDK's description, or written down by us with
   * their source (`src/core/catalog/rules/fieldFacts.ts`). Forms show them as a dropdown.
   */
  enum?: EnumValue[];
  /** A yes/no integer: {@link enum} holds exactly 0 and 1, each labelled in both languages. */
  flag?: boolean;
  /** Numbers only: the documented bounds, enforced by validation and respected by sample values. */
  range?: NumberRange;
  /** Integers holding a moment, so a form can show it as a date and catch seconds given as milliseconds. */
  time?: UnixTimeUnit;
  /** Strings holding a moment in a fixed layout, checked by validation and offered a date picker. */
  timeFormat?: TimeTextFormat;
  deprecated?: boolean;
  /** The value is a credential: it is kept out of history, collections, exports and logs. */
  sensitive?: boolean;
}

/** A named data structure shared between actions, stored once in {@link Catalog.structs}. */
export interface StructInfo {
  name: string;
  description: LocalizedText;
  fields: FieldInfo[];
}

/** Where an action can be called: both sites, only the Chinese site, or only the international site. */
export type Availability = 'both' | 'cn' | 'intl';

/** A group of actions as the tree shows them. */
export interface CategoryInfo {
  key: string;
  en: string;
  zh: string;
}

/** Everything the explorer knows about one API action. */
export interface ActionInfo {
  name: string;
  /** Key of a {@link CategoryInfo}. */
  category: string;
  /** Our own one-line summary, in both languages. */
  summary: { en: string; zh: string };
  /** The SDK's first sentence about the action. */
  title: LocalizedText;
  /** The SDK's full description, HTML removed. */
  description: LocalizedText;
  availability: Availability;
  deprecated?: boolean;
  /** Only reads data (Describe*, Query*); safe to run without confirmation. */
  readOnly?: boolean;
  /** Changes or ends something that already exists (Delete*, Stop*, Modify*...); worth a confirmation. */
  destructive?: boolean;
  /** The same operation for the other kind of room id (numeric ↔ string). */
  twin?: string;
  /**
   * The only regions the action runs in, when its documentation restricts them (the union of what
   * the Chinese and international sites list); absent when any region will do.
   */
  regions?: string[];
  /** Calls per second the documentation allows, for rate-limited runs; absent when it says nothing. */
  rateLimitPerSecond?: number;
  input: FieldInfo[];
  output: FieldInfo[];
  /** API Explorer pages that document and run the action on each site where it exists. */
  docUrl: { cn?: string; intl?: string };
  version: string;
}

/**
 * An action as lists show it (the command line's `list`): the part of {@link ActionInfo} that
 * the small index beside the catalog holds.
 */
export type ActionSummary = Pick<ActionInfo, 'name' | 'category' | 'summary' | 'availability' | 'deprecated' | 'readOnly' | 'destructive'>;

/** The index of the catalog: its categories and a summary of each action, without parameters. */
export interface CatalogIndex {
  service: string;
  version: string;
  sdk: { cn: string; intl: string };
  categories: CategoryInfo[];
  actions: ActionSummary[];
}

/** The whole generated catalog. */
export interface Catalog {
  service: string;
  version: string;
  /** Versions of the SDK packages the catalog was generated from. */
  sdk: { cn: string; intl: string };
  categories: CategoryInfo[];
  actions: ActionInfo[];
  structs: Record<string, StructInfo>;
}
