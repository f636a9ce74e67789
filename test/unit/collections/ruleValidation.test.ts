import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRequest, ruleValidator, runCollection, type Collection } from '../../../src/core/collections';
import type { CallResult, CallSpec } from '../../../src/core/requests/types';

const NOW = Date.UTC(2026, 5, 15, 4, 0, 0);
const nowSeconds = NOW / 1000;

function collectionOf(...items: Collection['items']): Collection {
  return { version: 1, name: 'Rules', items };
}

/** An executor that records what it was asked to send and answers success. */
function recorder(): { sent: CallSpec[]; execute: (spec: CallSpec) => Promise<CallResult> } {
  const sent: CallSpec[] = [];
  return {
    sent,
    execute: async (spec) => {
      sent.push(spec);
      return { origin: 'test:', httpStatus: 200, latencyMs: 1, startedAt: new Date(NOW).toISOString(), response: { RequestId: 'r' }, responseText: '{}', sandbox: false };
    },
  };
}

test('a collection run with the rule validator refuses what breaks the rules and sends the rest', async () => {
  const wrongTwin = createRequest({ action: 'DismissRoom', name: 'String room to the numeric action', params: { SdkAppId: 1400000001, RoomId: 'abc' } });
  const oldWindow = createRequest({
    action: 'DescribeUserInfo',
    name: 'Three weeks ago',
    params: { SdkAppId: 1400000001, CommId: '1400000001_1_1', StartTime: nowSeconds - 21 * 86_400, EndTime: nowSeconds - 21 * 86_400 + 600 },
  });
  const wrongRegion = createRequest({ action: 'DescribeTrtcUsage', name: 'Beijing', region: 'ap-beijing', params: { StartTime: '2026-06-10', EndTime: '2026-06-12' } });
  const fine = createRequest({ action: 'DismissRoom', name: 'Fine', params: { SdkAppId: 1400000001, RoomId: 1001 } });
  const digits = createRequest({ action: 'DismissRoomByStrRoomId', name: 'Only a warning', params: { SdkAppId: 1400000001, RoomId: '1234' } });
  const { sent, execute } = recorder();
  const summary = await runCollection({
    collection: collectionOf(wrongTwin, oldWindow, wrongRegion, fine, digits),
    execute,
    validate: ruleValidator({ now: () => NOW }),
  });
  assert.deepEqual(
    summary.results.map((r) => [r.name, r.status]),
    [
      ['String room to the numeric action', 'errored'],
      ['Three weeks ago', 'errored'],
      ['Beijing', 'errored'],
      ['Fine', 'passed'],
      ['Only a warning', 'passed'],
    ],
  );
  assert.deepEqual(
    sent.map((s) => s.action),
    ['DismissRoom', 'DismissRoomByStrRoomId'],
  );
  const [twin, window, region] = summary.results;
  assert.equal(twin!.error!.kind, 'input');
  assert.match(twin!.error!.message, /^Not sent: RoomId: .*Call DismissRoomByStrRoomId for string rooms\./);
  assert.match(window!.error!.message, /keeps data for the last 14 days only/);
  assert.match(region!.error!.message, /runs only in ap-guangzhou, ap-singapore/);
});

test('without the validator every request is sent, and the validator takes its region from the request first', async () => {
  const request = createRequest({ action: 'DescribeTrtcUsage', params: { StartTime: '2026-06-10', EndTime: '2026-06-12' } });
  const { sent, execute } = recorder();
  await runCollection({ collection: collectionOf(request), execute });
  assert.equal(sent.length, 1);
  const validate = ruleValidator({ region: 'ap-beijing' });
  assert.deepEqual(
    validate({ action: 'DescribeTrtcUsage', params: request.params }).map((i) => i.code),
    ['region'],
  );
  assert.deepEqual(validate({ action: 'DescribeTrtcUsage', params: request.params, region: 'ap-singapore' }), []);
  assert.deepEqual(validate({ action: 'NoSuchAction', params: {} }), [], 'unknown actions are left to the API');
});

test('a request that asserts an API error is sent as written, since that error is what it tests', async () => {
  const expectsError = createRequest({
    action: 'DismissRoom',
    name: 'Expect RoomNotExist',
    params: { SdkAppId: 1400000001, RoomId: 'abc' },
    assertions: [{ type: 'error', code: 'FailedOperation.RoomNotExist' }],
  });
  const { sent, execute } = recorder();
  const summary = await runCollection({ collection: collectionOf(expectsError), execute, validate: ruleValidator({ now: () => NOW }) });
  assert.equal(sent.length, 1);
  assert.notEqual(summary.results[0]!.status, 'errored');
});
