// C0 and C1 controls (ESC starts the ANSI sequences that recolour, move the cursor or retitle a
// terminal), DEL, and the bidirectional overrides and isolates that reorder what a line shows.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a file or a server made safe for a terminal: every control character and bidirectional
 * override becomes a visible `\u001b`-style escape, so a name cannot colour, move or hide output.
 * Tabs stay; line breaks stay only where `multiline` allows them, and become `\n` otherwise.
 */
export function terminalSafe(text: string, multiline = false): string {
  const escaped = text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return multiline ? escaped : escaped.replace(/\r?\n/g, '\\n');
}
