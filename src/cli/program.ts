import type { CliProgram, Command } from './main';

/**
 * Every command of the command line. Each command's module is imported the first time it runs, so
 * `--help`, `--version` and the catalog commands never load the HTTP client, the signer or zod:
 * the bundle splits at every import() here (esbuild.mjs), and test/unit/cli/lazyLoading.test.ts
 * checks which code each loads.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  call: async () => (await import('./commands/call')).callCommand,
  sign: async () => (await import('./commands/sign')).signCommand,
  list: async () => (await import('./commands/list')).listCommand,
  describe: async () => (await import('./commands/catalogCommands')).describeCommand,
  skeleton: async () => (await import('./commands/catalogCommands')).skeletonCommand,
  explain: async () => (await import('./commands/explain')).explainCommand,
  export: async () => (await import('./commands/tools')).exportCommand,
  run: async () => (await import('./commands/run')).runCommand,
  usersig: async () => (await import('./commands/tools')).usersigCommand,
  'verify-callback': async () => (await import('./commands/tools')).verifyCallbackCommand,
  'debug-signature': async () => (await import('./commands/debugSignature')).debugSignatureCommand,
  collection: async () => (await import('./commands/collection')).collectionCommand,
  history: async () => (await import('./commands/history')).historyCommand,
  completion: async () => (await import('./commands/completion')).completionCommand,
};

/** The whole command line (dist/cli.mjs). */
export const CLI: CliProgram = {
  commands: COMMANDS,
  describeApiError: async () => (await import('./commands/call')).describeApiError,
};
