import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogCoercion, fieldTypeAt } from '../../../src/core/collections/catalogCoercion';
import { fromCurl } from '../../../src/core/collections/curlImport';
import { LosslessNumber, stringifyJson } from '../../../src/core/json';

test('declared integers become numbers, exact beyond 2^53; strings stay strings', () => {
  assert.equal(catalogCoercion('DescribeRoomInfo', ['SdkAppId'], '1400000001'), 1400000001);
  const big = catalogCoercion('DescribeRoomInfo', ['StartTime'], '12345678901234567890');
  assert.ok(big instanceof LosslessNumber);
  assert.equal(stringifyJson(big), '12345678901234567890');
  assert.equal(catalogCoercion('DescribeRoomInfo', ['RoomId'], '1001'), '1001');
});

test('nested structures and arrays of structures are followed', () => {
  assert.equal(fieldTypeAt('CreateCloudRecording', ['RecordParams', 'RecordMode'])?.kind, 'integer');
  assert.equal(fieldTypeAt('CreateCloudRecording', ['MixLayoutParams', 'MixLayoutList'])?.kind, 'array');
  assert.equal(fieldTypeAt('CreateCloudRecording', ['RecordParams', 'NoSuchMember']), undefined);
  assert.equal(catalogCoercion('CreateCloudRecording', ['RecordParams', 'RecordMode'], '2'), 2);
  assert.equal(catalogCoercion('CreateCloudRecording', ['MixLayoutParams', 'MixLayoutList', 0, 'Top'], '40'), 40);
  assert.equal(catalogCoercion('CreateCloudRecording', ['MixLayoutParams', 'MixLayoutList', 0, 'UserId'], '40'), '40');
  assert.equal(catalogCoercion('CreateCloudRecording', ['MixLayoutParams', 'PureAudioDisableLayout'], 'true'), true);
  assert.equal(catalogCoercion('CreateCloudRecording', ['RecordParams', 'SubscribeStreamUserIds', 'SubscribeAudioUserIds', 0], '7'), '7');
});

test('unknown actions and paths, mismatched text and variables are left alone', () => {
  assert.equal(catalogCoercion('NoSuchAction', ['SdkAppId'], '1'), '1');
  assert.equal(catalogCoercion('DescribeRoomInfo', ['NoSuchParam'], '1'), '1');
  assert.equal(catalogCoercion('DescribeRoomInfo', ['SdkAppId'], 'abc'), 'abc');
  assert.equal(catalogCoercion('DescribeRoomInfo', ['SdkAppId'], '007'), '007');
  assert.equal(catalogCoercion('DescribeRoomInfo', ['SdkAppId'], '{{SdkAppId}}'), '{{SdkAppId}}');
  assert.equal(catalogCoercion('DescribeRoomInfo', ['SdkAppId', 0], '1'), '1');
  assert.equal(catalogCoercion('CreateCloudRecording', ['MixLayoutParams', 'PureAudioDisableLayout'], 'yes'), 'yes');
});

test('a legacy GET curl command imports with typed parameters', () => {
  const result = fromCurl(
    "curl 'https://trtc.tencentcloudapi.com/?Action=DescribeRoomInfo&Version=2019-07-22&Region=ap-guangzhou&SdkAppId=1400000001&RoomId=1001&StartTime=1590000000&EndTime=1590003600&Timestamp=1&Nonce=2&SecretId=AKIDx&Signature=abc'",
    { coerce: catalogCoercion },
  );
  assert.equal(result.requests.length, 1);
  assert.deepEqual(result.requests[0]!.params, { SdkAppId: 1400000001, RoomId: '1001', StartTime: 1590000000, EndTime: 1590003600 });
});
