import { readCurlArgs } from '../debugger/curlArgs';
import { isCurlWord } from '../debugger/parseCurl';
import { shellCommands, type ShellCommand } from '../debugger/shellWords';
import { InputError } from '../errors';
import { sha256Hex } from '../signing/tc3';
import type { RequestItem } from './collectionFormat';
import { interpretHttpRequest, untrustedEndpointWarning, type HttpRequestInput, type ParamCoercion } from './httpRequestImport';
import type { ExtractedSecret, SecretNaming } from './secretPlan';

/** What one curl command (or signature text) in the text turned into. */
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
  /** Custom endpoints that are not Tencent Cloud hosts: kept, but not trusted until the user trusts them. */
  untrustedEndpoints: string[];
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The curl commands of a text, each read from the line it starts on, so prose, signature steps or
 * log lines around them (an unbalanced quote in a sentence) cannot swallow a command. A shell
 * variable (`"$TRTC_USERSIG"`, as our own export writes credentials) becomes the `{{TRTC_USERSIG}}`
 * reference: a copied command never means the reader's environment.
 */
function curlCommands(text: string): Array<{ command: ShellCommand; variables: string[] }> {
  const out: Array<{ command: ShellCommand; variables: string[] }> = [];
  const starts: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (/^\s*(?:\$\s+)?(?:[A-Za-z_]\w*=\S*\s+)*(?:\S*[/\\])?curl(?:\.exe)?(?:\s|$)/i.test(line)) {
      starts.push(offset + (/^\s*\$\s+/.exec(line)?.[0].length ?? 0));
    }
    offset += line.length + 1;
  }
  let consumed = 0;
  for (const from of starts) {
    if (from < consumed) {
      continue;
    }
    const slice = text.slice(from);
    const variables = new Set<string>();
    const commands = shellCommands(slice, {
      variable: (name) => {
        variables.add(name);
        return `{{${name}}}`;
      },
    });
    // The commands of one logical line (`curl a && curl b`) are taken; the text after it is read
    // on from the next line that starts a curl command.
    let k = 0;
    for (; k < commands.length; k++) {
      const command = commands[k];
      const words = command.words.slice(Math.max(0, command.words.findIndex((w) => !ASSIGNMENT.test(w))));
      if (words.length > 0 && isCurlWord(words[0])) {
        out.push({ command: { ...command, words }, variables: [...variables].filter((v) => words.some((w) => w.includes(`{{${v}}}`))) });
      }
      if (command.terminator === '\n' || command.terminator === '') {
        k++;
        break;
      }
    }
    consumed = k < commands.length ? from + lineOffset(slice, commands[k].line) : text.length;
  }
  return out;
}

/** Where the 1-based line `line` of a text starts. */
function lineOffset(text: string, line: number): number {
  let at = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', at);
    if (next < 0) {
      return text.length;
    }
    at = next + 1;
  }
  return at;
}

/** Reads one curl command into an HTTP request, or the reason it cannot be read. */
function readCommand(command: ShellCommand): { input?: HttpRequestInput; problem?: string; dropped: string[]; warnings: string[] } {
  const dropped: string[] = [];
  const warnings: string[] = [];
  if (command.substitution) {
    return { problem: 'the command computes part of the request with $(...) or backquotes, which are never run', dropped, warnings };
  }
  const doc = command.redirects.find((r) => r.hereDocument !== undefined)?.hereDocument;
  let curl;
  try {
    curl = readCurlArgs(command.words.slice(1), doc !== undefined ? { stdin: doc } : {});
  } catch (e) {
    if (e instanceof InputError) {
      return { problem: e.message.replace(/^The /, 'the ').replace(/\.$/, ''), dropped, warnings };
    }
    throw e;
  }
  if (curl.urls.length === 0) {
    return { problem: 'there is no URL', dropped, warnings };
  }
  for (const extra of curl.urls.slice(1)) {
    warnings.push(`extra argument "${extra.length > 40 ? extra.slice(0, 40) + '…' : extra}" was ignored`);
  }
  dropped.push(...curl.credentialOptions.map((o) => `${o} credentials`));
  const headers: Array<[string, string]> = [];
  for (const h of curl.headers) {
    if (h.name.toLowerCase() === 'cookie') {
      dropped.push('Cookie header');
    } else if (!(h.implied && h.name.toLowerCase() === 'accept')) {
      headers.push([h.name, h.value]);
    }
  }
  let url = curl.urls[0];
  if (curl.extraQuery.length > 0) {
    url += (url.includes('?') ? '&' : '?') + curl.extraQuery.join('&');
  }
  const input: HttpRequestInput = { method: curl.method, url, headers, ...(curl.body !== '' ? { body: { kind: 'raw', text: curl.body } } : {}) };
  return { input, dropped, warnings };
}

/**
 * Recovers saved requests from text holding one or more curl commands, as copied from Tencent's API
 * Explorer, an SDK's debug output or our own export, read as bash and curl read them: quoting
 * (including `$'...'`), continuations, `-H`, the `-d` family, `--json`, `-X`, `-G`, `--url`, here-
 * documents for `-d @-`, GET URLs with (flattened) query parameters. Text without a curl command but
 * with the API Explorer's signature steps (a canonical request) is read from those. Signatures and
 * credentials (`Authorization`, `X-TC-Token`, legacy `SecretId`/`Signature`/`Token`, `-u`, cookies)
 * are dropped and reported; sensitive parameters become `{{Variable}}` references with their values
 * returned for secret storage; a custom endpoint that is not a Tencent host is kept but reported as
 * not trusted. Throws InputError when the text holds neither.
 */
