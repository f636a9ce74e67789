import { getCatalog } from '../catalog/catalog';
import { canonicalOrigin, isTencentOrigin } from '../http/endpointPolicy';
import { isJsonObject, parseJson, type JsonObject, type JsonValue } from '../json';
import type { EndpointChoice } from '../requests/types';
import { LANGUAGES, SIGNED_HEADERS_MODES, type HttpMethod, type Language, type SignedHeadersMode, type SignMethod } from '../signing/types';
import { CollectionFormatError, newId, validateCollection, type RequestItem } from './collectionFormat';
import { extractSecrets, findLiteralSecrets, type ExtractedSecret, type SecretNaming } from './secretPlan';
import { classifyHost, TRTC_API_VERSION } from '../http/trtcHosts';

/**
 * Turns a query or form value into a parameter value. Imported text parameters are strings by
 * default (the legacy GET/form API sends nothing else); a caller with the API catalog at hand can
 * pass a coercion that returns numbers and booleans where the action's schema says so.
 */
export type ParamCoercion = (action: string, path: ReadonlyArray<string | number>, text: string) => JsonValue;

/** An HTTP request as an importer found it, before it is understood as a TRTC call. */
export interface HttpRequestInput {
  name?: string;
  /** An id to keep when it is valid and unused. */
  id?: string;
  method: string;
  /** The URL as written, possibly with `{{variables}}` and a query string. */
  url: string;
  headers: Array<[string, string]>;
  /** The body: raw text (JSON, or form-encoded), or already split form fields. */
  body?: { kind: 'raw'; text: string } | { kind: 'form'; pairs: Array<[string, string]> };
}

/** What an HTTP request turned into: a saved request, or the reason it was skipped. */
export interface InterpretedRequest {
  request?: RequestItem;
  skipReason?: string;
  /** Credentials that were found and left out (names only, never values). */
  dropped: string[];
  warnings: string[];
  /** Variables written as bare JSON values (`"SdkAppId": {{SdkAppId}}`): their values are typed. */
  typedVariables: Set<string>;
  /** Sensitive literals replaced by `{{Variable}}` references, with their values for secret storage. */
  secrets: ExtractedSecret[];
}

/** Common parameters of the legacy signature that are regenerated for every call and never imported. */
const REGENERATED = new Set(['Timestamp', 'Nonce', 'RequestClient']);
/** Parameters and headers that carry credentials: dropped and reported. */
const CREDENTIAL_PARAMS = new Set(['SecretId', 'Signature', 'Token']);
const CREDENTIAL_HEADERS: Record<string, string> = { authorization: 'Authorization', 'x-tc-token': 'X-TC-Token' };
const ACTION_PATTERN = /^[A-Z][A-Za-z0-9]{1,79}$/;

/** Decodes `a=1&b=%20x` into pairs, keeping `{{variables}}` and undecodable text as written. */
export function parseFormPairs(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of text.split('&')) {
    if (part === '') {
      continue;
    }
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    out.push([decodeComponent(key), decodeComponent(value)]);
  }
  return out;
}

function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * Rebuilds nested parameters from the legacy flattened names: `Filters.0.Name=x` becomes
 * `{ Filters: [{ Name: "x" }] }`. Numeric segments make arrays; gaps are closed up with a warning.
 */
