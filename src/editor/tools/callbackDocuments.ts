import * as vscode from 'vscode';
import {
  CALLBACK_EVENTS,
  CALLBACK_GROUPS,
  sampleEvent,
  serializeCallbackBody,
  TRTC_CALLBACK_TIMEOUT_MS,
  type CallbackEvent,
  type CallbackField,
  type CallbackMistake,
  type CallbackVerification,
  type SimulateCallbackResult,
} from '../../core/callbacks';
import { showInvisibles } from '../../core/signing/traceSteps';
import { isChineseUi } from '../common/config';
import { cell, codeBlock, inlineCode, table } from './markdown';

/** A named mistake in the editor's language: what happened and what to change. */
export function mistakeText(m: CallbackMistake): { title: string; fix: string } {
  const raw = vscode.l10n.t('Compute the signature over the raw request body as it arrived, before any JSON parsing.');
  switch (m) {
    case 'reserialized-compact':
      return { title: vscode.l10n.t('The JSON was parsed and written out again without spaces'), fix: raw };
    case 'reserialized-pretty-2':
      return { title: vscode.l10n.t('The JSON was parsed and re-indented with 2 spaces'), fix: raw };
    case 'reserialized-pretty-4':
      return { title: vscode.l10n.t('The JSON was parsed and re-indented with 4 spaces'), fix: raw };
    case 'reserialized-pretty-tab':
      return { title: vscode.l10n.t('The JSON was parsed and re-indented with tabs'), fix: raw };
    case 'reserialized-python':
      return { title: vscode.l10n.t('The JSON was written out again with Python\'s json.dumps'), fix: raw };
    case 'reserialized-trtc':
      return { title: vscode.l10n.t('The body checked is not laid out as TRTC sent it'), fix: raw };
    case 'keys-reordered':
      return { title: vscode.l10n.t('The JSON keys were put in another order'), fix: raw };
    case 'trailing-newline-added':
      return { title: vscode.l10n.t('The body lost its final line break'), fix: vscode.l10n.t('Use the body byte for byte as it arrived.') };
    case 'trailing-newline-removed':
      return { title: vscode.l10n.t('A line break was added at the end of the body'), fix: vscode.l10n.t('Sign the body as it arrived; editors, loggers and echo add a final line break.') };
    case 'crlf-line-breaks':
      return { title: vscode.l10n.t('The line breaks were turned into CR LF'), fix: vscode.l10n.t('Keep the body\'s line breaks as they arrived (LF).') };
    case 'lf-line-breaks':
      return { title: vscode.l10n.t('CR LF line breaks were turned into LF'), fix: vscode.l10n.t('Keep the body\'s line breaks as they arrived.') };
    case 'literal-escapes':
      return { title: vscode.l10n.t('The body holds \\n and \\t escapes where TRTC sends real line breaks and tabs'), fix: vscode.l10n.t('Copy the raw body, not a logged or quoted version of it.') };
    case 'escaped-line-breaks':
      return { title: vscode.l10n.t('The signature was computed over an escaped copy of the body'), fix: vscode.l10n.t('Sign the real bytes, with real line breaks and tabs.') };
    case 'quoted-string':
      return { title: vscode.l10n.t('The body was signed as a quoted JSON string'), fix: vscode.l10n.t('Sign the raw body, not a string-encoded copy.') };
    case 'key-whitespace':
      return { title: vscode.l10n.t('The key has spaces or a line break around it'), fix: vscode.l10n.t('Trim the key; files and environment variables often end with a line break.') };
    case 'sign-url-encoded':
      return { title: vscode.l10n.t('The Sign was URL-encoded'), fix: vscode.l10n.t('Read the Sign header as it is: plain Base64.') };
    case 'sign-plus-as-space':
      return { title: vscode.l10n.t('"+" in the Sign became spaces'), fix: vscode.l10n.t('Read the Sign header as it is, without URL or form decoding.') };
    case 'sign-base64url':
      return { title: vscode.l10n.t('The Sign is in URL-safe Base64'), fix: vscode.l10n.t('Compare in standard Base64 ("+", "/" and "=" padding).') };
    case 'sign-hex':
      return { title: vscode.l10n.t('The HMAC was written as hex'), fix: vscode.l10n.t('Encode the 32 digest bytes as Base64, not hex.') };
  }
}

