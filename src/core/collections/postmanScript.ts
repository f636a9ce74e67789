import { parseJson, stringifyJson, type JsonValue } from '../json';
import type { HttpRequestInput } from './httpRequestImport';

/**
 * What a Postman pre-request script that signs TC3-HMAC-SHA256 says about the request, read without
 * running it. Tencent documents such a script (crypto-js, with the SecretId, SecretKey, action,
 * region and body written into it or read from variables); teams write their own in the same
 * spirit. The importer turns the requests it signs into native ones, signed by the explorer.
 */
export interface SigningScript {
  /** True when the script computes a TC3-HMAC-SHA256 signature. */
  signsTc3: boolean;
  /** Values the script gives the request, by role: a literal, or a variable it reads. */
  values: Partial<Record<ScriptRole, ScriptValue>>;
  /** Roles whose value the script computes in a way that is not read here. */
  unreadable: ScriptRole[];
  /** Credentials written literally in the script: their roles, never their values. */
  literalCredentials: Array<'secretId' | 'secretKey' | 'token'>;
  /** Variables the script reads credentials from: dropped from the import. */
  credentialVariables: string[];
  /** Variables the script sets that are not signing output, which the import cannot carry over. */
  otherVariablesSet: string[];
  /** True when the script sends requests of its own (pm.sendRequest), which the import does not. */
  sendsRequests: boolean;
}

/** The parts of a request a signing script may hold. */
export type ScriptRole = 'secretId' | 'secretKey' | 'token' | 'action' | 'region' | 'version' | 'service' | 'host' | 'payload' | 'signedHeaders' | 'contentType';

/** A value the script gives: text written in it, a variable it reads, or the request's own body. */
export type ScriptValue = { literal: string } | { variable: string } | { requestBody: true };

const ROLE_NAMES: Record<string, ScriptRole> = {
  secretid: 'secretId',
  akid: 'secretId',
  ak: 'secretId',
  accesskeyid: 'secretId',
  secretkey: 'secretKey',
  sk: 'secretKey',
  accesskeysecret: 'secretKey',
  token: 'token',
  sessiontoken: 'token',
  securitytoken: 'token',
  action: 'action',
  region: 'region',
  version: 'version',
  apiversion: 'version',
  service: 'service',
  endpoint: 'host',
  host: 'host',
  domain: 'host',
  payload: 'payload',
  body: 'payload',
  requestpayload: 'payload',
  params: 'payload',
  data: 'payload',
  signedheaders: 'signedHeaders',
  contenttype: 'contentType',
};

/** The role a name plays, from names such as SECRET_KEY, secretKey, endpoint or payload. */
export function roleOf(name: string): ScriptRole | undefined {
  return ROLE_NAMES[name.toLowerCase().replace(/[_$-]/g, '')];
}

/** Names a script sets that are its own output: the signature and what goes with it. */
const SIGNING_OUTPUTS = /^(authorization|auth|signature|sign|timestamp|x-?tc-?timestamp|date|nonce|token|x-?tc-?token|curl|curlcmd)$/i;

