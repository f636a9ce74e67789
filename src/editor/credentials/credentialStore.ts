import * as vscode from 'vscode';
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

/**
 * Reads the stored profiles document, or undefined when it is not one this version wrote. Written by
 * hand rather than with zod so that reading profiles at activation loads no validation library.
 */
function parseStore(value: unknown): Profile[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const doc = value as { version?: unknown; profiles?: unknown };
  if (doc.version !== 1 || !Array.isArray(doc.profiles)) return undefined;
  const profiles: Profile[] = [];
  for (const raw of doc.profiles) {
    const p = checkProfile(raw);
    if (!p) return undefined;
    profiles.push(p);
  }
  return profiles;
}

/** A profile with the members and types a profile has, or undefined. */
function checkProfile(raw: unknown): Profile | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const optional = (k: string, type: 'string' | 'boolean') => r[k] === undefined || typeof r[k] === type;
  if (typeof r.name !== 'string' || r.name === '' || typeof r.secretId !== 'string' || typeof r.secretKey !== 'string') return undefined;
  if (!optional('token', 'string') || !optional('region', 'string') || !optional('production', 'boolean')) return undefined;
  return {
    name: r.name,
    secretId: r.secretId,
    secretKey: r.secretKey,
    ...(typeof r.token === 'string' ? { token: r.token } : {}),
    ...(typeof r.region === 'string' ? { region: r.region } : {}),
    ...(typeof r.production === 'boolean' ? { production: r.production } : {}),
  };
}

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
      // A damaged entry is not silently replaced: it stays until the user saves a profile, and
      // the tree's welcome view then invites them to add one.
      profiles = parseStore(safeJson(raw)) ?? [];
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
    const parsed = checkProfile(profile);
    if (!parsed) {
      throw new Error('A profile needs a name, a SecretId and a SecretKey');
    }
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
