import * as vscode from 'vscode';
import { describePrivileges, formatDuration, type DecodedUserbuf, type DecodedUserSig, type GenPrivateMapKeyResult, type GenUserSigResult, type UserSigVerification } from '../../core/usersig';
import { isChineseUi } from '../common/config';
import { cell, codeBlock, inlineCode, table, timeText } from './markdown';

/** "in 179 d 23 h" or "3 h ago", in the editor's language. */
export function relativeTime(atSeconds: number, nowSeconds: number): string {
  const delta = atSeconds - nowSeconds;
  return delta >= 0 ? vscode.l10n.t('in {0}', formatDuration(delta)) : vscode.l10n.t('{0} ago', formatDuration(-delta));
}

/** A privilege map as words in the editor's language. */
export function privilegeText(map: number): string {
  const zh = isChineseUi();
  const d = describePrivileges(map);
  if (d.denied.length === 0) {
    return vscode.l10n.t('all ({0})', map);
  }
  if (d.granted.length === 0) {
    return vscode.l10n.t('none ({0})', map);
  }
  return `${d.granted.map((p) => (zh ? p.labelZh : p.label)).join(zh ? '、' : ', ')} (${map})`;
}

function userbufRows(u: DecodedUserbuf, nowSeconds: number): string[][] {
  return [
    [vscode.l10n.t('Room'), cell(u.strRoomId !== undefined ? vscode.l10n.t('string room "{0}"', u.strRoomId) : vscode.l10n.t('numeric room {0}', u.roomId))],
    [vscode.l10n.t('Privileges'), cell(privilegeText(u.privilegeMap))],
    [vscode.l10n.t('Room permission expires'), cell(`${timeText(u.expireAt)}, ${relativeTime(u.expireAt, nowSeconds)}`)],
    [vscode.l10n.t('User in the permission'), cell(u.userId)],
    [vscode.l10n.t('SDKAppID in the permission'), String(u.sdkAppId)],
  ];
}

/** The document a generated UserSig (and optional PrivateMapKey) opens in. */
export function generatedUserSigDocument(r: GenUserSigResult, pmk: GenPrivateMapKeyResult | undefined, nowSeconds: number): string {
  const doc = r.document;
  const expireAt = doc['TLS.time'] + doc['TLS.expire'];
  const lines = [
    `# ${vscode.l10n.t('UserSig for {0}', doc['TLS.identifier'])}`,
    '',
    `> ${vscode.l10n.t('A UserSig lets this user into your application: treat it like a password, and generate it on your server in production, never in client code.')}`,
    '',
    `## ${vscode.l10n.t('UserSig')}`,
    '',
    codeBlock(r.userSig),
    '',
    table(
      [vscode.l10n.t('Field'), vscode.l10n.t('Value')],
      [
        ['SDKAppID', String(doc['TLS.sdkappid'])],
        ['UserID', cell(doc['TLS.identifier'])],
        [vscode.l10n.t('Signed at'), cell(timeText(doc['TLS.time']))],
        [vscode.l10n.t('Valid for'), cell(`${formatDuration(doc['TLS.expire'])} (${doc['TLS.expire']} s)`)],
        [vscode.l10n.t('Expires'), cell(`${timeText(expireAt)}, ${relativeTime(expireAt, nowSeconds)}`)],
      ],
    ),
    '',
    `## ${vscode.l10n.t('Decoded')}`,
    '',
    vscode.l10n.t('The UserSig is this JSON document, zlib-compressed and written in a URL-safe Base64 variant; TLS.sig is the HMAC-SHA256 of the other fields with your key.'),
    '',
    codeBlock(JSON.stringify(doc, null, 2), 'json'),
    '',
  ];
  if (pmk) {
    lines.push(
      `## ${vscode.l10n.t('PrivateMapKey')}`,
      '',
      vscode.l10n.t('Pass it to the client as privateMapKey when entering the room; the room must have "Enable advanced permission control" on for it to be checked.'),
      '',
      codeBlock(pmk.privateMapKey),
      '',
      table([vscode.l10n.t('Field'), vscode.l10n.t('Value')], userbufRows(pmk.userbuf, nowSeconds)),
      '',
      codeBlock(JSON.stringify(pmk.document, null, 2), 'json'),
      '',
    );
  }
  return lines.join('\n');
}

/** The document a decoded UserSig opens in, with its verification when a key was given. */
export function decodedUserSigDocument(d: DecodedUserSig, verification: UserSigVerification | undefined, keySource: string | undefined, nowSeconds: number): string {
  const expireAt = d.time + d.expire;
  const lines = [
    `# ${d.userbuf || d.userbufBase64 ? vscode.l10n.t('PrivateMapKey of {0}', d.identifier) : vscode.l10n.t('UserSig of {0}', d.identifier)}`,
    '',
    table(
      [vscode.l10n.t('Field'), vscode.l10n.t('Value')],
      [
        [vscode.l10n.t('Version'), cell(d.version)],
        ['UserID', cell(d.identifier)],
        ['SDKAppID', String(d.sdkappid)],
        [vscode.l10n.t('Signed at'), cell(timeText(d.time))],
        [vscode.l10n.t('Valid for'), cell(`${formatDuration(d.expire)} (${d.expire} s)`)],
        [vscode.l10n.t('Expires'), cell(`${timeText(expireAt)}, ${relativeTime(expireAt, nowSeconds)}`)],
        ['TLS.sig', inlineCode(d.sig)],
        ...(d.userbuf ? userbufRows(d.userbuf, nowSeconds) : []),
      ],
    ),
    '',
  ];
  if (d.userbufError) {
    lines.push(`> ${vscode.l10n.t('The room-permission block could not be read: {0}', d.userbufError)}`, '');
  }
  lines.push(`## ${vscode.l10n.t('Verification')}`, '');
  if (!verification) {
    lines.push(vscode.l10n.t('Not verified: no key was given. Decoding needs no key; checking the signature does.'), '');
  } else if (verification.valid) {
    lines.push(`✓ ${vscode.l10n.t('Valid: the signature matches {0}, and the sig has not expired.', keySource ?? '')}`, '');
  } else {
    lines.push(`✗ ${vscode.l10n.t('Not valid with {0}:', keySource ?? '')}`, '', ...verification.reasons.map((r) => `- ${r}`), '');
  }
  if (verification && verification.warnings.length > 0) {
    lines.push(...verification.warnings.map((w) => `- ⚠ ${w}`), '');
  }
  lines.push(`## ${vscode.l10n.t('Decoded')}`, '', codeBlock(prettyJson(d.json), 'json'), '');
  return lines.join('\n');
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
