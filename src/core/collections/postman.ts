import { InputError } from '../errors';
import { isJsonObject, parseJson, type JsonObject, type JsonValue } from '../json';
import { isSensitiveField } from '../sensitive';
import {
  COLLECTION_FORMAT_VERSION,
  newId,
  validateCollection,
  type Collection,
  type CollectionItem,
  type FolderItem,
} from './collectionFormat';
import type { Environment, VariableDefinition } from './environmentFormat';
import type { ExtractedSecret, SecretNaming } from './secretPlan';
import { interpretHttpRequest, untrustedEndpointWarning, splitUrl, type HttpRequestInput, type ParamCoercion } from './httpRequestImport';
import { DYNAMIC_FROM_POSTMAN, mapDynamicNames, POSTMAN_CREDENTIAL_VARIABLES, POSTMAN_ENDPOINT_VARIABLE, SCRIPT_MARKER, variableText } from './postmanFormat';
import { applySigningScripts, describeScript, readSigningScript, type SigningScript } from './postmanScript';
import { findVariableReferences } from './variables';

export { POSTMAN_CREDENTIAL_VARIABLES, POSTMAN_ENDPOINT_VARIABLE, POSTMAN_SCHEMA_V21 } from './postmanFormat';
export { toPostman, type PostmanExportOptions } from './postmanExport';

/** A Postman request that was not imported, with where it was and why. */
export interface SkippedRequest {
  /** Folder names above it. */
  path: string[];
  name: string;
  reason: string;
}

/** The result of a Postman import: the collection, its variables, and everything left out. */
export interface PostmanImportResult {
  collection: Collection;
  /** The Postman collection variables as an environment, when there were any worth keeping. */
  environment?: Environment;
  skipped: SkippedRequest[];
  /** Credentials that were left out (names only, never values). */
  dropped: string[];
  warnings: string[];
  /** Sensitive values now behind secret variables, for the caller to put in secret storage. */
  secrets: ExtractedSecret[];
  /**
   * Custom endpoints of imported requests that are not Tencent Cloud hosts. They are kept, but an
   * import trusts nothing: they are not used until the user trusts them.
   */
  untrustedEndpoints: string[];
}

/** The pre-request scripts of one level of a Postman collection, read, with what the summary says about them. */
function readScripts(events: JsonValue | undefined, where: string, result: PostmanImportResult): SigningScript[] {
  const scripts: SigningScript[] = [];
  for (const e of Array.isArray(events) ? events : []) {
    const exec = isJsonObject(e) && isJsonObject(e.script) ? e.script.exec : undefined;
    const text = Array.isArray(exec) ? exec.join('\n') : str(exec) ?? '';
    const listen = isJsonObject(e) ? str(e.listen) ?? '' : '';
    if (text.trim() === '' || text.includes(SCRIPT_MARKER)) {
      continue;
    }
    if (listen !== 'prerequest') {
      result.warnings.push(`${where} ${listen} script was not imported (scripts are never run)`);
      continue;
    }
    const script = readSigningScript(text);
    const described = describeScript(script, where);
    result.warnings.push(...described.warnings);
    result.dropped.push(...described.dropped);
    if (script.signsTc3) {
      scripts.push(script);
    }
  }
  return scripts;
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function postmanDescription(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') {
    return value || undefined;
  }
  return isJsonObject(value) ? str(value.content) || undefined : undefined;
}

function postmanUrl(url: JsonValue | undefined): string {
  if (typeof url === 'string') {
    return url;
  }
  if (!isJsonObject(url)) {
    return '';
  }
  if (typeof url.raw === 'string' && url.raw !== '') {
    return url.raw;
  }
  const host = Array.isArray(url.host) ? url.host.map(String).join('.') : str(url.host) ?? '';
  const port = url.port !== undefined ? `:${variableText(url.port)}` : '';
  const path = Array.isArray(url.path) ? url.path.map((p) => (typeof p === 'string' ? p : str(isJsonObject(p) ? p.value : undefined) ?? '')).join('/') : str(url.path) ?? '';
  const query = Array.isArray(url.query)
    ? url.query
        .filter((q) => isJsonObject(q) && q.disabled !== true)
        .map((q) => `${str((q as JsonObject).key) ?? ''}=${str((q as JsonObject).value) ?? ''}`)
        .join('&')
    : '';
  const protocol = str(url.protocol);
  return `${protocol ? `${protocol}://` : ''}${host}${port}/${path.replace(/^\//, '')}${query ? `?${query}` : ''}`;
}

