import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApiNode } from '../../src/editor/catalog/catalogTree';
import { explorer, waitFor } from './helpers';

suite('API tree', () => {
  test('every category and action without credentials, under one slim hint that goes away with the sandbox', async () => {
    const api = await explorer();
    await api.credentials.setActive(undefined);
    for (const p of await api.credentials.list()) {
      await api.credentials.remove(p.name);
    }
    const withHint = await waitFor(async () => {
      const r = await api.tree.getChildren();
      return r[0]?.kind === 'hint' ? r : undefined;
    }, 'the hint to add credentials');
    const hint = api.tree.getTreeItem(withHint[0]!);
    assert.equal(hint.label, 'Add credentials');
    assert.equal(hint.command?.command, 'trtcExplorer.profile.add');
    assert.equal(withHint.filter((n) => n.kind === 'category').length, 14, 'the whole API is there without keys');

    await vscode.commands.executeCommand('trtcExplorer.sandbox.use');
    const roots = await waitFor(async () => {
      const r = await api.tree.getChildren();
      return r.length && r[0]?.kind !== 'hint' ? r : undefined;
    }, 'categories without the hint');
    const labels = roots.map((n) => String(api.tree.getTreeItem(n).label));
    assert.deepEqual(labels.slice(0, 6), [
      'Room Management',
      'Call Quality Monitoring',
      'Pull Stream Relay',
      'On-cloud Recording',
      'Stream Mixing and Relay',
      'Usage Statistics',
    ]);
    const room = roots[0] as Extract<ApiNode, { kind: 'category' }>;
    const actions = (await api.tree.getChildren(room)).map((n) => api.tree.getTreeItem(n));
    const dismiss = actions.find((i) => i.label === 'DismissRoom');
    assert.ok(dismiss, 'DismissRoom is under Room Management');
    assert.ok(String(dismiss.description).length > 10, 'the one-line summary is the description');
    assert.ok(dismiss.tooltip instanceof vscode.MarkdownString && dismiss.tooltip.value.includes('DismissRoom'));
    assert.equal(dismiss.command?.command, 'trtcExplorer.api.openAction');
    assert.match(String(dismiss.contextValue), /;action;.*destructive;/);
    let total = 0;
    for (const r of roots) total += (await api.tree.getChildren(r)).length;
    assert.equal(total, 81, 'every action of the catalog is in the tree');
  });

  test('the filter keeps matching actions only, by name or by words in either language', async () => {
    const api = await explorer();
    await vscode.commands.executeCommand('trtcExplorer.sandbox.use');
    api.tree.setFilter('CloudRecording');
    const leaves = async () => (await Promise.all((await api.tree.getChildren()).map((c) => api.tree.getChildren(c)))).flat();
    const names = (await leaves()).map((n) => String(api.tree.getTreeItem(n).label));
    assert.deepEqual(names.sort(), ['CreateCloudRecording', 'DeleteCloudRecording', 'DescribeCloudRecording', 'ModifyCloudRecording']);
    api.tree.setFilter('录制');
    assert.ok((await leaves()).length >= 4, 'Chinese words find recording actions');
    await vscode.commands.executeCommand('trtcExplorer.api.clearFilter');
    assert.equal(api.tree.filter, '');
  });
});
