import os from 'node:os';
import path from 'node:path';
import { historyInputFromCall, historyInputFromFailure } from '../core/history/historyEntry';
import { HistoryStore } from '../core/history/historyStore';
import type { CallResult, CallSpec } from '../core/requests/types';
import type { CliIo } from './io';

/** The extension's identifier, which names its global storage folder. */
const EXTENSION_ID = 'trtc-api-explorer.trtc-api-explorer';

/**
 * Where the editor keeps its history, so `call --history` lands in the same History view:
 * VS Code's global storage folder for this extension, or TRTC_EXPLORER_HISTORY_DIR when set
 * (for other VS Code builds, portable installs, or CI).
 */
export function cliHistoryDirectory(env: NodeJS.ProcessEnv, home: string, platform: NodeJS.Platform = os.platform()): string {
  if (env.TRTC_EXPLORER_HISTORY_DIR) {
    return env.TRTC_EXPLORER_HISTORY_DIR;
  }
  const userDir =
    platform === 'win32'
      ? path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Code', 'User')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support', 'Code', 'User')
        : path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Code', 'User');
  return path.join(userDir, 'globalStorage', EXTENSION_ID, 'history');
}

/** Appends one call to the shared history; a failure to record is reported but never fails the call. */
export async function recordCliHistory(
  io: CliIo,
  spec: CallSpec,
  outcome: { result?: CallResult; error?: unknown; profile?: string | undefined },
): Promise<void> {
  const dir = cliHistoryDirectory(io.env, io.home);
  // No cap of its own: the store keeps as many entries as the editor's setting recorded in it.
  const store = new HistoryStore(dir);
  // A file moved aside, lines kept in the side file: one line each on stderr, never silent.
  store.onDidNotice((notice) => io.stderr(`note: ${notice.message}\n`));
  try {
    // No load(): appending is O(1) and does not need the existing entries in memory.
    const meta = { source: 'cli' as const, ...(outcome.profile ? { profile: outcome.profile } : {}) };
    await store.append(outcome.result ? historyInputFromCall(spec, outcome.result, meta) : historyInputFromFailure(spec, outcome.error, meta));
    await store.whenIdle();
  } catch (e) {
    io.stderr(`note: the call was not recorded in the history at ${dir}: ${(e as Error).message}\n`);
  } finally {
    store.dispose();
  }
}
