import { ApiError, ExplorerError } from '../core/errors';
import { terminalSafe } from '../core/terminalText';
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

/** One command: its arguments after the command name in, the exit status out. */
export type Command = (args: string[], io: CliIo) => number | Promise<number>;

/**
 * A command line: its commands by name, each loaded the first time it runs, and, when its commands
 * can meet an API error, the text that explains one (loaded only when one happens). The whole
 * command line is `CLI` in program.ts; the installed command's front door (src/cliLauncher.ts)
 * is a smaller one that serves the catalog commands without loading the rest.
 */
export interface CliProgram {
  readonly commands: Readonly<Record<string, () => Promise<Command>>>;
  readonly describeApiError?: () => Promise<(e: ApiError, language: 'en' | 'zh') => string>;
}

const HELP = new Set(['help', '--help', '-h']);
const VERSION_FLAGS = new Set(['--version', '-v']);

/** Whether `program` runs this command line itself: help, the version, and its own commands. */
export function serves(program: CliProgram, argv: string[]): boolean {
  const [name] = argv;
  return !name || HELP.has(name) || VERSION_FLAGS.has(name) || Object.hasOwn(program.commands, name);
}

/** Runs the command line and returns the exit status; never throws. */
export async function runCli(argv: string[], io: CliIo, program: CliProgram): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || HELP.has(name)) {
    io.stdout(MAIN_USAGE);
    return name ? 0 : 2;
  }
  if (VERSION_FLAGS.has(name)) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(program.commands, name) ? program.commands[name] : undefined;
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
    if (e instanceof ApiError && program.describeApiError) {
      const describeApiError = await program.describeApiError();
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

