import * as vscode from 'vscode';
import type { CallResult, CallSpec } from '../../core/requests/types';
import { RESULT_SCHEME } from './ids';

/** The call a result document shows, so commands on the document can act on that call. */
export interface DocumentCall {
  spec: CallSpec;
  result?: CallResult;
  /** A profile name, or the sandbox's pseudo-profile name. */
  profile?: string;
}

/** One read-only virtual document: its text, the language it opens in, and the call it shows. */
interface VirtualDocument {
  text: string;
  language: string;
  call?: DocumentCall;
}

/** Options of {@link ResultDocuments.open}. */
export interface OpenOptions {
  preserveFocus?: boolean;
  /** The call the document shows (an answer, a signature), for the commands of its title bar. */
  call?: DocumentCall;
}

// Result documents live in memory only. Old ones are evicted beyond this count; an editor that
// still shows an evicted document keeps its text, and the history keeps every response anyway.
const MAX_DOCUMENTS = 200;

/** The file extension of a document in a language, so its tab and any "Save As" name fit its content. */
function extensionOf(language: string): string {
  switch (language) {
    case 'json':
      return '.json';
    case 'jsonc':
      return '.jsonc';
    case 'markdown':
      return '.md';
    case 'plaintext':
      return '.txt';
    default:
      return '';
  }
}

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
  async open(title: string, text: string, language = 'json', options: OpenOptions = {}): Promise<vscode.TextEditor> {
    const uri = this.add(title, text, language, options.call);
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
  add(title: string, text: string, language = 'json', call?: DocumentCall): vscode.Uri {
    const safe = title.replace(/[\\/*?"<>|]+/g, '-');
    const path = `/${++this.counter}/${safe}${extensionOf(language)}`;
    this.docs.set(path, { text, language, ...(call ? { call } : {}) });
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

  /** The call a result document shows, when it was opened with one. */
  callOf(uri: vscode.Uri): DocumentCall | undefined {
    return uri.scheme === RESULT_SCHEME ? this.docs.get(uri.path)?.call : undefined;
  }

  dispose(): void {
    this.changed.dispose();
    this.docs.clear();
  }
}
