import assert from 'node:assert/strict';
import { test } from 'node:test';
import { schemaFor } from '../../../src/core/catalog/validate';
import type { JsonObject } from '../../../src/core/json';
import { sandboxAnswer } from '../../../src/core/sandbox/sandboxAnswer';
import { QUALITY_STEP_SECONDS } from '../../../src/core/sandbox/callSeries';
import { USAGE_KEYS } from '../../../src/core/sandbox/usageSeries';

/** 2026-06-15 12:00 in Beijing. */
const NOW = Date.UTC(2026, 5, 15, 4, 0, 0);
const T = NOW / 1000;

function answer(action: string, params: JsonObject, seed = 11): JsonObject {
  const a = sandboxAnswer({ action, params }, { now: NOW, seed });
  assert.equal(a.error, undefined, `${action}: ${JSON.stringify(a.error)}`);
  assert.ok(schemaFor(action, 'output').safeParse(a.response).success, `${action} answer matches its output structure`);
  return a.response;
}

type Usage = { TimeKey: string; TimeStampKey: number; UsageValue: number[] };

test('usage series cover exactly the days asked for, one value per usage key', () => {
  for (const action of Object.keys(USAGE_KEYS)) {
    const r = answer(action, { StartTime: '2026-06-08', EndTime: '2026-06-14', ...(action === 'DescribeRecordingUsage' ? { MixType: 'single' } : {}) });
    const list = r.UsageList as Usage[];
    assert.deepEqual(r.UsageKey, USAGE_KEYS[action]);
    assert.deepEqual(
      list.map((u) => u.TimeKey),
      ['08', '09', '10', '11', '12', '13', '14'].map((d) => `2026-06-${d} 00:00:00`),
      action,
    );
    for (const u of list) {
      assert.equal(u.UsageValue.length, (r.UsageKey as string[]).length);
      assert.ok(u.UsageValue.every((v) => v >= 0));
      assert.equal(u.TimeStampKey, Date.parse(`${u.TimeKey.replace(' ', 'T')}+08:00`) / 1000);
    }
  }
  // Audio is most of the minutes and 4K the least, as on a real application.
  const [day] = answer('DescribeTrtcUsage', { StartTime: '2026-06-10', EndTime: '2026-06-11' }).UsageList as Usage[];
  assert.ok(day!.UsageValue[0]! > day!.UsageValue[1]! && day!.UsageValue[1]! > day!.UsageValue[5]!);
});

test('a one-day usage query answers every five minutes, shaped like a day, and nothing after now', () => {
  const yesterday = answer('DescribeTrtcUsage', { StartTime: '2026-06-14', EndTime: '2026-06-14' }).UsageList as Usage[];
  assert.equal(yesterday.length, 288);
  assert.equal(yesterday[0]!.TimeKey, '2026-06-14 00:00:00');
  assert.equal(yesterday.at(-1)!.TimeKey, '2026-06-14 23:55:00');
  const audioAt = (hhmm: string) => yesterday.find((u) => u.TimeKey.endsWith(`${hhmm}:00`))!.UsageValue[0]!;
  assert.ok(audioAt('21:00') > 2 * audioAt('05:00'), 'an evening peak over a night trough');
  const today = answer('DescribeTrtcUsage', { StartTime: '2026-06-15', EndTime: '2026-06-15' }).UsageList as Usage[];
  assert.equal(today.length, 288, 'the whole window is there');
  const future = today.filter((u) => u.TimeStampKey > T);
  assert.ok(future.length > 100 && future.every((u) => u.UsageValue.every((v) => v === 0)), 'later points are zero');
  assert.ok(today.filter((u) => u.TimeStampKey <= T).some((u) => u.UsageValue[0]! > 0));
  const relay = answer('DescribeRelayUsage', { StartTime: '2026-06-14', EndTime: '2026-06-14' }).UsageList as Usage[];
  assert.ok(relay.every((u) => u.UsageValue.length === 1 && Number.isFinite(u.UsageValue[0])));
});

