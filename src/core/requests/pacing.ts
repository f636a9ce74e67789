import { findAction } from '../catalog/catalog';
import { ApiError, CancelledError, ExplorerError } from '../errors';
import { abortableSleep, fullJitterDelay, retryReason } from './callExecutor';
import type { CallResult, CallSpec } from './types';

/**
 * Pacing for runs that send many calls: a sliding-window limit per action, so that no action gets
 * more calls per second than its documentation allows however many run at once, and retries of
 * `RequestLimitExceeded` answers with exponential backoff and full jitter. Every attempt, a retry
 * included, waits for its turn in the window.
 */

/** Time for the limiter and the backoff; tests pass a virtual one. */
export interface PacingClock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The process clock. */
export const systemClock: PacingClock = {
  now: () => Date.now(),
  sleep: abortableSleep,
};

/**
 * The limit used for an action whose page states none: 20 calls per second, what the API overview
 * gives almost every TRTC action (see `RATE_FACTS` in catalog/rules/actionFacts.ts).
 */
export const UNDOCUMENTED_RATE_PER_SECOND = 20;

/** Calls per second an action may get, and whether its documentation says so. */
export function actionRateLimit(action: string): { perSecond: number; documented: boolean } {
  const documented = findAction(action)?.rateLimitPerSecond;
  return documented !== undefined ? { perSecond: documented, documented: true } : { perSecond: UNDOCUMENTED_RATE_PER_SECOND, documented: false };
}

/**
 * The sliding window a limit of `perSecond` calls means: `capacity` calls in any `windowMs`. A
 * limit below one call per second (DescribeTrtcRoomUsage: one every 15 s) is one call per window.
 */
export function windowOf(perSecond: number): { capacity: number; windowMs: number } {
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) {
    throw new RangeError(`a rate limit must be a positive number of calls per second, not ${perSecond}`);
  }
  if (perSecond >= 1) {
    return { capacity: Math.floor(perSecond), windowMs: 1000 };
  }
  return { capacity: 1, windowMs: Math.ceil(1000 / perSecond) };
}

/** The most calls of `times` (epoch ms, any order) that fall in any window of `windowMs`. */
export function peakInWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
}

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Calls per second per action; {@link actionRateLimit} by default. */
  limitOf?: (action: string) => number;
  clock?: PacingClock;
  /**
   * Added to every window, so that calls this process sends a window apart still arrive at least a
   * window apart when the network delays the first more than the last. 0 by default.
   */
  marginMs?: number;
}

interface ActionWindow {
  capacity: number;
  windowMs: number;
  /** Start times inside the current window, oldest first. */
  starts: number[];
  /** The end of the queue of callers waiting for this action, so turns are taken in order. */
  queue: Promise<void>;
}

/**
 * A sliding-window limiter per action: `acquire(action)` resolves when one more call of that
 * action may start without exceeding its limit in any window, and counts the call. Callers of one
 * action are served first come, first served; actions do not wait for each other.
 */
export class RateLimiter {
  private readonly limitOf: (action: string) => number;
  private readonly clock: PacingClock;
  private readonly marginMs: number;
  private readonly windows = new Map<string, ActionWindow>();
  /** Every start granted, per action, for the report and the benchmark. */
  readonly sent = new Map<string, number[]>();

  constructor(options: RateLimiterOptions = {}) {
    this.limitOf = options.limitOf ?? ((action) => actionRateLimit(action).perSecond);
    this.clock = options.clock ?? systemClock;
    this.marginMs = Math.max(0, options.marginMs ?? 0);
  }

  /** The window in force for an action. */
  windowFor(action: string): { capacity: number; windowMs: number } {
    const w = this.state(action);
    return { capacity: w.capacity, windowMs: w.windowMs };
  }

  /** Waits for the action's turn and counts the call; rejects with CancelledError when the signal fires first. */
  acquire(action: string, signal?: AbortSignal): Promise<void> {
    const w = this.state(action);
    const turn = w.queue.then(() => this.take(action, w, signal));
    // The next caller waits for this one whether it got its turn or was cancelled.
    w.queue = turn.catch(() => undefined);
    return turn;
  }

