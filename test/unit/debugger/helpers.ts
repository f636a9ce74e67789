// Builders of requests with exactly one mistake. Correct requests come from the signer itself;
// mistaken ones are assembled from the signing core's step functions with one input changed, the
// way a user's own code would get it wrong.
import { stringifyJson, type JsonObject } from '../../../src/core/json';
import {
  canonicalHeaders,
  canonicalRequest,
  deriveTc3Keys,
  encodeParams,
  legacySignature,
  legacySourceString,
  sha256Hex,
  signRequest,
  sortParams,
  tc3Authorization,
  tc3CredentialScope,
  tc3Signature,
  tc3StringToSign,
  utcDate,
  type LegacySignMethod,
  type ParamPair,
  type SignedRequest,
  type SignInput,
} from '../../../src/core/signing';

// Made-up keys of the documented shapes: a 36-character AKID SecretId and a 32-character SecretKey.
export const SECRET_ID = 'AKIDEXAMPLErTest0123456789abcdefABCD';
export const SECRET_KEY = 'dbgSecretKey0123456789abcdefXYZ1';
export const HOST = 'trtc.tencentcloudapi.com';
// 2023-11-14T22:13:20Z: still the 14th in UTC, already the 15th in UTC+8.
export const TIMESTAMP = 1700000000;
export const PARAMS: JsonObject = { SdkAppId: 1400000001, RoomId: '未命名', StartTime: 1699990000, EndTime: 1700000000 };

/** A request signed correctly by the signer. */
export function signCorrect(overrides: Partial<SignInput> = {}): SignedRequest {
  return signRequest({
    credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    service: 'trtc',
    version: '2019-07-22',
    action: 'DescribeRoomInfo',
    host: HOST,
    region: 'ap-guangzhou',
    params: PARAMS,
    signMethod: 'TC3-HMAC-SHA256',
    httpMethod: 'POST',
    timestamp: TIMESTAMP,
    ...overrides,
  });
}

/** A signed request as a raw HTTP paste. */
export function rawHttp(method: string, pathAndQuery: string, headers: Array<[string, string]> | Record<string, string>, body: string, eol = '\r\n'): string {
  const list = Array.isArray(headers) ? headers : Object.entries(headers);
  return [`${method} ${pathAndQuery} HTTP/1.1`, ...list.map(([k, v]) => `${k}: ${v}`), '', body].join(eol);
}

/** Our own signed request as a raw HTTP paste. */
export function signedAsRaw(signed: SignedRequest, eol = '\r\n'): string {
  return rawHttp(signed.method, signed.pathAndQuery, signed.headers, signed.body, eol);
}

/** What a TC3 client sends and, separately, what it signs; every signed value defaults to the sent one. */
export interface Tc3Mistake {
  method?: string;
  sentHost?: string;
  sentContentType?: string | null;
  sentBody?: string;
  sentTimestamp?: string;
  action?: string;
  /** Extra headers sent (not necessarily signed). */
  extraHeaders?: Array<[string, string]>;
  signedHost?: string;
  signedContentType?: string;
  signedBody?: string;
  signedTimestamp?: string;
  /** The date of the credential scope (and of the key derivation). */
  date?: string;
  service?: string;
  key?: string;
  credentialId?: string;
  /** The SignedHeaders list as written in the header and in the canonical request. */
  signedHeadersLine?: string;
  /** The canonical header block, when the mistake is in how it is written. */
  block?: string;
  /** Values for signed headers other than content-type and host. */
  signedValues?: Record<string, string>;
  /** Rewrites the finished Authorization header. */
  authorization?: (auth: string) => string;
  /** Sends a Content-Length header counting the body sent, which settles whether a final line break was sent. */
  contentLength?: boolean;
  /** The query string sent (GET), without "?". */
  sentQuery?: string;
  /** The canonical query string signed; defaults to the one sent. */
  signedQuery?: string;
  /** The canonical URI signed; defaults to "/". */
  signedUri?: string;
}

