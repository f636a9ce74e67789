import type { JsonObject, JsonValue } from '../json';
import { isSensitiveField, REDACTED, sensitiveStrings } from '../sensitive';
import { formatIssuePath } from './issuePath';
import { cloneJson } from './jsonValues';

/*
 * What happens to the credentials in saved requests: which values are literal secrets, how they are
 * swapped for {{Variable}} references, and how a save into an environment reuses its secret
 * variables. Requests are anything with `params`, so this module needs nothing of the collection
 * format, which calls it to refuse literal secrets in files.
 */

/** The part of an environment's variable definition a plan looks at. */
type VariableLike = { secret?: true };

/** Where a sensitive parameter holds a literal value rather than a `{{Variable}}` reference. */
export interface LiteralSecret {
  /** `params.StorageParams.CloudStorage.SecretKey`, `params.UserSigs[1]`. */
  path: string;
  /** The path below `params`, as segments. */
  segments: Array<string | number>;
  /** The sensitive member name that made this value sensitive. */
  field: string;
  /** True when the value is the `<redacted>` placeholder (for example, a request saved from history). */
  redacted: boolean;
}

/**
 * Finds the sensitive parameter values that are literals. A value is sensitive when it, or an object
 * or array above it, sits under a member that {@link isSensitiveField} flags; only non-empty strings
 * that are not a whole `{{Variable}}` reference count, as in `redactParams`, which walks the same way.
 */
export function findLiteralSecrets(params: JsonObject): LiteralSecret[] {
  return sensitiveStrings(params)
    .filter((s) => !s.reference)
    .map((s) => ({ path: formatIssuePath(['params', ...s.path]), segments: s.path, field: s.field, redacted: s.value === REDACTED }));
}

/** What a collection check says about a literal secret it found: why it is refused and what to write instead. */
export function literalSecretMessage(s: LiteralSecret): string {
  const suggestion = `{{${variableNameFor(s.field)}}}`;
  return s.redacted
    ? `holds the "${REDACTED}" placeholder; use a secret variable such as "${suggestion}" and store its value as a secret`
    : `holds a literal credential; collections never store credentials, so use a secret variable such as "${suggestion}" (extractSecrets does this)`;
}

function variableNameFor(field: string): string {
  const cleaned = field.replace(/[^\w.-]/g, '_');
  return cleaned === '' ? 'Secret' : cleaned;
}

/** A secret taken out of a request: the variable that now stands for it, and the value to store. */
export interface ExtractedSecret {
  /** The variable name used in the request, such as `SecretKey` or `UserSig_2`. */
  name: string;
  /** Where it was, such as `params.StorageParams.CloudStorage.SecretKey`. */
  path: string;
  /** The value to store as a secret; undefined when the request only held the `<redacted>` placeholder. */
  value?: string;
}

/** Shared state for {@link extractSecrets} across several requests (one import), so names stay unique. */
export interface SecretNaming {
  /** Variable names already in use for other values. */
  taken: Set<string>;
  /** `field + value` → the variable name already chosen for that value. */
  byValue: Map<string, string>;
}

/**
 * Replaces every literal sensitive parameter with a `{{Variable}}` reference, so the request can be
 * saved, and returns the values for the caller to put in secret storage. The same value under the
 * same member name shares one variable. `naming` carries names across calls; `taken` alone lists
 * names already used elsewhere (for example, existing environment variables).
 */
export function extractSecrets<R extends { params: JsonObject }>(
  request: R,
  options: { taken?: Iterable<string>; naming?: SecretNaming } = {},
): { request: R; secrets: ExtractedSecret[] } {
  const found = findLiteralSecrets(request.params);
  if (found.length === 0) {
    return { request, secrets: [] };
  }
  const naming = options.naming ?? { taken: new Set(options.taken ?? []), byValue: new Map<string, string>() };
  const secrets: ExtractedSecret[] = [];
  const params = cloneJson(request.params);
  for (const s of found) {
    let container: JsonValue = params;
    for (const seg of s.segments.slice(0, -1)) {
      container = (container as Record<string | number, JsonValue>)[seg];
    }
    const last = s.segments[s.segments.length - 1];
    const value = (container as Record<string | number, JsonValue>)[last] as string;
    // A redacted placeholder is not a value two places can share, so each one gets its own variable.
    const key = s.redacted ? undefined : `${s.field}\u0000${value}`;
    let name = key === undefined ? undefined : naming.byValue.get(key);
    if (name === undefined) {
      const base = variableNameFor(s.field);
      name = base;
      for (let n = 2; naming.taken.has(name); n++) {
        name = `${base}_${n}`;
      }
      naming.taken.add(name);
      if (key !== undefined) {
        naming.byValue.set(key, name);
      }
      secrets.push(s.redacted ? { name, path: s.path } : { name, path: s.path, value });
    }
    (container as Record<string | number, JsonValue>)[last] = `{{${name}}}`;
  }
  return { request: { ...request, params }, secrets };
}