  private state(action: string): ActionWindow {
    let w = this.windows.get(action);
    if (!w) {
      const { capacity, windowMs } = windowOf(this.limitOf(action));
      w = { capacity, windowMs: windowMs + this.marginMs, starts: [], queue: Promise.resolve() };
      this.windows.set(action, w);
    }
    return w;
  }

  private async take(action: string, w: ActionWindow, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      if (signal?.aborted) {
        throw new CancelledError();
      }
      const now = this.clock.now();
      while (w.starts.length && now - w.starts[0]! >= w.windowMs) w.starts.shift();
      if (w.starts.length < w.capacity) {
        w.starts.push(now);
        let list = this.sent.get(action);
        if (!list) this.sent.set(action, (list = []));
        list.push(now);
        return;
      }
      await this.clock.sleep(w.starts[0]! + w.windowMs - now, signal);
    }
  }
}

/** Sends one attempt of a call, without retries of its own. */
export type SendOnce = (spec: CallSpec, signal: AbortSignal | undefined) => Promise<CallResult>;

/** Options of {@link pacedCall}. */
export interface PacedCallOptions {
  limiter: RateLimiter;
  clock?: PacingClock;
  random?: () => number;
  /** Retries of a `RequestLimitExceeded` answer, which the API refused without acting on it. Default 4. */
  rateLimitRetries?: number;
  /** First backoff ceiling in ms, doubled at each retry. Default 500. */
  backoffBaseMs?: number;
  /** Largest backoff ceiling in ms. Default 8,000. */
  backoffCapMs?: number;
  /**
   * Retries of other transient failures (network errors, `InternalError`, HTTP 5xx): pass
   * `defaultRetries(action)`, which is 0 for actions that change state, since such a call may have
   * taken effect.
   */
  transientRetries?: number;
  signal?: AbortSignal;
  /** Told before each retry, for a log line. */
  onRetry?: (info: { attempt: number; reason: string; delayMs: number }) => void;
}

/** True for the API's answer that the call was refused for its rate: `RequestLimitExceeded` and its subcodes. */
export function isRateLimited(outcome: CallResult | ExplorerError): boolean {
  const code = outcome instanceof ApiError ? outcome.code : outcome instanceof ExplorerError ? undefined : outcome.error?.code;
  return code !== undefined && (code === 'RequestLimitExceeded' || code.startsWith('RequestLimitExceeded.'));
}

/**
 * One call paced by the limiter: waits for the action's turn before every attempt, retries a
 * `RequestLimitExceeded` answer with exponential backoff and full jitter up to `rateLimitRetries`
 * times (it is safe for every action: the API did nothing), and other transient failures up to
 * `transientRetries` times. The last outcome is returned (or thrown) as it came.
 */
export async function pacedCall(spec: CallSpec, send: SendOnce, options: PacedCallOptions): Promise<CallResult> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const limitRetries = options.rateLimitRetries ?? 4;
  const transientRetries = options.transientRetries ?? 0;
  const base = options.backoffBaseMs ?? 500;
  const cap = options.backoffCapMs ?? 8_000;
  let limited = 0;
  let transient = 0;
  for (let attempt = 0; ; attempt++) {
    await options.limiter.acquire(spec.action, options.signal);
    let outcome: CallResult | ExplorerError;
    try {
      outcome = await send(spec, options.signal);
    } catch (e) {
      if (!(e instanceof ExplorerError)) throw e;
      outcome = e;
    }
    let reason: string | undefined;
    if (isRateLimited(outcome)) {
      reason = limited < limitRetries ? (outcome instanceof ExplorerError ? (outcome as ApiError).code : outcome.error!.code) : undefined;
      if (reason) limited++;
    } else {
      const why = retryReason(outcome);
      reason = why && transient < transientRetries ? why : undefined;
      if (reason) transient++;
    }
    if (!reason || options.signal?.aborted) {
      if (outcome instanceof ExplorerError) throw outcome;
      return outcome;
    }
    const delayMs = fullJitterDelay(random, limited + transient - 1, base, cap);
    options.onRetry?.({ attempt: attempt + 1, reason, delayMs });
    await clock.sleep(delayMs, options.signal);
  }
}
