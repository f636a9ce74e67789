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
      viewColumn: this.columnForNew(),
      preview: false,
      preserveFocus: options.preserveFocus ?? false,
    });
    this.lastColumn = editor.viewColumn;
    return editor;
  }

  /**
   * Shows the answer of a form in the one document that form keeps: the same tab is updated for
   * every call instead of a new tab per call, in the group beside the form (or where the document
   * already is). Named for its content, `<Action>.json`.
   */
  async showAnswer(action: string, text: string, options: OpenOptions & { besideOf?: vscode.ViewColumn } = {}): Promise<vscode.TextEditor> {
    const uri = answerUri(action);
    this.docs.set(uri.path, { text, language: 'json', ...(options.call ? { call: options.call } : {}) });
    this.changed.fire(uri);
    const shown = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()));
    const column = shown?.viewColumn ?? (options.besideOf !== undefined ? ((options.besideOf + 1) as vscode.ViewColumn) : vscode.ViewColumn.Beside);
    const doc = await vscode.workspace.openTextDocument(uri);
    const typed = doc.languageId === 'json' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'json');
    const editor = await vscode.window.showTextDocument(typed, { viewColumn: column, preview: false, preserveFocus: options.preserveFocus ?? true });
    this.lastColumn = editor.viewColumn;
    return editor;
  }

  /**
   * Where a new document opens: the column of the previous one while that group is still there;
   * beside the active editor when there is one; otherwise in the active group, so that opening a
   * document never leaves an empty group behind.
   */
  private columnForNew(): vscode.ViewColumn {
    const groups = vscode.window.tabGroups.all;
    if (this.lastColumn !== undefined && groups.some((g) => g.viewColumn === this.lastColumn && g.tabs.length > 0)) {
      return this.lastColumn;
    }
    return vscode.window.tabGroups.activeTabGroup.tabs.length > 0 ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
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

/** The one answer document of an action's form, `<Action>.json`. */
export function answerUri(action: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RESULT_SCHEME, path: `/answers/${action.replace(/[\\/*?"<>|]+/g, '-')}.json` });
}
