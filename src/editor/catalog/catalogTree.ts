import * as vscode from 'vscode';
import type { ActionInfo, CategoryInfo, LocalizedText } from '../../core/catalog/types';
import { loadCatalog } from './catalogAccess';
import { CatalogCommandId, ContextKey, ProfileCommandId } from '../common/ids';
import { isChineseUi } from '../common/config';

/** A node of the API tree: the hint to add credentials, a category, or an action inside one. */
export type ApiNode = { kind: 'hint' } | { kind: 'category'; category: CategoryInfo; actions: ActionInfo[] } | { kind: 'action'; action: ActionInfo };

/** Arguments of commands run on an action node. */
export type ActionArgs = Pick<Extract<ApiNode, { kind: 'action' }>, 'action'>;

/** Picks the text of the editor's language, falling back to the other one. */
export function localized(text: LocalizedText | { en: string; zh: string } | undefined): string {
  if (!text) {
    return '';
  }
  return (isChineseUi() ? text.zh || text.en : text.en || text.zh) ?? '';
}

/**
 * The API view: categories, then actions, always, with or without credentials. The catalog is
 * loaded when VS Code first asks for the children, so activation stays free of it. While there is
 * no profile and the sandbox is off, one slim first item offers to add credentials, with inline
 * buttons to try the sandbox or hide the hint.
 */
export class CatalogTreeProvider implements vscode.TreeDataProvider<ApiNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ApiNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';
  private nodes = new Map<string, ApiNode>();

  constructor(private readonly showHint: () => boolean) {}

  /** Shows only actions matching `text` (name or words of their summary and title), or all when empty. */
  setFilter(text: string): void {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', ContextKey.ApiFiltered, this.filterText !== '');
    this.refresh();
  }

  get filter(): string {
    return this.filterText;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: ApiNode): Promise<ApiNode[]> {
    if (node) {
      return node.kind === 'category' ? node.actions.map((action) => this.node({ kind: 'action', action })) : [];
    }
    const { getCatalog, searchActions } = await loadCatalog();
    const catalog = getCatalog();
    const visible = this.filterText ? new Set(searchActions(this.filterText).map((a) => a.name)) : undefined;
    const byCategory = new Map<string, ActionInfo[]>();
    for (const action of catalog.actions) {
      if (visible && !visible.has(action.name)) {
        continue;
      }
      const list = byCategory.get(action.category) ?? [];
      list.push(action);
      byCategory.set(action.category, list);
    }
    const categories = catalog.categories
      .filter((c) => byCategory.has(c.key))
      .map((category) =>
        this.node({ kind: 'category', category, actions: byCategory.get(category.key)!.sort((a, b) => a.name.localeCompare(b.name)) }),
      );
    return this.showHint() && !this.filterText ? [{ kind: 'hint' }, ...categories] : categories;
  }

  getParent(node: ApiNode): ApiNode | undefined {
    if (node.kind !== 'action') {
      return undefined;
    }
    return this.nodes.get(`category:${node.action.category}`);
  }

  getTreeItem(node: ApiNode): vscode.TreeItem {
    if (node.kind === 'hint') {
      const item = new vscode.TreeItem(vscode.l10n.t('Add credentials'), vscode.TreeItemCollapsibleState.None);
      item.id = 'hint';
      item.description = vscode.l10n.t('or try the sandbox');
      item.tooltip = vscode.l10n.t('Every action can be opened and tried in the sandbox without keys. Add a profile with your SecretId and SecretKey to call the real API.');
      item.iconPath = new vscode.ThemeIcon('key');
      item.contextValue = ';onboarding;';
      item.command = { command: ProfileCommandId.AddProfile, title: vscode.l10n.t('Add credentials') };
      return item;
    }
    if (node.kind === 'category') {
      const item = new vscode.TreeItem(
        isChineseUi() ? node.category.zh : node.category.en,
        this.filterText ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `category:${node.category.key}${this.filterText ? ':filtered' : ''}`;
      item.description = String(node.actions.length);
      item.contextValue = ';category;';
      item.iconPath = new vscode.ThemeIcon('folder-library');
      return item;
    }
    const a = node.action;
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
    item.id = `action:${a.name}`;
    item.description = localized(a.summary);
    item.tooltip = actionTooltip(a);
    item.iconPath = new vscode.ThemeIcon(
      a.deprecated ? 'circle-slash' : a.readOnly ? 'eye' : a.destructive ? 'warning' : 'play-circle',
    );
    item.contextValue = `;action;${a.readOnly ? 'readonly;' : ''}${a.destructive ? 'destructive;' : ''}`;
    item.command = { command: CatalogCommandId.OpenAction, title: vscode.l10n.t('Open Action'), arguments: [{ action: a } satisfies ActionArgs] };
    item.accessibilityInformation = { label: `${a.name}, ${localized(a.summary)}` };
    return item;
  }

  /** The tree node of an action, for `reveal`. */
  async actionNode(name: string): Promise<ApiNode | undefined> {
    if (!this.nodes.size) {
      for (const c of await this.getChildren()) {
        await this.getChildren(c);
      }
    }
    return this.nodes.get(`action:${name}`);
  }

  private node<T extends Exclude<ApiNode, { kind: 'hint' }>>(n: T): T {
    this.nodes.set(n.kind === 'category' ? `category:${n.category.key}` : `action:${n.action.name}`, n);
    return n;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The hover of an action: what it does, how it behaves, where it is available. */
export function actionTooltip(a: ActionInfo): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportThemeIcons = true;
  md.appendMarkdown(`**${a.name}** — ${escapeMd(localized(a.summary))}\n\n`);
  const badges: string[] = [];
  if (a.readOnly) {
    badges.push(`$(eye) ${vscode.l10n.t('Read-only')}`);
  } else if (a.destructive) {
    badges.push(`$(warning) ${vscode.l10n.t('Changes state')}`);
  }
  if (a.deprecated) {
    badges.push(`$(circle-slash) ${vscode.l10n.t('Deprecated')}`);
  }
  if (a.availability === 'cn') {
    badges.push(vscode.l10n.t('Chinese site only'));
  } else if (a.availability === 'intl') {
    badges.push(vscode.l10n.t('International site only'));
  }
  if (badges.length) {
    md.appendMarkdown(badges.join(' · ') + '\n\n');
  }
  const description = localized(a.description);
  if (description) {
    md.appendText(description.length > 1200 ? description.slice(0, 1200) + '…' : description);
  }
  return md;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
