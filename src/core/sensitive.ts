import { isJsonObject, type JsonObject, type JsonValue } from './json';

/**
 * Request parameters that carry a credential of their own: third-party storage keys in recording
 * and slicing parameters, UserSigs, API keys of AI vendors. They are kept out of history entries,
 * saved collections, exports and logs, like the signing keys themselves.
 */
const SENSITIVE_NAME = /(secret|password|passwd|token|accesskey|apikey|api_key|usersig|privatemapkey|credential)/i;

/** The placeholder that replaces a sensitive value wherever it is stored or shown. */
export const REDACTED = '<redacted>';

/** True when a parameter of this name holds a credential. */
export function isSensitiveField(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/** A position in a parameter tree: object keys and array indexes, from the root. */
export type JsonPath = Array<string | number>;

/** One non-empty string value under a sensitive member, as {@link sensitiveStrings} finds it. */
export interface SensitiveString {
  /** Keys and indexes from the root of the parameters. */
  path: JsonPath;
  /** The outermost member name on the path that {@link isSensitiveField} flags, such as `SecretKey` or `UserSigs`. */
  field: string;
  value: string;
  /** True when the value is a whole `{{Variable}}` reference, which is resolved later and safe to store. */
  reference: boolean;
}

/**
 * The one walker over sensitive values. It visits every non-empty string that sits under a member
 * {@link isSensitiveField} flags, directly or inside objects and arrays below it, in document
 * order; numbers, booleans, null and empty strings are never sensitive. With `copy` it returns a
 * copy of the tree in which each visited string is replaced by what `visit` returns (kept when it
 * returns undefined); without, it only visits.
 */
function walkSensitive(value: JsonValue, path: JsonPath, field: string | undefined, visit: (s: SensitiveString) => JsonValue | undefined, copy: boolean): JsonValue {
  if (Array.isArray(value)) {
    if (!copy) {
      value.forEach((v, i) => walkSensitive(v, [...path, i], field, visit, false));
      return value;
    }
    return value.map((v, i) => walkSensitive(v, [...path, i], field, visit, true));
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const below = walkSensitive(v, [...path, k], field ?? (isSensitiveField(k) ? k : undefined), visit, copy);
      if (copy) out[k] = below;
    }
    return copy ? out : value;
  }
  if (field !== undefined && typeof value === 'string' && value !== '') {
    return visit({ path, field, value, reference: isVariableReference(value) }) ?? value;
  }
  return value;
}

/** Every non-empty string under a sensitive member, `{{Variable}}` references included, in document order. */
export function sensitiveStrings(params: JsonObject): SensitiveString[] {
  const out: SensitiveString[] = [];
  walkSensitive(params, [], undefined, (s) => void out.push(s), false);
  return out;
}

/**
 * A copy of `params` in which every sensitive string {@link sensitiveStrings} would list is
 * replaced by what `replace` returns for it, or kept when it returns undefined.
 */
export function replaceSensitiveStrings(params: JsonObject, replace: (s: SensitiveString) => JsonValue | undefined): JsonObject {
  return walkSensitive(params, [], undefined, replace, true) as JsonObject;
}

/** `StorageParams.CloudStorage.SecretKey`, `MixLayoutList[0].UserId`: a path for people. */
export function pathText(path: JsonPath): string {
  let s = '';
  for (const p of path) {
    s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  }
  return s;
}

/**
 * A copy of `params` with every sensitive string replaced by {@link REDACTED}, except whole
 * `{{Variable}}` references, which are safe to store; also returns the paths it replaced.
 */
export function redactParams(params: JsonObject): { params: JsonObject; redactedPaths: string[] } {
  const paths: string[] = [];
  const redacted = replaceSensitiveStrings(params, (s) => {
    if (s.reference) return undefined;
    paths.push(pathText(s.path));
    return REDACTED;
  });
  return { params: redacted, redactedPaths: paths };
}

/** `{{Name}}` references are resolved later from an environment and are safe to store. */
export function isVariableReference(value: string): boolean {
  return /^\{\{\s*[\w.-]+\s*\}\}$/.test(value);
}
