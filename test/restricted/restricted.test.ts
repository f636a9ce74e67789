import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CollectionRef } from '../../src/core/collections/collectionStore';
import type { CollectionNode } from '../../src/editor/collections/collectionsTree';
import { CollectionCommandId as CollectionCommand } from '../../src/editor/common/ids';
import { type Capture, explorer, historyAndCollections, IT_SECRET_ID, IT_SECRET_KEY, startCapture } from '../integration/helpers';

// Runs in a folder VS Code does not trust (workspace trust on, no prompt): the extension works in
// Restricted Mode, and nothing the folder holds may be run or sent.
suite('Restricted Mode: an untrusted workspace', () => {
  let capture: Capture;
  const workspaceDir = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const trtc = (...p: string[]) => path.join(workspaceDir(), '.trtc', ...p);
  const ref: CollectionRef = { scope: 'workspace', file: 'shipped.json' };
  let shippedNode: CollectionNode | undefined;

  suiteSetup(async () => {
    capture = await startCapture();
    const api = await explorer();
    await api.credentials.upsert({ name: 'mine', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, region: 'ap-guangzhou' });
    await api.credentials.setActive('mine');
    fs.mkdirSync(trtc('collections'), { recursive: true });
    fs.mkdirSync(trtc('environments'), { recursive: true });
    const params = { SdkAppId: 1400000001, RoomId: '1001' };
    fs.writeFileSync(trtc('environments', 'prod.json'), JSON.stringify({ version: 1, name: 'prod', variables: { Gateway: { value: capture.url } } }));
    fs.writeFileSync(
      trtc('collections', 'shipped.json'),
      JSON.stringify({
        version: 1,
        name: 'Shipped',
        items: [{ type: 'request', id: 'r1', name: 'Room info', action: 'DescribeRoomInfo', params, endpoint: { kind: 'custom', url: '{{Gateway}}' } }],
      }),
    );
  });

  suiteTeardown(async () => {
    await capture.close();
  });

  test('VS Code runs this folder untrusted, and the explorer still shows the whole API', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opened the folder in Restricted Mode');
    const api = await explorer();
    const roots = await api.tree.getChildren();
    assert.equal(roots.filter((n) => n.kind === 'category').length, 14);
  });

  test('workspace collections can be read but are not runnable', async () => {
    const hc = await historyAndCollections(await explorer());
    hc.collectionsTree.refresh();
    const scopes = await hc.collectionsTree.getChildren();
    const items = (await Promise.all(scopes.map((s: CollectionNode) => hc.collectionsTree.getChildren(s)))).flat();
    const shipped = items.find((n) => String(hc.collectionsTree.getTreeItem(n).label) === 'Shipped');
    assert.ok(shipped, 'the shipped collection is listed');
    shippedNode = shipped;
    const workspaceScope = scopes.map((s) => hc.collectionsTree.getTreeItem(s)).find((i) => String(i.contextValue).includes(';workspace;'));
    assert.match(String(workspaceScope?.description), /Restricted Mode/);
    assert.doesNotMatch(String(hc.collectionsTree.getTreeItem(shipped).contextValue), /runnable/);
    const loaded = await hc.collections().load(ref);
    assert.equal(loaded.items.length, 1, 'its requests can be read');
  });

  test('running or exporting a workspace collection is refused and nothing reaches its endpoint', async () => {
    const feature = await (await explorer()).collections();
    const run = feature.handlers[CollectionCommand.Run] as (args: unknown) => Promise<unknown>;
    await assert.rejects(run({ ref }), /Restricted Mode/);
    await assert.rejects(run(shippedNode), /Restricted Mode/);
    const exportCurl = feature.handlers[CollectionCommand.ExportCurl] as (args: unknown) => Promise<unknown>;
    assert.ok(shippedNode, 'the tree test found the collection');
    await assert.rejects(exportCurl(shippedNode), /Restricted Mode/);
    assert.equal(capture.requests.length, 0);
  });

  test("a workspace environment's values are not sent, even by the user's own collection", async () => {
    const api = await explorer();
    const feature = await api.collections();
    const mine = await feature.collections().create('user', 'Mine', [
      { type: 'request', id: 'u1', name: 'Via the workspace gateway', action: 'DescribeRoomInfo', params: { SdkAppId: 1400000001, RoomId: '1001' }, endpoint: { kind: 'custom', url: '{{Gateway}}' } },
    ] as never);
    await vscode.commands.executeCommand('trtcExplorer.environments.select', { name: 'prod' });
    const run = feature.handlers[CollectionCommand.Run] as (args: unknown) => Promise<unknown>;
    await assert.rejects(run({ ref: mine }), /belongs to this workspace, which is in Restricted Mode/);
    assert.equal(capture.requests.length, 0);
  });
});
