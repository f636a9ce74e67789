import type * as vscode from 'vscode';
import type { CommandHandler } from '../common/commands';
import type { HistoryCommandId } from '../common/ids';
import { historyCommands, type HistoryContext } from './historyCommands';
import { HistoryRecorder } from './historyRecorder';
import { HistoryTreeProvider, type HistoryNode } from './historyTree';

/** What the history feature is built from; the view is created at activation with a stand-in provider. */
export interface HistoryDeps extends Omit<HistoryContext, 'history' | 'historyTree' | 'historyView'> {
  storageUri: vscode.Uri;
  view: vscode.TreeView<unknown>;
}

/** The request history: its recorder, view provider and command handlers. */
export interface HistoryFeature extends vscode.Disposable {
  recorder: HistoryRecorder;
  tree: HistoryTreeProvider;
  view: vscode.TreeView<HistoryNode>;
  handlers: Record<HistoryCommandId, CommandHandler>;
}

/** Builds the history feature: the store is read when the view or a command first needs it. */
export function createHistoryFeature(deps: HistoryDeps): HistoryFeature {
  const recorder = new HistoryRecorder(deps.storageUri, deps.log);
  const tree = new HistoryTreeProvider(recorder);
  const view = deps.view as vscode.TreeView<HistoryNode>;
  const handlers = historyCommands({ ...deps, history: recorder, historyTree: tree, historyView: view });
  return {
    recorder,
    tree,
    view,
    handlers,
    dispose: () => {
      tree.dispose();
      recorder.dispose();
    },
  };
}
