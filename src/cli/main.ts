import { ApiError, ExplorerError } from '../core/errors';
import type { CliIo } from './io';

/** The tool's version, replaced at build time from package.json. */
declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

export const MAIN_USAGE = `trtc-explorer — call and debug Tencent Cloud's TRTC API (2019-07-22)

Usage: trtc-explorer <command> [options]     (trtc-explorer <command> --help for details)

Calls
  call <Action>            sign and send a call; print the Response as JSON
  sign <Action>            print every step of a call's signature without sending it
  export <Action>          print the call as curl, tccli, or Node.js/Python/Go/Java SDK code

Catalog
  list                     list the actions by category
  describe <Action>        show an action's parameters and output
  skeleton <Action>        print a parameter object to fill in
  explain <ErrorCode>      explain an API error code and what to do about it

Collections
  run <collection.json>    run saved requests and their assertions (CI friendly)
  collection export <collection.json> --format postman|curl
                           a Postman collection, or curl commands signed now
  collection import <file> --out <collection.json>
                           a collection from Postman or curl text

History
  history list|show|export the calls the editor's History view shows (filters, table, CSV, JSON)

Debugging
  debug-signature <file|-> find the first step where a failing request's signature goes wrong
  verify-callback          check the Sign header of a TRTC callback
  usersig gen|decode       generate or inspect a UserSig

Shell
  completion bash|zsh|fish print a completion script (commands, options, actions, profiles)

Credentials come from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY / TENCENTCLOUD_SESSION_TOKEN
or from tccli's profiles (~/.tccli/<profile>.credential; --profile NAME).
Exit status: 0 success, 1 API error or failed assertion, 2 bad input, 3 network, timeout or TLS failure.
`;

type Command = (args: string[], io: CliIo) => number | Promise<number>;

/**
 * Each command's module is imported the first time it runs, so `--help`, `--version` and the
 * catalog commands never load the HTTP client, the signer or zod: the bundle splits at every
 * import() here (esbuild.mjs), and test/unit/cli/lazyLoading.test.ts checks which code each loads.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  call: async () => (await import('./commands/call')).callCommand,
  sign: async () => (await import('./commands/sign')).signCommand,
  list: async () => (await import('./commands/list')).listCommand,
  describe: async () => (await import('./commands/catalogCommands')).describeCommand,
  skeleton: async () => (await import('./commands/catalogCommands')).skeletonCommand,
  explain: async () => (await import('./commands/tools')).explainCommand,
  export: async () => (await import('./commands/tools')).exportCommand,
  run: async () => (await import('./commands/run')).runCommand,
  usersig: async () => (await import('./commands/tools')).usersigCommand,
  'verify-callback': async () => (await import('./commands/tools')).verifyCallbackCommand,
  'debug-signature': async () => (await import('./commands/debugSignature')).debugSignatureCommand,
  collection: async () => (await import('./commands/collection')).collectionCommand,
  history: async () => (await import('./commands/history')).historyCommand,
  completion: async () => (await import('./commands/completion')).completionCommand,
};

/** Runs the command line and returns the exit status; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(MAIN_USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`Unknown command "${name}".\n\n${MAIN_USAGE}`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (e) {
    // Messages can quote files and servers, so control characters are shown escaped, never sent
    // to the terminal as they are.
    const { terminalSafe } = await import('../core/collections/reporters');
    if (e instanceof ApiError) {
      const { describeApiError } = await import('./commands/call');
      io.stderr(terminalSafe(describeApiError(e, io.env.LANG?.startsWith('zh') ? 'zh' : 'en'), true));
      return e.exitCode;
    }
    if (e instanceof ExplorerError) {
      io.stderr(`Error: ${terminalSafe(e.message, true)}\n`);
      return e.exitCode;
    }
    io.stderr(`Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}

