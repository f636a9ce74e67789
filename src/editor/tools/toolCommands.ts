import * as vscode from 'vscode';
import { CALLBACK_EVENTS, CALLBACK_GROUPS, findCallbackEvent, simulateCallback, verifyCallback } from '../../core/callbacks';
import { InputError } from '../../core/errors';
import { isLoopbackHost } from '../../core/http/endpoints';
import {
  ALL_PRIVILEGES,
  checkSdkAppId,
  checkUserId,
  decodeUserSig,
  genPrivateMapKey,
  genUserSig,
  PRIVILEGE_BITS,
  verifyUserSig,
  type GenPrivateMapKeyResult,
  type UserSigVerification,
} from '../../core/usersig';
import { isChineseUi } from '../common/config';
import { GlobalStateKey } from '../common/ids';
import type { GlobalState } from '../common/state';
import type { Log } from '../common/log';
import type { ToolKeyKind, ToolKeyStore } from '../credentials/toolKeyStore';
import type { ResultDocuments } from '../common/resultDocuments';
import { callbackEventsDocument, callbackVerificationDocument, simulationDocument } from './callbackDocuments';
import type { ToolPrompts } from '../common/prompts';
import { decodedUserSigDocument, generatedUserSigDocument } from './userSigDocuments';

/** What the callback and UserSig commands need. */
export interface ToolCommandServices {
  log: Log;
  results: ResultDocuments;
  keys: ToolKeyStore;
  state: GlobalState;
  /** Read at every question, so tests can swap the prompts after activation. */
  prompts: () => ToolPrompts;
}

/** A quick-pick item that carries a stable id, so scripted prompts can choose it. */
interface Choice<T = string> extends vscode.QuickPickItem {
  id: string;
  value: T;
}

const DEFAULT_CALLBACK_URL = 'http://127.0.0.1:8080/trtc/callback';

/** Where a callback body to check comes from. */
type BodySource = 'clipboard' | 'editor' | 'file';

/** What a finished generation produced, for callers and tests. */
export interface GeneratedUserSig {
  userSig: string;
  privateMapKey?: string;
  document: vscode.TextDocument;
}

/** What a finished decode found, for callers and tests. */
export interface DecodedUserSigOutcome {
  identifier: string;
  sdkAppId: number;
  verification?: Pick<UserSigVerification, 'valid' | 'reasons'>;
  document: vscode.TextDocument;
}

