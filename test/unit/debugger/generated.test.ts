// Hundreds of random requests, signed through the signing core, each either correct or with exactly
// one client mistake. A correct one must be called correct (whatever the paste: raw HTTP with CRLF
// or LF, a line break after the body, curl); a mistaken one must be reproduced and the mistake named
// first. The seed is fixed, so a failure names a case that can be run again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnoseSignature, parsePastedRequest, type CauseId, type Diagnosis } from '../../../src/core/debugger';
import { ENCODING_STYLES } from '../../../src/core/debugger/encodingStyles';
import { stringifyJson } from '../../../src/core/json';
import { flattenParams, signRequest, sortParams, utcDate, type HttpMethod, type ParamPair, type SignedHeadersMode, type SignMethod } from '../../../src/core/signing';
import {
  encodeTwice,
  KEYS,
  pasteOf,
  Random,
  randomParams,
  rng,
  signLegacyClient,
  signTc3Client,
  tc3Body,
  tc3Query,
  type LegacyClient,
  type Tc3Client,
} from './randomRequests';

const SEED = 20261202;
const CORRECT_CASES = 160;
const MISTAKE_CASES = 420;
const REGIONS = ['ap-guangzhou', 'ap-shanghai', 'ap-singapore', 'eu-frankfurt'];
const TOKEN = 'genSessionToken-0123456789abcdefABCDEF';

function hostFor(r: Random, region: string): string {
  return r.pick(['trtc.tencentcloudapi.com', `trtc.${region}.tencentcloudapi.com`, 'trtc.intl.tencentcloudapi.com']);
}

function run(text: string, now: number, token?: string): Diagnosis {
  return diagnoseSignature(parsePastedRequest(text), { secretKey: KEYS.secretKey, secretId: KEYS.secretId, now, ...(token ? { token } : {}) });
}

function describeCase(d: Diagnosis): string {
  return `${d.certainty}; first ${d.firstDifference?.key ?? '-'}; causes ${d.causes.map((c) => `${c.id}${c.reproduced ? '*' : ''}`).join(', ')}`;
}

describe('correct requests are called correct', () => {
  const r = new Random(rng(SEED));
  for (let i = 0; i < CORRECT_CASES; i++) {
    const signMethod = r.pick<SignMethod>(['TC3-HMAC-SHA256', 'TC3-HMAC-SHA256', 'HmacSHA256', 'HmacSHA1']);
    const httpMethod = r.pick<HttpMethod>(['POST', 'GET']);
    const tc3 = signMethod === 'TC3-HMAC-SHA256';
    const region = r.pick(REGIONS);
    const token = r.chance(0.3) ? TOKEN : undefined;
    const timestamp = r.int(1_600_000_000, 1_800_000_000);
    const signed = signRequest({
      credentials: { ...KEYS, ...(token ? { token } : {}) },
      service: 'trtc',
      version: '2019-07-22',
      action: r.pick(['DescribeRoomInfo', 'DismissRoom', 'RemoveUser']),
      host: hostFor(r, region),
      region,
      params: randomParams(r, !tc3),
      signMethod,
      httpMethod,
      ...(tc3 ? { signedHeaders: r.pick<SignedHeadersMode>(['content-type;host', 'content-type;host;x-tc-action']) } : {}),
      ...(tc3 && httpMethod === 'POST' && r.chance(0.3) ? { contentType: 'application/json; charset=utf-8' } : {}),
      timestamp,
      nonce: r.int(1, 2 ** 31 - 1),
    });
    const trailingBreak = signed.body !== '' && r.chance(0.4);
    const contentLength = trailingBreak && r.chance(0.5);
    const text = pasteOf(r, { method: signed.method, host: signed.headers.Host, pathAndQuery: signed.pathAndQuery, headers: Object.entries(signed.headers), body: signed.body }, { trailingBreak, contentLength });
    const name = `#${i} ${signMethod} ${httpMethod}${token ? ' token' : ''}${trailingBreak ? ` +line break${contentLength ? ' +Content-Length' : ''}` : ''}`;
    test(name, () => {
      const d = run(text, timestamp + r.int(0, 200), token);
      assert.equal(d.certainty, 'correct', `${describeCase(d)}\n${text}`);
      assert.equal(d.signatureMatches, true);
      assert.equal(d.firstDifference, undefined, describeCase(d));
      assert.ok(!d.causes.some((c) => c.reproduced || c.confidence === 'certain'), describeCase(d));
    });
  }
});

