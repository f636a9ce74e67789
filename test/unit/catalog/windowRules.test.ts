import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateParams, type ValidateOptions, type ValidationIssue } from '../../../src/core/catalog/validate';
import type { JsonObject } from '../../../src/core/json';

const NOW = Date.UTC(2026, 5, 15, 4, 0, 0);
const T = NOW / 1000;

function windows(action: string, params: JsonObject, options: ValidateOptions = { now: NOW }): ValidationIssue[] {
  return validateParams(action, params, options).filter((i) => i.code === 'window');
}

const call = (start: number, end: number, extra: JsonObject = {}) => ({ CommId: '1400000001_1001_1', SdkAppId: 1400000001, StartTime: start, EndTime: end, ...extra });

test('a window that starts after it ends is refused, in seconds and in calendar days', () => {
  const [reversed] = windows('DescribeUserEvent', { ...call(T - 600, T - 1200), UserId: 'u', RoomId: '1' });
  assert.equal(reversed!.rule, 'window.order');
  assert.match(reversed!.message, /^StartTime \d+ \(2026-06-15T03:50:00Z\) is after EndTime \d+ \(2026-06-15T03:40:00Z\)\.$/);
  assert.deepEqual(reversed!.fix, { en: 'Swap them, or move StartTime before EndTime.', zh: '请对调两者，或把 StartTime 改到 EndTime 之前。' });
  const [days] = windows('DescribeTrtcUsage', { StartTime: '2026-06-02', EndTime: '2026-06-01' });
  assert.equal(days!.rule, 'window.order');
  assert.deepEqual(windows('DescribeTrtcUsage', { StartTime: '2026-06-01', EndTime: '2026-06-01' }), [], 'one day is a window');
});

test('windows longer than the action allows are refused, with the tighter limit while DataType is given', () => {
  assert.deepEqual(windows('DescribeCallDetailInfo', call(T - 4 * 3600, T)), []);
  const [four] = windows('DescribeCallDetailInfo', call(T - 4 * 3600 - 60, T));
  assert.equal(four!.rule, 'window.span');
  assert.equal(four!.message, 'The window from StartTime to EndTime is 4 hours 1 minute; DescribeCallDetailInfo allows at most 4 hours.');
  assert.equal(four!.messageZh, 'StartTime 到 EndTime 的时间跨度为 4 小时 1 分钟；DescribeCallDetailInfo 最多允许 4 小时。');
  const [one] = windows('DescribeCallDetailInfo', call(T - 2 * 3600, T, { DataType: ['aBit'] }));
  assert.equal(one!.message, 'The window from StartTime to EndTime is 2 hours; DescribeCallDetailInfo allows at most 1 hour while DataType is given.');
  assert.deepEqual(windows('DescribeCallDetailInfo', call(T - 2 * 3600, T, { DataType: [] })), [], 'an empty DataType is not given');
  assert.deepEqual(windows('DescribeUnusualEvent', { SdkAppId: 1, StartTime: T - 3600, EndTime: T }), []);
  assert.equal(windows('DescribeUnusualEvent', { SdkAppId: 1, StartTime: T - 3601, EndTime: T })[0]!.rule, 'window.span');
  // Calendar days count both ends: the 1st to the 31st is 31 days.
  assert.deepEqual(windows('DescribeTrtcUsage', { StartTime: '2026-05-01', EndTime: '2026-05-31' }), []);
  const [month] = windows('DescribeTrtcUsage', { StartTime: '2026-05-01', EndTime: '2026-06-01' });
  assert.equal(month!.message, 'The window from StartTime to EndTime is 32 days; DescribeTrtcUsage allows at most 31 days.');
  assert.equal(month!.messageZh, 'StartTime 到 EndTime 的时间跨度为 32 天；DescribeTrtcUsage 最多允许 31 天。');
  // Text times to the minute: at most 24 hours per room-usage query.
  const room = (start: string, end: string) => windows('DescribeTrtcRoomUsage', { SdkAppid: 1, StartTime: start, EndTime: end });
  assert.deepEqual(room('2026-06-14 00:00', '2026-06-15 00:00'), []);
  assert.equal(room('2026-06-14 00:00', '2026-06-15 00:01')[0]!.rule, 'window.span');
});

test('windows reaching back further than the data is kept are refused, but only when the clock is given', () => {
  const old = call(T - 15 * 86_400, T - 15 * 86_400 + 600);
  const [kept] = windows('DescribeUserInfo', old);
  assert.equal(kept!.rule, 'window.retention');
  assert.equal(kept!.message, 'StartTime is 15 days ago; DescribeUserInfo keeps data for the last 14 days only.');
  assert.equal(kept!.messageZh, 'StartTime 距今 15 天；DescribeUserInfo 只能查询最近 14 天 的数据。');
  assert.deepEqual(windows('DescribeUserInfo', old, {}), [], 'without now, validation does not depend on the time of day');
  assert.deepEqual(windows('DescribeUserInfo', call(T - 13 * 86_400, T - 13 * 86_400 + 600)), []);
  // The real-time dashboards keep 12 hours, the data dashboards 60 days.
  assert.equal(windows('DescribeTRTCRealTimeScaleData', { SdkAppId: '1', StartTime: T - 13 * 3600, EndTime: T })[0]!.rule, 'window.retention');
  assert.deepEqual(windows('DescribeTRTCMarketScaleData', { SdkAppId: '1', StartTime: '2026-04-20', EndTime: '2026-06-14', Period: 'd' }), []);
  assert.equal(windows('DescribeTRTCMarketScaleData', { SdkAppId: '1', StartTime: '2026-04-01', EndTime: '2026-06-14', Period: 'd' })[0]!.rule, 'window.retention');
  // Room usage exists from 2023-04-01 on, whatever the clock says.
  const [early] = windows('DescribeTrtcRoomUsage', { SdkAppid: 1, StartTime: '2023-03-31 00:00', EndTime: '2023-03-31 10:00' }, {});
  assert.equal(early!.rule, 'window.earliest');
});

test('a time in the wrong unit is reported once, on its field, not again as a window', () => {
  const issues = validateParams('DescribeUserInfo', call(T * 1000 - 600_000, T * 1000), { now: NOW });
  assert.deepEqual(issues.map((i) => `${i.code} ${i.path}`), ['timeUnit StartTime', 'timeUnit EndTime']);
});
