import * as vscode from 'vscode';
import type { ResultString } from '../../shared/resultStrings';

/**
 * The result page's strings in the editor's language. Each is a literal `vscode.l10n.t` call, so
 * the translation check of the extension's strings covers the page too; the record's type makes
 * the compiler insist on every string the page has.
 */
export function resultPageStrings(): Record<ResultString, string> {
  return {
    'Table': vscode.l10n.t('Table'),
    'Chart': vscode.l10n.t('Chart'),
    'JSON': vscode.l10n.t('JSON'),
    'Filter rows': vscode.l10n.t('Filter rows'),
    '{0} of {1} rows': vscode.l10n.t('{0} of {1} rows'),
    '{0} rows': vscode.l10n.t('{0} rows'),
    '1 row': vscode.l10n.t('1 row'),
    'Copy cell': vscode.l10n.t('Copy cell'),
    'Copy row': vscode.l10n.t('Copy row'),
    'Copy table as CSV': vscode.l10n.t('Copy table as CSV'),
    'Save as CSV…': vscode.l10n.t('Save as CSV…'),
    'Save as PNG…': vscode.l10n.t('Save as PNG…'),
    'Times': vscode.l10n.t('Times'),
    'Time': vscode.l10n.t('Time'),
    'Day': vscode.l10n.t('Day'),
    'Local': vscode.l10n.t('Local'),
    'UTC': vscode.l10n.t('UTC'),
    'Back': vscode.l10n.t('Back'),
    'Bars': vscode.l10n.t('Bars'),
    'Lines': vscode.l10n.t('Lines'),
    'Reset zoom': vscode.l10n.t('Reset zoom'),
    'Totals': vscode.l10n.t('Totals'),
    'Plot columns': vscode.l10n.t('Plot columns'),
    'Time column': vscode.l10n.t('Time column'),
    'Values': vscode.l10n.t('Values'),
    'Split by': vscode.l10n.t('Split by'),
    '(none)': vscode.l10n.t('(none)'),
    'Plot': vscode.l10n.t('Plot'),
    'Nothing to draw': vscode.l10n.t('Nothing to draw'),
    'Nothing to show': vscode.l10n.t('Nothing to show'),
    'No rows match the filter.': vscode.l10n.t('No rows match the filter.'),
    'Drag across a chart to zoom in on a time range; double-click to zoom out. Click a legend entry to hide or show its series.': vscode.l10n.t('Drag across a chart to zoom in on a time range; double-click to zoom out. Click a legend entry to hide or show its series.'),
    '{0} is moved by {1} so that both answers start together.': vscode.l10n.t('{0} is moved by {1} so that both answers start together.'),
    'Compare: {0} and {1}': vscode.l10n.t('Compare: {0} and {1}'),
    'Event {0}': vscode.l10n.t('Event {0}'),
    'Experience {0}': vscode.l10n.t('Experience {0}'),
    'Lists': vscode.l10n.t('Lists'),
    'Open the {0} rows of this cell': vscode.l10n.t('Open the {0} rows of this cell'),
    'Select a time column and at least one value column.': vscode.l10n.t('Select a time column and at least one value column.'),
    'The two answers have no chart in common to overlay.': vscode.l10n.t('The two answers have no chart in common to overlay.'),
  };
}