function postmanHeaders(header: JsonValue | undefined): Array<[string, string]> {
  if (typeof header === 'string') {
    return header
      .split(/\r?\n/)
      .map((line) => line.split(/:(.*)/s))
      .filter((p) => p[0].trim() !== '')
      .map((p) => [p[0].trim(), (p[1] ?? '').trim()]);
  }
  if (!Array.isArray(header)) {
    return [];
  }
  return header
    .filter((h): h is JsonObject => isJsonObject(h) && h.disabled !== true && typeof h.key === 'string')
    .map((h) => [h.key as string, str(h.value) ?? '']);
}

function postmanBody(body: JsonValue | undefined, warnings: string[], name: string): HttpRequestInput['body'] {
  if (!isJsonObject(body) || body.disabled === true) {
    return undefined;
  }
  const fields = (list: JsonValue | undefined): Array<[string, string]> =>
    Array.isArray(list)
      ? list
          .filter((f): f is JsonObject => isJsonObject(f) && f.disabled !== true && typeof f.key === 'string')
          .filter((f) => {
            if (f.type === 'file') {
              warnings.push(`${name}: file field ${String(f.key)} was left out`);
              return false;
            }
            return true;
          })
          .map((f) => [f.key as string, str(f.value) ?? ''])
      : [];
  switch (body.mode) {
    case 'raw':
      return { kind: 'raw', text: str(body.raw) ?? '' };
    case 'urlencoded':
      return { kind: 'form', pairs: fields(body.urlencoded) };
    case 'formdata':
      return { kind: 'form', pairs: fields(body.formdata) };
    default:
      return undefined;
  }
}

/**
 * Reads a Postman Collection (v2.1, or v2.0 which has the same shape) and keeps the requests that
 * call TRTC: the TRTC hosts, or a `{{variable}}` host with an X-TC-Action header. Folders are kept;
 * every other request is skipped with its reason; credentials (Authorization headers, auth settings,
 * the secretId/secretKey variables, legacy SecretId/Signature/Token parameters) are dropped and named;
 * sensitive literal parameters become secret variables; Postman variables become an environment.
 */
