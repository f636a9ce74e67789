import { InputError } from '../errors';
import { rfc3986Encode } from '../signing/encoding';
import { pasteWarning } from './requestParts';
import type { PastedHeader, PasteWarning } from './types';

// Options whose value is the next argument (or the rest of a short option cluster). Every other
// option is a flag. Only the ones that change the request are interpreted; the rest are skipped.
const SHORT_WITH_VALUE = new Set('XHdAebuowmxEKrTFcYyzCUQtP'.split(''));
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
  'header-file', 'happy-eyeballs-timeout-ms', 'ftp-port',
]);
const SHORT_NAMES: Record<string, string> = { X: 'request', H: 'header', d: 'data', A: 'user-agent', e: 'referer', b: 'cookie', u: 'user', F: 'form', T: 'upload-file', K: 'config', G: 'get', I: 'head' };
/** Options that carry credentials of their own: never interpreted, only named. */
const CREDENTIAL_OPTIONS = new Set(['user', 'proxy-user', 'oauth2-bearer', 'aws-sigv4', 'pass']);

type DataKind = 'data' | 'raw' | 'binary' | 'urlencode' | 'json';

/** A curl command line read as curl reads it: the request it sends. */
export interface CurlRequest {
  /** The method curl uses: -X, or what -G, -I and the data options imply. */
  method: string;
  /** Every URL given, in order; curl sends one request per URL. */
  urls: string[];
  /** The query that -G and --url-query add to the URL, already encoded. */
  extraQuery: string[];
  /** Headers in the order given; those curl adds by itself are marked `implied`. */
  headers: PastedHeader[];
  /** Headers removed with `-H 'Name:'`, lower case. */
  removedHeaders: string[];
  /** The body exactly as curl sends it; empty without data options (or with -G). */
  body: string;
  hasData: boolean;
  /** Options that carry credentials (such as --user), by name; their values are never kept. */
  credentialOptions: string[];
  /** Options that do not change the request, by name. */
  ignored: string[];
  warnings: PasteWarning[];
}

/** What {@link readCurlArgs} needs besides the arguments. */
export interface CurlArgsOptions {
  /** What standard input holds (a here-document), for `@-`; unknown when undefined. */
  stdin?: string;
}

/**
 * Reads curl's arguments (the words after `curl`) into the request curl sends: -X, -H, the -d
 * family (`--data-raw`, `--data-binary`, `--data-urlencode`, `--json`), -G, --url, --url-query.
 * Data read from a file (`@file`) is not in the paste, so it is refused with an error that names the
 * file; `@-` is read from a here-document when there is one.
 *
 * @throws InputError naming the option that cannot be read.
 */
export function readCurlArgs(args: readonly string[], options: CurlArgsOptions = {}): CurlRequest {
  const state: State = {
    urls: [],
    headers: [],
    removedHeaders: new Set(),
    data: [],
    get: false,
    head: false,
    urlQuery: [],
    ignored: new Set(),
    credentials: [],
    stdin: options.stdin,
    warnings: [],
  };
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
        applyOption(SHORT_NAMES[letter] ?? '-' + letter, value, state);
        break;
      }
      applyFlag(SHORT_NAMES[letter] ?? '-' + letter, state);
    }
  }
  return finish(state);
}

interface State {
  method?: string;
  urls: string[];
  headers: PastedHeader[];
  removedHeaders: Set<string>;
  data: Array<{ kind: DataKind; value: string }>;
  get: boolean;
  head: boolean;
  urlQuery: string[];
  ignored: Set<string>;
  credentials: string[];
  stdin?: string;
  warnings: PasteWarning[];
}

function applyFlag(name: string, state: State): void {
  if (name === 'get') {
    state.get = true;
  } else if (name === 'head') {
    state.head = true;
  }
}

