import * as vscode from 'vscode';
import { SecretKey } from '../common/ids';
import { z } from 'zod';

/** The two kinds of keys the tools may remember: UserSig secret keys and callback keys. */
export type ToolKeyKind = 'usersig' | 'callback';

/** A remembered key's label: which kind, for which application. Never the key itself. */
export interface ToolKeyEntry {
  kind: ToolKeyKind;
  sdkAppId: string;
}

const storeSchema = z.object({
  version: z.literal(1),
  usersig: z.record(z.string(), z.string()),
  callback: z.record(z.string(), z.string()),
});
type StoreData = z.infer<typeof storeSchema>;


/**
 * The keys of the UserSig and callback tools that the user chose to remember, per SDKAppID, in
 * SecretStorage. Besides the credential store, the only code that touches `context.secrets`; it
 * follows the same rules: one JSON document, validated on read, changes from other windows picked
 * up through `onDidChange`, and every key announced to the log scrubber.
 */
export class ToolKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when remembered keys change, in this window or another. */
  readonly onDidChange = this.changed.event;
  private cache: StoreData | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly onSecretsLoaded: (values: string[]) => void = () => {},
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SecretKey.ToolKeys) {
        this.cache = undefined;
        this.changed.fire();
      }
    });
  }

  private async load(): Promise<StoreData> {
    if (this.cache) {
      return this.cache;
    }
    const raw = await this.secrets.get(SecretKey.ToolKeys);
    let data: StoreData = { version: 1, usersig: {}, callback: {} };
    if (raw) {
      const parsed = storeSchema.safeParse(safeJson(raw));
      if (parsed.success) {
        data = parsed.data;
      }
    }
    this.cache = data;
    this.onSecretsLoaded([...Object.values(data.usersig), ...Object.values(data.callback)]);
    return data;
  }

  private async save(data: StoreData): Promise<void> {
    this.cache = data;
    this.onSecretsLoaded([...Object.values(data.usersig), ...Object.values(data.callback)]);
    await this.secrets.store(SecretKey.ToolKeys, JSON.stringify(data));
    this.changed.fire();
  }

  /** The key remembered for an application, if any. */
  async get(kind: ToolKeyKind, sdkAppId: string): Promise<string | undefined> {
    const data = await this.load();
    return Object.hasOwn(data[kind], sdkAppId) ? data[kind][sdkAppId] : undefined;
  }

  /** Remembers a key for an application, replacing an earlier one. */
  async set(kind: ToolKeyKind, sdkAppId: string, key: string): Promise<void> {
    // Only SDKAppIDs are names here; anything else (such as `__proto__`) is refused outright.
    if (!/^\d{1,20}$/.test(sdkAppId)) {
      throw new Error(`A key is remembered per SDKAppID, a number; "${sdkAppId}" is not one.`);
    }
    const data = await this.load();
    await this.save({ ...data, [kind]: { ...data[kind], [sdkAppId]: key } });
  }

  /** Which keys are remembered, without the keys. */
  async list(): Promise<ToolKeyEntry[]> {
    const data = await this.load();
    const entries = (kind: ToolKeyKind) => Object.keys(data[kind]).sort().map((sdkAppId) => ({ kind, sdkAppId }));
    return [...entries('usersig'), ...entries('callback')];
  }

  /** Forgets the given keys. */
  async remove(entries: readonly ToolKeyEntry[]): Promise<void> {
    const data = await this.load();
    const next: StoreData = { version: 1, usersig: { ...data.usersig }, callback: { ...data.callback } };
    for (const e of entries) {
      delete next[e.kind][e.sdkAppId];
    }
    await this.save(next);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
