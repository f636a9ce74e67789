// Screenshots of what users see, in the real (offline) VS Code: the API tree, a request form with a
// result, the history and collections views, in a light and a dark theme.
//   node scripts/screenshots/take.mjs <out-dir> [--theme "Default Light Modern"] [--theme "Default Dark Modern"]
//   node scripts/screenshots/take.mjs --walkthrough    (re-creates the cropped images of media/walkthrough)
// Needs the offline editor of ../shared/vscode-test (installed by `npm test` or `.ci/run`) and a build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const walkthrough = argv.includes('--walkthrough');
const outDir = walkthrough
  ? path.join(root, 'media/walkthrough')
  : path.resolve(argv.find((a) => !a.startsWith('--') && !argv[argv.indexOf(a) - 1]?.startsWith('--theme')) ?? '/tmp/trtc-shots');
const themes = argv.flatMap((a, i) => (a === '--theme' ? [argv[i + 1]] : []));
if (themes.length === 0) themes.push('Default Light Modern', 'Default Dark Modern');
const prefix = process.env.VSCODE_OFFLINE_PREFIX || path.join(os.homedir(), '.cache/offline-vscode');
const serverDir = path.join(prefix, 'code-server/node_modules/code-server/lib/vscode');
if (!fs.existsSync(path.join(serverDir, 'out/server-main.js'))) {
  console.error(`No offline VS Code at ${serverDir}: run bash ../shared/vscode-test/offline-vscode.sh first`);
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

async function shoot(theme) {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-shots-'));
  const userData = path.join(data, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User/settings.json'),
    JSON.stringify({ 'workbench.colorTheme': theme, 'workbench.startupEditor': 'none', 'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false }),
  );
  const workspace = path.join(data, 'workspace');
  fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
  const server = spawn(process.execPath, [path.join(serverDir, 'out/server-main.js'), '--accept-server-license-terms', '--telemetry-level', 'off', '--server-data-dir', path.join(data, 'server'), '--user-data-dir', userData, '--extensions-dir', path.join(data, 'ext'), '--host', '127.0.0.1', '--port', '0', '--without-connection-token', '--disable-workspace-trust'], {
    env: { ...process.env, VSCODE_AGENT_FOLDER: path.join(data, 'server') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const on = (b) => {
      out += b;
      const m = /Extension host agent listening on (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    server.stdout.on('data', on);
    server.stderr.on('data', on);
    server.once('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const url = new URL(`http://${authority}/`);
  url.searchParams.set('folder', workspace);
  url.searchParams.set('payload', JSON.stringify([['extensionDevelopmentPath', remote(root)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']]));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const slug = theme.toLowerCase().includes('dark') ? 'dark' : theme.toLowerCase().includes('high contrast') ? 'hc' : 'light';
  // Walkthrough images are crops of the part a step talks about, one per theme kind.
  const shot = (name, clip) =>
    walkthrough
      ? clip && page.screenshot({ path: path.join(outDir, `${name}-${slug}.png`), clip })
      : page.screenshot({ path: path.join(outDir, `${slug}-${name}.png`) });
  const SIDEBAR = { x: 0, y: 35, width: 350, height: 560 };
  const palette = async (cmd, then) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15000 });
    await input.fill('>' + cmd);
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    if (then) {
      await input.waitFor({ state: 'visible', timeout: 15000 });
      await input.fill(then);
      await page.waitForTimeout(600);
      await page.keyboard.press('Enter');
    }
    await page.waitForTimeout(1200);
  };
  try {
    await page.goto(url.toString());
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60000 });
    await page.waitForTimeout(4000);
    await palette('View: Show TRTC API Explorer');
    await page.waitForTimeout(1500);
    await shot('welcome', SIDEBAR);
    await palette('TRTC: Try the Sandbox (No Credentials)');
    await page.getByText('Room Management').first().click();
    await page.waitForTimeout(800);
    await shot('tree', SIDEBAR);
    await palette('TRTC: Open Action…', 'CreateCloudRecording');
    await page.waitForTimeout(3000);
    await shot('form');
    await palette('TRTC: Open Action…', 'DescribeRoomInfo');
    await page.waitForTimeout(2500);
    // Ctrl+Enter sends from the form; the sandbox answers without a network.
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await frame.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(3000);
    await shot('result', { x: 350, y: 35, width: 1090, height: 560 });
    await palette('View: Show History');
    await page.waitForTimeout(1500);
    await shot('history', SIDEBAR);
    console.log(`${theme}: screenshots in ${outDir}`);
  } finally {
    await browser.close().catch(() => {});
    server.kill('SIGTERM');
    fs.rmSync(data, { recursive: true, force: true });
  }
}

for (const theme of themes) {
  await shoot(theme);
}