/** Facts about a body's bytes that decide its signature. */
export function bodyFacts(body: Buffer): string[] {
  const text = body.toString('utf8');
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const facts = [vscode.l10n.t('{0} bytes', body.length)];
  facts.push(crlf > 0 && lf > 0 ? vscode.l10n.t('mixed line breaks: {0} LF and {1} CR LF', lf, crlf) : crlf > 0 ? vscode.l10n.t('{0} CR LF line breaks', crlf) : vscode.l10n.t('{0} LF line breaks', lf));
  facts.push(text.includes('\t') ? vscode.l10n.t('tabs present') : vscode.l10n.t('no tabs'));
  facts.push(/\n$/.test(text) ? vscode.l10n.t('ends with a line break') : vscode.l10n.t('no final line break'));
  if (text.charCodeAt(0) === 0xfeff) {
    facts.push(vscode.l10n.t('starts with a byte-order mark'));
  }
  return facts;
}

/** The document of a callback signature check. */
export function callbackVerificationDocument(v: CallbackVerification, input: { sign: string; body: Buffer; source: string }): string {
  const lines = [`# ${vscode.l10n.t('Callback signature check')}`, ''];
  lines.push(v.valid ? `✓ **${vscode.l10n.t('The Sign matches: the callback is authentic and its body unchanged.')}**` : `✗ **${vscode.l10n.t('The Sign does not match this body with this key.')}**`, '');
  lines.push(
    table(
      [vscode.l10n.t('Item'), vscode.l10n.t('Value')],
      [
        [vscode.l10n.t('Sign received'), inlineCode(input.sign.trim())],
        [vscode.l10n.t('Sign computed from this body and key'), inlineCode(v.expected)],
        [vscode.l10n.t('Body'), cell(`${input.source}; ${bodyFacts(input.body).join(', ')}`)],
      ],
    ),
    '',
  );
  if (!v.valid && v.mistakes.length > 0) {
    lines.push(`## ${vscode.l10n.t('What went wrong')}`, '');
    for (const m of v.mistakes) {
      const text = mistakeText(m);
      lines.push(`- **${text.title}.** ${text.fix}`);
    }
    lines.push('');
  }
  if (!v.valid) {
    lines.push(`## ${vscode.l10n.t('Details')}`, '', ...v.diagnosis.map((d) => `- ${d}`), '');
  }
  lines.push(
    `## ${vscode.l10n.t('About exact bytes')}`,
    '',
    vscode.l10n.t(
      'The Sign is Base64 of HMAC-SHA256 over the body exactly as TRTC sent it: JSON indented with tabs, with a tab after each colon and no final line break. Any change breaks it: a line break added at the end by an editor or logger (see the files.insertFinalNewline setting), line breaks turned into CR LF by a clipboard, or JSON parsed and written out again by a framework. In your handler, keep the raw body bytes for the check and parse them afterwards.',
    ),
    '',
    `## ${vscode.l10n.t('Body as checked')}`,
    '',
    vscode.l10n.t('Invisible characters are shown: ⏎ line break, → tab, ␍ carriage return, · trailing space, ⍽ no-break space.'),
    '',
    codeBlock(showInvisibles(input.body.toString('utf8'))),
    '',
  );
  return lines.join('\n');
}

function fieldRows(fields: readonly CallbackField[], zh: boolean, prefix = ''): string[][] {
  return fields.flatMap((f) => [
    [inlineCode(prefix + f.name), f.type, cell(zh ? f.descriptionZh : f.description)],
    ...(f.fields ? fieldRows(f.fields, zh, `${prefix}${f.name}${f.type === 'Array' ? '[]' : ''}.`) : []),
  ]);
}

