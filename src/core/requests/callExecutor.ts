import { findAction } from '../catalog/catalog';
import { sandboxAnswer } from '../sandbox/sandboxAnswer';
import { ApiError, CancelledError, ExplorerError, HttpStatusError, NetworkError, TimeoutError } from '../errors';
import { decodeResponse } from '../http/decodeResponse';
import { assertTrustedEndpoint, type EndpointPolicy } from '../http/endpointPolicy';
import { resolveEndpoint, TRTC_SERVICE, TRTC_VERSION, type ResolvedEndpoint } from '../http/endpoints';
import type { HttpClient } from '../http/httpClient';
import { stringifyJson } from '../json';
import { signRequest } from '../signing';
import type { Credentials, SignedRequest } from '../signing/types';
import type { CallResult, CallSpec } from './types';

export { TRTC_SERVICE, TRTC_VERSION };

/** A call signed and ready to send, with where it goes. */
export interface PreparedCall {
  endpoint: ResolvedEndpoint;
  signed: SignedRequest;
}

/** What one call needs besides its spec. */
export interface CallOptions {
  credentials: Credentials;
  signal?: AbortSignal;
  /** Added to the local clock when signing: the server's clock minus ours, when measured. */
  clockOffsetMs?: number;
  /** Fixed signing inputs, to reproduce a signature exactly. */
  timestamp?: number;
  nonce?: number;
  /**
   * How many times a failed call may be sent again. Callers pass 2 for read-only actions and 0
   * for actions that change state, which are never repeated behind the user's back.
   */
  maxRetries?: number;
  /** Told before each retry, for progress messages and logs. */
  onRetry?: (attempt: number, reason: string, delayMs: number) => void;
}

/** Dependencies, injectable so tests control time and randomness. */
export interface ExecutorDeps {
  http: Pick<HttpClient, 'send'>;
  /** Which endpoints may be signed for and sent to; every call is checked before it is signed. */
  policy: EndpointPolicy;
  /** Epoch milliseconds. */
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Sent as `X-TC-RequestClient`, so Tencent can tell this tool's traffic apart. */
  requestClient?: string;
}

/** What {@link prepareCall} needs besides the spec. */
export interface PrepareOptions {
  credentials: Credentials;
  timestamp: number;
  /** Which endpoints may be signed for: an untrusted one is refused before anything is signed. */
  policy: EndpointPolicy;
  nonce?: number;
  hostOverride?: string;
  requestClient?: string;
}

/**
 * Signs a call without sending it: for `sign`, code export and the signature steps, and for every
 * send. The spec's endpoint (already free of `{{variables}}`) must be one the policy trusts, or an
 * `UntrustedEndpointError` is thrown before the keys are used. `hostOverride` signs for another
 * Host header, as a client behind a gateway would.
 */
export function prepareCall(spec: CallSpec, options: PrepareOptions): PreparedCall {
  const resolved = resolveEndpoint(spec.endpoint ?? { kind: 'nearest' }, spec.region);
  assertTrustedEndpoint(resolved.origin, options.policy);
  const endpoint = options.hostOverride ? { ...resolved, host: options.hostOverride } : resolved;
  const signed = signRequest({
    credentials: options.credentials,
    service: TRTC_SERVICE,
    version: TRTC_VERSION,
    action: spec.action,
    host: endpoint.host,
    ...(spec.region ? { region: spec.region } : {}),
    ...(spec.language ? { language: spec.language } : {}),
    params: spec.params,
    signMethod: spec.signMethod ?? 'TC3-HMAC-SHA256',
    httpMethod: spec.httpMethod ?? 'POST',
    ...(spec.signedHeaders ? { signedHeaders: spec.signedHeaders } : {}),
    timestamp: options.timestamp,
    ...(options.nonce !== undefined ? { nonce: options.nonce } : {}),
    ...(options.requestClient ? { extraHeaders: { 'X-TC-RequestClient': options.requestClient } } : {}),
  });
  return { endpoint, signed };
}

const RETRY_BASE_MS = 300;
const RETRY_CAP_MS = 4_000;

/**
 * The one use case every front end shares: sign a call described by a {@link CallSpec}, send it,
 * decode the answer losslessly, and retry transient failures of read-only calls.
 * API errors come back as a result with `error` set; transport failures throw typed errors.
 */
