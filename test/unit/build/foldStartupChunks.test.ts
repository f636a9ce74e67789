import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

// scripts/build/startupChunks.mjs on a small split build made here: an entry that imports shared
// modules (one with state) and loads a feature with import(); what is checked is what a real Node
// process loads and whether the feature sees the entry's module instances.

const root = path.resolve(__dirname, '../../..');

interface Meta {
  outputs: Record<string, { bytes: number; imports: Array<{ path: string; kind: string; external?: boolean }>; exports: string[] }>;
}

function fixture(): { src: string; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fold-startup-'));
  const src = path.join(dir, 'src');
  fs.mkdirSync(src);
  const files: Record<string, string> = {
    // State the entry sets and the feature reads: folded or not, there must be one copy.
    'state.ts': 'export const state = { configured: "" };\nexport let evaluations = 0;\nevaluations++;\n',
    'log.ts': 'import { state } from "./state";\nexport class Log { lines: string[] = []; write(t: string) { this.lines.push(`${state.configured}: ${t}`); } }\n',
    'ids.ts': 'export const ID = "fixture.id";\n',
    'feature.ts':
      'import { Log } from "./log";\nimport { ID } from "./ids";\nimport * as stateModule from "./state";\nexport function useFeature(log: unknown) { return { same: log instanceof Log, id: ID, configured: stateModule.state.configured, evaluations: stateModule.evaluations }; }\n',
    'entry.ts':
      'import { state } from "./state";\nimport { Log } from "./log";\nimport { ID } from "./ids";\nstate.configured = "set by the entry";\nexport const log = new Log();\nexport const id = ID;\nexport async function feature() { return (await import("./feature")).useFeature(log); }\nexport default "the entry";\n',
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(src, name), text);
  return { src, out: path.join(dir, 'dist') };
}

async function buildAndFold(src: string, out: string, fold: boolean): Promise<Meta> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { entry: path.join(src, 'entry.ts') },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
  });
  if (!fold) return result.metafile as Meta;
  const { foldStartupChunks } = (await import(pathToFileURL(path.join(root, 'scripts/build/startupChunks.mjs')).href)) as {
    foldStartupChunks: (m: unknown, entry: string, o: object) => Promise<Meta>;
  };
  return foldStartupChunks(result.metafile, path.join(out, 'entry.mjs'), { target: 'node20', minify: false, sourcemap: false });
}

/** Runs the built entry in a fresh Node, loading the feature, with every file the loader loads logged. */
function run(out: string): { loadedAtStart: string[]; loadedInAll: string[]; feature: Record<string, unknown> } {
  const hooks = path.join(out, '..', 'hooks.mjs');
  fs.writeFileSync(hooks, 'import fs from "node:fs";\nexport async function load(url, context, next) { if (url.startsWith("file:")) fs.appendFileSync(process.env.LOG, url + "\\n"); return next(url, context); }\n');
  const register = path.join(out, '..', 'register.mjs');
  fs.writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const log = path.join(out, '..', `loaded-${Date.now()}-${Math.random()}.txt`);
  const script = `const m = await import(${JSON.stringify(pathToFileURL(path.join(out, 'entry.mjs')).href)});
const fs = await import('node:fs');
const atStart = fs.readFileSync(process.env.LOG, 'utf8');
const f = await m.feature();
console.log(JSON.stringify({ atStart, f, id: m.id, def: m.default }));`;
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, LOG: log } });
  assert.equal(r.status, 0, r.stderr);
  const printed = JSON.parse(r.stdout) as { atStart: string; f: Record<string, unknown>; id: string; def: string };
  const rel = (text: string) => text.split('\n').filter((l) => l.startsWith('file:') && !l.includes('/register.mjs')).map((u) => path.relative(out, new URL(u).pathname).split(path.sep).join('/'));
  return { loadedAtStart: rel(printed.atStart), loadedInAll: rel(fs.readFileSync(log, 'utf8')), feature: { ...printed.f, entryId: printed.id, entryDefault: printed.def } };
}

test('without folding, the entry loads its shared chunks before it runs (the check can fail)', async () => {
  const { src, out } = fixture();
  await buildAndFold(src, out, false);
  const r = run(out);
  assert.ok(r.loadedAtStart.length > 1, r.loadedAtStart.join(', '));
});

test('folded, the entry loads one file, and a feature loaded later shares its module instances', async () => {
  const { src, out } = fixture();
  const meta = await buildAndFold(src, out, true);
  const r = run(out);
  assert.deepEqual(r.loadedAtStart, ['entry.mjs']);
  assert.ok(r.loadedInAll.some((f) => f.startsWith('chunks/feature-')), r.loadedInAll.join(', '));
  // The feature's Log is the entry's class, its state the one the entry set, evaluated once.
  assert.deepEqual(r.feature, { same: true, id: 'fixture.id', configured: 'set by the entry', evaluations: 1, entryId: 'fixture.id', entryDefault: 'the entry' });
  // The metafile describes what is on disk: the entry imports no chunk statically any more, and
  // every chunk it held is a stub that imports the entry.
  const entryKey = Object.keys(meta.outputs).find((k) => k.endsWith('/entry.mjs'))!;
  assert.deepEqual(
    meta.outputs[entryKey]!.imports.filter((i) => i.kind === 'import-statement' && !i.external),
    [],
  );
  assert.equal(meta.outputs[entryKey]!.bytes, fs.statSync(path.join(out, 'entry.mjs')).size);
  const stubs = Object.entries(meta.outputs).filter(([, o]) => o.imports.some((i) => i.path === entryKey));
  assert.ok(stubs.length > 0);
  for (const [key, o] of stubs) {
    assert.match(fs.readFileSync(path.resolve(key), 'utf8'), /^export \{ .* \} from "\.\.\/entry\.mjs";\n$/);
    assert.equal(o.bytes, fs.statSync(path.resolve(key)).size);
  }
});
