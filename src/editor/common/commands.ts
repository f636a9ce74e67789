import * as vscode from 'vscode';
import { wrapCommand } from './errors';
import type { Log } from './log';

/** A command handler: any arguments the caller passes, checked by the handler itself. */
export type CommandHandler = (...args: never[]) => unknown;

/**
 * Registers command handlers, each wrapped once so that a failure is logged and shown a single
 * time with a "Show Logs" button (see {@link wrapCommand}).
 */
export function registerCommands(log: Log, handlers: Readonly<Partial<Record<string, CommandHandler>>>): vscode.Disposable[] {
  return Object.entries(handlers).flatMap(([id, handler]) =>
    handler ? [vscode.commands.registerCommand(id, wrapCommand(log, id, handler as (...args: unknown[]) => unknown))] : [],
  );
}

/**
 * Registers the commands of a feature that is not loaded yet: each handler loads the feature on
 * its first use, then calls the feature's own handler for that id. This is how activation registers
 * every command without loading any feature's code.
 */
export function registerLazyCommands<Id extends string>(
  log: Log,
  ids: readonly Id[],
  handlers: () => Promise<Readonly<Record<Id, CommandHandler>>>,
): vscode.Disposable[] {
  return ids.map((id) =>
    vscode.commands.registerCommand(
      id,
      wrapCommand(log, id, async (...args: unknown[]) => {
        const handler = (await handlers())[id] as (...a: unknown[]) => unknown;
        return handler(...args);
      }),
    ),
  );
}
