/*
 * Every English string the signature debugger's page shows. The host localizes them and sends the
 * table with `init` (`DebuggerInit.strings`, keyed by these texts); `{0}` placeholders are filled in
 * by the page. The page's `t()` accepts only these keys, so the list cannot fall behind.
 */

/** The debugger page's UI strings in English, which are also their keys. */
export const DEBUGGER_STRINGS = [
  'Correct',
  'Reproduced',
  'Likely',
  'Unknown',
  'A curl command, a raw HTTP request, or its headers and body. Line breaks are read as LF.',
  'Actual',
  'certain',
  'Checks that the request carries the SecretId this key belongs to.',
  'Diagnose',
  'Diagnose with the key of profile "{0}"',
  'Diagnosing…',
  'differs',
  'Enter the SecretKey your code signs with.',
  'Expected',
  'First difference: {0}',
  'Fix:',
  'Invisible characters are shown: ⏎ line break, → tab, ␍ carriage return, · trailing space, ⍽ no-break space.',
  'Key used: {0}',
  'likely',
  'Likely causes',
  'matches',
  'No signature in the request',
  'No step differs.',
  'Not shown in the request',
  'Notes on the paste',
  'Open as text',
  'Paste a request first.',
  'Paste here, for example: curl -X POST https://trtc.tencentcloudapi.com -H "Authorization: TC3-HMAC-SHA256 …" -H … -d \'…\'',
  'Paste the request your code sent and the SecretKey it signs with. Every step of the signature is recomputed from your exact bytes, and the first step that differs is named with its likely cause.',
  'possible',
  'Reproduced exactly',
  'Request your code sent',
  'SecretId (optional)',
  'SecretKey',
  'Signature correct for this key',
  'Signature debugger',
  'Signature wrong',
  'skipped',
  'Steps',
  'Temporary keys (with a session token)',
  'The SecretKey stays in this panel\'s memory: it is never saved, and it is gone when the panel closes or reloads.',
  'unknown',
] as const;

/** One of the debugger page's UI strings. */
export type DebuggerString = (typeof DEBUGGER_STRINGS)[number];
