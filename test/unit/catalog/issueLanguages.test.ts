import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateParams, type ValidationIssue } from '../../../src/core/catalog/validate';
import type { JsonObject } from '../../../src/core/json';

const CJK = /[\u4e00-\u9fff]/;

/** Requests with at least one issue of every code, structural and rule ones. */
const BROKEN: Array<[string, JsonObject, { region?: string; now?: number }?]> = [
  ['DismissRoom', { SdkAppId: '1', RoomId: 'abc', RoomID: 1 }],
  ['DismissRoom', {}],
  ['DismissRoom', { SdkAppId: -1, RoomId: 1.5 }],
  ['RemoveUser', { SdkAppId: 1, RoomId: 1, UserIds: [] }],
  ['CreateCloudRecording', { SdkAppId: 1, RoomId: 'abc', UserId: 'r', UserSig: 's', RecordParams: { RecordMode: 9 }, StorageParams: {} }],
  ['DescribeTRTCMarketQualityData', { SdkAppId: '1', StartTime: '2026/01/01', EndTime: '2026-01-02', Period: 'd' }],
  ['DescribeUserInfo', { CommId: 'c', SdkAppId: 1, StartTime: 1700000000000, EndTime: 1700000600 }],
  ['DescribeTrtcUsage', { StartTime: '2026-01-02', EndTime: '2026-01-01' }, { region: 'ap-beijing' }],
  ['DescribeCallDetailInfo', { CommId: 'c', SdkAppId: 1, StartTime: 1700000000, EndTime: 1700007200, DataType: ['aBit'], PageSize: 9 }, { now: 1800000000000 }],
  ['DismissRoomByStrRoomId', { SdkAppId: 1, RoomId: '1234' }],
  ['StartPublishCdnStream', { SdkAppId: 1, RoomId: 'x', RoomIdType: 0, AgentParams: { UserId: 'a' }, WithTranscoding: 1 }],
  [{} as never, {}],
];

test('every issue speaks English and Chinese, says what to do, and has a severity', () => {
  const all: ValidationIssue[] = [];
  for (const [action, params, options] of BROKEN) {
    if (typeof action !== 'string') continue;
    all.push(...validateParams(action, params, options ?? {}));
  }
  all.push(...validateParams('DismissRoom', 'x' as unknown as JsonObject));
  const codes = new Set(all.map((i) => i.code));
  assert.deepEqual([...codes].sort(), ['empty', 'enum', 'format', 'missing', 'range', 'region', 'roomType', 'timeUnit', 'twin', 'type', 'unknown', 'window']);
  for (const i of all) {
    assert.ok(i.message && !CJK.test(i.message), `English: ${i.message}`);
    assert.ok(CJK.test(i.messageZh), `Chinese: ${i.messageZh}`);
    assert.ok(i.fix && i.fix.en && CJK.test(i.fix.zh), `a fix in both languages: ${i.message}`);
    assert.ok(i.severity === 'error' || i.severity === 'warning');
    if (i.rule) assert.match(i.source ?? '', /^https:\/\//, `rule issues name their source: ${i.rule}`);
    else assert.equal(i.source, undefined);
    // The path in the message is the issue's own path, filled in after shared schemas ran.
    assert.ok(!i.message.includes('\u0000') && !i.messageZh.includes('\u0000'));
  }
});

test('structural messages read naturally in Chinese', () => {
  const [missing] = validateParams('DismissRoom', { SdkAppId: 1 });
  assert.deepEqual([missing!.messageZh, missing!.fix], ['缺少必填参数 RoomId。', { en: 'Give RoomId a value.', zh: '请填写 RoomId。' }]);
  const [type] = validateParams('DismissRoom', { SdkAppId: '1400000001', RoomId: 1 });
  assert.equal(type!.messageZh, 'SdkAppId 应为整数（uint64），实际为字符串 "1400000001"。');
  assert.deepEqual(type!.fix, { en: 'Write it as 1400000001.', zh: '请改为 1400000001。' });
  const [unknown] = validateParams('DismissRoom', { SdkAppId: 1, RoomId: 1, RoomID: 2 });
  assert.deepEqual([unknown!.messageZh, unknown!.fix!.zh, unknown!.suggestion], ['未知参数 RoomID。', '是否应为 RoomId？', 'RoomId']);
});
