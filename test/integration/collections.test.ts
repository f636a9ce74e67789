import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Collection, RequestItem } from '../../src/core/collections/collectionFormat';
import type { RunSummary } from '../../src/core/collections/collectionRunner';
import type { CollectionRef } from '../../src/core/collections/collectionStore';
import { parseJson } from '../../src/core/json';
import type { RequestOptions } from '../../src/shared/requestProtocol';
import type { CollectionNode } from '../../src/editor/collections/collectionsTree';
import type { HistoryNode } from '../../src/editor/history/historyTree';
import type { StandInServer } from '../fixtures/standInServer';
import { explorer, EXTENSION_ID, IT_SECRET_ID, IT_SECRET_KEY, IT_TOKEN, latestResultDocument, startStandIn, stopStandIn, waitFor, historyAndCollections, openPanel } from './helpers';

// The trees' drag mime types, spelled out: the test bundle must not load a second copy of the views.
const COLLECTIONS_MIME = 'application/vnd.code.tree.trtcexplorer.collections';
const HISTORY_MIME = 'application/vnd.code.tree.trtcexplorer.history';

const USER_SIG = 'eJyrVkrLz1eyUkpKLFKqBQA-form-literal';
const COS_SECRET = 'cosSecretKeyValue0123456789abcdef';
const ENV = 'it-env';

