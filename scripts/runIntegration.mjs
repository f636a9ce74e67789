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

/** A workspace folder and an empty user-data folder for one run; `settings` go into the user settings. */
function freshDirs(settings) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-it-ws-'));
  fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
  // Every run starts from empty editor state: @vscode/test-electron would otherwise reuse
  // .vscode-test/user-data, and profiles, history and settings of one run would leak into the next.
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-it-user-'));
  if (settings) {
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  return { workspace, userData, remove: () => [workspace, userData].forEach((d) => fs.rmSync(d, { recursive: true, force: true })) };
}

// 1. The integration suites, in a trusted workspace.
{
  const { workspace, userData, remove } = freshDirs();
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
    remove();
  }
}

// 2. The Restricted Mode suite, in a folder VS Code does not trust. @vscode/test-electron and the
// offline runner both switch workspace trust off, so this pass starts the offline runner itself
// from a copy that leaves trust on, with user settings that keep the folder untrusted without a prompt.
{
  const runnerScript = path.join(path.dirname(vscodeExecutablePath), '..', 'run-ext-tests.mjs');
  if (!fs.existsSync(runnerScript)) {
    console.error(`Restricted Mode tests need the offline runner (${runnerScript} not found); set VSCODE_EXECUTABLE to its bin/code.`);
    process.exit(1);
  }
  const source = fs.readFileSync(runnerScript, 'utf8');
  const flag = "  '--disable-workspace-trust',\n";
  if (!source.includes(flag)) {
    console.error(`Restricted Mode tests: ${runnerScript} no longer passes --disable-workspace-trust where expected; update scripts/runIntegration.mjs.`);
    process.exit(1);
  }
  const trustingRunner = path.join(path.dirname(runnerScript), 'run-ext-tests.workspace-trust.mjs');
  fs.writeFileSync(trustingRunner, source.replace(flag, ''));
  const { workspace, userData, remove } = freshDirs({
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'security.workspace.trust.emptyWindow': false,
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'git.enabled': false,
  });
  try {
    const r = spawnSync(
      process.execPath,
      [
        trustingRunner,
        '--extensionDevelopmentPath', root,
        '--extensionTestsPath', path.join(root, 'dist/test/restricted/index.js'),
        '--user-data-dir', userData,
        '--extensions-dir', path.join(userData, 'extensions'),
        '--disable-extensions',
        workspace,
      ],
      { stdio: 'inherit', env: { ...process.env, TRTC_EXPLORER_TEST: '1' } },
    );
    if (r.status !== 0) {
      console.error(`Restricted Mode tests failed (exit ${r.status ?? r.signal})`);
      process.exit(1);
    }
  } finally {
    remove();
  }
}
