import * as vscode from 'vscode';
import type { ActionInfo } from '../../core/catalog/types';
import type { CommandHandler } from '../common/commands';
import { isChineseUi } from '../common/config';
import { CatalogCommandId } from '../common/ids';
import { loadCatalog } from './catalogAccess';
import { localized, type ActionArgs, type ApiNode, type CatalogTreeProvider } from './catalogTree';

/** What the API view's commands need. */
export interface CatalogCommandDeps {
  tree: CatalogTreeProvider;
  apiView: vscode.TreeView<ApiNode>;
  /** Opens (or reveals) the request form of an action. */
  openForm: (action: string) => Promise<unknown>;
  /** Hides the hint to add credentials for good. */
  dismissHint: () => Promise<void>;
}

/** Opens an action's page of Tencent's documentation, in the editor's language when the page exists in it. */
export async function openActionDocs(action: ActionInfo): Promise<void> {
  const url = isChineseUi() ? action.docUrl.cn ?? action.docUrl.intl : action.docUrl.intl ?? action.docUrl.cn;
  if (url) {
    await vscode.env.openExternal(vscode.Uri.parse(url));
  }
}

/** Asks for an action by name or words (both languages); undefined when dismissed. */
async function pickAction(placeHolder: string): Promise<ActionInfo | undefined> {
  const zh = isChineseUi();
  const { getCatalog, searchActions } = await loadCatalog();
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

/** The handlers of the API view's commands. */
export function catalogCommands(s: CatalogCommandDeps): Record<CatalogCommandId, CommandHandler> {
  return {
    [CatalogCommandId.OpenAction]: async (args?: ActionArgs | string) => {
      const action = typeof args === 'string' ? (await loadCatalog()).findAction(args) : args?.action ?? (await pickAction(vscode.l10n.t('Action to open')));
      return action ? s.openForm(action.name) : undefined;
    },
    [CatalogCommandId.FindAction]: async () => {
      const action = await pickAction(vscode.l10n.t('Find an action by name or words, e.g. "dismiss room" or "录制"'));
      if (action) {
        const node = await s.tree.actionNode(action.name);
        if (node && s.apiView.visible) {
          await s.apiView.reveal(node, { select: true, focus: false });
        }
        await s.openForm(action.name);
      }
    },
    [CatalogCommandId.FilterActions]: async () => {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Actions'),
        value: s.tree.filter,
        prompt: vscode.l10n.t('Words of an action\'s name, summary or description (English or Chinese)'),
      });
      if (text !== undefined) {
        s.tree.setFilter(text);
        s.apiView.message = text.trim() ? vscode.l10n.t('Filtered by "{0}"', text.trim()) : undefined;
      }
    },
    [CatalogCommandId.ClearFilter]: () => {
      s.tree.setFilter('');
      s.apiView.message = undefined;
    },
    [CatalogCommandId.DismissHint]: () => s.dismissHint(),
    [CatalogCommandId.OpenActionDocs]: async (args?: ActionArgs) => {
      const action = args?.action ?? (await pickAction(vscode.l10n.t('Action whose documentation to open')));
      if (action) {
        await openActionDocs(action);
      }
    },
  };
}