test('room usage is one CSV line per room with a value per resolution', () => {
  const csv = String(answer('DescribeTrtcRoomUsage', { SdkAppid: 1400000001, StartTime: '2026-06-14 00:00', EndTime: '2026-06-14 12:00' }).Data);
  const [head, ...rows] = csv.trimEnd().split('\n');
  assert.equal(head, 'RoomId,Audio,SD,HD,FullHD,2K,4K');
  assert.ok(rows.length >= 3);
  for (const row of rows) {
    const cells = row.split(',');
    assert.equal(cells.length, 7);
    assert.ok(cells.slice(1).every((c) => /^\d+$/.test(c)));
  }
});

test('scale info answers whole past days, newest first, never today', () => {
  const r = answer('DescribeScaleInfo', { SdkAppId: 1400000001, StartTime: T - 5 * 86_400, EndTime: T });
  const list = r.ScaleList as Array<{ Time: number; UserNumber: number; UserCount: number; RoomNumbers: number }>;
  assert.equal(r.Total, list.length);
  assert.equal(list.length, 5);
  const today = Date.parse('2026-06-15T00:00:00+08:00') / 1000;
  assert.deepEqual(list.map((d) => d.Time), [1, 2, 3, 4, 5].map((n) => today - n * 86_400));
  for (const d of list) assert.ok(d.UserCount >= d.UserNumber && d.RoomNumbers > 0);
});

type Series = { Columns: string[]; Values: Array<{ RowValue: number[]; RowValueFloat?: number[] }> };

test('dashboard series: one row per UTC day or hour of the window, every column filled', () => {
  const days = answer('DescribeTRTCMarketScaleData', { SdkAppId: '1400000001', StartTime: '2026-06-10', EndTime: '2026-06-12', Period: 'd' });
  const [series] = (days.Data as JsonObject).Series as Series[];
  assert.deepEqual(series!.Columns, ['time', 'peakCurrentUsers', 'peakCurrentChannels', 'userCount', 'roomCount']);
  assert.deepEqual(series!.Values.map((v) => v.RowValue[0]), ['2026-06-10', '2026-06-11', '2026-06-12'].map((d) => Date.parse(`${d}T00:00:00Z`) / 1000));
  assert.ok(series!.Values.every((v) => v.RowValue.length === 5));
  const hours = answer('DescribeTRTCMarketQualityData', { SdkAppId: '1400000001', StartTime: '2026-06-13', EndTime: '2026-06-14', Period: 'h', IsFloat: true });
  const [quality] = (hours.Data as JsonObject).Series as Series[];
  assert.equal(quality!.Values.length, 48);
  assert.ok(quality!.Values.every((v) => v.RowValue.length === 6 && v.RowValueFloat!.length === 6));
  assert.ok(quality!.Values.every((v) => v.RowValueFloat![4]! <= 100), 'join success is a percentage');
  // Only days that have begun are answered.
  const ahead = answer('DescribeTRTCMarketScaleData', { SdkAppId: '1400000001', StartTime: '2026-06-14', EndTime: '2026-06-20', Period: 'd' });
  assert.equal(((ahead.Data as JsonObject).Series as Series[])[0]!.Values.length, 2);
});

test('real-time series sample every ten seconds inside the window and stop at now', () => {
  const r = answer('DescribeTRTCRealTimeScaleData', { SdkAppId: '1400000001', StartTime: T - 600 + 3, EndTime: T + 600 });
  const [series] = (r.Data as JsonObject).Series as Series[];
  assert.deepEqual(series!.Columns, ['time', 'userCount', 'roomCount']);
  const times = series!.Values.map((v) => v.RowValue[0]!);
  assert.equal(times[0], T - 590);
  assert.equal(times.at(-1), T);
  assert.ok(times.every((t, i) => i === 0 || t - times[i - 1]! === 10));
});

