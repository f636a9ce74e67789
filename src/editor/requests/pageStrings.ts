import * as vscode from 'vscode';
import { UI_STRINGS } from '../../shared/requestStrings';

/**
 * The page's strings in the editor's language. The page keys its texts by their English form;
 * the host translates each through `vscode.l10n` so one bundle serves the host and the page.
 */
export function pageStrings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const english of UI_STRINGS) {
    out[english] = vscode.l10n.t(english);
  }
  return out;
}
