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

/** A copy of `params` with every sensitive string replaced by {@link REDACTED}; also returns their paths. */
export function redactParams(params: JsonObject): { params: JsonObject; redactedPaths: string[] } {
  const paths: string[] = [];
  const walk = (value: JsonValue, path: string, sensitive: boolean): JsonValue => {
    if (Array.isArray(value)) {
      return value.map((v, i) => walk(v, `${path}[${i}]`, sensitive));
    }
    if (isJsonObject(value)) {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = walk(v, path ? `${path}.${k}` : k, sensitive || isSensitiveField(k));
      }
      return out;
    }
    if (sensitive && typeof value === 'string' && value !== '' && !isVariableReference(value)) {
      paths.push(path);
      return REDACTED;
    }
    return value;
  };
  return { params: walk(params, '', false) as JsonObject, redactedPaths: paths };
}

/** `{{Name}}` references are resolved later from an environment and are safe to store. */
export function isVariableReference(value: string): boolean {
  return /^\{\{\s*[\w.-]+\s*\}\}$/.test(value);
}
