import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAction, getCatalog } from '../../../src/core/catalog/catalog';
import { sampleParams, SAMPLE_SDK_APP_ID } from '../../../src/core/catalog/sampleParams';
import { skeleton } from '../../../src/core/catalog/skeleton';
import { validateParams } from '../../../src/core/catalog/validate';
import type { JsonObject } from '../../../src/core/json';

const NOW = Date.UTC(2026, 5, 15, 3, 27, 11);

test('Fill required and Fill all make values that validate clean for every action, in a region it runs in', () => {
  let checked = 0;
  for (const action of getCatalog().actions) {
    for (const all of [false, true]) {
      const params = sampleParams(action.name, { all, now: NOW });
      const options = { now: NOW, ...(action.regions ? { region: action.regions[0]! } : {}) };
      assert.deepEqual(validateParams(action.name, params, options), [], `${action.name} ${all ? 'all' : 'required'}: ${JSON.stringify(params)}`);
      checked++;
    }
  }
  assert.equal(checked, getCatalog().actions.length * 2);
});

test('Fill all stays inside documented ranges and fills what placeholders leave empty', () => {
  const relay = sampleParams('StartPublishCdnStream', { all: true, now: NOW });
  const sei = relay.SeiParams as JsonObject;
  assert.equal((sei.LayoutVolume as JsonObject).PayloadType, 100);
  assert.equal((sei.PassThrough as JsonObject).PayloadType, 100);
  const encode = (relay.VideoParams as JsonObject).VideoEncode as JsonObject;
  assert.deepEqual([encode.Width, encode.Height, encode.Fps, encode.BitRate, encode.Gop], [640, 360, 15, 800, 2]);
  // The skeleton's typed placeholders leave required strings empty; the samples fill them.
  const placeholders = validateParams('StartPublishCdnStream', skeleton('StartPublishCdnStream', { all: true }));
  assert.ok(placeholders.length > 0 && placeholders.every((i) => i.code === 'empty'));
  // Deprecated parameters are left out of Fill all.
  assert.ok(!('VideoEncodeParams' in sampleParams('StartStreamIngest', { all: true, now: NOW })));
});

test('samples pick the room kind the action takes and a RoomIdType that agrees', () => {
  assert.deepEqual(sampleParams('DismissRoom', { now: NOW }), { SdkAppId: SAMPLE_SDK_APP_ID, RoomId: 1001 });
  assert.deepEqual(sampleParams('DismissRoomByStrRoomId', { now: NOW }), { SdkAppId: SAMPLE_SDK_APP_ID, RoomId: 'room_1001' });
  const recording = sampleParams('CreateCloudRecording', { all: true, now: NOW });
  assert.deepEqual([recording.RoomId, recording.RoomIdType], ['1001', 1]);
  const relay = sampleParams('StartPublishCdnStream', { now: NOW });
  assert.deepEqual([relay.RoomId, relay.RoomIdType], ['1001', 0]);
});

test('sample windows are recent and inside what each action allows', () => {
  const t = Math.floor(NOW / 1000);
  const detail = sampleParams('DescribeCallDetailInfo', { all: true, now: NOW });
  assert.ok(Number(detail.StartTime) < Number(detail.EndTime) && Number(detail.EndTime) <= t);
  assert.ok(Number(detail.EndTime) - Number(detail.StartTime) <= 3600, 'DataType is filled, so at most an hour');
  assert.match(String(detail.CommId), new RegExp(`^${SAMPLE_SDK_APP_ID}_1001_\\d+$`));
  assert.deepEqual(sampleParams('DescribeTrtcUsage', { now: NOW }), { StartTime: '2026-06-08', EndTime: '2026-06-14' });
  const room = sampleParams('DescribeTrtcRoomUsage', { now: NOW });
  assert.deepEqual([room.StartTime, room.EndTime], ['2026-06-15 10:17', '2026-06-15 11:17']);
  assert.equal(findAction('DescribeTrtcRoomUsage')!.input.find((f) => f.name === 'StartTime')!.timeFormat, 'YYYY-MM-DD HH:mm');
  // The same clock gives the same samples.
  assert.deepEqual(sampleParams('DescribeUserInfo', { all: true, now: NOW }), sampleParams('DescribeUserInfo', { all: true, now: NOW }));
});
