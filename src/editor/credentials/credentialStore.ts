import * as vscode from 'vscode';
import { z } from 'zod';
import type { Credentials } from '../../core/signing/types';
import { GlobalStateKey, SecretKey } from '../common/ids';
import type { GlobalState } from '../common/state';

/** A named set of keys with its defaults. Lives only in SecretStorage. */
export interface Profile {
  name: string;
  secretId: string;
  secretKey: string;
  token?: string;
  region?: string;
  /** Calls that change state ask for confirmation when this is set. */
  production?: boolean;
}

/** What the rest of the extension may know about a profile: no key material. */
export interface ProfileSummary {
  name: string;
  region?: string;
  production: boolean;
  temporary: boolean;
  /** `AKID****...1234`: enough to tell keys apart. */
  maskedSecretId: string;
}

const profileSchema = z.object({
  name: z.string().min(1),
  secretId: z.string(),
  secretKey: z.string(),
  token: z.string().optional(),
  region: z.string().optional(),
  production: z.boolean().optional(),
});
const storeSchema = z.object({ version: z.literal(1), profiles: z.array(profileSchema) });


/**
 * The only code that touches `context.secrets`. All profiles are one JSON document in
 * SecretStorage; the name of the active profile (not a secret) is kept in global state.
 * SecretStorage is shared by every window, so changes made elsewhere are picked up through
 * `onDidChange` and re-announced.
 */
export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when profiles or the active profile change, in this window or another. */
  readonly onDidChange = this.changed.event;
  private cache: Profile[] | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: GlobalState,
    private readonly onSecretsLoaded: (values: string[]) => void = () => {},
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SecretKey.Profiles) {
        this.cache = undefined;
        this.changed.fire();
      }
    });
  }

  private async load(): Promise<Profile[]> {
    if (this.cache) {
      return this.cache;
    }
    const raw = await this.secrets.get(SecretKey.Profiles);
    let profiles: Profile[] = [];
    if (raw) {
      const parsed = storeSchema.safeParse(safeJson(raw));
      // A damaged entry is not silently replaced: it stays until the user saves a profile, and
      // the tree's welcome view then invites them to add one.
      profiles = parsed.success ? parsed.data.profiles : [];
    }
    this.cache = profiles;
    this.announceSecrets(profiles);
    return profiles;
  }

  private announceSecrets(profiles: Profile[]): void {
    this.onSecretsLoaded(profiles.flatMap((p) => [p.secretKey, p.token ?? '']).filter(Boolean));
  }

  private async save(profiles: Profile[]): Promise<void> {
    this.cache = profiles;
    this.announceSecrets(profiles);
    await this.secrets.store(SecretKey.Profiles, JSON.stringify({ version: 1, profiles }));
    this.changed.fire();
  }

  /** Profiles without their keys, sorted by name. */
  async list(): Promise<ProfileSummary[]> {
    return (await this.load()).map(summarize).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The named profile with its keys, for signing in the extension host only. */
  async get(name: string): Promise<Profile | undefined> {
    return (await this.load()).find((p) => p.name === name);
  }

  /** Adds or replaces a profile; `previousName` renames. */
  async upsert(profile: Profile, previousName?: string): Promise<void> {
    const parsed = profileSchema.parse(profile);
    const others = (await this.load()).filter((p) => p.name !== parsed.name && p.name !== previousName);
    await this.save([...others, parsed]);
    if (previousName && previousName !== parsed.name && this.activeName() === previousName) {
      await this.setActive(parsed.name);
    }
  }

  async remove(name: string): Promise<void> {
    await this.save((await this.load()).filter((p) => p.name !== name));
    if (this.activeName() === name) {
      await this.setActive(undefined);
    }
  }

  /** The active profile's name as stored, which may be the sandbox or a removed profile. */
  activeName(): string | undefined {
    return this.state.get(GlobalStateKey.ActiveProfile);
  }

  async setActive(name: string | undefined): Promise<void> {
    await this.state.update(GlobalStateKey.ActiveProfile, name);
    this.changed.fire();
  }

  /** The active profile, falling back to the only profile when just one exists. */
  async active(): Promise<Profile | undefined> {
    const profiles = await this.load();
    const name = this.activeName();
    return profiles.find((p) => p.name === name) ?? (profiles.length === 1 ? profiles[0] : undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The signing credentials of a profile. */
export function credentialsOf(p: Profile): Credentials {
  return { secretId: p.secretId, secretKey: p.secretKey, ...(p.token ? { token: p.token } : {}) };
}

function summarize(p: Profile): ProfileSummary {
  const id = p.secretId;
  return {
    name: p.name,
    ...(p.region ? { region: p.region } : {}),
    production: p.production === true,
    temporary: !!p.token,
    maskedSecretId: id.length > 8 ? `${id.slice(0, 4)}****${id.slice(-4)}` : '****',
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
