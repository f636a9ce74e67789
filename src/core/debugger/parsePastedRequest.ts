import { InputError } from '../errors';
import { parseCurl } from './parseCurl';
import { finishRequest, pasteWarning, splitUrl, type RequestParts } from './requestParts';
import type { ParseOptions, PastedHeader, PastedRequest } from './types';

const REQUEST_LINE = /^([A-Za-z]+)[ \t]+(\S+)(?:[ \t]+HTTP\/\d(?:\.\d)?)?[ \t]*$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;
const PSEUDO_HEADER = /^:(method|path|authority|scheme):[ \t]*(.*?)[ \t]*$/i;
const URL_START = /^https?:\/\//i;
const FORM_TEXT = /^\??[A-Za-z][\w.]*=[^\s]*$/;
const SENSITIVE_LINE = /(authorization|token|secret|signature|usersig|key)/i;

/**
 * Recovers the request a user's code sent from what they pasted: a curl command, a raw HTTP request
 * (request line, headers, blank line, body; CRLF or LF), headers and a body without a request line,
 * a legacy GET URL, or a legacy form body. The body is kept byte for byte, a final line break
 * included; anything that makes the exact bytes doubtful is reported in `warnings` (and a final line
 * break that may come from copying in `uncertainTail`). `options.variable` gives the values of
 * shell variables a curl command refers to.
 *
 * @throws InputError naming the line or option that cannot be read.
 */