export class CallExecutor {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly deps: ExecutorDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.sleep = deps.sleep ?? abortableSleep;
  }

  /** Signs a call with this executor's clock (plus the measured offset) without sending it. */
  prepare(spec: CallSpec, options: Pick<CallOptions, 'credentials' | 'clockOffsetMs' | 'timestamp' | 'nonce'>): PreparedCall {
    const timestamp = options.timestamp ?? Math.floor((this.now() + (options.clockOffsetMs ?? 0)) / 1000);
    return prepareCall(spec, {
      credentials: options.credentials,
      timestamp,
      policy: this.deps.policy,
      ...(options.nonce !== undefined ? { nonce: options.nonce } : {}),
      ...(this.deps.requestClient ? { requestClient: this.deps.requestClient } : {}),
    });
  }

  /** Signs and sends a call, re-signing with a fresh timestamp before every retry. */
  async call(spec: CallSpec, options: CallOptions): Promise<CallResult> {
    const maxRetries = options.maxRetries ?? 0;
    for (let attempt = 0; ; attempt++) {
      let outcome: CallResult | ExplorerError;
      try {
        outcome = await this.once(spec, options);
      } catch (e) {
        if (!(e instanceof ExplorerError)) {
          throw e;
        }
        outcome = e;
      }
      const reason = retryReason(outcome);
      if (!reason || attempt >= maxRetries || options.signal?.aborted) {
        if (outcome instanceof ExplorerError) {
          throw outcome;
        }
        return outcome;
      }
      // Exponential backoff with full jitter keeps retries from arriving in lockstep.
      const delay = fullJitterDelay(this.random, attempt, RETRY_BASE_MS, RETRY_CAP_MS);
      options.onRetry?.(attempt + 1, reason, delay);
      await this.sleep(delay, options.signal);
    }
  }

  private async once(spec: CallSpec, options: CallOptions): Promise<CallResult> {
    const { endpoint, signed } = this.prepare(spec, options);
    const startedAt = this.now();
    const response = await this.deps.http.send({
      origin: endpoint.origin,
      method: signed.method,
      pathAndQuery: signed.pathAndQuery,
      headers: signed.headers,
      ...(signed.body ? { body: signed.body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(spec.timeoutMs ? { timeouts: { totalMs: spec.timeoutMs } } : {}),
    });
    const decoded = decodeResponse(response);
    return {
      origin: endpoint.origin,
      httpStatus: response.status,
      latencyMs: this.now() - startedAt,
      startedAt: new Date(startedAt).toISOString(),
      ...(decoded.requestId ? { requestId: decoded.requestId } : {}),
      response: decoded.response,
      responseText: response.bodyText,
      ...(decoded.error ? { error: decoded.error } : {}),
      ...(response.serverDateMs !== undefined ? { serverDateMs: response.serverDateMs } : {}),
      trace: signed.trace,
      sandbox: false,
    };
  }
}

/** Why an outcome is worth retrying, or undefined when it is final. */
export function retryReason(outcome: CallResult | ExplorerError): string | undefined {
  if (outcome instanceof NetworkError) {
    return outcome.code ? `network error ${outcome.code}` : 'network error';
  }
  if (outcome instanceof TimeoutError) {
    return outcome.phase === 'total' ? undefined : `timeout (${outcome.phase})`;
  }
  if (outcome instanceof HttpStatusError) {
    return outcome.status >= 500 ? `HTTP ${outcome.status}` : undefined;
  }
  if (outcome instanceof ApiError) {
    return isTransientCode(outcome.code) ? outcome.code : undefined;
  }
  if (outcome instanceof ExplorerError) {
    return undefined;
  }
  if (outcome.error && isTransientCode(outcome.error.code)) {
    return outcome.error.code;
  }
  return outcome.httpStatus >= 500 && !outcome.error ? `HTTP ${outcome.httpStatus}` : undefined;
}

function isTransientCode(code: string): boolean {
  return code === 'InternalError' || code.startsWith('InternalError.') || code === 'RequestLimitExceeded' || code.startsWith('RequestLimitExceeded.');
}

/** The number of retries a call of this action may get: only read-only actions are repeated. */
export function defaultRetries(action: string): number {
  return findAction(action)?.readOnly ? 2 : 0;
}

/**
 * The sandbox's answer to a call, with no credentials and no network: the API's own error for a
 * request it would refuse (in the region and language asked for), otherwise an answer coherent
 * with the request. For trying the explorer and for demos. Always marked `sandbox`; its RequestId
 * says so too.
 */
export function sandboxCall(spec: CallSpec, options: { now?: () => number; seed?: number } = {}): CallResult {
  const now = options.now ?? Date.now;
  const started = now();
  const answer = sandboxAnswer(
    { action: spec.action, params: spec.params, ...(spec.region ? { region: spec.region } : {}), ...(spec.language ? { language: spec.language } : {}) },
    { now: started, seed: options.seed ?? started },
  );
  const response = answer.response;
  const responseText = stringifyJson({ Response: response });
  const requestId = typeof response.RequestId === 'string' ? response.RequestId : undefined;
  return {
    origin: 'sandbox:',
    httpStatus: answer.httpStatus,
    latencyMs: 0,
    startedAt: new Date(started).toISOString(),
    ...(requestId ? { requestId } : {}),
    response,
    responseText,
    ...(answer.error ? { error: answer.error } : {}),
    sandbox: true,
  };
}

/**
 * The wait before retry number `attempt` (0 for the first): exponential backoff with full jitter,
 * a random time up to `baseMs` × 2^attempt, never more than `capMs`.
 */
export function fullJitterDelay(random: () => number, attempt: number, baseMs: number, capMs: number): number {
  return Math.round(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/** Waits `ms`, or rejects with CancelledError as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
