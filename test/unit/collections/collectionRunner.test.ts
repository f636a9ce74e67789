import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  createFolder,
  createRequest,
  memorySecretResolver,
  parseCollection,
  parseEnvironment,
  runCollection,
  type Collection,
  type RunProgress,
} from '../../../src/core/collections';
import { ApiError } from '../../../src/core/errors';
import { LosslessNumber, stringifyJson } from '../../../src/core/json';
import { startRunnerServer, type Answer, type ReceivedCall, type RunnerServer } from './runnerServer';

const fixtures = path.join(__dirname, '../../fixtures/collections');
const rooms = parseCollection(fs.readFileSync(path.join(fixtures, 'rooms.json'), 'utf8'));
const dev = parseEnvironment(fs.readFileSync(path.join(fixtures, 'dev.environment.json'), 'utf8'));
const secrets = memorySecretResolver({ dev: { UserSig: 'sig-for-test', CosAccessKey: 'ak-test', CosSecretKey: 'sk-test' } });

function answers(call: ReceivedCall): Answer {
  switch (call.action) {
    case 'DescribeRoomInfo':
      return { Total: 1, RoomList: [{ RoomString: String(call.params.RoomId), DestroyTime: new LosslessNumber('12345678901234567890') }] };
    case 'DismissRoom':
      return call.params.RoomId === 0 ? { error: 'InvalidParameter.RoomId' } : {};
    case 'RemoveUser':
      return 'reset';
    case 'DescribeUserInfo':
      return 'hold';
    case 'DescribeScaleInfo':
      return { gate: 3 };
    default:
      return {};
  }
}

let server: RunnerServer;
before(async () => {
  server = await startRunnerServer(answers);
});
after(async () => {
  await server.close();
});

function collectionOf(...items: Collection['items']): Collection {
  return { version: 1, name: 'Ad hoc', items };
}