suite('collections', () => {
  let server: StandInServer;
  const options: RequestOptions = { profile: 'coll', region: 'ap-guangzhou', signMethod: 'TC3-HMAC-SHA256', httpMethod: 'POST', language: 'en-US' };
  const workspaceDir = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const collectionFile = (file: string) => path.join(workspaceDir(), '.trtc', 'collections', file);
  const fixture = (name: string) => path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test', 'fixtures', 'collections', name);
  const cancel = new vscode.CancellationTokenSource().token;

  suiteSetup(async () => {
    server = await startStandIn();
    const api = await explorer();
    await api.credentials.upsert({ name: 'coll', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, region: 'ap-guangzhou' });
    await api.credentials.setActive('coll');
  });

  suiteTeardown(async () => {
    await stopStandIn(server);
  });

  /** Runs `body` with scripted answers to the commands' questions, restoring the real dialogs afterwards. */
  async function answering<T>(answers: { pick?: (labels: string[], title?: string) => string | undefined; input?: (title?: string) => string | undefined; confirm?: boolean }, body: () => Promise<T>): Promise<T> {
    const prompts = (await historyAndCollections(await explorer())).prompts;
    const saved = { ...prompts };
    prompts.pick = async (items, o) => {
      const label = answers.pick?.(items.map((i) => i.label), o.title);
      return items.find((i) => i.label === label);
    };
    prompts.input = async (o) => answers.input?.(o.title);
    prompts.confirm = async () => answers.confirm ?? false;
    try {
      return await body();
    } finally {
      Object.assign(prompts, saved);
    }
  }

  async function children(node?: CollectionNode): Promise<CollectionNode[]> {
    return (await historyAndCollections(await explorer())).collectionsTree.getChildren(node);
  }

  async function collectionNode(name: string): Promise<Extract<CollectionNode, { kind: 'collection' }>> {
    const tree = (await historyAndCollections(await explorer())).collectionsTree;
    return waitFor(async () => {
      tree.refresh();
      for (const scope of (await children()).filter((n) => n.kind === 'scope')) {
        const hit = (await children(scope)).find((n) => n.kind === 'collection' && n.collection.name === name);
        if (hit) return hit as Extract<CollectionNode, { kind: 'collection' }>;
      }
      return undefined;
    }, `collection ${name} in the tree`);
  }

  function readCollection(file: string): Collection {
    return parseJson(fs.readFileSync(collectionFile(file), 'utf8')) as unknown as Collection;
  }

  test('save from the form into a workspace collection: credentials go to SecretStorage, the file holds none', async () => {
    const api = await explorer();
    const hc = (await historyAndCollections(api));
    await vscode.commands.executeCommand('trtcExplorer.collections.newCollection', 'Team Rooms', 'workspace');
    assert.ok(fs.existsSync(collectionFile('team-rooms.json')), 'the collection file is created in .trtc/collections');
    assert.equal(await vscode.commands.executeCommand('trtcExplorer.environments.create', ENV, 'workspace'), ENV);
    assert.equal(hc.selectedEnvironment(), ENV, 'a new environment is selected');
    assert.match(String(hc.collectionsView.description), new RegExp(ENV));

    await vscode.commands.executeCommand('trtcExplorer.api.openAction', 'CreateCloudRecording');
    const panel = await waitFor(() => openPanel(api, 'CreateCloudRecording'), 'the form');
    const params = {
      SdkAppId: 1400000001,
      RoomId: '1001',
      UserId: 'recorder',
      UserSig: USER_SIG,
      RecordParams: { RecordMode: 2 },
      StorageParams: { CloudStorage: { Vendor: 0, Region: 'ap-shanghai', Bucket: 'records', AccessKey: 'AKIDcosAccessKey', SecretKey: COS_SECRET } },
    };
    const asked: string[] = [];
    await answering(
      {
        pick: (labels, title) => {
          asked.push(title ?? '');
          return labels.find((l) => l.includes('Team Rooms'));
        },
        input: () => 'Start recording',
        confirm: true,
      },
      () => panel.receive({ type: 'command', command: 'saveToCollection', paramsText: JSON.stringify(params), options }),
    );
    assert.equal(asked.length, 1, 'one question: which collection (it has no folders yet)');

    const text = fs.readFileSync(collectionFile('team-rooms.json'), 'utf8');
    for (const secret of [USER_SIG, COS_SECRET, 'AKIDcosAccessKey', IT_SECRET_KEY, IT_TOKEN]) {
      assert.ok(!text.includes(secret), 'no credential in the collection file');
    }
    const saved = readCollection('team-rooms.json').items[0] as RequestItem;
    assert.equal(saved.name, 'Start recording');
    assert.equal(saved.action, 'CreateCloudRecording');
    assert.equal(saved.region, 'ap-guangzhou');
    assert.equal(saved.endpoint, undefined, 'the local endpoint setting is not saved into a shared file');
    assert.equal(saved.params.UserSig, '{{UserSig}}');
    const storage = (saved.params.StorageParams as { CloudStorage: Record<string, unknown> }).CloudStorage;
    assert.equal(storage.SecretKey, '{{SecretKey}}');

    const envText = fs.readFileSync(path.join(workspaceDir(), '.trtc', 'environments', 'it-env.json'), 'utf8');
    assert.ok(!envText.includes(USER_SIG) && !envText.includes(COS_SECRET), 'no secret value in the environment file');
    const env = await hc.environments().findByName(ENV);
    assert.deepEqual(env.environment.variables.UserSig, { secret: true });
    assert.equal(await hc.workspaceSecrets.get(ENV, 'UserSig'), USER_SIG);
    assert.equal(await hc.workspaceSecrets.get(ENV, 'SecretKey'), COS_SECRET);

    const node = await collectionNode('Team Rooms');
    const items = await children(node);
    assert.deepEqual(items.map((n) => n.kind === 'request' && n.request.name), ['Start recording']);
    const item = hc.collectionsTree.getTreeItem(items[0]!);
    assert.match(String(item.contextValue), /;request;runnable;/);
    assert.equal(item.command?.command, 'trtcExplorer.collections.openRequest');
  });

  test('run a collection of three requests with assertions against the stand-in, with a secret from SecretStorage', async () => {
    const api = await explorer();
    const hc = (await historyAndCollections(api));
    const envRef = (await hc.environments().findByName(ENV)).ref;
    await hc.environments().update(envRef, (e) => {
      e.variables.SdkAppId = { value: 1400000001 };
      e.variables.RoomId = { value: '1001' };
      e.variables.RecorderSig = { secret: true };
    });
    await hc.workspaceSecrets.set(ENV, 'RecorderSig', 'sig-from-secret-storage');
    const request = (fields: Partial<RequestItem> & Pick<RequestItem, 'id' | 'name' | 'action' | 'params'>): RequestItem => ({ type: 'request', ...fields });
    const ref: CollectionRef = await hc.collections().create('workspace', 'Checks', [
      request({
        id: 'describe',
        name: 'Describe rooms',
        action: 'DescribeRoomInfo',
        // A recent hour: the rules refuse windows further back than the 14 days DescribeRoomInfo keeps.
        params: { SdkAppId: '{{SdkAppId}}', RoomId: '{{RoomId}}', StartTime: Math.floor(Date.now() / 1000) - 7200, EndTime: Math.floor(Date.now() / 1000) - 3600 },
        assertions: [
          { type: 'success' },
          { type: 'equals', path: '$.RoomList[0].DestroyTime', value: parseJson('12345678901234567890') },
          { type: 'exists', path: '$.RoomList[0].RoomString' },
        ],
      }),
      request({
        id: 'dismiss',
        name: 'Dismiss expects an error',
        action: 'DismissRoom',
        params: { SdkAppId: '{{SdkAppId}}', RoomId: 1001 },
        assertions: [{ type: 'error', code: 'InvalidParameter.*' }],
      }),
      request({
        id: 'record',
        name: 'Start recording',
        action: 'CreateCloudRecording',
        params: { SdkAppId: '{{SdkAppId}}', RoomId: '{{RoomId}}', UserId: 'recorder', UserSig: '{{RecorderSig}}', RecordParams: { RecordMode: 2 }, StorageParams: { CloudVod: { TencentVod: {} } } },
        assertions: [{ type: 'success' }, { type: 'latencyBelow', ms: 60_000 }],
      }),
    ]);
    assert.equal(await vscode.commands.executeCommand('trtcExplorer.environments.select', { name: ENV }), ENV);
    const before = server.requests.length;
    const summary = (await vscode.commands.executeCommand('trtcExplorer.collections.run', { ref })) as RunSummary;
    assert.equal(summary.total, 3);
    assert.equal(summary.passed, 2);
    assert.equal(summary.failed, 1);
    assert.equal(summary.errored, 0);
    assert.deepEqual(summary.results.map((r) => r.status), ['passed', 'failed', 'passed']);
    const seen = server.requests.slice(before);
    assert.deepEqual(seen.map((r) => r.action), ['DescribeRoomInfo', 'DismissRoom', 'CreateCloudRecording']);
    assert.ok(seen.every((r) => r.verified), 'every request was signed with the active profile');
    assert.equal(seen[0]!.params?.SdkAppId, 1400000001, 'a whole-value variable keeps its number type');
    assert.equal(seen[2]!.params?.UserSig, 'sig-from-secret-storage', 'the secret variable came from SecretStorage');

    const report = await waitFor(() => {
      const d = latestResultDocument();
      return d?.getText().includes('2 passed, 1 failed') ? d : undefined;
    }, 'the run report');
    assert.match(report.getText(), /Collection "Checks" with environment "it-env"/);

    const top = (await children())[0]!;
    assert.equal(top.kind, 'run');
    assert.match(String(hc.collectionsTree.getTreeItem(top).description), /2 passed, 1 failed, 0 errored/);
    const results = await children(top);
    assert.equal(results.length, 3);
    const failed = results[1]!;
    assert.equal(failed.kind, 'runResult');
    const checks = await children(failed);
    assert.equal(checks.length, 1);
    assert.match(String(hc.collectionsTree.getTreeItem(checks[0]!).description), /./, 'a failed check says why');

    await vscode.commands.executeCommand('trtcExplorer.collections.openRunResult', results[0]);
    await waitFor(() => latestResultDocument()?.getText().includes('DestroyTime') || undefined, 'the first result\'s answer');

    await hc.history.ensureLoaded();
    const recorded = hc.history.store.query({ source: 'collection' });
    assert.ok(recorded.length >= 3, 'the calls of the run are in the history');
    assert.ok(!recorded.some((e) => e.paramsJson.includes('sig-from-secret-storage')), 'the secret is redacted in the history');
  });

  test('drag and drop: move a request into a folder, save a history entry into a collection', async () => {
    const api = await explorer();
    const hc = (await historyAndCollections(api));
    const checks = await collectionNode('Checks');
    await vscode.commands.executeCommand('trtcExplorer.collections.newFolder', checks, 'Smoke');
    const refreshed = await collectionNode('Checks');
    const nodes = await children(refreshed);
    const folder = nodes.find((n) => n.kind === 'folder')!;
    const dismiss = nodes.find((n) => n.kind === 'request' && n.request.id === 'dismiss')!;
    assert.ok(folder && dismiss);

    const drag = new vscode.DataTransfer();
    await hc.collectionsTree.handleDrag([dismiss], drag, cancel);
    assert.ok(drag.get(COLLECTIONS_MIME), 'dragging a request carries the collections mime type');
    await hc.collectionsTree.handleDrop(folder, drag, cancel);
    let onDisk = readCollection(checks.ref.file);
    assert.deepEqual(onDisk.items.map((i) => i.id), ['describe', 'record', (folder as Extract<CollectionNode, { kind: 'folder' }>).folder.id]);
    const smoke = onDisk.items[2]!;
    assert.ok(smoke.type === 'folder' && smoke.items.map((i) => i.id).join() === 'dismiss', 'the request moved into the folder');

    // A drop built by hand, as another view would send it: reorder within the top level.
    const record = (await children(await collectionNode('Checks'))).find((n) => n.kind === 'request' && n.request.id === 'record')!;
    const describe = (await children(await collectionNode('Checks'))).find((n) => n.kind === 'request' && n.request.id === 'describe')!;
    const reorder = new vscode.DataTransfer();
    reorder.set(COLLECTIONS_MIME, new vscode.DataTransferItem(JSON.stringify([{ ref: checks.ref, itemId: 'record' }])));
    await hc.collectionsTree.handleDrop(describe, reorder, cancel);
    onDisk = readCollection(checks.ref.file);
    assert.deepEqual(onDisk.items.slice(0, 2).map((i) => i.id), ['record', 'describe'], 'dropped on a request, it takes that request\'s place');
    assert.ok(record);

    // From the history view onto the collection.
    await hc.history.ensureLoaded();
    const days = await hc.historyTree.getChildren();
    const entryNode = (await hc.historyTree.getChildren(days[0])).find((n) => n.kind === 'entry' && n.entry.action === 'DescribeRoomInfo') as Extract<HistoryNode, { kind: 'entry' }>;
    assert.ok(entryNode, 'a DescribeRoomInfo call is in the history');
    const fromHistory = new vscode.DataTransfer();
    await hc.historyTree.handleDrag([entryNode], fromHistory, cancel);
    assert.ok(fromHistory.get(HISTORY_MIME));
    await hc.collectionsTree.handleDrop(await collectionNode('Checks'), fromHistory, cancel);
    onDisk = readCollection(checks.ref.file);
    const added = onDisk.items[onDisk.items.length - 1]!;
    assert.equal(added.type, 'request');
    assert.equal((added as RequestItem).action, 'DescribeRoomInfo');
    assert.equal((added as RequestItem).region, entryNode.entry.region);

    // A recorded call whose UserSig was redacted refers to the environment's secret UserSig.
    const recording = (await hc.historyTree.getChildren(days[0])).find((n) => n.kind === 'entry' && n.entry.action === 'CreateCloudRecording') as Extract<HistoryNode, { kind: 'entry' }>;
    assert.deepEqual(recording.entry.redactedPaths, ['UserSig']);
    const withSecret = new vscode.DataTransfer();
    await hc.historyTree.handleDrag([recording], withSecret, cancel);
    await hc.collectionsTree.handleDrop(await collectionNode('Checks'), withSecret, cancel);
    onDisk = readCollection(checks.ref.file);
    const saved = onDisk.items[onDisk.items.length - 1] as RequestItem;
    assert.equal(saved.action, 'CreateCloudRecording');
    assert.equal(saved.params.UserSig, '{{UserSig}}');
  });

  test('export a saved request as Postman v2.1 and as signed curl commands', async () => {
    const request = (await children(await collectionNode('Team Rooms'))).find((n) => n.kind === 'request')!;
    const target = vscode.Uri.file(path.join(workspaceDir(), 'exported.postman_collection.json'));
    await vscode.commands.executeCommand('trtcExplorer.collections.exportPostman', request, target);
    const postmanText = fs.readFileSync(target.fsPath, 'utf8');
    const postman = JSON.parse(postmanText) as { info: { schema: string }; item: Array<{ request: { header: Array<{ key: string; value: string }> } }>; variable: Array<{ key: string; value: string }> };
    assert.match(postman.info.schema, /v2\.1\.0/);
    assert.ok(postman.item[0]!.request.header.some((h) => h.key === 'X-TC-Action' && h.value === 'CreateCloudRecording'));
    assert.equal(postman.variable.find((v) => v.key === 'secretKey')?.value, '');
    for (const secret of [USER_SIG, COS_SECRET, IT_SECRET_KEY]) {
      assert.ok(!postmanText.includes(secret), 'no credential in the Postman export');
    }

    const curl = (await vscode.commands.executeCommand('trtcExplorer.collections.exportCurl', request)) as string;
    assert.match(curl, /^curl -sS -X POST /m);
    assert.ok(curl.includes(server.url), 'signed for the configured endpoint');
    assert.match(curl, /X-TC-Action: CreateCloudRecording/);
    assert.match(curl, /expires at \d{4}-\d\d-\d\dT/);
    assert.match(curl, new RegExp(`TC3-HMAC-SHA256 Credential=${IT_SECRET_ID}/`));
    for (const secret of [USER_SIG, COS_SECRET, IT_SECRET_KEY, IT_TOKEN]) {
      assert.ok(!curl.includes(secret), 'no secret written into the curl commands');
    }
  });

  test('import a Postman collection and curl commands', async () => {
    const api = await explorer();
    const hc = (await historyAndCollections(api));
    const text = fs.readFileSync(fixture('postman-sample.postman_collection.json'), 'utf8');
    const outcome = (await vscode.commands.executeCommand('trtcExplorer.collections.importPostman', { text, scope: 'user' })) as {
      ref: CollectionRef;
      imported: number;
      skipped: number;
    };
    assert.equal(outcome.ref.scope, 'user');
    assert.ok(outcome.imported >= 1, 'the TRTC requests are imported');
    assert.ok(outcome.skipped >= 1, 'the other services are skipped');
    const imported = await hc.collections().load(outcome.ref);
    assert.equal(imported.name, 'Team API calls');
    const userScope = (await children()).find((n) => n.kind === 'scope' && n.scope === 'user')!;
    assert.ok((await children(userScope)).some((n) => n.kind === 'collection' && n.collection.name === 'Team API calls'));

    const checks = await collectionNode('Checks');
    const curl = [
      'curl -X POST https://trtc.tencentcloudapi.com \\',
      "  -H 'Content-Type: application/json' -H 'X-TC-Action: DismissRoomByStrRoomId' \\",
      "  -H 'X-TC-Version: 2019-07-22' -H 'X-TC-Region: ap-beijing' \\",
      "  -H 'Authorization: TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2024-01-01/trtc/tc3_request, SignedHeaders=content-type;host, Signature=abc' \\",
      '  -d \'{"SdkAppId":1400000001,"RoomId":"room-7"}\'',
    ].join('\n');
    const fromCurl = (await vscode.commands.executeCommand('trtcExplorer.collections.importCurl', { text: curl, target: { ref: checks.ref } })) as { imported: number };
    assert.equal(fromCurl.imported, 1);
    const onDisk = readCollection(checks.ref.file);
    const last = onDisk.items[onDisk.items.length - 1] as RequestItem;
    assert.equal(last.action, 'DismissRoomByStrRoomId');
    assert.equal(last.region, 'ap-beijing');
    assert.deepEqual(last.params, { SdkAppId: 1400000001, RoomId: 'room-7' });
    assert.ok(!fs.readFileSync(collectionFile(checks.ref.file), 'utf8').includes('Signature=abc'), 'the old signature is dropped');
  });

  test('a collection file that does not validate is shown as an error node with its problems', async () => {
    fs.copyFileSync(fixture('invalid-team.json'), collectionFile('invalid-team.json'));
    const hc = (await historyAndCollections(await explorer()));
    const invalid = await waitFor(async () => {
      hc.collectionsTree.refresh();
      const scope = (await children()).find((n) => n.kind === 'scope' && n.scope === 'workspace')!;
      return (await children(scope)).find((n) => n.kind === 'invalid');
    }, 'the invalid file node');
    const item = hc.collectionsTree.getTreeItem(invalid);
    assert.equal(item.label, 'invalid-team.json');
    const issues = await children(invalid);
    assert.ok(issues.length >= 1 && issues.every((n) => n.kind === 'issue'));
    assert.ok(String(item.tooltip).includes('.trtc/collections/invalid-team.json: '), 'each problem names the file and the path');
  });

  test('the contributed JSON schema checks collection files while they are edited', async () => {
    const uri = vscode.Uri.file(collectionFile('invalid-team.json'));
    await vscode.window.showTextDocument(uri);
    const problems = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length > 0 ? d : undefined;
    }, 'schema diagnostics', 30_000);
    const text = problems.map((p) => p.message).join('\n');
    assert.match(text, /paramz/, text);
  });
});
