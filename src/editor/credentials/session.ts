import * as vscode from 'vscode';
import type { SpecDefaults } from '../../core/requests/completeSpec';
import { readConfig, settingsDefaults } from '../common/config';
import { ContextKey, SANDBOX_PROFILE } from '../common/ids';
import type { CredentialStore, Profile, ProfileSummary } from './credentialStore';

/** What the session is now: the active profile (or the sandbox) and region. */
export interface SessionState {
  profiles: ProfileSummary[];
  active?: Profile;
  sandbox: boolean;
  region: string;
}

/**
 * The state of this editor session: which profile signs, and which region calls go to. A region
 * chosen with "Switch Region" lasts for the session only (it is kept in memory, never stored), and
 * wins over the profile's region, which wins over the `defaultRegion` setting. Everything that
 * completes a call asks {@link specDefaults}, so the form, history, collections and the signature
 * tools apply the same precedence.
 */
export class ExplorerSession implements vscode.Disposable {
  private chosenRegion: string | undefined;
  private hasProfiles = false;
  private readonly changed = new vscode.EventEmitter<SessionState>();
  /** Fires after {@link refresh} with the new state. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly credentials: CredentialStore) {}

  /** True when the sandbox is the active pseudo-profile. */
  get sandboxActive(): boolean {
    return this.credentials.activeName() === SANDBOX_PROFILE;
  }

  /** True once profiles were read and at least one exists. */
  get profilesExist(): boolean {
    return this.hasProfiles;
  }

  /** The region for a profile: chosen in this session, else the profile's, else the setting. */
  activeRegion(profileRegion?: string): string {
    return this.chosenRegion ?? profileRegion ?? readConfig().defaultRegion;
  }

  /** Chooses the region for the rest of the session. */
  async setRegion(region: string): Promise<void> {
    this.chosenRegion = region;
    await this.refresh();
  }

  /** The settings and the session's region, for completing a call signed by `profile`. */
  specDefaults(profile?: Pick<Profile, 'region'>): SpecDefaults {
    return { ...settingsDefaults(), region: this.activeRegion(profile?.region) };
  }

  /** Re-reads the profiles, updates the context keys and announces the state. */
  async refresh(): Promise<SessionState> {
    const profiles = await this.credentials.list();
    this.hasProfiles = profiles.length > 0;
    const active = await this.credentials.active();
    const sandbox = this.sandboxActive;
    await vscode.commands.executeCommand('setContext', ContextKey.HasProfiles, this.hasProfiles);
    await vscode.commands.executeCommand('setContext', ContextKey.SandboxActive, sandbox);
    const state: SessionState = { profiles, ...(active ? { active } : {}), sandbox, region: this.activeRegion(active?.region) };
    this.changed.fire(state);
    return state;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