function applyOption(name: string, value: string, state: State): void {
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
      // Text read from a file by -d loses its line breaks; text in the command keeps them.
      state.data.push({ kind: 'data', value: value.startsWith('@') ? readData(value, '--data', state).replace(/[\r\n]/g, '') : value });
      return;
    case 'data-raw':
      state.data.push({ kind: 'raw', value });
      return;
    case 'data-binary':
      state.data.push({ kind: 'binary', value: value.startsWith('@') ? readData(value, '--data-binary', state) : value });
      return;
    case 'json':
      state.data.push({ kind: 'json', value: value.startsWith('@') ? readData(value, '--json', state) : value });
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
        'The curl command sends a multipart form (-F/--form), whose exact bytes curl makes up itself; TRTC takes JSON bodies. Paste the raw HTTP request instead, with the exact body.',
      );
    case 'upload-file':
      throw new InputError(`The curl command uploads the file ${value.slice(0, 80)} (-T), which is not part of the paste and cannot be read here. Paste the raw HTTP request with the exact body instead.`);
    case 'config':
      throw new InputError(`The curl command reads more options from the file ${value.slice(0, 80)} (-K/--config), which is not part of the paste and cannot be read here. Put those options in the command.`);
    case 'header-file':
      throw new InputError(`The curl command reads headers from the file ${value.slice(0, 80)}, which is not part of the paste and cannot be read here. Write the headers in the command instead.`);
    default:
      if (CREDENTIAL_OPTIONS.has(name)) {
        state.credentials.push(`--${name}`);
        return;
      }
      state.ignored.add(name.startsWith('-') ? name : '--' + name);
  }
}

/** Data given as `@file`: standard input when it is a here-document, otherwise an error naming the file. */
function readData(value: string, option: string, state: State): string {
  const file = value.slice(1);
  if (file === '-' && state.stdin !== undefined) {
    return state.stdin;
  }
  const where = file === '-' ? 'standard input' : `the file ${file.slice(0, 80)}`;
  throw new InputError(
    `The body is read from ${where} (${option} ${value.slice(0, 80)}), which is not part of the paste and cannot be read here. Put the exact content in the command (or paste the raw HTTP request) instead.`,
  );
}

// curl's --data-urlencode forms: `content`, `=content`, `name=content`; `@file` and `name@file`
// read files, which the paste does not have.
function urlencodeData(value: string): string {
  const eq = value.indexOf('=');
  const at = value.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) {
    throw new InputError(
      `The value of --data-urlencode is read from the file ${value.slice(at + 1, at + 81)}, which is not part of the paste and cannot be read here. Put the content in the command instead.`,
    );
  }
  if (eq < 0) {
    return rfc3986Encode(value);
  }
  const name = value.slice(0, eq);
  const content = rfc3986Encode(value.slice(eq + 1));
  return name === '' ? content : name + '=' + content;
}

function addHeader(raw: string, state: State): void {
  if (raw.startsWith('@')) {
    throw new InputError(`The headers are read from the file ${raw.slice(1, 81)} (-H @file), which is not part of the paste and cannot be read here. Write the headers in the command instead.`);
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

function finish(state: State): CurlRequest {
  const warnings = state.warnings;
  const json = state.data.filter((d) => d.kind === 'json');
  const form = state.data.filter((d) => d.kind !== 'json');
  let data = form.map((d) => d.value).join('&');
  if (json.length > 0) {
    // curl sends several --json pieces one after the other, with nothing between them.
    const jsonText = json.map((d) => d.value).join('');
    data = data === '' ? jsonText : data + '&' + jsonText;
  }
  const hasData = state.data.length > 0;
  const extraQuery = [...state.urlQuery];
  let body = data;
  if (state.get && hasData) {
    extraQuery.push(data);
    body = '';
  }
  const method = state.method ?? (state.get ? 'GET' : hasData ? 'POST' : state.head ? 'HEAD' : 'GET');

  const headers = state.headers;
  const has = (name: string): boolean => headers.some((h) => h.name.toLowerCase() === name);
  if (hasData && !state.get) {
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
    method,
    urls: state.urls,
    extraQuery,
    headers,
    removedHeaders: [...state.removedHeaders],
    body,
    hasData,
    credentialOptions: state.credentials,
    ignored: [...state.ignored],
    warnings,
  };
}