export function fromPostman(input: string | JsonValue, options: { coerce?: ParamCoercion } = {}): PostmanImportResult {
  let json: JsonValue;
  if (typeof input === 'string') {
    try {
      json = parseJson(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new InputError(`This is not JSON, so not a Postman collection: ${(e as Error).message}`);
    }
  } else {
    json = input;
  }
  if (!isJsonObject(json) || !isJsonObject(json.info) || !Array.isArray(json.item)) {
    throw new InputError('This is not a Postman collection: expected "info" and "item" at the top level (export it from Postman as Collection v2.1)');
  }
  const schema = str(json.info.schema) ?? '';
  if (!/collection\/v2\.[01]\.\d+\/collection\.json/.test(schema)) {
    throw new InputError(`This Postman collection uses schema ${schema || '(none)'}; only Collection v2.1 (and v2.0) can be imported: export it again as v2.1`);
  }

  const result: PostmanImportResult = {
    collection: { version: COLLECTION_FORMAT_VERSION, name: (str(json.info.name) ?? '').trim().slice(0, 200) || 'Imported from Postman', items: [] },
    skipped: [],
    dropped: [],
    warnings: [],
    secrets: [],
    untrustedEndpoints: [],
  };
  const description = postmanDescription(json.info.description);
  if (description) {
    result.collection.description = description;
  }
  if (isJsonObject(json.auth)) {
    result.dropped.push(`collection auth settings (${str(json.auth.type) ?? 'unknown type'})`);
  }
  const collectionScripts = readScripts(json.event, "the collection's", result);

  const typedVariables = new Set<string>();
  const hostVariables = new Set<string>();
  const usedDynamics = new Set<string>();
  const takenIds = new Set<string>();
  const postmanVariables = (Array.isArray(json.variable) ? json.variable : []).filter(
    (v): v is JsonObject => isJsonObject(v) && typeof v.key === 'string' && v.disabled !== true,
  );
  const naming: SecretNaming = { taken: new Set(postmanVariables.map((v) => v.key as string)), byValue: new Map() };
  const variableValues = new Map(postmanVariables.map((v) => [v.key as string, variableText(v.value ?? '')]));

  const walk = (list: JsonValue[], path: string[], into: CollectionItem[], inherited: SigningScript[]): void => {
    for (const entry of list) {
      if (!isJsonObject(entry)) {
        continue;
      }
      const name = (str(entry.name) ?? '').trim().slice(0, 200);
      if (Array.isArray(entry.item)) {
        const folder: FolderItem = { type: 'folder', id: newId(), name: name || 'Folder', items: [] };
        const folderDescription = postmanDescription(entry.description);
        if (folderDescription) {
          folder.description = folderDescription;
        }
        if (isJsonObject(entry.auth)) {
          result.dropped.push(`auth settings of folder "${folder.name}"`);
        }
        const folderScripts = readScripts(entry.event, `folder "${[...path, folder.name].join(' / ')}"'s`, result);
        walk(entry.item, [...path, folder.name], folder.items, [...inherited, ...folderScripts]);
        into.push(folder);
        continue;
      }
      const label = [...path, name || '(unnamed)'].join(' / ');
      if (entry.request === undefined) {
        result.skipped.push({ path, name, reason: 'it has neither a request nor items' });
        continue;
      }
      const req: JsonObject = typeof entry.request === 'string' ? { method: 'GET', url: entry.request } : isJsonObject(entry.request) ? entry.request : {};
      if (isJsonObject(req.auth) && req.auth.type !== 'noauth') {
        result.dropped.push(`auth settings of "${label}"`);
      }
      const ownScripts = readScripts(entry.event, `"${label}"'s`, result);
      const rawUrl = mapDynamicNames(postmanUrl(req.url), DYNAMIC_FROM_POSTMAN);
      const body = postmanBody(req.body, result.warnings, label);
      const input: HttpRequestInput = {
        name,
        method: str(req.method) ?? 'GET',
        url: rawUrl,
        headers: postmanHeaders(req.header).map(([k, v]) => [k, mapDynamicNames(v, DYNAMIC_FROM_POSTMAN)]),
        body: body?.kind === 'raw' ? { kind: 'raw', text: mapDynamicNames(body.text, DYNAMIC_FROM_POSTMAN) } : body,
      };
      if (typeof entry.id === 'string') {
        input.id = entry.id;
      }
      const applied = applySigningScripts(input, [...inherited, ...ownScripts], variableValues);
      const interpreted = interpretHttpRequest(applied.input, { coerce: options.coerce, takenIds, naming });
      result.dropped.push(...interpreted.dropped.map((d) => `${d} of "${label}"`));
      result.warnings.push(...interpreted.warnings.map((w) => `${label}: ${w}`));
      if (!interpreted.request) {
        result.skipped.push({ path, name, reason: interpreted.skipReason ?? 'not a TRTC request' });
        continue;
      }
      result.secrets.push(...interpreted.secrets);
      if (applied.signed) {
        interpreted.request.signMethod = 'TC3-HMAC-SHA256';
        if (applied.signedHeaders === 'content-type;host;x-tc-action') {
          interpreted.request.signedHeaders = applied.signedHeaders;
        }
      }
      const untrusted = untrustedEndpointWarning(interpreted.request);
      if (untrusted) {
        result.untrustedEndpoints.push(untrusted.url);
        result.warnings.push(`${label}: ${untrusted.warning}`);
      }
      for (const v of interpreted.typedVariables) {
        typedVariables.add(v);
      }
      const host = splitUrl(rawUrl).host;
      for (const m of host.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) {
        hostVariables.add(m[1]);
      }
      for (const ref of findVariableReferences(interpreted.request)) {
        if (ref.name.startsWith('$') && !Object.values(DYNAMIC_FROM_POSTMAN).includes(ref.name)) {
          usedDynamics.add(ref.name);
        }
      }
      const description = postmanDescription(req.description ?? entry.description);
      into.push(description ? { ...interpreted.request, description } : interpreted.request);
    }
  };
  walk(json.item, [], result.collection.items, collectionScripts);
  for (const name of usedDynamics) {
    result.warnings.push(`Postman's {{${name}}} has no equivalent here; requests that use it cannot run until it is replaced`);
  }

  // Variables the signing scripts read the keys from are credentials too, whatever their names.
  const credentialVariables = new Set<string>();
  const collectCredentialVariables = (list: JsonValue[] | undefined, events: JsonValue | undefined): void => {
    for (const e of Array.isArray(events) ? events : []) {
      const exec = isJsonObject(e) && isJsonObject(e.script) ? e.script.exec : undefined;
      const text = Array.isArray(exec) ? exec.join('\n') : str(exec) ?? '';
      for (const name of readSigningScript(text).credentialVariables) {
        credentialVariables.add(name);
      }
    }
    for (const entry of list ?? []) {
      if (isJsonObject(entry)) {
        collectCredentialVariables(Array.isArray(entry.item) ? entry.item : undefined, entry.event);
      }
    }
  };
  collectCredentialVariables(json.item, json.event);
  const variables: Record<string, VariableDefinition> = {};
  for (const v of postmanVariables) {
    const key = v.key as string;
    const value = variableText(v.value ?? '');
    if (
      (POSTMAN_CREDENTIAL_VARIABLES as readonly string[]).includes(key) ||
      /^(secret_?id|secret_?key|token|session_?token)$/i.test(key) ||
      credentialVariables.has(key)
    ) {
      if (value !== '') {
        result.dropped.push(`collection variable ${key}`);
      }
      continue;
    }
    if (hostVariables.has(key) || key === POSTMAN_ENDPOINT_VARIABLE) {
      continue;
    }
    if (!/^[\w.-]+$/.test(key)) {
      result.warnings.push(`collection variable "${key}" was left out: names may only hold letters, digits, "_", "." and "-"`);
      continue;
    }
    const def: VariableDefinition = {};
    if (isSensitiveField(key)) {
      def.secret = true;
      if (value !== '') {
        result.secrets.push({ name: key, path: `variable ${key}`, value });
      }
    } else if (typedVariables.has(key)) {
      def.value = typedValue(value);
    } else {
      def.value = value;
    }
    const varDescription = postmanDescription(v.description);
    if (varDescription) {
      def.description = varDescription;
    }
    variables[key] = def;
  }
  for (const s of result.secrets) {
    if (!variables[s.name]) {
      variables[s.name] = { secret: true };
    }
  }
  if (Object.keys(variables).length > 0) {
    result.environment = { version: COLLECTION_FORMAT_VERSION, name: result.collection.name, variables };
  }
  if (hostVariables.size > 0) {
    result.warnings.push(
      `host variable(s) ${[...hostVariables].map((h) => `{{${h}}}`).join(', ')} were not imported: those requests use the default endpoint`,
    );
  }
  validateCollection(result.collection as unknown as JsonValue, 'Postman import');
  return result;
}

/** A Postman variable's text as the JSON value it stands for when it is written bare in a body. */
function typedValue(text: string): JsonValue {
  try {
    return parseJson(text);
  } catch {
    return text;
  }
}
