import os from 'node:os';

/** What a command-line run reads and writes, injectable so tests run the CLI in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `@-` and `-` arguments). */
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  home: string;
  /** Epoch milliseconds. */
  now: () => number;
  /** True when stdout is a terminal, for human-oriented formatting. */
  isTty: boolean;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) {
        chunks.push(c as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    cwd: process.cwd(),
    home: os.homedir(),
    now: Date.now,
    isTty: process.stdout.isTTY === true,
  };
}
