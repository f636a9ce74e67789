import * as vscode from 'vscode';
import type { CommandHandler } from '../common/commands';
import { ProfileCommandId, SANDBOX_PROFILE } from '../common/ids';
import type { CredentialStore } from './credentialStore';
import { importFromEnvironment, importFromTccli, pickProfile, pickRegion, promptProfile } from './profilePrompts';
import type { ExplorerSession } from './session';

/** The handlers of the profile, region and sandbox commands. */
export function profileCommands(credentials: CredentialStore, session: ExplorerSession): Record<ProfileCommandId, CommandHandler> {
  return {
    [ProfileCommandId.AddProfile]: async () => {
      const profile = await promptProfile(credentials);
      if (profile) {
        await credentials.upsert(profile);
        await credentials.setActive(profile.name);
        void vscode.window.showInformationMessage(vscode.l10n.t('Profile "{0}" saved and active.', profile.name));
      }
      return profile?.name;
    },
    [ProfileCommandId.EditProfile]: async () => {
      const name = await pickProfile(credentials, vscode.l10n.t('Profile to edit'));
      const existing = name ? await credentials.get(name) : undefined;
      if (!existing) {
        return;
      }
      const profile = await promptProfile(credentials, existing);
      if (profile) {
        await credentials.upsert(profile, existing.name);
      }
    },
    [ProfileCommandId.SwitchProfile]: async () => {
      const name = await pickProfile(credentials, vscode.l10n.t('Profile to use'), true);
      if (name) {
        await credentials.setActive(name);
      }
    },
    [ProfileCommandId.RemoveProfile]: async () => {
      const name = await pickProfile(credentials, vscode.l10n.t('Profile to remove'));
      if (!name) {
        return;
      }
      const remove = vscode.l10n.t('Remove');
      const ok = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove profile "{0}"? Its keys are deleted from the editor\'s secret storage.', name),
        { modal: true },
        remove,
      );
      if (ok === remove) {
        await credentials.remove(name);
      }
    },
    [ProfileCommandId.ImportEnvProfile]: () => importFromEnvironment(credentials),
    [ProfileCommandId.ImportTccliProfile]: () => importFromTccli(credentials),
    [ProfileCommandId.SwitchRegion]: async () => {
      const active = await credentials.active();
      const region = await pickRegion(session.activeRegion(active?.region));
      if (region) {
        await session.setRegion(region);
      }
    },
    [ProfileCommandId.UseSandbox]: async () => {
      await credentials.setActive(SANDBOX_PROFILE);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Sandbox on: answers are generated from the catalog, nothing is sent and no credentials are needed. Add a profile to call the real API.'),
      );
    },
  };
}
