import { parse as parseShell } from 'shell-quote';
import { InputError } from '../errors';
import { rfc3986Encode } from '../signing/encoding';
import { pasteWarning, splitUrl, type RequestParts } from './requestParts';
import type { PastedHeader, PasteWarning } from './types';

// Options whose value is the next argument (or the rest of a short option cluster). Every other
// option is a flag. Only the ones that change the request are interpreted; the rest are skipped.
const SHORT_WITH_VALUE = new Set('XHdAebuowmxEKrTFcYyzCUQt'.split(''));
const LONG_WITH_VALUE = new Set([
  'request', 'header', 'data', 'data-ascii', 'data-raw', 'data-binary', 'data-urlencode', 'json', 'url',
  'user-agent', 'referer', 'cookie', 'user', 'output', 'write-out', 'max-time', 'connect-timeout', 'proxy',
  'cacert', 'capath', 'cert', 'key', 'cert-type', 'key-type', 'retry', 'retry-delay', 'retry-max-time',
  'resolve', 'connect-to', 'cookie-jar', 'limit-rate', 'range', 'config', 'interface', 'dns-servers',
  'noproxy', 'proxy-user', 'trace', 'trace-ascii', 'stderr', 'max-filesize', 'form', 'form-string',
  'upload-file', 'ciphers', 'tls-max', 'pass', 'local-port', 'unix-socket', 'abstract-unix-socket',
  'oauth2-bearer', 'max-redirs', 'keepalive-time', 'expect100-timeout', 'variable', 'url-query',
  'aws-sigv4', 'proto', 'proto-redir', 'preproxy', 'proxy-header', 'socks5', 'socks5-hostname',
  'output-dir', 'parallel-max', 'speed-limit', 'speed-time', 'time-cond', 'dump-header', 'hostpubmd5',
  'pinnedpubkey', 'request-target', 'continue-at', 'quote', 'mail-from', 'mail-rcpt', 'create-file-mode',
]);

type DataKind = 'data' | 'raw' | 'binary' | 'urlencode' | 'json';

interface CurlState {
  method?: string;
  urls: string[];
  headers: PastedHeader[];
  removedHeaders: Set<string>;
  data: Array<{ kind: DataKind; value: string }>;
  get: boolean;
  head: boolean;
  urlQuery: string[];
  ignored: Set<string>;
  warnings: PasteWarning[];
}

/**
 * Parses a curl command line as a POSIX shell would split it (`'…'`, `"…"`, `$'…'`, backslash
 * escapes and line continuations) and then as curl reads its options: `-X`, `-H`, the `-d` family,
 * `--json`, `--url`, `-G`. A command that computes values (`$(date +%s)`) is refused, because the
 * values it sent are not in the paste.
 */
export function parseCurl(text: string): RequestParts {
  const scanned = scanShell(text);
  if (scanned.commandSubstitution) {
    throw new InputError(
      'The curl command computes part of the request with $(...) or backquotes, so the values it sent are not in the paste. Run it with --verbose, or print the command after the shell expands it, and paste that.',
    );
  }
  if (/\^\r?\n/.test(text) && !/\\\r?\n/.test(text)) {
    throw new InputError(
      'This looks like a curl command for the Windows command prompt (lines end with ^). Copy it as "cURL (bash)" instead, or paste the raw HTTP request.',
    );
  }
  const variables = new Set<string>();
  const entries = parseShell(scanned.text, (key: string) => {
    variables.add(key);
    return '$' + key;
  });
  const warnings: PasteWarning[] = [];
  const args: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (typeof entry === 'string') {
      args.push(entry);
    } else if ('comment' in entry) {
      continue;
    } else if (entry.op === 'glob') {
      args.push(entry.pattern);
    } else {
      if (i < entries.length - 1) {
        warnings.push(
          pasteWarning(
            'ignored-after-operator',
            `Everything after the shell operator "${entry.op}" is another command and was ignored.`,
            `shell 运算符 "${entry.op}" 之后是另一条命令，已忽略。`,
          ),
        );
      }
      break;
    }
  }
  if (variables.size > 0) {
    const names = [...variables].map((v) => '$' + v).join(', ');
    warnings.push(
      pasteWarning(
        'shell-variables',
        `The command uses shell variables (${names}); their values are not known here, so they are read literally. Paste the command with the values your shell put in, or the signature cannot match.`,
        `命令中使用了 shell 变量（${names}）；这里不知道它们的值，只能按字面处理。请粘贴变量替换后的命令，否则签名无法匹配。`,
      ),
    );
  }
  if (args.length === 0 || !/^curl(\.exe)?$/i.test(args[0])) {
    throw new InputError('The command does not start with curl; paste the whole curl command as you ran it.');
  }

  const state: CurlState = {
    urls: [],
    headers: [],
    removedHeaders: new Set(),
    data: [],
    get: false,
    head: false,
    urlQuery: [],
    ignored: new Set(),
    warnings,
  };
  readArgs(args.slice(1), state);
  return buildParts(state);
}

