import { randomUUID } from 'node:crypto';
import { InputError } from '../errors';
import { canonicalOrigin, isTencentOrigin } from '../http/endpointPolicy';
import { mapJsonStrings, stringifyJson, type JsonObject, type JsonValue } from '../json';
import { newId, type Collection, type CollectionItem, type RequestItem } from './collectionFormat';
import type { Environment, VariableDefinition } from './environmentFormat';
import {
  DYNAMIC_TO_POSTMAN,
  mapDynamicNames,
  POSTMAN_CREDENTIAL_VARIABLES,
  POSTMAN_ENDPOINT_VARIABLE,
  POSTMAN_SCHEMA_V21,
  SCRIPT_MARKER,
  variableText,
} from './postmanFormat';
import { endpointOrigin, TRTC_API_VERSION, TRTC_NEAREST_HOST } from '../http/trtcHosts';
import { findVariableReferences } from './variables';

/*
 * The collection-level pre-request script. It runs in Postman's sandbox before each request: it
 * resolves the URL and body the way Postman will send them, computes the TC3-HMAC-SHA256 signature
 * with CryptoJS (which the sandbox provides) and sets X-TC-Timestamp and Authorization. The body is
 * written back resolved, so that dynamic variables are not drawn a second time after signing.
 */
const PRE_REQUEST_SCRIPT = `// ${SCRIPT_MARKER}.
// Set the collection variables secretId and secretKey (and sessionToken for temporary credentials)
// in Postman before sending. They are never part of an export.
(function () {
  var secretId = pm.variables.get('secretId');
  var secretKey = pm.variables.get('secretKey');
  if (!secretId || !secretKey) {
    throw new Error('Set the collection variables secretId and secretKey before sending a TRTC request.');
  }
  var url = pm.variables.replaceIn(pm.request.url.toString());
  if (url.indexOf('{{') >= 0) {
    throw new Error('The URL still holds an unset variable: ' + url);
  }
  var hostMatch = /^(?:([a-z][a-z0-9+.-]*):\\/\\/)?([^\\/?#]+)/i.exec(url);
  var scheme = hostMatch && hostMatch[1] ? hostMatch[1].toLowerCase() : 'https';
  var host = hostMatch ? hostMatch[2] : '';
  if ((scheme === 'https' && /:443$/.test(host)) || (scheme === 'http' && /:80$/.test(host))) {
    host = host.replace(/:\\d+$/, '');
  }
  var body = pm.request.body && pm.request.body.raw ? pm.variables.replaceIn(pm.request.body.raw) : '';
  if (pm.request.body) {
    if (typeof pm.request.body.update === 'function') {
      pm.request.body.update({ mode: 'raw', raw: body, options: { raw: { language: 'json' } } });
    } else {
      pm.request.body.raw = body;
    }
  }
  var contentType = pm.variables.replaceIn(pm.request.headers.get('Content-Type') || 'application/json');
  var service = 'trtc';
  var timestamp = Math.floor(Date.now() / 1000);
  var date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  var hex = function (words) { return words.toString(CryptoJS.enc.Hex); };
  var signedHeaders = 'content-type;host';
  var canonicalRequest = [
    'POST',
    '/',
    '',
    'content-type:' + contentType + '\\n' + 'host:' + host + '\\n',
    signedHeaders,
    hex(CryptoJS.SHA256(CryptoJS.enc.Utf8.parse(body)))
  ].join('\\n');
  var scope = date + '/' + service + '/tc3_request';
  var stringToSign = ['TC3-HMAC-SHA256', String(timestamp), scope, hex(CryptoJS.SHA256(CryptoJS.enc.Utf8.parse(canonicalRequest)))].join('\\n');
  var secretDate = CryptoJS.HmacSHA256(CryptoJS.enc.Utf8.parse(date), CryptoJS.enc.Utf8.parse('TC3' + secretKey));
  var secretService = CryptoJS.HmacSHA256(CryptoJS.enc.Utf8.parse(service), secretDate);
  var secretSigning = CryptoJS.HmacSHA256(CryptoJS.enc.Utf8.parse('tc3_request'), secretService);
  var signature = hex(CryptoJS.HmacSHA256(CryptoJS.enc.Utf8.parse(stringToSign), secretSigning));
  pm.request.headers.upsert({ key: 'X-TC-Timestamp', value: String(timestamp) });
  pm.request.headers.upsert({
    key: 'Authorization',
    value: 'TC3-HMAC-SHA256 Credential=' + secretId + '/' + scope + ', SignedHeaders=' + signedHeaders + ', Signature=' + signature
  });
  var token = pm.variables.get('sessionToken');
  if (token) {
    pm.request.headers.upsert({ key: 'X-TC-Token', value: token });
  } else {
    pm.request.headers.remove('X-TC-Token');
  }
})();`;


