import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dayInTimeZone,
  entryAsDocument,
  groupByDay,
  historyInputFromCall,
  historyInputFromFailure,
  HistoryStore,
  prepareHistoryEntry,
  queryHistory,
  type HistoryEntry,
} from '../../../src/core/history';
import { ApiError, TimeoutError } from '../../../src/core/errors';
import { parseJson, isJsonObject } from '../../../src/core/json';
import type { CallResult } from '../../../src/core/requests/types';
import { at, callInput, tempDir } from './helpers';

async function sampleStore(t: { after: (fn: () => void) => void }): Promise<{ store: HistoryStore; ids: Record<string, string> }> {
  const store = new HistoryStore(tempDir(t));
  await store.load();
  t.after(() => store.dispose());
  const ids: Record<string, string> = {};
  const add = async (name: string, overrides: Parameters<typeof callInput>[0]): Promise<void> => {
    ids[name] = (await store.append(callInput(overrides))).id;
  };
  await add('dismiss', { time: at(0), action: 'DismissRoom', requestId: 'aaaa-1111', params: { SdkAppId: 1400000001, RoomId: 'blue-room' } });
  await add('describe', {
    time: at(60),
    action: 'DescribeRoomInfo',
    requestId: 'bbbb-2222',
    responseText: '{"Response":{"RoomList":[{"RoomString":"needle-in-body"}],"RequestId":"bbbb-2222"}}',
  });
  await add('apiError', {
    time: at(120),
    action: 'DismissRoomByStrRoomId',
    requestId: 'cccc-3333',
    error: { code: 'FailedOperation.RoomNotExist', message: 'The room does not exist' },
    source: 'collection',
  });
  await add('http500', { time: at(180), action: 'StartMCUMixTranscode', httpStatus: 500, requestId: undefined, responseText: 'oops' });
  await add('network', {
    time: at(240),
    action: 'DescribeRoomInfo',
    httpStatus: undefined,
    requestId: undefined,
    responseText: undefined,
    error: { code: 'network', message: 'connect ECONNREFUSED' },
    source: 'cli',
  });
  return { store, ids };
}

test('query filters by action, status, error code, RequestId, source, text and dates, newest first', async (t) => {
  const { store, ids } = await sampleStore(t);
  const names = (entries: HistoryEntry[]): string[] => entries.map((e) => Object.keys(ids).find((k) => ids[k] === e.id) ?? e.id);
  assert.deepEqual(names(store.query()), ['network', 'http500', 'apiError', 'describe', 'dismiss']);
  assert.deepEqual(names(store.query({ action: 'dismissroom' })), ['apiError', 'dismiss']);
  assert.deepEqual(names(store.query({ status: 'ok' })), ['describe', 'dismiss']);
  assert.deepEqual(names(store.query({ status: 'error' })), ['network', 'http500', 'apiError']);
  assert.deepEqual(names(store.query({ status: 500 })), ['http500']);
  assert.deepEqual(names(store.query({ errorCode: 'roomnotexist' })), ['apiError']);
  assert.deepEqual(names(store.query({ requestId: 'BBBB' })), ['describe']);
  assert.deepEqual(names(store.query({ source: 'cli' })), ['network']);
  assert.deepEqual(names(store.query({ text: 'NEEDLE-in' })), ['describe'], 'text searches inline bodies');
  assert.deepEqual(names(store.query({ text: 'blue-room dismiss' })), ['dismiss'], 'every word must match; params are searched');
  assert.deepEqual(names(store.query({ text: 'econnrefused' })), ['network'], 'error messages are searched');
  assert.deepEqual(names(store.query({ from: at(60), to: at(180) })), ['apiError', 'describe']);
  assert.deepEqual(names(store.query({ from: new Date(at(180)) })), ['network', 'http500']);
  assert.deepEqual(names(store.query({ to: Date.parse(at(1)) })), ['dismiss']);
  assert.deepEqual(names(store.query({ action: 'room', status: 'ok', limit: 1 })), ['describe']);
  assert.throws(() => store.query({ from: 'last tuesday' }), /"from" is not a date: last tuesday/);
});

test('queryHistory sorts plain arrays newest first, like the store', async (t) => {
  const { store } = await sampleStore(t);
  const shuffled = [...store.query()].reverse();
  assert.deepEqual(
    queryHistory(shuffled, { status: 'error' }).map((e) => e.action),
    store.query({ status: 'error' }).map((e) => e.action),
  );
});

