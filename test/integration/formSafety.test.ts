import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Collection } from '../../src/core/collections/collectionFormat';
import { parseJson } from '../../src/core/json';
import type { ResultSummary, TargetView, ToWebview } from '../../src/shared/requestProtocol';
import type { StandInServer } from '../fixtures/standInServer';
import { explorer, historyAndCollections, IT_SECRET_ID, IT_SECRET_KEY, IT_TOKEN, ROOM_PARAMS, startStandIn, stopStandIn, waitFor, openForm, formOptions as options } from './helpers';

/*
 * The form's promises where they are kept, in the real extension host: the host refuses a
 * state-changing Send with a value nobody typed (whatever message the page sends), open forms follow
 * a switch of the active profile, and Save goes into the last collection after asking once.
 */
suite('request form: no silent values, profile switch, quick save', () => {
  let server: StandInServer;

  suiteSetup(async () => {
    server = await startStandIn();
    const api = await explorer();
    await api.credentials.upsert({ name: 'safe-a', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, region: 'ap-singapore' });
    await api.credentials.upsert({ name: 'safe-b', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, region: 'ap-singapore' });
    await api.credentials.setActive('safe-a');
  });

  suiteTeardown(async () => {
    await stopStandIn(server);
  });

  function posted<K extends ToWebview['type']>(panel: { lastPosted: Map<ToWebview['type'], ToWebview> }, type: K): Extract<ToWebview, { type: K }> | undefined {
    return panel.lastPosted.get(type) as Extract<ToWebview, { type: K }> | undefined;
  }

  test('a new form starts empty', async () => {
    const panel = await openForm('RemoveUser');
    // The page asks with `ready` once it has loaded; asking here does not wait for the webview.
    await panel.receive({ type: 'ready' });
    const init = await waitFor(() => posted(panel, 'init'), 'the init message');
    assert.equal(init.data.paramsText, '{}');
  });

  test('the host refuses a crafted state-changing Send with a required field unset, naming it', async () => {
    const panel = await openForm('DismissRoom');
    const before = server.requests.length;
    await panel.receive({ type: 'send', paramsText: '{"SdkAppId":1400000001}', options: options('safe-a') });
    const result = await waitFor(() => posted(panel, 'result'), 'the result line');
    const summary: ResultSummary = result.summary;
    assert.equal(summary.outcome, 'cancelled');
    assert.deepEqual(summary.refused, { missing: ['RoomId'], samples: [] });
    assert.match(summary.message ?? '', /DismissRoom changes state and was not sent; required and unset: RoomId/);
    assert.equal(server.requests.length, before, 'nothing reached the server');
  });

  test('filled samples are refused unedited until the user keeps them, however the page asks', async () => {
    const panel = await openForm('RemoveUser');
    panel.lastPosted.delete('skeleton');
    await panel.receive({ type: 'skeleton', all: false });
    const skeleton = await waitFor(() => posted(panel, 'skeleton'), 'the filled parameters');
    const filled = parseJson(skeleton.paramsText) as Record<string, unknown>;
    assert.ok(Object.keys(skeleton.samples).includes('SdkAppId'), JSON.stringify(skeleton.samples));
    const before = server.requests.length;
    // The page says nothing about samples in its send: the host's own record is what counts.
    await panel.receive({ type: 'paramsChanged', paramsText: skeleton.paramsText });
    panel.lastPosted.delete('result');
    await panel.receive({ type: 'send', paramsText: skeleton.paramsText, options: options('safe-a') });
    const refused = await waitFor(() => posted(panel, 'result'), 'the refusal');
    assert.deepEqual(refused.summary.refused?.missing, []);
    assert.ok(refused.summary.refused?.samples.includes('SdkAppId'), JSON.stringify(refused.summary));
    assert.equal(server.requests.length, before);

    // Editing one sample makes it the user's; the others still hold the send back.
    const edited = JSON.stringify({ ...filled, SdkAppId: 1400000001 });
    await panel.receive({ type: 'paramsChanged', paramsText: edited });
    panel.lastPosted.delete('result');
    await panel.receive({ type: 'send', paramsText: edited, options: options('safe-a') });
    const still = await waitFor(() => posted(panel, 'result'), 'the second refusal');
    assert.ok(!still.summary.refused?.samples.includes('SdkAppId'));
    assert.ok((still.summary.refused?.samples.length ?? 0) > 0);

    await panel.receive({ type: 'keepSamples' });
    panel.lastPosted.delete('result');
    await panel.receive({ type: 'send', paramsText: edited, options: options('safe-a') });
    await waitFor(() => server.requests.length > before || undefined, 'the request at the stand-in');
    assert.equal(server.requests[before]!.action, 'RemoveUser');
    assert.equal(server.requests[before]!.verified, true);
  });

  test('validation in the form runs the region rules with the toolbar\'s region, in the editor\'s language', async () => {
    const panel = await openForm('StartPublishCdnStream');
    await panel.receive({ type: 'ready' });
    const regions = (await waitFor(() => posted(panel, 'init'), 'init')).data.regions.map((r) => r.id);
    assert.ok(regions.length > 0 && !regions.includes('na-siliconvalley'), `the picker lists only supported regions: ${regions.join(', ')}`);
    await panel.receive({ type: 'optionsChanged', options: { ...options('safe-a'), region: 'na-siliconvalley' } });
    panel.lastPosted.delete('validation');
    await panel.receive({ type: 'paramsChanged', paramsText: '{"SdkAppId":1400000001}' });
    const validation = await waitFor(() => posted(panel, 'validation'), 'validation');
    const region = validation.issues.find((i) => i.code === 'region');
    assert.ok(region, JSON.stringify(validation.issues));
    assert.match(region.message, /na-siliconvalley/);
    assert.ok(region.fix, 'the fix comes along');
  });

  test('switching the active profile updates an open form and its target line', async () => {
    const api = await explorer();
    const panel = await openForm('DescribeRoomInfo');
    await panel.receive({ type: 'ready' });
    await waitFor(() => posted(panel, 'init'), 'init');
    assert.equal(panel.currentOptions?.profile, 'safe-a');
    try {
      await api.credentials.setActive('safe-b');
      await waitFor(() => panel.currentOptions?.profile === 'safe-b' || undefined, 'the form follows the active profile');
      const profiles = await waitFor(() => (posted(panel, 'profiles')?.selected === 'safe-b' ? posted(panel, 'profiles') : undefined), 'the page is told');
      assert.equal(profiles.selected, 'safe-b');
      const target: TargetView = (await waitFor(() => (posted(panel, 'target')?.target.profile === 'safe-b' ? posted(panel, 'target') : undefined), 'the target line')).target;
      assert.equal(target.profile, 'safe-b');
      assert.equal(target.method, 'POST');
      assert.match(target.url, /^https?:\/\//);
    } finally {
      await api.credentials.setActive('safe-a');
    }
  });

  test('Save asks for the collection the first time, then saves there in one step and says where', async () => {
    const api = await explorer();
    const hc = await historyAndCollections(api);
    await vscode.commands.executeCommand('trtcExplorer.collections.newCollection', 'Quick Saves', 'workspace');
    const file = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.trtc', 'collections', 'quick-saves.json');
    await waitFor(() => fs.existsSync(file) || undefined, 'the collection file');
    const panel = await openForm('DescribeRoomInfo');
    const prompts = hc.prompts;
    const saved = { ...prompts };
    const asked: string[] = [];
    prompts.pick = async (items, o) => {
      asked.push(o.title ?? '');
      return items.find((i) => i.label.includes('Quick Saves'));
    };
    prompts.input = async () => undefined;
    prompts.confirm = async () => false;
    try {
      const params = '{"SdkAppId":1400000001,"RoomId":"1001","StartTime":1700000000,"EndTime":1700003600}';
      await panel.receive({ type: 'command', command: 'quickSave', paramsText: params, options: options('safe-a') });
      assert.equal(asked.length, 1, 'asked once for the collection');
      assert.match((posted(panel, 'status')?.message) ?? '', /collection "Quick Saves"/);
      panel.lastPosted.delete('status');
      await panel.receive({ type: 'command', command: 'quickSave', paramsText: params, options: options('safe-a') });
      assert.equal(asked.length, 1, 'the second save asks nothing');
      assert.match((posted(panel, 'status')?.message) ?? '', /collection "Quick Saves"/);
      const collection = parseJson(fs.readFileSync(file, 'utf8')) as unknown as Collection;
      assert.equal(collection.items.length, 2);
      assert.ok(collection.items.every((i) => i.type === 'request' && i.action === 'DescribeRoomInfo'));

      // A state-changing request holding unedited samples is not saved (a run would send them).
      const remove = await openForm('RemoveUser');
      await remove.receive({ type: 'skeleton', all: false });
      const filled = await waitFor(() => posted(remove, 'skeleton'), 'the samples');
      remove.lastPosted.delete('result');
      await remove.receive({ type: 'command', command: 'quickSave', paramsText: filled.paramsText, options: options('safe-a') });
      const refused = await waitFor(() => posted(remove, 'result'), 'the refusal');
      assert.ok(refused.summary.refused?.samples.includes('SdkAppId'), JSON.stringify(refused.summary));
      assert.match(refused.summary.message ?? '', /Not saved/);
      assert.equal((parseJson(fs.readFileSync(file, 'utf8')) as unknown as Collection).items.length, 2, 'nothing was saved');
      await remove.receive({ type: 'keepSamples' });
      await remove.receive({ type: 'command', command: 'quickSave', paramsText: filled.paramsText, options: options('safe-a') });
      assert.equal((parseJson(fs.readFileSync(file, 'utf8')) as unknown as Collection).items.length, 3, 'saved once the samples were kept');
      assert.equal(asked.length, 1, 'still into the same collection without asking');
    } finally {
      Object.assign(prompts, saved);
    }
  });

  test('the answer line opens the form\'s answer as a table and as a chart', async () => {
    const api = await explorer();
    const panel = await openForm('DescribeRoomInfo');
    const call = await panel.send(ROOM_PARAMS, options('safe-a'));
    assert.ok(call?.result && !call.result.error, JSON.stringify(call?.result?.error));
    await panel.receive({ type: 'command', command: 'showTable', paramsText: ROOM_PARAMS, options: options('safe-a') });
    const results = await api.results();
    try {
      const shown = await waitFor(() => results.panel(), 'the result view');
      assert.equal(shown.shown.mode, 'table');
      assert.equal(shown.shown.action, 'DescribeRoomInfo');
      assert.match(shown.shown.answers[0]!.text, /DestroyTime/, 'the form\'s answer');
      await panel.receive({ type: 'command', command: 'showChart', paramsText: ROOM_PARAMS, options: options('safe-a') });
      await waitFor(() => results.panel()?.shown.mode === 'chart' || undefined, 'the chart');
      // Closed only once its page has loaded: a webview disposed while loading makes the editor complain.
      await waitFor(() => results.panel()?.isReady || undefined, 'the result page to load', 30_000);
    } finally {
      results.panel()?.dispose();
    }
  });
});
