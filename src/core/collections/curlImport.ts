import { parse as parseShell } from 'shell-quote';
import { InputError } from '../errors';
import type { ExtractedSecret, RequestItem, SecretNaming } from './collectionFormat';
import { interpretHttpRequest, type HttpRequestInput, type ParamCoercion } from './httpRequestImport';

/** What one curl command in the text turned into. */
export interface CurlCommandResult {
  /** 1-based position among the curl commands in the text. */
  index: number;
  /** The imported request's id, when it was imported. */
  requestId?: string;
  /** Why it was not imported. */
  skipReason?: string;
  /** Credentials that were found and left out (names only, never values). */
  dropped: string[];
  warnings: string[];
}

/** The requests recovered from a text holding one or more curl commands. */
export interface CurlImportResult {
  requests: RequestItem[];
  commands: CurlCommandResult[];
  /** Sensitive values now behind secret variables, for the caller to put in secret storage. */
  secrets: ExtractedSecret[];
}

/** curl's long options that take a value (the ones not listed are treated as switches). */
const LONG_WITH_VALUE = new Set([
  'url', 'request', 'header', 'data', 'data-raw', 'data-binary', 'data-ascii', 'data-urlencode', 'json', 'user', 'cookie',
  'cookie-jar', 'user-agent', 'referer', 'output', 'max-time', 'connect-timeout', 'write-out', 'retry', 'retry-delay',
  'retry-max-time', 'proxy', 'proxy-user', 'cacert', 'capath', 'cert', 'key', 'cert-type', 'key-type', 'range', 'upload-file',
  'resolve', 'connect-to', 'interface', 'config', 'limit-rate', 'max-redirs', 'form', 'form-string', 'dns-servers', 'unix-socket',
  'abstract-unix-socket', 'max-filesize', 'speed-limit', 'speed-time', 'trace', 'trace-ascii', 'stderr', 'local-port',
  'oauth2-bearer', 'aws-sigv4', 'request-target', 'expect100-timeout', 'keepalive-time', 'happy-eyeballs-timeout-ms', 'tls-max',
  'ciphers', 'pinnedpubkey', 'socks5', 'socks5-hostname', 'noproxy', 'preproxy', 'variable', 'proto', 'proto-redir', 'header-file',
]);
/** curl's short options that take a value. */
const SHORT_WITH_VALUE = new Set(['X', 'H', 'd', 'u', 'b', 'c', 'A', 'e', 'o', 'm', 'w', 'x', 'U', 'E', 'r', 'T', 'K', 'F', 'y', 'Y', 'z', 'C', 'P', 'Q', 't']);
const SHORT_TO_LONG: Record<string, string> = { X: 'request', H: 'header', d: 'data', u: 'user', F: 'form', G: 'get', I: 'head', b: 'cookie' };

/**
 * Splits text into command lines: removes `\`-newline continuations (and PowerShell's backtick
 * ones), drops comments, and breaks at newlines that are outside quotes, so a quoted JSON body may
 * span lines.
 */
export function splitShellLines(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let state: 'plain' | 'single' | 'double' | 'ansi' = 'plain';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    const newlineAfter = next === '\n' || (next === '\r' && text[i + 2] === '\n');
    if (state === 'single') {
      current += c;
      if (c === "'") {
        state = 'plain';
      }
      continue;
    }
    if (state === 'double' || state === 'ansi') {
      if (c === '\\') {
        if (state === 'double' && newlineAfter) {
          i += next === '\r' ? 2 : 1;
          continue;
        }
        current += c + (next ?? '');
        i++;
        continue;
      }
      current += c;
      if ((state === 'double' && c === '"') || (state === 'ansi' && c === "'")) {
        state = 'plain';
      }
      continue;
    }
    if ((c === '\\' || c === '`') && newlineAfter) {
      i += next === '\r' ? 2 : 1;
      current += ' ';
      continue;
    }
    if (c === '\\') {
      current += c + (next ?? '');
      i++;
      continue;
    }
    if (c === '\n' || (c === '\r' && next === '\n')) {
      out.push(current);
      current = '';
      if (c === '\r') {
        i++;
      }
      continue;
    }
    if (c === '#' && (current === '' || /\s$/.test(current))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') {
        i++;
      }
      continue;
    }
    if (c === "'") {
      state = 'single';
    } else if (c === '"') {
      state = 'double';
    } else if (c === '$' && next === "'") {
      state = 'ansi';
      current += "$'";
      i++;
      continue;
    }
    current += c;
  }
  out.push(current);
  return out.filter((line) => line.trim() !== '');
}

