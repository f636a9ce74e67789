import * as vscode from 'vscode';
import { RESULT_SCHEME } from './ids';

/** One read-only virtual document: its text and the language it opens in. */
interface VirtualDocument {
  text: string;
  language: string;
}

// Result documents live in memory only. Old ones are evicted beyond this count; an editor that
// still shows an evicted document keeps its text, and the history keeps every response anyway.
const MAX_DOCUMENTS = 200;

/**
 * Serves results, traces and other generated texts as read-only documents under the extension's
 * own URI scheme, so they open as real editors (JSON highlighting, folding, search) without
 * touching the disk and cannot be saved over anything by accident.
 */
export class ResultDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly docs = new Map<string, VirtualDocument>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;
  private lastColumn: vscode.ViewColumn | undefined;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.path)?.text ?? '';
  }

  /**
   * Creates a document titled `title` (the file-name part shown on the tab) and opens it beside
   * the form, reusing the column of the previous result.
   */
  async open(title: string, text: string, language = 'json', options: { preserveFocus?: boolean } = {}): Promise<vscode.TextEditor> {
    const uri = this.add(title, text);
    const doc = await vscode.workspace.openTextDocument(uri);
    const typed = doc.languageId === language ? doc : await vscode.languages.setTextDocumentLanguage(doc, language);
    const editor = await vscode.window.showTextDocument(typed, {
      viewColumn: this.lastColumn ?? vscode.ViewColumn.Beside,
      preview: false,
      preserveFocus: options.preserveFocus ?? false,
    });
    this.lastColumn = editor.viewColumn;
    return editor;
  }

  /** Registers a document without opening it (for diffs); returns its URI. */
  add(title: string, text: string, language = 'json'): vscode.Uri {
    const safe = title.replace(/[\\/*?"<>|]+/g, '-');
    const ext = language === 'json' ? '.json' : language === 'markdown' ? '.md' : '';
    const path = `/${++this.counter}/${safe}${ext}`;
    this.docs.set(path, { text, language });
    while (this.docs.size > MAX_DOCUMENTS) {
      const oldest = this.docs.keys().next().value as string;
      this.docs.delete(oldest);
    }
    return vscode.Uri.from({ scheme: RESULT_SCHEME, path });
  }

  /** The text of a result document, for commands that act on the active editor. */
  textOf(uri: vscode.Uri): string | undefined {
    return uri.scheme === RESULT_SCHEME ? this.docs.get(uri.path)?.text : undefined;
  }

  dispose(): void {
    this.changed.dispose();
    this.docs.clear();
  }
}