test('call details: the users asked for, joining before they leave, with the metrics asked for per user', () => {
  const start = T - 1800;
  const params = { SdkAppId: 1400000001, CommId: `1400000001_2077_${start - 900}`, StartTime: start, EndTime: start + 1200, UserIds: ['ann', 'bob', 'cy'], DataType: ['aBit', 'rtt'] };
  const r = answer('DescribeCallDetailInfo', params);
  const users = r.UserList as Array<{ UserId: string; RoomStr: string; JoinTs: number; LeaveTs: number; Finished: boolean }>;
  assert.equal(r.Total, 3);
  assert.deepEqual(users.map((u) => u.UserId), ['ann', 'bob', 'cy']);
  for (const u of users) {
    assert.equal(u.RoomStr, '2077');
    assert.ok(u.JoinTs <= u.LeaveTs, 'join before leave');
    assert.ok(u.JoinTs <= params.EndTime && u.LeaveTs >= params.StartTime, 'in the room during the window');
    assert.ok(u.JoinTs >= start - 900, 'not before the room was created');
  }
  const data = r.Data as Array<{ UserId: string; PeerId: string; DataType: string; Content: Array<{ Time: number; Value: number }> }>;
  const upstream = data.filter((d) => d.PeerId === '');
  assert.deepEqual(
    upstream.map((d) => `${d.UserId} ${d.DataType}`),
    ['ann aBit', 'ann rtt', 'bob aBit', 'bob rtt', 'cy aBit', 'cy rtt'],
  );
  // Bitrates are also received from a peer; round trips are not.
  assert.ok(data.some((d) => d.PeerId !== '' && d.DataType === 'aBit') && !data.some((d) => d.PeerId !== '' && d.DataType === 'rtt'));
  for (const d of data) {
    const user = users.find((u) => u.UserId === d.UserId)!;
    for (const p of d.Content) {
      assert.ok(p.Time >= Math.max(params.StartTime, user.JoinTs) && p.Time <= Math.min(params.EndTime, user.LeaveTs));
      assert.equal(p.Time % QUALITY_STEP_SECONDS, 0);
    }
  }
  // PageSize and PageNumber page through the users; Total stays the number of all of them.
  const second = answer('DescribeCallDetailInfo', { ...params, PageSize: 2, PageNumber: 1 });
  assert.equal(second.Total, 3);
  assert.deepEqual((second.UserList as Array<{ UserId: string }>).map((u) => u.UserId), ['cy']);
  const everything = answer('DescribeCallDetailInfo', { ...params, UserIds: ['ann'], DataType: ['all'] });
  assert.equal(new Set((everything.Data as Array<{ DataType: string }>).map((d) => d.DataType)).size, 17);
});

test('event timelines are in time order inside the window and the user\'s stay', () => {
  const start = T - 1800;
  const r = answer('DescribeUserEvent', { SdkAppId: 1400000001, CommId: `1400000001_2077_${start - 900}`, StartTime: start, EndTime: start + 1200, UserId: 'ann', RoomId: '2077' });
  const [list] = r.Data as Array<{ PeerId: string; Content: Array<{ Time: number; EventId: number }> }>;
  assert.equal(list!.PeerId, 'ann');
  const times = list!.Content.map((e) => e.Time);
  assert.ok(times.length >= 3);
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
  assert.ok(times.every((t) => t >= start * 1000 && t <= (start + 1200) * 1000), 'milliseconds inside the window');
  const unusual = answer('DescribeUnusualEvent', { SdkAppId: 1400000001, StartTime: T - 3000, EndTime: T - 600, RoomId: '2077' });
  const events = unusual.AbnormalExperienceList as Array<{ EventTime: number; RoomId: string }>;
  assert.equal(unusual.Total, events.length);
  assert.ok(events.length <= 20);
  assert.ok(events.every((e) => e.RoomId === '2077' && e.EventTime >= T - 3000 && e.EventTime <= T - 600));
});

test('room lists: rooms created inside the window, destroyed after, paged by PageSize', () => {
  const params = { SdkAppId: 1400000001, StartTime: T - 20 * 3600, EndTime: T - 3600, PageSize: 4 };
  let r: JsonObject | undefined;
  for (let seed = 1; seed < 40 && !(r && Number(r.Total) > 4); seed++) r = answer('DescribeRoomInfo', params, seed);
  const rooms = r!.RoomList as Array<{ CommId: string; RoomString: string; CreateTime: number; DestroyTime: number; IsFinished: boolean }>;
  assert.equal(rooms.length, 4);
  for (const room of rooms) {
    assert.ok(room.CreateTime >= params.StartTime && room.CreateTime <= params.EndTime);
    assert.ok(room.IsFinished ? room.DestroyTime > room.CreateTime : room.DestroyTime === 0);
    assert.equal(room.CommId, `1400000001_${room.RoomString}_${room.CreateTime}`);
  }
});
