import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { CliIo } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { CLI } from '../../../src/cli/program';

/** The keys the stand-in server knows in CLI tests. */
export const TEST_ID = 'AKIDEXAMPLE0000000000000000000000000';
export const TEST_KEY = 'cliTestSecretKey0000000000000000';

/** What one in-process run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, a private home folder and the given environment. */
export async function cli(argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string; home?: string; cwd?: string; now?: () => number } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const home = options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cli-home-'));
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => options.stdin ?? '',
    env: options.env ?? { TENCENTCLOUD_SECRET_ID: TEST_ID, TENCENTCLOUD_SECRET_KEY: TEST_KEY },
    cwd: options.cwd ?? home,
    home,
    now: options.now ?? Date.now,
    isTty: false,
  };
  const code = await runCli(argv, io, CLI);
  return { code, stdout, stderr };
}
