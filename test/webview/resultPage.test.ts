import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv } from '../../src/core/results/csv';
import type { FromResultPage, ResultInit } from '../../src/shared/resultProtocol';
import { ResultHarness, type ResultPanel as Panel } from '../../scripts/webview/resultPreview.mjs';
import { callQuality, longSeries, resultInit, roomList, sandboxAnswer, usageWeek } from './fixtures/resultAnswers';
import { pageLifecycle } from './fixtures/pageTests';

/*
 * Drives the real result page bundle in headless Chromium: a fake host records what the page
 * posts. Every test also checks that nothing went wrong in the page (console errors, uncaught
 * exceptions, CSP violations, failed loads).
 */

const pages = pageLifecycle(() => ResultHarness.start());

async function open(init: ResultInit, options: { theme?: 'light' | 'dark' | 'hc'; width?: number; height?: number } = {}): Promise<Panel> {
  return pages.open({ init, ...options });
}

function posted<T extends FromResultPage['type']>(p: Panel, type: T, from = 0): Promise<Extract<FromResultPage, { type: T }>> {
  return p.waitForMessage((m: FromResultPage): m is Extract<FromResultPage, { type: T }> => m.type === type, { from, label: type }) as Promise<Extract<FromResultPage, { type: T }>>;
}

describe('result page', () => {
  it('draws a week of usage as bars per usage key with totals, and saves it as a PNG', async () => {
    const p = await open(resultInit('DescribeTrtcUsage', [usageWeek()], 'chart'));
    assert.equal(p.messages[0]?.type, 'ready');
    await p.page.waitForSelector('.uplot canvas');
    assert.equal(await p.page.textContent('.chart h2'), 'Usage per day');
    const legend = await p.page.locator('.u-legend .u-series .u-label').allTextContents();
    assert.deepEqual(legend.slice(1), ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K']);
    const totals = await p.page.locator('.totals li').allTextContents();
    assert.equal(totals.length, 6);
    assert.match(totals[0]!, /^Audio [\d,]+ min$/);
    // The axis has one label per day of the week.
    assert.equal(await p.page.locator('.chart .panel h3').textContent(), 'Usage (min)');
    await p.page.click('.save-png');
    const png = await posted(p, 'savePng');
    assert.match(png.fileName, /^DescribeTrtcUsage-usage\.png$/);
    assert.ok(png.pngBase64.startsWith('iVBORw0KGgo'), 'the bytes are a PNG');
    assert.ok(png.pngBase64.length > 5000);
  });

  it('hovering shows the values of that day and a legend click hides a series', async () => {
    const p = await open(resultInit('DescribeTrtcUsage', [usageWeek()], 'chart'));
    const over = p.page.locator('.uplot .u-over').first();
    const box = (await over.boundingBox())!;
    await p.page.mouse.move(box.x + box.width * 0.07, box.y + box.height / 2);
    const value = await p.page.locator('.u-legend .u-series').nth(1).locator('.u-value').textContent();
    assert.match(value ?? '', /^[\d,]+ min$/);
    await p.page.locator('.u-legend .u-series').nth(1).click();
    assert.equal(await p.page.locator('.u-legend .u-series').nth(1).getAttribute('class'), 'u-series u-off');
  });

  it('draws one call quality with a panel per metric and a line per user and direction', async () => {
    const p = await open(resultInit('DescribeCallDetailInfo', [callQuality()], 'chart'), { height: 1400 });
    await p.page.waitForSelector('.uplot canvas');
    assert.deepEqual(await p.page.locator('.chart .panel h3').allTextContents(), ['Video bitrate (bigvBit) (bps)', 'Audio packet loss (aLoss) (%)', 'App CPU usage (appCpu) (%)']);
    const first = await p.page.locator('.panel').first().locator('.u-legend .u-label').allTextContents();
    assert.deepEqual(first.slice(1), ['alice ↑', 'alice ← bob', 'bob ↑', 'bob ← alice']);
  });

  it('zooms every panel of a chart together when a time range is dragged', async () => {
    const p = await open(resultInit('DescribeCallDetailInfo', [callQuality()], 'chart'), { height: 1400 });
    await p.page.waitForSelector('.uplot canvas');
    const over = p.page.locator('.uplot .u-over').first();
    const box = (await over.boundingBox())!;
    // Axes are drawn on the canvas: the third panel's pixels show whether it followed.
    const third = () => p.page.locator('.uplot canvas').nth(2).evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    const before = await third();
    await p.page.mouse.move(box.x + box.width * 0.2, box.y + 50);
    await p.page.mouse.down();
    await p.page.mouse.move(box.x + box.width * 0.3, box.y + 50, { steps: 5 });
    await p.page.mouse.up();
    assert.notEqual(await third(), before, 'the third panel followed the zoom of the first');
    await p.page.mouse.move(box.x - 40, box.y - 40);
    await p.page.click('.reset-zoom');
    await p.page.mouse.move(0, 0);
    assert.equal(await third(), before);
  });

  it('reads a room list from the sandbox as a table, sorts it and filters it', async () => {
    const answer = sandboxAnswer('DescribeRoomInfo');
    const rooms = answer.RoomList as Array<{ RoomString: string }>;
    const p = await open(resultInit('DescribeRoomInfo', [answer], 'table'));
    await p.page.waitForSelector('.grid tbody td');
    assert.deepEqual(await p.page.locator('.grid th').allTextContents(), ['CommId', 'RoomString', 'CreateTime', 'DestroyTime', 'IsFinished', 'UserId']);
    assert.equal(await p.page.locator('.grid tbody tr:not(.pad)').count(), rooms.length);
    assert.match((await p.page.locator('.grid tbody tr:not(.pad) td.time').first().textContent()) ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    await p.page.click('th[data-key="RoomString"]');
    await p.page.click('th[data-key="RoomString"]');
    const sorted = [...rooms.map((r) => r.RoomString)].sort((a, b) => b.localeCompare(a));
    assert.equal(await p.page.locator('.grid tbody tr:not(.pad) td').nth(1).textContent(), sorted[0]);
    await p.page.fill('.filter', rooms[0]!.RoomString);
    assert.equal(await p.page.locator('.grid tbody tr:not(.pad)').count(), rooms.filter((r) => r.RoomString.includes(rooms[0]!.RoomString)).length);
  });

  it('copies a cell, a row and the table as CSV, and asks the host to save the table', async () => {
    const p = await open(resultInit('DescribeRoomInfo', [roomList(5)], 'table'));
    await p.page.click('.grid tbody tr:not(.pad) >> nth=1 >> td >> nth=1');
    await p.page.click('.copy-cell');
    assert.deepEqual(await posted(p, 'copyText'), { type: 'copyText', what: 'cell', text: 'room-00002' });
    const n = p.messages.length;
    await p.page.click('.copy-row');
    const row = await posted(p, 'copyText', n);
    assert.equal(row.what, 'row');
    assert.deepEqual(parseCsv(row.text)[1]!.slice(0, 3), ['1400188366_100001_1714953637', 'room-00002', '1714953637']);
    const m = p.messages.length;
    await p.page.click('.save-csv');
    const saved = await posted(p, 'saveCsv', m);
    assert.equal(saved.fileName, 'DescribeRoomInfo-RoomList.csv');
    const records = parseCsv(saved.csvText);
    assert.equal(records.length, 6);
    assert.deepEqual(records[0], ['CommId', 'RoomString', 'CreateTime', 'CreateTime (UTC)', 'DestroyTime', 'DestroyTime (UTC)', 'IsFinished', 'UserId']);
    assert.equal(records[1]![3], '2024-05-06 00:00:00');
  });

  it('shows big integers with every digit and times in UTC on demand', async () => {
    const answer = roomList(2);
    const big = '{"Response":' + JSON.stringify(answer).replace('"DestroyTime":1714954200', '"DestroyTime":12345678901234567890') + '}';
    const init = resultInit('DescribeRoomInfo', [answer], 'table');
    init.answers[0]!.text = big;
    const p = await open(init);
    assert.equal(await p.page.locator('.grid tbody tr:not(.pad) >> nth=0 >> td >> nth=3').textContent(), '12345678901234567890');
    await p.page.selectOption('.zone', 'utc');
    assert.equal(await p.page.locator('.grid tbody tr:not(.pad) >> nth=0 >> td >> nth=2').textContent(), '2024-05-06 00:00:00');
    assert.equal(p.state?.zone, 'utc');
  });

  it('opens nested lists as sub-tables and goes back', async () => {
    const answer = { Total: 1, AbnormalExperienceList: [{ UserId: 'u1', ExperienceId: 4, RoomId: '461', EventTime: 1592448600, AbnormalEventList: [{ AbnormalEventId: 2011, PeerId: '' }, { AbnormalEventId: 2012, PeerId: 'p2' }] }], RequestId: 'r' };
    const p = await open(resultInit('DescribeUnusualEvent', [answer], 'table'));
    await p.page.click('.grid .nested');
    assert.equal(await p.page.textContent('.crumb'), 'AbnormalExperienceList[0].AbnormalEventList');
    assert.deepEqual(await p.page.locator('.grid tbody tr:not(.pad) td:first-child').allTextContents(), ['2011', '2012']);
    await p.page.click('.back');
    assert.equal(await p.page.locator('.grid th').first().textContent(), 'UserId');
  });

  it('keeps 10,000 rows out of the DOM and shows the last one after scrolling to the end', async () => {
    const p = await open(resultInit('DescribeRoomInfo', [roomList(10_000)], 'table'));
    await p.page.waitForSelector('.grid tbody td');
    assert.ok((await p.page.locator('.grid tbody tr').count()) < 120);
    assert.equal(await p.page.textContent('.count'), '10,000 rows');
    await p.page.locator('.table-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await p.page.waitForSelector('text=room-10000');
    assert.ok((await p.page.locator('.grid tbody tr').count()) < 120);
  });

  it('draws a 10,000-point series', async () => {
    const p = await open(resultInit('DescribeCallDetailInfo', [longSeries(10_000)], 'chart'));
    await p.page.waitForSelector('.uplot canvas');
    const points = await p.page.evaluate(() => document.querySelectorAll('.uplot').length);
    assert.equal(points, 1);
    // The canvas has been painted: some pixels of the plotting area differ from the background.
    const painted = await p.page.evaluate(() => {
      const c = document.querySelector('.uplot canvas') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });
    assert.ok(painted > 1000, `${painted} painted pixels`);
  });

  it('draws the sandbox answer of DescribeScaleInfo', async () => {
    const p = await open(resultInit('DescribeScaleInfo', [sandboxAnswer('DescribeScaleInfo')], 'chart'));
    await p.page.waitForSelector('.uplot canvas');
    assert.equal(await p.page.textContent('.chart h2'), 'Scale per day');
  });

  it('overlays two weeks of usage in one chart, the earlier one moved to start together', async () => {
    const week = 7 * 86_400;
    const p = await open(resultInit('DescribeTrtcUsage', [usageWeek(), usageWeek(1_714_953_600 - week, 3)], 'chart', ['This week', 'Last week']));
    await p.page.waitForSelector('.uplot canvas');
    assert.equal(await p.page.textContent('h1'), 'Compare: This week and Last week');
    const legend = await p.page.locator('.u-legend .u-label').allTextContents();
    assert.ok(legend.includes('Audio · This week') && legend.includes('Audio · Last week'), legend.join(', '));
    assert.equal(await p.page.textContent('.chart .note'), 'Last week is moved by +7 d so that both answers start together.');
  });

  it('says why there is nothing to draw for an API error and for an empty answer', async () => {
    const init = resultInit('DescribeTrtcUsage', [{}], 'chart');
    init.answers[0]!.text = '// AuthFailure.SignatureFailure: bad\n{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"The signature does not match."},"RequestId":"r-1"}}';
    const p = await open(init);
    assert.match((await p.page.textContent('.notice.error')) ?? '', /AuthFailure\.SignatureFailure.*nothing to draw.*The signature does not match.*RequestId: r-1/s);
    await p.close();
    pages.forget();
    const q = await open(resultInit('DescribeTrtcUsage', [{ UsageKey: ['Audio'], UsageList: [], RequestId: 'r' }], 'chart'));
    assert.match((await q.page.textContent('.notice')) ?? '', /no usage in the period asked for/);
  });

  it('plots any table with a time column by choosing the columns', async () => {
    const answer = { Samples: [{ UserId: 'a', Time: 1715000000, Value: 3 }, { UserId: 'b', Time: 1715000000, Value: 5 }, { UserId: 'a', Time: 1715000060, Value: 4 }], RequestId: 'r' };
    const init = resultInit('DescribeRoomInfo', [answer], 'chart');
    delete init.action;
    delete init.schema;
    const p = await open(init);
    await p.page.waitForSelector('.plot-form[open]');
    assert.match((await p.page.textContent('.notice')) ?? '', /choose a time column/);
    await p.page.selectOption('.plot-group', 'UserId');
    await p.page.click('.plot');
    await p.page.waitForSelector('.uplot canvas');
    assert.equal(await p.page.textContent('.chart h2'), 'Samples: Value');
    assert.deepEqual((await p.page.locator('.u-legend .u-label').allTextContents()).slice(1), ['a · Value', 'b · Value']);
    await p.page.locator('.plot-values input').uncheck();
    await p.page.click('.plot');
    assert.equal(await p.page.textContent('.plot-message'), 'Select a time column and at least one value column.');
  });

  it('switches modes, tells the host, and shows the JSON as sent', async () => {
    const p = await open(resultInit('DescribeRoomInfo', [roomList(3)], 'table'));
    await p.page.click('#mode-json');
    assert.deepEqual(await posted(p, 'modeChanged'), { type: 'modeChanged', mode: 'json' });
    assert.match((await p.page.textContent('pre.json')) ?? '', /"RoomString": "room-00001"/);
    await p.page.click('#mode-chart');
    assert.match((await p.page.textContent('.notice')) ?? '', /list of rooms: read it as a table/);
  });

  for (const theme of ['light', 'hc'] as const) {
    it(`renders a chart and a table in the ${theme} theme`, async () => {
      const p = await open(resultInit('DescribeTrtcUsage', [usageWeek()], 'chart'), { theme });
      await p.page.waitForSelector('.uplot canvas');
      await p.page.click('#mode-table');
      await p.page.waitForSelector('.grid tbody td');
      assert.equal(await p.page.locator('.grid th').first().textContent(), 'TimeKey');
    });
  }
});
