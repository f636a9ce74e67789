import { isJsonObject, isLosslessNumber, numberText, stringifyJson, type JsonValue } from '../json';
import type { CallSpec } from '../requests/types';
import { CREDENTIAL_ENV, DEFAULT_SDK_HOST } from './sdkSettings';
import { EnvVarNamer, isSensitivePath, jsonSegments } from './sensitiveValues';
import { shellConcat, shellQuote } from './shellQuote';
import type { GeneratedCode, ResolvedTarget, SnippetOptions } from './types';

/**
 * A `tccli trtc <Action>` command in tccli's default argument style: one `--Name value` per
 * top-level parameter, numbers and strings as they are, booleans as `True`/`False`, and objects and
 * arrays as JSON text, which tccli parses with Python's json module (so big integers survive).
 * Sensitive values are read from environment variables when the command runs.
 */
export function toTccli(spec: CallSpec, target?: ResolvedTarget, options: SnippetOptions = {}): GeneratedCode {
  const notes: string[] = [];
  const namer = new EnvVarNamer();
  const env: string[] = [];
  const args: string[] = [];

  const region = target?.region ?? spec.region;
  if (region) {
    args.push(`--region ${shellQuote(region)}`);
  }
  const { host, http } = endpointOf(spec, target);
  if (host && host !== DEFAULT_SDK_HOST) {
    args.push(`--endpoint ${shellQuote(host)}`);
  }
  if (http) {
    notes.push('tccli always connects with HTTPS, so it cannot reach this plain-HTTP endpoint.');
  }
  if (spec.language) {
    args.push(`--language ${spec.language}`);
  }
  if (options.sessionToken) {
    args.push(`--token "$${CREDENTIAL_ENV.token}"`);
    env.push(CREDENTIAL_ENV.token);
  }
  if (spec.signMethod || spec.signedHeaders) {
    notes.push('tccli chooses its own signature method and signed headers; the signature settings of this request are not carried over.');
  }
  if (spec.httpMethod === 'GET') {
    notes.push('tccli always sends POST.');
  }

  for (const [name, value] of Object.entries(spec.params)) {
    if (value === null) {
      notes.push(`${name} is null, which tccli cannot express; it is left out.`);
      continue;
    }
    const word = valueWord(name, value, namer, env, notes);
    // A value that starts with "-" would be read as an option, so it is attached with "=".
    args.push(word.startsWith('-') || word.startsWith("'-") ? `--${name}=${word}` : `--${name} ${word}`);
  }

  const lines: string[] = [
    `# tccli reads credentials from its profile (tccli configure) or from ${CREDENTIAL_ENV.secretId} and ${CREDENTIAL_ENV.secretKey}.`,
  ];
  if (env.length > 0) {
    lines.push(`# Set these environment variables first; their values are not written here: ${[...new Set(env)].join(', ')}.`);
  }
  for (const n of notes) {
    lines.push(`# ${n}`);
  }
  const head = `tccli trtc ${spec.action}`;
  lines.push(args.length === 0 ? head : [head, ...args.map((a) => '  ' + a)].join(' \\\n'));
  return { text: lines.join('\n') + '\n', notes };
}

function valueWord(name: string, value: JsonValue, namer: EnvVarNamer, env: string[], notes: string[]): string {
  if (typeof value === 'string') {
    if (value !== '' && isSensitivePath([name])) {
      const v = namer.name([name]);
      env.push(v);
      return `"$${v}"`;
    }
    return value === '' ? "''" : shellQuote(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'True' : 'False';
  }
  if (typeof value === 'number' || isLosslessNumber(value)) {
    return numberText(value);
  }
  if (isJsonObject(value) || Array.isArray(value)) {
    const cut = jsonSegments(stringifyJson({ [name]: value }), namer);
    // The wrapper object gives the values their full paths; strip it again from the text.
    const prefix = `{${JSON.stringify(name)}:`;
    const segs = cut.segments.map((s, i) => {
      if ('text' in s && i === 0) {
        return { text: s.text.slice(prefix.length) };
      }
      return s;
    });
    const last = segs[segs.length - 1];
    if (last && 'text' in last) {
      segs[segs.length - 1] = { text: last.text.slice(0, -1) };
    }
    for (const v of cut.variables) {
      env.push(v.envVar);
    }
    if (cut.variables.length > 0) {
      notes.push('The environment variables are spliced into JSON text, so their values must not contain " or \\.');
    }
    return shellConcat(segs);
  }
  return shellQuote(String(value));
}

function endpointOf(spec: CallSpec, target: ResolvedTarget | undefined): { host?: string; http: boolean } {
  if (target) {
    return { host: target.host, http: target.origin.startsWith('http://') };
  }
  const e = spec.endpoint;
  switch (e?.kind) {
    case 'regional':
      return { host: spec.region ? `trtc.${spec.region}.tencentcloudapi.com` : undefined, http: false };
    case 'intl':
      return { host: 'trtc.intl.tencentcloudapi.com', http: false };
    case 'custom': {
      try {
        const u = new URL(e.url);
        return { host: u.host, http: u.protocol === 'http:' };
      } catch {
        return { http: false };
      }
    }
    default:
      return { http: false };
  }
}
