import type { ActionView, FieldView, TypeView } from '../../shared/requestProtocol';
import { isJsonObject, parseParams, serializeParams, type Json, type JsonObject } from './paramsJson';

/*
 * `vscode.setState` writes the page's state to disk, so the values of sensitive fields (storage
 * keys, UserSigs) never go into it. They are removed from the parameters before the state is saved;
 * the host keeps the page's last parameters in memory and gives them back when the page is shown
 * again (see `restoreSecrets`).
 */

function members(action: ActionView, type: TypeView | undefined): FieldView[] | undefined {
  if (type === undefined) {
    return action.fields;
  }
  return type.kind === 'object' && type.struct ? action.structs[type.struct]?.fields : undefined;
}

function strip(action: ActionView, value: Json, type: TypeView | undefined, sensitive: boolean): Json | undefined {
  if (sensitive) {
    return undefined;
  }
  if (Array.isArray(value)) {
    const itemType = type?.kind === 'array' ? type.items : undefined;
    return value.map((v) => strip(action, v, itemType, false) ?? null);
  }
  if (isJsonObject(value)) {
    const fields = members(action, type);
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const field = fields?.find((f) => f.name === k);
      const kept = strip(action, v, field?.type, Boolean(field?.sensitive));
      if (kept !== undefined) {
        out[k] = kept;
      }
    }
    return out;
  }
  return value;
}

/** True when the action has a sensitive field anywhere in its parameters. */
export function hasSensitiveFields(action: ActionView): boolean {
  return action.fields.some((f) => f.sensitive) || Object.values(action.structs).some((s) => s.fields.some((f) => f.sensitive));
}

/**
 * The parameter text as it may be persisted: sensitive members removed. Text that is not valid JSON
 * cannot be taken apart, so for an action with sensitive fields it is not persisted at all
 * (`undefined`); the host still has the last valid parameters.
 */
export function persistableParams(action: ActionView, paramsText: string): string | undefined {
  if (!hasSensitiveFields(action)) {
    return paramsText;
  }
  const parsed = parseParams(paramsText);
  if (!parsed.ok) {
    return undefined;
  }
  const stripped = strip(action, parsed.value, undefined, false);
  return serializeParams(isJsonObject(stripped) ? stripped : {});
}

/**
 * Chooses between the page's saved parameters (secrets stripped) and the host's (secrets kept, in
 * memory only): the host's when they are the same parameters apart from the secrets.
 */
export function restoreSecrets(action: ActionView, saved: string, fromHost: string): string {
  if (saved === fromHost || !hasSensitiveFields(action)) {
    return saved;
  }
  return persistableParams(action, fromHost) === saved ? fromHost : saved;
}
