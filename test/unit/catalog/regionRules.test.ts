import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAction } from '../../../src/core/catalog/catalog';
import { validateParams } from '../../../src/core/catalog/validate';

const USAGE = { StartTime: '2026-06-10', EndTime: '2026-06-12' };

test('an action that runs only in some regions refuses the others and lists the supported ones', () => {
  assert.deepEqual(findAction('DescribeTrtcUsage')!.regions, ['ap-guangzhou', 'ap-singapore']);
  const [issue] = validateParams('DescribeTrtcUsage', USAGE, { region: 'ap-beijing' });
  assert.equal(issue!.code, 'region');
  assert.equal(issue!.path, '');
  assert.equal(issue!.severity, 'error');
  assert.equal(issue!.message, 'DescribeTrtcUsage runs only in ap-guangzhou, ap-singapore; ap-beijing is not one of them.');
  assert.equal(issue!.messageZh, 'DescribeTrtcUsage 仅支持以下地域：ap-guangzhou, ap-singapore；ap-beijing 不在其中。');
  assert.equal(issue!.suggestion, 'ap-guangzhou');
  assert.match(issue!.source!, /^https:\/\//);
  assert.deepEqual(validateParams('DescribeTrtcUsage', USAGE, { region: 'ap-singapore' }), []);
  assert.deepEqual(validateParams('DescribeTrtcUsage', USAGE), [], 'no region, nothing to compare');
});

test('the two sites\' lists are joined, so a region either site accepts is not refused', () => {
  // The Chinese site lists ap-beijing and ap-shanghai for relaying, the international site ap-singapore.
  const relay = { SdkAppId: 1, RoomId: '1001', RoomIdType: 0, AgentParams: { UserId: 'a' }, WithTranscoding: 1 };
  for (const region of ['ap-beijing', 'ap-shanghai', 'ap-singapore', 'ap-hongkong', 'ap-guangzhou']) {
    assert.deepEqual(validateParams('StartPublishCdnStream', relay, { region }), [], region);
  }
  assert.equal(validateParams('StartPublishCdnStream', relay, { region: 'ap-tokyo' })[0]!.code, 'region');
  // Actions whose documentation restricts nothing accept any region.
  assert.equal(findAction('DescribeRoomInfo')!.regions, undefined);
  assert.deepEqual(validateParams('DismissRoom', { SdkAppId: 1, RoomId: 1 }, { region: 'eu-frankfurt' }), []);
});
