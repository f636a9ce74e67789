import type { JsonObject } from '../json';

/** The three signature methods the API accepts. */
export type SignMethod = 'TC3-HMAC-SHA256' | 'HmacSHA256' | 'HmacSHA1';
export const SIGN_METHODS: readonly SignMethod[] = ['TC3-HMAC-SHA256', 'HmacSHA256', 'HmacSHA1'];

/** HTTP methods the API accepts. */
export type HttpMethod = 'POST' | 'GET';
export const HTTP_METHODS: readonly HttpMethod[] = ['POST', 'GET'];

/** Values of `X-TC-Language` / `Language`. */
export type Language = 'zh-CN' | 'en-US';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en-US'];

/** The two documented sets of TC3 signed headers. */
export type SignedHeadersMode = 'content-type;host' | 'content-type;host;x-tc-action';
export const SIGNED_HEADERS_MODES: readonly SignedHeadersMode[] = ['content-type;host', 'content-type;host;x-tc-action'];

/** A SecretId/SecretKey pair, with the session token of temporary credentials. */
export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
}

/** Everything that determines a signature. Fixing `timestamp` and `nonce` makes it reproducible. */
export interface SignInput {
  credentials: Credentials;
  /** TC3 service name, the first label of the host: `trtc`. */
  service: string;
  /** API version: `2019-07-22`. */
  version: string;
  action: string;
  /** The `Host` header: `trtc.tencentcloudapi.com`, or `127.0.0.1:8443` for a custom endpoint. */
  host: string;
  /** Request path; always `/` for Tencent Cloud, configurable for proxies in front of a stand-in. */
  path?: string;
  /** Omitted from the request when undefined. */
  region?: string;
  language?: Language;
  params: JsonObject;
  signMethod: SignMethod;
  httpMethod: HttpMethod;
  /** TC3 only. Defaults to `content-type;host`. */
  signedHeaders?: SignedHeadersMode;
  /** TC3 POST only. Defaults to `application/json`. */
  contentType?: string;
  /**
   * TC3 POST only: the exact body text to sign and send instead of `stringifyJson(params)`, for
   * replaying a request byte for byte (a pasted body, a published example). `params` is then ignored.
   */
  payload?: string;
  /** Unix seconds. */
  timestamp: number;
  /** Legacy methods only: a positive integer; random when omitted. */
  nonce?: number;
  /** Extra unsigned headers such as `X-TC-RequestClient`. */
  extraHeaders?: Record<string, string>;
}

/** A request ready to send: the HTTP layer adds the scheme and origin. */
export interface SignedRequest {
  method: HttpMethod;
  /** Path and query string, such as `/` or `/?Action=DismissRoom&...`. */
  pathAndQuery: string;
  /** Header names in their canonical case (`Content-Type`, `X-TC-Action`...). */
  headers: Record<string, string>;
  /** The exact bytes that were hashed (TC3) or form-encoded (legacy POST); empty for GET. */
  body: string;
  trace: SignatureTrace;
}

/** Every intermediate value of a TC3-HMAC-SHA256 signature, in order. */
export interface Tc3Trace {
  method: 'TC3-HMAC-SHA256';
  httpMethod: HttpMethod;
  timestamp: number;
  /** UTC date of the timestamp, `YYYY-MM-DD`. */
  date: string;
  service: string;
  canonicalUri: string;
  canonicalQueryString: string;
  canonicalHeaders: string;
  signedHeaders: string;
  /** The exact payload bytes that were hashed (as UTF-8 text). */
  payload: string;
  hashedPayload: string;
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  credentialScope: string;
  stringToSign: string;
  /** Hex of the derived keys: secret material for one day and service. */
  secretDate: string;
  secretService: string;
  secretSigning: string;
  signature: string;
  authorization: string;
}

/** Every intermediate value of a legacy HmacSHA1/HmacSHA256 signature, in order. */
export interface LegacyTrace {
  method: 'HmacSHA1' | 'HmacSHA256';
  httpMethod: HttpMethod;
  timestamp: number;
  nonce: number;
  /** All parameters, flattened (`Filters.0.Name`) and sorted by name, with raw values (Signature excluded). */
  sortedParams: Array<[string, string]>;
  /** `METHOD + host + path + '?' + k=v&...` */
  sourceString: string;
  /** Base64 signature. */
  signature: string;
  /** The query string (GET) or form body (POST) that was sent, Signature included. */
  encodedParams: string;
}

export type SignatureTrace = Tc3Trace | LegacyTrace;
