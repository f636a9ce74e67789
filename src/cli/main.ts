import { terminalSafe } from '../core/collections/reporters';
import { ApiError, ExplorerError } from '../core/errors';
import { callCommand, CALL_USAGE, describeApiError } from './commands/call';
import { describeCommand, listCommand, skeletonCommand } from './commands/catalogCommands';
import { collectionCommand } from './commands/collection';
import { completionCommand } from './commands/completion';
import { debugSignatureCommand } from './commands/debugSignature';
import { runCommand } from './commands/run';
import { signCommand } from './commands/sign';
import { explainCommand, exportCommand, usersigCommand, verifyCallbackCommand } from './commands/tools';
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

const COMMANDS: Record<string, Command> = {
  call: callCommand,
  sign: signCommand,
  list: listCommand,
  describe: describeCommand,
  skeleton: skeletonCommand,
  explain: explainCommand,
  export: exportCommand,
  run: runCommand,
  usersig: usersigCommand,
  'verify-callback': verifyCallbackCommand,
  'debug-signature': debugSignatureCommand,
  collection: collectionCommand,
  completion: completionCommand,
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
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`Unknown command "${name}".\n\n${MAIN_USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    // Messages can quote files and servers, so control characters are shown escaped, never sent
    // to the terminal as they are.
    if (e instanceof ApiError) {
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

export { CALL_USAGE };