interface Mistake {
  name: string;
  /** The causes that name it; the first cause must be one of them. */
  ids: CauseId[];
  text: string;
  now: number;
}

function tc3Mistake(r: Random): Mistake | undefined {
  const method = r.pick<'GET' | 'POST'>(['POST', 'POST', 'GET']);
  const region = r.pick(REGIONS);
  // Some mistakes need the local date to differ from the UTC date: 16:00 to 24:00 UTC is the next day in UTC+8.
  const timestamp = r.int(1_600_000_000, 1_800_000_000);
  const params = randomParams(r, method === 'GET');
  const c: Tc3Client = {
    method,
    host: hostFor(r, region),
    contentType: method === 'GET' ? 'application/x-www-form-urlencoded' : r.pick(['application/json', 'application/json; charset=utf-8']),
    body: method === 'GET' ? '' : tc3Body(params),
    query: method === 'GET' ? tc3Query(params) : '',
    action: r.pick(['DescribeRoomInfo', 'DismissRoom']),
    region,
    timestamp,
    listed: r.pick(['content-type;host', 'content-type;host;x-tc-action']),
    signed: {},
  };
  const s = c.signed;
  const kinds = [
    'dateLocal', 'dateStale', 'timestampSigned', 'contentType', 'host', 'sentCase', 'untrimmed', 'noFinalNewline', 'listedNotSigned',
    'signedNotListed', 'actionCase', 'service', 'keyWhitespace', 'keysSwapped', 'method', 'uri', 'unsorted',
    ...(method === 'POST' ? ['payloadPretty', 'payloadNewline', 'payloadEscapes', 'payloadSorted'] : ['queryStyle', 'queryLeading']),
  ];
  const kind = r.pick(kinds);
  let ids: CauseId[];
  switch (kind) {
    case 'dateLocal': {
      const local = utcDate(timestamp + 8 * 3600);
      if (local === utcDate(timestamp)) {
        return undefined;
      }
      s.date = local;
      ids = ['scope-date-local-time'];
      break;
    }
    case 'dateStale':
      s.date = utcDate(timestamp - 3 * 86400);
      ids = ['scope-date-wrong'];
      break;
    case 'timestampSigned':
      s.timestampText = String(timestamp - r.int(1, 2));
      s.sentTimestampText = String(timestamp);
      ids = ['timestamp-signed-differs'];
      break;
    case 'contentType':
      s.contentType = c.contentType === 'application/json' ? 'application/json; charset=utf-8' : 'application/json';
      ids = ['content-type-differs'];
      break;
    case 'host':
      s.host = r.pick([`${c.host}:443`, c.host === 'trtc.tencentcloudapi.com' ? `trtc.${region}.tencentcloudapi.com` : 'trtc.tencentcloudapi.com']);
      ids = ['host-differs'];
      break;
    case 'sentCase':
      s.block = (pairs) => pairs.map(([n, v]) => `${n === 'x-tc-action' ? 'X-TC-Action' : n === 'host' ? 'Host' : 'Content-Type'}:${v}\n`).join('');
      ids = ['canonical-headers-not-normalized'];
      break;
    case 'untrimmed':
      s.block = (pairs) => pairs.map(([n, v]) => `${n}: ${v}\n`).join('');
      ids = ['canonical-headers-not-normalized'];
      break;
    case 'noFinalNewline':
      s.block = (pairs) => pairs.map(([n, v]) => `${n}:${v}`).join('\n');
      ids = ['canonical-headers-not-normalized'];
      break;
    case 'listedNotSigned':
      c.listed = 'content-type;host;x-tc-action';
      s.block = (pairs) => pairs.filter(([n]) => n !== 'x-tc-action').map(([n, v]) => `${n}:${v}\n`).join('');
      ids = ['signed-header-listed-not-signed'];
      break;
    case 'signedNotListed':
      s.block = (pairs) => [...pairs, ['x-tc-timestamp', String(timestamp)]].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, v]) => `${n}:${v}\n`).join('');
      ids = ['signed-header-signed-not-listed'];
      break;
    case 'actionCase':
      c.listed = 'content-type;host;x-tc-action';
      s.actionOriginalCase = true;
      ids = ['action-value-case'];
      break;
    case 'service':
      s.service = r.pick(['cvm', 'live', 'vod']);
      ids = ['scope-service-wrong'];
      break;
    case 'keyWhitespace':
      s.key = KEYS.secretKey + r.pick(['\n', '\r\n', ' ']);
      ids = ['secretkey-whitespace'];
      break;
    case 'keysSwapped':
      s.key = KEYS.secretId;
      s.credentialId = KEYS.secretKey;
      ids = ['keys-swapped'];
      break;
    case 'method':
      s.method = method === 'GET' ? 'POST' : 'GET';
      ids = ['method-differs'];
      break;
    case 'uri':
      s.uri = '';
      ids = ['path-differs'];
      break;
    case 'unsorted':
      c.listed = c.listed === 'content-type;host' ? 'host;content-type' : 'x-tc-action;host;content-type';
      ids = ['signed-headers-unsorted'];
      break;
    case 'payloadPretty':
      s.body = stringifyJson(params, 2);
      ids = ['payload-differs'];
      break;
    case 'payloadNewline':
      s.body = c.body + '\n';
      ids = ['payload-differs'];
      break;
    case 'payloadEscapes': {
      const escaped = c.body.replace(/[\u007f-\uffff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
      if (escaped === c.body) {
        return undefined;
      }
      s.body = escaped;
      ids = ['payload-differs'];
      break;
    }
    case 'payloadSorted': {
      const sorted = stringifyJson(Object.fromEntries(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1))));
      if (sorted === c.body) {
        return undefined;
      }
      s.body = sorted;
      ids = ['payload-differs'];
      break;
    }
    case 'queryStyle': {
      const pairs = flattenParams(params);
      const style = r.pick(ENCODING_STYLES.filter((e) => e.id !== 'once'));
      const query = pairs.map(([k, v]) => `${k}=${style.encode(v)}`).join('&');
      if (query === c.query) {
        return undefined;
      }
      s.query = query;
      ids = ['query-differs'];
      break;
    }
    case 'queryLeading':
      s.query = '?' + c.query;
      ids = ['query-differs'];
      break;
    default:
      throw new Error(kind);
  }
  const { headers } = signTc3Client(c);
  const text = pasteOf(r, { method, host: c.host, pathAndQuery: c.query === '' ? '/' : `/?${c.query}`, headers, body: c.body }, { contentLength: r.chance(0.5) });
  return { name: `TC3 ${method} ${c.listed} ${kind}`, ids, text, now: timestamp + r.int(0, 200) };
}

