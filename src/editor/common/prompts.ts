import * as vscode from 'vscode';

/**
 * Every question the signature, export, callback and UserSig commands ask, behind one seam. Each
 * question has a stable id so integration tests can answer it by replacing `ToolsApi.prompts`
 * (the `vscode` module itself is never mocked); the default asks through the editor's own UI.
 */
export interface ToolPrompts {
  /** An input box; undefined when dismissed. */
  input(id: string, options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** A single-choice quick pick; undefined when dismissed. */
  pick<T extends vscode.QuickPickItem>(id: string, items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  /** A multiple-choice quick pick (items with `picked` start selected); undefined when dismissed. */
  pickMany<T extends vscode.QuickPickItem>(id: string, items: readonly T[], options: vscode.QuickPickOptions): Promise<T[] | undefined>;
  /** A modal question with one action button; true when that button was chosen. */
  confirm(id: string, message: string, detail: string, action: string): Promise<boolean>;
  /** A file to read, or undefined. */
  openFile(id: string, title: string): Promise<vscode.Uri | undefined>;
}

/** The editor's own input boxes, quick picks and dialogs. */
export const editorPrompts: ToolPrompts = {
  input: (_id, options) => Promise.resolve(vscode.window.showInputBox({ ignoreFocusOut: true, ...options })),
  pick: (_id, items, options) => Promise.resolve(vscode.window.showQuickPick([...items], { ignoreFocusOut: true, ...options })),
  pickMany: (_id, items, options) => Promise.resolve(vscode.window.showQuickPick([...items], { ignoreFocusOut: true, ...options, canPickMany: true })),
  confirm: async (_id, message, detail, action) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action,
  openFile: async (_id, title) => (await vscode.window.showOpenDialog({ title, canSelectMany: false, canSelectFolders: false }))?.[0],
};

/**
 * Every question the history and collection commands ask. The defaults are VS Code's modal
 * dialog, quick pick and input box; integration tests replace the methods of the one shared
 * object with scripted answers, so the flows behind the questions run for real.
 */
export interface Prompts {
  /** Asks for confirmation in a modal dialog; true only when `ok` was chosen. */
  confirm(message: string, detail: string, ok: string): Promise<boolean>;
  /** Asks to choose one item. */
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** Asks for a line of text. */
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
}

/** The real dialogs. */
export function defaultPrompts(): Prompts {
  return {
    confirm: async (message, detail, ok) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, ok)) === ok,
    pick: (items, options) => vscode.window.showQuickPick(items, options),
    input: (options) => vscode.window.showInputBox(options),
  };
}
