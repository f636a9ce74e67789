import { ApiError, ExplorerError, HttpStatusError, InputError, NonJsonError } from '../errors';
import { resolveEndpoint } from '../http/endpoints';
import { parseJson, stringifyJson, isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { CallResult, CallSpec } from '../requests/types';
import { redactParams, REDACTED } from '../sensitive';
import type { HttpMethod, SignMethod } from '../signing/types';

/**
 * The schema of one history entry and of the history file around it. Readers accept entries of
 * this version and older; a file whose header names a newer version is kept aside, never rewritten.
 */
export const HISTORY_SCHEMA_VERSION = 1;

/** Where a call was started; `rerun` is a call repeated from a history entry. */
export type HistorySource = 'form' | 'collection' | 'cli' | 'rerun';

/**
 * Where an entry's response body is. The body itself is not part of the entry, so entries stay
 * small for trees and messages; read it with `HistoryStore.getResponseBody(id)`.
 */
export interface HistoryResponseInfo {
  /** Size of the whole body in UTF-8 bytes. */
  size: number;
  /**
   * Name of the side file under the store's `bodies` folder, for a body larger than the inline cap;
   * absent when the body is kept inline in the log.
   */
  file?: string;
}

/**
 * One recorded call. Plain data that survives `JSON.stringify`/`postMessage` unchanged: parameters
 * are kept as lossless JSON text (`paramsJson`) so numbers beyond 2^53 keep their digits without
 * special objects in the entry; read them with {@link entryParams}. The response body is fetched
 * separately (see {@link HistoryResponseInfo}).
 */
export interface HistoryEntry {
  /** Version of this entry's shape; see {@link HISTORY_SCHEMA_VERSION}. */
  schemaVersion: number;
  /** Unique, roughly time-ordered id. */
  id: string;
  /** ISO time the request was sent. */
  time: string;
  action: string;
  region?: string;
  /** The origin the request went to, such as `https://trtc.tencentcloudapi.com`. */
  endpoint: string;
  /** Name of the credential profile used; keys are never recorded. */
  profile?: string;
  /** Compact lossless JSON of the request parameters, with sensitive values replaced by `<redacted>`. */
  paramsJson: string;
  /** Paths of the redacted parameters (`StorageParams.CloudStorage.SecretKey`), so a re-run can ask for them. */
  redactedPaths: string[];
  signMethod: SignMethod;
  httpMethod: HttpMethod;
  source: HistorySource;
  /** True for an answer generated without a network call. */
  sandbox: boolean;
  /** Whole-call time in milliseconds, when the call got that far. */
  latencyMs?: number;
  /** HTTP status of the answer; absent when no answer arrived (network failure, timeout). */
  httpStatus?: number;
  requestId?: string;
  /**
   * The API's `Response.Error` (code such as `FailedOperation.RoomNotExist`), or for a call that got
   * no API answer, the failure kind (`network`, `timeout`...) and its message.
   */
  error?: { code: string; message: string };
  response?: HistoryResponseInfo;
}

/** What a caller hands to the store for one call; the store adds id, redaction and body storage. */
export interface HistoryInput {
  action: string;
  region?: string;
  /** URL or origin of the endpoint; only the origin is kept (no path, query or user info). */
  endpoint: string;
  profile?: string;
  /** Parameters as sent; sensitive values are redacted before anything is stored. */
  params: JsonObject;
  /** ISO time the request was sent; now when omitted. */
  time?: string;
  latencyMs?: number;
  httpStatus?: number;
  requestId?: string;
  error?: { code: string; message: string };
  signMethod: SignMethod;
  httpMethod: HttpMethod;
  source: HistorySource;
  sandbox?: boolean;
  /**
   * The response body exactly as received, when there was one. It is stored as is, except that a
   * redacted parameter value the server echoed back is replaced by `<redacted>` there too.
   */
  responseText?: string;
}

/** Builds the store's input from a call that reached the API (an API error included). */
export function historyInputFromCall(
  spec: CallSpec,
  result: CallResult,
  meta: { source: HistorySource; profile?: string },
): HistoryInput {
  return {
    action: spec.action,
    region: spec.region,
    endpoint: result.origin,
    profile: meta.profile,
    params: spec.params,
    time: result.startedAt,
    latencyMs: result.latencyMs,
    httpStatus: result.httpStatus,
    requestId: result.requestId,
    error: result.error,
    signMethod: result.trace?.method ?? spec.signMethod ?? 'TC3-HMAC-SHA256',
    httpMethod: result.trace?.httpMethod ?? spec.httpMethod ?? 'POST',
    source: meta.source,
    sandbox: result.sandbox,
    responseText: result.responseText,
  };
}

/**
 * Builds the store's input from a call that failed without an API answer (network, timeout, TLS,
 * a non-JSON or non-2xx answer), or with one when the caller turned it into an `ApiError`.
 */
export function historyInputFromFailure(
  spec: CallSpec,
  error: unknown,
  meta: { source: HistorySource; profile?: string; endpoint?: string; time?: string; latencyMs?: number; sandbox?: boolean },
): HistoryInput {
  const input: HistoryInput = {
    action: spec.action,
    region: spec.region,
    endpoint: meta.endpoint ?? endpointOf(spec),
    profile: meta.profile,
    params: spec.params,
    time: meta.time,
    latencyMs: meta.latencyMs,
    signMethod: spec.signMethod ?? 'TC3-HMAC-SHA256',
    httpMethod: spec.httpMethod ?? 'POST',
    source: meta.source,
    sandbox: meta.sandbox,
  };
  if (error instanceof ApiError) {
    input.httpStatus = error.httpStatus;
    input.requestId = error.requestId;
    input.error = { code: error.code, message: error.apiMessage };
  } else if (error instanceof ExplorerError) {
    if (error instanceof HttpStatusError || error instanceof NonJsonError) {
      input.httpStatus = error.status;
    }
    input.error = { code: error.kind, message: error.message };
  } else {
    input.error = { code: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  return input;
}

function endpointOf(spec: CallSpec): string {
  try {
    return resolveEndpoint(spec.endpoint ?? { kind: 'nearest' }, spec.region).origin;
  } catch {
    return spec.endpoint?.kind === 'custom' ? spec.endpoint.url : 'unknown';
  }
}

/** The parameters of an entry as lossless JSON (redacted values read `<redacted>`). */
export function entryParams(entry: HistoryEntry): JsonObject {
  const value = parseJson(entry.paramsJson);
  return isJsonObject(value) ? value : {};
}

/** True when the call succeeded: an HTTP 2xx answer without an API error. */
export function isEntryOk(entry: HistoryEntry): boolean {
  return entry.error === undefined && entry.httpStatus !== undefined && entry.httpStatus >= 200 && entry.httpStatus < 300;
}

/** The result of turning an input into an entry. */
export interface PreparedEntry {
  entry: HistoryEntry;
  /** The body to store: inline in the log, or in `entry.response.file` when that is set. */
  body?: string;
}

/**
 * Turns an input into the entry that is stored: redacts parameters, scrubs any redacted value that
 * the server echoed back into the body or error message, keeps only the endpoint's origin, and
 * decides whether the body stays inline (at most `maxBodyBytes` UTF-8 bytes) or goes to a side file.
 */
export function prepareHistoryEntry(input: HistoryInput, id: string, now: Date, maxBodyBytes: number): PreparedEntry {
  const { params, redactedPaths } = redactParams(input.params);
  const secrets = redactedValues(input.params, params);
  const entry: HistoryEntry = {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    id,
    time: normalizeTime(input.time, now),
    action: input.action,
    endpoint: originOf(input.endpoint),
    paramsJson: stringifyJson(params),
    redactedPaths,
    signMethod: input.signMethod,
    httpMethod: input.httpMethod,
    source: input.source,
    sandbox: input.sandbox === true,
  };
  if (input.region) entry.region = input.region;
  if (input.profile) entry.profile = input.profile;
  if (input.latencyMs !== undefined) entry.latencyMs = input.latencyMs;
  if (input.httpStatus !== undefined) entry.httpStatus = input.httpStatus;
  if (input.requestId) entry.requestId = input.requestId;
  if (input.error) entry.error = { code: input.error.code, message: scrub(input.error.message, secrets) };
  if (input.responseText === undefined) {
    return { entry };
  }
  const body = scrub(input.responseText, secrets);
  const size = Buffer.byteLength(body, 'utf8');
  entry.response = size <= maxBodyBytes ? { size } : { size, file: `${id}.body` };
  return { entry, body };
}

/** The log sorts and filters on this field, so it is always a full ISO time in UTC. */
function normalizeTime(time: string | undefined, now: Date): string {
  if (time === undefined) {
    return now.toISOString();
  }
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) {
    throw new InputError(`A history entry needs an ISO time such as 2024-05-01T08:00:00Z; got "${time}"`, 'time');
  }
  return new Date(ms).toISOString();
}

/** Only the origin of an endpoint is recorded: a custom URL may carry user info or a query. */
function originOf(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return url.origin !== 'null' ? url.origin : endpoint;
  } catch {
    return endpoint;
  }
}

/** The original strings that redaction replaced, found by walking both copies side by side. */
function redactedValues(original: JsonValue, redacted: JsonValue): string[] {
  const out: string[] = [];
  const walk = (a: JsonValue, b: JsonValue): void => {
    if (Array.isArray(a) && Array.isArray(b)) {
      a.forEach((v, i) => walk(v, b[i] as JsonValue));
    } else if (isJsonObject(a) && isJsonObject(b)) {
      for (const k of Object.keys(a)) walk(a[k] as JsonValue, b[k] as JsonValue);
    } else if (typeof a === 'string' && b === REDACTED && a !== REDACTED) {
      out.push(a);
    }
  };
  walk(original, redacted);
  // Longest first, so a secret that contains a shorter one is replaced whole.
  return out.filter((s) => s.length >= 4).sort((x, y) => y.length - x.length);
}

/** A server that echoes a credential back (in an error message, say) must not put it on disk either. */
function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join(REDACTED);
  }
  return out;
}