function readArgs(args: string[], state: CurlState): void {
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      state.urls.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      // curl itself does not accept `--opt=value`, but people write it; reading it as curl would
      // (an unknown option) would only lose the value.
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (LONG_WITH_VALUE.has(name)) {
        let value: string;
        if (eq > 0) {
          value = arg.slice(eq + 1);
        } else {
          if (i + 1 >= args.length) {
            throw new InputError(`The curl option --${name} needs a value, but the command ends after it.`);
          }
          value = args[++i];
        }
        applyOption(name, value, state);
      } else {
        applyFlag(name, state);
      }
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      if (SHORT_WITH_VALUE.has(letter)) {
        let value = arg.slice(j + 1);
        if (value === '') {
          if (i + 1 >= args.length) {
            throw new InputError(`The curl option -${letter} needs a value, but the command ends after it.`);
          }
          value = args[++i];
        }
        applyOption(shortName(letter), value, state);
        break;
      }
      applyFlag(shortFlagName(letter), state);
    }
  }
}

function shortName(letter: string): string {
  const names: Record<string, string> = { X: 'request', H: 'header', d: 'data', A: 'user-agent', e: 'referer', b: 'cookie', u: 'user', F: 'form', T: 'upload-file' };
  return names[letter] ?? '-' + letter;
}

function shortFlagName(letter: string): string {
  const names: Record<string, string> = { G: 'get', I: 'head' };
  return names[letter] ?? '-' + letter;
}

function applyFlag(name: string, state: CurlState): void {
  if (name === 'get') {
    state.get = true;
  } else if (name === 'head') {
    state.head = true;
  }
}

function applyOption(name: string, value: string, state: CurlState): void {
  switch (name) {
    case 'request':
      state.method = value;
      return;
    case 'url':
      state.urls.push(value);
      return;
    case 'header':
      addHeader(value, state);
      return;
    case 'user-agent':
      state.headers.push({ name: 'User-Agent', value });
      return;
    case 'referer':
      state.headers.push({ name: 'Referer', value });
      return;
    case 'cookie':
      if (value.includes('=')) {
        state.headers.push({ name: 'Cookie', value });
      }
      return;
    case 'data':
    case 'data-ascii':
      state.data.push({ kind: 'data', value: refuseFile(value, '--data') });
      return;
    case 'data-raw':
      state.data.push({ kind: 'raw', value });
      return;
    case 'data-binary':
      state.data.push({ kind: 'binary', value: refuseFile(value, '--data-binary') });
      return;
    case 'json':
      state.data.push({ kind: 'json', value: refuseFile(value, '--json') });
      return;
    case 'data-urlencode':
      state.data.push({ kind: 'urlencode', value: urlencodeData(value) });
      return;
    case 'url-query':
      state.urlQuery.push(value.startsWith('+') ? value.slice(1) : urlencodeData(value));
      return;
    case 'form':
    case 'form-string':
      throw new InputError(
        'The curl command sends a multipart form (-F/--form), which the signature debugger does not take apart. Paste the raw HTTP request instead, with the exact body.',
      );
    case 'upload-file':
      throw new InputError('The curl command uploads a file (-T), whose bytes are not in the paste. Paste the raw HTTP request with the exact body instead.');
    default:
      state.ignored.add(name.startsWith('-') ? name : '--' + name);
  }
}

