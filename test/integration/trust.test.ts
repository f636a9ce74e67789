import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunSummary } from '../../src/core/collections/collectionRunner';
import type { CollectionRef } from '../../src/core/collections/collectionStore';
import type { StandInServer } from '../fixtures/standInServer';
import { type Capture, explorer, historyAndCollections, startCapture, IT_SECRET_ID, IT_SECRET_KEY, IT_TOKEN, openPanel, startStandIn, stopStandIn, waitFor } from './helpers';

const USER_SIG = 'canary-usersig-0123456789';

suite('trust boundary: a hostile workspace', () => {
  let capture: Capture;
  let standIn: StandInServer;
  const workspaceDir = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const trtc = (...p: string[]) => path.join(workspaceDir(), '.trtc', ...p);
  const settingsFile = () => path.join(workspaceDir(), '.vscode', 'settings.json');

  suiteSetup(async () => {
    standIn = await startStandIn();
    capture = await startCapture();
    const api = await explorer();
    await api.credentials.upsert({ name: 'victim', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, region: 'ap-guangzhou', production: true });
    await api.credentials.setActive('victim');
    fs.mkdirSync(trtc('collections'), { recursive: true });
    fs.mkdirSync(trtc('environments'), { recursive: true });
    const now = Math.floor(Date.now() / 1000);
    const params = { SdkAppId: 1400000001, RoomId: '1001', StartTime: now - 7200, EndTime: now - 3600 };
    fs.writeFileSync(
      trtc('environments', 'prod.json'),
      JSON.stringify({ version: 1, name: 'prod', variables: { Gateway: { value: capture.url }, UserSig: { secret: true } } }),
    );
    fs.writeFileSync(
      trtc('collections', 'hostile.json'),
      JSON.stringify({
        version: 1,
        name: 'Hostile',
        items: [
          { type: 'request', id: 'direct', name: 'Direct', action: 'DescribeRoomInfo', params, endpoint: { kind: 'custom', url: capture.url } },
          { type: 'request', id: 'viavar', name: 'Via variable', action: 'DescribeRoomInfo', params: { ...params, RoomId: '{{UserSig}}' }, endpoint: { kind: 'custom', url: '{{Gateway}}' } },
        ],
      }),
    );
    fs.mkdirSync(path.dirname(settingsFile()), { recursive: true });
    // A setting a workspace may set (the language of error messages) shows when the file has been read.
    fs.writeFileSync(
      settingsFile(),
      JSON.stringify({ 'trtcExplorer.language': 'zh-CN', 'trtcExplorer.confirmProduction': false, 'trtcExplorer.history.maxEntries': 11, 'trtcExplorer.endpoint': capture.url }),
    );
    await waitFor(() => vscode.workspace.getConfiguration('trtcExplorer').get('language') === 'zh-CN' || undefined, 'the workspace settings read');
  });

  suiteTeardown(async () => {
    fs.rmSync(settingsFile(), { force: true });
    fs.rmSync(trtc('collections', 'hostile.json'), { force: true });
    fs.rmSync(trtc('environments', 'prod.json'), { force: true });
    const api = await explorer();
    for (const origin of api.trust.list()) await api.trust.forget(origin);
    await stopStandIn(standIn);
    await capture.close();
  });

  async function runHostile(): Promise<RunSummary> {
    const api = await explorer();
    const hc = await historyAndCollections(api);
    await vscode.commands.executeCommand('trtcExplorer.environments.select', { name: 'prod' });
    await hc.workspaceSecrets.set('prod', 'UserSig', USER_SIG);
    const ref: CollectionRef = { scope: 'workspace', file: 'hostile.json' };
    return (await vscode.commands.executeCommand<RunSummary>('trtcExplorer.collections.run', { ref }))!;
  }

  test('settings that guard or govern user-wide data ignore the workspace', async () => {
    const config = vscode.workspace.getConfiguration('trtcExplorer');
    assert.equal(config.get('confirmProduction'), true, 'the production confirmation stays on');
    assert.equal(config.get('history.maxEntries'), 5000, 'the workspace cannot prune the history');
    assert.equal(config.get('endpoint'), standIn.url, 'the workspace cannot pick the endpoint');
    const api = await explorer();
    assert.equal(api.trust.policy.isTrusted(capture.url), false, 'an endpoint in workspace settings is not trusted');
  });

  test('a workspace collection pointing at a foreign host sends nothing there, directly or through {{Gateway}}', async () => {
    const summary = await runHostile();
    assert.deepEqual(summary.results.map((r) => r.status), ['errored', 'errored']);
    for (const r of summary.results) {
      assert.match(r.error?.message ?? '', new RegExp(`${capture.url.replace(/[.:/]/g, '\\$&')} is not trusted`));
      assert.match(r.error?.message ?? '', /Trust Endpoint/);
    }
    assert.equal(capture.requests.length, 0, 'no request reached the foreign host');
  });

  test('a production state-changing call still asks, whatever the workspace settings say', async () => {
    const api = await explorer();
    const { controller } = await api.requests();
    const original = controller.confirmProduction;
    let asked = 0;
    controller.confirmProduction = async () => {
      asked++;
      return false;
    };
    try {
      await vscode.commands.executeCommand('trtcExplorer.api.openAction', 'DismissRoom');
      const panel = await waitFor(() => openPanel(api, 'DismissRoom'), 'the DismissRoom form');
      const before = standIn.requests.length;
      await panel.send('{"SdkAppId":1400000001,"RoomId":1001}', { profile: 'victim', region: 'ap-guangzhou', signMethod: 'TC3-HMAC-SHA256', httpMethod: 'POST', language: 'en-US' });
      assert.equal(asked, 1, 'the confirmation was asked');
      assert.equal(standIn.requests.length, before, 'declined, so nothing was sent');
    } finally {
      controller.confirmProduction = original;
    }
  });

  test('once the user trusts the endpoint (after the confirmation), the same run reaches it', async () => {
    const api = await explorer();
    const original = api.trust.confirm;
    let named = '';
    api.trust.confirm = async (origin) => {
      named = origin;
      return true;
    };
    try {
      assert.equal(await api.trust.trust(capture.url), capture.url);
    } finally {
      api.trust.confirm = original;
    }
    assert.equal(named, capture.url, 'the confirmation named the host');
    const summary = await runHostile();
    assert.deepEqual(summary.results.map((r) => r.status), ['passed', 'passed']);
    assert.equal(capture.requests.length, 2);
    assert.ok(capture.requests.every((r) => String(r.headers.authorization).startsWith('TC3-HMAC-SHA256')), 'signed requests, as the user chose');
  });

  test('a declined confirmation trusts nothing', async () => {
    const api = await explorer();
    const original = api.trust.confirm;
    api.trust.confirm = async () => false;
    try {
      assert.equal(await api.trust.trust('https://elsewhere.example.com'), undefined);
    } finally {
      api.trust.confirm = original;
    }
    assert.ok(!api.trust.list().includes('https://elsewhere.example.com'));
  });
});

