import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createCollection, createRequest, serializeCollection } from '../../../src/core/collections';
import { peakInWindow } from '../../../src/core/requests/pacing';
import { startStandInServer, type StandInAnswer } from '../../fixtures/standInServer';
import { cli, TEST_ID, TEST_KEY } from './cliHarness';

/**
 * A collection of `count` requests: DismissRoom (20 calls/s), with every fifth a DescribeRoomInfo
 * (20/s) and every third a DescribeTrtcUsage (5/s).
 */
function writeCollection(dir: string, count: number): { file: string; names: string[] } {
  // A window inside the 14 days DescribeRoomInfo keeps, so the run's own checks let it go out.
  const start = Math.floor(Date.now() / 1000) - 3600;
  const collection = createCollection('Parallel');
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const describe = i % 5 === 4;
    const usage = !describe && i % 3 === 2;
    const name = `request ${String(i).padStart(2, '0')}`;
    names.push(name);
    collection.items.push(
      createRequest({
        name,
        action: describe ? 'DescribeRoomInfo' : usage ? 'DescribeTrtcUsage' : 'DismissRoom',
        params: usage ? { StartTime: '2026-12-01', EndTime: '2026-12-02' } : describe ? { SdkAppId: 1400000001, RoomId: String(1000 + i), StartTime: start, EndTime: start + 1800 } : { SdkAppId: 1400000001, RoomId: 1000 + i },
        assertions: [{ type: 'success' }],
      }),
    );
  }
  const file = path.join(dir, 'parallel.json');
  fs.writeFileSync(file, serializeCollection(collection));
  return { file, names };
}

describe('run --concurrency against the stand-in on 127.0.0.1', () => {
  test('runs side by side within the concurrency, paces each action, retries RequestLimitExceeded, reports in collection order', { timeout: 60_000 }, async (t) => {
    let inFlight = 0;
    let peakInFlight = 0;
    let limitedLeft = 3;
    const arrivals: Array<{ action: string; at: number }> = [];
    const server = await startStandInServer({
      credentials: { [TEST_ID]: TEST_KEY },
      handler: async (action, params): Promise<StandInAnswer> => {
        arrivals.push({ action, at: Date.now() });
        inFlight++;
        peakInFlight = Math.max(peakInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        if (action === 'DismissRoom' && limitedLeft > 0) {
          limitedLeft--;
          return { error: { code: 'RequestLimitExceeded', message: 'Request frequency limit exceeded.' } };
        }
        return action === 'DescribeRoomInfo' ? { Total: 1, RoomList: [{ RoomString: String(params.RoomId) }] } : {};
      },
    });
    t.after(() => server.close());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-parallel-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const { file, names } = writeCollection(dir, 40);
    const run = await cli(['run', file, '--endpoint', server.url, '--concurrency', '8', '--reporter', 'json', '--no-validate'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr + run.stdout);
    const report = JSON.parse(run.stdout) as { results: Array<{ name: string; status: string }> };
    assert.deepEqual(
      report.results.map((r) => r.name),
      names,
    );
    assert.ok(report.results.every((r) => r.status === 'passed'));
    // Three answers refused for their rate were sent again, and said so on stderr.
    assert.equal(arrivals.length, 43);
    assert.equal((run.stderr.match(/note: DismissRoom \(RequestLimitExceeded\): retry 1 in \d+ ms/g) ?? []).length, 3);
    assert.ok(peakInFlight > 1 && peakInFlight <= 8, `peak in flight ${peakInFlight}`);
    // The limiter's exact windows are tested on virtual time (test/unit/requests/pacing.test.ts).
    // Here the server shares the event loop with the client on a machine that may be busy, so the
    // arrivals are checked over half-second windows, which pacing keeps at the per-second limit
    // unless the network delays differ by more than half a second. Without pacing, every call of
    // an action arrives within a few hundred milliseconds.
    const of = (action: string) => arrivals.filter((a) => a.action === action).map((a) => a.at);
    const usage = of('DescribeTrtcUsage');
    const dismiss = of('DismissRoom');
    assert.equal(of('DescribeRoomInfo').length, 8);
    assert.equal(usage.length, 11);
    assert.equal(dismiss.length, 24);
    assert.ok(peakInWindow(usage, 500) <= 5, `DescribeTrtcUsage: ${peakInWindow(usage, 500)} calls in 500 ms`);
    assert.ok(peakInWindow(dismiss, 500) <= 20, `DismissRoom: ${peakInWindow(dismiss, 500)} calls in 500 ms`);
  });

  test('a RequestLimitExceeded that lasts ends as a failed request after bounded retries; exit 1', { timeout: 60_000 }, async (t) => {
    const server = await startStandInServer({
      credentials: { [TEST_ID]: TEST_KEY },
      handler: (): StandInAnswer => ({ error: { code: 'RequestLimitExceeded', message: 'Request frequency limit exceeded.' } }),
    });
    t.after(() => server.close());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-parallel-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const { file } = writeCollection(dir, 1);
    const run = await cli(['run', file, '--endpoint', server.url, '--concurrency', '2', '--reporter', 'json'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.equal(server.requests.length, 5);
    const report = JSON.parse(run.stdout) as { results: Array<{ status: string }> };
    assert.equal(report.results[0]!.status, 'failed');
  });

  test('--concurrency takes a whole number from 1 to 64', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-parallel-'));
    const { file } = writeCollection(dir, 1);
    for (const bad of ['0', '65', 'many', '2.5']) {
      const run = await cli(['run', file, '--sandbox', '--concurrency', bad], { cwd: dir });
      assert.equal(run.code, 2, bad);
      assert.match(run.stderr, /--concurrency must be a whole number from 1 to 64/);
    }
    const ok = await cli(['run', file, '--sandbox', '--concurrency', '8'], { cwd: dir });
    assert.equal(ok.code, 0, ok.stderr + ok.stdout);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