/**
 * The raw JSON body of an exported request. Postman variables are text, so a whole-value reference
 * to a variable whose value is not a string (a number such as SdkAppId, a boolean, a big integer) is
 * written bare, `"SdkAppId": {{SdkAppId}}`, and Postman inserts the digits. Other references stay
 * inside their strings.
 */
function exportBody(params: JsonObject, typed: Set<string>): string {
  const placeholders: string[] = [];
  const marker = `__trtc_bare_${newId()}_`;
  const placeholderFor = (text: string): JsonValue => {
    const whole = /^\{\{\s*(\$?[\w.-]+)\s*\}\}$/.exec(text);
    if (whole && typed.has(whole[1])) {
      placeholders.push(whole[1]);
      return `${marker}${placeholders.length - 1}`;
    }
    return mapDynamicNames(text, DYNAMIC_TO_POSTMAN);
  };
  const text = stringifyJson(mapJsonStrings(params, placeholderFor), 2);
  return text.replace(new RegExp(`"${marker}(\\d+)"`, 'g'), (_m, i: string) => `{{${DYNAMIC_TO_POSTMAN[placeholders[Number(i)]] ?? placeholders[Number(i)]}}}`);
}

/** Options of {@link toPostman}. */
export interface PostmanExportOptions {
  /** True when the user trusts this origin (`https://host[:port]`); without it only Tencent hosts export. */
  isTrusted?: (origin: string) => boolean;
}

/** Refuses a custom endpoint that is neither one of Tencent's TRTC origins nor trusted by the user. */
function checkTrusted(request: RequestItem, isTrusted: ((origin: string) => boolean) | undefined): void {
  if (request.endpoint?.kind !== 'custom') {
    return;
  }
  const url = request.endpoint.url;
  const origin = canonicalOrigin(url) ?? url;
  if (!isTencentOrigin(origin) && !isTrusted?.(origin)) {
    throw new InputError(
      `The request "${request.name}" is sent to ${url}, which is not a Tencent Cloud host and is not trusted: it is not exported, so that a collection cannot be turned into one that signs requests for a foreign host. Trust that endpoint first.`,
    );
  }
}

function exportRequest(request: RequestItem, typed: Set<string>): JsonObject {
  const origin = endpointOrigin(request.endpoint, request.region);
  const base = origin ? mapDynamicNames(origin, DYNAMIC_TO_POSTMAN) : `{{${POSTMAN_ENDPOINT_VARIABLE}}}`;
  const header: JsonObject[] = [
    { key: 'Content-Type', value: 'application/json' },
    { key: 'X-TC-Action', value: request.action },
    { key: 'X-TC-Version', value: TRTC_API_VERSION },
  ];
  if (request.region !== undefined) {
    header.push({ key: 'X-TC-Region', value: mapDynamicNames(request.region, DYNAMIC_TO_POSTMAN) });
  }
  if (request.language !== undefined) {
    header.push({ key: 'X-TC-Language', value: request.language });
  }
  const parts = /^(?:([a-z]+):\/\/)?([^/]*?)(?::(\d+))?(\/.*)?$/i.exec(base)!;
  const url: JsonObject = { raw: `${base}/` };
  if (parts[1]) {
    url.protocol = parts[1];
  }
  url.host = parts[2].startsWith('{{') ? [parts[2]] : parts[2].split('.');
  if (parts[3]) {
    url.port = parts[3];
  }
  url.path = [...(parts[4] ?? '').split('/').filter((p) => p !== ''), ''];
  const req: JsonObject = {
    method: 'POST',
    header,
    body: { mode: 'raw', raw: exportBody(request.params, typed), options: { raw: { language: 'json' } } },
    url,
  };
  if (request.description !== undefined) {
    req.description = request.description;
  }
  return { id: request.id, name: request.name, request: req, response: [] };
}

