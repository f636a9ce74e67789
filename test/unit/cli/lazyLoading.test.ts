import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Which code the built command line loads for each command, seen by a module loader hook in a real
// process running the installed command (package.json "bin", dist/cli.cjs; no timing): every file
// Node loads is logged, and esbuild's metafile (dist/meta.cli.json, written by esbuild.mjs, which
// `npm test` runs first) says which sources each output file holds.

const root = path.resolve(__dirname, '../../..');
const dist = path.join(root, 'dist');
const bin = path.join(root, (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['trtc-explorer']!);

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** Sources that must not load for the commands that only print help or read the catalog. */
const HEAVY: Array<[string, RegExp]> = [
  ['undici (the HTTP client)', /node_modules\/undici\//],
  ['zod', /node_modules\/zod\//],
  ['the signer', /^src\/core\/signing\//],
  ['the HTTP layer', /^src\/core\/http\/httpClient\.ts$/],
];

function hookFiles(): { register: string; log: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-load-'));
  const hooks = path.join(dir, 'hooks.mjs');
  fs.writeFileSync(
    hooks,
    `import fs from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) fs.appendFileSync(process.env.CLI_LOAD_LOG, url + '\\n');
  return next(url, context);
}
`,
  );
  const register = path.join(dir, 'register.mjs');
  fs.writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  return { register, log: path.join(dir, 'loaded.txt') };
}

/** The sources (as esbuild names them, relative to the repository) that one run of the CLI loaded. */
function sourcesLoadedBy(args: string[]): { status: number | null; files: string[]; sources: string[] } {
  const meta = JSON.parse(fs.readFileSync(path.join(dist, 'meta.cli.json'), 'utf8')) as Metafile;
  const { register, log } = hookFiles();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-load-home-'));
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, bin, ...args], {
    cwd: home,
    env: { PATH: process.env.PATH ?? '', HOME: home, CLI_LOAD_LOG: log },
    encoding: 'utf8',
  });
  const loaded = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((l) => l !== '') : [];
  const files = loaded.map((u) => path.relative(root, fileURLToPath(u)).split(path.sep).join('/')).filter((f) => f.startsWith('dist/'));
  const sources = files.flatMap((f) => {
    const out = meta.outputs[f];
    assert.ok(out, `${f} is loaded but not in dist/meta.cli.json: rebuild with node esbuild.mjs`);
    return Object.keys(out.inputs);
  });
  return { status: r.status, files, sources };
}

function heavyIn(sources: string[]): string[] {
  return HEAVY.filter(([, re]) => sources.some((s) => re.test(s))).map(([name]) => name);
}

describe('the command line loads code on first use', () => {
  test('the build is there to inspect', () => {
    assert.ok(fs.existsSync(bin) && fs.existsSync(path.join(dist, 'meta.cli.json')), 'run node esbuild.mjs first (npm test does)');
  });

  test('the installed command is the CommonJS front door, dist/cli.cjs', () => {
    assert.equal(path.relative(root, bin), path.join('dist', 'cli.cjs'));
  });

  for (const args of [['--help'], ['--version'], ['list'], ['describe', 'DismissRoom'], ['skeleton', 'DescribeRoomInfo'], ['history', '--help'], ['explain', 'InvalidParameter']]) {
    test(`${args.join(' ')}: no HTTP client, zod or signer`, () => {
      const run = sourcesLoadedBy(args);
      assert.equal(run.status, 0);
      assert.deepEqual(heavyIn(run.sources), []);
    });
  }

  test('--help loads the front door alone, which holds no command but the catalog ones', () => {
    const run = sourcesLoadedBy(['--help']);
    assert.deepEqual(run.files, ['dist/cli.cjs']);
    assert.deepEqual(
      run.sources.filter((s) => s.startsWith('src/cli/commands/')).sort(),
      ['src/cli/commands/catalogCommands.ts', 'src/cli/commands/list.ts'],
    );
  });

  for (const args of [['list'], ['describe', 'DismissRoom'], ['skeleton', 'DescribeRoomInfo']]) {
    test(`${args[0]} is served by the front door without the ES module program`, () => {
      const run = sourcesLoadedBy(args);
      assert.equal(run.status, 0);
      assert.deepEqual(run.files, ['dist/cli.cjs']);
    });
  }

  test('every other command is handed to the whole command line, dist/cli.mjs', () => {
    const run = sourcesLoadedBy(['history', '--help']);
    assert.equal(run.status, 0);
    assert.deepEqual(run.files.slice(0, 2), ['dist/cli.cjs', 'dist/cli.mjs']);
    assert.ok(run.sources.includes('src/cli/commands/history.ts'), run.sources.join('\n'));
  });

  test('the check can fail: sign and call load the signer, zod and undici', () => {
    const sign = sourcesLoadedBy(['sign', 'DismissRoom', '--params', '{"SdkAppId":1400000001,"RoomId":1}', '--secret-id', 'AKIDEXAMPLE', '--secret-key', 'k']);
    assert.ok(heavyIn(sign.sources).includes('the signer'), sign.sources.join('\n'));
    const call = sourcesLoadedBy(['call', 'DismissRoom', '--sandbox', '--params', '{"SdkAppId":1400000001,"RoomId":1}']);
    assert.equal(call.status, 0);
    assert.ok(heavyIn(call.sources).includes('undici (the HTTP client)'));
    assert.ok(heavyIn(call.sources).includes('zod'));
  });
});
