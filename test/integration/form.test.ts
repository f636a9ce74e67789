import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RequestOptions } from '../../src/shared/requestProtocol';
import type { StandInServer } from '../fixtures/standInServer';
import { answerDocument, explorer, IT_SECRET_ID, IT_SECRET_KEY, IT_TOKEN, ROOM_PARAMS, startStandIn, stopStandIn, waitFor, openPanel, openForm, formOptions as options } from './helpers';


suite('request form round trip', () => {
  let server: StandInServer;

  suiteSetup(async () => {
    server = await startStandIn();
    const api = await explorer();
    await api.credentials.upsert({ name: 'it', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, region: 'ap-singapore' });
    await api.credentials.upsert({ name: 'wrong-key', secretId: IT_SECRET_ID, secretKey: 'notTheRightKey00000000000000000000', token: IT_TOKEN });
    await api.credentials.upsert({ name: 'prod', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, production: true });
    await api.credentials.setActive('it');
  });

  suiteTeardown(async () => {
    await stopStandIn(server);
  });

  test('open an action, send it through the protocol, get an exact result document', async () => {
    const panel = await openForm('DescribeRoomInfo');
    const before = server.requests.length;
    const call = await panel.send(ROOM_PARAMS, options('it'));
    assert.ok(call?.result, 'the call returned a result');
    assert.equal(call.result.error, undefined);
    const seen = server.requests[before];
    assert.equal(seen.verified, true, JSON.stringify(seen.error));
    assert.equal(seen.region, 'ap-singapore');
    assert.equal(seen.headers['x-tc-token'], IT_TOKEN);
    const doc = await waitFor(() => {
      const d = answerDocument('DescribeRoomInfo');
      return d?.getText().includes('DestroyTime') ? d : undefined;
    }, 'the result document');
    assert.equal(doc.languageId, 'json');
    assert.match(doc.getText(), /"DestroyTime": 12345678901234567890,/);
    assert.ok(!doc.getText().includes(IT_SECRET_KEY) && !doc.getText().includes(IT_TOKEN));

    // A second call updates the same document instead of opening another tab, beside the form.
    const second = await panel.send(ROOM_PARAMS, options('it'));
    await waitFor(() => answerDocument('DescribeRoomInfo')?.getText().includes(second!.result!.requestId!) || undefined, 'the second answer in the same document');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => ({ t, g })));
    const answerTabs = tabs.filter(({ t }) => t.input instanceof vscode.TabInputText && t.input.uri.path === '/answers/DescribeRoomInfo.json');
    assert.equal(answerTabs.length, 1, 'one answer tab per form');
    const formTab = tabs.find(({ t }) => t.input instanceof vscode.TabInputWebview && t.label === 'DescribeRoomInfo');
    assert.ok(formTab && answerTabs[0]!.g.viewColumn !== formTab.g.viewColumn, 'the answer sits beside the form');
    const groups = vscode.window.tabGroups.all.map((g) => `${g.viewColumn}: ${g.tabs.map((t) => t.label).join(', ')}`);
    assert.ok(vscode.window.tabGroups.all.every((g) => g.tabs.length > 0), `no empty editor group: ${groups.join(' | ')}`);
  });

  test('the same path through the page protocol: a send message', async () => {
    const panel = await openForm('DismissRoom');
    const before = server.requests.length;
    await panel.receive({ type: 'send', paramsText: '{"SdkAppId":1400000001,"RoomId":1001}', options: options('it') });
    await waitFor(() => server.requests.length > before || undefined, 'the request at the stand-in');
    assert.equal(server.requests[before].action, 'DismissRoom');
    assert.equal(server.requests[before].verified, true);
  });

  test('malformed messages from the page are ignored', async () => {
    const panel = await openForm('DismissRoom');
    const before = server.requests.length;
    await panel.receive({ type: 'send', paramsText: 42 });
    await panel.receive({ type: 'launchMissiles' });
    await panel.receive('not even an object');
    assert.equal(server.requests.length, before);
  });

  test('an API error is explained in the form, and its answer is the API\'s own JSON', async () => {
    const api = await explorer();
    const panel = await openForm('DescribeRoomInfo');
    const call = await panel.send(ROOM_PARAMS, options('wrong-key'));
    assert.equal(call?.result?.error?.code, 'AuthFailure.SignatureFailure');
    const summary = (await api.requests()).controller.summarize(call.result);
    assert.equal(summary.errorCode, 'AuthFailure.SignatureFailure');
    assert.ok((summary.explanation ?? '').length > 40 && summary.signatureRelated, 'the form gets the explanation and the debugger');
    const doc = await waitFor(() => {
      const d = answerDocument('DescribeRoomInfo');
      return d?.getText().includes('AuthFailure.SignatureFailure') ? d : undefined;
    }, 'the error answer');
    assert.equal(doc.languageId, 'json');
    assert.doesNotThrow(() => JSON.parse(doc.getText()), 'the answer document is plain JSON');
  });

  test('cancelling a slow call', async () => {
    const panel = await openForm('DescribeRoomInfo');
    server.setFault({ kind: 'delayHeaders', ms: 10_000, times: 1 });
    try {
      const started = Date.now();
      const pending = panel.send(ROOM_PARAMS, options('it'));
      await new Promise((r) => setTimeout(r, 300));
      await panel.receive({ type: 'cancel' });
      const call = await pending;
      assert.equal(call?.result, undefined);
      assert.ok(Date.now() - started < 5_000, 'cancellation does not wait for the server');
    } finally {
      server.setFault(undefined);
    }
  });

  test('a state-changing call with a production profile asks first', async () => {
    const api = await explorer();
    const asked: string[] = [];
    const original = (await api.requests()).controller.confirmProduction;
    try {
      const panel = await openForm('DismissRoom');
      (await api.requests()).controller.confirmProduction = async (action) => {
        asked.push(action);
        return false;
      };
      let before = server.requests.length;
      const declined = await panel.send('{"SdkAppId":1400000001,"RoomId":1001}', options('prod'));
      assert.deepEqual(asked, ['DismissRoom']);
      assert.equal(declined?.result, undefined);
      assert.equal(server.requests.length, before, 'nothing was sent');

      (await api.requests()).controller.confirmProduction = async (action) => {
        asked.push(action);
        return true;
      };
      before = server.requests.length;
      const accepted = await panel.send('{"SdkAppId":1400000001,"RoomId":1001}', options('prod'));
      assert.ok(accepted?.result);
      assert.equal(server.requests.length, before + 1);

      const reader = await openForm('DescribeRoomInfo');
      await reader.send(ROOM_PARAMS, options('prod'));
      assert.deepEqual(asked, ['DismissRoom', 'DismissRoom'], 'read-only calls are not confirmed');
    } finally {
      (await api.requests()).controller.confirmProduction = original;
    }
  });
});

