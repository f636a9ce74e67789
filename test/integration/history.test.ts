import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HistoryEntry } from '../../src/core/history/historyEntry';
import { HistoryStore } from '../../src/core/history/historyStore';
import type { RequestOptions } from '../../src/shared/requestProtocol';
import type { HistoryNode } from '../../src/editor/history/historyTree';
import type { StandInServer } from '../fixtures/standInServer';
import { explorer, IT_SECRET_ID, IT_SECRET_KEY, IT_TOKEN, ROOM_PARAMS, startStandIn, stopStandIn, waitFor, historyAndCollections, openPanel } from './helpers';

const USER_SIG = 'eJyrVkrLz1eyUkpKLFKqBQA-literal-usersig';

suite('history view', () => {
  let server: StandInServer;
  const options = (profile: string): RequestOptions => ({ profile, region: 'ap-singapore', signMethod: 'TC3-HMAC-SHA256', httpMethod: 'POST', language: 'en-US' });

  suiteSetup(async () => {
    server = await startStandIn();
    const api = await explorer();
    await api.credentials.upsert({ name: 'hist', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, region: 'ap-singapore' });
    await api.credentials.upsert({ name: 'hist-wrong', secretId: IT_SECRET_ID, secretKey: 'notTheRightKey00000000000000000000', token: IT_TOKEN });
    await api.credentials.setActive('hist');
  });

  suiteTeardown(async () => {
    await stopStandIn(server);
  });

  async function send(action: string, paramsText: string, profile = 'hist') {
    const api = await explorer();
    await vscode.commands.executeCommand('trtcExplorer.api.openAction', action);
    const panel = await waitFor(() => openPanel(api, action), `the ${action} form`);
    const call = await panel.send(paramsText, options(profile));
    assert.ok(call?.result, 'the call got an answer');
    return call.result;
  }

  /** Every entry node the view shows, day by day, through the provider as VS Code asks for it. */
  async function entryNodes(): Promise<Array<Extract<HistoryNode, { kind: 'entry' }>>> {
    const tree = (await historyAndCollections(await explorer())).historyTree;
    const days = await tree.getChildren();
    const out: Array<Extract<HistoryNode, { kind: 'entry' }>> = [];
    for (const day of days) {
      assert.equal(day.kind, 'day');
      for (const node of await tree.getChildren(day)) {
        assert.equal(node.kind, 'entry');
        out.push(node as Extract<HistoryNode, { kind: 'entry' }>);
      }
    }
    return out;
  }

  async function nodeOf(requestId: string): Promise<Extract<HistoryNode, { kind: 'entry' }>> {
    return waitFor(async () => (await entryNodes()).find((n) => n.entry.requestId === requestId), `the history entry of ${requestId}`);
  }

  test('a call from the form lands in the history view', async () => {
    const api = await explorer();
    const result = await send('DescribeRoomInfo', ROOM_PARAMS);
    const node = await nodeOf(result.requestId!);
    const e = node.entry;
    assert.equal(e.action, 'DescribeRoomInfo');
    assert.equal(e.source, 'form');
    assert.equal(e.profile, 'hist');
    assert.equal(e.region, 'ap-singapore');
    assert.equal(e.endpoint, server.url);
    assert.equal(e.httpStatus, 200);
    const tree = (await historyAndCollections(api)).historyTree;
    const item = tree.getTreeItem(node);
    assert.equal(item.label, 'DescribeRoomInfo');
    assert.match(String(item.description), /^200 · \d+ ms · \d\d:\d\d:\d\d$/);
    assert.match(String(item.contextValue), /;entry;rerunnable;savable;/);
    assert.match(String(item.contextValue), /;requestId;/);
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes(result.requestId!), 'the tooltip shows the RequestId');
    assert.ok(tooltip.includes('`hist`') && tooltip.includes('`ap-singapore`'), 'the tooltip shows profile and region');
    const day = tree.getParent(node);
    assert.equal(day?.kind, 'day');
    assert.equal(tree.getTreeItem(day!).label, 'Today');
    const body = await (await historyAndCollections(api)).history.store.getResponseBody(e.id);
    assert.match(body!, /"DestroyTime":12345678901234567890/);
    assert.ok(!fs.readFileSync(path.join((await historyAndCollections(api)).history.dir, 'history.jsonl'), 'utf8').includes(IT_SECRET_KEY));
  });

  test('filter by status, error code, RequestId and action', async () => {
    const api = await explorer();
    const ok = await send('DescribeRoomInfo', ROOM_PARAMS);
    const failed = await send('DescribeRoomInfo', ROOM_PARAMS, 'hist-wrong');
    assert.equal(failed.error?.code, 'AuthFailure.SignatureFailure');
    await nodeOf(failed.requestId!);
    const view = (await historyAndCollections(api)).historyView;
    try {
      await vscode.commands.executeCommand('trtcExplorer.history.filter', { status: 'error' });
      let shown = (await entryNodes()).map((n) => n.entry);
      assert.ok(shown.some((e) => e.requestId === failed.requestId));
      assert.ok(shown.every((e) => e.error !== undefined || (e.httpStatus ?? 0) >= 300 || e.httpStatus === undefined));
      assert.match(String(view.message), /failed/);

      await vscode.commands.executeCommand('trtcExplorer.history.filter', { errorCode: 'signaturefailure' });
      shown = (await entryNodes()).map((n) => n.entry);
      assert.ok(shown.length >= 1 && shown.every((e) => e.error?.code === 'AuthFailure.SignatureFailure'));

      await vscode.commands.executeCommand('trtcExplorer.history.filter', { requestId: ok.requestId });
      shown = (await entryNodes()).map((n) => n.entry);
      assert.deepEqual(shown.map((e) => e.requestId), [ok.requestId]);
      assert.match(String(view.message), /RequestId/);

      await vscode.commands.executeCommand('trtcExplorer.history.filter', { action: 'dismiss', status: 'ok' });
      shown = (await entryNodes()).map((n) => n.entry);
      assert.ok(shown.every((e) => e.action.toLowerCase().includes('dismiss')));
      assert.ok(!shown.some((e) => e.action === 'DescribeRoomInfo'));
    } finally {
      await vscode.commands.executeCommand('trtcExplorer.history.clearFilter');
    }
    assert.equal(view.message, undefined);
    const all = (await entryNodes()).map((n) => n.entry.requestId);
    assert.ok(all.includes(ok.requestId) && all.includes(failed.requestId));
  });

  test('open an entry: a request document and a response document', async () => {
    const result = await send('DescribeRoomInfo', ROOM_PARAMS);
    const node = await nodeOf(result.requestId!);
    await vscode.commands.executeCommand('trtcExplorer.history.open', node);
    const docs = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'trtc-result');
    const request = await waitFor(() => docs().find((d) => d.uri.path.endsWith(' request.json') && d.getText().includes(node.entry.id)), 'the request document');
    const response = await waitFor(() => docs().find((d) => d.uri.path.endsWith(' response.json') && d.getText().includes(result.requestId!)), 'the response document');
    assert.match(request.getText(), /"action": "DescribeRoomInfo"/);
    assert.match(request.getText(), /"SdkAppId": 1400000001/);
    assert.match(response.getText(), /"httpStatus": 200/);
    assert.match(response.getText(), /"DestroyTime": 12345678901234567890/);
  });

  test('re-run sends the call again, signed with a newer timestamp', async () => {
    const result = await send('DescribeRoomInfo', ROOM_PARAMS);
    const node = await nodeOf(result.requestId!);
    const original = server.requests.find((r) => r.requestId === result.requestId);
    assert.ok(original, 'the stand-in saw the first call');
    const firstTimestamp = Number(original.headers['x-tc-timestamp']);
    // Signatures carry whole seconds; wait into the next one so the new signature must differ.
    await waitFor(() => Math.floor(Date.now() / 1000) > firstTimestamp || undefined, 'the next second');
    const before = server.requests.length;
    const outcome = (await vscode.commands.executeCommand('trtcExplorer.history.rerun', node)) as { result?: { requestId?: string } } | undefined;
    assert.ok(outcome?.result?.requestId, 'the re-run got an answer');
    assert.equal(server.requests.length, before + 1);
    const again = server.requests[before];
    assert.equal(again.verified, true, JSON.stringify(again.error));
    assert.equal(again.action, 'DescribeRoomInfo');
    assert.equal(again.region, 'ap-singapore');
    assert.ok(Number(again.headers['x-tc-timestamp']) > firstTimestamp, 'signed again with the current time');
    assert.equal(again.body, original.body, 'the same parameters');
    const rerun = await nodeOf(outcome.result.requestId);
    assert.equal(rerun.entry.source, 'rerun');
  });

  test('a redacted entry is not re-run blindly: it opens in the form instead', async () => {
    const api = await explorer();
    // Every required field is given: the form sends no state-changing call with one unset.
    const params = JSON.stringify({ SdkAppId: 1400000001, RoomId: '1001', UserId: 'recorder', UserSig: USER_SIG, RecordParams: { RecordMode: 2 }, StorageParams: {} });
    const result = await send('CreateCloudRecording', params);
    const node = await nodeOf(result.requestId!);
    assert.deepEqual(node.entry.redactedPaths, ['UserSig']);
    assert.ok(!node.entry.paramsJson.includes(USER_SIG), 'the secret was not recorded');
    assert.match(String((await historyAndCollections(api)).historyTree.getTreeItem(node).contextValue), /;redacted;/);
    openPanel(api, 'CreateCloudRecording')?.dispose();
    const before = server.requests.length;
    const outcome = await vscode.commands.executeCommand('trtcExplorer.history.rerun', node);
    assert.equal(outcome, undefined);
    assert.equal(server.requests.length, before, 'nothing was sent');
    await waitFor(() => openPanel(api, 'CreateCloudRecording'), 'the form with the recorded parameters');
  });

  test('signature steps and the debugger from an entry', async () => {
    const result = await send('DescribeRoomInfo', ROOM_PARAMS);
    const node = await nodeOf(result.requestId!);
    const steps = (await vscode.commands.executeCommand('trtcExplorer.history.showSignatureSteps', node)) as vscode.TextDocument;
    assert.equal(steps.languageId, 'markdown');
    assert.match(steps.getText(), /Canonical request/);
    assert.match(steps.getText(), /DescribeRoomInfo/);
    assert.ok(!steps.getText().includes(IT_SECRET_KEY));
    await vscode.commands.executeCommand('trtcExplorer.history.debugSignature', node);
    assert.ok((await explorer()).signature.current?.debugger(), 'the debugger panel is open');
  });

  test('compare two entries in a diff editor, from a multi-selection and with select-then-compare', async () => {
    const first = await nodeOf((await send('DescribeRoomInfo', ROOM_PARAMS)).requestId!);
    const second = await nodeOf((await send('DescribeRoomInfo', ROOM_PARAMS, 'hist-wrong')).requestId!);
    const diffTabs = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === 'trtc-result' && t.input.modified.scheme === 'trtc-result');
    const before = diffTabs().length;
    await vscode.commands.executeCommand('trtcExplorer.history.compare', first, [first, second]);
    const tab = await waitFor(() => (diffTabs().length > before ? diffTabs()[diffTabs().length - 1] : undefined), 'a diff tab');
    const input = tab.input as vscode.TabInputTextDiff;
    const left = await vscode.workspace.openTextDocument(input.original);
    const right = await vscode.workspace.openTextDocument(input.modified);
    assert.ok(left.getText().includes(first.entry.id), 'the older entry is on the left');
    assert.ok(right.getText().includes('AuthFailure.SignatureFailure'), 'the newer entry is on the right');

    await vscode.commands.executeCommand('trtcExplorer.history.selectForCompare', second);
    await vscode.commands.executeCommand('trtcExplorer.history.compareWithSelected', first);
    await waitFor(() => diffTabs().length > before + 1 || undefined, 'a second diff tab');
  });

  test('calls appended by another process (the command line) show up', async () => {
    const api = await explorer();
    const other = new HistoryStore((await historyAndCollections(api)).history.dir);
    try {
      await other.append({
        action: 'DismissRoom',
        endpoint: 'https://trtc.tencentcloudapi.com',
        params: { SdkAppId: 1400000001, RoomId: 4242 },
        httpStatus: 200,
        requestId: 'from-the-command-line',
        latencyMs: 12,
        signMethod: 'TC3-HMAC-SHA256',
        httpMethod: 'POST',
        source: 'cli',
        responseText: '{"Response":{"RequestId":"from-the-command-line"}}',
      });
    } finally {
      other.dispose();
    }
    // The file watcher picks the append up without any command.
    const node = await nodeOf('from-the-command-line');
    assert.equal(node.entry.source, 'cli');
    assert.equal(await vscode.commands.executeCommand('trtcExplorer.history.copyFolderPath'), (await historyAndCollections(api)).history.dir);
  });

  test('delete one entry, export, then clear everything after confirmation', async () => {
    const api = await explorer();
    const hc = (await historyAndCollections(api));
    const node = await nodeOf((await send('DescribeRoomInfo', ROOM_PARAMS)).requestId!);
    await vscode.commands.executeCommand('trtcExplorer.history.delete', node);
    assert.equal(hc.history.store.get(node.entry.id), undefined);
    assert.ok(!(await entryNodes()).some((n) => n.entry.id === node.entry.id));

    const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-it-export-')), 'history.json'));
    await vscode.commands.executeCommand('trtcExplorer.history.export', target);
    const exported = JSON.parse(fs.readFileSync(target.fsPath, 'utf8')) as { format: string; count: number; entries: Array<HistoryEntry & { params: unknown }> };
    assert.equal(exported.format, 'trtc-api-explorer/history-export');
    assert.equal(exported.count, hc.history.store.size);
    assert.ok(!JSON.stringify(exported).includes(USER_SIG) && !JSON.stringify(exported).includes(IT_SECRET_KEY));
    fs.rmSync(path.dirname(target.fsPath), { recursive: true, force: true });

    const original = hc.prompts.confirm;
    const asked: string[] = [];
    try {
      hc.prompts.confirm = async (message) => {
        asked.push(message);
        return false;
      };
      const size = hc.history.store.size;
      assert.equal(await vscode.commands.executeCommand('trtcExplorer.history.clear'), false);
      assert.equal(hc.history.store.size, size, 'nothing is deleted without confirmation');
      hc.prompts.confirm = async (message) => {
        asked.push(message);
        return true;
      };
      assert.equal(await vscode.commands.executeCommand('trtcExplorer.history.clear'), true);
      assert.equal(asked.length, 2);
      assert.match(asked[0]!, new RegExp(`all ${size} entries`));
      assert.equal(hc.history.store.size, 0);
      assert.deepEqual(await hc.historyTree.getChildren(), []);
    } finally {
      hc.prompts.confirm = original;
    }
  });

  test('a history file that is not ours is kept aside untouched and a new history starts', async () => {
    const hc = (await historyAndCollections(await explorer()));
    const file = path.join(hc.history.dir, 'history.jsonl');
    fs.rmSync(file, { force: true });
    fs.writeFileSync(file, 'not a request history\n');
    await vscode.commands.executeCommand('trtcExplorer.history.refresh');
    const aside = await waitFor(() => {
      const names = fs.readdirSync(hc.history.dir).filter((n) => n.startsWith('history.jsonl.corrupt-'));
      return names.length > 0 ? names : undefined;
    }, 'the file kept aside');
    const listing = fs.readdirSync(hc.history.dir).map((n) => `${n}: ${fs.statSync(path.join(hc.history.dir, n)).isFile() ? JSON.stringify(fs.readFileSync(path.join(hc.history.dir, n), 'utf8').slice(0, 80)) : '(folder)'}`);
    assert.equal(aside.length, 1, `one file kept aside; the folder holds:\n${listing.join('\n')}`);
    assert.equal(fs.readFileSync(path.join(hc.history.dir, aside[0]!), 'utf8'), 'not a request history\n');
    const result = await send('DescribeRoomInfo', ROOM_PARAMS);
    await nodeOf(result.requestId!);
    assert.match(fs.readFileSync(file, 'utf8'), /^\{"format":"trtc-api-explorer\/history"/);
  });
});