export function parsePastedRequest(text: string, options: ParseOptions = {}): PastedRequest {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InputError('Nothing was pasted. Paste the request your code sent: a curl command, a raw HTTP request, or its headers and body.');
  }
  // Leading blank lines and a byte-order mark come from editors and clipboards; they are never part
  // of the request, and skipping them does not touch the body.
  const lead = /^[\s\uFEFF]*/.exec(text)?.[0] ?? '';
  const start = lead.lastIndexOf('\n') + 1;
  const lineOffset = countLines(lead.slice(0, start));
  const rest = text.slice(start).replace(/^[ \t\uFEFF]+/, '');
  const firstLine = rest.split(/\r?\n/, 1)[0];

  if (looksLikeShell(rest)) {
    return finishRequest(parseCurl(rest, options));
  }
  if (REQUEST_LINE.test(firstLine) && !HEADER_LINE.test(firstLine)) {
    return finishRequest(parseHttp(rest, true, lineOffset));
  }
  if (URL_START.test(firstLine)) {
    return finishRequest(parseUrlPaste(rest));
  }
  if (HEADER_LINE.test(firstLine) || PSEUDO_HEADER.test(firstLine)) {
    return finishRequest(parseHttp(rest, false, lineOffset));
  }
  if (FORM_TEXT.test(rest.trim()) && rest.includes('&')) {
    return finishRequest(parseFormPaste(rest.trim()));
  }
  if (/^[{[]/.test(rest)) {
    throw new InputError(
      'Only a body was pasted. The signature is in the headers (Authorization, X-TC-Timestamp...), so paste the headers too, or the whole request.',
    );
  }
  throw new InputError(
    `Line ${lineOffset + 1} is neither a curl command, an HTTP request line (such as "POST / HTTP/1.1"), a header ("Name: value") nor a URL: ${preview(firstLine)}`,
  );
}

/**
 * A curl command, possibly after comment lines (the explorer's own export starts with some) and
 * variable assignments (`TOKEN=…` or `export TOKEN=…`) that the command then uses.
 */
function looksLikeShell(text: string): boolean {
  const lines = text.split(/\r?\n/);
  for (const line of lines) {
    const l = line.trim();
    if (l === '' || l.startsWith('#')) {
      continue;
    }
    if (/^curl(\.exe)?(\s|$)/i.test(l)) {
      return true;
    }
    if (!/^(export\s+)?[A-Za-z_][A-Za-z0-9_]*=/.test(l)) {
      return false;
    }
    return /(^|\n)\s*curl(\.exe)?\s/i.test(text);
  }
  return false;
}

function countLines(text: string): number {
  let n = 0;
  for (const c of text) {
    if (c === '\n') {
      n++;
    }
  }
  return n;
}

// Quotes a line in an error message, unless it may hold a credential: a line naming one, or a bare
// run of key-like characters (a SecretKey or a token pasted on its own line).
function preview(line: string): string {
  if (SENSITIVE_LINE.test(line) || /^\s*[A-Za-z0-9+/=_*.-]{16,}\s*$/.test(line)) {
    return '(not shown: it may hold a credential)';
  }
  const short = line.length > 60 ? line.slice(0, 60) + '…' : line;
  return JSON.stringify(short);
}

/**
 * A raw HTTP request, or only its headers and body. The head ends at the first empty line; the body
 * is everything after it, unchanged, so a CRLF body or a final line break survives.
 */
function parseHttp(text: string, hasRequestLine: boolean, lineOffset: number): RequestParts {
  const separator = /\r?\n\r?\n/.exec(text);
  const head = separator ? text.slice(0, separator.index) : text.replace(/\r?\n$/, '');
  const body = separator ? text.slice(separator.index + separator[0].length) : '';
  const lines = head.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const parts: RequestParts = {
    format: hasRequestLine ? 'http' : 'headers',
    path: '/',
    query: '',
    headers: [],
    body,
    warnings: [],
  };
  let first = 0;
  if (hasRequestLine) {
    const m = REQUEST_LINE.exec(lines[0]);
    if (!m) {
      throw new InputError(`Line ${lineOffset + 1} is not an HTTP request line such as "POST / HTTP/1.1": ${preview(lines[0])}`);
    }
    parts.method = m[1];
    applyTarget(m[2], parts, lineOffset + 1);
    first = 1;
  }
  for (let i = first; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = lineOffset + i + 1;
    if (/^[ \t]/.test(line)) {
      throw new InputError(`Line ${lineNo} starts with a space: folded header lines are not supported. Join it to the header above it.`);
    }
    const pseudo = PSEUDO_HEADER.exec(line);
    if (pseudo) {
      applyPseudoHeader(pseudo[1].toLowerCase(), pseudo[2], parts, lineNo);
      continue;
    }
    const m = HEADER_LINE.exec(line);
    if (!m) {
      const hint = /^\s*[{[]/.test(line) || /^\s*[A-Za-z][\w.]*=/.test(line)
        ? ' It looks like the start of the body: leave an empty line between the headers and the body.'
        : ' Headers are written "Name: value".';
      throw new InputError(`Line ${lineNo} is not a header: ${preview(line)}.${hint}`);
    }
    parts.headers.push({ name: m[1], value: m[2] });
  }
  return parts;
}

function applyTarget(target: string, parts: RequestParts, lineNo: number): void {
  if (URL_START.test(target)) {
    const url = splitUrl(target);
    if (!url) {
      throw new InputError(`Line ${lineNo}: the request target ${preview(target)} is not a URL.`);
    }
    parts.scheme = url.scheme;
    parts.authority = url.authority;
    parts.path = url.path;
    parts.query = url.query;
    return;
  }
  if (!target.startsWith('/')) {
    throw new InputError(`Line ${lineNo}: the request target ${preview(target)} should be a path such as "/" or a full URL.`);
  }
  const hash = target.indexOf('#');
  const clean = hash >= 0 ? target.slice(0, hash) : target;
  const q = clean.indexOf('?');
  parts.path = q >= 0 ? clean.slice(0, q) : clean;
  parts.query = q >= 0 ? clean.slice(q + 1) : '';
}

// HTTP/2 pseudo-headers, as browser developer tools show them.
function applyPseudoHeader(name: string, value: string, parts: RequestParts, lineNo: number): void {
  switch (name) {
    case 'method':
      parts.method = value;
      return;
    case 'authority':
      parts.authority = value;
      return;
    case 'scheme':
      parts.scheme = value.toLowerCase() === 'http' ? 'http' : 'https';
      return;
    case 'path':
      applyTarget(value, parts, lineNo);
      return;
  }
}

function parseUrlPaste(text: string): RequestParts {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length > 1) {
    throw new InputError(
      'A URL was pasted with more lines after it. For a GET request paste only the URL; for a POST paste a raw HTTP request or a curl command.',
    );
  }
  const url = splitUrl(lines[0].trim());
  if (!url || url.authority === '') {
    throw new InputError(`The URL ${preview(lines[0])} has no host.`);
  }
  return {
    format: 'url',
    method: 'GET',
    ...(url.scheme ? { scheme: url.scheme } : {}),
    authority: url.authority,
    path: url.path,
    query: url.query,
    headers: [] as PastedHeader[],
    body: '',
    warnings: [],
  };
}

// `Action=...&Signature=...` on its own: a form body (POST), or a query string when it starts with `?`.
function parseFormPaste(text: string): RequestParts {
  const isQuery = text.startsWith('?');
  return {
    format: 'form',
    method: isQuery ? 'GET' : 'POST',
    path: '/',
    query: isQuery ? text.slice(1) : '',
    headers: isQuery ? [] : [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded', implied: true }],
    body: isQuery ? '' : text,
    warnings: [
      isQuery
        ? pasteWarning(
            'form-assumed',
            'Only a query string was pasted, so it is read as a GET request.',
            '只粘贴了查询串，因此按 GET 请求处理。',
          )
        : pasteWarning(
            'form-assumed',
            'Only parameters were pasted, so they are read as the form body of a POST request. If they were a GET query string, paste the full URL.',
            '只粘贴了参数，因此按 POST 请求的表单请求体处理。如果它们是 GET 查询串，请粘贴完整 URL。',
          ),
    ],
  };
}
