import { extractSecrets, findLiteralSecrets, type ExtractedSecret, type RequestItem, type SecretNaming } from './collectionFormat';
import type { VariableDefinition } from './environmentFormat';
import { cloneJson } from './jsonValues';
import type { JsonObject, JsonValue } from '../json';

/** One credential literal that a plan turns into a secret variable, as the confirmation lists it. */
export interface SecretMove {
  /** Where it is, such as `params.StorageParams.CloudStorage.SecretKey`. */
  path: string;
  /** What the saved request holds instead, such as `{{SecretKey}}`. */
  reference: string;
}

/** What saving requests into a collection does with the credentials in them. */
export interface SecretPlan {
  /** The requests as they will be saved: every literal credential replaced by a reference. */
  requests: RequestItem[];
  /** The variables to declare as secret, with the values to store (none for `<redacted>` placeholders). */
  secrets: ExtractedSecret[];
  /** The literal values moved, for the confirmation. */
  moves: SecretMove[];
}

/** How many credential literals the requests hold, and whether any is a real value (not a `<redacted>` placeholder). */
export function countLiteralSecrets(requests: readonly RequestItem[]): { count: number; values: number } {
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
export function planSecretMoves(
  requests: readonly RequestItem[],
  variables: Readonly<Record<string, VariableDefinition>>,
  storedValues: ReadonlyMap<string, string>,
): SecretPlan {
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
  variables: Readonly<Record<string, VariableDefinition>>,
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
