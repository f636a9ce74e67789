import { randomInt } from 'node:crypto';
import { formatBytes, InputError } from '../errors';
import { stringifyJson } from '../json';
import { encodeParams, type ParamPair } from './encoding';
import { flattenParams } from './flattenParams';
import { signSortedLegacy, type LegacySignMethod } from './legacy';
import { signTc3 } from './tc3';
import { HTTP_METHODS, LANGUAGES, SIGN_METHODS, SIGNED_HEADERS_MODES, type HttpMethod, type SignedRequest, type SignInput, type SignMethod } from './types';

/** The content type of every GET request and of legacy form POSTs. */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** The content type of a TC3 POST when the caller does not choose one. */
export const JSON_CONTENT_TYPE = 'application/json';

/** The largest requests the API accepts, in bytes (1 KB = 1024 bytes). */
export const REQUEST_SIZE_LIMITS = {
  /** GET, measured on the path and query string. */
  get: 32 * 1024,
  /** POST signed with HmacSHA1 or HmacSHA256, measured on the form body. */
  postLegacy: 1024 * 1024,
  /** POST signed with TC3-HMAC-SHA256, measured on the JSON body. */
  postTc3: 10 * 1024 * 1024,
} as const;

/**
 * Parameter names the legacy methods set themselves. An action parameter with one of these names
 * would be overwritten or sent twice, so it is refused.
 */
export const LEGACY_COMMON_PARAMS: readonly string[] = [
  'Action',
  'Version',
  'Region',
  'Timestamp',
  'Nonce',
  'SecretId',
  'SignatureMethod',
  'Token',
  'Language',
  'Signature',
];

const LEGACY_COMMON_PARAM_SET = new Set(LEGACY_COMMON_PARAMS);

/** Headers `signRequest` sets itself; `extraHeaders` may not replace them, or the signature breaks. */
const OWN_HEADERS = new Set([
  'host',
  'content-type',
  'authorization',
  'x-tc-action',
  'x-tc-version',
  'x-tc-timestamp',
  'x-tc-region',
  'x-tc-token',
  'x-tc-language',
]);

/** The largest timestamp whose UTC date still has a four-digit year (9999-12-31T23:59:59Z). */
const MAX_TIMESTAMP = 253402300799;