function sdkAppIdProblem(value: string): string | undefined {
  const v = value.trim();
  if (!/^\d+$/.test(v)) {
    return vscode.l10n.t('The SDKAppID is a number, such as 1400000001 (console → Application Management).');
  }
  try {
    checkSdkAppId(Number(v));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The TRTC callback and UserSig tools: check a callback's Sign, browse the event catalog, send a
 * signed sample event to a local handler, and generate, decode and verify UserSigs. Keys are typed
 * into password boxes and stay in memory, unless the user asks to remember them in SecretStorage.
 */
export class ToolCommands {
  constructor(private readonly s: ToolCommandServices) {}

  private get prompts(): ToolPrompts {
    return this.s.prompts();
  }

  /**
   * Asks for a key of an application: the remembered one, or a new one (then offers to remember
   * it). Without an SDKAppID only a password box is shown and nothing can be remembered.
   */
  private async askKey(kind: ToolKeyKind, sdkAppId: string | undefined, title: string): Promise<string | undefined> {
    const prefix = kind === 'usersig' ? 'userSig' : 'callback';
    const remembered = sdkAppId ? await this.s.keys.get(kind, sdkAppId) : undefined;
    if (remembered !== undefined) {
      const choice = await this.prompts.pick<Choice<boolean>>(
        `${prefix}KeyChoice`,
        [
          { id: 'remembered', value: true, label: `$(key) ${vscode.l10n.t('Use the key remembered for SDKAppID {0}', sdkAppId ?? '')}` },
          { id: 'other', value: false, label: `$(edit) ${vscode.l10n.t('Enter another key')}` },
        ],
        { title },
      );
      if (!choice) {
        return undefined;
      }
      if (choice.value) {
        return remembered;
      }
    }
    const key = await this.prompts.input(`${prefix}Key`, {
      title,
      prompt: kind === 'usersig' ? vscode.l10n.t('The application\'s secret key (console → Application Management → UserSig tools): kept in memory only unless you choose to remember it.') : vscode.l10n.t('The callback key set in the console for this application: kept in memory only unless you choose to remember it.'),
      password: true,
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter the key.') : undefined),
    });
    if (key === undefined) {
      return undefined;
    }
    this.s.log.registerSecrets([key, key.trim()]);
    if (sdkAppId) {
      const remember = await this.prompts.pick<Choice<boolean>>(
        `${prefix}KeyRemember`,
        [
          { id: 'no', value: false, label: vscode.l10n.t('Do not remember the key'), description: vscode.l10n.t('asked again next time') },
          { id: 'yes', value: true, label: vscode.l10n.t('Remember it for SDKAppID {0}', sdkAppId), description: vscode.l10n.t('in the editor\'s secret storage') },
        ],
        { title },
      );
      if (remember?.value) {
        await this.s.keys.set(kind, sdkAppId, key);
      }
    }
    return key;
  }

  private async askSdkAppId(id: string, title: string, optional: boolean): Promise<string | undefined> {
    const value = await this.prompts.input(id, {
      title,
      prompt: optional ? vscode.l10n.t('The SDKAppID (the SdkAppId header of the callback), to use or remember its key; leave empty to skip.') : vscode.l10n.t('The SDKAppID of your TRTC application.'),
      value: this.s.state.get(GlobalStateKey.LastSdkAppId) ?? '',
      validateInput: (v) => (optional && v.trim() === '' ? undefined : sdkAppIdProblem(v)),
    });
    if (value === undefined) {
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed) {
      await this.s.state.update(GlobalStateKey.LastSdkAppId, trimmed);
    }
    return trimmed;
  }

  /** Checks a callback's Sign against its body and the callback key, naming the usual mistakes. */
  async verifyCallback(): Promise<vscode.TextDocument | undefined> {
    const title = vscode.l10n.t('Verify Callback Signature');
    const editor = vscode.window.activeTextEditor;
    const sources: Array<Choice<BodySource>> = [
      { id: 'clipboard', value: 'clipboard', label: `$(clippy) ${vscode.l10n.t('Body from the clipboard')}`, detail: vscode.l10n.t('The text exactly as copied. Copy it from the raw request, not from a log that escaped it.') },
      ...(editor
        ? [
            {
              id: 'editor',
              value: 'editor' as const,
              label: `$(file) ${editor.selection.isEmpty ? vscode.l10n.t('Body from the active editor') : vscode.l10n.t('Body from the selection in the active editor')}`,
              description: editor.document.uri.scheme === 'untitled' ? vscode.l10n.t('untitled') : vscode.workspace.asRelativePath(editor.document.uri),
              detail: vscode.l10n.t('The editor uses one kind of line break ({0}) for the whole text.', editor.document.eol === vscode.EndOfLine.CRLF ? 'CR LF' : 'LF'),
            },
          ]
        : []),
      { id: 'file', value: 'file', label: `$(folder-opened) ${vscode.l10n.t('Body from a file…')}`, detail: vscode.l10n.t('The exact bytes of a file, such as a body your handler saved.') },
    ];
    const source = await this.prompts.pick('callbackBodySource', sources, { title, placeHolder: vscode.l10n.t('Where is the callback body? Its bytes must be exactly as received.') });
    if (!source) {
      return undefined;
    }
    let body: Buffer;
    let sourceText: string;
    if (source.value === 'clipboard') {
      body = Buffer.from(await vscode.env.clipboard.readText(), 'utf8');
      sourceText = vscode.l10n.t('from the clipboard');
    } else if (source.value === 'editor' && editor) {
      const text = editor.selection.isEmpty ? editor.document.getText() : editor.document.getText(editor.selection);
      body = Buffer.from(text, 'utf8');
      sourceText = vscode.l10n.t('from {0}', editor.document.uri.scheme === 'untitled' ? vscode.l10n.t('an untitled editor') : vscode.workspace.asRelativePath(editor.document.uri));
    } else {
      const uri = await this.prompts.openFile('callbackBodyFile', vscode.l10n.t('Callback body file'));
      if (!uri) {
        return undefined;
      }
      body = Buffer.from(await vscode.workspace.fs.readFile(uri));
      sourceText = vscode.l10n.t('from {0}', vscode.workspace.asRelativePath(uri));
    }
    if (body.length === 0) {
      throw new InputError(vscode.l10n.t('The callback body is empty. Copy the raw body of the request TRTC sent, then run the command again.'));
    }
    const signInput = await this.prompts.input('callbackSign', {
      title,
      prompt: vscode.l10n.t('The value of the Sign header: Base64, 44 characters ending in "=".'),
      validateInput: (v) => (v.replace(/^\s*sign\s*:/i, '').trim() === '' ? vscode.l10n.t('Enter the Sign header\'s value.') : undefined),
    });
    if (signInput === undefined) {
      return undefined;
    }
    const sign = signInput.replace(/^\s*sign\s*:/i, '').trim();
    const sdkAppId = await this.askSdkAppId('callbackSdkAppId', title, true);
    if (sdkAppId === undefined) {
      return undefined;
    }
    const key = await this.askKey('callback', sdkAppId || undefined, title);
    if (key === undefined) {
      return undefined;
    }
    const verification = verifyCallback({ body, sign, key });
    this.s.log.info('callbacks', `verified a callback body of ${body.length} bytes: ${verification.valid ? 'valid' : `invalid (${verification.mistakes.join(', ') || 'unexplained'})`}`);
    const editorShown = await this.s.results.open(vscode.l10n.t('Callback check'), callbackVerificationDocument(verification, { sign, body, source: sourceText }), 'markdown');
    if (verification.valid) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The Sign matches: the callback is authentic.'));
    } else {
      void vscode.window.showWarningMessage(vscode.l10n.t('The Sign does not match. The document names what most likely changed the body or the key.'));
    }
    return editorShown.document;
  }

  /** Opens the catalog of callback events with their fields and sample bodies. */
  async showCallbackEvents(): Promise<vscode.TextDocument> {
    const editor = await this.s.results.open(vscode.l10n.t('TRTC callback events'), callbackEventsDocument(Date.now()), 'markdown');
    return editor.document;
  }

  /** Sends a signed sample event to the user's handler and judges the answer as TRTC would. */
  async simulateCallback(): Promise<vscode.TextDocument | undefined> {
    const title = vscode.l10n.t('Simulate a TRTC Callback');
    const urlText = await this.prompts.input('simulateUrl', {
      title,
      prompt: vscode.l10n.t('The URL of your callback handler, such as a local server under development.'),
      value: this.s.state.get(GlobalStateKey.LastCallbackUrl) ?? DEFAULT_CALLBACK_URL,
      validateInput: (v) => callbackUrlProblem(v),
    });
    if (urlText === undefined) {
      return undefined;
    }
    const url = new URL(urlText.trim());
    if (!isLoopbackHost(url.hostname)) {
      const ok = await this.prompts.confirm(
        'simulateRemoteConfirm',
        vscode.l10n.t('Send a signed sample callback to {0}?', url.host),
        url.protocol === 'http:'
          ? vscode.l10n.t('This host is not this machine, and plain HTTP can be read on the way. The body is sample data, but its Sign is made with your callback key.')
          : vscode.l10n.t('This host is not this machine. The body is sample data, but its Sign is made with your callback key.'),
        vscode.l10n.t('Send'),
      );
      if (!ok) {
        return undefined;
      }
    }
    await this.s.state.update(GlobalStateKey.LastCallbackUrl, url.href);
    const zh = isChineseUi();
    const items: Array<Choice<number> | (vscode.QuickPickItem & { kind: vscode.QuickPickItemKind.Separator })> = [];
    for (const g of CALLBACK_GROUPS) {
      items.push({ label: zh ? g.labelZh : g.label, kind: vscode.QuickPickItemKind.Separator });
      for (const e of CALLBACK_EVENTS.filter((x) => x.groupId === g.id)) {
        items.push({ id: String(e.type), value: e.type, label: `${e.type} ${e.constant}`, description: zh ? e.descriptionZh : e.description });
      }
    }
    const picked = await this.prompts.pick('simulateEvent', items, { title, placeHolder: vscode.l10n.t('Event type to send'), matchOnDescription: true });
    if (!picked || !('value' in picked)) {
      return undefined;
    }
    const event = findCallbackEvent(picked.value)!;
    const sdkAppId = await this.askSdkAppId('simulateSdkAppId', title, false);
    if (!sdkAppId) {
      return undefined;
    }
    const key = await this.askKey('callback', sdkAppId, title);
    if (key === undefined) {
      return undefined;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sending {0} to {1}', `${event.type} ${event.constant}`, url.host), cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return simulateCallback({ url: url.href, eventType: event.type, key, sdkAppId, signal: abort.signal });
      },
    );
    this.s.log.info('callbacks', `simulated ${event.type} to ${url.origin}: ${result.verdict}${result.status !== undefined ? `, HTTP ${result.status}` : ''} in ${result.latencyMs} ms`);
    const shown = await this.s.results.open(vscode.l10n.t('Callback {0}', event.type), simulationDocument(result, `${event.type} ${event.constant} → ${url.href}`), 'markdown');
    if (result.verdict === 'pass') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Your handler answered as TRTC expects (HTTP 200 in {0} ms).', result.latencyMs));
    } else {
      void vscode.window.showWarningMessage(vscode.l10n.t('TRTC would count this delivery as failed: {0}', result.reasons[0] ?? ''));
    }
    return shown.document;
  }

  /** Generates a UserSig, and on request a PrivateMapKey for one room, and opens both decoded. */
  async generateUserSig(): Promise<GeneratedUserSig | undefined> {
    const title = vscode.l10n.t('Generate UserSig');
    const sdkAppIdText = await this.askSdkAppId('userSigSdkAppId', title, false);
    if (!sdkAppIdText) {
      return undefined;
    }
    const sdkAppId = Number(sdkAppIdText);
    const key = await this.askKey('usersig', sdkAppIdText, title);
    if (key === undefined) {
      return undefined;
    }
    const userId = await this.prompts.input('userSigUserId', {
      title,
      prompt: vscode.l10n.t('The UserID the client enters rooms as: letters, digits, "_" and "-", at most 32 bytes.'),
      validateInput: (v) => problem(() => checkUserId(v)),
    });
    if (userId === undefined) {
      return undefined;
    }
    const presets: Array<Choice<number | undefined>> = [
      { id: '3600', value: 3600, label: vscode.l10n.t('1 hour') },
      { id: '86400', value: 86400, label: vscode.l10n.t('1 day') },
      { id: '604800', value: 604800, label: vscode.l10n.t('7 days') },
      { id: '2592000', value: 2592000, label: vscode.l10n.t('30 days') },
      { id: '15552000', value: 15552000, label: vscode.l10n.t('180 days'), description: vscode.l10n.t('the official libraries\' default') },
      { id: 'custom', value: undefined, label: vscode.l10n.t('Another duration…') },
    ];
    const preset = await this.prompts.pick('userSigExpiry', presets, { title, placeHolder: vscode.l10n.t('How long the UserSig stays valid') });
    if (!preset) {
      return undefined;
    }
    let expireSeconds = preset.value;
    if (expireSeconds === undefined) {
      const custom = await this.prompts.input('userSigExpirySeconds', {
        title,
        prompt: vscode.l10n.t('Validity in seconds (a whole number greater than 0).'),
        validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) > 0 && Number(v) <= 0xffffffff ? undefined : vscode.l10n.t('Enter a whole number of seconds greater than 0.')),
      });
      if (custom === undefined) {
        return undefined;
      }
      expireSeconds = Number(custom.trim());
    }
    const withPmk = await this.prompts.pick<Choice<boolean>>(
      'userSigPrivateMapKey',
      [
        { id: 'no', value: false, label: vscode.l10n.t('UserSig only') },
        { id: 'yes', value: true, label: vscode.l10n.t('UserSig and a PrivateMapKey'), detail: vscode.l10n.t('Room permissions for one room: which of entering, creating, sending and receiving this user may do.') },
      ],
      { title },
    );
    if (!withPmk) {
      return undefined;
    }
    const now = Date.now();
    const sig = genUserSig({ sdkAppId, key, userId, expireSeconds, now });
    let pmk: GenPrivateMapKeyResult | undefined;
    if (withPmk.value) {
      const room = await this.prompts.input('userSigRoom', {
        title,
        prompt: vscode.l10n.t('The room: a number from 1 to 4294967295 for a numeric room, anything else for a string room.'),
        validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter the room id.') : undefined),
      });
      if (room === undefined) {
        return undefined;
      }
      const zh = isChineseUi();
      const privileges = await this.prompts.pickMany<Choice<number>>(
        'userSigPrivileges',
        PRIVILEGE_BITS.map((b) => ({ id: b.name, value: b.bit, label: zh ? b.labelZh : b.label, description: String(b.bit), picked: true })),
        { title, placeHolder: vscode.l10n.t('Privileges to grant in this room') },
      );
      if (!privileges) {
        return undefined;
      }
      const privilegeMap = privileges.reduce((m, p) => m | p.value, 0) & ALL_PRIVILEGES;
      const numeric = /^\d+$/.test(room.trim()) && Number(room.trim()) >= 1 && Number(room.trim()) <= 0xffffffff;
      pmk = genPrivateMapKey({ sdkAppId, key, userId, expireSeconds, now, privilegeMap, ...(numeric ? { roomId: Number(room.trim()) } : { strRoomId: room }) });
    }
    this.s.log.registerSecrets([sig.userSig, pmk?.privateMapKey]);
    this.s.log.info('usersig', `generated a UserSig for SDKAppID ${sdkAppId}, valid ${expireSeconds} s${pmk ? `, with a PrivateMapKey (privileges ${pmk.userbuf.privilegeMap})` : ''}`);
    const editor = await this.s.results.open(vscode.l10n.t('UserSig {0}', userId), generatedUserSigDocument(sig, pmk, Math.floor(now / 1000)), 'markdown');
    const copy = vscode.l10n.t('Copy UserSig');
    const copyPmk = vscode.l10n.t('Copy PrivateMapKey');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('UserSig for {0} generated; it expires at {1}.', userId, new Date(sig.expiresAt).toLocaleString(vscode.env.language, { hour12: false })), copy, ...(pmk ? [copyPmk] : []))
      .then((c) => (c === copy ? vscode.env.clipboard.writeText(sig.userSig) : c === copyPmk && pmk ? vscode.env.clipboard.writeText(pmk.privateMapKey) : undefined));
    return { userSig: sig.userSig, ...(pmk ? { privateMapKey: pmk.privateMapKey } : {}), document: editor.document };
  }

  /** Decodes any UserSig or PrivateMapKey, and verifies it when a key is remembered or given. */
  async decodeUserSig(): Promise<DecodedUserSigOutcome | undefined> {
    const title = vscode.l10n.t('Decode UserSig');
    const editor = vscode.window.activeTextEditor;
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
    const text = await this.prompts.input('userSigDecode', {
      title,
      prompt: vscode.l10n.t('Paste a UserSig or PrivateMapKey (usually starts with "eJ").'),
      value: /^eJ[A-Za-z0-9*_-]+$/.test(selected) ? selected : '',
      validateInput: (v) => problem(() => decodeUserSig(v)),
    });
    if (text === undefined) {
      return undefined;
    }
    const decoded = decodeUserSig(text);
    const appId = String(decoded.sdkappid);
    let key = await this.s.keys.get('usersig', appId);
    let keySource = key !== undefined ? vscode.l10n.t('the key remembered for SDKAppID {0}', appId) : undefined;
    if (key === undefined) {
      const typed = await this.prompts.input('userSigVerifyKey', {
        title,
        prompt: vscode.l10n.t('To verify it, the secret key of SDKAppID {0}; leave empty to only decode.', appId),
        password: true,
      });
      if (typed === undefined) {
        return undefined;
      }
      if (typed.trim() !== '') {
        key = typed;
        keySource = vscode.l10n.t('the key you entered');
        this.s.log.registerSecrets([typed, typed.trim()]);
      }
    }
    const now = Date.now();
    const verification = key !== undefined ? verifyUserSig(text, { key, now }) : undefined;
    this.s.log.info('usersig', `decoded a sig of SDKAppID ${appId}${verification ? `: ${verification.valid ? 'valid' : 'not valid'}` : ''}`);
    const shown = await this.s.results.open(vscode.l10n.t('Decoded UserSig {0}', decoded.identifier), decodedUserSigDocument(decoded, verification, keySource, Math.floor(now / 1000)), 'markdown');
    return {
      identifier: decoded.identifier,
      sdkAppId: decoded.sdkappid,
      ...(verification ? { verification: { valid: verification.valid, reasons: verification.reasons } } : {}),
      document: shown.document,
    };
  }

  /** Lets the user forget keys the tools remembered. */
  async forgetKeys(): Promise<void> {
    const entries = await this.s.keys.list();
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No UserSig or callback keys are remembered.'));
      return;
    }
    const picked = await this.prompts.pickMany(
      'forgetKeys',
      entries.map((e) => ({
        id: `${e.kind}:${e.sdkAppId}`,
        value: e,
        label: e.kind === 'usersig' ? vscode.l10n.t('UserSig key of SDKAppID {0}', e.sdkAppId) : vscode.l10n.t('Callback key of SDKAppID {0}', e.sdkAppId),
        picked: true,
      })),
      { title: vscode.l10n.t('Forget Remembered Keys'), placeHolder: vscode.l10n.t('Keys to delete from the editor\'s secret storage') },
    );
    if (!picked || picked.length === 0) {
      return;
    }
    await this.s.keys.remove(picked.map((p) => p.value));
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} remembered keys forgotten.', picked.length));
  }
}

/** Why a callback URL cannot be used, or undefined when it can. */
export function callbackUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return vscode.l10n.t('Enter a full URL, such as {0}.', DEFAULT_CALLBACK_URL);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return vscode.l10n.t('Callbacks are delivered over http:// or https:// only.');
  }
  if (url.username || url.password) {
    return vscode.l10n.t('Leave user names and passwords out of the URL.');
  }
  return undefined;
}

function problem(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
