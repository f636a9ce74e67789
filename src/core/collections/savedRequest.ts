import { createRequest, type RequestItem } from './collectionFormat';
import type { Environment } from './environmentFormat';
import { cloneJson } from './jsonValues';
import { findVariableReferences, resolveRequest } from './variables';
import { entryParams, type HistoryEntry } from '../history/historyEntry';
import { mapJsonStrings, type JsonObject, type JsonValue } from '../json';
import type { CallSpec } from '../requests/types';
import type { HttpMethod, SignMethod } from '../signing/types';

interface SavedFields {
  action: string;
  params: JsonObject;
  region?: string;
  signMethod?: SignMethod;
  httpMethod?: HttpMethod;
}

/**
 * A new saved request with only what belongs in a shared file: action, parameters, region, and the
 * sign and HTTP methods when they are not the defaults. The endpoint, language, timeout and signed
 * headers come from each user's settings (a custom endpoint is often a local URL that must not be
 * committed), and credentials never belong to a request. Sensitive literals are left for
 * `extractSecrets`, which the caller runs before saving.
 */
function savedRequest(fields: SavedFields, name: string | undefined): RequestItem {
  const request = createRequest({ action: fields.action, name: name?.trim() || fields.action, params: cloneJson(fields.params) });
  if (fields.region) {
    request.region = fields.region;
  }
  if (fields.signMethod && fields.signMethod !== 'TC3-HMAC-SHA256') {
    request.signMethod = fields.signMethod;
  }
  if (fields.httpMethod && fields.httpMethod !== 'POST') {
    request.httpMethod = fields.httpMethod;
  }
  return request;
}

/** A saved request from a call described in the request form. */
export function requestFromSpec(spec: CallSpec, name?: string): RequestItem {
  return savedRequest(spec, name);
}

/** A saved request from a history entry; redacted values stay `<redacted>` until `extractSecrets` turns them into variables. */
export function requestFromEntry(entry: HistoryEntry, name?: string): RequestItem {
  return savedRequest({ ...entry, params: entryParams(entry) }, name);
}

/**
 * The call a saved request stands for, to load into the request form. Variables with a plain value
 * in the environment (and the built-in ones) are filled in; secret, undefined and valueless ones
 * stay `{{Name}}` references, because the form remembers what it shows and secrets must not end up
 * there. Returns the names left as references, for the user to fill in.
 */
export async function resolveForForm(request: RequestItem, environment: Environment | undefined): Promise<{ spec: CallSpec; unresolved: string[] }> {
  const overrides: Record<string, JsonValue> = {};
  const unresolved: string[] = [];
  for (const ref of findVariableReferences(request)) {
    if (ref.name.startsWith('$') || Object.prototype.hasOwnProperty.call(overrides, ref.name)) {
      continue;
    }
    const def = environment && Object.prototype.hasOwnProperty.call(environment.variables, ref.name) ? environment.variables[ref.name] : undefined;
    if (!def || def.secret || def.value === undefined) {
      // A variable that stands for itself comes out of resolution unchanged.
      overrides[ref.name] = `{{${ref.name}}}`;
      unresolved.push(ref.name);
    }
  }
  return { spec: await resolveRequest(request, { environment, overrides }), unresolved };
}

/** Renames `{{Old}}` references (with any spacing inside the braces) throughout a request's parameters and region. */
export function renameVariableReferences(request: RequestItem, renames: ReadonlyMap<string, string>): RequestItem {
  if (renames.size === 0) {
    return request;
  }
  const rename = (text: string): string =>
    text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
      const to = renames.get(name);
      return to === undefined ? whole : `{{${to}}}`;
    });
  const out: RequestItem = { ...request, params: mapJsonStrings(request.params, rename) as JsonObject };
  if (request.region !== undefined) {
    out.region = rename(request.region);
  }
  return out;
}