/** One credential literal that a plan turns into a secret variable, as the confirmation lists it. */
export interface SecretMove {
  /** Where it is, such as `params.StorageParams.CloudStorage.SecretKey`. */
  path: string;
  /** What the saved request holds instead, such as `{{SecretKey}}`. */
  reference: string;
}

/** What saving requests into a collection does with the credentials in them. */
export interface SecretPlan<R extends { params: JsonObject }> {
  /** The requests as they will be saved: every literal credential replaced by a reference. */
  requests: R[];
  /** The variables to declare as secret, with the values to store (none for `<redacted>` placeholders). */
  secrets: ExtractedSecret[];
  /** The literal values moved, for the confirmation. */
  moves: SecretMove[];
}

/** How many credential literals the requests hold, and whether any is a real value (not a `<redacted>` placeholder). */
export function countLiteralSecrets(requests: ReadonlyArray<{ params: JsonObject }>): { count: number; values: number } {
  const found = requests.flatMap((r) => findLiteralSecrets(r.params));
  return { count: found.length, values: found.filter((s) => !s.redacted).length };
}

/**
 * Plans how requests lose their credentials before they are saved into an environment's collection:
 * a value the environment already keeps in a secret variable reuses that variable; a `<redacted>`
 * placeholder (from history) stands for the environment's secret variable of the same name when
 * there is one; every other literal gets a variable of its own, named after its member and unique
 * among the environment's variables. `storedValues` holds the values of the environment's secret
 * variables that have one.
 */
export function planSecretMoves<R extends { params: JsonObject }>(
  requests: readonly R[],
  variables: Readonly<Record<string, VariableLike>>,
  storedValues: ReadonlyMap<string, string>,
): SecretPlan<R> {
  const naming: SecretNaming = { taken: new Set(Object.keys(variables)), byValue: new Map() };
  for (const [name, value] of storedValues) {
    naming.byValue.set(`${name.replace(/_\d+$/, '')}\u0000${value}`, name);
  }
  const existingSecrets = new Set(Object.entries(variables).filter(([, d]) => d.secret).map(([n]) => n));
  const reused = requests.map((r) => {
    const params = cloneJson(r.params);
    for (const s of findLiteralSecrets(r.params)) {
      const name = s.field.replace(/[^\w.-]/g, '_');
      if (s.redacted && existingSecrets.has(name)) {
        setAt(params, s.segments, `{{${name}}}`);
      }
    }
    return { ...r, params };
  });
  const extracted = reused.map((r) => extractSecrets(r, { naming }));
  const moves = requests.flatMap((r, i) =>
    findLiteralSecrets(r.params)
      .filter((s) => !s.redacted)
      .map((s) => ({ path: s.path, reference: String(valueAt(extracted[i]!.request.params, s.segments)) })),
  );
  return { requests: extracted.map((e) => e.request), secrets: extracted.flatMap((e) => e.secrets), moves };
}

/**
 * Gives imported secrets names that do not collide with the environment's variables holding other
 * values: `UserSig` becomes `UserSig_2` when `UserSig` already keeps a different value. Returns the
 * secrets under their final names and the renames to apply to the requests.
 */
export function uniqueSecretNames(
  secrets: readonly ExtractedSecret[],
  variables: Readonly<Record<string, unknown>>,
  storedValues: ReadonlyMap<string, string>,
): { secrets: ExtractedSecret[]; renames: Map<string, string> } {
  const renames = new Map<string, string>();
  const out: ExtractedSecret[] = [];
  const taken = (n: string) => Object.prototype.hasOwnProperty.call(variables, n) || out.some((x) => x.name === n);
  for (const s of secrets) {
    let name = s.name;
    if (taken(name) && storedValues.get(name) !== s.value) {
      let n = 2;
      while (taken(`${s.name}_${n}`)) {
        n++;
      }
      name = `${s.name}_${n}`;
      renames.set(s.name, name);
    }
    out.push({ ...s, name });
  }
  return { secrets: out, renames };
}

/** The value at a path of segments below `root`. */
function valueAt(root: JsonObject, segments: ReadonlyArray<string | number>): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const seg of segments) {
    value = value === null || typeof value !== 'object' ? undefined : (value as Record<string | number, JsonValue>)[seg];
  }
  return value;
}

/** Replaces the value at a path of segments below `root`. */
function setAt(root: JsonObject, segments: ReadonlyArray<string | number>, value: JsonValue): void {
  let container: JsonValue = root;
  for (const seg of segments.slice(0, -1)) {
    container = (container as Record<string | number, JsonValue>)[seg] as JsonValue;
  }
  (container as Record<string | number, JsonValue>)[segments[segments.length - 1]!] = value;
}
