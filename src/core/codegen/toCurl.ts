import { InputError } from '../errors';
import type { SignedRequest } from '../signing/types';
import { EnvVarNamer, isSensitivePath, jsonSegments, pathText, type JsonPath, type TextSegment } from './sensitiveValues';
import { shellConcat, shellQuote } from './shellQuote';
import type { GeneratedCode } from './types';

/** The environment variable every export reads a session token from. */
export const SESSION_TOKEN_ENV = 'TENCENTCLOUD_SESSION_TOKEN';

/** How long the API accepts a signature after its timestamp. */
const SIGNATURE_LIFETIME_SECONDS = 300;

/** Options of {@link toCurl}. */
export interface CurlOptions {
  /** When the signature stops being accepted; the signing time plus 5 minutes by default. */
  expiresAt?: Date | number;
}

/**
 * A POSIX-shell `curl` command that sends exactly the signed request: every header, the exact body
 * bytes, the exact URL. A session token and sensitive parameters are never written out; the command
 * reads them from environment variables instead, which reproduces the same bytes when the variables
 * hold the same values.
 */
export function toCurl(signed: SignedRequest, origin: string, options: CurlOptions = {}): GeneratedCode {
  const base = checkOrigin(origin);
  const namer = new EnvVarNamer();
  const notes: string[] = [];
  const env = new Map<string, string>();
  const timestamp = signed.trace.timestamp;
  const expires = options.expiresAt === undefined ? (timestamp + SIGNATURE_LIFETIME_SECONDS) * 1000 : toMs(options.expiresAt);
  const action = headerValue(signed.headers, 'X-TC-Action') ?? legacyParam(signed, 'Action') ?? 'request';

  const args: string[] = ['curl', '-sS', '-X', signed.method];
  let url: string;
  let data: string | undefined;
  const legacy = signed.trace.method !== 'TC3-HMAC-SHA256';
  const [path, query] = splitQuery(signed.pathAndQuery);

  if (query !== undefined) {
    url = shellConcat([{ text: base + path + '?' }, ...formSegments(query, namer, env, notes)]);
  } else {
    url = shellQuote(base + signed.pathAndQuery);
  }
  if (signed.body !== '') {
    if (legacy) {
      data = shellConcat(formSegments(signed.body, namer, env, notes));
    } else {
      const cut = jsonSegments(signed.body, namer);
      for (const v of cut.variables) {
        env.set(v.envVar, `the value of ${pathText(v.path)}`);
      }
      for (const name of cut.escaped) {
        notes.push(`${name} must hold the value exactly as it appears inside the JSON string, escapes included.`);
      }
      data = shellConcat(cut.segments);
    }
  }
  args.push(url);

  for (const [name, value] of Object.entries(signed.headers)) {
    if (name.toLowerCase() === 'x-tc-token') {
      env.set(SESSION_TOKEN_ENV, 'the session token of your temporary credentials');
      args.push('-H', `"${name}: $${SESSION_TOKEN_ENV}"`);
    } else {
      args.push('-H', shellQuote(`${name}: ${value}`));
    }
  }
  if (data !== undefined) {
    args.push('--data-raw', data);
  }

  const lines = [
    `# ${action}, signed with ${signed.trace.method} at ${iso(timestamp * 1000)}.`,
    `# The signature expires at ${iso(expires)}; sign the request again after that.`,
  ];
  if (env.size > 0) {
    lines.push('# Set these environment variables first; their values are not written here:');
    for (const [name, what] of env) {
      lines.push(`#   ${name}: ${what}`);
    }
  }
  for (const n of notes) {
    lines.push(`# ${n}`);
  }
  lines.push(joinArgs(args));
  return { text: lines.join('\n') + '\n', notes };
}

/**
 * Splits a query string or form body into literal text and variable references for the token and
 * sensitive parameters. The variable is spliced in where the encoded value was; that is exact when
 * the value needs no percent-encoding, and the note says so when it does.
 */
function formSegments(encoded: string, namer: EnvVarNamer, env: Map<string, string>, notes: string[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let text = '';
  const pieces = encoded.split('&');
  pieces.forEach((piece, i) => {
    const sep = i === 0 ? '' : '&';
    const eq = piece.indexOf('=');
    const rawName = eq < 0 ? piece : piece.slice(0, eq);
    const value = eq < 0 ? '' : piece.slice(eq + 1);
    const name = safeDecode(rawName);
    let variable: string | undefined;
    let what = '';
    if (name === 'Token') {
      variable = SESSION_TOKEN_ENV;
      what = 'the session token of your temporary credentials';
    } else if (value !== '' && name !== 'SecretId' && name !== 'Signature' && isSensitivePath(flatPath(name))) {
      variable = namer.name(flatPath(name));
      what = `the value of ${pathText(flatPath(name))}`;
    }
    if (variable === undefined) {
      text += sep + piece;
      return;
    }
    segments.push({ text: text + sep + rawName + '=' }, { env: variable });
    text = '';
    env.set(variable, what);
    if (safeDecode(value) !== value) {
      notes.push(`${variable} must hold the value percent-encoded, as it appears in the signed request.`);
    }
  });
  segments.push({ text });
  return segments.filter((s) => !('text' in s) || s.text !== '');
}

/** `Filters.0.Name` back to a path with numeric indexes. */
function flatPath(name: string): JsonPath {
  return name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function joinArgs(args: string[]): string {
  // One option per line keeps long commands readable; flags and their values stay together.
  const lines: string[] = [args.slice(0, 5).join(' ')];
  for (let i = 5; i < args.length; i += 2) {
    lines.push(`  ${args[i]} ${args[i + 1]}`);
  }
  return lines.join(' \\\n');
}

function checkOrigin(origin: string): string {
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    throw new InputError(`"${origin}" is not an origin such as https://trtc.tencentcloudapi.com.`, 'origin');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new InputError(`The origin must be http:// or https://, not ${u.protocol}//.`, 'origin');
  }
  return `${u.protocol}//${u.host}`;
}

function splitQuery(pathAndQuery: string): [string, string | undefined] {
  const q = pathAndQuery.indexOf('?');
  return q < 0 ? [pathAndQuery, undefined] : [pathAndQuery.slice(0, q), pathAndQuery.slice(q + 1)];
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const k = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
  return k === undefined ? undefined : headers[k];
}

function legacyParam(signed: SignedRequest, name: string): string | undefined {
  if (signed.trace.method === 'TC3-HMAC-SHA256') {
    return undefined;
  }
  return signed.trace.sortedParams.find(([k]) => k === name)?.[1];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function toMs(t: Date | number): number {
  return typeof t === 'number' ? t : t.getTime();
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

