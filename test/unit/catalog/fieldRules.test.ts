import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAction, findStruct, getCatalog } from '../../../src/core/catalog/catalog';
import type { FieldInfo } from '../../../src/core/catalog/types';
import { validateParams, type ValidationIssue } from '../../../src/core/catalog/validate';
import type { JsonObject } from '../../../src/core/json';

function codes(action: string, params: JsonObject): string[] {
  return validateParams(action, params).map((i) => `${i.code} ${i.path}`);
}

function issue(action: string, params: JsonObject, path: string): ValidationIssue | undefined {
  return validateParams(action, params).find((i) => i.path === path);
}

function field(owner: string, name: string): FieldInfo {
  const action = findAction(owner.replace(/Request$/, ''));
  const fields = owner.endsWith('Request') && action ? action.input : findStruct(owner)!.fields;
  return fields.find((f) => f.name === name)!;
}

const CDN = { SdkAppId: 1400000001, RoomId: '1001', RoomIdType: 0, AgentParams: { UserId: 'relay_1' }, WithTranscoding: 1 };

test('ranges written only in descriptions are enforced, with the exceptions they name', () => {
  const sei = (layout: JsonObject, pass?: JsonObject) => ({ ...CDN, SeiParams: { LayoutVolume: layout, ...(pass ? { PassThrough: pass } : {}) } });
  assert.deepEqual(codes('StartPublishCdnStream', sei({ PayloadType: 100 })), []);
  assert.deepEqual(codes('StartPublishCdnStream', sei({ PayloadType: 254 })), []);
  assert.deepEqual(codes('StartPublishCdnStream', sei({ PayloadType: 0 })), ['range SeiParams.LayoutVolume.PayloadType']);
  assert.deepEqual(codes('StartPublishCdnStream', sei({ PayloadType: 255 })), ['range SeiParams.LayoutVolume.PayloadType']);
  const reserved = issue('StartPublishCdnStream', sei({ PayloadType: 244 }), 'SeiParams.LayoutVolume.PayloadType')!;
  assert.equal(reserved.message, 'SeiParams.LayoutVolume.PayloadType should be from 100 to 254, except 244, but is 244.');
  assert.equal(reserved.messageZh, 'SeiParams.LayoutVolume.PayloadType 的取值应为 100 到 254（244 除外），实际为 244。');
  // The pass-through SEI also accepts the standard payload type 5.
  const pass = (t: number) => sei({ PayloadType: 100 }, { PayloadContent: 'x', PayloadType: t });
  assert.deepEqual(codes('StartPublishCdnStream', pass(5)), []);
  assert.deepEqual(codes('StartPublishCdnStream', pass(6)), ['range SeiParams.PassThrough.PayloadType']);
  // Bitrates, sizes and frame rates of the mixing encoder.
  const video = (encode: JsonObject) => ({ ...CDN, VideoParams: { VideoEncode: { Width: 640, Height: 360, Fps: 15, BitRate: 800, Gop: 2, ...encode } } });
  assert.deepEqual(codes('StartPublishCdnStream', video({})), []);
  assert.deepEqual(codes('StartPublishCdnStream', video({ Fps: 61, BitRate: 10001, Gop: 0 })), [
    'range VideoParams.VideoEncode.Fps',
    'range VideoParams.VideoEncode.BitRate',
    'range VideoParams.VideoEncode.Gop',
  ]);
  const bitrate = issue('StartPublishCdnStream', video({ BitRate: 20000 }), 'VideoParams.VideoEncode.BitRate')!;
  assert.equal(bitrate.suggestion, '10000', 'the nearest bound is offered');
  assert.deepEqual(bitrate.fix, { en: 'Use a value from 0 to 10000.', zh: '请填写符合范围的值：0 到 10000。' });
  // A float range: speech speed of the TTS voice.
  const tts = (speed: number) => ({ Text: 'hi', SdkAppId: 1400000001, Voice: { VoiceId: 'v', Speed: speed } });
  assert.deepEqual(codes('TextToSpeech', tts(1.5)), []);
  assert.deepEqual(codes('TextToSpeech', tts(2.5)), ['range Voice.Speed']);
  // Bounds stated in words (ResourceExpiredHour: at least 6, at most 720 hours).
  assert.deepEqual(field('CreateCloudRecordingRequest', 'ResourceExpiredHour').range, { min: 6, max: 720 });
});