function refuseFile(value: string, option: string): string {
  if (value.startsWith('@')) {
    throw new InputError(
      `The body comes from a file (${option} ${value.slice(0, 80)}), which is not part of the paste. Put the file's exact content in the command, or paste the raw HTTP request.`,
    );
  }
  return value;
}

// curl's --data-urlencode forms: `content`, `=content`, `name=content`; `@file` and `name@file`
// read files, which the paste does not have.
function urlencodeData(value: string): string {
  const eq = value.indexOf('=');
  const at = value.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) {
    throw new InputError(`The value of --data-urlencode reads a file (${value.slice(0, 80)}), which is not part of the paste. Put the content in the command instead.`);
  }
  if (eq < 0) {
    return rfc3986Encode(value);
  }
  const name = value.slice(0, eq);
  const content = rfc3986Encode(value.slice(eq + 1));
  return name === '' ? content : name + '=' + content;
}

function addHeader(raw: string, state: CurlState): void {
  if (raw.startsWith('@')) {
    throw new InputError(`The headers come from a file (-H ${raw.slice(0, 80)}), which is not part of the paste. Write the headers in the command instead.`);
  }
  // curl's conventions: `Name: value` sets a header, `Name:` removes one curl would add, and
  // `Name;` sends the header with an empty value.
  const colon = raw.indexOf(':');
  const semi = raw.indexOf(';');
  if (colon < 0) {
    if (semi > 0 && raw.slice(semi + 1).trim() === '') {
      state.headers.push({ name: raw.slice(0, semi).trim(), value: '' });
      return;
    }
    throw new InputError(`The curl header "${raw.slice(0, 60)}" has no colon; write it as -H 'Name: value'.`);
  }
  const name = raw.slice(0, colon).trim();
  const value = raw.slice(colon + 1).trim();
  if (name === '') {
    throw new InputError(`The curl header "${raw.slice(0, 60)}" has no name before the colon.`);
  }
  if (value === '') {
    state.removedHeaders.add(name.toLowerCase());
    return;
  }
  state.headers.push({ name, value });
}

