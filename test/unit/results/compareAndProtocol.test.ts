import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareViews, overlayCharts } from '../../../src/core/results/compareCharts';
import { buildResultView } from '../../../src/core/results/resultView';
import type { ChartSpec } from '../../../src/core/results/types';
import { fromResultPageSchema } from '../../../src/shared/resultProtocol';
import { catalogAnswer } from './catalogAnswers';

const usage = (days: string[], values: number[]) =>
  buildResultView({ response: catalogAnswer('DescribeTrtcUsage', { UsageKey: ['Audio'], UsageList: days.map((d, i) => ({ TimeKey: `${d} 00:00:00`, UsageValue: [values[i]!] })) }) }, { action: 'DescribeTrtcUsage' });

describe('comparing two answers', () => {
  test('the earlier week is moved to start with the later one, each series labelled and totalled', () => {
    const now = usage(['2024-05-13', '2024-05-14'], [10, 20]);
    const before = usage(['2024-05-06', '2024-05-07'], [1, 2]);
    const [o] = compareViews(now, before, ['this week', 'last week']);
    assert.equal(o!.shiftSeconds, 7 * 86_400);
    assert.deepEqual(o!.x, [Date.UTC(2024, 4, 13) / 1000, Date.UTC(2024, 4, 14) / 1000]);
    assert.deepEqual(o!.panels[0]!.series.map((s) => [s.label, s.values, s.total]), [
      ['Audio · this week', [10, 20], 30],
      ['Audio · last week', [1, 2], 3],
    ]);
    assert.deepEqual(o!.secondFrom, [1]);
  });

  test('room usage merges by room; timelines are not overlaid', () => {
    const a: ChartSpec = { id: 'rooms', title: { en: '', zh: '' }, kind: 'bars', xKind: 'category', x: [0, 1], xZone: 'utc', categories: ['r1', 'r2'], panels: [{ title: { en: '', zh: '' }, unit: '', series: [{ label: 'Audio', values: [5, 3] }] }] };
    const b: ChartSpec = { ...a, categories: ['r2', 'r3'], panels: [{ title: { en: '', zh: '' }, unit: '', series: [{ label: 'Audio', values: [4, 1] }] }] };
    const o = overlayCharts(a, b, ['A', 'B'])!;
    assert.deepEqual(o.categories, ['r1', 'r2', 'r3']);
    assert.deepEqual(o.panels[0]!.series.map((s) => s.values), [
      [5, 3, null],
      [null, 4, 1],
    ]);
    assert.equal(overlayCharts({ ...a, kind: 'timeline' }, b, ['A', 'B']), undefined);
  });
});

describe('result page protocol', () => {
  test('accepts the messages the page sends', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'saveCsv', fileName: 'DescribeRoomInfo-RoomList.csv', csvText: 'a,b\r\n' },
      { type: 'savePng', fileName: 'usage.png', pngBase64: 'iVBORw0KGgo=' },
      { type: 'copyText', what: 'cell', text: '房间' },
      { type: 'modeChanged', mode: 'chart' },
    ]) {
      assert.ok(fromResultPageSchema.safeParse(m).success, JSON.stringify(m));
    }
  });

  test('refuses file names with folders, base64 that is not, unknown modes and unknown messages', () => {
    for (const m of [
      { type: 'saveCsv', fileName: '../x.csv', csvText: '' },
      { type: 'saveCsv', fileName: 'C:\\x.csv', csvText: '' },
      { type: 'saveCsv', fileName: '', csvText: '' },
      { type: 'savePng', fileName: 'x.png', pngBase64: 'not base64!' },
      { type: 'copyText', what: 'all', text: '' },
      { type: 'modeChanged', mode: 'pie' },
      { type: 'openFile', path: '/etc/passwd' },
      'ready',
    ]) {
      assert.equal(fromResultPageSchema.safeParse(m).success, false, JSON.stringify(m));
    }
  });
});
