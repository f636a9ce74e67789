import { createHash, createHmac } from 'node:crypto';
import type { HttpMethod, SignedHeadersMode, Tc3Trace } from './types';

/** The algorithm name that opens the string to sign and the Authorization header. */
export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** The last element of every TC3 credential scope. */
export const TC3_TERMINATOR = 'tc3_request';

/** The signed headers when the caller does not choose: the set every official SDK signs. */
export const DEFAULT_SIGNED_HEADERS: SignedHeadersMode = 'content-type;host';

/**
 * The UTC calendar date (`YYYY-MM-DD`) of a Unix timestamp in seconds: the date of the credential
 * scope. Local time must not be used; near midnight it names the wrong day.
 */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** Lower-case hex SHA-256 of UTF-8 text or bytes: the payload hash and the canonical request hash. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The three keys derived from a SecretKey; each is the raw HMAC digest that keys the next step. */
export interface Tc3Keys {
  secretDate: Buffer;
  secretService: Buffer;
  secretSigning: Buffer;
}

/**
 * Derives the signing key for one UTC date and one service: HMAC-SHA256 keyed with `"TC3" + secretKey`
 * over the date, then over the service, then over `tc3_request`.
 */
export function deriveTc3Keys(secretKey: string, date: string, service: string): Tc3Keys {
  const secretDate = createHmac('sha256', 'TC3' + secretKey).update(date).digest();
  const secretService = createHmac('sha256', secretDate).update(service).digest();
  const secretSigning = createHmac('sha256', secretService).update(TC3_TERMINATOR).digest();
  return { secretDate, secretService, secretSigning };
}

// The derived keys change once a day per key and service, and deriving them is half the cost of a
// signature. Only the most recent derivation is kept: the SecretKey is in memory during a call
// anyway, and a single entry never accumulates keys of profiles that were removed.
let lastDerivation: { secretKey: string; date: string; service: string; keys: Tc3Keys } | undefined;

/** {@link deriveTc3Keys} with the last result remembered. */
export function cachedTc3Keys(secretKey: string, date: string, service: string): Tc3Keys {
  const last = lastDerivation;
  if (last && last.secretKey === secretKey && last.date === date && last.service === service) {
    return last.keys;
  }
  const keys = deriveTc3Keys(secretKey, date, service);
  lastDerivation = { secretKey, date, service, keys };
  return keys;
}

/** The canonical header block and the matching SignedHeaders list. */
export interface CanonicalHeaders {
  /** `name:value\n` per header, names lower-cased and sorted, values trimmed. */
  canonicalHeaders: string;
  /** The lower-cased names joined by `;`, such as `content-type;host`. */
  signedHeaders: string;
}

/**
 * Builds the canonical header block from the headers to sign, given with the values that are sent.
 * Names are lower-cased and sorted in code-unit order and values trimmed. The value of `X-TC-Action`
 * is also lower-cased: that is how the documentation's own x-tc-action example signs it, while the
 * header on the wire keeps the action's real case.
 */
export function canonicalHeaders(headers: ReadonlyArray<readonly [name: string, value: string]>): CanonicalHeaders {
  const lines = headers.map(([name, value]): [string, string] => {
    const lower = name.toLowerCase();
    const trimmed = value.trim();
    return [lower, lower === 'x-tc-action' ? trimmed.toLowerCase() : trimmed];
  });
  lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let block = '';
  let names = '';
  for (let i = 0; i < lines.length; i++) {
    block += lines[i][0] + ':' + lines[i][1] + '\n';
    names += i === 0 ? lines[i][0] : ';' + lines[i][0];
  }
  return { canonicalHeaders: block, signedHeaders: names };
}

/** The six parts of a canonical request, each already in canonical form. */
export interface CanonicalRequestParts {
  httpMethod: HttpMethod | string;
  /** The path, `/` for Tencent Cloud. */
  canonicalUri: string;
  /** The query string exactly as sent, without `?`; empty for POST. */
  canonicalQueryString: string;
  /** From {@link canonicalHeaders}, ending with a newline. */
  canonicalHeaders: string;
  signedHeaders: string;
  /** {@link sha256Hex} of the exact body bytes; of the empty string for GET. */
  hashedPayload: string;
}

/** Joins the canonical request: method, URI, query, headers, signed header names and payload hash. */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  return (
    parts.httpMethod.toUpperCase() +
    '\n' +
    parts.canonicalUri +
    '\n' +
    parts.canonicalQueryString +
    '\n' +
    parts.canonicalHeaders +
    '\n' +
    parts.signedHeaders +
    '\n' +
    parts.hashedPayload
  );
}

