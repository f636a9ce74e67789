import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAction } from '../../../src/core/catalog/catalog';
import { CancelledError, NetworkError } from '../../../src/core/errors';
import { actionRateLimit, pacedCall, peakInWindow, RateLimiter, windowOf, type PacingClock, type SendOnce } from '../../../src/core/requests/pacing';
import type { CallResult, CallSpec } from '../../../src/core/requests/types';

/**
 * Virtual time: `sleep` waits until `run` moves the clock to the earliest timer, which it does only
 * once every task has settled into waiting. Durations below are virtual milliseconds.
 */
class VirtualClock implements PacingClock {
  t = 0;
  private timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
  private seq = 0;
  now(): number {
    return this.t;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError());
      const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, resolve };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(new CancelledError());
      });
    });
  }
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const settled = work.finally(() => (done = true));
    settled.catch(() => undefined);
    while (!done) {
      await new Promise((r) => setImmediate(r));
      if (done) break;
      if (!this.timers.length) throw new Error('every task waits and no timer is set');
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
    return settled;
  }
}

function answer(code?: string): CallResult {
  return {
    origin: 'http://127.0.0.1:1',
    httpStatus: 200,
    latencyMs: 20,
    startedAt: new Date(0).toISOString(),
    response: code ? { Error: { Code: code, Message: 'm' }, RequestId: 'r' } : { RequestId: 'r' },
    responseText: '{}',
    ...(code ? { error: { code, message: 'm' } } : {}),
    sandbox: false,
  };
}

/** A fake API with 20 ms of latency that answers each attempt with the next scripted code (ok when the script runs out). */
function fakeApi(clock: VirtualClock, script: Array<string | Error | undefined> = []): { send: SendOnce; attempts: Array<{ action: string; at: number }> } {
  const attempts: Array<{ action: string; at: number }> = [];
  return {
    attempts,
    send: async (spec) => {
      attempts.push({ action: spec.action, at: clock.now() });
      const next = script.shift();
      await clock.sleep(20);
      if (next instanceof Error) throw next;
      return answer(next);
    },
  };
}

const spec = (action: string): CallSpec => ({ action, params: { SdkAppId: 1400000001 } });

describe('rate limits per action', () => {
  test('the catalog carries the documented limits: 20/s for recording, relay and room dismissal, 5/s for usage', () => {
    for (const a of ['CreateCloudRecording', 'DescribeCloudRecording', 'StartPublishCdnStream', 'UpdatePublishCdnStream', 'DismissRoom', 'DismissRoomByStrRoomId']) {
      assert.equal(findAction(a)?.rateLimitPerSecond, 20, a);
    }
    for (const a of ['DescribeTrtcUsage', 'DescribeRecordingUsage', 'DescribeMixTranscodingUsage', 'DescribeRelayUsage']) {
      assert.equal(actionRateLimit(a).perSecond, 5, a);
    }
    assert.deepEqual(actionRateLimit('CreatePicture'), { perSecond: 20, documented: false });
    assert.deepEqual(windowOf(20), { capacity: 20, windowMs: 1000 });
    assert.deepEqual(windowOf(1 / 15), { capacity: 1, windowMs: 15000 });
    assert.throws(() => windowOf(0), RangeError);
  });

  test('peakInWindow counts the most starts in any window', () => {
    assert.equal(peakInWindow([]), 0);
    assert.equal(peakInWindow([0, 999, 1000, 1999]), 2);
    assert.equal(peakInWindow([5, 0, 1, 2, 3]), 5);
    assert.equal(peakInWindow([0, 1000, 2000], 1001), 2);
  });

  test('100 calls of one action at once start 20 per second, never more in any second', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ clock });
    const api = fakeApi(clock);
    const results = await clock.run(Promise.all(Array.from({ length: 100 }, () => pacedCall(spec('DismissRoom'), api.send, { limiter, clock }))));
    assert.equal(results.length, 100);
    const starts = api.attempts.map((a) => a.at);
    assert.equal(peakInWindow(starts, 1000), 20);
    assert.deepEqual([...new Set(starts)], [0, 1000, 2000, 3000, 4000]);
    assert.deepEqual(limiter.sent.get('DismissRoom'), starts);
  });

  test('each action has its own window: usage queries at 5/s do not hold back room calls', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ clock });
    const api = fakeApi(clock);
    const calls = [...Array.from({ length: 12 }, () => 'DescribeTrtcUsage'), ...Array.from({ length: 20 }, () => 'DismissRoom')];
    await clock.run(Promise.all(calls.map((a) => pacedCall(spec(a), api.send, { limiter, clock }))));
    const at = (action: string) => api.attempts.filter((a) => a.action === action).map((a) => a.at);
    assert.deepEqual(at('DismissRoom'), Array.from({ length: 20 }, () => 0));
    assert.deepEqual(at('DescribeTrtcUsage'), [0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000]);
  });

  test('a margin widens every window', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ clock, marginMs: 50, limitOf: () => 2 });
    const api = fakeApi(clock);
    await clock.run(Promise.all(Array.from({ length: 5 }, () => pacedCall(spec('X'), api.send, { limiter, clock }))));
    assert.deepEqual(
      api.attempts.map((a) => a.at),
      [0, 0, 1050, 1050, 2100],
    );
  });

  test('a cancelled wait rejects and lets the next caller through', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ clock, limitOf: () => 1 });
    await limiter.acquire('X');
    const controller = new AbortController();
    const waiting = limiter.acquire('X', controller.signal);
    const after = limiter.acquire('X');
    controller.abort();
    await assert.rejects(waiting, CancelledError);
    await clock.run(after);
    assert.deepEqual(limiter.sent.get('X'), [0, 1000]);
  });
});

