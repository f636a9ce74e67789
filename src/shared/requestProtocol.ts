import { z } from 'zod';

/*
 * The one message contract between the request panel's host side (src/editor/requests/requestPanel.ts)
 * and its page (src/pages/request). Both sides import this file. Messages from the page are untrusted
 * input: the host parses every one with `fromWebviewSchema` before acting on it.
 *
 * Parameters cross the boundary as JSON text, never as objects: postMessage's structured clone
 * would turn a 20-digit integer into a rounded double, and the API needs the exact digits.
 */

/** How a field's value is typed on the wire, as the form needs it. */
export type FieldKind = 'string' | 'integer' | 'float' | 'boolean' | 'date' | 'object' | 'array';

/** One value type: a scalar, a struct reference, or an array of another type. */
export interface TypeView {
  kind: FieldKind;
  /** Integer width such as `uint64`, `int64`. */
  width?: string;
  /** Struct name for `object`, and for arrays of objects via `items`. */
  struct?: string;
  items?: TypeView;
  /** Short readable type such as `uint64`, `string[]`, `MixLayout[]`. */
  label: string;
}

/** A field of a request structure, localized for display. */
export interface FieldView {
  name: string;
  type: TypeView;
  required: boolean;
  description?: string;
  enumValues?: Array<{ value: string | number; label?: string }>;
  deprecated?: boolean;
  /** Holds a credential of its own (storage keys, UserSig): shown as a password input. */
  sensitive?: boolean;
  /** The description exists only in Chinese although the form is in English: the page marks it. */
  descriptionZhOnly?: boolean;
  /** An integer holding a Unix time: the page shows it as local and UTC time and offers quick values. */
  time?: 'unix-s' | 'unix-ms';
  /** A moment written as text in a fixed layout; `YYYY-MM-DD` gets a date picker. */
  timeFormat?: 'YYYY-MM-DD' | 'YYYY-MM-DD HH:mm' | 'YYYY-MM-DD HH:mm:ss';
}

/** A named structure, referenced by `TypeView.struct`. */
export interface StructView {
  name: string;
  fields: FieldView[];
}

/** What the form is generated from. */
export interface ActionView {
  name: string;
  title: string;
  summary: string;
  description: string;
  category: string;
  docUrl: string;
  version: string;
  readOnly: boolean;
  destructive: boolean;
  /** The numeric-room or string-room counterpart, when there is one. */
  twin?: string;
  fields: FieldView[];
  structs: Record<string, StructView>;
}

/** A selectable profile: never any key material. */
export interface ProfileOption {
  name: string;
  production: boolean;
  temporary: boolean;
  maskedSecretId: string;
}

/** Choices the panel's toolbar offers, with the current selection. */
export interface RequestOptions {
  profile: string;
  region: string;
  signMethod: 'TC3-HMAC-SHA256' | 'HmacSHA256' | 'HmacSHA1';
  httpMethod: 'POST' | 'GET';
  language: 'zh-CN' | 'en-US';
}

/** A validation problem at a field path such as `Layout.MixVideoUids[2]`. */
export interface IssueView {
  path: string;
  code: string;
  /** In the editor's language. */
  message: string;
  suggestion?: string;
  /** What to do about it, in the editor's language. */
  fix?: string;
}

/** The outcome line shown in the panel's header after a call. */
export interface ResultSummary {
  outcome: 'ok' | 'api-error' | 'failed' | 'cancelled';
  httpStatus?: number;
  latencyMs?: number;
  requestId?: string;
  errorCode?: string;
  message?: string;
  /** The catalog's explanation and next step for an API error code. */
  explanation?: string;
  nextStep?: string;
  /** True when the error concerns the signature or credentials: the page offers the debugger. */
  signatureRelated?: boolean;
  sandbox: boolean;
  /** Not sent because of values the user never typed: the fields, and why. */
  refused?: { missing: string[]; samples: string[] };
  /** The answer is JSON the result view can show as a table or chart. */
  viewable?: boolean;
}

/** Where the request goes, shown above the toolbar. */
export interface TargetView {
  method: 'POST' | 'GET';
  url: string;
  region: string;
  /** The profile's name as shown, or the sandbox's. */
  profile: string;
  sandbox: boolean;
  /** The endpoint is one of Tencent Cloud's own hosts. */
  tencent: boolean;
  /** A non-Tencent endpoint the user trusted on this machine. */
  trusted: boolean;
}