test('yes/no integers and enumerations are dropdowns with both-language labels everywhere', () => {
  const seen = new Set<string>();
  let flags = 0;
  const walk = (fields: readonly FieldInfo[], owner: string) => {
    for (const f of fields) {
      const key = `${owner}.${f.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (f.flag) {
        flags++;
        assert.deepEqual(f.enum?.map((e) => e.value).sort(), [0, 1], key);
        assert.ok(f.enum!.every((e) => e.label?.en && e.label.zh), `${key} has labels in both languages`);
      }
      if (f.enum && f.type.kind === 'integer' && f.enum.length === 2 && f.enum.every((e) => e.value === 0 || e.value === 1)) assert.equal(f.flag, true, key);
      let t = f.type;
      while (t.kind === 'array' && t.items) t = t.items;
      if (t.kind === 'object' && t.struct) walk(findStruct(t.struct)!.fields, t.struct);
    }
  };
  for (const a of getCatalog().actions) walk(a.input, `${a.name}Request`);
  assert.ok(flags >= 45, `${flags} yes/no integers`);
  // WithTranscoding was a bare number box; now it is a labelled pair and refuses anything else.
  assert.deepEqual(field('StartPublishCdnStreamRequest', 'WithTranscoding').enum, [
    { value: 0, label: { en: 'Relay without transcoding', zh: '不转码（旁路转推）' } },
    { value: 1, label: { en: 'Transcode (mixing)', zh: '转码（混流转推）' } },
  ]);
  assert.deepEqual(codes('StartPublishCdnStream', { ...CDN, WithTranscoding: 2 }), ['enum WithTranscoding']);
  // String and float lists from prose: the recording mix type and the ingest tempo.
  assert.deepEqual(codes('DescribeRecordingUsage', { StartTime: '2026-01-01', EndTime: '2026-01-02', MixType: 'mixed' }), ['enum MixType']);
  assert.deepEqual(codes('UpdateStreamIngest', { SdkAppId: 1, TaskId: 't', Tempo: 1.1 }), ['enum Tempo']);
  assert.deepEqual(codes('UpdateStreamIngest', { SdkAppId: 1, TaskId: 't', Tempo: 1.75 }), []);
  // Lists of values apply to each element of a list.
  assert.deepEqual(
    codes('DescribeCallDetailInfo', { CommId: 'c', StartTime: 1700000000, EndTime: 1700000600, SdkAppId: 1, DataType: ['aBit', 'cpu'] }),
    ['enum DataType[1]'],
  );
});

test('Unix times in milliseconds where seconds are expected, and the reverse, are caught with the conversion', () => {
  const seconds = issue('DescribeUserInfo', { CommId: 'c', SdkAppId: 1, StartTime: 1700000000000, EndTime: 1700000600 }, 'StartTime')!;
  assert.equal(seconds.code, 'timeUnit');
  assert.equal(seconds.suggestion, '1700000000');
  assert.equal(seconds.messageZh, 'StartTime 应为以秒为单位的 Unix 时间，1700000000000 是毫秒。');
  const ms = issue('RegisterVoicePrint', { Audio: 'x', ReqTimestamp: 1700000000, AudioFormat: 0, AudioName: 'n' }, 'ReqTimestamp')!;
  assert.equal(ms.code, 'timeUnit');
  assert.equal(ms.suggestion, '1700000000000');
  assert.deepEqual(codes('RegisterVoicePrint', { Audio: 'x', ReqTimestamp: 1700000000123, AudioFormat: 0, AudioName: 'n' }), []);
  assert.equal(field('DescribeCallDetailInfoRequest', 'StartTime').time, 'unix-s');
  assert.equal(field('RegisterVoicePrintRequest', 'ReqTimestamp').time, 'unix-ms');
});

test('times written as text follow their documented layout', () => {
  assert.equal(field('DescribeTrtcUsageRequest', 'StartTime').timeFormat, 'YYYY-MM-DD');
  assert.equal(field('DescribeTrtcRoomUsageRequest', 'StartTime').timeFormat, 'YYYY-MM-DD HH:mm');
  assert.equal(field('DescribeTRTCAIRecognitionUsageRequest', 'StartTime').timeFormat, 'YYYY-MM-DD HH:mm:ss');
  const usage = (start: string) => codes('DescribeTrtcUsage', { StartTime: start, EndTime: '2026-01-10' });
  assert.deepEqual(usage('2026-01-01'), []);
  // The documentation's own examples write a day followed by a time; that is still the day.
  assert.deepEqual(usage('2026-01-01 00:00:00'), []);
  assert.deepEqual(usage('2026/01/01'), ['format StartTime']);
  assert.deepEqual(usage('1767225600'), ['format StartTime']);
  assert.deepEqual(usage('2026-02-30'), ['format StartTime']);
  const room = (start: string) => codes('DescribeTrtcRoomUsage', { SdkAppid: 1, StartTime: start, EndTime: '2026-01-01 10:00' });
  assert.deepEqual(room('2026-01-01 00:00'), []);
  assert.deepEqual(room('2026-01-01 00:00:00'), ['format StartTime']);
  assert.deepEqual(room('2026-01-01 24:00'), ['format StartTime']);
  const text = issue('DescribeTrtcRoomUsage', { SdkAppid: 1, StartTime: '2026-01-01', EndTime: '2026-01-01 10:00' }, 'StartTime')!;
  assert.equal(text.message, 'StartTime should be a time as YYYY-MM-DD HH:mm, but is the string "2026-01-01".');
  assert.deepEqual(text.fix, { en: 'Write it as YYYY-MM-DD HH:mm, in Beijing time.', zh: '请按 YYYY-MM-DD HH:mm 格式填写（北京时间）。' });
});