const ACTION_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CONTROL_CHARS = /[\x00-\x1f\x7f]/;
const HOST_FORBIDDEN = /[\s/?#@\\]/;

/**
 * Signs one API call and returns the request to send with the full trace of the signature.
 *
 * TC3-HMAC-SHA256 POST sends `stringifyJson(params)` (or `payload`) as the body; TC3 GET and the
 * legacy methods flatten the parameters into a query string or form body. Give `timestamp` and
 * `nonce` to reproduce a signature exactly; the legacy nonce is random otherwise.
 *
 * `null` members are sent as JSON `null` in a TC3 POST body but left out when parameters are
 * flattened, where a parameter is either present with a value or absent.
 *
 * Legacy requests always carry `SignatureMethod`, for HmacSHA1 too: the server would assume SHA-1
 * without it, but naming the method makes every request and trace say how it was signed, and it is
 * what the official Node SDK sends.
 *
 * @throws InputError when the input is incomplete or malformed, or the request is over the size limit.
 */
export function signRequest(input: SignInput): SignedRequest {
  validateSignInput(input);
  return input.signMethod === 'TC3-HMAC-SHA256' ? signTc3Request(input) : signLegacyRequest(input, input.signMethod);
}

function signTc3Request(input: SignInput): SignedRequest {
  const path = input.path ?? '/';
  let body = '';
  let query = '';
  let contentType: string;
  if (input.httpMethod === 'POST') {
    body = input.payload ?? stringifyJson(input.params);
    contentType = input.contentType ?? JSON_CONTENT_TYPE;
    checkRequestSize('POST', 'TC3-HMAC-SHA256', Buffer.byteLength(body, 'utf8'));
  } else {
    query = encodeParams(flattenParams(input.params));
    contentType = FORM_CONTENT_TYPE;
  }
  const pathAndQuery = query === '' ? path : path + '?' + query;
  if (input.httpMethod === 'GET') {
    checkRequestSize('GET', 'TC3-HMAC-SHA256', Buffer.byteLength(pathAndQuery, 'utf8'));
  }
  const trace = signTc3({
    secretId: input.credentials.secretId,
    secretKey: input.credentials.secretKey,
    service: input.service,
    host: input.host,
    httpMethod: input.httpMethod,
    canonicalUri: path,
    canonicalQueryString: query,
    contentType,
    action: input.action,
    signedHeaders: input.signedHeaders,
    timestamp: input.timestamp,
    payload: body,
  });
  const headers: Record<string, string> = {
    Host: input.host,
    'Content-Type': contentType,
    'X-TC-Action': input.action,
    'X-TC-Version': input.version,
    'X-TC-Timestamp': String(input.timestamp),
  };
  if (input.region) {
    headers['X-TC-Region'] = input.region;
  }
  if (input.credentials.token) {
    headers['X-TC-Token'] = input.credentials.token;
  }
  if (input.language) {
    headers['X-TC-Language'] = input.language;
  }
  headers.Authorization = trace.authorization;
  addExtraHeaders(headers, input.extraHeaders);
  return { method: input.httpMethod, pathAndQuery, headers, body, trace };
}

function signLegacyRequest(input: SignInput, signMethod: LegacySignMethod): SignedRequest {
  const path = input.path ?? '/';
  // Flattened names of nested members contain dots, so only top-level names can clash.
  for (const name of Object.keys(input.params)) {
    if (LEGACY_COMMON_PARAM_SET.has(name)) {
      throw new InputError(
        `Parameter ${name} is a common parameter that ${signMethod} signing sets itself; remove it from the action's parameters`,
        name,
      );
    }
  }
  const params = flattenParams(input.params);
  const common = legacyCommonParams(input, signMethod);
  for (const pair of common) {
    params.push(pair);
  }
  // The flattened list is ours, so it is sorted in place rather than copied.
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const trace = signSortedLegacy(
    { secretKey: input.credentials.secretKey, signMethod, httpMethod: input.httpMethod, host: input.host, path, params },
    params,
  );
  const headers: Record<string, string> = { Host: input.host };
  let pathAndQuery = path;
  let body = '';
  if (input.httpMethod === 'POST') {
    headers['Content-Type'] = FORM_CONTENT_TYPE;
    body = trace.encodedParams;
    checkRequestSize('POST', signMethod, Buffer.byteLength(body, 'utf8'));
  } else {
    pathAndQuery = path + '?' + trace.encodedParams;
    checkRequestSize('GET', signMethod, Buffer.byteLength(pathAndQuery, 'utf8'));
  }
  addExtraHeaders(headers, input.extraHeaders);
  return { method: input.httpMethod, pathAndQuery, headers, body, trace };
}

/**
 * The common parameters of a legacy request, unsorted: Action, Version, Region (when given),
 * Timestamp, Nonce, SecretId, SignatureMethod, Token (with temporary credentials) and Language (when
 * given). The nonce is drawn from a cryptographic source when the input has none.
 */
export function legacyCommonParams(input: SignInput, signMethod: LegacySignMethod): ParamPair[] {
  const common: ParamPair[] = [
    ['Action', input.action],
    ['Version', input.version],
  ];
  if (input.region) {
    common.push(['Region', input.region]);
  }
  common.push(
    ['Timestamp', String(input.timestamp)],
    ['Nonce', String(input.nonce ?? randomNonce())],
    ['SecretId', input.credentials.secretId],
    ['SignatureMethod', signMethod],
  );
  if (input.credentials.token) {
    common.push(['Token', input.credentials.token]);
  }
  if (input.language) {
    common.push(['Language', input.language]);
  }
  return common;
}

/** A random positive nonce that fits a signed 32-bit integer, from the operating system's CSPRNG. */
export function randomNonce(): number {
  return randomInt(1, 2 ** 31);
}

function addExtraHeaders(headers: Record<string, string>, extra: Record<string, string> | undefined): void {
  if (extra) {
    for (const name of Object.keys(extra)) {
      headers[name] = extra[name];
    }
  }
}

/** The size limit that applies to a request, in bytes, with the phrase that names it in messages. */
export function requestSizeLimit(httpMethod: HttpMethod, signMethod: SignMethod): { bytes: number; what: string } {
  if (httpMethod === 'GET') {
    return { bytes: REQUEST_SIZE_LIMITS.get, what: 'GET requests (measured on the path and query string)' };
  }
  if (signMethod === 'TC3-HMAC-SHA256') {
    return { bytes: REQUEST_SIZE_LIMITS.postTc3, what: 'POST requests signed with TC3-HMAC-SHA256 (measured on the body)' };
  }
  return { bytes: REQUEST_SIZE_LIMITS.postLegacy, what: `POST requests signed with ${signMethod} (measured on the body)` };
}

/**
 * Refuses a request the server would reject for its size, naming the limit and the excess.
 * `bytes` counts what is sent: the UTF-8 body of a POST, the path and query string of a GET.
 */
export function checkRequestSize(httpMethod: HttpMethod, signMethod: SignMethod, bytes: number): void {
  const limit = requestSizeLimit(httpMethod, signMethod);
  if (bytes <= limit.bytes) {
    return;
  }
  const over = bytes - limit.bytes;
  const advice =
    httpMethod === 'GET'
      ? 'Send it with POST instead, which allows up to 10 MB with TC3-HMAC-SHA256.'
      : signMethod === 'TC3-HMAC-SHA256'
        ? 'Send fewer or smaller parameters.'
        : 'Sign it with TC3-HMAC-SHA256 instead, which allows up to 10 MB, or send smaller parameters.';
  throw new InputError(
    `The request is ${sizeText(bytes)}, ${sizeText(over)} over the ${formatBytes(limit.bytes)} limit for ${limit.what}. ${advice}`,
  );
}

function sizeText(bytes: number): string {
  if (bytes < 1024) {
    return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  }
  return `${formatBytes(bytes)} (${bytes} bytes)`;
}

/**
 * Checks everything `signRequest` needs before any work is done, with a message that says what is
 * wrong and how to fix it. Secret values never appear in the messages.
 *
 * @throws InputError on the first problem found.
 */
export function validateSignInput(input: SignInput): void {
  const { credentials } = input;
  if (!SIGN_METHODS.includes(input.signMethod)) {
    throw new InputError(`Unknown signature method "${String(input.signMethod)}"; use one of ${SIGN_METHODS.join(', ')}`, 'signMethod');
  }
  if (!HTTP_METHODS.includes(input.httpMethod)) {
    throw new InputError(`Unsupported HTTP method "${String(input.httpMethod)}"; the API accepts only ${HTTP_METHODS.join(' and ')}`, 'httpMethod');
  }
  if (typeof input.action !== 'string' || input.action === '') {
    throw new InputError('The action is empty; give the name of the API to call, such as DescribeRoomInfo', 'action');
  }
  if (!ACTION_NAME.test(input.action)) {
    throw new InputError(
      `The action "${input.action.slice(0, 80)}" is not an API name; action names are letters and digits only, such as DismissRoom`,
      'action',
    );
  }
  requireHeaderText(input.version, 'version', 'the API version, such as 2019-07-22');
  requireHeaderText(input.service, 'service', 'the service name, the first label of the host, such as trtc');
  if (/[\s/]/.test(input.service)) {
    throw new InputError(`The service "${input.service}" may not contain spaces or slashes; it is the first label of the host, such as trtc`, 'service');
  }
  requireHeaderText(input.host, 'host', 'the API host, such as trtc.tencentcloudapi.com');
  if (HOST_FORBIDDEN.test(input.host)) {
    throw new InputError(
      `The host "${input.host.slice(0, 100)}" must be a bare host name with an optional :port, such as trtc.tencentcloudapi.com, without scheme, path or spaces`,
      'host',
    );
  }
  if (input.path !== undefined && (!input.path.startsWith('/') || /[\s?#]/.test(input.path) || CONTROL_CHARS.test(input.path))) {
    throw new InputError('The path must start with "/" and contain no spaces, "?" or "#"; Tencent Cloud always uses "/"', 'path');
  }
  checkSecret(credentials?.secretId, 'SecretId');
  checkSecret(credentials?.secretKey, 'SecretKey');
  if (credentials.token !== undefined && (typeof credentials.token !== 'string' || CONTROL_CHARS.test(credentials.token))) {
    throw new InputError('The session token contains line breaks or other control characters; copy it again', 'credentials.token');
  }
  if (input.region !== undefined && input.region !== '' && (typeof input.region !== 'string' || /[\s\x00-\x1f\x7f]/.test(input.region))) {
    throw new InputError(`The region "${String(input.region).slice(0, 60)}" may not contain spaces or control characters, such as ap-guangzhou`, 'region');
  }
  if (input.language !== undefined && !LANGUAGES.includes(input.language)) {
    throw new InputError(`Unknown language "${String(input.language)}"; use ${LANGUAGES.join(' or ')}`, 'language');
  }
  if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0 || input.timestamp > MAX_TIMESTAMP) {
    throw new InputError(`The timestamp ${String(input.timestamp)} is not a valid Unix time in whole seconds`, 'timestamp');
  }
  if (input.nonce !== undefined && (!Number.isSafeInteger(input.nonce) || input.nonce < 1)) {
    throw new InputError(`The nonce ${String(input.nonce)} must be a positive integer`, 'nonce');
  }
  const tc3 = input.signMethod === 'TC3-HMAC-SHA256';
  if (input.signedHeaders !== undefined) {
    if (!tc3) {
      throw new InputError(`Signed headers apply only to TC3-HMAC-SHA256; ${input.signMethod} signs the parameters instead`, 'signedHeaders');
    }
    if (!SIGNED_HEADERS_MODES.includes(input.signedHeaders)) {
      throw new InputError(`Unknown signed headers "${String(input.signedHeaders)}"; use ${SIGNED_HEADERS_MODES.join(' or ')}`, 'signedHeaders');
    }
  }
  if (input.contentType !== undefined) {
    checkContentType(input, tc3);
  }
  if (input.payload !== undefined && !(tc3 && input.httpMethod === 'POST')) {
    throw new InputError('An exact payload can only be sent with a TC3-HMAC-SHA256 POST; other requests carry their parameters in the query or form', 'payload');
  }
  if (input.payload === undefined && (typeof input.params !== 'object' || input.params === null || Array.isArray(input.params))) {
    throw new InputError('The parameters must be a JSON object, such as {"SdkAppId": 1400000001}', 'params');
  }
  if (input.extraHeaders) {
    for (const name of Object.keys(input.extraHeaders)) {
      if (!HEADER_NAME.test(name)) {
        throw new InputError(`The extra header name "${name.slice(0, 60)}" is not a valid HTTP header name`, 'extraHeaders');
      }
      if (OWN_HEADERS.has(name.toLowerCase())) {
        throw new InputError(`The extra header ${name} would replace a header that signing sets itself; remove it`, 'extraHeaders');
      }
      const value = input.extraHeaders[name];
      if (typeof value !== 'string' || /[\r\n\0]/.test(value)) {
        throw new InputError(`The extra header ${name} has a value with line breaks or no text; give a single-line string`, 'extraHeaders');
      }
    }
  }
}

function requireHeaderText(value: unknown, field: string, example: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`The ${field} is empty; give ${example}`, field);
  }
  if (CONTROL_CHARS.test(value)) {
    throw new InputError(`The ${field} contains line breaks or other control characters; give ${example}`, field);
  }
}

