import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestFromEntry, requestFromSpec, renameVariableReferences, resolveForForm } from '../../../src/core/collections/savedRequest';
import { createCollection, serializeCollection } from '../../../src/core/collections/collectionFormat';
import { extractSecrets } from '../../../src/core/collections/secretPlan';
import type { Environment } from '../../../src/core/collections/environmentFormat';
import { prepareHistoryEntry } from '../../../src/core/history';
import { parseJson, stringifyJson, type JsonObject } from '../../../src/core/json';
import { callInput } from '../history/helpers';

test('a request saved from the form keeps action, parameters and region, not the user\'s settings', () => {
  const params = parseJson('{"SdkAppId":1400000001,"RoomId":"1001","Big":12345678901234567890}') as JsonObject;
  const r = requestFromSpec({
    action: 'DescribeRoomInfo',
    params,
    region: 'ap-singapore',
    endpoint: { kind: 'custom', url: 'http://127.0.0.1:8080' },
    language: 'zh-CN',
    signMethod: 'TC3-HMAC-SHA256',
    httpMethod: 'POST',
    signedHeaders: 'content-type;host',
    timeoutMs: 30000,
  });
  assert.equal(r.type, 'request');
  assert.equal(r.name, 'DescribeRoomInfo');
  assert.match(r.id, /^[a-z0-9]{10}$/);
  assert.equal(r.region, 'ap-singapore');
  assert.equal(stringifyJson(r.params), '{"SdkAppId":1400000001,"RoomId":"1001","Big":12345678901234567890}');
  for (const key of ['endpoint', 'language', 'signMethod', 'httpMethod', 'signedHeaders', 'timeoutMs']) {
    assert.equal(key in r, false, key);
  }
  assert.notEqual(r.params, params, 'the parameters are copied, not shared with the form');
});

test('non-default methods are kept, and a name is trimmed', () => {
  const r = requestFromSpec({ action: 'DismissRoom', params: {}, signMethod: 'HmacSHA1', httpMethod: 'GET' }, '  Dismiss  ');
  assert.equal(r.name, 'Dismiss');
  assert.equal(r.signMethod, 'HmacSHA1');
  assert.equal(r.httpMethod, 'GET');
});

test('a literal credential cannot be saved until extractSecrets moves it into a variable', () => {
  const r = requestFromSpec({ action: 'CreateCloudRecording', params: { SdkAppId: 1, UserSig: 'eJyrVkrLz1eyUkpKLFKqBQA' } });
  const collection = { ...createCollection('Rooms'), items: [r] };
  assert.throws(() => serializeCollection(collection), /UserSig/);
  const { request, secrets } = extractSecrets(r);
  assert.deepEqual(secrets, [{ name: 'UserSig', path: 'params.UserSig', value: 'eJyrVkrLz1eyUkpKLFKqBQA' }]);
  const text = serializeCollection({ ...collection, items: [request] });
  assert.ok(!text.includes('eJyrVkrLz1eyUkpKLFKqBQA'));
  assert.match(text, /"UserSig": "\{\{UserSig\}\}"/);
});

test('a request saved from history turns redacted values into variables without a value', () => {
  const { entry } = prepareHistoryEntry(
    callInput({ action: 'CreateCloudRecording', params: { SdkAppId: 1, UserSig: 'eJyrVkrLz1eyUkpKLFKqBQA' }, signMethod: 'HmacSHA256' }),
    'id-1',
    new Date(),
    1024,
  );
  const r = requestFromEntry(entry);
  assert.equal(r.params.UserSig, '<redacted>');
  assert.equal(r.signMethod, 'HmacSHA256');
  assert.equal(r.region, 'ap-guangzhou');
  const { request, secrets } = extractSecrets(r);
  assert.deepEqual(secrets, [{ name: 'UserSig', path: 'params.UserSig' }]);
  assert.equal(request.params.UserSig, '{{UserSig}}');
});

test('the form gets plain variable values; secret, missing and valueless ones stay references', async () => {
  const env: Environment = {
    version: 1,
    name: 'dev',
    variables: {
      SdkAppId: { value: 1400000001 },
      Big: { value: parseJson('98765432109876543210') },
      RoomId: { value: '1001' },
      UserSig: { secret: true },
      Empty: {},
    },
  };
  const request = requestFromSpec({
    action: 'CreateCloudRecording',
    params: { SdkAppId: '{{SdkAppId}}', Big: '{{Big}}', RoomId: 'room-{{RoomId}}', UserSig: '{{UserSig}}', Note: 'x-{{Missing}}-{{Empty}}' },
  });
  const { spec, unresolved } = await resolveForForm(request, env);
  assert.equal(stringifyJson(spec.params), '{"SdkAppId":1400000001,"Big":98765432109876543210,"RoomId":"room-1001","UserSig":"{{UserSig}}","Note":"x-{{Missing}}-{{Empty}}"}');
  assert.deepEqual(unresolved.sort(), ['Empty', 'Missing', 'UserSig']);

  const bare = await resolveForForm(request, undefined);
  assert.equal(bare.spec.params.SdkAppId, '{{SdkAppId}}');
  assert.equal(bare.unresolved.length, 6);
});

test('renaming variable references touches every occurrence and nothing else', () => {
  const request = requestFromSpec({
    action: 'CreateCloudRecording',
    params: { A: '{{UserSig}}', B: ['x-{{ UserSig }}-y', '{{UserSig2}}'], C: { D: '{{Other}}' } },
    region: '{{UserSig}}',
  });
  const renamed = renameVariableReferences(request, new Map([['UserSig', 'UserSig_2']]));
  assert.deepEqual(renamed.params, { A: '{{UserSig_2}}', B: ['x-{{UserSig_2}}-y', '{{UserSig2}}'], C: { D: '{{Other}}' } });
  assert.equal(renamed.region, '{{UserSig_2}}');
  assert.equal(request.params.A, '{{UserSig}}', 'the original is unchanged');
  assert.equal(renameVariableReferences(request, new Map()), request);
});
