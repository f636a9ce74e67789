import * as vscode from 'vscode';

/*
 * Small helpers for the Markdown documents the tools open: code fences that no value can break out
 * of, table cells that keep their pipes, and times in UTC, local time and relative to now.
 */

/** A fenced code block longer than any run of backticks in the value. */
export function codeBlock(value: string, language = 'text'): string {
  const longest = Math.max(2, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${value}\n${fence}`;
}

/** Inline code that survives backticks inside the value. */
export function inlineCode(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${value} ${fence}` : `${fence}${value}${fence}`;
}

/** A table cell: pipes escaped and line breaks flattened. */
export function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table from a header row and rows of cells (already escaped or plain). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Unix seconds as UTC ISO time and the editor's local time. */
export function timeText(seconds: number): string {
  const d = new Date(seconds * 1000);
  let local: string;
  try {
    local = d.toLocaleString(vscode.env.language, { hour12: false });
  } catch {
    local = d.toString();
  }
  return `${d.toISOString().replace('.000Z', 'Z')} (${local})`;
}
