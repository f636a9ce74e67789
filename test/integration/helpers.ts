import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import * as path from 'node:path';
import { getCatalog, setCatalogFile } from '../../src/core/catalog/catalog';
import type { ExplorerApi } from '../../src/extension';
import type { RequestOptions } from '../../src/shared/requestProtocol';
import { startStandInServer, type StandInServer } from '../fixtures/standInServer';

export const EXTENSION_ID = 'trtc-api-explorer.trtc-api-explorer';

// The tests read the same catalog file the extension under test ships.
setCatalogFile(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'catalog.json'));

/** Keys the in-process stand-in server knows. */
export const IT_SECRET_ID = 'AKIDEXAMPLEtion00000000000000000000';
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

/** The document a request form shows its answers in. */
export function answerDocument(action: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'trtc-result' && d.uri.path === `/answers/${action}.json`);
}

/** The text of the most recently opened result document. */
export function latestResultDocument(): vscode.TextDocument | undefined {
  // Numbered documents (/<n>/<title>) are created one per opening; a form's answer document is not among them.
  const docs = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'trtc-result' && /^\/\d+\//.test(d.uri.path));
  return docs.sort((a, b) => Number(b.uri.path.split('/')[1]) - Number(a.uri.path.split('/')[1]))[0];
}

/** Points every call at a local URL (a user-level setting, as the endpoint is machine-scoped). */
export async function useEndpoint(url: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('trtcExplorer').update('endpoint', url, vscode.ConfigurationTarget.Global);
}

/** DescribeRoomInfo parameters the stand-in answers with a 20-digit DestroyTime. */
export const ROOM_PARAMS = '{\n  "SdkAppId": 1400000001,\n  "RoomId": "1001",\n  "StartTime": 1700000000,\n  "EndTime": 1700003600\n}';

/**
 * Starts a stand-in that knows the integration keys (temporary, with their token) and every action
 * of the catalog, and points the extension's endpoint at it. Stop it with {@link stopStandIn}.
 */
export async function startStandIn(): Promise<StandInServer> {
  const server = await startStandInServer({
    credentials: { [IT_SECRET_ID]: { secretKey: IT_SECRET_KEY, token: IT_TOKEN } },
    actions: getCatalog().actions.map((a) => a.name),
  });
  await useEndpoint(server.url);
  return server;
}

/** Undoes {@link startStandIn}. */
export async function stopStandIn(server: StandInServer | undefined): Promise<void> {
  await useEndpoint(undefined);
  await server?.close();
}

/** The history and collections services, as the tests reach them (loads both features). */
export async function historyAndCollections(api: ExplorerApi) {
  const history = await api.history();
  const collections = await api.collections();
  return {
    history: history.recorder,
    historyTree: history.tree,
    historyView: history.view,
    collectionsTree: collections.tree,
    collectionsView: collections.view,
    collections: collections.collections,
    environments: collections.environments,
    environmentSecrets: collections.environmentSecrets,
    /** The secret values of the open workspace folder's environments. */
    workspaceSecrets: collections.secretsFor({ scope: 'workspace', file: '' }),
    userSecrets: collections.secretsFor({ scope: 'user', file: '' }),
    prompts: api.listPrompts,
    selectedEnvironment: collections.selectedEnvironment,
  };
}

/** The open request form of an action, if the requests feature is loaded and the form is open. */
export function openPanel(api: ExplorerApi, action: string) {
  return api.requests.current?.panels.get(action);
}

/** A server that only counts what reaches it: the host a hostile repository points requests at. */
export interface Capture {
  url: string;
  requests: Array<{ headers: http.IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

export async function startCapture(): Promise<Capture> {
  const requests: Capture['requests'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Response: { RequestId: `captured-${requests.length}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

/** The toolbar options of a form call in these tests: the profile given, Singapore, TC3 over POST, English. */
export const formOptions = (profile: string): RequestOptions => ({ profile, region: 'ap-singapore', signMethod: 'TC3-HMAC-SHA256', httpMethod: 'POST', language: 'en-US' });

/** Opens an action's form through the command a user runs, and returns its panel once it is there. */
export async function openForm(action: string) {
  const api = await explorer();
  await vscode.commands.executeCommand('trtcExplorer.api.openAction', action);
  return waitFor(() => openPanel(api, action), `the ${action} form`);
}
