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

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * The stream, with a handler for a reader that stops early (`trtc-explorer list | head`): it closes
 * the pipe, what is left to print has nobody to read it, so the run ends quietly instead of failing
 * on EPIPE. Each stream is set up on its first write, so a run that prints nothing to stderr never
 * creates it.
 */
function output(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return stream;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: (t) => void output(process.stdout).write(t),
    stderr: (t) => void output(process.stderr).write(t),
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