test('groupByDay puts the same instants on different days depending on the time zone', () => {
  const entry = (id: string, time: string): HistoryEntry =>
    prepareHistoryEntry(callInput({ time }), id, new Date(time), 1024).entry;
  // 23:30 UTC on 1 March and 00:30 UTC on 2 March, newest first as the view passes them.
  const entries = [entry('late', '2024-03-02T00:30:00.000Z'), entry('early', '2024-03-01T23:30:00.000Z')];
  const shape = (tz: string): Array<[string, string[]]> => groupByDay(entries, tz).map((g) => [g.day, g.entries.map((e) => e.id)]);
  assert.deepEqual(shape('UTC'), [
    ['2024-03-02', ['late']],
    ['2024-03-01', ['early']],
  ]);
  assert.deepEqual(shape('Asia/Shanghai'), [['2024-03-02', ['late', 'early']]]);
  assert.deepEqual(shape('America/Los_Angeles'), [['2024-03-01', ['late', 'early']]]);
  // India's half-hour offset: 18:29 UTC is still 23:59 on the same day, 18:30 UTC is the next day.
  assert.equal(dayInTimeZone(Date.parse('2024-03-01T18:29:00Z'), 'Asia/Kolkata'), '2024-03-01');
  assert.equal(dayInTimeZone(Date.parse('2024-03-01T18:30:00Z'), 'Asia/Kolkata'), '2024-03-02');
  assert.throws(() => groupByDay(entries, 'Mars/Olympus_Mons'), /Unknown time zone "Mars\/Olympus_Mons"/);
});

test('groupByDay without a zone uses the local one', () => {
  const saved = process.env.TZ;
  try {
    process.env.TZ = 'Asia/Tokyo';
    const e = prepareHistoryEntry(callInput({ time: '2024-03-01T20:00:00.000Z' }), 'x', new Date(), 1024).entry;
    assert.equal(groupByDay([e])[0]?.day, '2024-03-02');
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('entryAsDocument is stable JSON with the request first and absent values as null', () => {
  const body = '{"Response":{"Total":18446744073709551615,"RequestId":"r"}}';
  const { entry } = prepareHistoryEntry(callInput({ time: at(5), responseText: body, requestId: undefined }), 'id-1', new Date(), 1024);
  const doc = entryAsDocument(entry, body);
  assert.equal(doc, entryAsDocument(structuredClone(entry), body));
  const parsed = parseJson(doc);
  assert.ok(isJsonObject(parsed));
  assert.deepEqual(Object.keys(parsed), ['id', 'request', 'response']);
  assert.ok(isJsonObject(parsed.response));
  assert.equal(parsed.response.requestId, null);
  assert.match(doc, /"Total": 18446744073709551615/);
  assert.ok(doc.indexOf('"request"') < doc.indexOf('"response"'));
  const nonJson = entryAsDocument(entry, '<html>bad gateway</html>');
  assert.match(nonJson, /"bodyText": "<html>bad gateway<\/html>"/);
});

test('inputs built from a call result and from a failure carry the right fields', () => {
  const result: CallResult = {
    origin: 'https://trtc.ap-guangzhou.tencentcloudapi.com',
    httpStatus: 200,
    latencyMs: 12,
    startedAt: at(1),
    requestId: 'rid',
    response: {},
    responseText: '{"Response":{"RequestId":"rid"}}',
    sandbox: true,
  };
  const spec = { action: 'DismissRoom', params: { SdkAppId: 1, RoomId: 2 }, region: 'ap-guangzhou', signMethod: 'HmacSHA256' as const, httpMethod: 'GET' as const };
  const fromCall = historyInputFromCall(spec, result, { source: 'form', profile: 'p' });
  assert.equal(fromCall.signMethod, 'HmacSHA256');
  assert.equal(fromCall.httpMethod, 'GET');
  assert.equal(fromCall.endpoint, result.origin);
  assert.equal(fromCall.sandbox, true);
  const api = historyInputFromFailure(spec, new ApiError('AuthFailure.SignatureFailure', 'bad signature', 'rid2', 200), { source: 'cli' });
  assert.deepEqual([api.httpStatus, api.requestId, api.error?.code], [200, 'rid2', 'AuthFailure.SignatureFailure']);
  const timeout = historyInputFromFailure({ ...spec, endpoint: { kind: 'regional' } }, new TimeoutError('total', 5000), { source: 'cli' });
  assert.equal(timeout.error?.code, 'timeout');
  assert.equal(timeout.httpStatus, undefined);
  assert.equal(timeout.endpoint, 'https://trtc.ap-guangzhou.tencentcloudapi.com');
});

test('entry times are normalised to UTC ISO, and a time that is not one is refused', () => {
  const { entry } = prepareHistoryEntry(callInput({ time: '2024-03-01T08:00:00+08:00' }), 'x', new Date(), 1024);
  assert.equal(entry.time, '2024-03-01T00:00:00.000Z');
  assert.throws(() => prepareHistoryEntry(callInput({ time: 'yesterday' }), 'y', new Date(), 1024), /needs an ISO time .*got "yesterday"/);
});
