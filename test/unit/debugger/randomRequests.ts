// Random requests for the generated debugger test: a seeded generator, random parameters, and a
// simulated client that signs with the signing core's step functions and may get exactly one thing
// wrong, the way a user's own code would.
import { shellQuote } from '../../../src/core/codegen/shellQuote';
import { stringifyJson, type JsonObject, type JsonValue } from '../../../src/core/json';
import {
  canonicalRequest,
  deriveTc3Keys,
  encodeParams,
  flattenParams,
  legacySignature,
  legacySourceString,
  rfc3986Encode,
  sha256Hex,
  sortParams,
  tc3Authorization,
  tc3CredentialScope,
  tc3Signature,
  tc3StringToSign,
  utcDate,
  type LegacySignMethod,
  type ParamPair,
} from '../../../src/core/signing';

/** mulberry32: small, fast and good enough to pick test cases; the same seed gives the same cases. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over one generator. */
export class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const WORDS = ['room', 'a b', '未命名', 'x+y', 'p/q', '100%', 'a&b=c', 'tilde~star*', "it's", 'é', 'plain'];

/** A random string value: words that need no encoding, and some that need every kind of it. */
export function randomText(r: Random): string {
  const n = r.int(1, 3);
  return Array.from({ length: n }, () => r.pick(WORDS)).join(r.pick(['', ' ', '-']));
}

/** Random parameters; `flat` keeps them to what a legacy request can carry (strings, lists of strings). */
export function randomParams(r: Random, flat: boolean): JsonObject {
  const params: JsonObject = { SdkAppId: 1400000000 + r.int(1, 999999), RoomId: r.chance(0.5) ? r.int(1, 99999) : randomText(r) };
  const extra = r.int(1, 3);
  for (let i = 0; i < extra; i++) {
    const key = r.pick(['UserId', 'Note', 'StrRoomId', 'Reason', 'Tag']) + (i > 0 ? String(i) : '');
    params[key] = randomText(r);
  }
  if (r.chance(0.5)) {
    params.UserIds = Array.from({ length: r.int(1, 12) }, (_, i) => `u${i}`);
  }
  if (!flat && r.chance(0.4)) {
    params.Filters = [{ Name: randomText(r), Values: [randomText(r), r.int(0, 9)] as JsonValue[] }];
  }
  return params;
}

/** Made-up keys of the documented shapes. */
export const KEYS = { secretId: 'AKIDEXAMPLEgen0123456789abcdefABCDEF', secretKey: 'genSecretKey0123456789abcdefXYZ12' };

/** What a simulated TC3 client sends, and how it signs when it differs. */
export interface Tc3Client {
  method: 'GET' | 'POST';
  host: string;
  contentType: string;
  body: string;
  query: string;
  action: string;
  region: string;
  timestamp: number;
  token?: string;
  /** The header names signed, as the Authorization header lists them. */
  listed: string;
  signed: {
    method?: string;
    uri?: string;
    query?: string;
    host?: string;
    contentType?: string;
    body?: string;
    timestampText?: string;
    sentTimestampText?: string;
    date?: string;
    service?: string;
    key?: string;
    credentialId?: string;
    /** Writes the canonical header block from the [name, value] pairs that would be signed. */
    block?: (pairs: Array<[string, string]>) => string;
    /** The signed line in the canonical request, when it is not the listed one. */
    line?: string;
    actionOriginalCase?: boolean;
  };
}

/** Signs like the client, and returns the request's headers as it sends them. */
export function signTc3Client(c: Tc3Client): { headers: Array<[string, string]>; authorization: string } {
  const s = c.signed;
  const timestampText = s.timestampText ?? String(c.timestamp);
  const sentTimestamp = s.sentTimestampText ?? timestampText;
  const date = s.date ?? utcDate(c.timestamp);
  const service = s.service ?? 'trtc';
  const values: Record<string, string> = {
    'content-type': s.contentType ?? c.contentType,
    host: s.host ?? c.host,
    'x-tc-action': s.actionOriginalCase ? c.action : c.action.toLowerCase(),
    'x-tc-timestamp': sentTimestamp,
    'x-tc-region': c.region,
  };
  const names = c.listed.split(';');
  const pairs = names.map((n): [string, string] => [n, values[n] ?? '']);
  const block = s.block ? s.block(pairs) : pairs.map(([n, v]) => `${n}:${v}\n`).join('');
  const request = canonicalRequest({
    httpMethod: s.method ?? c.method,
    canonicalUri: s.uri ?? '/',
    canonicalQueryString: s.query ?? c.query,
    canonicalHeaders: block,
    signedHeaders: s.line ?? c.listed,
    hashedPayload: sha256Hex(s.body ?? c.body),
  });
  const scope = tc3CredentialScope(date, service);
  const signature = tc3Signature(deriveTc3Keys(s.key ?? KEYS.secretKey, date, service).secretSigning, tc3StringToSign(timestampText, scope, sha256Hex(request)));
  const authorization = tc3Authorization(s.credentialId ?? KEYS.secretId, scope, c.listed, signature);
  const headers: Array<[string, string]> = [
    ['Host', c.host],
    ['Content-Type', c.contentType],
    ['X-TC-Action', c.action],
    ['X-TC-Version', '2019-07-22'],
    ['X-TC-Timestamp', sentTimestamp],
    ['X-TC-Region', c.region],
  ];
  if (c.token) {
    headers.push(['X-TC-Token', c.token]);
  }
  headers.push(['Authorization', authorization]);
  return { headers, authorization };
}

