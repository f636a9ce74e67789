import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ResultPanel } from '../../src/editor/results/resultPanel';
import { explorer, waitFor } from './helpers';

const ROOMS = `{
  "Response": {
    "Total": 2,
    "RoomList": [
      { "CommId": "1400000001_1001_1700000000", "RoomString": "1001", "CreateTime": 1700000000, "DestroyTime": 12345678901234567890, "IsFinished": true, "UserId": "alice" },
      { "CommId": "1400000001_1002_1700000100", "RoomString": "1002", "CreateTime": 1700000100, "DestroyTime": 1700000700, "IsFinished": false, "UserId": "bob" }
    ],
    "RequestId": "it-rooms"
  }
}
`;

const usage = (start: number, values: number[]) =>
  JSON.stringify({ Response: { UsageKey: ['Audio'], UsageList: values.map((v, i) => ({ TimeKey: new Date((start + i * 86400) * 1000).toISOString().slice(0, 10) + ' 00:00:00', UsageValue: [v] })), RequestId: 'it-usage' } }, null, 2);

// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

suite('result view', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'result-view-'));
  let saveAsked: string[] = [];

  suiteSetup(async () => {
    (await (await explorer()).results()).setSaveTarget(async (fileName) => {
      saveAsked.push(fileName);
      return vscode.Uri.file(path.join(tmp, fileName));
    });
  });

  suiteTeardown(async () => {
    const api = await explorer();
    (await api.results()).setSaveTarget(undefined);
    (await api.results()).panel()?.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('Show as Table opens a result document\'s answer beside it, and the page loads under its CSP', async () => {
    const api = await explorer();
    const editor = await api.documents.open('DescribeRoomInfo 10:00:00', ROOMS);
    const panel = await vscode.commands.executeCommand<ResultPanel>('trtcExplorer.result.showAsTable');
    assert.ok(panel, 'the command returns the panel');
    assert.equal((await api.results()).panel(), panel);
    assert.equal(panel.shown.action, 'DescribeRoomInfo');
    assert.equal(panel.shown.mode, 'table');
    assert.equal(panel.shown.answers[0]!.text, editor.document.getText(), 'the page gets the document text, big integers as written');
    assert.ok(panel.shown.answers[0]!.text.includes('12345678901234567890'));
    assert.equal(panel.panel.viewType, 'trtcExplorer.result');
    await waitFor(() => panel.panel.visible || undefined, 'the result panel to be visible');
    assert.notEqual(panel.panel.viewColumn, editor.viewColumn, 'beside the document');
    assert.equal(panel.panel.title, 'DescribeRoomInfo 10:00:00', 'titled like the document');
    // The page posts `ready` only once its bundle ran, which the Content-Security-Policy must allow.
    await waitFor(() => panel.isReady || undefined, 'the result page to load and say ready', 30_000);
  });

  test('Show as Chart reuses the panel and switches its mode', async () => {
    const api = await explorer();
    const before = (await api.results()).panel();
    await api.documents.open('DescribeTrtcUsage 10:01:00', usage(1714953600, [10, 20, 30]));
    const panel = await vscode.commands.executeCommand<ResultPanel>('trtcExplorer.result.showAsChart');
    assert.equal(panel, before, 'one panel, reused');
    assert.equal(panel!.shown.mode, 'chart');
    assert.equal(panel!.shown.action, 'DescribeTrtcUsage');
  });

  test('in a diff of two result documents, Show as Chart overlays both answers', async () => {
    const api = await explorer();
    const older = api.documents.add('DescribeTrtcUsage 09:00:00', usage(1714348800, [5, 6, 7]));
    const newer = api.documents.add('DescribeTrtcUsage 10:00:00', usage(1714953600, [10, 20, 30]));
    await vscode.commands.executeCommand('vscode.diff', older, newer, 'usage ↔ usage');
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff || undefined, 'the diff editor');
    const panel = await vscode.commands.executeCommand<ResultPanel>('trtcExplorer.result.showAsChart', newer);
    assert.deepEqual(panel!.shown.answers.map((a) => a.label), ['DescribeTrtcUsage 10:00:00', 'DescribeTrtcUsage 09:00:00']);
    assert.equal(panel!.shown.mode, 'chart');
  });

  test('the host validates what the page sends: CSV and PNG are saved where chosen, bad messages change nothing', async () => {
    const api = await explorer();
    await api.documents.open('DescribeRoomInfo 10:02:00', ROOMS);
    const panel = (await vscode.commands.executeCommand<ResultPanel>('trtcExplorer.result.showAsTable'))!;
    saveAsked = [];
    await panel.receive({ type: 'saveCsv', fileName: '../outside.csv', csvText: 'a\r\n' });
    await panel.receive({ type: 'saveCsv', fileName: 'x.csv' });
    await panel.receive({ type: 'launch', command: 'rm -rf /' });
    assert.deepEqual(saveAsked, [], 'malformed messages are ignored before anything is asked');
    await panel.receive({ type: 'saveCsv', fileName: 'rooms.csv', csvText: 'RoomString\r\n房间\r\n' });
    assert.equal(fs.readFileSync(path.join(tmp, 'rooms.csv'), 'utf8'), 'RoomString\r\n房间\r\n');
    await panel.receive({ type: 'savePng', fileName: 'fake.png', pngBase64: Buffer.from('not a png').toString('base64').replace(/=+$/, '') });
    assert.equal(fs.existsSync(path.join(tmp, 'fake.png')), false, 'bytes that are not a PNG are not written');
    await panel.receive({ type: 'savePng', fileName: 'chart.png', pngBase64: PNG });
    assert.deepEqual([...fs.readFileSync(path.join(tmp, 'chart.png')).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    await panel.receive({ type: 'copyText', what: 'row', text: 'RoomString\r\n1001\r\n' });
    assert.equal(await vscode.env.clipboard.readText(), 'RoomString\r\n1001\r\n');
  });
});