suite('clock skew', () => {
  test('measured from the Date header, named after SignatureExpire, and fixed by signing with the server time', async () => {
    const server = await startStandIn();
    try {
      const api = await explorer();
      await api.credentials.upsert({ name: 'skew', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN });
      // The stand-in's clock runs ten minutes ahead of ours: our signatures look stale to it.
      server.setClock(() => Date.now() + 600_000);
      await vscode.commands.executeCommand('trtcExplorer.api.openAction', 'DescribeRoomInfo');
      const panel = await waitFor(() => openPanel(api, 'DescribeRoomInfo'), 'the form');
      const options: RequestOptions = { profile: 'skew', region: 'ap-guangzhou', signMethod: 'TC3-HMAC-SHA256', httpMethod: 'POST', language: 'en-US' };
      const expired = await panel.send(ROOM_PARAMS, options);
      assert.equal(expired?.result?.error?.code, 'AuthFailure.SignatureExpire');
      const offset = (await api.requests()).clock.offsetMs!;
      assert.ok(Math.abs(offset - 600_000) < 3_000, `measured offset ${offset} ms`);
      assert.match(api.statusBar.skewWarning ?? '', /Clock 10 min \d+ s behind/);
      assert.match((await api.requests()).controller.summarize(expired!.result!).explanation ?? '', /Your clock is 10 min \d+ s behind the server\./);

      (await api.requests()).controller.useServerClock();
      const fixed = await panel.send(ROOM_PARAMS, options);
      assert.equal(fixed?.result?.error, undefined, JSON.stringify(fixed?.result?.error));
      assert.equal(server.requests.at(-1)?.verified, true);
    } finally {
      (await (await explorer()).requests()).controller.useServerClock(false);
      await stopStandIn(server);
    }
  });
});
