// Drives the official tencentcloud-sdk-nodejs@4.1.300 as a test oracle. It is loaded only here, never
// from src.
//
// How the oracle is driven, and why it is faithful: the SDK's own TRTC client (`trtc_client.Client`,
// endpoint trtc.tencentcloudapi.com, version 2019-07-22) runs its real `request()` path: parameter
// cleaning (`deepRemoveNull`, `mergeData`), serialization (json-bigint), header assembly, signing
// (`Sign.sign3` / `formatRequestData` + `Sign.sign`) and form/query encoding (`querystring`). Only two
// things are replaced:
//   1. the transport: `common/http/fetch.js` exports the function that the connection module calls
//      as `fetch_1.default(url, config)` at request time, so swapping that property captures the exact
//      URL, headers and body the SDK would put on the wire, and answers with a canned success;
//   2. the clock and the nonce: the SDK reads `new Date().getTime()` (TC3), `Date.now()` (legacy) and
//      `Math.random()` (legacy nonce) with no way to inject them, so `Date` and `Math.random` are
//      replaced for the duration of one call and restored afterwards (tests run one call at a time).
// Nothing of the SDK's signing logic is reimplemented or patched, so its answers are its own.
import { createRequire } from 'node:module';

const requireSdk = createRequire(import.meta.url);

/** What the SDK would have sent. */
export interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
}

interface SdkClient {
  request(action: string, params: unknown, options?: { headers?: Record<string, string> }): Promise<unknown>;
  formatSignString(params: Record<string, string>): string;
}

interface SdkClientConstructor {
  new (config: {
    credential: { secretId: string; secretKey: string; token?: string };
    region?: string;
    profile?: {
      signMethod?: string;
      language?: string;
      httpProfile?: { reqMethod?: string; headers?: Record<string, string> };
    };
  }): SdkClient;
}

interface SdkSign {
  sign3(args: {
    method: string;
    url: string;
    payload: unknown;
    timestamp: number;
    service: string;
    secretId: string;
    secretKey: string;
    headers: Record<string, string>;
  }): string;
  sign(secretKey: string, signStr: string, signMethod: string): string;
}

const TrtcClient = (requireSdk('tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_client') as { Client: SdkClientConstructor }).Client;

/** The SDK's `Sign` class, for calling `sign3` directly on exact inputs. */
export const SdkSign = (requireSdk('tencentcloud-sdk-nodejs/tencentcloud/common/sign') as { default: SdkSign }).default;

/** The value the SDK puts in `X-TC-RequestClient` / `RequestClient`. */
export const SDK_REQUEST_CLIENT = 'SDK_NODEJS_' + (requireSdk('tencentcloud-sdk-nodejs/tencentcloud/common/sdk_version') as { sdkVersion: string }).sdkVersion;

/** The endpoint the TRTC client talks to. */
export const SDK_ENDPOINT = 'trtc.tencentcloudapi.com';

/** A fixed trace id, so the SDK does not add a random one and headers compare whole. */
export const TRACE_ID = '00000000-0000-4000-8000-000000000000';

const fetchModule = requireSdk('tencentcloud-sdk-nodejs/tencentcloud/common/http/fetch') as {
  default: (url: string, config: { method: string; headers: Record<string, unknown>; body?: unknown }) => Promise<unknown>;
};

let captured: CapturedRequest | undefined;

fetchModule.default = async (url, config) => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers)) {
    headers[name] = String(value);
  }
  const body = config.body;
  captured = {
    url,
    method: config.method,
    headers,
    body: typeof body === 'string' || Buffer.isBuffer(body) ? body : body === undefined ? undefined : String(body),
  };
  return {
    status: 200,
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
    json: async () => ({ Response: { RequestId: 'oracle' } }),
  };
};

/** One call as the SDK client sees it. */
export interface SdkCall {
  signMethod: 'TC3-HMAC-SHA256' | 'HmacSHA1' | 'HmacSHA256';
  httpMethod: 'GET' | 'POST';
  secretId: string;
  secretKey: string;
  token?: string;
  region?: string;
  language?: 'zh-CN' | 'en-US';
  action: string;
  /** Parameters in the SDK's representation (big integers as BigInt), or exact body bytes. */
  params: unknown;
  /** TC3 POST: the Content-Type the caller sets; the SDK defaults to application/json. */
  contentType?: string;
  timestamp: number;
  /** Legacy only, 0..65535 (the SDK's own range). */
  nonce?: number;
}

/** Runs the SDK client once with a fixed clock and nonce and returns the request it would send. */
export async function sdkRequest(call: SdkCall): Promise<{ request: CapturedRequest; client: SdkClient }> {
  const client = new TrtcClient({
    credential: { secretId: call.secretId, secretKey: call.secretKey, token: call.token },
    region: call.region,
    profile: { signMethod: call.signMethod, language: call.language, httpProfile: { reqMethod: call.httpMethod } },
  });
  const headers: Record<string, string> = { 'X-TC-TraceId': TRACE_ID };
  if (call.contentType !== undefined) {
    headers['Content-Type'] = call.contentType;
  }
  captured = undefined;
  const fixedMs = call.timestamp * 1000;
  const RealDate = Date;
  const realRandom = Math.random;
  // The SDK only ever calls `new Date()` and `new Date(ms)`, so one optional argument covers it.
  class FixedDate extends RealDate {
    constructor(ms?: number) {
      super(ms === undefined ? fixedMs : ms);
    }
    static override now(): number {
      return fixedMs;
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  const nonce = call.nonce ?? 1;
  // formatRequestData computes Math.round(Math.random() * 65535).
  Math.random = () => nonce / 65535;
  try {
    await client.request(call.action, call.params, { headers });
  } finally {
    globalThis.Date = RealDate;
    Math.random = realRandom;
  }
  if (!captured) {
    throw new Error('the SDK did not reach its transport');
  }
  return { request: captured, client };
}

/** The query string of a captured URL as the SDK signs it (`new URL(url).search` without `?`). */
export function sdkQuery(url: string): string {
  return new URL(url).search.slice(1);
}

/** The body as text. */
export function bodyText(body: string | Buffer | undefined): string {
  return body === undefined ? '' : typeof body === 'string' ? body : body.toString('utf8');
}