/** Builds a TC3 request whose signing went wrong exactly as described, as a raw HTTP paste. */
export function mistakenTc3(m: Tc3Mistake = {}): string {
  const method = m.method ?? 'POST';
  const sentHost = m.sentHost ?? HOST;
  const sentContentType = m.sentContentType === undefined ? 'application/json' : m.sentContentType;
  const sentBody = m.sentBody ?? stringifyJson(PARAMS);
  const sentTimestamp = m.sentTimestamp ?? String(TIMESTAMP);
  const action = m.action ?? 'DescribeRoomInfo';
  const signedTimestamp = m.signedTimestamp ?? sentTimestamp;
  const seconds = Number(signedTimestamp) > 1e11 ? Math.floor(Number(signedTimestamp) / 1000) : Number(signedTimestamp);
  const date = m.date ?? utcDate(seconds);
  const service = m.service ?? 'trtc';
  const key = m.key ?? SECRET_KEY;
  const values: Record<string, string> = {
    'content-type': m.signedContentType ?? sentContentType ?? '',
    host: m.signedHost ?? sentHost,
    'x-tc-action': action,
    ...m.signedValues,
  };
  const line = m.signedHeadersLine ?? 'content-type;host';
  const block = m.block ?? canonicalHeaders(line.split(';').map((n) => [n, values[n.toLowerCase()] ?? ''] as const)).canonicalHeaders;
  const request = canonicalRequest({
    httpMethod: method,
    canonicalUri: m.signedUri ?? '/',
    canonicalQueryString: m.signedQuery ?? m.sentQuery ?? '',
    canonicalHeaders: block,
    signedHeaders: line,
    hashedPayload: sha256Hex(m.signedBody ?? sentBody),
  });
  const scope = tc3CredentialScope(date, service);
  const stringToSign = tc3StringToSign(signedTimestamp, scope, sha256Hex(request));
  const signature = tc3Signature(deriveTc3Keys(key, date, service).secretSigning, stringToSign);
  let auth = tc3Authorization(m.credentialId ?? SECRET_ID, scope, line, signature);
  if (m.authorization) {
    auth = m.authorization(auth);
  }
  const headers: Array<[string, string]> = [['Host', sentHost]];
  if (sentContentType !== null) {
    headers.push(['Content-Type', sentContentType]);
  }
  headers.push(['X-TC-Action', action], ['X-TC-Version', '2019-07-22'], ['X-TC-Timestamp', sentTimestamp], ['X-TC-Region', 'ap-guangzhou']);
  headers.push(...(m.extraHeaders ?? []));
  if (m.contentLength) {
    headers.push(['Content-Length', String(Buffer.byteLength(method === 'GET' ? '' : sentBody))]);
  }
  headers.push(['Authorization', auth]);
  return rawHttp(method, m.sentQuery ? '/?' + m.sentQuery : '/', headers, method === 'GET' ? '' : sentBody);
}

/** The common parameters of a legacy request, plus the action's own, unsorted. */
export function legacyParams(extra: ParamPair[] = [], signatureMethod?: string): ParamPair[] {
  const pairs: ParamPair[] = [
    ['Action', 'DescribeRoomInfo'],
    ['Version', '2019-07-22'],
    ['Region', 'ap-guangzhou'],
    ['Timestamp', String(TIMESTAMP)],
    ['Nonce', '11886'],
    ['SecretId', SECRET_ID],
    ['SdkAppId', '1400000001'],
    ['RoomId', 'room 1'],
    ...extra,
  ];
  if (signatureMethod) {
    pairs.push(['SignatureMethod', signatureMethod]);
  }
  return pairs;
}

/** What a legacy client signs and sends; defaults give a correct GET. */
export interface LegacyMistake {
  method?: 'GET' | 'POST';
  params?: ParamPair[];
  /** The parameters as signed (already in the order and form the client used). */
  signedParams?: ParamPair[];
  /** The parameters as sent, before the query string or body is built. */
  sentParams?: ParamPair[];
  /** Turns the signed pairs into the source string; defaults to the real one. */
  source?: (method: string, host: string, path: string, pairs: ParamPair[]) => string;
  hash?: LegacySignMethod;
  /** Builds the query string or body from the sent pairs plus Signature; defaults to encoding once. */
  encode?: (pairs: ParamPair[]) => string;
}

/** A legacy request with the given mistake: a GET URL, or a form POST as raw HTTP. */
export function mistakenLegacy(m: LegacyMistake = {}): string {
  const method = m.method ?? 'GET';
  const params = m.params ?? legacyParams();
  const signed = m.signedParams ?? sortParams(params);
  const source = (m.source ?? legacySourceString)(method, HOST, '/', signed);
  const signature = legacySignature(SECRET_KEY, source, m.hash ?? 'HmacSHA1');
  const sent: ParamPair[] = [...(m.sentParams ?? params), ['Signature', signature]];
  const encoded = (m.encode ?? encodeParams)(sent);
  if (method === 'GET') {
    return `https://${HOST}/?${encoded}`;
  }
  return rawHttp('POST', '/', [['Host', HOST], ['Content-Type', 'application/x-www-form-urlencoded']], encoded);
}
