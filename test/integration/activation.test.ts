import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, explorer } from './helpers';

suite('activation', () => {
  test('the extension activates and registers every contributed command', async () => {
    await explorer();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(ext.isActive, true);
    const contributed = (ext.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    assert.ok(contributed.length >= 16);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });

  test('activation builds no feature: each loads on first use', async () => {
    const api = await explorer();
    // The history view may already have asked for its children if it is visible; nothing else runs before a command.
    assert.deepEqual(api.loaded().filter((f) => f !== 'history'), []);
    await vscode.commands.executeCommand('trtcExplorer.callbacks.showEvents');
    assert.ok(api.loaded().includes('tools'), 'a tools command loaded the tools feature');
    assert.ok(!api.loaded().includes('requests') && !api.loaded().includes('signature'), 'and nothing else');
  });
});
