import * as vscode from 'vscode';
import { findAction, getCatalog, searchActions } from '../../core/catalog/catalog';
import type { ActionInfo } from '../../core/catalog/types';
import { isChineseUi, readConfig } from '../common/config';
import { wrapCommand } from '../common/errors';
import { CommandId, SANDBOX_PROFILE } from '../common/ids';
import type { Log } from '../common/log';
import type { CredentialStore } from '../credentials/credentialStore';
import type { RequestController } from '../requests/requestController';
import { localized, type ActionArgs, type CatalogTreeProvider } from './catalogTree';
import type { ExplorerStatusBar } from '../requests/statusBar';
import { RequestPanel, type PanelServices } from '../requests/requestPanel';
import { importFromEnvironment, importFromTccli, pickProfile, pickRegion, promptProfile } from '../credentials/profileCommands';

/** Everything the commands need, built once in `activate`. */
export interface CommandServices extends PanelServices {
  log: Log;
  credentials: CredentialStore;
  controller: RequestController;
  statusBar: ExplorerStatusBar;
  tree: CatalogTreeProvider;
  apiView: vscode.TreeView<unknown>;
  state: vscode.Memento;
  /** Re-reads profiles and refreshes the status bar, context keys and tree. */
  refreshSession: () => Promise<void>;
}

const REGION_KEY = 'trtcExplorer.activeRegion';

/** The region the session uses: chosen in this session, else the profile's, else the setting. */
export function activeRegion(state: vscode.Memento, profileRegion?: string): string {
  return state.get<string>(REGION_KEY) ?? profileRegion ?? readConfig().defaultRegion;
}

/** Asks for an action by name or words (both languages); undefined when dismissed. */
async function pickAction(placeHolder: string): Promise<ActionInfo | undefined> {
  const zh = isChineseUi();
  const categories = new Map(getCatalog().categories.map((c) => [c.key, zh ? c.zh : c.en]));
  const items = getCatalog().actions.map((a) => ({
    label: a.name,
    description: localized(a.summary),
    detail: `${categories.get(a.category) ?? a.category}${a.deprecated ? ` · ${vscode.l10n.t('Deprecated')}` : ''}`,
    action: a,
  }));
  const pick = vscode.window.createQuickPick<(typeof items)[number]>();
  pick.placeholder = placeHolder;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  // VS Code's fuzzy matching handles names; words of the summaries and titles (in either language)
  // come from the catalog's own search, so "解散" or "mute user" find their actions too.
  pick.onDidChangeValue((value) => {
    const hits = value.trim() ? new Set(searchActions(value).map((a) => a.name)) : undefined;
    pick.items = hits ? [...items.filter((i) => hits.has(i.label)), ...items.filter((i) => !hits.has(i.label))] : items;
  });
  pick.show();
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.action);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
  });
}

/** Registers every command of the explorer. */
export function registerCommands(s: CommandServices): vscode.Disposable[] {
  const reg = (id: string, fn: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, wrapCommand(s.log, id, fn as (...args: unknown[]) => unknown));
  return [
    reg(CommandId.ShowLogs, () => s.log.show()),
    reg(CommandId.OpenSettings, () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:trtc-api-explorer.trtc-api-explorer')),
    reg(CommandId.OpenAction, async (args?: ActionArgs | string) => {
      const action = typeof args === 'string' ? findAction(args) : args?.action ?? (await pickAction(vscode.l10n.t('Action to open')));
      if (action) {
        return RequestPanel.show(s, action.name);
      }
      return undefined;
    }),
    reg(CommandId.FindAction, async () => {
      const action = await pickAction(vscode.l10n.t('Find an action by name or words, e.g. "dismiss room" or "录制"'));
      if (action) {
        const node = s.tree.actionNode(action.name);
        if (node && s.apiView.visible) {
          await s.apiView.reveal(node, { select: true, focus: false });
        }
        RequestPanel.show(s, action.name);
      }
    }),
    reg(CommandId.FilterActions, async () => {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Actions'),
        value: s.tree.filter,
        prompt: vscode.l10n.t('Words of an action\'s name, summary or description (English or Chinese)'),
      });
      if (text !== undefined) {
        s.tree.setFilter(text);
        s.apiView.message = text.trim() ? vscode.l10n.t('Filtered by "{0}"', text.trim()) : undefined;
      }
    }),
    reg(CommandId.ClearFilter, () => {
      s.tree.setFilter('');
      s.apiView.message = undefined;
    }),
    reg(CommandId.OpenActionDocs, async (args?: ActionArgs) => {
      const action = args?.action ?? (await pickAction(vscode.l10n.t('Action whose documentation to open')));
      const url = action && (isChineseUi() ? action.docUrl.cn ?? action.docUrl.intl : action.docUrl.intl ?? action.docUrl.cn);
      if (url) {
        await vscode.env.openExternal(vscode.Uri.parse(url));
      }
    }),
    reg(CommandId.CopyRequestId, async () => {
      const id = s.statusBar.lastRequestId;
      if (!id) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No RequestId yet: send a call first.'));
        return;
      }
      await vscode.env.clipboard.writeText(id);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('RequestId {0} copied', id), 3000);
    }),
    reg(CommandId.AddProfile, async () => {
      const profile = await promptProfile(s.credentials);
      if (profile) {
        await s.credentials.upsert(profile);
        await s.credentials.setActive(profile.name);
        void vscode.window.showInformationMessage(vscode.l10n.t('Profile "{0}" saved and active.', profile.name));
      }
      return profile?.name;
    }),
    reg(CommandId.EditProfile, async () => {
      const name = await pickProfile(s.credentials, vscode.l10n.t('Profile to edit'));
      const existing = name ? await s.credentials.get(name) : undefined;
      if (!existing) {
        return;
      }
      const profile = await promptProfile(s.credentials, existing);
      if (profile) {
        await s.credentials.upsert(profile, existing.name);
      }
    }),
    reg(CommandId.SwitchProfile, async () => {
      const name = await pickProfile(s.credentials, vscode.l10n.t('Profile to use'), true);
      if (name) {
        await s.credentials.setActive(name);
      }
    }),
    reg(CommandId.RemoveProfile, async () => {
      const name = await pickProfile(s.credentials, vscode.l10n.t('Profile to remove'));
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
        await s.credentials.remove(name);
      }
    }),
    reg(CommandId.ImportEnvProfile, () => importFromEnvironment(s.credentials)),
    reg(CommandId.ImportTccliProfile, () => importFromTccli(s.credentials)),
    reg(CommandId.SwitchRegion, async () => {
      const active = await s.credentials.active();
      const region = await pickRegion(activeRegion(s.state, active?.region));
      if (region) {
        await s.state.update(REGION_KEY, region);
        await s.refreshSession();
      }
    }),
    reg(CommandId.UseSandbox, async () => {
      await s.credentials.setActive(SANDBOX_PROFILE);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Sandbox on: answers are generated from the catalog, nothing is sent and no credentials are needed. Add a profile to call the real API.'),
      );
    }),
  ];
}
