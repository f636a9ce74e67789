import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/extension';

export const EXTENSION_ID = 'trtc-api-explorer.trtc-api-explorer';

/** Keys the in-process stand-in server knows. */
export const IT_SECRET_ID = 'AKIDintegration00000000000000000000';
export const IT_SECRET_KEY = 'integrationSecretKey000000000000';
export const IT_TOKEN = 'integration-session-token-value';

/** Activates the extension and returns its API. */
export async function explorer(): Promise<ExplorerApi> {
  const ext = vscode.extensions.getExtension<ExplorerApi>(EXTENSION_ID);
  assert.ok(ext, 'the extension is loaded in the development host');
  return ext.activate();
}

/** Waits until `check` returns a value other than undefined, or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) {
      return v as T;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The text of the most recently opened result document. */
export function latestResultDocument(): vscode.TextDocument | undefined {
  const docs = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'trtc-result');
  return docs.sort((a, b) => Number(b.uri.path.split('/')[1]) - Number(a.uri.path.split('/')[1]))[0];
}

/** Points every call at a local URL (a user-level setting, as the endpoint is machine-scoped). */
export async function useEndpoint(url: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('trtcExplorer').update('endpoint', url, vscode.ConfigurationTarget.Global);
}
