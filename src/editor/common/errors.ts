import * as vscode from 'vscode';
import { ExplorerError } from '../../core/errors';
import type { Log } from './log';

// Messages currently on screen: the same failure repeated while its notification is still open
// (a loop, a double click) is logged again but not stacked as a second notification.
const onScreen = new Set<string>();

/**
 * Wraps a command handler once: failures are logged in full and shown as one short message with a
 * "Show Logs" button. An identical message already on screen is not shown twice.
 */
export function wrapCommand<A extends unknown[], R>(log: Log, id: string, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      reportError(log, id, e);
      return undefined;
    }
  };
}

/** Logs an error and shows it to the user with a "Show Logs" button. */
export function reportError(log: Log, component: string, e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof ExplorerError && e.kind === 'cancelled') {
    log.info(component, 'cancelled');
    return;
  }
  log.error(component, 'command failed', e);
  if (onScreen.has(message)) {
    return;
  }
  onScreen.add(message);
  const showLogs = vscode.l10n.t('Show Logs');
  void vscode.window.showErrorMessage(message, showLogs).then((choice) => {
    onScreen.delete(message);
    if (choice === showLogs) {
      log.show();
    }
  });
}
