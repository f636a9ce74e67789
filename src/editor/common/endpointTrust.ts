import * as vscode from 'vscode';
import { canonicalOrigin, isTencentOrigin, trustableOrigin, type EndpointPolicy } from '../../core/http/endpointPolicy';
import { GlobalStateKey } from './ids';
import type { GlobalState } from './state';

/** Asks the user to confirm trusting an origin; true only when they chose to trust it. */
export type TrustConfirmation = (origin: string) => Promise<boolean>;

/** The modal question, naming the host and everything a call sent there carries. */
export const confirmTrustDialog: TrustConfirmation = async (origin) => {
  const trust = vscode.l10n.t('Trust Endpoint');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Send signed requests to {0}?', origin),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Every call sent there carries your SecretId, a signature made with your SecretKey (accepted by Tencent Cloud for five minutes), the session token of temporary credentials, and every parameter, including the values of secret variables such as UserSigs and storage keys. Trust only a server you run or control. The list is kept on this machine, never in a workspace, and “TRTC: Manage Trusted Endpoints…” removes it again.',
      ),
    },
    trust,
  );
  return choice === trust;
};

/**
 * The endpoints the editor may sign for and send to. Tencent's own TRTC hosts always; besides them
 * only what the user trusted on this machine: the `trtcExplorer.endpoint` setting (machine-scoped,
 * so no workspace can set it) and the origins added with "Trust Endpoint…" after a confirmation
 * that names the host and what is sent there. The list lives in this machine's global state, which
 * settings sync does not carry, and nothing in a workspace can add to it.
 */
export class EndpointTrust {
  private readonly refused = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the list changes. */
  readonly onDidChange = this.changed.event;

  /** Asks before trusting; replaceable so integration tests can answer it. */
  confirm: TrustConfirmation = confirmTrustDialog;

  constructor(private readonly state: GlobalState) {}

  /** The policy every editor path that signs or sends checks, read afresh on every check. */
  readonly policy: EndpointPolicy = {
    isTrusted: (origin) => {
      const c = canonicalOrigin(origin);
      if (c === undefined) return false;
      if (isTencentOrigin(c) || this.list().includes(c)) return true;
      const configured = vscode.workspace.getConfiguration('trtcExplorer').inspect<string>('endpoint');
      // Only the user's own values count; a workspace cannot set this machine-scoped setting, and this makes sure.
      const own = [configured?.globalValue, configured?.defaultValue].filter((v): v is string => !!v).map((v) => canonicalOrigin(v));
      return own.includes(c);
    },
    howToTrust: (origin) => {
      this.refused.add(canonicalOrigin(origin) ?? origin);
      return vscode.l10n.t('Run “TRTC: Trust Endpoint…” to trust {0}.', origin);
    },
  };

  /** The origins the user trusted, as stored. */
  list(): string[] {
    return this.state.get(GlobalStateKey.TrustedEndpoints) ?? [];
  }

  /** The origins refused since the last call, for "Trust Endpoint…" offers after a run; the set is emptied. */
  takeRefused(): string[] {
    const out = [...this.refused];
    this.refused.clear();
    return out;
  }

  /**
   * Trusts an endpoint after the confirmation: a URL given, or one asked for (the last refused one
   * offered first). The URL must be one the extension can send to (HTTPS, or HTTP on this machine,
   * no path or credentials). Returns the origin trusted, or undefined when the user stopped.
   */
  async trust(url?: string, ask: (options: vscode.InputBoxOptions) => Thenable<string | undefined> = (o) => vscode.window.showInputBox(o)): Promise<string | undefined> {
    const suggested = [...this.refused].at(-1);
    const text =
      url ??
      (await ask({
        title: vscode.l10n.t('Trust Endpoint'),
        prompt: vscode.l10n.t('The URL of a server you run or control, such as https://trtc-gateway.example.com or http://127.0.0.1:9000'),
        ...(suggested ? { value: suggested } : {}),
        validateInput: (v) => {
          try {
            trustableOrigin(v);
            return undefined;
          } catch (e) {
            return (e as Error).message;
          }
        },
      }));
    if (!text) {
      return undefined;
    }
    const origin = trustableOrigin(text);
    if (isTencentOrigin(origin) || this.list().includes(origin)) {
      return origin;
    }
    if (!(await this.confirm(origin))) {
      return undefined;
    }
    await this.state.update(GlobalStateKey.TrustedEndpoints, [...this.list(), origin]);
    this.refused.delete(origin);
    this.changed.fire();
    void vscode.window.setStatusBarMessage(vscode.l10n.t('{0} is trusted: calls may now be sent there', origin), 5000);
    return origin;
  }

  /** Stops trusting an origin. */
  async forget(origin: string): Promise<void> {
    await this.state.update(
      GlobalStateKey.TrustedEndpoints,
      this.list().filter((o) => o !== origin),
    );
    this.changed.fire();
  }

  /** Lists the trusted endpoints to remove some. */
  async manage(): Promise<void> {
    const list = this.list();
    if (list.length === 0) {
      const add = vscode.l10n.t('Trust Endpoint…');
      if ((await vscode.window.showInformationMessage(vscode.l10n.t('No endpoint besides Tencent Cloud\'s is trusted.'), add)) === add) {
        await this.trust();
      }
      return;
    }
    const picks = await vscode.window.showQuickPick(
      list.map((origin) => ({ label: origin, description: vscode.l10n.t('trusted on this machine') })),
      { canPickMany: true, title: vscode.l10n.t('Stop trusting the selected endpoints') },
    );
    for (const p of picks ?? []) {
      await this.forget(p.label);
    }
  }

  /** Offers to trust the origins a call or run was refused for. */
  async offerTrust(message: string, origins: readonly string[]): Promise<void> {
    const trust = vscode.l10n.t('Trust Endpoint…');
    if (origins.length && (await vscode.window.showErrorMessage(message, trust)) === trust) {
      await this.trust(origins[0]);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