function checkSecret(value: unknown, name: 'SecretId' | 'SecretKey'): void {
  const field = name === 'SecretId' ? 'credentials.secretId' : 'credentials.secretKey';
  if (typeof value !== 'string' || value === '') {
    throw new InputError(`The ${name} is empty; set the API key's ${name} in the credentials`, field);
  }
  if (value.trim() !== value) {
    throw new InputError(`The ${name} starts or ends with spaces or line breaks; copy it again without them`, field);
  }
  if (CONTROL_CHARS.test(value)) {
    throw new InputError(`The ${name} contains control characters; copy it again`, field);
  }
}

function checkContentType(input: SignInput, tc3: boolean): void {
  const contentType = input.contentType ?? '';
  if (CONTROL_CHARS.test(contentType)) {
    throw new InputError('The content type contains line breaks or other control characters', 'contentType');
  }
  const mediaType = contentType.split(';', 1)[0].trim().toLowerCase();
  if (tc3 && input.httpMethod === 'POST') {
    if (mediaType !== JSON_CONTENT_TYPE) {
      throw new InputError(
        `A TC3-HMAC-SHA256 POST sends a JSON body, so its content type must be application/json (optionally with a charset), not "${contentType.slice(0, 80)}"`,
        'contentType',
      );
    }
    return;
  }
  if (mediaType !== FORM_CONTENT_TYPE) {
    const which = input.httpMethod === 'GET' ? 'GET requests' : `POST requests signed with ${input.signMethod}`;
    throw new InputError(`${which} always use ${FORM_CONTENT_TYPE}; leave the content type unset`, 'contentType');
  }
}
