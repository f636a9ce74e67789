// Preview and test harness for the request form page (src/pages/request).
//
// It bundles the page with the same esbuild options as esbuild.mjs's webview entry (into a
// temporary folder; dist/ is left alone), serves it on 127.0.0.1 inside an HTML page with the
// host's Content-Security-Policy and structure, stands in for VS Code with a fake
// `acquireVsCodeApi`, and drives Debian's Chromium through playwright-core.
//
//   node scripts/webview/preview.mjs /tmp/webview-shots        screenshots of every theme
//   node scripts/webview/preview.mjs /tmp/webview-shots --size also reports the minified size
//   node scripts/webview/preview.mjs /tmp/webview-shots --slices also writes viewport-sized pieces
//   node scripts/webview/preview.mjs /tmp/webview-shots --zh     the page in Chinese (needs a CJK font, e.g. Debian's fonts-wqy-microhei)
//
// test/webview/page.test.ts imports the same functions.
import * as esbuild from 'esbuild';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { THEMES, themeCss } from './themes.mjs';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where Debian installs Chromium; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for a quiet headless Chromium that works as root in a container. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The webview entry of esbuild.mjs, with the output redirected. */
function bundleOptions(outdir, production) {
  return {
    bundle: true,
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    legalComments: 'none',
    entryPoints: { webview: path.join(repoRoot, 'src/pages/request/main.ts') },
    outdir,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    absWorkingDir: repoRoot,
  };
}

/** Bundles the page into `outdir`; returns the script's path and size in bytes. */
export async function buildBundle(outdir, { production = false } = {}) {
  await esbuild.build(bundleOptions(outdir, production));
  const file = path.join(outdir, 'webview.js');
  return { file, bytes: fs.statSync(file).size };
}

const FAKE_HOST = `
(() => {
  'use strict';
  // Stands in for VS Code: acquireVsCodeApi() once per page, state kept in sessionStorage so a
  // reload restores it like a webview, messages structured-cloned and handed to the test.
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

/**
 * Prepares a folder with everything the page loads: the bundle, request.css, the codicons, the
 * theme stylesheet and the fake host. Returns the folder and the bundle's size.
 */
export async function preparePage(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webview-preview-'))) {
  const bundle = await buildBundle(dir);
  fs.copyFileSync(path.join(repoRoot, 'media/request.css'), path.join(dir, 'request.css'));
  fs.mkdirSync(path.join(dir, 'codicons'), { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(repoRoot, 'node_modules/@vscode/codicons/dist', f), path.join(dir, 'codicons', f));
  }
  fs.writeFileSync(path.join(dir, 'theme.css'), themeCss());
  fs.writeFileSync(path.join(dir, 'fakeHost.js'), FAKE_HOST);
  return { dir, bundleBytes: bundle.bytes };
}

function escapeAttr(s) {
  return String(s).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The page as the host renders it (same CSP, same links, `#app`, one nonce'd bundle), plus the
 * harness's theme stylesheet and fake host before the bundle.
 */