function legacyMistake(r: Random): Mistake | undefined {
  const method = r.pick<'GET' | 'POST'>(['GET', 'POST']);
  const region = r.pick(REGIONS);
  const timestamp = r.int(1_600_000_000, 1_800_000_000);
  const hash = r.pick<'HmacSHA1' | 'HmacSHA256'>(['HmacSHA1', 'HmacSHA256']);
  const params: ParamPair[] = [
    ['Action', 'DescribeRoomInfo'],
    ['Version', '2019-07-22'],
    ['Region', region],
    ['Timestamp', String(timestamp)],
    ['Nonce', String(r.int(1, 2 ** 31 - 1))],
    ['SecretId', KEYS.secretId],
    ['SignatureMethod', hash],
    ...flattenParams(randomParams(r, true)),
  ];
  const c: LegacyClient = { method, host: hostFor(r, region), params, hash, signed: {} };
  const s = c.signed;
  const kind = r.pick(['unsorted', 'signedEncoded', 'wireTwice', 'methodCase', 'noPath', 'noQuestionMark', 'doubleQuestionMark', 'hashWithoutMethod', 'hostPort', 'keyWhitespace', 'signatureTwice', 'method']);
  let ids: CauseId[];
  switch (kind) {
    case 'unsorted': {
      const shuffled = params.slice().sort(() => r.next() - 0.5);
      if (shuffled.map((p) => p[0]).join() === sortParams(params).map((p) => p[0]).join()) {
        return undefined;
      }
      // Code that does not sort usually sends in the same order it signed.
      s.pairs = shuffled;
      c.sendInSignedOrder = true;
      ids = ['legacy-params-unsorted'];
      break;
    }
    case 'signedEncoded': {
      const style = r.pick(ENCODING_STYLES);
      const pairs = sortParams(params).map(([k, v]): ParamPair => [k, style.encode(v)]);
      if (pairs.every(([, v], i) => v === sortParams(params)[i][1])) {
        return undefined;
      }
      s.pairs = pairs;
      ids = ['legacy-signed-encoded'];
      break;
    }
    case 'wireTwice':
      if (!params.some(([, v]) => /[^A-Za-z0-9._~-]/.test(v))) {
        return undefined;
      }
      c.encode = encodeTwice;
      ids = ['legacy-double-encoded'];
      break;
    case 'methodCase':
      s.source = (src) => method.toLowerCase() + src.slice(method.length);
      ids = ['legacy-method-lowercase'];
      break;
    case 'noPath':
      s.path = '';
      ids = ['legacy-path'];
      break;
    case 'noQuestionMark':
      s.source = (src) => src.replace('/?', '/');
      ids = ['legacy-missing-question-mark'];
      break;
    case 'doubleQuestionMark':
      s.source = (src) => src.replace('/?', '/??');
      ids = ['legacy-extra-question-mark'];
      break;
    case 'hashWithoutMethod':
      if (hash !== 'HmacSHA1') {
        return undefined;
      }
      s.hash = 'HmacSHA256';
      ids = ['legacy-sha256-without-method'];
      break;
    case 'hostPort':
      s.host = `${c.host}:443`;
      ids = ['host-differs'];
      break;
    case 'keyWhitespace':
      s.key = KEYS.secretKey + '\n';
      ids = ['secretkey-whitespace'];
      break;
    case 'signatureTwice':
      c.encode = (pairs) => pairs.map(([k, v]) => `${k}=${k === 'Signature' ? encodeURIComponent(encodeURIComponent(v)) : encodeURIComponent(v).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase())}`).join('&');
      ids = ['legacy-signature-double-encoded'];
      break;
    case 'method':
      s.method = method === 'GET' ? 'POST' : 'GET';
      ids = ['method-differs'];
      break;
    default:
      throw new Error(kind);
  }
  const encoded = signLegacyClient(c);
  const headers: Array<[string, string]> = method === 'POST' ? [['Host', c.host], ['Content-Type', 'application/x-www-form-urlencoded']] : [['Host', c.host]];
  const text = pasteOf(r, { method, host: c.host, pathAndQuery: method === 'GET' ? `/?${encoded}` : '/', headers, body: method === 'POST' ? encoded : '' });
  return { name: `${hash} ${method} ${kind}`, ids, text, now: timestamp + r.int(0, 200) };
}

describe('a single client mistake is reproduced and named', () => {
  const r = new Random(rng(SEED + 1));
  const cases: Mistake[] = [];
  while (cases.length < MISTAKE_CASES) {
    const m = r.chance(0.6) ? tc3Mistake(r) : legacyMistake(r);
    if (m) {
      cases.push(m);
    }
  }
  cases.forEach((m, i) => {
    test(`#${i} ${m.name}`, () => {
      const d = run(m.text, m.now);
      assert.equal(d.certainty, 'reproduced', `${describeCase(d)}\n${m.text}`);
      assert.ok(m.ids.includes(d.causes[0]?.id), `expected ${m.ids.join('|')}: ${describeCase(d)}\n${m.text}`);
      assert.equal(d.causes[0].reproduced, true);
      assert.ok(d.firstDifference, 'a mistaken request names the first step that differs');
      assert.match(d.verdict.en, /^Reproduced: /);
      assert.match(d.verdict.zh, /^已复现：/);
    });
  });
});