suite('secret variables are kept per workspace', () => {
  test('the environment picker says where each environment comes from and for which scope its secret values are stored', async () => {
    const api = await explorer();
    const hc = await historyAndCollections(api);
    const dir = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.trtc', 'environments');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'origins.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, name: 'origins', variables: { SdkAppId: { value: '1400000001' }, UserSig: { secret: true }, StorageKey: { secret: true } } }));
    await hc.workspaceSecrets.set('origins', 'UserSig', 'origins-usersig');
    const saved = { ...hc.prompts };
    let offered: vscode.QuickPickItem[] = [];
    hc.prompts.pick = async (items) => {
      offered = [...items];
      return undefined;
    };
    try {
      await vscode.commands.executeCommand('trtcExplorer.environments.select');
    } finally {
      Object.assign(hc.prompts, saved);
      fs.rmSync(file, { force: true });
    }
    const item = offered.find((i) => i.label.endsWith(' origins'));
    assert.ok(item, `the picker offers the workspace environment (offered: ${offered.map((i) => i.label).join(', ')})`);
    assert.equal(item.detail, 'file in this workspace · 3 variables · 1 of 2 secret values stored for this workspace');
  });

  test('a user environment of the same name does not receive the workspace value, nor the reverse', async () => {
    const hc = await historyAndCollections(await explorer());
    await hc.workspaceSecrets.set('shared-name', 'UserSig', 'workspace-value');
    assert.equal(await hc.userSecrets.get('shared-name', 'UserSig'), undefined);
    await hc.userSecrets.set('shared-name', 'UserSig', 'user-value');
    assert.equal(await hc.workspaceSecrets.get('shared-name', 'UserSig'), 'workspace-value');
    assert.equal(await hc.userSecrets.get('shared-name', 'UserSig'), 'user-value');
  });
});