function exportItems(items: CollectionItem[], typed: Set<string>): JsonObject[] {
  return items.map((item) => {
    if (item.type === 'request') {
      return exportRequest(item, typed);
    }
    const folder: JsonObject = { name: item.name, item: exportItems(item.items, typed) };
    if (item.description !== undefined) {
      folder.description = item.description;
    }
    return folder;
  });
}

function collectRequests(items: CollectionItem[], out: RequestItem[] = []): RequestItem[] {
  for (const item of items) {
    if (item.type === 'folder') {
      collectRequests(item.items, out);
    } else {
      out.push(item);
    }
  }
  return out;
}

/**
 * A Postman Collection v2.1 of a collection or a single request. Each request becomes
 * `POST {{trtc_endpoint}}/` (or its pinned TRTC host) with a JSON body and the X-TC-Action,
 * X-TC-Version and X-TC-Region headers; a collection-level pre-request script signs each request at
 * run time with the collection variables secretId and secretKey, which are exported empty. `{{X}}`
 * references become Postman variables of the same name, with the environment's values (secret ones
 * empty). Assertions, and the legacy sign methods, have no equivalent and are not exported.
 *
 * A request whose custom endpoint is not a Tencent Cloud host is exported only when
 * `options.isTrusted(origin)` says the user trusts that origin: otherwise a repository's collection
 * could be turned into a Postman collection that signs requests for a foreign host.
 *
 * @throws InputError naming the first untrusted endpoint.
 */
export function toPostman(source: Collection | RequestItem, environment?: Environment, options: PostmanExportOptions = {}): JsonObject {
  const isRequest = 'type' in source && source.type === 'request';
  const name = source.name;
  const items: CollectionItem[] = isRequest ? [source as RequestItem] : (source as Collection).items;
  for (const request of collectRequests(items)) {
    checkTrusted(request, options.isTrusted);
  }
  const description = source.description;

  const typed = new Set<string>(['$timestamp', '$randomInt']);
  const variables: JsonObject[] = [
    { key: POSTMAN_ENDPOINT_VARIABLE, value: `https://${TRTC_NEAREST_HOST}`, type: 'string' },
    ...POSTMAN_CREDENTIAL_VARIABLES.map((key): JsonObject => ({ key, value: '', type: 'string' })),
  ];
  const declared = new Set<string>([POSTMAN_ENDPOINT_VARIABLE, ...POSTMAN_CREDENTIAL_VARIABLES]);
  const addVariable = (key: string, def: VariableDefinition | undefined): void => {
    if (declared.has(key) || key.startsWith('$')) {
      return;
    }
    declared.add(key);
    const entry: JsonObject = { key, value: def && !def.secret && def.value !== undefined ? variableText(def.value) : '', type: 'string' };
    if (def?.description !== undefined) {
      entry.description = def.description;
    }
    variables.push(entry);
  };
  if (environment) {
    for (const [key, def] of Object.entries(environment.variables)) {
      if (!def.secret && def.value !== undefined && typeof def.value !== 'string') {
        typed.add(key);
      }
      addVariable(key, def);
    }
  }
  for (const request of collectRequests(items)) {
    for (const ref of findVariableReferences(request)) {
      addVariable(ref.name, undefined);
    }
  }

  const info: JsonObject = { _postman_id: randomUUID(), name, schema: POSTMAN_SCHEMA_V21 };
  if (description !== undefined) {
    info.description = description;
  }
  return {
    info,
    item: exportItems(items, typed),
    event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: PRE_REQUEST_SCRIPT.split('\n') } }],
    variable: variables,
  };
}