describe('RequestLimitExceeded and other retries', () => {
  test('retried with exponential backoff and full jitter, each attempt in the window', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ clock });
    const api = fakeApi(clock, ['RequestLimitExceeded', 'RequestLimitExceeded.UinLimitExceeded']);
    const retries: Array<{ attempt: number; reason: string; delayMs: number }> = [];
    const result = await clock.run(pacedCall(spec('DismissRoom'), api.send, { limiter, clock, random: () => 1, onRetry: (r) => retries.push(r) }));
    assert.equal(result.error, undefined);
    assert.deepEqual(retries, [
      { attempt: 1, reason: 'RequestLimitExceeded', delayMs: 500 },
      { attempt: 2, reason: 'RequestLimitExceeded.UinLimitExceeded', delayMs: 1000 },
    ]);
    // 20 ms of latency, then the backoff: 0, 520, 1540.
    assert.deepEqual(
      api.attempts.map((a) => a.at),
      [0, 520, 1540],
    );
    const half = new VirtualClock();
    const jittered: number[] = [];
    await half.run(pacedCall(spec('DismissRoom'), fakeApi(half, ['RequestLimitExceeded', 'RequestLimitExceeded']).send, { limiter: new RateLimiter({ clock: half }), clock: half, random: () => 0.5, onRetry: (r) => jittered.push(r.delayMs) }));
    assert.deepEqual(jittered, [250, 500]);
  });

  test('the attempts are bounded: the last RequestLimitExceeded answer is returned as it came', async () => {
    const clock = new VirtualClock();
    const api = fakeApi(clock, Array.from({ length: 10 }, () => 'RequestLimitExceeded'));
    const delays: number[] = [];
    const result = await clock.run(
      pacedCall(spec('DismissRoom'), api.send, { limiter: new RateLimiter({ clock }), clock, random: () => 1, backoffCapMs: 3000, onRetry: (r) => delays.push(r.delayMs) }),
    );
    assert.equal(result.error?.code, 'RequestLimitExceeded');
    assert.equal(api.attempts.length, 5);
    assert.deepEqual(delays, [500, 1000, 2000, 3000]);
  });

  test('a network error is not repeated for an action that changes state, but is for a read-only one', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ clock });
    const dismiss = fakeApi(clock, [new NetworkError('reset', 'ECONNRESET')]);
    await assert.rejects(clock.run(pacedCall(spec('DismissRoom'), dismiss.send, { limiter, clock, transientRetries: 0 })), NetworkError);
    assert.equal(dismiss.attempts.length, 1);
    const read = fakeApi(clock, [new NetworkError('reset', 'ECONNRESET'), 'InternalError']);
    const result = await clock.run(pacedCall(spec('DescribeRoomInfo'), read.send, { limiter, clock, transientRetries: 2 }));
    assert.equal(result.error, undefined);
    assert.equal(read.attempts.length, 3);
    // A final API error that is not transient is returned at once.
    const final = fakeApi(clock, ['FailedOperation.RoomNotExist']);
    assert.equal((await clock.run(pacedCall(spec('DismissRoom'), final.send, { limiter, clock, transientRetries: 2 }))).error?.code, 'FailedOperation.RoomNotExist');
    assert.equal(final.attempts.length, 1);
  });
});
