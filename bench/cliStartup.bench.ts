import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bytesLoadedAtStart } from './activation.bench';
import { median } from './benchUtil';

const root = path.resolve(__dirname, '..');

/** Wall time of one `node <args>` process, start to exit, in milliseconds. */
function spawnMs(args: string[], cwd: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'ignore', env: { PATH: process.env.PATH ?? '', HOME: cwd } });
  const elapsed = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
  return elapsed;
}

/**
 * Start-up of the production command line: `trtc-explorer --help`, `list` and `describe` against
 * a bare `node -e 0` measured in the same run, interleaved so machine load touches all alike.
 */
export async function runCliStartupBench(options: { runs?: number } = {}): Promise<Record<string, number | string>> {
  const runs = options.runs ?? 21;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bench-'));
  try {
    const out = path.join(dir, 'dist');
    const build = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production', '--outdir', out], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`production build failed: ${build.stderr}`);
    // The installed command (package.json "bin": the CommonJS front door), and for comparison the
    // whole ES module command line behind it run directly.
    const bin = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['trtc-explorer']!;
    const cli = path.join(out, path.basename(bin));
    const program = path.join(out, 'cli.mjs');
    const cases: Array<[string, string[]]> = [
      ['node -e 0 (baseline)', ['-e', '0']],
      ['trtc-explorer --help', [cli, '--help']],
      ['trtc-explorer list', [cli, 'list']],
      ['trtc-explorer describe DismissRoom', [cli, 'describe', 'DismissRoom']],
      ['trtc-explorer explain InvalidParameter (handed to cli.mjs)', [cli, 'explain', 'InvalidParameter']],
      ['node dist/cli.mjs list (no front door)', [program, 'list']],
    ];
    const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    for (const [, args] of cases) spawnMs(args, dir);
    for (let i = 0; i < runs; i++) {
      for (const [name, args] of cases) times.get(name)!.push(spawnMs(args, dir));
    }
    const base = median(times.get(cases[0]![0])!);
    const figures: Record<string, number | string> = { runs };
    for (const [name] of cases) {
      const m = median(times.get(name)!);
      figures[name] = name === cases[0]![0] ? `${m.toFixed(1)} ms (median)` : `${m.toFixed(1)} ms (median), ${(m / base).toFixed(2)}× the baseline (target: at most 1.5× for list)`;
    }
    const meta = JSON.parse(fs.readFileSync(path.join(out, 'meta.cli.json'), 'utf8')) as Parameters<typeof bytesLoadedAtStart>[0];
    figures['bytes loaded before --help runs'] = `${(bytesLoadedAtStart(meta, path.basename(bin)) / 1024).toFixed(1)} KB (whole CLI: ${(Object.values(meta.outputs).reduce((n, o) => n + (o as { bytes: number }).bytes, 0) / 1024).toFixed(0)} KB)`;
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
