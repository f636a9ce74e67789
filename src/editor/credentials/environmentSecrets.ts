import * as vscode from 'vscode';
import type { SecretResolver } from '../../core/collections/variables';

/** Where secret values belong: the user's own environments, or the environments of one workspace folder. */
export type SecretScope = { kind: 'user' } | { kind: 'workspace'; folder: string };

// Values are kept per scope, environment and variable. Before that, one value served every
// environment of that name in every workspace, so a repository declaring an environment "prod" got
// the values stored for another project's "prod"; those older values are moved to the user scope.
const KEY_PREFIX = 'trtcExplorer.environmentSecret.v2/';
const LEGACY_PREFIX = 'trtcExplorer.environmentSecret/';

function scopeId(scope: SecretScope): string {
  return scope.kind === 'user' ? 'user' : `workspace:${scope.folder}`;
}

/** The SecretStorage key of one secret variable; every part is encoded so none can reach into another. */
function keyOf(scope: SecretScope, environmentName: string, variableName: string): string {
  return `${KEY_PREFIX}${encodeURIComponent(scopeId(scope))}/${encodeURIComponent(environmentName)}/${encodeURIComponent(variableName)}`;
}

function legacyKeyOf(environmentName: string, variableName: string): string {
  return `${LEGACY_PREFIX}${encodeURIComponent(environmentName)}/${encodeURIComponent(variableName)}`;
}

/** How a scope is named to the user. */
export function describeScope(scope: SecretScope): string {
  return scope.kind === 'user' ? vscode.l10n.t('your user environments') : vscode.l10n.t('this workspace');
}

/** One scope's secret values: what resolves `{{Variable}}` references for that scope's environments. */
export interface ScopedSecrets extends SecretResolver {
  readonly scope: SecretScope;
  /** How the scope is named to the user, such as "this workspace". */
  readonly label: string;
  set(environmentName: string, variableName: string, value: string): Promise<void>;
  delete(environmentName: string, variableName: string): Promise<void>;
  /** Asks for a value in a password box; undefined when dismissed. Nothing is stored here. */
  prompt(environmentName: string, variableName: string, ask?: (options: vscode.InputBoxOptions) => Thenable<string | undefined>): Promise<string | undefined>;
}

/**
 * The values of secret environment variables (`"UserSig": { "secret": true }`). Environment files
 * never hold them: each one lives in the editor's SecretStorage under its scope (the user, or one
 * workspace folder), the environment's name and the variable's name, and is read only when a
 * request that uses it is resolved. SecretStorage is shared by every window, so changes made
 * elsewhere are announced through `onDidChange`.
 */
export class EnvironmentSecrets implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<{ scope: string; environment: string; variable: string }>();
  /** Fires when a secret variable's value is set or cleared, in this window or another. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** Told every value read or written, so the log can mask it. */
    private readonly onSecretsSeen: (values: string[]) => void = () => {},
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(KEY_PREFIX)) {
        const [scope = '', environment = '', variable = ''] = e.key.slice(KEY_PREFIX.length).split('/').map(decodeURIComponent);
        this.changed.fire({ scope, environment, variable });
      }
    });
  }

  /** The secret values of one scope. */
  forScope(scope: SecretScope): ScopedSecrets {
    return {
      scope,
      label: describeScope(scope),
      get: (environment, variable) => this.get(scope, environment, variable),
      set: (environment, variable, value) => this.set(scope, environment, variable, value),
      delete: async (environment, variable) => {
        await this.secrets.delete(keyOf(scope, environment, variable));
      },
      prompt: (environment, variable, ask) => this.prompt(scope, environment, variable, ask),
      missingHint: (environment, variable) =>
        vscode.l10n.t('set it with "TRTC: Set Secret Variable Value…" for environment "{0}", variable "{1}" ({2})', environment, variable, describeScope(scope)),
    };
  }

  /**
   * The stored value, or undefined. A value stored by an older version (one per environment name,
   * for every workspace) is moved to the user scope the first time it is looked for: the user's own
   * environments keep it, and no workspace's environment receives it without the user setting it.
   */
  private async get(scope: SecretScope, environmentName: string, variableName: string): Promise<string | undefined> {
    let value = await this.secrets.get(keyOf(scope, environmentName, variableName));
    if (value === undefined) {
      const legacy = await this.secrets.get(legacyKeyOf(environmentName, variableName));
      if (legacy !== undefined) {
        const userKey = keyOf({ kind: 'user' }, environmentName, variableName);
        if ((await this.secrets.get(userKey)) === undefined) {
          await this.secrets.store(userKey, legacy);
        }
        await this.secrets.delete(legacyKeyOf(environmentName, variableName));
        value = scope.kind === 'user' ? legacy : undefined;
      }
    }
    if (value) {
      this.onSecretsSeen([value]);
    }
    return value;
  }

  private async set(scope: SecretScope, environmentName: string, variableName: string, value: string): Promise<void> {
    this.onSecretsSeen([value]);
    await this.secrets.store(keyOf(scope, environmentName, variableName), value);
  }

  private async prompt(
    scope: SecretScope,
    environmentName: string,
    variableName: string,
    ask: (options: vscode.InputBoxOptions) => Thenable<string | undefined> = (options) => vscode.window.showInputBox(options),
  ): Promise<string | undefined> {
    const existing = await this.secrets.get(keyOf(scope, environmentName, variableName));
    return ask({
      title: vscode.l10n.t('Secret variable {0} of environment "{1}" ({2})', variableName, environmentName, describeScope(scope)),
      prompt: existing
        ? vscode.l10n.t('A value is stored. Enter a new one to replace it. It is kept in the editor\'s secret storage only, never in the environment file.')
        : vscode.l10n.t('It is kept in the editor\'s secret storage only, never in the environment file.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v === '' ? vscode.l10n.t('Enter a value, or press Escape to keep the current one') : undefined),
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
