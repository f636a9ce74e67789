import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sandboxCall } from '../../../src/core/requests/callExecutor';
import type { CallSpec } from '../../../src/core/requests/types';
import { sandboxAnswer } from '../../../src/core/sandbox/sandboxAnswer';

const NOW = Date.UTC(2026, 5, 15, 4, 0, 0);
const T = NOW / 1000;

function error(spec: CallSpec): { Code: string; Message: string } | undefined {
  const r = sandboxCall(spec, { now: () => NOW, seed: 9 });
  assert.equal(r.httpStatus, 200, 'the API answers errors with HTTP 200');
  assert.equal(r.sandbox, true);
  assert.match(String(r.response.RequestId), /^sandbox-/);
  if (!r.error) return undefined;
  assert.deepEqual(Object.keys(r.response), ['Error', 'RequestId']);
  const e = r.response.Error as { Code: string; Message: string };
  assert.deepEqual(r.error, { code: e.Code, message: e.Message });
  assert.deepEqual(JSON.parse(r.responseText), { Response: r.response });
  return e;
}

test('missing, mistyped, out-of-range and unknown parameters get the codes the API returns', () => {
  assert.deepEqual(error({ action: 'DismissRoom', params: { SdkAppId: 1400000001 } }), {
    Code: 'MissingParameter.RoomId',
    Message: 'The request is missing the required parameter `RoomId`.',
  });
  assert.equal(error({ action: 'DescribeRoomInfo', params: { SdkAppId: 1, EndTime: T } })!.Code, 'MissingParameter', 'no specific code for StartTime');
  const typed = error({ action: 'DismissRoom', params: { SdkAppId: '1400000001', RoomId: 1001 } })!;
  assert.equal(typed.Code, 'InvalidParameter.SdkAppId');
  assert.match(typed.Message, /SdkAppId should be an integer \(uint64\), but is the string "1400000001"/);
  assert.equal(error({ action: 'CreateCloudRecording', params: { SdkAppId: 1, RoomId: '1', UserId: 'r', UserSig: 's', RecordParams: { RecordMode: 7 }, StorageParams: {} } })!.Code, 'InvalidParameterValue');
  assert.equal(error({ action: 'DescribeRoomInfo', params: { SdkAppId: 1, StartTime: T - 600, EndTime: T, PageSize: 500 } })!.Code, 'InvalidParameter.PageSizeOversize');
  assert.deepEqual(error({ action: 'DismissRoom', params: { SdkAppId: 1, RoomId: 1, Colour: 'red' } }), {
    Code: 'UnknownParameter',
    Message: 'The parameter `Colour` is not defined for this action.',
  });
  assert.equal(error({ action: 'DescribeTrtcRoomUsage', params: { SdkAppid: 1, StartTime: '2026/06/14', EndTime: '2026-06-14 10:00' } })!.Code, 'InvalidParameter');
});

test('what the rules imply: unsupported regions, the wrong twin, windows too long or too old', () => {
  const region = error({ action: 'DescribeTrtcUsage', params: { StartTime: '2026-06-10', EndTime: '2026-06-12' }, region: 'ap-beijing' })!;
  assert.equal(region.Code, 'UnsupportedRegion');
  assert.match(region.Message, /runs only in ap-guangzhou, ap-singapore/);
  // A string room to the numeric action is a type mistake first, as the API reads it.
  assert.equal(error({ action: 'DismissRoom', params: { SdkAppId: 1, RoomId: 'class_7' } })!.Code, 'InvalidParameter.RoomId');
  // All digits to the string-room action name a numeric room in the sandbox: that string room does not exist.
  assert.deepEqual(error({ action: 'DismissRoomByStrRoomId', params: { SdkAppId: 1, RoomId: '1001' } }), { Code: 'FailedOperation.RoomNotExist', Message: 'The room does not exist.' });
  assert.equal(error({ action: 'DescribeUserInfo', params: { SdkAppId: 1, CommId: 'c', StartTime: T - 20 * 86_400, EndTime: T - 20 * 86_400 + 600 } })!.Code, 'InvalidParameter.StartTimeExpire');
  assert.equal(error({ action: 'DescribeUnusualEvent', params: { SdkAppId: 1, StartTime: T - 7200, EndTime: T } })!.Code, 'InvalidParameter.QueryScaleOversize');
  assert.equal(error({ action: 'DescribeTrtcUsage', params: { StartTime: '2026-06-12', EndTime: '2026-06-10' } })!.Code, 'InvalidParameter');
  assert.equal(error({ action: 'CreateCloudRecording', params: { SdkAppId: 1, RoomId: 'class_7', UserId: 'r', UserSig: 's', RecordParams: { RecordMode: 1 }, StorageParams: {} } })!.Code, 'InvalidParameter.RoomId');
});

test('what the sandbox\'s world knows: no application 0, no room 0, and action names are exact', () => {
  assert.equal(error({ action: 'DismissRoom', params: { SdkAppId: 0, RoomId: 1001 } })!.Code, 'FailedOperation.SdkAppIdNotExist');
  assert.equal(error({ action: 'DismissRoom', params: { SdkAppId: 1400000001, RoomId: 0 } })!.Code, 'FailedOperation.RoomNotExist');
  assert.deepEqual(error({ action: 'dismissroom', params: {} }), { Code: 'InvalidAction', Message: 'The action dismissroom does not exist (did you mean DismissRoom?).' });
  assert.equal(error({ action: 'NoSuchThing', params: {} })!.Code, 'InvalidAction');
  // A well-formed request succeeds.
  assert.equal(error({ action: 'DismissRoom', params: { SdkAppId: 1400000001, RoomId: 1001 } }), undefined);
});

test('errors are written in the language the request asks for', () => {
  const zh = error({ action: 'DismissRoom', params: { SdkAppId: 1400000001 }, language: 'zh-CN' })!;
  assert.deepEqual(zh, { Code: 'MissingParameter.RoomId', Message: '缺少参数 `RoomId`。' });
  const region = error({ action: 'DescribeTrtcUsage', params: { StartTime: '2026-06-10', EndTime: '2026-06-12' }, region: 'ap-tokyo', language: 'zh-CN' })!;
  assert.match(region.Message, /^接口不支持所传地域。DescribeTrtcUsage 仅支持以下地域/);
});

test('the same request, seed and clock give the same answer', () => {
  const spec = { action: 'DescribeRoomInfo', params: { SdkAppId: 1400000001, StartTime: T - 3600, EndTime: T } };
  assert.deepEqual(sandboxAnswer(spec, { now: NOW, seed: 5 }), sandboxAnswer(spec, { now: NOW, seed: 5 }));
  assert.notDeepEqual(sandboxAnswer(spec, { now: NOW, seed: 5 }), sandboxAnswer(spec, { now: NOW, seed: 6 }));
});
