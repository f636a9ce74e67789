import * as vscode from 'vscode';
import { describeSkew } from '../../core/requests/skew';
import { isChineseUi } from './config';
import { CommandId, ProfileCommandId, StatusBarItemId } from './ids';

/** What the status bar shows about the last call. */
export interface LastCall {
  action: string;
  outcome: 'ok' | 'api-error' | 'failed';
  httpStatus?: number;
  latencyMs?: number;
  requestId?: string;
  errorCode?: string;
  sandbox: boolean;
}

/**
 * Three status bar items: the active profile and region (click to switch), the last call's status,
 * latency and RequestId (click to copy the RequestId), and a clock-skew warning when the local
 * clock is more than 30 seconds off the server's.
 */
export class ExplorerStatusBar implements vscode.Disposable {
  private readonly profile = vscode.window.createStatusBarItem(StatusBarItemId.Profile, vscode.StatusBarAlignment.Left, 50);
  private readonly call = vscode.window.createStatusBarItem(StatusBarItemId.LastCall, vscode.StatusBarAlignment.Left, 49);
  private readonly skew = vscode.window.createStatusBarItem(StatusBarItemId.ClockSkew, vscode.StatusBarAlignment.Left, 48);
  private last: LastCall | undefined;
  private skewShown = false;

  constructor() {
    this.profile.name = vscode.l10n.t('TRTC Profile');
    this.profile.command = ProfileCommandId.SwitchProfile;
    this.call.name = vscode.l10n.t('TRTC Last Call');
    this.call.command = CommandId.CopyRequestId;
    this.skew.name = vscode.l10n.t('TRTC Clock Skew');
    this.skew.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  }

  /** Shows the active profile (or the sandbox) and region. */
  setProfile(name: string | undefined, region: string, flags: { sandbox: boolean; production: boolean }): void {
    if (flags.sandbox) {
      this.profile.text = `$(beaker) ${vscode.l10n.t('Sandbox')} · ${region}`;
      this.profile.tooltip = vscode.l10n.t('Sandbox: answers are generated from the catalog; nothing is sent. Click to switch profile.');
    } else if (name) {
      this.profile.text = `$(${flags.production ? 'shield' : 'key'}) ${name} · ${region}`;
      this.profile.tooltip = flags.production
        ? vscode.l10n.t('Profile {0} (production): calls that change state ask for confirmation. Click to switch.', name)
        : vscode.l10n.t('Profile {0}. Click to switch.', name);
    } else {
      this.profile.text = `$(key) ${vscode.l10n.t('No TRTC profile')}`;
      this.profile.tooltip = vscode.l10n.t('Add or choose a profile to call the TRTC API');
    }
    this.profile.backgroundColor = flags.production && !flags.sandbox ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.profile.show();
  }

  /** Shows the outcome of the last call. */
  setLastCall(call: LastCall): void {
    this.last = call;
    const icon = call.outcome === 'ok' ? '$(pass)' : '$(error)';
    const status = call.outcome === 'api-error' ? call.errorCode : call.httpStatus !== undefined ? String(call.httpStatus) : vscode.l10n.t('failed');
    const latency = call.latencyMs !== undefined ? ` · ${call.latencyMs} ms` : '';
    this.call.text = `${icon} ${call.action} ${status}${latency}${call.sandbox ? ` · ${vscode.l10n.t('sandbox')}` : ''}`;
    this.call.tooltip = call.requestId
      ? vscode.l10n.t('RequestId {0}. Click to copy it.', call.requestId)
      : vscode.l10n.t('No RequestId: the call did not reach the API.');
    this.call.show();
  }

  /** The clock-skew warning as shown, or undefined while the clocks agree (for tests and commands). */
  get skewWarning(): string | undefined {
    return this.skewShown ? this.skew.text : undefined;
  }

  /** The RequestId of the last call, for the copy command. */
  get lastRequestId(): string | undefined {
    return this.last?.requestId;
  }

  /** Shows the clock-skew warning when the measured offset is significant, and hides it otherwise. */
  showSkew(offsetMs: number | undefined, significant: boolean): void {
    if (significant && offsetMs !== undefined) {
      const skew = describeSkew(offsetMs, isChineseUi() ? 'zh' : 'en');
      this.skew.text = `$(watch) ${vscode.l10n.t('Clock {0}', skew)}`;
      this.skew.tooltip = vscode.l10n.t(
        'Your clock is {0} the TRTC server. Signatures are only accepted within five minutes of the server time: sync your clock, or sign with the server time when a call fails with AuthFailure.SignatureExpire.',
        skew,
      );
      this.skew.show();
      this.skewShown = true;
    } else {
      this.skew.hide();
      this.skewShown = false;
    }
  }

  dispose(): void {
    this.profile.dispose();
    this.call.dispose();
    this.skew.dispose();
  }
}
