import { createCollection, createRequest, runCollection } from '../src/core/collections';
import { trustOrigins } from '../src/core/http/endpointPolicy';
import { HttpClient } from '../src/core/http/httpClient';
import { CallExecutor } from '../src/core/requests/callExecutor';
import type { CallSpec } from '../src/core/requests/types';
import { startServerProcess } from './benchUtil';

const SECRET_ID = 'AKIDEXAMPLErk0000000000000000000000';
const SECRET_KEY = 'benchmarkSecretKey00000000000000';

/** A 100-request collection with assertions against the stand-in, and the same calls made directly. */
export async function runCollectionBench(size = 100): Promise<Record<string, number | string>> {
  const server = await startServerProcess(SECRET_ID, SECRET_KEY);
  const http = new HttpClient();
  const executor = new CallExecutor({ http, policy: trustOrigins([server.url], 'the benchmark trusts its stand-in') });
  const credentials = { secretId: SECRET_ID, secretKey: SECRET_KEY };
  const endpoint = { kind: 'custom' as const, url: server.url };
  try {
    const collection = createCollection('Bench');
    for (let i = 0; i < size; i++) {
      const describe = i % 2 === 0;
      collection.items.push(
        createRequest({
          name: `request ${i}`,
          action: describe ? 'DescribeRoomInfo' : 'DismissRoom',
          params: describe ? { SdkAppId: 1400000001, RoomId: String(1000 + i), StartTime: 1700000000, EndTime: 1700003600 } : { SdkAppId: 1400000001, RoomId: 1000 + i },
          assertions: describe ? [{ type: 'success' }, { type: 'equals', path: '$.RoomList[0].RoomString', value: String(1000 + i) }] : [{ type: 'success' }],
        }),
      );
    }
    const execute = (spec: CallSpec, signal: AbortSignal) => executor.call({ ...spec, endpoint }, { credentials, signal });
    await runCollection({ collection, execute });
    const t0 = performance.now();
    const summary = await runCollection({ collection, execute });
    const runMs = performance.now() - t0;
    // Baseline in the same run: the same calls made one after another, without resolving or asserting.
    const specs: CallSpec[] = collection.items.flatMap((item) => (item.type === 'request' ? [{ action: item.action, params: item.params, endpoint }] : []));
    const t1 = performance.now();
    for (const spec of specs) {
      await executor.call(spec, { credentials });
    }
    const directMs = performance.now() - t1;
    if (summary.passed !== size) {
      throw new Error(`the benchmark collection should pass entirely, got ${summary.passed}/${size}`);
    }
    return {
      requests: size,
      passed: summary.passed,
      'run with assertions': `${runMs.toFixed(0)} ms (${(runMs / size).toFixed(2)} ms per request)`,
      'baseline: the same calls, direct': `${directMs.toFixed(0)} ms`,
      'run / baseline': Number((runMs / directMs).toFixed(2)),
    };
  } finally {
    await http.close();
    server.stop();
  }
}
