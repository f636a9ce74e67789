import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributed = new Set<string>((pkg.contributes.commands as Array<{ command: string }>).map((c) => c.command));

test('every command a menu names is contributed', () => {
  const missing: string[] = [];
  for (const [menu, items] of Object.entries(pkg.contributes.menus as Record<string, Array<{ command?: string }>>)) {
    for (const item of items) {
      if (item.command && !contributed.has(item.command)) {
        missing.push(`${menu}: ${item.command}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

test('every command: link in welcome views and the walkthrough is a contributed command', () => {
  const texts = [...Object.values(nls), ...JSON.stringify(pkg.contributes.viewsWelcome).split('"')];
  const linked = texts.flatMap((t) => [...t.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]));
  assert.ok(linked.length >= 8);
  assert.deepEqual([...new Set(linked)].filter((c) => !contributed.has(c)), []);
});

test('walkthrough steps have their images and complete on real events', () => {
  const steps = pkg.contributes.walkthroughs[0].steps as Array<{ media: { image: Record<string, string> }; completionEvents: string[] }>;
  assert.ok(steps.length >= 4);
  for (const step of steps) {
    for (const image of Object.values(step.media.image)) {
      assert.ok(fs.existsSync(path.join(root, image)), image);
    }
    for (const event of step.completionEvents) {
      const command = /^onCommand:(.+)$/.exec(event)?.[1];
      if (command) {
        assert.ok(contributed.has(command), event);
      }
    }
  }
});

test('both webview panels can be restored after a reload', () => {
  const events = pkg.activationEvents as string[];
  const sources = ['src/editor/common/ids.ts'].map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
  const panelTypes = [...sources.matchAll(/'(trtcExplorer\.(?:request|signatureDebugger))'/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(panelTypes)].sort(), ['trtcExplorer.request', 'trtcExplorer.signatureDebugger']);
  for (const type of panelTypes) {
    assert.ok(events.includes(`onWebviewPanel:${type}`), type);
  }
});

test('the editor version the extension targets matches the API types it is built against', () => {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const types = lock.packages['node_modules/@types/vscode'].version as string;
  const engine = pkg.engines.vscode as string;
  assert.match(engine, /^\^1\.(\d+)\.0$/);
  const engineMinor = Number(/^\^1\.(\d+)/.exec(engine)![1]);
  assert.ok(engineMinor <= 100, 'the offline editor is VS Code 1.100');
  assert.equal(types.split('.').slice(0, 2).join('.'), `1.${engineMinor}`);
});

test('the .vsix ships every bundle esbuild.mjs builds for the extension', () => {
  const build = fs.readFileSync(path.join(root, 'esbuild.mjs'), 'utf8');
  const bundles = [...build.matchAll(/entryPoints: \{ (?:'([\w/]+)'|(\w+)): /g)].map((m) => m[1] ?? m[2]).filter((name) => !name.startsWith('test/'));
  // The command line is built twice: the ES module program and its CommonJS front door.
  assert.deepEqual(bundles.sort(), ['cli', 'cli', 'debugger', 'extension', 'result', 'webview']);
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
  // The extension and the command line are ES modules with their chunks; the pages are scripts.
  const files = { extension: ['extension.mjs'], cli: ['cli.mjs', 'cli.cjs'] } as Record<string, string[]>;
  for (const name of new Set(bundles)) {
    for (const file of files[name] ?? [`${name}.js`]) assert.ok(ignore.includes(`!dist/${file}`), `dist/${file} is packaged`);
  }
  assert.ok(ignore.includes(`!${pkg.bin['trtc-explorer']}`), 'the installed command is packaged');
  assert.ok(ignore.includes('!dist/chunks/**') && ignore.includes('!dist/cli-chunks/**'), 'their chunks are packaged');
  // The data files the entry points read on first use, named where esbuild.mjs defines them.
  const data = [...build.matchAll(/__CATALOG(?:_INDEX)?_FILE__: JSON\.stringify\('\.\/([\w.-]+)'\)/g)].map((m) => m[1]);
  assert.deepEqual(data, ['catalog.json', 'catalog-index.json']);
  for (const file of data) assert.ok(ignore.includes(`!dist/${file}`), `dist/${file}, read on first use, is packaged`);
  assert.ok(ignore.includes(`!${pkg.main.replace(/^\.\//, '')}`));
});

test('the README has no relative links, which vsce cannot resolve without a repository URL', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const relative = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]).filter((href) => !/^(https?:|#|mailto:)/.test(href));
  assert.deepEqual(relative, []);
});