/** The JSON body of a TC3 POST, as the signer writes it. */
export function tc3Body(params: JsonObject): string {
  return stringifyJson(params);
}

/** The query string of a TC3 GET, as the signer writes it. */
export function tc3Query(params: JsonObject): string {
  return encodeParams(flattenParams(params));
}

/** What a simulated legacy client sends, and how it signs when it differs. */
export interface LegacyClient {
  method: 'GET' | 'POST';
  host: string;
  /** Every parameter with raw values, common ones included, Signature not. */
  params: ParamPair[];
  hash: LegacySignMethod;
  signed: {
    /** The pairs as the source string takes them (already in the client's order and form). */
    pairs?: ParamPair[];
    method?: string;
    host?: string;
    path?: string;
    /** Rewrites the finished source string. */
    source?: (source: string) => string;
    hash?: LegacySignMethod;
    key?: string;
  };
  /** Encodes the pairs sent, Signature included; once in RFC 3986 by default. */
  encode?: (pairs: ParamPair[]) => string;
  /** Sends the parameters in the order signed instead of sorted. */
  sendInSignedOrder?: boolean;
}

/** Signs like the legacy client and returns the encoded parameters it sends. */
export function signLegacyClient(c: LegacyClient): string {
  const s = c.signed;
  let source = legacySourceString(s.method ?? c.method, s.host ?? c.host, s.path ?? '/', s.pairs ?? sortParams(c.params));
  if (s.source) {
    source = s.source(source);
  }
  const signature = legacySignature(s.key ?? KEYS.secretKey, source, s.hash ?? c.hash);
  const sent: ParamPair[] = c.sendInSignedOrder && s.pairs ? [...s.pairs, ['Signature', signature]] : sortParams([...c.params, ['Signature', signature]]);
  return (c.encode ?? encodeParams)(sent);
}

/** Encodes every value once more: what a client that encodes twice sends. */
export function encodeTwice(pairs: ParamPair[]): string {
  return encodeParams(pairs.map(([k, v]): ParamPair => [k, rfc3986Encode(v)]));
}

/** A request as raw HTTP, as curl, or (a legacy GET) as a URL, the way users paste them. */
export function pasteOf(
  r: Random,
  req: { method: string; host: string; pathAndQuery: string; headers: Array<[string, string]>; body: string },
  options: { trailingBreak?: boolean; contentLength?: boolean } = {},
): string {
  const form = r.pick(['raw', 'raw', 'curl', ...(req.method === 'GET' && !req.headers.some(([n]) => n === 'Authorization') ? ['url'] : [])]);
  if (form === 'url') {
    return `https://${req.host}${req.pathAndQuery}`;
  }
  if (form === 'curl') {
    const args = ['curl', '-X', req.method, shellQuote(`https://${req.host}${req.pathAndQuery}`)];
    for (const [n, v] of req.headers) {
      args.push(r.pick(['-H', '--header']), shellQuote(`${n}: ${v}`));
    }
    if (req.body !== '') {
      args.push(r.pick(['--data-raw', '--data-binary', '-d']), shellQuote(req.body));
    }
    return args.join(r.pick([' ', ' \\\n  ']));
  }
  const eol = r.pick(['\r\n', '\n']);
  const headers = options.contentLength ? [...req.headers, ['Content-Length', String(Buffer.byteLength(req.body))] as [string, string]] : req.headers;
  const text = [`${req.method} ${req.pathAndQuery} HTTP/1.1`, ...headers.map(([k, v]) => `${k}: ${v}`), '', req.body].join(eol);
  return options.trailingBreak ? text + eol : text;
}