function eventSection(e: CallbackEvent, zh: boolean, now: number): string[] {
  const lines = [`### ${e.type} ${e.constant}`, '', zh ? e.descriptionZh : e.description, ''];
  if (e.fields.length > 0) {
    lines.push(vscode.l10n.t('Fields of EventInfo:'), '', table([vscode.l10n.t('Field'), vscode.l10n.t('Type'), vscode.l10n.t('Description')], fieldRows(e.fields, zh)), '');
  } else {
    lines.push(vscode.l10n.t('The fields of EventInfo for this event are not listed here.'), '');
  }
  if (e.fieldsNote) {
    lines.push(`> ${e.fieldsNote}`, '');
  }
  lines.push(vscode.l10n.t('A sample body, laid out as TRTC sends it:'), '', codeBlock(serializeCallbackBody(sampleEvent(e.type, { now })), 'json'), '');
  return lines;
}

/** The event catalog: every group and type with its fields and a sample body. */
export function callbackEventsDocument(now: number): string {
  const zh = isChineseUi();
  const lines = [
    `# ${vscode.l10n.t('TRTC callback events')}`,
    '',
    vscode.l10n.t(
      'TRTC posts a JSON body to your callback URL with the headers Content-Type: application/json, Sign (Base64 of HMAC-SHA256 of the raw body with your callback key) and SdkAppId. Answer HTTP 200 within {0} seconds; otherwise the delivery counts as failed and is sent again.',
      TRTC_CALLBACK_TIMEOUT_MS / 1000,
    ),
    '',
    vscode.l10n.t('Every body has EventGroupId, EventType, the send time in milliseconds (CallbackTs; CallbackMsTs for stream ingest) and EventInfo.'),
    '',
  ];
  for (const g of CALLBACK_GROUPS) {
    const events = CALLBACK_EVENTS.filter((e) => e.groupId === g.id);
    lines.push(`## ${zh ? g.labelZh : g.label} (EventGroupId ${g.id}${g.constant ? `, ${g.constant}` : ''})`, '');
    for (const e of events) {
      lines.push(...eventSection(e, zh, now));
    }
  }
  return lines.join('\n');
}

/** The document of a simulated delivery: verdict, reasons, what was sent and what came back. */
export function simulationDocument(r: SimulateCallbackResult, eventLabel: string): string {
  const lines = [`# ${vscode.l10n.t('Simulated callback: {0}', eventLabel)}`, ''];
  lines.push(
    r.verdict === 'pass'
      ? `✓ **${vscode.l10n.t('Passed: your handler answered HTTP 200 in {0} ms, as TRTC expects.', r.latencyMs)}**`
      : `✗ **${vscode.l10n.t('Failed: TRTC would count this delivery as failed and send it again.')}**`,
    '',
  );
  if (r.reasons.length > 0) {
    lines.push(`## ${vscode.l10n.t('Why it failed')}`, '', ...r.reasons.map((x) => `- ${x}`), '');
  }
  if (r.notes.length > 0) {
    lines.push(`## ${vscode.l10n.t('Notes')}`, '', ...r.notes.map((x) => `- ${x}`), '');
  }
  lines.push(`## ${vscode.l10n.t('Answer')}`, '');
  if (r.status !== undefined) {
    lines.push(vscode.l10n.t('HTTP {0} in {1} ms, {2} bytes of body.', r.status, r.latencyMs, r.responseBytes ?? 0), '');
    if (r.responseSnippet) {
      lines.push(codeBlock(r.responseSnippet), '');
    }
  } else {
    lines.push(vscode.l10n.t('No answer after {0} ms: {1}', r.latencyMs, r.error?.message ?? ''), '');
  }
  lines.push(
    `## ${vscode.l10n.t('Request sent')}`,
    '',
    codeBlock([`POST ${r.request.url}`, ...Object.entries(r.request.headers).map(([k, v]) => `${k}: ${v}`)].join('\n'), 'http'),
    '',
    codeBlock(r.request.body, 'json'),
    '',
  );
  return lines.join('\n');
}
