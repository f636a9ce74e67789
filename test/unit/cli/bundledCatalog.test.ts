import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const repoRoot = path.resolve(__dirname, '../../..');
const dist = path.join(repoRoot, 'dist');

/** The installed command (the CommonJS front door) and the whole ES module command line behind it. */
const ENTRIES = ['cli.cjs', 'cli.mjs'];

/** A copy of the built command line (entries, chunks, catalog and its index) in a fresh folder, as an installed package has it. */
function installedCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bundle-'));
  for (const file of ENTRIES) fs.copyFileSync(path.join(dist, file), path.join(dir, file));
  if (fs.existsSync(path.join(dist, 'cli-chunks'))) fs.cpSync(path.join(dist, 'cli-chunks'), path.join(dir, 'cli-chunks'), { recursive: true });
  for (const file of ['catalog.json', 'catalog-index.json']) fs.copyFileSync(path.join(dist, file), path.join(dir, file));
  return dir;
}

test('the build puts the generated catalog and its index beside the bundles, byte for byte', () => {
  for (const file of ['catalog.json', 'catalog-index.json']) {
    assert.deepEqual(fs.readFileSync(path.join(dist, file)), fs.readFileSync(path.join(repoRoot, 'generated', file)), file);
  }
});

for (const entry of ENTRIES) {
  test(`${entry}: the built \`list\` reads only the index: it lists every action with catalog.json gone`, () => {
    const dir = installedCopy();
    const full = spawnSync(process.execPath, [path.join(dir, entry), 'list'], { cwd: os.tmpdir(), encoding: 'utf8' });
    fs.rmSync(path.join(dir, 'catalog.json'));
    const r = spawnSync(process.execPath, [path.join(dir, entry), 'list'], { cwd: os.tmpdir(), encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, full.stdout);
    assert.match(r.stdout, /^ {2}DismissRoom +Remove every user/m);
  });

  test(`${entry}: without its catalog-index.json the built \`list\` fails with exit 2 and names the missing file`, () => {
    const dir = installedCopy();
    fs.rmSync(path.join(dir, 'catalog-index.json'));
    const r = spawnSync(process.execPath, [path.join(dir, entry), 'list'], { cwd: os.tmpdir(), encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(`${path.join(dir, 'catalog-index.json')} does not exist`), r.stderr);
  });

  test(`${entry}: the built command line reads the catalog.json beside it, wherever it is installed`, () => {
    const dir = installedCopy();
    // Run from another folder, so nothing is found relative to the working directory.
    const r = spawnSync(process.execPath, [path.join(dir, entry), 'describe', 'DismissRoom'], { cwd: os.tmpdir(), encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^DismissRoom — /);
  });

  test(`${entry}: without its catalog.json the built command line fails with exit 2 and names the missing file`, () => {
    const dir = installedCopy();
    fs.rmSync(path.join(dir, 'catalog.json'));
    const r = spawnSync(process.execPath, [path.join(dir, entry), 'describe', 'DismissRoom'], { cwd: os.tmpdir(), encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(`${path.join(dir, 'catalog.json')} does not exist`), r.stderr);
  });

  test(`${entry}: a damaged catalog.json is refused with its path, not a stack trace`, () => {
    const dir = installedCopy();
    fs.writeFileSync(path.join(dir, 'catalog.json'), '{"actions": [');
    const r = spawnSync(process.execPath, [path.join(dir, entry), 'describe', 'DismissRoom'], { cwd: os.tmpdir(), encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(`${path.join(dir, 'catalog.json')} is not valid JSON`), r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
}

test('the installed front door hands other commands to the ES module command line beside it', () => {
  const dir = installedCopy();
  const r = spawnSync(process.execPath, [path.join(dir, 'cli.cjs'), 'explain', 'AuthFailure.SignatureFailure'], { cwd: os.tmpdir(), encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /SignatureFailure/);
  fs.rmSync(path.join(dir, 'cli.mjs'));
  const gone = spawnSync(process.execPath, [path.join(dir, 'cli.cjs'), 'explain', 'AuthFailure.SignatureFailure'], { cwd: os.tmpdir(), encoding: 'utf8' });
  assert.equal(gone.status, 70);
  assert.match(gone.stderr, /^Error: the command line beside .*cli\.cjs could not be loaded; reinstall or rebuild it/);
});