export function unflattenParams(
  pairs: Array<[string, string]>,
  convert: (path: Array<string | number>, text: string) => JsonValue,
  warnings: string[],
): JsonObject {
  interface Node {
    value?: string;
    children: Map<string, Node>;
  }
  const root: Node = { children: new Map() };
  for (const [key, value] of pairs) {
    let node = root;
    for (const seg of key.split('.')) {
      let child = node.children.get(seg);
      if (!child) {
        child = { children: new Map() };
        node.children.set(seg, child);
      }
      node = child;
    }
    if (node.value !== undefined) {
      warnings.push(`parameter ${key} is given more than once; the last value is kept`);
    }
    node.value = value;
  }
  const build = (node: Node, path: Array<string | number>, name: string): JsonValue => {
    if (node.children.size === 0) {
      return convert(path, node.value ?? '');
    }
    if (node.value !== undefined) {
      warnings.push(`parameter ${name} has both a value and nested members; the value is ignored`);
    }
    const keys = [...node.children.keys()];
    if (keys.every((k) => /^(0|[1-9]\d{0,5})$/.test(k))) {
      const sorted = keys.map(Number).sort((a, b) => a - b);
      if (sorted.some((n, i) => n !== i)) {
        warnings.push(`parameter ${name} has array indexes ${sorted.join(', ')}; they were renumbered from 0`);
      }
      return sorted.map((n, i) => build(node.children.get(String(n))!, [...path, i], `${name}.${n}`));
    }
    const out: JsonObject = {};
    for (const k of keys) {
      out[k] = build(node.children.get(k)!, [...path, k], name ? `${name}.${k}` : k);
    }
    return out;
  };
  return build(root, [], '') as JsonObject;
}

/**
 * Makes a JSON body with bare `{{Name}}` placeholders (Postman's way of inserting a number)
 * parseable by quoting them, and reports which names were bare.
 */
