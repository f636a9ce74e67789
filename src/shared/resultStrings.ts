/*
 * Every English string the result page (src/pages/result) shows. The host localizes them and sends the table with
 * `init` (`ResultInit.strings`, keyed by these texts); `{0}`-style placeholders are filled in by
 * the page. Texts that come from the core (reasons, chart titles) carry both languages already.
 */

/** The page's UI strings in English, which are also their keys. */
export const RESULT_STRINGS = [
  'Table',
  'Chart',
  'JSON',
  'Filter rows',
  '{0} of {1} rows',
  '{0} rows',
  '1 row',
  'Copy cell',
  'Copy row',
  'Copy table as CSV',
  'Save as CSV…',
  'Save as PNG…',
  'Times',
  'Time',
  'Day',
  'Local',
  'UTC',
  'Back',
  'Bars',
  'Lines',
  'Reset zoom',
  'Totals',
  'Plot columns',
  'Time column',
  'Values',
  'Split by',
  '(none)',
  'Plot',
  'Nothing to draw',
  'Nothing to show',
  'No rows match the filter.',
  'Drag across a chart to zoom in on a time range; double-click to zoom out. Click a legend entry to hide or show its series.',
  '{0} is moved by {1} so that both answers start together.',
  'Compare: {0} and {1}',
  'Event {0}',
  'Experience {0}',
  'Lists',
  'Open the {0} rows of this cell',
  'Select a time column and at least one value column.',
  'The two answers have no chart in common to overlay.',
] as const;

/** One of the page's strings. */
export type ResultString = (typeof RESULT_STRINGS)[number];