export function fromCurl(text: string, options: { coerce?: ParamCoercion } = {}): CurlImportResult {
  const result: CurlImportResult = { requests: [], commands: [], secrets: [], untrustedEndpoints: [] };
  const naming: SecretNaming = { taken: new Set(), byValue: new Map() };
  const takenIds = new Set<string>();
  const take = (entry: CurlCommandResult, input: HttpRequestInput): void => {
    const interpreted = interpretHttpRequest(input, { coerce: options.coerce, takenIds, naming });
    entry.dropped.push(...interpreted.dropped);
    entry.warnings.push(...interpreted.warnings);
    if (!interpreted.request) {
      entry.skipReason = interpreted.skipReason;
      return;
    }
    const untrusted = untrustedEndpointWarning(interpreted.request);
    if (untrusted) {
      result.untrustedEndpoints.push(untrusted.url);
      entry.warnings.push(untrusted.warning);
    }
    entry.requestId = interpreted.request.id;
    result.requests.push(interpreted.request);
    result.secrets.push(...interpreted.secrets);
  };
  for (const { command, variables } of curlCommands(text)) {
    const entry: CurlCommandResult = { index: result.commands.length + 1, dropped: [], warnings: [] };
    result.commands.push(entry);
    for (const name of variables) {
      entry.warnings.push(`the shell variable $${name} became the variable {{${name}}}`);
    }
    const read = readCommand(command);
    entry.dropped.push(...read.dropped);
    entry.warnings.push(...read.warnings);
    if (!read.input) {
      entry.skipReason = read.problem;
      continue;
    }
    take(entry, read.input);
  }
  if (result.commands.length === 0) {
    const steps = fromSignatureSteps(text);
    if (!steps) {
      throw new InputError('No curl command was found in the text');
    }
    const entry: CurlCommandResult = { index: 1, dropped: [], warnings: steps.warnings };
    result.commands.push(entry);
    take(entry, steps.input);
  }
  return result;
}

/**
 * The request that the API Explorer's "signature string" steps describe: its canonical request
 * (method, query, signed headers, payload hash) and, when the text has them, its headers and body.
 * The canonical request holds the action in lower case and only the hash of the body; a JSON object
 * in the text whose hash matches is taken as the body, and the summary says what is missing.
 */
export function fromSignatureSteps(text: string): { input: HttpRequestInput; warnings: string[] } | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+$/, ''));
  const start = lines.findIndex((l, i) => /^(GET|POST)$/.test(l.trim()) && lines[i + 1]?.trim().startsWith('/'));
  if (start < 0) {
    return undefined;
  }
  const method = lines[start].trim();
  const query = (lines[start + 2] ?? '').trim();
  const headers: Array<[string, string]> = [];
  let i = start + 3;
  for (; i < lines.length && /^[a-z0-9-]+:/.test(lines[i].trim()); i++) {
    const line = lines[i].trim();
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  if (headers.length === 0) {
    return undefined;
  }
  const hash = lines.slice(i, i + 4).map((l) => l.trim()).find((l) => /^[0-9a-f]{64}$/.test(l));
  const warnings = ['read from the signature steps (canonical request) of the API Explorer'];
  const find = (name: string): string | undefined => new RegExp(`^\\s*"?${name}"?\\s*[:=]\\s*"?([^"\\s,]+)`, 'im').exec(text)?.[1];
  const host = headers.find(([n]) => n === 'host')?.[1] ?? 'trtc.tencentcloudapi.com';
  const out: Array<[string, string]> = headers.filter(([n]) => n !== 'x-tc-action' && n !== 'host');
  // The canonical headers hold the action in lower case; a header line elsewhere in the text keeps its case.
  const action = find('X-TC-Action') ?? headers.find(([n]) => n === 'x-tc-action')?.[1];
  if (action !== undefined) {
    out.push(['X-TC-Action', action]);
  } else {
    warnings.push('the action is not in the text: X-TC-Action was not signed');
  }
  for (const name of ['X-TC-Region', 'X-TC-Version', 'X-TC-Language']) {
    const value = find(name);
    if (value !== undefined) {
      out.push([name, value]);
    }
  }
  const scope = /\d{4}-\d{2}-\d{2}\/([a-z0-9-]+)\/tc3_request/.exec(text);
  if (scope && scope[1] !== 'trtc') {
    warnings.push(`the signature is for the service ${scope[1]}, not trtc`);
  }
  let body: string | undefined;
  if (method === 'POST') {
    body = jsonObjectsIn(text).find((candidate) => hash !== undefined && sha256Hex(candidate) === hash);
    if (body === undefined) {
      warnings.push('the body is not in the text (the canonical request holds only its hash), so the request was imported without parameters: fill them in');
      body = '{}';
    }
  }
  return { input: { method, url: `https://${host}/${query ? `?${query}` : ''}`, headers: out, ...(body !== undefined ? { body: { kind: 'raw', text: body } } : {}) }, warnings };
}

/** Every balanced `{…}` of a text that starts a line, as written: candidates for a request body. */
function jsonObjectsIn(text: string): string[] {
  const out: string[] = [];
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
    let depth = 0;
    let inString = false;
    for (let j = i; j < text.length; j++) {
      const c = text[j];
      if (inString) {
        if (c === '\\') {
          j++;
        } else if (c === '"') {
          inString = false;
        }
      } else if (c === '"') {
        inString = true;
      } else if (c === '{') {
        depth++;
      } else if (c === '}' && --depth === 0) {
        out.push(text.slice(i, j + 1));
        break;
      }
    }
  }
  return out;
}
