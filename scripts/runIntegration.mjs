// Runs dist/test/integration inside a real VS Code through @vscode/test-electron. Where VS Code
// cannot be downloaded, VSCODE_EXECUTABLE points at a stand-in executable; on these machines the
// offline editor of ../shared/vscode-test is installed (idempotent) and used when nothing is set.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function offlineEditor() {
  const recipe = path.resolve(root, '../shared/vscode-test/offline-vscode.sh');
  if (!fs.existsSync(recipe)) return undefined;
  const r = spawnSync('bash', [recipe], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${recipe} failed with exit ${r.status}`);
  const prefix = process.env.VSCODE_OFFLINE_PREFIX || path.join(os.homedir(), '.cache/offline-vscode');
  return path.join(prefix, 'runner/bin/code');
}

const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || offlineEditor();
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-it-ws-'));
fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
// Every run starts from empty editor state: @vscode/test-electron would otherwise reuse
// .vscode-test/user-data, and profiles, history and settings of one run would leak into the next.
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-it-user-'));
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userData}`, `--extensions-dir=${path.join(userData, 'extensions')}`],
    extensionTestsEnv: { TRTC_EXPLORER_TEST: '1' },
  });
} catch (e) {
  console.error('integration tests failed:', e instanceof Error ? e.message : e);
  process.exit(1);
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(userData, { recursive: true, force: true });
}
