import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { explorer, IT_SECRET_ID, IT_SECRET_KEY, IT_TOKEN } from './helpers';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

suite('credentials and secrecy', () => {
  test('profiles round-trip through SecretStorage', async () => {
    const api = await explorer();
    await api.credentials.upsert({ name: 'roundtrip', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, region: 'ap-tokyo', production: true });
    const back = await api.credentials.get('roundtrip');
    assert.deepEqual(back, { name: 'roundtrip', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, region: 'ap-tokyo', production: true });
    const summary = (await api.credentials.list()).find((p) => p.name === 'roundtrip');
    assert.deepEqual(summary, { name: 'roundtrip', region: 'ap-tokyo', production: true, temporary: true, maskedSecretId: 'AKID****0000' });
    await api.credentials.upsert({ ...back!, name: 'renamed' }, 'roundtrip');
    assert.equal(await api.credentials.get('roundtrip'), undefined);
    assert.equal((await api.credentials.get('renamed'))?.secretKey, IT_SECRET_KEY);
    await api.credentials.remove('renamed');
    assert.equal(await api.credentials.get('renamed'), undefined);
  });

  test('no secret in settings, global state, the log or result documents', async () => {
    const api = await explorer();
    // Other suites have sent calls with these keys by now; make sure at least one call happened here too.
    await api.credentials.upsert({ name: 'leakcheck', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN });
    await vscode.commands.executeCommand('trtcExplorer.sandbox.use');
    const secrets = [IT_SECRET_KEY, IT_TOKEN];

    const settings = JSON.stringify(vscode.workspace.getConfiguration('trtcExplorer').inspect(''));
    const allSettings = JSON.stringify(vscode.workspace.getConfiguration());
    const state = JSON.stringify(api.globalState.entries());
    const resultTexts = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'trtc-result').map((d) => d.getText()).join('\n');
    api.log.info('test', `logging a message that mentions ${IT_SECRET_KEY} by accident`);
    await new Promise((r) => setTimeout(r, 1500));
    const logs = filesUnder(api.logUri.fsPath).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    assert.ok(logs.includes('logging a message that mentions'), 'the log file was found and read');
    for (const secret of secrets) {
      for (const [where, text] of [
        ['settings', settings],
        ['all settings', allSettings],
        ['global state', state],
        ['result documents', resultTexts],
        ['log', logs],
      ] as const) {
        assert.ok(!text.includes(secret), `${where} must not contain a secret`);
      }
    }
  });
});
