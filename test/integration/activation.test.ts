import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('activation', () => {
  test('the extension activates and registers its commands', async () => {
    const ext = vscode.extensions.getExtension('trtc-api-explorer.trtc-api-explorer');
    assert.ok(ext, 'extension is installed in the development host');
    await ext.activate();
    assert.equal(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('trtcExplorer.showLogs'));
  });
});
