import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareHistoryEntry, type HistoryEntry } from '../../../src/core/history';
import { parseJson, stringifyJson, type JsonObject } from '../../../src/core/json';
import { trustOrigins } from '../../../src/core/http/endpointPolicy';
import { prepareCall } from '../../../src/core/requests/callExecutor';
import { endpointChoiceFromOrigin, entryCallSpec } from '../../../src/core/history/entryCallSpec';
import { callInput } from './helpers';

function entry(overrides: Parameters<typeof callInput>[0] = {}): HistoryEntry {
  return prepareHistoryEntry(callInput(overrides), 'id-1', new Date('2024-05-01T08:00:00Z'), 1024).entry;
}

test('Tencent hosts map back to their endpoint choice, anything else is replayed as a custom origin', () => {
  assert.deepEqual(endpointChoiceFromOrigin('https://trtc.tencentcloudapi.com'), { kind: 'nearest' });
  assert.deepEqual(endpointChoiceFromOrigin('https://trtc.intl.tencentcloudapi.com'), { kind: 'intl' });
  assert.deepEqual(endpointChoiceFromOrigin('https://trtc.ap-singapore.tencentcloudapi.com', 'ap-singapore'), { kind: 'regional' });
  assert.deepEqual(endpointChoiceFromOrigin('https://trtc.ap-singapore.tencentcloudapi.com'), { kind: 'regional' });
  // A regional host that does not match the call's region must keep its host, so it becomes custom.
  assert.deepEqual(endpointChoiceFromOrigin('https://trtc.ap-singapore.tencentcloudapi.com', 'ap-tokyo'), {
    kind: 'custom',
    url: 'https://trtc.ap-singapore.tencentcloudapi.com',
  });
  assert.deepEqual(endpointChoiceFromOrigin('http://127.0.0.1:41234'), { kind: 'custom', url: 'http://127.0.0.1:41234' });
  assert.deepEqual(endpointChoiceFromOrigin('https://trtc.tencentcloudapi.com:8443'), { kind: 'custom', url: 'https://trtc.tencentcloudapi.com:8443' });
  assert.deepEqual(endpointChoiceFromOrigin('not a url'), { kind: 'custom', url: 'not a url' });
});

test('a re-run spec carries the recorded action, parameters with exact digits, region and methods', () => {
  const e = entry({
    params: parseJson('{"SdkAppId":1400000001,"RoomId":"1001","Big":12345678901234567890}') as JsonObject,
    endpoint: 'http://127.0.0.1:9000/some/path?x=1',
    signMethod: 'HmacSHA256',
    httpMethod: 'GET',
    region: 'ap-beijing',
  });
  const spec = entryCallSpec(e);
  assert.equal(spec.action, 'DescribeRoomInfo');
  assert.equal(spec.region, 'ap-beijing');
  assert.equal(spec.signMethod, 'HmacSHA256');
  assert.equal(spec.httpMethod, 'GET');
  assert.deepEqual(spec.endpoint, { kind: 'custom', url: 'http://127.0.0.1:9000' });
  assert.equal(stringifyJson(spec.params), '{"SdkAppId":1400000001,"RoomId":"1001","Big":12345678901234567890}');
});

test('a re-run signs for the same host as the recorded call', () => {
  for (const origin of ['https://trtc.tencentcloudapi.com', 'https://trtc.intl.tencentcloudapi.com', 'https://trtc.ap-shanghai.tencentcloudapi.com', 'http://127.0.0.1:8080']) {
    const e = entry({ endpoint: origin, region: 'ap-shanghai' });
    const { endpoint } = prepareCall(entryCallSpec(e), { credentials: { secretId: 'AKIDx', secretKey: 'y' }, timestamp: 1_700_000_000, policy: trustOrigins(['http://127.0.0.1:8080'], '') });
    assert.equal(endpoint.origin, origin);
  }
});

test('an entry without a region on a regional host takes the host\'s region', () => {
  const e = entry({ endpoint: 'https://trtc.ap-hongkong.tencentcloudapi.com', region: undefined });
  const spec = entryCallSpec(e);
  assert.equal(spec.region, 'ap-hongkong');
  assert.deepEqual(spec.endpoint, { kind: 'regional' });
});

test('redacted values stay visible as placeholders, and the entry lists where they were', () => {
  const e = entry({ action: 'CreateCloudRecording', params: { SdkAppId: 1, UserSig: 'eJyrVkrLz1eyUkpKLFKqBQA', StorageParams: { CloudStorage: { SecretKey: 'topsecret' } } } });
  const spec = entryCallSpec(e);
  assert.equal(spec.params.UserSig, '<redacted>');
  assert.deepEqual(e.redactedPaths.sort(), ['StorageParams.CloudStorage.SecretKey', 'UserSig']);
  assert.ok(!stringifyJson(spec.params).includes('topsecret'));
});
