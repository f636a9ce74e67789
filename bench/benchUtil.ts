import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Percentile of a sample (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Median of a sample. */
export function median(samples: number[]): number {
  return percentile(samples, 50);
}

/** Milliseconds with three decimals. */
export function ms(n: number): string {
  return `${n.toFixed(3)} ms`;
}

/** Runs `fn` `n` times and returns the duration of each run in milliseconds. */
export async function timeEach(n: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** A stand-in server in its own process, so its work does not share the client's event loop. */
export async function startServerProcess(secretId: string, secretKey: string, options: { delayMs?: number } = {}): Promise<{ url: string; stop: () => void; child: ChildProcess }> {
  const root = path.resolve(__dirname, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/fixtures/standInServer.ts'), '--port', '0', '--secret-id', secretId, '--secret-key', secretKey, ...(options.delayMs ? ['--delay-ms', String(options.delayMs)] : [])], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /^(http:\/\/\S+)$/m.exec(buf);
      if (m) {
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`stand-in server exited with ${code}`)));
  });
  return { url, child, stop: () => child.kill('SIGTERM') };
}