/** `date/service/tc3_request`: the scope a derived key is valid for. */
export function tc3CredentialScope(date: string, service: string): string {
  return date + '/' + service + '/' + TC3_TERMINATOR;
}

/** The string the final HMAC signs: algorithm, timestamp, credential scope and canonical request hash. */
export function tc3StringToSign(timestamp: number | string, credentialScope: string, hashedCanonicalRequest: string): string {
  return TC3_ALGORITHM + '\n' + timestamp + '\n' + credentialScope + '\n' + hashedCanonicalRequest;
}

/** Lower-case hex HMAC-SHA256 of the string to sign, keyed with the derived signing key. */
export function tc3Signature(secretSigning: Uint8Array, stringToSign: string): string {
  return createHmac('sha256', secretSigning).update(stringToSign).digest('hex');
}

/** The `Authorization` header value. */
export function tc3Authorization(secretId: string, credentialScope: string, signedHeaders: string, signature: string): string {
  return TC3_ALGORITHM + ' Credential=' + secretId + '/' + credentialScope + ', SignedHeaders=' + signedHeaders + ', Signature=' + signature;
}

/** Inputs of {@link signTc3}: the canonical pieces of one request, payload given as exact text. */
export interface Tc3SignArgs {
  secretId: string;
  secretKey: string;
  service: string;
  /**
   * The `Host` header as sent, port included when there is one. Canonical headers carry the values
   * that are sent; the official Node SDK drops the port here, which only matters off Tencent's hosts.
   */
  host: string;
  httpMethod: HttpMethod;
  /** Defaults to `/`. */
  canonicalUri?: string;
  /** The query string exactly as sent (already encoded), without `?`; empty for POST. */
  canonicalQueryString: string;
  /** The `Content-Type` header as sent. */
  contentType: string;
  /** Needed only when `signedHeaders` includes `x-tc-action`. */
  action?: string;
  signedHeaders?: SignedHeadersMode;
  timestamp: number;
  /** The exact body text that is sent (UTF-8 on the wire); empty for GET. */
  payload: string;
}

/**
 * Computes a TC3-HMAC-SHA256 signature over exact inputs and returns every intermediate value.
 * Use it to sign a payload whose bytes are fixed elsewhere (a pasted request, a published example);
 * {@link signRequest} builds these inputs from parameters.
 */
export function signTc3(args: Tc3SignArgs): Tc3Trace {
  const headers: Array<[string, string]> = [
    ['content-type', args.contentType],
    ['host', args.host],
  ];
  if ((args.signedHeaders ?? DEFAULT_SIGNED_HEADERS) === 'content-type;host;x-tc-action') {
    headers.push(['x-tc-action', args.action ?? '']);
  }
  const canonical = canonicalHeaders(headers);
  const canonicalUri = args.canonicalUri ?? '/';
  const hashedPayload = sha256Hex(args.payload);
  const request = canonicalRequest({
    httpMethod: args.httpMethod,
    canonicalUri,
    canonicalQueryString: args.canonicalQueryString,
    canonicalHeaders: canonical.canonicalHeaders,
    signedHeaders: canonical.signedHeaders,
    hashedPayload,
  });
  const hashedCanonicalRequest = sha256Hex(request);
  const date = utcDate(args.timestamp);
  const credentialScope = tc3CredentialScope(date, args.service);
  const stringToSign = tc3StringToSign(args.timestamp, credentialScope, hashedCanonicalRequest);
  const keys = cachedTc3Keys(args.secretKey, date, args.service);
  const signature = tc3Signature(keys.secretSigning, stringToSign);
  return {
    method: 'TC3-HMAC-SHA256',
    httpMethod: args.httpMethod,
    timestamp: args.timestamp,
    date,
    service: args.service,
    canonicalUri,
    canonicalQueryString: args.canonicalQueryString,
    canonicalHeaders: canonical.canonicalHeaders,
    signedHeaders: canonical.signedHeaders,
    payload: args.payload,
    hashedPayload,
    canonicalRequest: request,
    hashedCanonicalRequest,
    credentialScope,
    stringToSign,
    secretDate: keys.secretDate.toString('hex'),
    secretService: keys.secretService.toString('hex'),
    secretSigning: keys.secretSigning.toString('hex'),
    signature,
    authorization: tc3Authorization(args.secretId, credentialScope, canonical.signedHeaders, signature),
  };
}
