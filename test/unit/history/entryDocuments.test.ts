import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareHistoryEntry } from '../../../src/core/history';
import { parseJson, type JsonObject } from '../../../src/core/json';
import { entryDocuments } from '../../../src/core/history/entryDocuments';
import { callInput } from './helpers';

test('the request document holds the call, the response document the answer, big integers exact', () => {
  const body = '{"Response":{"Total":1,"DestroyTime":12345678901234567890,"RequestId":"req-0001"}}';
  const { entry } = prepareHistoryEntry(
    callInput({ params: parseJson('{"SdkAppId":1400000001,"Big":98765432109876543210}') as JsonObject, responseText: body }),
    'id-7',
    new Date('2024-05-01T08:00:00Z'),
    1024,
  );
  const docs = entryDocuments(entry, body);
  const request = JSON.parse(docs.request) as Record<string, unknown>;
  assert.equal(request.id, 'id-7');
  assert.equal(request.action, 'DescribeRoomInfo');
  assert.equal(request.region, 'ap-guangzhou');
  assert.match(docs.request, /"Big": 98765432109876543210/);
  assert.ok(!docs.request.includes('DestroyTime'));
  const response = JSON.parse(docs.response) as Record<string, unknown>;
  assert.equal(response.httpStatus, 200);
  assert.equal(response.requestId, 'req-0001');
  assert.match(docs.response, /"DestroyTime": 12345678901234567890/);
  assert.ok(docs.response.endsWith('\n') && docs.request.endsWith('\n'));
});

test('a failed call without a body shows its error; a body that is not JSON is kept as text', () => {
  const { entry } = prepareHistoryEntry(
    callInput({ httpStatus: undefined, requestId: undefined, responseText: undefined, error: { code: 'timeout', message: 'no answer within 30 s' } }),
    'id-8',
    new Date(),
    1024,
  );
  const failed = JSON.parse(entryDocuments(entry).response) as { error: { code: string }; body: unknown; httpStatus: unknown };
  assert.deepEqual(failed.error, { code: 'timeout', message: 'no answer within 30 s' });
  assert.equal(failed.body, null);
  assert.equal(failed.httpStatus, null);

  const html = JSON.parse(entryDocuments(entry, '<html>bad gateway</html>').response) as { bodyText: string };
  assert.equal(html.bodyText, '<html>bad gateway</html>');
});