export function quoteBareVariables(text: string): { text: string; bare: Set<string> } {
  const bare = new Set<string>();
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (c === '"') {
        inString = false;
      }
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    if (c === '{' && text[i + 1] === '{') {
      const m = /^\{\{\s*(\$?[\w.-]+)\s*\}\}/.exec(text.slice(i));
      if (m) {
        bare.add(m[1]);
        out += `"{{${m[1]}}}"`;
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return { text: out, bare };
}

/** Splits a URL into scheme, host (with port), path and query, tolerating `{{variables}}` anywhere. */
export function splitUrl(url: string): { scheme?: string; host: string; path: string; query: string } {
  const m = /^\s*(?:([A-Za-z][\w+.-]*):\/\/)?([^/?#\s]*)([^?#\s]*)(?:\?([^#\s]*))?/.exec(url)!;
  return { scheme: m[1]?.toLowerCase(), host: m[2], path: m[3], query: m[4] ?? '' };
}

/**
 * Understands an HTTP request as a TRTC API call: the action from `X-TC-Action` (or the legacy
 * `Action` parameter), the region from `X-TC-Region`, `Region` or the host, the endpoint from the
 * host, the sign method from the `Authorization` header or the legacy signature parameters, and the
 * parameters from a JSON body (losslessly) or from query/form fields (unflattened). Credentials are
 * dropped and named in `dropped`. Requests to other services are skipped with the reason.
 */
export function interpretHttpRequest(
  input: HttpRequestInput,
  options: { coerce?: ParamCoercion; takenIds?: Set<string>; naming?: SecretNaming } = {},
): InterpretedRequest {
  const result: InterpretedRequest = { dropped: [], warnings: [], typedVariables: new Set(), secrets: [] };
  const skip = (reason: string): InterpretedRequest => ({ ...result, skipReason: reason });

  const headers = new Map<string, string>();
  for (const [name, value] of input.headers) {
    const lower = name.trim().toLowerCase();
    if (CREDENTIAL_HEADERS[lower]) {
      if (value.trim() !== '') {
        result.dropped.push(`${CREDENTIAL_HEADERS[lower]} header`);
      }
      continue;
    }
    headers.set(lower, value.trim());
  }
  const url = splitUrl(input.url);
  const method = input.method.toUpperCase();

  const legacy: Array<[string, string]> = parseFormPairs(url.query);
  const contentType = headers.get('content-type') ?? '';
  let jsonText: string | undefined;
  if (input.body?.kind === 'form') {
    legacy.push(...input.body.pairs);
  } else if (input.body?.kind === 'raw' && input.body.text.trim() !== '') {
    const text = input.body.text;
    if (/json/i.test(contentType) || /^\s*[{[]/.test(text)) {
      jsonText = text;
    } else {
      legacy.push(...parseFormPairs(text.trim()));
    }
  }
  const common = new Map<string, string>();
  const plain: Array<[string, string]> = [];
  for (const [key, value] of legacy) {
    if (CREDENTIAL_PARAMS.has(key)) {
      result.dropped.push(`${key} parameter`);
    } else if (['Action', 'Version', 'Region', 'Language', 'SignatureMethod'].includes(key) || REGENERATED.has(key)) {
      common.set(key, value);
    } else {
      plain.push([key, value]);
    }
  }

  const written = headers.get('x-tc-action') ?? common.get('Action');
  // A canonical header holds the action in lower case; the catalog knows how it is really written.
  const action = written !== undefined && !ACTION_PATTERN.test(written) ? (getCatalog().actions.find((a) => a.name.toLowerCase() === written.toLowerCase())?.name ?? written) : written;
  if (!action) {
    return skip('no X-TC-Action header or Action parameter, so it is not a Tencent Cloud API 3.0 call');
  }
  if (!ACTION_PATTERN.test(action)) {
    return skip(`the action "${action}" is not an API action name`);
  }
  const host = classifyHost(url.host);
  if (host.kind === 'otherService') {
    return skip(`${url.host} is the API host of another service (${host.service}), not TRTC`);
  }
  const version = headers.get('x-tc-version') ?? common.get('Version');
  if (version !== undefined && !version.includes('{{') && version !== TRTC_API_VERSION) {
    return skip(`API version ${version} is not TRTC's (${TRTC_API_VERSION})`);
  }
  if (method !== 'GET' && method !== 'POST') {
    return skip(`HTTP method ${method} is not one the API accepts (GET or POST)`);
  }
  if (url.host === '') {
    return skip('the URL has no host');
  }

  let region = headers.get('x-tc-region') ?? common.get('Region');
  let endpoint: EndpointChoice | undefined;
  switch (host.kind) {
    case 'nearest':
      endpoint = { kind: 'nearest' };
      break;
    case 'intl':
      endpoint = { kind: 'intl' };
      break;
    case 'regional':
      if (region === undefined || region === host.region) {
        region = host.region;
        endpoint = { kind: 'regional' };
      } else {
        // The host and the declared region disagree; keep both exactly by pinning the host as a custom endpoint.
        endpoint = { kind: 'custom', url: `https://${url.host}` };
        result.warnings.push(`the host is in ${host.region} but the request declares region ${region}; both were kept`);
      }
      break;
    case 'variable':
      break;
    case 'other':
      if (version !== TRTC_API_VERSION) {
        return skip(`${url.host} is not a TRTC API host, and the request does not say it is TRTC's API version ${TRTC_API_VERSION}`);
      }
      endpoint = { kind: 'custom', url: `${url.scheme ?? 'https'}://${url.host}${url.path.replace(/\/+$/, '')}` };
      break;
  }

  let signMethod: SignMethod | undefined;
  let signedHeaders: SignedHeadersMode | undefined;
  const authorization = input.headers.find(([n]) => n.trim().toLowerCase() === 'authorization')?.[1] ?? '';
  if (/^\s*TC3-HMAC-SHA256\b/.test(authorization)) {
    signMethod = 'TC3-HMAC-SHA256';
    const m = /SignedHeaders=([a-z0-9;-]+)/i.exec(authorization);
    const mode = m ? m[1].toLowerCase().split(';').sort().join(';') : undefined;
    if (mode && mode !== 'content-type;host' && (SIGNED_HEADERS_MODES as readonly string[]).includes(mode)) {
      signedHeaders = mode as SignedHeadersMode;
    }
  } else if (common.get('SignatureMethod') === 'HmacSHA256') {
    signMethod = 'HmacSHA256';
  } else if (common.has('SignatureMethod') || legacy.some(([k]) => k === 'Signature')) {
    signMethod = 'HmacSHA1';
  }
  const httpMethod: HttpMethod | undefined =
    method === 'GET' || (signMethod !== undefined && signMethod !== 'TC3-HMAC-SHA256') ? (method as HttpMethod) : undefined;

  const language = headers.get('x-tc-language') ?? common.get('Language');

  let params: JsonObject;
  if (jsonText !== undefined) {
    const quoted = quoteBareVariables(jsonText);
    let parsed: JsonValue;
    try {
      parsed = parseJson(quoted.text);
    } catch (e) {
      return skip(`the body is not valid JSON: ${(e as Error).message}`);
    }
    if (!isJsonObject(parsed)) {
      return skip('the JSON body is not an object of parameters');
    }
    params = parsed;
    result.typedVariables = quoted.bare;
    if (plain.length > 0) {
      result.warnings.push(`query parameters ${plain.map(([k]) => k).join(', ')} were ignored because the body holds the parameters`);
    }
  } else {
    const coerce = options.coerce;
    params = unflattenParams(plain, (path, text) => (coerce ? coerce(action, path, text) : text), result.warnings);
  }

  const id = input.id && /^[A-Za-z0-9_-]{1,64}$/.test(input.id) && !options.takenIds?.has(input.id) ? input.id : newId();
  let request: RequestItem = { type: 'request', id, name: input.name?.trim() || action, action, params };
  if (region !== undefined && region !== '') {
    request.region = region;
  }
  if (endpoint) {
    request.endpoint = endpoint;
  }
  if (signMethod) {
    request.signMethod = signMethod;
  }
  if (httpMethod) {
    request.httpMethod = httpMethod;
  }
  if (language !== undefined) {
    if ((LANGUAGES as readonly string[]).includes(language)) {
      request.language = language as Language;
    } else {
      result.warnings.push(`language "${language}" is not one the API accepts (${LANGUAGES.join(', ')}); it was left out`);
    }
  }
  if (signedHeaders) {
    request.signedHeaders = signedHeaders;
  }
  const literals = findLiteralSecrets(request.params);
  const extracted = extractSecrets(request, options.naming ? { naming: options.naming } : {});
  request = extracted.request;
  for (const lit of literals) {
    let value: JsonValue = request.params;
    for (const seg of lit.segments) {
      value = (value as Record<string | number, JsonValue>)[seg];
    }
    result.warnings.push(`${lit.path} held a credential; it now refers to the secret variable ${String(value)}`);
  }
  result.secrets = extracted.secrets;
  try {
    validateCollection({ version: 1, name: 'import', items: [request as unknown as JsonObject] }, 'import');
  } catch (e) {
    if (e instanceof CollectionFormatError) {
      return skip(e.issues.map((i) => `${i.path.replace(/^items\[0\]\.?/, '') || 'request'}: ${i.message}`).join('; '));
    }
    throw e;
  }
  options.takenIds?.add(id);
  result.request = request;
  return result;
}

/**
 * The warning an imported request gets when its custom endpoint is not a Tencent Cloud host: the
 * request is kept with that endpoint, but nothing an import brings in is trusted, so the endpoint is
 * not used until the user trusts it. A loopback stand-in is as foreign to an import as any other
 * host, so it is named too; Tencent Cloud hosts are not.
 */
export function untrustedEndpointWarning(request: RequestItem): { url: string; warning: string } | undefined {
  if (request.endpoint?.kind !== 'custom') {
    return undefined;
  }
  const url = request.endpoint.url;
  if (isTencentOrigin(canonicalOrigin(url) ?? url)) {
    return undefined;
  }
  return {
    url,
    warning: `its endpoint ${url} is not a Tencent Cloud host: the request keeps it, but it is NOT trusted and will not be used until you trust it (importing trusts nothing)`,
  };
}