type Token = string | { op: string } | { comment: string } | { op: 'glob'; pattern: string };

/**
 * Tokenizes one line with shell-quote and splits it at `;`, `&&`, `|` and friends into commands. A
 * shell variable (`"$TRTC_USERSIG"`, as our own curl export writes credentials) becomes the
 * `{{TRTC_USERSIG}}` reference: a copied command never means the reader's environment.
 */
function commandsOf(line: string, shellVariables: Set<string>): string[][] {
  const tokens = parseShell(line, (name: string) => {
    shellVariables.add(name);
    return `{{${name}}}`;
  }) as Token[];
  const out: string[][] = [[]];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (typeof t === 'string') {
      out[out.length - 1].push(t);
    } else if ('pattern' in t) {
      out[out.length - 1].push(t.pattern);
    } else if ('op' in t) {
      if (/^[<>]/.test(t.op) || t.op === '>&') {
        i++;
      } else {
        out.push([]);
      }
    }
  }
  return out.filter((c) => c.length > 0);
}

interface ParsedCurl {
  input?: HttpRequestInput;
  problem?: string;
  dropped: string[];
  warnings: string[];
}

function encodeFormValue(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

/** Reads the options of one curl command into a method, URL, headers and body. */
function parseCurlArgs(args: string[]): ParsedCurl {
  const result: ParsedCurl = { dropped: [], warnings: [] };
  const headers: Array<[string, string]> = [];
  const data: string[] = [];
  let json = false;
  let get = false;
  let method: string | undefined;
  let url: string | undefined;
  const option = (name: string, value: string | undefined): string | undefined => {
    if (value === undefined) {
      result.problem = `option --${name} has no value`;
      return undefined;
    }
    switch (name) {
      case 'url':
        url = value;
        break;
      case 'request':
        method = value.toUpperCase();
        break;
      case 'header': {
        const colon = value.indexOf(':');
        const semi = value.endsWith(';') && colon < 0;
        if (colon > 0) {
          headers.push([value.slice(0, colon).trim(), value.slice(colon + 1).trim()]);
        } else if (semi) {
          headers.push([value.slice(0, -1).trim(), '']);
        } else if (value.startsWith('@')) {
          return `headers are read from the file ${value.slice(1)}, which is not available here`;
        }
        break;
      }
      case 'data':
      case 'data-ascii':
      case 'data-binary':
        if (value.startsWith('@')) {
          return `the body is read from the file ${value.slice(1)}; paste the body into the command instead`;
        }
        data.push(value);
        break;
      case 'data-raw':
        data.push(value);
        break;
      case 'data-urlencode': {
        const at = value.indexOf('@');
        const eq = value.indexOf('=');
        if (at >= 0 && (eq < 0 || at < eq)) {
          return `the body is read from the file ${value.slice(at + 1)}; paste the body into the command instead`;
        }
        data.push(eq < 0 ? encodeFormValue(value) : eq === 0 ? encodeFormValue(value.slice(1)) : `${value.slice(0, eq)}=${encodeFormValue(value.slice(eq + 1))}`);
        break;
      }
      case 'json':
        if (value.startsWith('@')) {
          return `the body is read from the file ${value.slice(1)}; paste the body into the command instead`;
        }
        json = true;
        data.push(value);
        break;
      case 'user':
      case 'proxy-user':
      case 'oauth2-bearer':
      case 'aws-sigv4':
        result.dropped.push(`--${name} credentials`);
        break;
      case 'form':
      case 'form-string':
        return 'multipart form bodies (-F) are not supported; TRTC takes JSON bodies';
      case 'get':
        get = true;
        break;
      case 'head':
        method = 'HEAD';
        break;
      default:
        break;
    }
    return undefined;
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    let problem: string | undefined;
    if (arg.startsWith('--') && arg.length > 2) {
      const name = arg.slice(2);
      if (LONG_WITH_VALUE.has(name)) {
        problem = option(name, args[++i]);
      } else {
        option(name, '');
      }
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        const long = SHORT_TO_LONG[letter] ?? letter;
        if (SHORT_WITH_VALUE.has(letter)) {
          const rest = arg.slice(j + 1);
          problem = option(long, rest !== '' ? rest : args[++i]);
          break;
        }
        option(long, '');
      }
    } else if (url === undefined) {
      url = arg;
    } else {
      result.warnings.push(`extra argument "${arg.length > 40 ? arg.slice(0, 40) + '…' : arg}" was ignored`);
    }
    if (problem || result.problem) {
      result.problem = problem ?? result.problem;
      return result;
    }
  }
  if (url === undefined) {
    result.problem = 'there is no URL';
    return result;
  }
  const hasHeader = (name: string): boolean => headers.some(([n]) => n.toLowerCase() === name);
  for (let i = headers.length - 1; i >= 0; i--) {
    if (headers[i][0].toLowerCase() === 'cookie') {
      result.dropped.push('Cookie header');
      headers.splice(i, 1);
    }
  }
  let body: HttpRequestInput['body'];
  if (data.length > 0) {
    const text = json ? data.join('') : data.join('&');
    if (get) {
      url += (url.includes('?') ? '&' : '?') + text;
    } else {
      body = { kind: 'raw', text };
      if (!hasHeader('content-type')) {
        headers.push(['Content-Type', json ? 'application/json' : 'application/x-www-form-urlencoded']);
      }
    }
  }
  const finalMethod = method ?? (get ? 'GET' : body ? 'POST' : 'GET');
  result.input = { method: finalMethod, url, headers, body };
  return result;
}

