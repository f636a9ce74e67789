import * as vscode from 'vscode';
import { findAction } from '../../core/catalog/catalog';
import { readAnswer } from '../../core/results/readAnswer';
import type { CommandHandler } from '../common/commands';
import { RESULT_SCHEME, ResultCommandId } from '../common/ids';
import type { Log } from '../common/log';
import type { ResultMode } from '../../shared/resultProtocol';
import { ResultPanel } from './resultPanel';

/** What the result view needs from the extension. */
export interface ResultsDeps {
  extensionUri: vscode.Uri;
  log: Log;
  /** The result documents: the text of a `trtc-result` document, and the call it shows. */
  results: { textOf(uri: vscode.Uri): string | undefined; callOf(uri: vscode.Uri): { spec: { action: string } } | undefined };
}

/** The result view: answers as tables and charts, for the commands and the integration tests. */
export interface ResultsFeature extends vscode.Disposable {
  handlers: Record<ResultCommandId, CommandHandler>;
  /** The open result panel. */
  panel(): ResultPanel | undefined;
  /** Shows a document's answer (the same as the commands). */
  show(uri: vscode.Uri, mode: ResultMode): Promise<ResultPanel | undefined>;
  /** Overlays two documents' answers of the same action. */
  compare(newer: vscode.Uri, older: vscode.Uri, mode: ResultMode): Promise<ResultPanel | undefined>;
  /** Replaces the save dialog (undefined restores it), so tests can save without one. */
  setSaveTarget(pick: typeof ResultPanel.pickSaveTarget | undefined): void;
}

/** The document's name without folders and extension: the action and time the tab shows. */
function documentLabel(uri: vscode.Uri): string {
  const base = uri.path.split('/').pop() ?? uri.path;
  return decodeURIComponent(base).replace(/\.(jsonc?|json)$/i, '');
}

/** The action of a document: what a history document says, else the first word of its name (`DescribeTrtcUsage 14:02:11`). */
function documentAction(uri: vscode.Uri, text: string): string | undefined {
  const named = readAnswer(text).action ?? documentLabel(uri).split(/\s+/)[0];
  return named ? findAction(named)?.name : undefined;
}

/**
 * "Show as Table" and "Show as Chart" for result documents (editor title actions of the
 * `trtc-result` scheme). In a diff of two result documents (history's compare), the same commands
 * overlay both answers in one chart.
 */
export function createResultsFeature(deps: ResultsDeps): ResultsFeature {
  const textOf = (uri: vscode.Uri): string | undefined => deps.results.textOf(uri) ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText();

  const show = async (uri: vscode.Uri, mode: ResultMode): Promise<ResultPanel | undefined> => {
    const text = textOf(uri);
    if (text === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This result is no longer available; run the call again to see it as a table or chart.'));
      return undefined;
    }
    const action = deps.results.callOf(uri)?.spec.action ?? documentAction(uri, text);
    const label = documentLabel(uri);
    return ResultPanel.show({ extensionUri: deps.extensionUri, log: deps.log }, { title: label, ...(action ? { action } : {}), answers: [{ label, text }], mode });
  };

  const compare = async (newer: vscode.Uri, older: vscode.Uri, mode: ResultMode): Promise<ResultPanel | undefined> => {
    const a = textOf(newer);
    const b = textOf(older);
    if (a === undefined || b === undefined) return show(a === undefined ? older : newer, mode);
    const actionA = documentAction(newer, a);
    const actionB = documentAction(older, b);
    if (actionA !== actionB) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Only answers of the same action can be overlaid ({0} and {1}); showing the first.', actionA ?? '?', actionB ?? '?'));
      return show(newer, mode);
    }
    const labels = [documentLabel(newer), documentLabel(older)];
    return ResultPanel.show({ extensionUri: deps.extensionUri, log: deps.log }, {
      title: vscode.l10n.t('{0} ↔ {1}', labels[0]!, labels[1]!),
      ...(actionA ? { action: actionA } : {}),
      answers: [
        { label: labels[0]!, text: a },
        { label: labels[1]!, text: b },
      ],
      mode,
    });
  };

  /** The document a command acts on: the editor title's resource, else the active editor's; and the other side of a diff. */
  const run = async (mode: ResultMode, arg: unknown): Promise<ResultPanel | undefined> => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a result document first.'));
      return undefined;
    }
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (input instanceof vscode.TabInputTextDiff && input.original.scheme === RESULT_SCHEME && input.modified.scheme === RESULT_SCHEME && [input.original.toString(), input.modified.toString()].includes(uri.toString())) {
      return compare(input.modified, input.original, mode);
    }
    return show(uri, mode);
  };

  const dialog = ResultPanel.pickSaveTarget;
  const setSaveTarget = (pick: typeof ResultPanel.pickSaveTarget | undefined) => {
    ResultPanel.pickSaveTarget = pick ?? dialog;
  };
  return {
    handlers: {
      [ResultCommandId.ShowAsTable]: (arg?: unknown) => run('table', arg),
      [ResultCommandId.ShowAsChart]: (arg?: unknown) => run('chart', arg),
    },
    panel: () => ResultPanel.open,
    show,
    compare,
    setSaveTarget,
    dispose: () => ResultPanel.open?.dispose(),
  };
}
