import { performance } from 'node:perf_hooks';
import { request, type Dispatcher } from 'undici';
import { CancelledError, InputError } from '../errors';
import { toTransportError } from '../http/transportErrors';
import type { JsonObject } from '../json';
import { signCallback } from './callbackSignature';
import { sampleEvent, type SampleEventOptions } from './sampleEvent';
import { serializeCallbackBody } from './serializeCallbackBody';

/** How long TRTC waits for an answer before it counts the delivery as failed. */
export const TRTC_CALLBACK_TIMEOUT_MS = 5000;

/** The answer size TRTC asks handlers to stay under, headers and body together. */
export const TRTC_CALLBACK_MAX_ANSWER_BYTES = 2000;

const MAX_READ_BYTES = 64 * 1024;
const SNIPPET_CHARS = 300;

/** What to send, where, and how long to wait. */
export interface SimulateCallbackInput {
  /** The user's handler, `http://` or `https://`, any host (usually a local one). */
  url: string;
  eventType: number;
  /** The callback key configured in the console. */
  key: string;
  sdkAppId: number | string;
  /** Values for the generated sample body. */
  sample?: SampleEventOptions;
  /** A body to send instead of the generated sample. */
  body?: JsonObject;
  /** An undici dispatcher (proxy agent, custom TLS); the global one when omitted. */
  dispatcher?: Dispatcher;
  /** Overall limit; defaults to TRTC's own 5 seconds. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** What happened, judged the way TRTC judges a delivery. */
export interface SimulateCallbackResult {
  verdict: 'pass' | 'fail';
  /** Why the delivery counts as failed; empty on a pass. */
  reasons: string[];
  /** Advice that does not fail the delivery. */
  notes: string[];
  /** Exactly what was sent. */
  request: { url: string; headers: Record<string, string>; body: string };
  /** Set when an answer arrived. */
  status?: number;
  /** From sending until the answer was complete, or until the failure. */
  latencyMs: number;
  responseSnippet?: string;
  responseBytes?: number;
  /** Set when no answer arrived (refused, timed out, TLS...). */
  error?: { kind: string; code?: string; message: string };
}

/**
 * Sends a signed sample callback to a handler and checks the answer: HTTP 200 within 5 seconds
 * passes; anything else is what TRTC treats as a failed delivery and retries.
 */
export async function simulateCallback(input: SimulateCallbackInput): Promise<SimulateCallbackResult> {
  const url = checkUrl(input.url);
  if (typeof input.key !== 'string' || input.key === '') {
    throw new InputError('The callback key is empty. Use the key configured for callbacks in the TRTC console.', 'key');
  }
  const timeoutMs = input.timeoutMs ?? TRTC_CALLBACK_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InputError(`The timeout must be a positive number of milliseconds, got ${String(input.timeoutMs)}.`, 'timeoutMs');
  }
  const body = serializeCallbackBody(input.body ?? sampleEvent(input.eventType, input.sample));
  const headers = {
    'Content-Type': 'application/json',
    Sign: signCallback(body, input.key),
    SdkAppId: String(input.sdkAppId),
  };
  const sent = { url: url.href, headers, body };
  if (input.signal?.aborted) {
    throw new CancelledError('The simulated callback was cancelled');
  }

  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = input.signal ? AbortSignal.any([timeout, input.signal]) : timeout;
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  let status: number;
  let answer: Buffer;
  let headerBytes: number;
  try {
    const res = await request(url, {
      method: 'POST',
      headers,
      body,
      signal,
      dispatcher: input.dispatcher,
    });
    status = res.statusCode;
    headerBytes = Object.entries(res.headers).reduce((n, [k, v]) => n + k.length + 4 + String(v).length, 0);
    answer = await readCapped(res.body);
  } catch (err) {
    const latencyMs = elapsed();
    if (input.signal?.aborted) {
      throw new CancelledError('The simulated callback was cancelled');
    }
    if (timeout.aborted) {
      return {
        verdict: 'fail',
        reasons: [
          `No complete answer within ${timeoutMs} ms. TRTC gives up after ${TRTC_CALLBACK_TIMEOUT_MS / 1000} seconds, counts the delivery as failed and sends it again (at once, then every 10 seconds for about a minute). Answer first and do slow work afterwards.`,
        ],
        notes: [],
        request: sent,
        latencyMs,
        error: { kind: 'timeout', message: `Timed out after ${timeoutMs} ms` },
      };
    }
    const typed = toTransportError(err, { target: url.host, connectMs: timeoutMs, headersMs: timeoutMs, bodyMs: timeoutMs });
    const code = 'code' in typed && typeof typed.code === 'string' ? typed.code : undefined;
    const reason =
      code === 'ECONNREFUSED'
        ? `Nothing is listening at ${url.host}: the connection was refused. Start your handler, or check the host and port.`
        : `The callback could not be delivered: ${typed.message}`;
    return {
      verdict: 'fail',
      reasons: [reason],
      notes: [],
      request: sent,
      latencyMs,
      error: code === undefined ? { kind: typed.kind, message: typed.message } : { kind: typed.kind, code, message: typed.message },
    };
  }
  const latencyMs = elapsed();

