import { describeCommand, skeletonCommand } from './commands/catalogCommands';
import { listCommand } from './commands/list';
import type { CliProgram } from './main';

/**
 * The catalog commands on their own, imported statically: what the installed command's front door
 * (src/cliLauncher.ts) serves without the rest of the command line. Each is the same function the
 * whole command line (program.ts) loads for that name; a unit test checks.
 */
export const CATALOG_CLI: CliProgram = {
  commands: {
    list: async () => listCommand,
    describe: async () => describeCommand,
    skeleton: async () => skeletonCommand,
  },
};
