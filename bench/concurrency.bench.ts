import { createCollection, createRequest, runCollection } from '../src/core/collections';
import { trustOrigins } from '../src/core/http/endpointPolicy';
import { HttpClient } from '../src/core/http/httpClient';
import { CallExecutor, defaultRetries } from '../src/core/requests/callExecutor';
import { pacedCall, peakInWindow, RateLimiter } from '../src/core/requests/pacing';
import type { CallSpec } from '../src/core/requests/types';
import { startServerProcess } from './benchUtil';

const SECRET_ID = 'AKIDEXAMPLErk0000000000000000000000';
const SECRET_KEY = 'benchmarkSecretKey00000000000000';
const LATENCY_MS = 20;

/** Ten actions the documentation limits to 20 calls per second; the requests cycle through them. */
const ACTIONS = [
  'DismissRoom',
  'DismissRoomByStrRoomId',
  'RemoveUser',
  'RemoveUserByStrRoomId',
  'DescribeCloudRecording',
  'DescribeCallDetailInfo',
  'DescribeUserInfo',
  'DescribeScaleInfo',
  'DescribeUnusualEvent',
  'DescribeTRTCRealTimeScaleData',
];

/**
 * A 1,000-request collection run the way `trtc-explorer run --concurrency N` runs it (the same
 * runner, pacing and margin), against the stand-in in its own process with 20 ms added to every
 * answer, at concurrency 1 and 8. Each figure is set against the ideal (requests × latency ÷
 * concurrency) and against the floor the rate limits set (the requests of the busiest action ÷
 * its calls per second); the highest calls per second of each action is counted over every
 * 1-second window of the moments the calls were sent.
 */
export async function runConcurrencyBench(options: { requests?: number; concurrencies?: number[] } = {}): Promise<Record<string, number | string>> {
  const size = options.requests ?? 1000;
  const server = await startServerProcess(SECRET_ID, SECRET_KEY, { delayMs: LATENCY_MS });
  const http = new HttpClient();
  const executor = new CallExecutor({ http, policy: trustOrigins([server.url], 'the benchmark trusts its stand-in') });
  const credentials = { secretId: SECRET_ID, secretKey: SECRET_KEY };
  const endpoint = { kind: 'custom' as const, url: server.url };
  const figures: Record<string, number | string> = { requests: size, 'added latency': `${LATENCY_MS} ms`, actions: `${ACTIONS.length}, each limited to 20 calls/s` };
  try {
    const collection = createCollection('Concurrency bench');
    for (let i = 0; i < size; i++) {
      collection.items.push(createRequest({ name: `request ${i}`, action: ACTIONS[i % ACTIONS.length]!, params: { SdkAppId: 1400000001, RoomId: 1000 + i }, assertions: [{ type: 'success' }] }));
    }
    // Warm the connection and the signer.
    for (let i = 0; i < 20; i++) await executor.call({ action: 'DismissRoom', params: { SdkAppId: 1400000001, RoomId: 1 }, endpoint }, { credentials });
    for (const concurrency of options.concurrencies ?? [1, 8]) {
      const limiter = new RateLimiter({ marginMs: 50 });
      let retries = 0;
      const t0 = performance.now();
      const summary = await runCollection({
        collection,
        concurrency,
        execute: (spec: CallSpec, signal: AbortSignal) =>
          pacedCall({ ...spec, endpoint }, (s, sig) => executor.call(s, { credentials, ...(sig ? { signal: sig } : {}), maxRetries: 0 }), {
            limiter,
            signal,
            transientRetries: defaultRetries(spec.action),
            onRetry: () => retries++,
          }),
      });
      const ms = performance.now() - t0;
      if (summary.passed !== size) throw new Error(`every request should pass, got ${summary.passed}/${size}`);
      const ideal = (size * LATENCY_MS) / concurrency;
      const perAction = new Map<string, number>();
      for (const item of collection.items) if (item.type === 'request') perAction.set(item.action, (perAction.get(item.action) ?? 0) + 1);
      // The busiest action's last call can start no sooner than (calls ÷ limit − 1) windows in.
      const floor = Math.max(...[...perAction.values()].map((n) => (Math.ceil(n / 20) - 1) * 1050 + LATENCY_MS));
      const peaks = ACTIONS.map((a) => peakInWindow(limiter.sent.get(a) ?? [], 1000));
      figures[`concurrency ${concurrency}`] =
        `${(ms / 1000).toFixed(2)} s; ideal ${(ideal / 1000).toFixed(2)} s (${(ms / ideal).toFixed(2)}×); ` +
        `rate-limit floor ${(floor / 1000).toFixed(2)} s (${(ms / Math.max(ideal, floor)).toFixed(2)}× the larger)`;
      figures[`concurrency ${concurrency}: highest calls/s per action`] = `${Math.max(...peaks)} (limit 20; lowest action ${Math.min(...peaks)}); ${retries} retries`;
    }
    return figures;
  } finally {
    await http.close();
    server.stop();
  }
}