describe('runCollection', () => {
  test('runs the whole collection in order with resolved, typed parameters and judges the assertions', async () => {
    server.received.length = 0;
    const summary = await runCollection({ collection: rooms, environment: dev, secrets, execute: server.execute });
    assert.deepEqual(
      summary.results.map((r) => [r.path.join('/'), r.name, r.status]),
      [
        ['Quality', 'Describe rooms', 'passed'],
        ['', 'Dismiss room', 'failed'],
        ['', 'Start recording', 'passed'],
      ],
    );
    assert.deepEqual(
      [summary.total, summary.passed, summary.failed, summary.errored, summary.skipped, summary.cancelled],
      [3, 2, 1, 0, 0, false],
    );
    assert.equal(summary.collectionName, 'Rooms');
    assert.equal(summary.environmentName, 'dev');
    assert.deepEqual(server.received.map((c) => c.action), ['DescribeRoomInfo', 'DismissRoom', 'CreateCloudRecording']);
    assert.equal(
      stringifyJson(server.received[0].params),
      '{"SdkAppId":1400000001,"StartTime":1590000000,"EndTime":1590003600,"RoomId":"room-1001"}',
    );
    assert.equal(server.received[0].region, 'ap-guangzhou');
    const storage = (server.received[2].params.StorageParams as { CloudStorage: Record<string, unknown> }).CloudStorage;
    assert.deepEqual([server.received[2].params.UserSig, storage.AccessKey, storage.SecretKey], ['sig-for-test', 'ak-test', 'sk-test']);

    const describeResult = summary.results[0];
    assert.equal(describeResult.assertions.length, 4);
    assert.ok(describeResult.assertions.every((a) => a.passed));
    assert.equal(describeResult.callResult?.requestId, 'req-1');
    const dismiss = summary.results[1];
    assert.deepEqual(
      dismiss.assertions.map((a) => [a.passed, a.expected, a.actual]),
      [[false, 'error InvalidParameter.*', 'success']],
    );
    assert.equal(summary.results[2].assertions[0].implicit, true);
  });

  test('errored (could not run) is told apart from failed (ran, checks did not hold)', async () => {
    const unresolved = createRequest({ action: 'DismissRoom', name: 'Unresolved', params: { RoomId: '{{Missing}}' } });
    const transport = createRequest({ action: 'RemoveUser', name: 'Transport', params: {} });
    const apiError = createRequest({ action: 'DismissRoom', name: 'API error', params: { RoomId: 0 } });
    const expectedError = createRequest({
      action: 'DismissRoom',
      name: 'Expected error',
      params: { RoomId: 0 },
      assertions: [{ type: 'error', code: 'InvalidParameter.RoomId' }, { type: 'equals', path: '$.Error.Code', value: 'InvalidParameter.RoomId' }],
    });
    server.received.length = 0;
    const summary = await runCollection({
      collection: collectionOf(unresolved, transport, apiError, expectedError),
      environment: dev,
      execute: server.execute,
    });
    assert.deepEqual(
      summary.results.map((r) => [r.name, r.status, r.error?.kind]),
      [
        ['Unresolved', 'errored', 'input'],
        ['Transport', 'errored', 'network'],
        ['API error', 'failed', undefined],
        ['Expected error', 'passed', undefined],
      ],
    );
    assert.match(summary.results[0].error!.message, /\{\{Missing\}\}: not defined in environment "dev"; used in params\.RoomId/);
    assert.deepEqual(server.received.map((c) => c.action), ['RemoveUser', 'DismissRoom', 'DismissRoom'], 'nothing is sent for an unresolved request');
    assert.deepEqual([summary.passed, summary.failed, summary.errored, summary.skipped], [1, 1, 2, 0]);
  });

  test('an executor that throws ApiError still has its answer judged by the assertions', async () => {
    const request = createRequest({ action: 'DismissRoom', params: {}, assertions: [{ type: 'error', code: 'ResourceNotFound.*' }] });
    const summary = await runCollection({
      collection: collectionOf(request),
      execute: async () => {
        throw new ApiError('ResourceNotFound.Room', 'no such room', 'rid-1', 200);
      },
    });
    assert.equal(summary.results[0].status, 'passed');
    assert.equal(summary.results[0].callResult, undefined);
  });

  test('folderId and requestId select what runs', async () => {
    const folder = rooms.items[0];
    const byFolder = await runCollection({ collection: rooms, folderId: folder.id, environment: dev, secrets, execute: server.execute });
    assert.deepEqual(byFolder.results.map((r) => r.requestId), ['r-describe']);
    assert.deepEqual(byFolder.results[0].path, ['Quality']);
    const byRequest = await runCollection({ collection: rooms, requestId: 'r-record', environment: dev, secrets, execute: server.execute });
    assert.deepEqual(byRequest.results.map((r) => [r.requestId, r.status]), [['r-record', 'passed']]);
    await assert.rejects(runCollection({ collection: rooms, requestId: 'f-quality', execute: server.execute }), /is a folder; pass it as folderId/);
    await assert.rejects(runCollection({ collection: rooms, folderId: 'r-record', execute: server.execute }), /is a request, not a folder/);
    await assert.rejects(runCollection({ collection: rooms, folderId: 'zzz', execute: server.execute }), /no item with id "zzz"/);
    const empty = await runCollection({ collection: collectionOf(createFolder('Empty')), execute: server.execute });
    assert.deepEqual([empty.total, empty.passed, empty.results.length], [0, 0, 0]);
  });

  test('cancelling stops at once: the request in flight and the rest are skipped', async () => {
    const first = createRequest({ action: 'DismissRoom', name: 'First', params: { RoomId: 1 } });
    const stuck = createRequest({ action: 'DescribeUserInfo', name: 'Stuck', params: {} });
    const never = createRequest({ action: 'DismissRoom', name: 'Never', params: { RoomId: 2 } });
    const controller = new AbortController();
    const events: string[] = [];
    server.received.length = 0;
    const summary = await runCollection({
      collection: collectionOf(first, stuck, never),
      execute: server.execute,
      signal: controller.signal,
      onProgress: (e: RunProgress) => {
        events.push(e.type === 'requestStarted' ? `start ${e.name}` : `end ${e.result.name} ${e.result.status}`);
        if (e.type === 'requestStarted' && e.name === 'Stuck') {
          // Abort once the stuck request has reached the server.
          const poll = setInterval(() => {
            if (server.received.some((c) => c.action === 'DescribeUserInfo')) {
              clearInterval(poll);
              controller.abort();
            }
          }, 1);
        }
      },
    });
    assert.deepEqual(summary.results.map((r) => r.status), ['passed', 'skipped', 'skipped']);
    assert.equal(summary.cancelled, true);
    assert.deepEqual([summary.passed, summary.skipped], [1, 2]);
    assert.equal(summary.results[1].error?.kind, 'cancelled');
    assert.deepEqual(events, ['start First', 'end First passed', 'start Stuck', 'end Stuck skipped']);
    assert.deepEqual(server.received.map((c) => c.action), ['DismissRoom', 'DescribeUserInfo']);

    const aborted = new AbortController();
    aborted.abort();
    const none = await runCollection({ collection: collectionOf(first), execute: server.execute, signal: aborted.signal });
    assert.deepEqual([none.skipped, none.cancelled], [1, true]);
  });

  // The server answers only when all three are in flight together, so a sequential run would hang: the timeout turns that into a failure.
  test('concurrency runs requests side by side and keeps results in collection order', { timeout: 20_000 }, async () => {
    const gated = [1, 2, 3].map((n) => createRequest({ action: 'DescribeScaleInfo', name: `Gate ${n}`, params: { N: n } }));
    const summary = await runCollection({ collection: collectionOf(...gated), execute: server.execute, concurrency: 3 });
    assert.deepEqual(summary.results.map((r) => [r.name, r.status]), [
      ['Gate 1', 'passed'],
      ['Gate 2', 'passed'],
      ['Gate 3', 'passed'],
    ]);
  });

  test('bail stops after the first failure and skips the rest', async () => {
    const ok = createRequest({ action: 'DismissRoom', name: 'OK', params: { RoomId: 1 } });
    const bad = createRequest({ action: 'DismissRoom', name: 'Bad', params: { RoomId: 0 } });
    const later = createRequest({ action: 'DismissRoom', name: 'Later', params: { RoomId: 3 } });
    const summary = await runCollection({ collection: collectionOf(ok, bad, later), execute: server.execute, bail: true });
    assert.deepEqual(summary.results.map((r) => r.status), ['passed', 'failed', 'skipped']);
    assert.equal(summary.results[2].error?.kind, 'bail');
    assert.equal(summary.cancelled, false);
  });
});