/** Everything the page needs to render, sent in answer to `ready`. */
export interface InitData {
  action: ActionView;
  /** JSON text of the parameters to start from: last used, restored state, or a skeleton. */
  paramsText: string;
  options: RequestOptions;
  profiles: ProfileOption[];
  regions: Array<{ id: string; label: string }>;
  /** Localized UI strings, keyed by their English text. */
  strings: Record<string, string>;
  /** Display language of the editor, for number and date formatting. */
  locale: string;
  /** Where the request goes. */
  target: TargetView;
  /** Sample values in `paramsText` the host filled in and nobody edited yet: path → compact JSON. */
  samples?: Record<string, string>;
}

/** Messages the host sends to the page. */
export type ToWebview =
  | { type: 'init'; data: InitData }
  | { type: 'validation'; paramsText: string; issues: IssueView[] }
  | { type: 'sending' }
  | { type: 'result'; summary: ResultSummary }
  | { type: 'profiles'; profiles: ProfileOption[]; selected: string }
  | { type: 'setParams'; paramsText: string }
  /** Fill required / Fill all: sample values, each leaf listed in `samples` (path → compact JSON). */
  | { type: 'skeleton'; paramsText: string; samples: Record<string, string> }
  /** The target line changed (profile, region, method or endpoint). */
  | { type: 'target'; target: TargetView }
  /** A status line for the form, such as where a request was saved. */
  | { type: 'status'; message: string };

const optionsSchema = z.object({
  profile: z.string().max(200),
  region: z.string().max(64),
  signMethod: z.enum(['TC3-HMAC-SHA256', 'HmacSHA256', 'HmacSHA1']),
  httpMethod: z.enum(['POST', 'GET']),
  language: z.enum(['zh-CN', 'en-US']),
});

// Ten megabytes is the largest body the API accepts (TC3 POST); anything beyond is refused here.
const paramsText = z.string().max(10 * 1024 * 1024);

/** Messages the page sends to the host, validated on arrival. */
export const fromWebviewSchema = z.discriminatedUnion('type', [
  /** The page has loaded and asks for its data. */
  z.object({ type: z.literal('ready') }),
  /** The parameters changed: the host validates them and remembers them for this action. */
  z.object({ type: z.literal('paramsChanged'), paramsText }),
  /** The toolbar's choices changed. */
  z.object({ type: z.literal('optionsChanged'), options: optionsSchema }),
  /** Send the request with these parameters and options. */
  z.object({ type: z.literal('send'), paramsText, options: optionsSchema }),
  /** Cancel the request in flight. */
  z.object({ type: z.literal('cancel') }),
  /** Replace the parameters with a skeleton (required fields, or all). */
  z.object({ type: z.literal('skeleton'), all: z.boolean() }),
  /** The user clicked "Keep samples": the sample values now count as typed. */
  z.object({ type: z.literal('keepSamples') }),
  /** Host-side actions the page's buttons trigger. */
  z.object({
    type: z.literal('command'),
    command: z.enum(['openDocs', 'showSignature', 'debugSignature', 'copyRequestId', 'exportCode', 'saveToCollection', 'quickSave', 'openTwin', 'addProfile', 'showResult', 'showTable', 'showChart']),
    paramsText: paramsText.optional(),
    options: optionsSchema.optional(),
  }),
]);

/** A message from the page, after validation. */
export type FromWebview = z.infer<typeof fromWebviewSchema>;

/** The state the page keeps with `setState`, restored after a reload by the panel serializer. */
export const panelStateSchema = z.object({
  action: z.string().max(200),
  paramsText: paramsText.optional(),
  options: optionsSchema.partial().optional(),
  mode: z.enum(['form', 'json']).optional(),
  requiredOnly: z.boolean().optional(),
  /** Paths of fields the user has touched: their problems show after a reload too. */
  touched: z.array(z.string().max(1000)).max(5000).optional(),
  /** Sample values not edited yet (path → compact JSON), so they stay samples after a reload. */
  samples: z.record(z.string().max(1000), z.string().max(100_000)).optional(),
});

/** The page's persisted state. */
export type PanelState = z.infer<typeof panelStateSchema>;