function buildParts(state: CurlState): RequestParts {
  const warnings = state.warnings;
  if (state.urls.length === 0) {
    throw new InputError('The curl command has no URL; paste the whole command, including https://trtc.tencentcloudapi.com/.');
  }
  if (state.urls.length > 1) {
    warnings.push(
      pasteWarning(
        'multiple-urls',
        `The command names ${state.urls.length} URLs; only the first, ${state.urls[0].slice(0, 100)}, is used.`,
        `命令中有 ${state.urls.length} 个 URL；只使用第一个：${state.urls[0].slice(0, 100)}。`,
      ),
    );
  }
  let rawUrl = state.urls[0];
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(rawUrl)) {
    warnings.push(
      pasteWarning(
        'scheme-missing',
        'The URL has no scheme, so curl used http://. The API only answers over https://.',
        'URL 没有协议前缀，curl 会使用 http://。API 只接受 https://。',
      ),
    );
    rawUrl = 'http://' + rawUrl;
  }
  const url = splitUrl(rawUrl);
  if (!url || url.authority === '') {
    throw new InputError(`The curl URL "${rawUrl.slice(0, 100)}" has no host.`);
  }
  if (state.ignored.size > 0) {
    warnings.push(
      pasteWarning(
        'ignored-options',
        `These curl options do not change the request that is signed and were ignored: ${[...state.ignored].join(', ')}.`,
        `以下 curl 选项不影响签名的请求内容，已忽略：${[...state.ignored].join('、')}。`,
      ),
    );
  }

  const json = state.data.filter((d) => d.kind === 'json');
  const form = state.data.filter((d) => d.kind !== 'json');
  let data = form.map((d) => d.value).join('&');
  if (json.length > 0) {
    // curl sends several --json pieces one after the other, with nothing between them.
    const jsonText = json.map((d) => d.value).join('');
    data = data === '' ? jsonText : data + '&' + jsonText;
  }
  const hasData = state.data.length > 0;

  let query = url.query;
  const extraQuery = [...state.urlQuery];
  let body = data;
  if (state.get && hasData) {
    extraQuery.push(data);
    body = '';
  }
  if (extraQuery.length > 0) {
    query = [query, ...extraQuery].filter((q) => q !== '').join('&');
  }

  let method = state.method;
  if (method === undefined) {
    method = state.get ? 'GET' : hasData ? 'POST' : state.head ? 'HEAD' : 'GET';
  }

  const headers = state.headers;
  const has = (name: string): boolean => headers.some((h) => h.name.toLowerCase() === name);
  if (body !== '' || (hasData && !state.get)) {
    if (!has('content-type') && !state.removedHeaders.has('content-type')) {
      if (json.length > 0) {
        headers.push({ name: 'Content-Type', value: 'application/json', implied: true });
        warnings.push(
          pasteWarning(
            'content-type-implied',
            'The command has no Content-Type header; --json makes curl send "Content-Type: application/json".',
            '命令中没有 Content-Type 头；--json 会让 curl 发送 "Content-Type: application/json"。',
          ),
        );
      } else {
        headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded', implied: true });
        warnings.push(
          pasteWarning(
            'content-type-implied',
            'The command has no Content-Type header, so curl sends "Content-Type: application/x-www-form-urlencoded" with -d. A TC3 request with a JSON body needs -H \'Content-Type: application/json\'.',
            '命令中没有 Content-Type 头，使用 -d 时 curl 会发送 "Content-Type: application/x-www-form-urlencoded"。JSON 请求体的 TC3 请求需要加上 -H \'Content-Type: application/json\'。',
          ),
        );
      }
    }
    if (json.length > 0 && !has('accept') && !state.removedHeaders.has('accept')) {
      headers.push({ name: 'Accept', value: 'application/json', implied: true });
    }
  }

  return {
    format: 'curl',
    method,
    ...(url.scheme ? { scheme: url.scheme } : {}),
    authority: url.authority,
    path: url.path,
    query,
    headers,
    body,
    warnings,
  };
}

/**
 * Joins backslash-newline continuations the way a POSIX shell does (outside single quotes) and
 * notices command substitutions, which shell-quote would silently turn into text.
 */
function scanShell(text: string): { text: string; commandSubstitution: boolean } {
  let out = '';
  let state: 'plain' | 'single' | 'double' | 'ansi' = 'plain';
  let commandSubstitution = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (state === 'single') {
      out += c;
      if (c === "'") {
        state = 'plain';
      }
      continue;
    }
    if (c === '\\' && state !== 'ansi') {
      if (next === '\n') {
        i += 1;
        continue;
      }
      if (next === '\r' && text[i + 2] === '\n') {
        i += 2;
        continue;
      }
      out += c + (next ?? '');
      i += 1;
      continue;
    }
    if (state === 'ansi') {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 1;
      } else if (c === "'") {
        state = 'plain';
      }
      continue;
    }
    if (c === '`' || (c === '$' && next === '(')) {
      commandSubstitution = true;
    }
    if (state === 'double') {
      if (c === '"') {
        state = 'plain';
      }
      out += c;
      continue;
    }
    if (c === "'") {
      state = out.endsWith('$') && !out.endsWith('\\$') ? 'ansi' : 'single';
    } else if (c === '"') {
      state = 'double';
    } else if (c === '\r' && next === '\n') {
      // A Windows line break outside quotes is a plain separator for the shell.
      continue;
    }
    out += c;
  }
  return { text: out, commandSubstitution };
}
