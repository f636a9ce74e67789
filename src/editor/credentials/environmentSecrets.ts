import * as vscode from 'vscode';
import type { SecretResolver } from '../../core/collections/variables';

const KEY_PREFIX = 'trtcExplorer.environmentSecret/';

/** The SecretStorage key of one secret variable; both names are encoded so neither can reach into the other. */
function keyOf(environmentName: string, variableName: string): string {
  return `${KEY_PREFIX}${encodeURIComponent(environmentName)}/${encodeURIComponent(variableName)}`;
}

/**
 * The values of secret environment variables (`"UserSig": { "secret": true }`). Environment files
 * never hold them: each one lives in the editor's SecretStorage under the environment's and the
 * variable's names, and is read only when a request that uses it is resolved. This is the only
 * code besides the profile store that touches `context.secrets`. SecretStorage is shared by every
 * window, so changes made elsewhere are announced through `onDidChange`.
 */
export class EnvironmentSecrets implements SecretResolver, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<{ environment: string; variable: string }>();
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
        const [environment = '', variable = ''] = e.key.slice(KEY_PREFIX.length).split('/').map(decodeURIComponent);
        this.changed.fire({ environment, variable });
      }
    });
  }

  /** The stored value of a secret variable, or undefined when none was set. */
  async get(environmentName: string, variableName: string): Promise<string | undefined> {
    const value = await this.secrets.get(keyOf(environmentName, variableName));
    if (value) {
      this.onSecretsSeen([value]);
    }
    return value;
  }

  /** Stores a secret variable's value. */
  async set(environmentName: string, variableName: string, value: string): Promise<void> {
    this.onSecretsSeen([value]);
    await this.secrets.store(keyOf(environmentName, variableName), value);
  }

  /** Forgets a secret variable's value; the variable itself stays in the environment file. */
  async delete(environmentName: string, variableName: string): Promise<void> {
    await this.secrets.delete(keyOf(environmentName, variableName));
  }

  /** How to provide a missing value, for the "cannot be resolved" message of a run. */
  missingHint(environmentName: string, variableName: string): string {
    return vscode.l10n.t('set it with "TRTC: Set Secret Variable Value…" for environment "{0}", variable "{1}"', environmentName, variableName);
  }

  /**
   * Asks for a secret variable's value in a password box; undefined when dismissed. The value is
   * not stored here: the caller decides, so a dismissed prompt changes nothing.
   */
  async prompt(
    environmentName: string,
    variableName: string,
    ask: (options: vscode.InputBoxOptions) => Thenable<string | undefined> = (options) => vscode.window.showInputBox(options),
  ): Promise<string | undefined> {
    const existing = await this.secrets.get(keyOf(environmentName, variableName));
    return ask({
      title: vscode.l10n.t('Secret variable {0} of environment "{1}"', variableName, environmentName),
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