const GETTERS = /\b(?:pm\.(?:environment|variables|collectionVariables|globals|iterationData)\.get|postman\.get(?:Global|Environment)Variable)\(\s*(['"`])([^'"`]+)\1\s*\)/;

/** Reads a pre-request script. Never runs it. */
export function readSigningScript(script: string): SigningScript {
  const result: SigningScript = {
    signsTc3: /TC3-HMAC-SHA256/.test(script) || (/tc3_request/.test(script) && /HmacSHA256/i.test(script)),
    values: {},
    unreadable: [],
    literalCredentials: [],
    credentialVariables: [],
    otherVariablesSet: [],
    sendsRequests: /\bpm\.sendRequest\s*\(/.test(script),
  };
  const text = stripComments(script);
  const constants = new Map<string, string>();
  const assignment = /(?:^|[;{}\n])\s*(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*=(?![=>])\s*/g;
  for (const m of text.matchAll(assignment)) {
    const name = m[1];
    const start = (m.index ?? 0) + m[0].length;
    const role = roleOf(name);
    const expr = readExpression(text, start, constants);
    if (expr.kind === 'literal') {
      constants.set(name, expr.value);
    }
    if (!role) {
      continue;
    }
    const value: ScriptValue | undefined =
      expr.kind === 'literal' ? { literal: expr.value } : expr.kind === 'variable' ? { variable: expr.name } : expr.kind === 'requestBody' ? { requestBody: true } : undefined;
    // The first readable assignment of a role wins; a later one usually derives from it.
    if (value && result.values[role] === undefined) {
      result.values[role] = value;
    } else if (!value && result.values[role] === undefined && !result.unreadable.includes(role)) {
      result.unreadable.push(role);
    }
  }
  for (const role of ['secretId', 'secretKey', 'token'] as const) {
    const v = result.values[role];
    if (v && 'literal' in v) {
      if (v.literal.trim() !== '') {
        result.literalCredentials.push(role);
      }
      delete result.values[role];
    } else if (v && 'variable' in v) {
      result.credentialVariables.push(v.variable);
      delete result.values[role];
    }
  }
  result.unreadable = result.unreadable.filter((r) => r !== 'secretId' && r !== 'secretKey' && r !== 'token' && result.values[r] === undefined);
  // Getters of credentials used inline, without an assignment to a named constant.
  for (const m of text.matchAll(new RegExp(GETTERS.source, 'g'))) {
    const role = roleOf(m[2]);
    if ((role === 'secretId' || role === 'secretKey' || role === 'token') && !result.credentialVariables.includes(m[2])) {
      result.credentialVariables.push(m[2]);
    }
  }
  for (const m of text.matchAll(/\b(?:pm\.(?:environment|variables|collectionVariables|globals)\.set|postman\.set(?:Global|Environment)Variable)\(\s*(['"`])([^'"`]+)\1/g)) {
    if (!SIGNING_OUTPUTS.test(m[2]) && !result.otherVariablesSet.includes(m[2])) {
      result.otherVariablesSet.push(m[2]);
    }
  }
  return result;
}

type Expr = { kind: 'literal'; value: string } | { kind: 'variable'; name: string } | { kind: 'requestBody' } | { kind: 'other' };

/** Reads the expression of an assignment: literals joined with `+`, a variable getter, JSON.stringify of a literal. */
function readExpression(text: string, start: number, constants: Map<string, string>): Expr {
  const p = new LiteralParser(text, start);
  try {
    const getter = GETTERS.exec(text.slice(start, start + 200));
    if (getter && getter.index === 0) {
      return { kind: 'variable', name: getter[2] };
    }
    if (/^(?:pm\.request\.body\.raw|pm\.request\.body\.toString\(\)|request\.data)\b/.test(text.slice(start))) {
      return { kind: 'requestBody' };
    }
    let value = '';
    for (;;) {
      p.blank();
      const piece = p.stringish(constants);
      if (piece === undefined) {
        return { kind: 'other' };
      }
      value += piece;
      p.space();
      // A "+" may also open the next line: 'a' \n + 'b'.
      const at = p.i;
      p.blank();
      if (p.peek() === '+') {
        p.i++;
        continue;
      }
      p.i = at;
      const end = p.peek();
      return end === ';' || end === '\n' || end === '' || end === ',' || end === ')' || end === '}' ? { kind: 'literal', value } : { kind: 'other' };
    }
  } catch {
    return { kind: 'other' };
  }
}

function stripComments(script: string): string {
  let out = '';
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === '"' || c === "'" || c === '`') {
      const end = skipString(script, i);
      out += script.slice(i, end);
      i = end - 1;
    } else if (c === '/' && script[i + 1] === '/') {
      while (i < script.length && script[i] !== '\n') {
        i++;
      }
      out += '\n';
    } else if (c === '/' && script[i + 1] === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end < 0 ? script.length : end + 1;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

function skipString(s: string, start: number): number {
  const q = s[start];
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
    } else if (s[i] === q) {
      return i + 1;
    }
  }
  return s.length;
}

/** A small reader of JavaScript literals: strings, template strings without substitutions, and JSON-like values. */
class LiteralParser {
  constructor(
    readonly text: string,
    public i: number,
  ) {}

  peek(): string {
    return this.text[this.i] ?? '';
  }

  /** Skips spaces and tabs on the line. */
  space(): void {
    while (/[ \t\r]/.test(this.peek())) {
      this.i++;
    }
  }

  /** Skips white space, line breaks included. */
  blank(): void {
    while (/\s/.test(this.peek())) {
      this.i++;
    }
  }

  /** A string literal, a template without `${`, a known constant, or JSON.stringify(literal). */
  stringish(constants: Map<string, string>): string | undefined {
    const c = this.peek();
    if (c === '"' || c === "'" || c === '`') {
      return this.string();
    }
    const rest = this.text.slice(this.i);
    const stringify = /^JSON\.stringify\s*\(/.exec(rest);
    if (stringify) {
      this.i += stringify[0].length;
      this.space();
      const value = this.value();
      this.space();
      if (this.peek() !== ')') {
        return undefined;
      }
      this.i++;
      return stringifyJson(value);
    }
    const name = /^[A-Za-z_$][\w$]*/.exec(rest)?.[0];
    if (name !== undefined && constants.has(name) && !/^[\w$]*\s*[.([]/.test(rest)) {
      this.i += name.length;
      return constants.get(name);
    }
    return undefined;
  }

  string(): string | undefined {
    const q = this.text[this.i++];
    let out = '';
    while (this.i < this.text.length) {
      const c = this.text[this.i++];
      if (c === q) {
        return out;
      }
      if (q === '`' && c === '$' && this.peek() === '{') {
        return undefined;
      }
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.i++];
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };
      if (simple[e] !== undefined) {
        out += simple[e];
      } else if (e === 'x') {
        out += String.fromCharCode(parseInt(this.text.slice(this.i, this.i + 2), 16));
        this.i += 2;
      } else if (e === 'u' && this.peek() === '{') {
        const close = this.text.indexOf('}', this.i);
        out += String.fromCodePoint(parseInt(this.text.slice(this.i + 1, close), 16));
        this.i = close + 1;
      } else if (e === 'u') {
        out += String.fromCharCode(parseInt(this.text.slice(this.i, this.i + 4), 16));
        this.i += 4;
      } else if (e === '\n') {
        // A backslash before a line break continues the string.
      } else {
        out += e;
      }
    }
    return undefined;
  }

  /** A JSON-like literal as JavaScript allows it: unquoted keys, single quotes, trailing commas. */
  value(): JsonValue {
    this.skipBlank();
    const c = this.peek();
    if (c === '{') {
      this.i++;
      const parts: string[] = [];
      for (;;) {
        this.skipBlank();
        if (this.peek() === '}') {
          this.i++;
          break;
        }
        let key: string | undefined;
        if (this.peek() === '"' || this.peek() === "'") {
          key = this.string();
        } else {
          key = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.i))?.[0];
          this.i += key?.length ?? 0;
        }
        if (key === undefined) {
          throw new SyntaxError('key');
        }
        this.skipBlank();
        if (this.text[this.i++] !== ':') {
          throw new SyntaxError(':');
        }
        parts.push(JSON.stringify(key) + ':' + stringifyJson(this.value()));
        this.skipBlank();
        if (this.peek() === ',') {
          this.i++;
        }
      }
      return parseJson('{' + parts.join(',') + '}');
    }
    if (c === '[') {
      this.i++;
      const parts: string[] = [];
      for (;;) {
        this.skipBlank();
        if (this.peek() === ']') {
          this.i++;
          break;
        }
        parts.push(stringifyJson(this.value()));
        this.skipBlank();
        if (this.peek() === ',') {
          this.i++;
        }
      }
      return parseJson('[' + parts.join(',') + ']');
    }
    if (c === '"' || c === "'" || c === '`') {
      const s = this.string();
      if (s === undefined) {
        throw new SyntaxError('string');
      }
      return s;
    }
    const word = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.i))?.[0];
    if (word === undefined) {
      throw new SyntaxError('value');
    }
    this.i += word.length;
    return parseJson(word);
  }

  private skipBlank(): void {
    this.blank();
  }
}

/** What applying the signing scripts above a request changed. */
export interface AppliedScripts {
  input: HttpRequestInput;
  /** True when a script that signs TC3 runs before the request, so the explorer signs it instead. */
  signed: boolean;
  /** The SignedHeaders the script signs, lower case and sorted. */
  signedHeaders?: string;
}

/**
 * What the import summary says about one script, where it is (`the collection's`, `"Rooms / Get"`'s):
 * the credentials written in it (dropped, named, never their values) and what cannot be carried over.
 */
export function describeScript(s: SigningScript, where: string): { warnings: string[]; dropped: string[] } {
  const warnings: string[] = [];
  const dropped: string[] = [];
  if (!s.signsTc3) {
    return { warnings: [`${where} pre-request script was not imported (scripts are never run)`], dropped };
  }
  warnings.push(`${where} pre-request script signs TC3-HMAC-SHA256: its requests were imported as native requests, which the explorer signs itself`);
  for (const role of s.literalCredentials) {
    dropped.push(`the ${role === 'secretId' ? 'SecretId' : role === 'secretKey' ? 'SecretKey' : 'session token'} written in ${where} pre-request script`);
  }
  for (const role of s.unreadable) {
    warnings.push(`${where} pre-request script computes the ${role === 'payload' ? 'body' : role} in a way that cannot be read without running it; check it on the imported requests`);
  }
  if (s.otherVariablesSet.length > 0) {
    warnings.push(`${where} pre-request script also sets ${s.otherVariablesSet.map((v) => `{{${v}}}`).join(', ')}, which is not carried over`);
  }
  if (s.sendsRequests) {
    warnings.push(`${where} pre-request script sends requests of its own (pm.sendRequest), which are not carried over`);
  }
  return { warnings, dropped };
}

function valueText(v: ScriptValue | undefined, variables: ReadonlyMap<string, string>): string | undefined {
  if (!v || 'requestBody' in v) {
    return undefined;
  }
  if ('literal' in v) {
    return v.literal;
  }
  // A variable the collection defines is read as its text; otherwise it stays a reference.
  return variables.get(v.variable) ?? `{{${v.variable}}}`;
}

/**
 * Fills a request from the signing scripts that run before it (collection, folder, request, in that
 * order; a later one wins): the action, region and version headers, the body and the host when the
 * request itself does not hold them. The signature itself is left to the explorer.
 */
export function applySigningScripts(input: HttpRequestInput, scripts: readonly SigningScript[], variables: ReadonlyMap<string, string>): AppliedScripts {
  const out: AppliedScripts = { input: { ...input, headers: [...input.headers] }, signed: false };
  const signers = scripts.filter((s) => s.signsTc3);
  if (signers.length === 0) {
    return out;
  }
  out.signed = true;
  const values: Partial<Record<ScriptRole, ScriptValue>> = {};
  for (const s of signers) {
    Object.assign(values, s.values);
  }
  const has = (name: string): boolean => out.input.headers.some(([n, v]) => n.toLowerCase() === name && v.trim() !== '');
  for (const [role, header] of [
    ['action', 'X-TC-Action'],
    ['region', 'X-TC-Region'],
    ['version', 'X-TC-Version'],
  ] as const) {
    const text = valueText(values[role], variables);
    if (text !== undefined && !has(header.toLowerCase())) {
      out.input.headers.push([header, text]);
    }
  }
  const bodyText = out.input.body?.kind === 'raw' ? out.input.body.text : out.input.body ? 'form' : '';
  const payload = valueText(values.payload, variables);
  if (payload !== undefined && bodyText.trim() === '') {
    out.input.body = { kind: 'raw', text: payload };
    if (!has('content-type')) {
      out.input.headers.push(['Content-Type', 'application/json']);
    }
  }
  const host = valueText(values.host, variables);
  const urlHost = /^\s*(?:[A-Za-z][\w+.-]*:\/\/)?([^/?#\s]*)/.exec(out.input.url)?.[1] ?? '';
  if (host !== undefined && (urlHost === '' || /^\{\{[^}]*\}\}$/.test(urlHost))) {
    out.input.url = `https://${host.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/`;
  }
  if (!has('x-tc-version') && values.version === undefined && (out.input.headers.some(([n]) => n.toLowerCase() === 'x-tc-action') || values.action)) {
    // Tencent's script names the version in the script; one that does not is taken to mean TRTC's.
    out.input.headers.push(['X-TC-Version', '2019-07-22']);
  }
  const signed = valueText(values.signedHeaders, variables);
  if (signed !== undefined) {
    out.signedHeaders = signed.toLowerCase().split(';').map((n) => n.trim()).sort().join(';');
  }
  return out;
}
