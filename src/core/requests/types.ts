import type { EndpointChoice } from '../http/endpoints';
import type { JsonObject } from '../json';
import type { HttpMethod, Language, SignatureTrace, SignedHeadersMode, SignMethod } from '../signing/types';

// The endpoint choice belongs to the HTTP layer; requests re-export it for the callers that build specs.
export type { EndpointChoice };

/** One API call as the user describes it, before credentials and time are applied. */
export interface CallSpec {
  action: string;
  params: JsonObject;
  region?: string;
  endpoint?: EndpointChoice;
  language?: Language;
  signMethod?: SignMethod;
  httpMethod?: HttpMethod;
  signedHeaders?: SignedHeadersMode;
  /** Whole-call limit in milliseconds. */
  timeoutMs?: number;
}

/** What came back from a call that reached the API (an API error included). */
export interface CallResult {
  /** The origin the request went to, such as `https://trtc.tencentcloudapi.com`. */
  origin: string;
  httpStatus: number;
  latencyMs: number;
  /** ISO time the request was sent. */
  startedAt: string;
  requestId?: string;
  /** The `Response` object, lossless (big integers keep their digits). */
  response: JsonObject;
  /** The body exactly as received. */
  responseText: string;
  /** Set when the API answered `Response.Error`. */
  error?: { code: string; message: string };
  /** The server's `Date` header in epoch milliseconds, for clock-skew checks. */
  serverDateMs?: number;
  /** Every step of the signature; absent for sandbox answers, which are not signed. */
  trace?: SignatureTrace;
  /** True for an answer generated from the catalog without any network call. */
  sandbox: boolean;
}
