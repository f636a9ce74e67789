// Preview and test harness for the result page (src/pages/result).
//
// It bundles the page with the same esbuild options as esbuild.mjs's result entry (into a
// temporary folder; dist/ is left alone), serves it on 127.0.0.1 inside an HTML page with the
// host's Content-Security-Policy and structure, stands in for VS Code with a fake
// `acquireVsCodeApi`, and drives Debian's Chromium through playwright-core. The server, the
// browser and the `Panel` recorder are the request page harness's (preview.mjs).
//
//   node scripts/webview/resultPreview.mjs /tmp/result-shots     screenshots in every theme
//
// test/webview/resultPage.test.ts and bench/resultPage.bench.ts import the same functions.
import * as esbuild from 'esbuild';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, Panel, repoRoot, startServer } from './preview.mjs';
import { THEMES, themeCss } from './themes.mjs';

// VS Code's chart colours per kind of theme (the workbench's registered defaults), which the
// request page's theme subset does not include.
const CHART_VARS = {
  light: { 'charts-foreground': '#616161', 'charts-lines': 'rgba(97, 97, 97, 0.5)', 'charts-red': '#e51400', 'charts-blue': '#1a85ff', 'charts-yellow': '#bf8803', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90' },
  dark: { 'charts-foreground': '#cccccc', 'charts-lines': 'rgba(204, 204, 204, 0.5)', 'charts-red': '#f14c4c', 'charts-blue': '#3794ff', 'charts-yellow': '#cca700', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7' },
  hc: { 'charts-foreground': '#ffffff', 'charts-lines': 'rgba(255, 255, 255, 0.5)', 'charts-red': '#f14c4c', 'charts-blue': '#3794ff', 'charts-yellow': '#cca700', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7' },
};

function chartCss() {
  return Object.entries(CHART_VARS)
    .map(([name, vars]) => `html[data-theme="${name}"] {\n${Object.entries(vars).map(([k, v]) => `  --vscode-${k}: ${v};`).join('\n')}\n}`)
    .join('\n');
}

/** Bundles the page into `outdir` (result.js and result.css); returns the script's size in bytes. */
export async function buildResultBundle(outdir, { production = false } = {}) {
  await esbuild.build({
    bundle: true,
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    legalComments: 'none',
    charset: 'utf8',
    entryPoints: { result: path.join(repoRoot, 'src/pages/result/main.ts') },
    outdir,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    absWorkingDir: repoRoot,
    metafile: true,
  });
  return { bytes: fs.statSync(path.join(outdir, 'result.js')).size };
}

const FAKE_HOST = `
(() => {
  'use strict';
  // Stands in for VS Code: acquireVsCodeApi() once per page, state kept in sessionStorage, and
  // every posted message structured-cloned and handed to the test; 'ready' is answered with init.
  const config = JSON.parse(document.getElementById('fake-host-config').textContent);
  const key = 'fake-vscode-state:' + location.pathname;
  document.addEventListener('securitypolicyviolation', (e) => {
    const report = 'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '');
    if (window.__hostProblem) window.__hostProblem(report);
  });
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage(message) {
        const copy = structuredClone(message);
        if (window.__toHost) window.__toHost(copy);
        if (copy && copy.type === 'ready' && config.init) {
          window.__readyAt = performance.now();
          setTimeout(() => window.postMessage({ type: 'init', data: config.init }, '*'));
        }
      },
      getState() {
        const s = sessionStorage.getItem(key);
        return s === null ? undefined : JSON.parse(s);
      },
      setState(state) {
        sessionStorage.setItem(key, JSON.stringify(state));
        if (window.__stateSaved) window.__stateSaved(state);
        return state;
      },
    });
  };
})();
`;

/** Prepares a folder with everything the page loads. */
export async function prepareResultPage(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'result-preview-'))) {
  const { bytes } = await buildResultBundle(dir);
  fs.copyFileSync(path.join(repoRoot, 'media/result.css'), path.join(dir, 'page.css'));
  fs.mkdirSync(path.join(dir, 'codicons'), { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(repoRoot, 'node_modules/@vscode/codicons/dist', f), path.join(dir, 'codicons', f));
  }
  fs.writeFileSync(path.join(dir, 'theme.css'), `${themeCss()}\n${chartCss()}\n`);
  fs.writeFileSync(path.join(dir, 'fakeHost.js'), FAKE_HOST);
  fs.writeFileSync(path.join(dir, 'blank.js'), '');
  return { dir, bundleBytes: bytes };
}

function escapeAttr(s) {
  return String(s).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page as the host renders it (same CSP as resultHtml.ts), plus the theme and the fake host. */
export function resultPageHtml({ origin, theme = 'dark', init, script = 'result.js' }) {
  const nonce = randomBytes(16).toString('base64');
  const t = THEMES[theme];
  if (!t) throw new Error(`unknown theme ${theme}; use one of ${Object.keys(THEMES).join(', ')}`);
  const csp = ["default-src 'none'", "base-uri 'none'", "form-action 'none'", `style-src ${origin} 'nonce-${nonce}'`, `font-src ${origin}`, `img-src ${origin} data:`, `script-src 'nonce-${nonce}'`].join('; ');
  const config = JSON.stringify({ init: init ?? null }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en" data-theme="${theme}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${origin}/theme.css">
<link rel="stylesheet" id="vscode-codicon-stylesheet" nonce="${nonce}" href="${origin}/codicons/codicon.css">
<link rel="stylesheet" nonce="${nonce}" href="${origin}/result.css">
<link rel="stylesheet" nonce="${nonce}" href="${origin}/page.css">
<title>result preview</title>
</head>
<body class="${t.kind}" data-vscode-theme-kind="${t.kind}" data-vscode-theme-name="${escapeAttr(t.label)}">
<div id="app"></div>
<script type="application/json" id="fake-host-config">${config}</script>
<script nonce="${nonce}" src="${origin}/fakeHost.js"></script>
<script nonce="${nonce}" src="${origin}/${script}"></script>
</body>
</html>`;
}

/** A browser and a server with the result page prepared, for opening panels. */
export class ResultHarness {
  static async start() {
    const browser = await launchChromium();
    const { dir, bundleBytes } = await prepareResultPage();
    const server = await startServer(dir);
    return new ResultHarness(browser, server, dir, bundleBytes);
  }

  constructor(browser, server, dir, bundleBytes) {
    this.browser = browser;
    this.server = server;
    this.dir = dir;
    this.bundleBytes = bundleBytes;
  }

  /**
   * Opens a page with its own context, answered with `init` when it says `ready`. `script:
   * 'blank.js'` loads the same page without the bundle (a baseline for benchmarks).
   */
  async open({ init, theme = 'dark', width = 1000, height = 800, script = 'result.js', waitFor = '.page-header' } = {}) {
    const context = await this.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const panel = new Panel(page);
    await page.exposeBinding('__toHost', (_source, message) => panel.receive(message));
    await page.exposeBinding('__hostProblem', (_source, report) => panel.problems.push(report));
    await page.exposeBinding('__stateSaved', (_source, state) => {
      panel.state = state;
    });
    page.on('console', (m) => {
      if (m.type() === 'error') panel.problems.push(`console error: ${m.text()}`);
      else if (m.type() === 'warning') panel.warnings.push(m.text());
    });
    page.on('pageerror', (e) => panel.problems.push(`uncaught: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) panel.problems.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    await page.goto(this.server.addPage(resultPageHtml({ origin: this.server.origin, theme, init, script })));
    if (init && waitFor) await page.waitForSelector(waitFor);
    panel.close = () => context.close();
    return panel;
  }

  async close() {
    await this.browser.close();
    await this.server.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

async function main() {
  const outDir = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!outDir) {
    console.error('usage: node scripts/webview/resultPreview.mjs <screenshot folder>');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const { tsImport } = await import('tsx/esm/api');
  const { previewScenarios } = await tsImport(pathToFileURL(path.join(repoRoot, 'test/webview/fixtures/resultAnswers.ts')).href, import.meta.url);
  const harness = await ResultHarness.start();
  let failed = false;
  try {
    for (const shot of previewScenarios()) {
      for (const theme of shot.themes) {
        const panel = await harness.open({ init: shot.init, theme, width: shot.width ?? 1100, height: shot.height ?? 820 });
        await panel.page.waitForSelector(shot.waitFor);
        await panel.page.waitForTimeout(150);
        const file = path.join(outDir, `${shot.name}-${theme}.png`);
        await panel.page.screenshot({ path: file, fullPage: false });
        console.log(file);
        for (const p of panel.problems) {
          failed = true;
          console.error(`  problem: ${p}`);
        }
        await panel.close();
      }
    }
  } finally {
    await harness.close();
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