export function pageHtml({ origin, theme = 'dark', init, lang = 'en' }) {
  const nonce = randomBytes(16).toString('base64');
  const t = THEMES[theme];
  if (!t) {
    throw new Error(`unknown theme ${theme}; use one of ${Object.keys(THEMES).join(', ')}`);
  }
  const csp = [
    "default-src 'none'",
    `style-src ${origin} 'nonce-${nonce}'`,
    `font-src ${origin}`,
    `img-src ${origin} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  // JSON inside a script element must not contain "</script>"; escaping "<" rules that out.
  const config = JSON.stringify({ init: init ?? null }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(lang)}" data-theme="${theme}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${origin}/theme.css">
<link rel="stylesheet" id="vscode-codicon-stylesheet" nonce="${nonce}" href="${origin}/codicons/codicon.css">
<link rel="stylesheet" nonce="${nonce}" href="${origin}/request.css">
<title>preview</title>
</head>
<body class="${t.kind}" data-vscode-theme-kind="${t.kind}" data-vscode-theme-name="${escapeAttr(t.label)}">
<div id="app"></div>
<script type="application/json" id="fake-host-config">${config}</script>
<script nonce="${nonce}" src="${origin}/fakeHost.js"></script>
<script nonce="${nonce}" src="${origin}/webview.js"></script>
</body>
</html>`;
}

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json', '.html': 'text/html' };

/** Serves the prepared folder, plus pages registered with `addPage`, on 127.0.0.1. */
export async function startServer(dir) {
  const pages = new Map();
  let counter = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const page = pages.get(url.pathname);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    /** Registers a page and returns its address. */
    addPage(html) {
      const p = `/panel-${++counter}.html`;
      pages.set(p, html);
      return `${origin}${p}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/** Message shown when Chromium is missing: how to install it. */
export const missingChromiumMessage = `Chromium was not found at ${chromiumPath}. Install it (with the rest of the offline VS Code test setup) by running: bash ../shared/vscode-test/offline-vscode.sh`;

/** Launches headless Chromium, or fails with instructions when it is not installed. */
export async function launchChromium() {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(missingChromiumMessage);
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** One open request panel: the page, what it posted, and what went wrong in it. */
export class Panel {
  constructor(page) {
    this.page = page;
    /** Messages the page posted, in order. */
    this.messages = [];
    /** Console errors, uncaught exceptions and CSP violations. */
    this.problems = [];
    /** Console warnings (reported, not failures by themselves). */
    this.warnings = [];
    /** The last state the page saved with setState. */
    this.state = undefined;
    this.waiters = [];
  }

  /** Called by the page's fake host for each posted message. */
  receive(message) {
    this.messages.push(message);
    for (const w of [...this.waiters]) {
      if (w.from <= this.messages.length - 1 && w.predicate(message)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        w.resolve(message);
      }
    }
  }

  /**
   * Resolves with the first message (at index `from` or later) that satisfies `predicate`;
   * rejects with `label` and the messages seen when none arrives within `timeoutMs`.
   */
  waitForMessage(predicate, { from = 0, timeoutMs = 5000, label = 'message' } = {}) {
    const found = this.messages.slice(from).find(predicate);
    if (found) {
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const waiter = { predicate, from, resolve, timer: undefined };
      waiter.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no ${label} arrived; posted so far: ${JSON.stringify(this.messages.map((m) => m.type))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Posts a message from the "host" to the page, as VS Code's postMessage does. */
  async send(message) {
    await this.page.evaluate((m) => window.postMessage(m, '*'), message);
  }

  /** The posted messages of one type. */
  ofType(type) {
    return this.messages.filter((m) => m.type === type);
  }
}

/** A browser and a server with the page prepared, for opening panels. */
export class Harness {
  static async start() {
    const browser = await launchChromium();
    const { dir, bundleBytes } = await preparePage();
    const server = await startServer(dir);
    return new Harness(browser, server, dir, bundleBytes);
  }

  constructor(browser, server, dir, bundleBytes) {
    this.browser = browser;
    this.server = server;
    this.dir = dir;
    this.bundleBytes = bundleBytes;
  }

  /** Opens a page with its own context (fresh state), answered with `init` when it says `ready`. */
  async open({ init, theme = 'dark', width = 1000, height = 900, waitForRender = true } = {}) {
    const context = await this.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const panel = new Panel(page);
    await page.exposeBinding('__toHost', (_source, message) => panel.receive(message));
    await page.exposeBinding('__hostProblem', (_source, report) => panel.problems.push(report));
    await page.exposeBinding('__stateSaved', (_source, state) => {
      panel.state = state;
    });
    page.on('console', (m) => {
      if (m.type() === 'error') {
        panel.problems.push(`console error: ${m.text()}`);
      } else if (m.type() === 'warning') {
        panel.warnings.push(m.text());
      }
    });
    page.on('pageerror', (e) => panel.problems.push(`uncaught: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) {
        panel.problems.push(`HTTP ${r.status()} for ${r.url()}`);
      }
    });
    const url = this.server.addPage(pageHtml({ origin: this.server.origin, theme, init }));
    await page.goto(url);
    if (init && waitForRender) {
      await page.waitForSelector('.action-name');
    }
    panel.close = () => context.close();
    return panel;
  }

  async close() {
    await this.browser.close();
    await this.server.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Issues and a result the preview shows, so the screenshots include those parts of the page. */
function previewScenario(paramsText) {
  return {
    validation: {
      type: 'validation',
      paramsText,
      issues: [
        { path: 'RecordParams.RecordMode', code: 'missing', message: 'Required parameter RecordParams.RecordMode is missing.' },
        { path: 'MixLayoutParams.MixLayoutList[1].Width', code: 'range', message: 'MixLayoutParams.MixLayoutList[1].Width should be at most 1920.' },
        { path: 'RoomIdTyp', code: 'unknown', message: 'Unknown parameter RoomIdTyp.', suggestion: 'RoomIdType' },
      ],
    },
    result: {
      type: 'result',
      summary: {
        outcome: 'api-error',
        httpStatus: 200,
        latencyMs: 182,
        requestId: '6f1c2a34-9b7e-4d52-8c1a-0e3f5d7b9a21',
        errorCode: 'AuthFailure.SignatureFailure',
        message: 'The request signature does not match.',
        explanation: 'The signature the server computed differs from the one sent.',
        nextStep: 'Compare the signature steps with your own implementation, and check the SecretKey.',
        signatureRelated: true,
        sandbox: false,
      },
    },
  };
}

async function main() {
  const args = process.argv.slice(2);
  const outDir = args.find((a) => !a.startsWith('--'));
  if (!outDir) {
    console.error('usage: node scripts/webview/preview.mjs <screenshot folder> [--size] [--slices] [--zh]');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const { tsImport } = await import('tsx/esm/api');
  const { previewInit } = await tsImport(pathToFileURL(path.join(repoRoot, 'test/webview/fixtures/previewInit.ts')).href, import.meta.url);
  const zh = args.includes('--zh');
  const { init, source } = previewInit(zh ? JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) : undefined);
  const harness = await Harness.start();
  console.log(`page bundle: ${harness.bundleBytes} bytes (unminified, as esbuild.mjs builds it without --production)`);
  if (args.includes('--size')) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'webview-size-'));
    const { bytes } = await buildBundle(tmp, { production: true });
    console.log(`page bundle minified: ${bytes} bytes`);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`action: ${init.action.name} (${source})`);
  const scenario = previewScenario(init.paramsText);
  const shots = zh
    ? [
        { name: 'zh-light', theme: 'light', width: 1000 },
        { name: 'zh-dark', theme: 'dark', width: 1000 },
        { name: 'zh-narrow', theme: 'light', width: 360 },
      ]
    : [
    { name: 'light', theme: 'light', width: 1000 },
    { name: 'dark', theme: 'dark', width: 1000 },
    { name: 'hc', theme: 'hc', width: 1000 },
    { name: 'narrow', theme: 'light', width: 360 },
    { name: 'json', theme: 'dark', width: 800, json: true },
  ];
  let failed = false;
  try {
    for (const shot of shots) {
      const panel = await harness.open({ init, theme: shot.theme, width: shot.width, height: 900 });
      await panel.send(scenario.validation);
      await panel.send(scenario.result);
      if (shot.json) {
        await panel.page.click('#mode-json');
        const editor = panel.page.locator('#json-editor');
        await editor.press('Control+End');
        await editor.press('ArrowUp');
        await editor.press('End');
        await editor.type(' oops');
      }
      await panel.page.evaluate(() => window.scrollTo(0, 0));
      await panel.page.waitForTimeout(200);
      const overflow = await panel.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const file = path.join(outDir, `${shot.name}.png`);
      await panel.page.screenshot({ path: file, fullPage: true });
      console.log(`${file}${overflow > 0 ? ` (horizontal overflow: ${overflow}px)` : ''}`);
      if (args.includes('--slices')) {
        // Viewport-sized pieces of the full page, which are easier to inspect than one tall image.
        const height = await panel.page.evaluate(() => document.documentElement.scrollHeight);
        for (let i = 0, y = 0; y < height && i < 8; i++, y += 900) {
          const clip = { x: 0, y, width: shot.width, height: Math.min(900, height - y) };
          await panel.page.screenshot({ path: path.join(outDir, `${shot.name}-${i + 1}.png`), fullPage: true, clip });
        }
      }
      for (const p of panel.problems) {
        failed = true;
        console.error(`  problem: ${p}`);
      }
      for (const w of panel.warnings) {
        console.warn(`  warning: ${w}`);
      }
      await panel.close();
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