  const reasons: string[] = [];
  const notes: string[] = [];
  if (status !== 200) {
    reasons.push(
      status >= 300 && status < 400
        ? `Your handler answered with a redirect (HTTP ${status}). TRTC does not follow redirects and needs HTTP 200, so it counts this as a failure and retries.`
        : `Your handler answered HTTP ${status}. TRTC needs HTTP 200; anything else counts as a failure and the callback is sent again.`,
    );
  }
  if (latencyMs > TRTC_CALLBACK_TIMEOUT_MS) {
    reasons.push(
      `The answer took ${latencyMs} ms. TRTC gives up after ${TRTC_CALLBACK_TIMEOUT_MS / 1000} seconds and retries; answer first and do slow work afterwards.`,
    );
  }
  const text = answer.toString('utf8');
  if (status === 200 && !isCodeZero(text)) {
    notes.push(
      text.trim() === ''
        ? 'The answer body is empty. TRTC ignores the body, but {"code":0} is the recommended reply.'
        : 'The answer body is not {"code":0}. TRTC ignores the body, but {"code":0} is the recommended reply.',
    );
  }
  if (headerBytes + answer.length > TRTC_CALLBACK_MAX_ANSWER_BYTES) {
    notes.push(`The answer is about ${headerBytes + answer.length} bytes with its headers; keep it under ${TRTC_CALLBACK_MAX_ANSWER_BYTES} bytes.`);
  }
  return {
    verdict: reasons.length === 0 ? 'pass' : 'fail',
    reasons,
    notes,
    request: sent,
    status,
    latencyMs,
    responseSnippet: text.length > SNIPPET_CHARS ? text.slice(0, SNIPPET_CHARS) + '…' : text,
    responseBytes: answer.length,
  };
}

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InputError(`"${raw}" is not a URL. Give the full address of your handler, such as http://127.0.0.1:8080/trtc/callback.`, 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`Callbacks are delivered over HTTP or HTTPS; "${url.protocol}" URLs cannot receive them.`, 'url');
  }
  return url;
}

async function readCapped(body: AsyncIterable<Buffer | Uint8Array> & { destroy?: () => void }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = Buffer.from(chunk);
    chunks.push(b);
    size += b.length;
    if (size >= MAX_READ_BYTES) {
      // The verdict needs only the start of the answer; the rest is not worth waiting for.
      body.destroy?.();
      break;
    }
  }
  return Buffer.concat(chunks);
}

function isCodeZero(text: string): boolean {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && (v as Record<string, unknown>).code === 0;
  } catch {
    return false;
  }
}
