import * as vscode from 'vscode';
import { outputSchema } from '../../core/results/outputSchema';
import type { Log } from '../common/log';
import { PanelHost } from '../common/panelHost';
import { webviewOptions } from '../common/webviewHtml';
import { fromResultPageSchema, type FromResultPage, type ResultAnswer, type ResultInit, type ResultMode, type ToResultPage } from '../../shared/resultProtocol';
import { resultPageStrings } from './resultPageStrings';

/** The view type of the result panel. */
export const RESULT_PANEL_TYPE = 'trtcExplorer.result';

/** What the panel needs from the extension. */
export interface ResultPanelServices {
  extensionUri: vscode.Uri;
  log: Log;
}

/** What one panel shows: one answer, or two of the same action to compare. */
export interface ResultContent {
  title: string;
  action?: string;
  answers: ResultAnswer[];
  mode: ResultMode;
}

// The first bytes of every PNG file.
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The host side of the result view: one webview panel, reused for every answer shown and opened
 * beside the document. Every message from the page is validated with the protocol's zod schema
 * before it is handled; files are written only where the user chose in a save dialog.
 */
export class ResultPanel extends PanelHost<FromResultPage, ToResultPage> {
  private static current: ResultPanel | undefined;
  private content: ResultContent;
  private ready = false;

  /**
   * Where a file is saved: a save dialog by default; replaceable so integration tests can answer
   * it without a dialog.
   */
  static pickSaveTarget: (fileName: string, kind: 'csv' | 'png') => Promise<vscode.Uri | undefined> = async (fileName, kind) => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
      filters: kind === 'csv' ? { CSV: ['csv'] } : { PNG: ['png'] },
      saveLabel: kind === 'csv' ? vscode.l10n.t('Save CSV') : vscode.l10n.t('Save PNG'),
    });
  };

  /** Shows content in the result panel, creating it beside the active editor or reusing the open one. */
  static show(services: ResultPanelServices, content: ResultContent): ResultPanel {
    const open = ResultPanel.current;
    if (open) {
      open.update(content);
      open.panel.reveal(undefined, false);
      return open;
    }
    const panel = vscode.window.createWebviewPanel(
      RESULT_PANEL_TYPE,
      content.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      webviewOptions(services.extensionUri),
    );
    ResultPanel.current = new ResultPanel(services, panel, content);
    return ResultPanel.current;
  }

  /** The open panel, if any (commands and tests use it). */
  static get open(): ResultPanel | undefined {
    return ResultPanel.current;
  }

  private constructor(
    services: ResultPanelServices,
    panel: vscode.WebviewPanel,
    content: ResultContent,
  ) {
    super(panel, services.extensionUri, { script: 'result.js', stylesheets: ['dist/result.css', 'media/result.css'], title: content.title, schema: fromResultPageSchema, component: 'result' }, services.log);
    this.content = content;
    this.disposables.push(
      // A hidden webview is unloaded; when shown again its page asks with `ready` once more.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  /** True once the page has loaded and asked for its data (integration tests wait for it). */
  get isReady(): boolean {
    return this.ready;
  }

  /** What the panel shows now. */
  get shown(): ResultContent {
    return this.content;
  }

  /** Replaces what the panel shows. */
  update(content: ResultContent): void {
    this.content = content;
    this.panel.title = content.title;
    if (this.ready) this.post({ type: 'init', data: this.initData() });
  }

  /** Switches the mode of the page. */
  setMode(mode: ResultMode): void {
    this.content = { ...this.content, mode };
    this.post({ type: 'mode', mode });
  }

  private initData(): ResultInit {
    const schema = this.content.action ? outputSchema(this.content.action) : undefined;
    return {
      title: this.content.title,
      ...(this.content.action ? { action: this.content.action } : {}),
      answers: this.content.answers,
      ...(schema ? { schema } : {}),
      mode: this.content.mode,
      strings: resultPageStrings(),
      locale: vscode.env.language,
    };
  }

  protected failed(e: unknown): void {
    void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
  }

  protected async handle(m: FromResultPage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', data: this.initData() });
        return;
      case 'modeChanged':
        this.content = { ...this.content, mode: m.mode };
        return;
      case 'copyText':
        await vscode.env.clipboard.writeText(m.text);
        void vscode.window.setStatusBarMessage(m.what === 'cell' ? vscode.l10n.t('Cell copied') : m.what === 'row' ? vscode.l10n.t('Row copied as CSV') : vscode.l10n.t('Table copied as CSV'), 2000);
        return;
      case 'saveCsv':
        await this.save(m.fileName, 'csv', Buffer.from(m.csvText, 'utf8'));
        return;
      case 'savePng': {
        const bytes = Buffer.from(m.pngBase64, 'base64');
        if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) {
          throw new Error(vscode.l10n.t('The chart image is not a PNG; nothing was saved.'));
        }
        await this.save(m.fileName, 'png', bytes);
        return;
      }
    }
  }

  private async save(fileName: string, kind: 'csv' | 'png', bytes: Uint8Array): Promise<void> {
    const target = await ResultPanel.pickSaveTarget(fileName, kind);
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Saved {0}', target.scheme === 'file' ? target.fsPath : target.toString()), 3000);
  }

  override dispose(): void {
    if (ResultPanel.current === this) ResultPanel.current = undefined;
    super.dispose();
  }
}
