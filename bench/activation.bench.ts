import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from './benchUtil';

const root = path.resolve(__dirname, '..');

/** The offline VS Code of ../shared/vscode-test (installed when missing), or `VSCODE_EXECUTABLE`. */
function editorExecutable(): string {
  if (process.env.VSCODE_EXECUTABLE) {
    return process.env.VSCODE_EXECUTABLE;
  }
  const recipe = path.resolve(root, '../shared/vscode-test/offline-vscode.sh');
  const r = spawnSync('bash', [recipe], { stdio: 'ignore' });
  if (r.status !== 0) {
    throw new Error(`${recipe} failed with exit ${r.status}`);
  }
  return path.join(process.env.VSCODE_OFFLINE_PREFIX || path.join(os.homedir(), '.cache/offline-vscode'), 'runner/bin/code');
}

/** The bytes an ES module entry loads before its code runs: itself and every chunk it imports statically, transitively. */
export function bytesLoadedAtStart(metafile: { outputs: Record<string, { bytes: number; entryPoint?: string; imports: Array<{ path: string; kind: string }> }> }, entry: string): number {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of metafile.outputs[file]?.imports ?? []) {
      if (i.kind === 'import-statement' && metafile.outputs[i.path]) visit(i.path);
    }
  };
  const start = Object.keys(metafile.outputs).find((f) => f.endsWith(entry));
  if (!start) throw new Error(`no output ${entry} in the metafile`);
  visit(start);
  return [...seen].reduce((n, f) => n + metafile.outputs[f]!.bytes, 0);
}

/** A copy of the extension with a production build, as a user installs it. */
function productionCopy(dir: string): string {
  const ext = path.join(dir, 'trtc');
  fs.mkdirSync(ext, { recursive: true });
  for (const f of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json']) fs.copyFileSync(path.join(root, f), path.join(ext, f));
  for (const d of ['l10n', 'media', 'schemas']) fs.cpSync(path.join(root, d), path.join(ext, d), { recursive: true });
  const r = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production', '--outdir', path.join(ext, 'dist')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`production build failed: ${r.stderr}`);
  return ext;
}

/** The smallest useful extension: one command, registered at activation. */
function minimalExtension(dir: string): string {
  const ext = path.join(dir, 'minimal');
  fs.mkdirSync(path.join(ext, 'dist'), { recursive: true });
  fs.writeFileSync(
    path.join(ext, 'package.json'),
    JSON.stringify({ name: 'minimal', publisher: 'bench', version: '0.0.1', engines: { vscode: '^1.100.0' }, main: './dist/extension.mjs', contributes: { commands: [{ command: 'minimal.hello', title: 'Hello' }] } }),
  );
  fs.writeFileSync(
    path.join(ext, 'dist/extension.mjs'),
    "import * as vscode from 'vscode';\nexport function activate(context) {\n  context.subscriptions.push(vscode.commands.registerCommand('minimal.hello', () => 'hello'));\n}\n",
  );
  return ext;
}

/** The test script the editor runs: activates the extension under test and prints how long it took. */
function probe(dir: string): string {
  const file = path.join(dir, 'probe.cjs');
  fs.writeFileSync(
    file,
    `const vscode = require('vscode');
exports.run = async () => {
  const ext = vscode.extensions.getExtension(process.env.BENCH_EXTENSION);
  if (!ext) throw new Error('missing ' + process.env.BENCH_EXTENSION);
  if (ext.isActive) throw new Error(process.env.BENCH_EXTENSION + ' was already active');
  const t = performance.now();
  await ext.activate();
  console.log('ACTIVATION ' + JSON.stringify({ ms: performance.now() - t }));
};
`,
  );
  return file;
}

/**
 * Activation in the real extension host: the time `activate()` of a production build takes from
 * the first call (module loading included) against a minimal extension activated in the same editor
 * session, alternating which goes first; and the bytes the extension loads at activation.
 */
export async function runActivationBench(runs = 5): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-bench-'));
  try {
    const ours = productionCopy(dir);
    const minimal = minimalExtension(dir);
    const script = probe(dir);
    const workspace = fs.mkdtempSync(path.join(dir, 'ws-'));
    const code = editorExecutable();
    // One editor session per sample (an editor loads one development extension at a time),
    // alternating between the two so both see the same machine.
    const activate = (extensionPath: string, id: string): number => {
      const userData = fs.mkdtempSync(path.join(dir, 'user-'));
      const r = spawnSync(code, [`--extensionDevelopmentPath=${extensionPath}`, `--extensionTestsPath=${script}`, `--user-data-dir=${userData}`, '--disable-extensions', workspace], {
        encoding: 'utf8',
        env: { ...process.env, BENCH_EXTENSION: id },
        timeout: 180_000,
      });
      const output = `${r.stdout}\n${r.stderr}`;
      const line = output.split('\n').find((l) => l.includes('ACTIVATION {'));
      if (!line) throw new Error(`the editor printed no activation time for ${id} (exit ${r.status}): ${output.split('\n').filter((l) => /error|fail/i.test(l)).slice(-10).join('\n')}`);
      return (JSON.parse(line.slice(line.indexOf('{'))) as { ms: number }).ms;
    };
    const oursMs: number[] = [];
    const minimalMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      oursMs.push(activate(ours, 'trtc-api-explorer.trtc-api-explorer'));
      minimalMs.push(activate(minimal, 'bench.minimal'));
    }
    const meta = JSON.parse(fs.readFileSync(path.join(ours, 'dist/meta.extension.json'), 'utf8'));
    const loaded = bytesLoadedAtStart(meta, 'extension.mjs');
    const all = Object.entries(meta.outputs as Record<string, { bytes: number }>)
      .filter(([f]) => f.endsWith('.mjs'))
      .reduce((n, [, o]) => n + o.bytes, 0);
    const a = median(oursMs);
    const b = median(minimalMs);
    return {
      'runs (one editor session per sample, alternating)': runs,
      'activate(): this extension, median': `${a.toFixed(1)} ms`,
      'activate(): minimal extension, median (baseline)': `${b.toFixed(1)} ms`,
      'ratio (target at most 2×)': `${(a / b).toFixed(2)}×`,
      'production code loaded at activation (target at most 300 KB)': `${(loaded / 1024).toFixed(0)} KB`,
      'production code in all extension chunks': `${(all / 1024).toFixed(0)} KB`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
