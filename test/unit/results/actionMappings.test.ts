import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAction } from '../../../src/core/catalog/catalog';
import { LosslessNumber } from '../../../src/core/json';
import { ACTION_MAPPINGS } from '../../../src/core/results/actionMappings';
import { outputSchema } from '../../../src/core/results/outputSchema';
import { buildResultView, resultViewOfText } from '../../../src/core/results/resultView';
import type { ChartSpec, ResultView } from '../../../src/core/results/types';
import { catalogAnswer, documentedAnswer, type AnswerSpec } from './catalogAnswers';

/** The actions issue 13 lists, each of which must have an explicit mapping. */
const LISTED = [
  'DescribeTrtcUsage',
  'DescribeRecordingUsage',
  'DescribeMixTranscodingUsage',
  'DescribeRelayUsage',
  'DescribeTrtcRoomUsage',
  'DescribeScaleInfo',
  'DescribeTRTCMarketQualityData',
  'DescribeTRTCMarketScaleData',
  'DescribeTRTCMarketScaleMetricData',
  'DescribeTRTCRealTimeQualityData',
  'DescribeTRTCRealTimeScaleData',
  'DescribeCallDetailInfo',
  'DescribeUserEvent',
  'DescribeUnusualEvent',
  'DescribeRoomInfo',
  'DescribeUserInfo',
  'DescribeCloudRecording',
];

function view(action: string, spec: Parameters<typeof catalogAnswer>[1]): ResultView {
  return buildResultView({ response: catalogAnswer(action, spec) }, { action, schema: outputSchema(action)! });
}

function only<T>(list: T[]): T {
  assert.equal(list.length, 1, `expected exactly one, got ${list.length}`);
  return list[0]!;
}