/**
 * Recovers saved requests from text holding one or more curl commands, as copied from the API
 * Explorer, an SDK's debug output or our own export: bash quoting (including `$'...'`), `\`
 * continuations, `-H`/`--header`, `-d`/`--data`/`--data-raw`/`--data-binary`/`--data-urlencode`/`--json`,
 * `-X`, `-G`, `--url` and GET URLs with (flattened) query parameters. Signatures and credentials
 * (`Authorization`, `X-TC-Token`, legacy `SecretId`/`Signature`/`Token`, `-u`, cookies) are dropped
 * and reported; sensitive parameters become `{{Variable}}` references with their values returned
 * for secret storage. Throws InputError when the text holds no curl command at all.
 */
export function fromCurl(text: string, options: { coerce?: ParamCoercion } = {}): CurlImportResult {
  const result: CurlImportResult = { requests: [], commands: [], secrets: [] };
  const naming: SecretNaming = { taken: new Set(), byValue: new Map() };
  const takenIds = new Set<string>();
  let index = 0;
  for (const line of splitShellLines(text)) {
    let commands: string[][];
    const shellVariables = new Set<string>();
    try {
      commands = commandsOf(line, shellVariables);
    } catch (e) {
      result.commands.push({ index: ++index, skipReason: `the command could not be read: ${(e as Error).message}`, dropped: [], warnings: [] });
      continue;
    }
    for (const words of commands) {
      const start = words.findIndex((w) => /(^|[/\\])curl(\.exe)?$/i.test(w));
      if (start < 0) {
        continue;
      }
      const entry: CurlCommandResult = { index: ++index, dropped: [], warnings: [] };
      result.commands.push(entry);
      for (const name of shellVariables) {
        if (words.some((w) => w.includes(`{{${name}}}`))) {
          entry.warnings.push(`the shell variable $${name} became the variable {{${name}}}`);
        }
      }
      const parsed = parseCurlArgs(words.slice(start + 1));
      entry.dropped.push(...parsed.dropped);
      entry.warnings.push(...parsed.warnings);
      if (!parsed.input) {
        entry.skipReason = parsed.problem;
        continue;
      }
      const interpreted = interpretHttpRequest(parsed.input, { coerce: options.coerce, takenIds, naming });
      entry.dropped.push(...interpreted.dropped);
      entry.warnings.push(...interpreted.warnings);
      if (!interpreted.request) {
        entry.skipReason = interpreted.skipReason;
        continue;
      }
      entry.requestId = interpreted.request.id;
      result.requests.push(interpreted.request);
      result.secrets.push(...interpreted.secrets);
    }
  }
  if (result.commands.length === 0) {
    throw new InputError('No curl command was found in the text');
  }
  return result;
}