function seriesByLabel(chart: ChartSpec): Record<string, Array<number | null>> {
  return Object.fromEntries(chart.panels.flatMap((p) => p.series.map((s) => [s.label, s.values])));
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;

describe('explicit mapping of the listed actions', () => {
  test('every listed action exists in the catalog and has a mapping, and every mapping names a catalog action', () => {
    for (const a of LISTED) {
      assert.ok(findAction(a), `${a} is not in the catalog`);
      assert.ok(Object.hasOwn(ACTION_MAPPINGS, a), `${a} has no mapping`);
    }
    for (const a of Object.keys(ACTION_MAPPINGS)) assert.ok(findAction(a), `mapping for unknown action ${a}`);
  });

  for (const action of ['DescribeTrtcUsage', 'DescribeRecordingUsage', 'DescribeMixTranscodingUsage', 'DescribeRelayUsage']) {
    test(`${action}: bars per usage key, in minutes, with totals, one table row per time key`, () => {
      const v = view(action, {
        UsageKey: ['Audio', 'HD'],
        UsageList: [
          { TimeKey: '2024-05-02 00:00:00', UsageValue: [3, 4.5] },
          { TimeKey: '2024-05-01 00:00:00', UsageValue: [1, 2] },
        ],
      });
      assert.equal(v.status, 'ok');
      const chart = v.charts[0]!;
      assert.equal(chart.kind, 'bars');
      assert.equal(chart.xKind, 'day');
      assert.equal(chart.xZone, 'utc');
      assert.deepEqual(chart.x, [day('2024-05-01'), day('2024-05-02')]);
      const panel = only(chart.panels);
      assert.equal(panel.unit, 'min');
      assert.deepEqual(panel.series.map((s) => [s.label, s.values, s.total]), [
        ['Audio', [1, 3], 4],
        ['HD', [2, 4.5], 6.5],
      ]);
      const table = v.tables[0]!;
      assert.equal(table.id, 'usage');
      assert.deepEqual(table.columns.map((c) => `${c.key}:${c.kind}:${c.unit ?? ''}`), ['TimeKey:time:', 'Audio:float:min', 'HD:float:min']);
      assert.deepEqual(table.rows, [
        { TimeKey: '2024-05-01 00:00:00', Audio: 1, HD: 2 },
        { TimeKey: '2024-05-02 00:00:00', Audio: 3, HD: 4.5 },
      ]);
    });
  }

  test('DescribeTrtcUsage documented example: six usage keys over two days', () => {
    const v = resultViewOfText(documentedAnswer('DescribeTrtcUsage')!, { action: 'DescribeTrtcUsage', schema: outputSchema('DescribeTrtcUsage')! });
    const chart = v.charts[0]!;
    assert.deepEqual(chart.panels[0]!.series.map((s) => s.label), ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K']);
    assert.equal(chart.x.length, 2);
    assert.deepEqual(chart.panels[0]!.series.map((s) => s.total), [20, 40, 60, 80, 100, 120]);
  });

  test('hourly usage is a time axis, not days', () => {
    const v = view('DescribeTrtcUsage', { UsageKey: ['Audio'], UsageList: [{ TimeKey: '2024-05-01 01:00:00', UsageValue: [1] }, { TimeKey: '2024-05-01 02:00:00', UsageValue: [2] }] });
    assert.equal(v.charts[0]!.xKind, 'time');
  });

  test('usage with no data says why nothing is drawn', () => {
    const v = view('DescribeTrtcUsage', { UsageKey: ['Audio'], UsageList: [] });
    assert.equal(v.charts.length, 0);
    assert.equal(v.status, 'empty');
    assert.match(v.reason!.en, /no usage in the period/);
    assert.ok(v.reason!.zh.length > 0);
  });

  test('DescribeTrtcRoomUsage: the CSV in Data becomes a room table and bars per room, most used first', () => {
    const v = view('DescribeTrtcRoomUsage', { Data: 'RoomId,Audio,SD\nsmall,1,0\n"big, room",10,5\n' });
    const table = v.tables[0]!;
    assert.deepEqual(table.rows, [
      { RoomId: 'small', Audio: 1, SD: 0 },
      { RoomId: 'big, room', Audio: 10, SD: 5 },
    ]);
    const chart = v.charts[0]!;
    assert.equal(chart.xKind, 'category');
    assert.deepEqual(chart.categories, ['big, room', 'small']);
    assert.deepEqual(seriesByLabel(chart), { Audio: [10, 1], SD: [5, 0] });
    const documented = resultViewOfText(documentedAnswer('DescribeTrtcRoomUsage')!, { action: 'DescribeTrtcRoomUsage' });
    assert.deepEqual(documented.tables[0]!.rows, [{ RoomId: 'test_room', Audio: 1, SD: 2, hd: 3, FullHD: 4, '2K': 5, '4K': 6 }]);
  });

  test('DescribeScaleInfo: users, entries and rooms per day as lines, oldest day first', () => {
    const v = resultViewOfText(documentedAnswer('DescribeScaleInfo')!, { action: 'DescribeScaleInfo', schema: outputSchema('DescribeScaleInfo')! });
    const chart = v.charts[0]!;
    assert.equal(chart.kind, 'lines');
    assert.deepEqual(chart.x, [1587571200, 1587657600, 1587744000, 1587830400]);
    assert.deepEqual(seriesByLabel(chart).Rooms, [185469, 180341, 79241, 130644]);
    assert.equal(v.tables[0]!.columns.find((c) => c.key === 'Time')!.kind, 'time');
  });

  for (const [action, kind] of [
    ['DescribeTRTCMarketQualityData', 'quality'],
    ['DescribeTRTCRealTimeQualityData', 'quality'],
    ['DescribeTRTCMarketScaleData', 'scale'],
    ['DescribeTRTCRealTimeScaleData', 'scale'],
  ] as const) {
    test(`${action}: Columns and RowValue rows become a table and ${kind} lines, one panel per unit`, () => {
      const v = view(action, {
        Data: {
          StatementID: 0,
          Total: 1,
          Series: [
            {
              Columns: ['time', 'videoFreezeRate', 'networkDelay'],
              Values: [{ RowValue: [1700000060, 2, 80] }, { RowValue: [1700000000, 1, 70] }],
            },
          ],
        },
      });
      const chart = v.charts[0]!;
      assert.deepEqual(chart.x, [1700000000, 1700000060]);
      assert.deepEqual(chart.panels.map((p) => [p.unit, p.series.map((s) => s.metric)]), [
        ['%', ['videoFreezeRate']],
        ['ms', ['networkDelay']],
      ]);
      assert.deepEqual(chart.panels[1]!.series[0]!.values, [70, 80]);
      assert.deepEqual(v.tables[0]!.columns.map((c) => c.kind), ['time', 'integer', 'integer']);
    });
  }

  test('dashboard floats (IsFloat) are read from RowValueFloat', () => {
    const v = view('DescribeTRTCMarketQualityData', { Data: { Series: [{ Columns: ['time', 'joinSuccessRate'], Values: [{ RowValue: [1700000000, 0], RowValueFloat: [1700000000, 99.5] }] }] } });
    assert.deepEqual(v.charts[0]!.panels[0]!.series[0]!.values, [99.5]);
  });

  test('DescribeTRTCMarketScaleMetricData documented example: rows as plain arrays', () => {
    const v = resultViewOfText(documentedAnswer('DescribeTRTCMarketScaleMetricData')!, { action: 'DescribeTRTCMarketScaleMetricData' });
    const chart = v.charts[0]!;
    assert.equal(chart.xKind, 'day');
    assert.deepEqual(chart.panels[0]!.series.map((s) => s.metric), ['userCount', 'roomCount', 'peakCurrentChannels', 'peakCurrentUsers']);
    assert.equal(chart.x.length, v.tables[0]!.rows.length);
    assert.equal(seriesByLabel(chart).Users![0], 16);
  });

  test('DescribeCallDetailInfo: a panel per metric, a line per user and direction, every point in one table', () => {
    const v = view('DescribeCallDetailInfo', {
      Total: 2,
      UserList: [{ UserId: 'alice', RoomStr: '1001', JoinTs: 1700000000, LeaveTs: 1700000600, Finished: true }],
      Data: [
        { UserId: 'alice', PeerId: '', DataType: 'bigvBit', Content: [{ Time: 1700000002, Value: 800000 }, { Time: 1700000004, Value: 750000 }] },
        { UserId: 'alice', PeerId: 'bob', DataType: 'bigvBit', Content: [{ Time: 1700000004, Value: 600000 }] },
        { UserId: 'alice', PeerId: '', DataType: 'aLoss', Content: [{ Time: 1700000002, Value: 0.5 }] },
      ],
    });
    const chart = v.charts[0]!;
    assert.deepEqual(chart.x, [1700000002, 1700000004]);
    assert.deepEqual(chart.panels.map((p) => [p.unit, p.series.map((s) => [s.label, s.values])]), [
      ['bps', [['alice ↑', [800000, 750000]], ['alice ← bob', [null, 600000]]]],
      ['%', [['alice ↑', [0.5, null]]]],
    ]);
    assert.equal(v.tables[0]!.id, 'metrics');
    assert.equal(v.tables[0]!.rows.length, 4);
    const users = v.tables.find((t) => t.id === 'UserList')!;
    assert.deepEqual(users.columns.filter((c) => c.kind === 'time').map((c) => c.key), ['JoinTs', 'LeaveTs']);
  });

  test('DescribeCallDetailInfo without DataType: the user list, and a reason naming DataType', () => {
    const v = view('DescribeCallDetailInfo', { Total: 1, UserList: [{ UserId: 'alice', JoinTs: 1700000000 }] });
    assert.equal(v.charts.length, 0);
    assert.equal(v.tables[0]!.id, 'UserList');
    assert.match(v.reason!.en, /DataType/);
  });

  test('DescribeCallDetailInfo documented example draws bigvCapFps for user 1716', () => {
    const v = resultViewOfText(documentedAnswer('DescribeCallDetailInfo')!, { action: 'DescribeCallDetailInfo' });
    const panel = only(v.charts[0]!.panels);
    assert.equal(panel.unit, 'fps');
    assert.deepEqual(panel.series.map((s) => s.label), ['1716 ↑']);
    assert.equal(v.charts[0]!.x.length, 6);
  });

  test('DescribeUserEvent: a timeline lane per sender, times in milliseconds', () => {
    const v = view('DescribeUserEvent', {
      Data: [
        { PeerId: 'alice', Content: [{ Time: 1700000000500, EventId: 32769, Type: 0, ParamOne: -1, ParamTwo: -1 }] },
        { PeerId: 'bob', Content: [{ Time: 1700000001000, EventId: 32770, Type: 2, ParamOne: 640, ParamTwo: 360 }] },
      ],
    });
    const chart = v.charts[0]!;
    assert.equal(chart.kind, 'timeline');
    assert.deepEqual(chart.lanes, ['alice', 'bob']);
    assert.deepEqual(chart.events!.map((e) => [e.lane, e.t, e.label]), [
      [0, 1700000000.5, '32769'],
      [1, 1700000001, '32770'],
    ]);
    assert.equal(v.tables[0]!.columns.find((c) => c.key === 'Time')!.time, 'ms');
    const documented = resultViewOfText(documentedAnswer('DescribeUserEvent')!, { action: 'DescribeUserEvent' });
    assert.ok(documented.charts[0]!.events!.length >= 3);
  });

  test('DescribeUnusualEvent: a lane per user with the abnormal events behind each experience', () => {
    const v = resultViewOfText(documentedAnswer('DescribeUnusualEvent')!, { action: 'DescribeUnusualEvent', schema: outputSchema('DescribeUnusualEvent')! });
    const chart = v.charts[0]!;
    assert.deepEqual(chart.lanes, ['itachi3', 'itachili1']);
    assert.match(chart.events![0]!.detail!, /2011, 2012/);
    const table = v.tables[0]!;
    assert.equal(table.id, 'AbnormalExperienceList');
    assert.equal(table.columns.find((c) => c.key === 'AbnormalEventList')!.nested, true);
  });

  for (const [action, list, noun] of [
    ['DescribeRoomInfo', 'RoomList', 'rooms'],
    ['DescribeUserInfo', 'UserList', 'users'],
    ['DescribeCloudRecording', 'StorageFileList', 'recorded files'],
  ] as const) {
    test(`${action}: the ${noun} are the main table, with no chart and a reason`, () => {
      const row: AnswerSpec = action === 'DescribeRoomInfo' ? { RoomString: 'r1', CreateTime: 1700000000, DestroyTime: new LosslessNumber('12345678901234567890') } : action === 'DescribeUserInfo' ? { UserId: 'u1', JoinTs: 1700000000 } : { FileName: 'a.mp4', BeginTimeStamp: 1700000000000 };
      const v = view(action, { [list]: [row] });
      assert.equal(v.tables[0]!.id, list);
      assert.equal(v.charts.length, 0);
      assert.match(v.reason!.en, new RegExp(`list of ${noun}`));
    });
  }

  test('a room list keeps a 20-digit DestroyTime exact and does not take it for a time', () => {
    const v = view('DescribeRoomInfo', { RoomList: [{ RoomString: 'r1', CreateTime: 1700000000, DestroyTime: new LosslessNumber('12345678901234567890') }] });
    const t = v.tables[0]!;
    assert.equal(t.columns.find((c) => c.key === 'DestroyTime')!.kind, 'integer');
    assert.equal(t.columns.find((c) => c.key === 'CreateTime')!.kind, 'time');
    assert.equal(String(t.rows[0]!.DestroyTime), '12345678901234567890');
  });

  test('an API error and a document that is not an answer say why nothing is drawn', () => {
    const err = resultViewOfText('// AuthFailure: ...\n{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"bad"},"RequestId":"r"}}', { action: 'DescribeTrtcUsage' });
    assert.equal(err.status, 'error');
    assert.match(err.reason!.en, /AuthFailure\.SignatureFailure/);
    const bad = resultViewOfText('# not json', { action: 'DescribeTrtcUsage' });
    assert.equal(bad.status, 'invalid');
    assert.match(bad.reason!.en, /not an answer/);
  });

  test('a history entry document names its action, so no action needs to be given', () => {
    const text = JSON.stringify({ id: 'x', request: { action: 'DescribeTrtcUsage' }, response: { httpStatus: 200, body: { Response: { UsageKey: ['Audio'], UsageList: [{ TimeKey: '2024-05-01 00:00:00', UsageValue: [7] }], RequestId: 'r' } } } });
    const v = resultViewOfText(text);
    assert.equal(v.action, 'DescribeTrtcUsage');
    assert.equal(v.charts[0]!.panels[0]!.series[0]!.total, 7);
  });
});
