// Our signer against the official Node SDK (see sdkOracle.ts for how the SDK is driven), on seeded
// random requests for every method. Set SIGNING_SEED to replay another run and SIGNING_CASES to change
// the count; a failure prints the case seed and its parameters.
//
// The SDK departs from the documented algorithm in two places that change bytes, and we follow the
// documentation (and therefore the server) instead:
//   - TC3 GET: Node's `querystring` leaves `! ( ) *` unencoded, so the SDK's query string and its
//     canonical query string are not RFC 3986. We encode them (`%21 %28 %29 %2A`).
//   - TC3 POST: json-bigint escapes a list of code points (U+007F-U+009F, U+00AD, U+200C-U+200F,
//     U+2028-U+202F, U+FEFF, U+FFF0-U+FFFF...) as `\uXXXX`; we send them as plain UTF-8, as
//     JSON.stringify does. Both bodies mean the same JSON; each side signs the bytes it sends.
// The main batches leave those characters out of the generated requests so that every request must be
// byte-identical; the quirk batches put them in and check that the difference is exactly the quirk,
// and that the SDK's own signing function, given our exact bytes, produces our Authorization.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stringifyJson, type JsonObject } from '../../../src/core/json';
import { decodeParams, signRequest, sortParams, type ParamPair, type SignInput } from '../../../src/core/signing';
import { caseSeed, generateParams, JSON_QUIRK_CHARS, randomWord, Rng, toSdkValue, type GenOptions } from './paramGenerator';
import { tc3Trace, legacyTrace } from './traces';
import { bodyText, sdkQuery, sdkRequest, SdkSign, SDK_ENDPOINT, SDK_REQUEST_CLIENT, TRACE_ID, type SdkCall } from './sdkOracle';

const BASE_SEED = Number(process.env.SIGNING_SEED ?? 0x5eed2019);
const CASES = Number(process.env.SIGNING_CASES ?? 500);
const QUIRK_CASES = 200;
const ACTIONS = ['DescribeRoomInfo', 'DismissRoom', 'RemoveUser', 'CreateCloudRecording', 'DescribeTrtcUsage', 'StartMCUMixTranscode'];
const REGIONS = [undefined, 'ap-guangzhou', 'ap-singapore', 'na-ashburn'];
const LANGS = [undefined, 'zh-CN', 'en-US'] as const;

type MethodKey = 'tc3-post' | 'tc3-get' | 'sha1-get' | 'sha1-post' | 'sha256-get' | 'sha256-post';
const METHODS: Record<MethodKey, { signMethod: SignInput['signMethod']; httpMethod: SignInput['httpMethod']; index: number }> = {
  'tc3-post': { signMethod: 'TC3-HMAC-SHA256', httpMethod: 'POST', index: 0 },
  'tc3-get': { signMethod: 'TC3-HMAC-SHA256', httpMethod: 'GET', index: 1 },
  'sha1-get': { signMethod: 'HmacSHA1', httpMethod: 'GET', index: 2 },
  'sha1-post': { signMethod: 'HmacSHA1', httpMethod: 'POST', index: 3 },
  'sha256-get': { signMethod: 'HmacSHA256', httpMethod: 'GET', index: 4 },
  'sha256-post': { signMethod: 'HmacSHA256', httpMethod: 'POST', index: 5 },
};

interface Case {
  seed: number;
  params: JsonObject;
  input: SignInput;
  call: SdkCall;
}

function makeCase(method: MethodKey, seed: number, opts: GenOptions): Case {
  const rng = new Rng(seed);
  const { signMethod, httpMethod } = METHODS[method];
  const params = generateParams(rng, opts);
  const secretId = 'AKID' + randomWord(rng, 32);
  const secretKey = randomWord(rng, 32);
  const token = rng.chance(0.3) ? randomWord(rng, rng.int(20, 120), 'ABCDEFabcdef0123456789+/=_-') : undefined;
  const region = rng.pick(REGIONS);
  const language = rng.pick(LANGS);
  const action = rng.pick(ACTIONS);
  // Up to 2^31, with day boundaries and the documentation's UTC+8 example now and then.
  const timestamp = rng.chance(0.1) ? rng.pick([1551113065, 1551052800, 1551052799, 0, 2147483647]) : rng.int(1_000_000_000, 2_147_483_647);
  const nonce = rng.int(1, 65535);
  const contentType = method === 'tc3-post' && rng.chance(0.3) ? 'application/json; charset=utf-8' : undefined;
  const legacy = signMethod !== 'TC3-HMAC-SHA256';
  const input: SignInput = {
    credentials: { secretId, secretKey, token },
    service: 'trtc',
    version: '2019-07-22',
    action,
    host: SDK_ENDPOINT,
    region,
    language,
    // The SDK always signs a RequestClient parameter in legacy requests; an action parameter of that
    // name makes ours carry the same one.
    params: legacy ? { ...params, RequestClient: SDK_REQUEST_CLIENT } : params,
    signMethod,
    httpMethod,
    contentType,
    timestamp,
    nonce: legacy ? nonce : undefined,
    extraHeaders: legacy ? undefined : { 'X-TC-RequestClient': SDK_REQUEST_CLIENT, 'X-TC-TraceId': TRACE_ID },
  };
  const call: SdkCall = {
    signMethod,
    httpMethod,
    secretId,
    secretKey,
    token,
    region,
    language,
    action,
    params: toSdkValue(params),
    contentType,
    timestamp,
    nonce,
  };
  return { seed, params, input, call };
}

function sortedHeaders(headers: Record<string, string>): Array<[string, string]> {
  return Object.entries(headers).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Applies json-bigint's extra escapes to JSON text (they only ever occur inside strings). */
function jsonBigintEscapes(json: string): string {
  return json.replace(/[\u007f-\u009f\u00ad\u0600-\u0604\u070f\u17b4\u17b5\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Undoes our encoding of the five sub-delimiters that Node's querystring leaves raw. */
function querystringSubDelims(query: string): string {
  return query.replace(/%21|%27|%28|%29|%2A/g, (e) => String.fromCharCode(parseInt(e.slice(1), 16)));
}

/** The same for a TC3 canonical query, where the SDK's URL parsing has already turned ' into %27. */
function canonicalQuerySubDelims(query: string): string {
  return query.replace(/%21|%28|%29|%2A/g, (e) => String.fromCharCode(parseInt(e.slice(1), 16)));
}

type Outcome = 'identical' | 'quirk';

async function compareTc3(c: Case, allowQuirk: boolean): Promise<Outcome> {
  const ours = signRequest(c.input);
  const trace = tc3Trace(ours);
  const { request: sdk } = await sdkRequest(c.call);
  assert.equal(sdk.method, c.input.httpMethod);
  const sdkBody = bodyText(sdk.body);
  const sdkQueryString = sdkQuery(sdk.url);
  const sameBytes = sdkBody === ours.body && sdkQueryString === trace.canonicalQueryString;
  if (sameBytes) {
    // Canonical inputs: method, path, query, content-type, host and payload are all equal, so the
    // whole header set, Authorization included, must be too.
    assert.equal(new URL(sdk.url).pathname, '/');
    assert.deepEqual(sortedHeaders(ours.headers), sortedHeaders(sdk.headers));
    return 'identical';
  }
  assert.ok(allowQuirk, 'the SDK sent different bytes for a request without quirk characters');
  if (c.input.httpMethod === 'POST') {
    assert.equal(jsonBigintEscapes(ours.body), sdkBody, 'the bodies differ by more than json-bigint escapes');
    assert.deepEqual(JSON.parse(ours.body), JSON.parse(sdkBody));
    // The SDK's whole path again, given our exact bytes as a Buffer body (which it hashes as is).
    const { request: again } = await sdkRequest({ ...c.call, params: Buffer.from(ours.body, 'utf8') });
    assert.equal(bodyText(again.body), ours.body);
    assert.deepEqual(sortedHeaders(ours.headers), sortedHeaders(again.headers));
  } else {
    assert.equal(canonicalQuerySubDelims(trace.canonicalQueryString), sdkQueryString, 'the queries differ by more than ! ( ) *');
    // The SDK's signing function over our exact URL.
    const authorization = SdkSign.sign3({
      method: 'GET',
      url: `https://${SDK_ENDPOINT}${ours.pathAndQuery}`,
      payload: '',
      timestamp: c.input.timestamp,
      service: 'trtc',
      secretId: c.input.credentials.secretId,
      secretKey: c.input.credentials.secretKey,
      headers: { 'Content-Type': ours.headers['Content-Type'] },
    });
    assert.equal(authorization, ours.headers.Authorization);
  }
  return 'quirk';
}

async function compareLegacy(c: Case): Promise<Outcome> {
  const ours = signRequest(c.input);
  const trace = legacyTrace(ours);
  const { request: sdk, client } = await sdkRequest(c.call);
  const sdkEncoded = c.input.httpMethod === 'GET' ? sdk.url.slice(sdk.url.indexOf('?') + 1) : bodyText(sdk.body);
  const ourEncoded = c.input.httpMethod === 'GET' ? ours.pathAndQuery.slice(ours.pathAndQuery.indexOf('?') + 1) : ours.body;
  const sdkParams = decodeParams(sdkEncoded);
  const signature = sdkParams.find(([name]) => name === 'Signature');
  assert.ok(signature, 'the SDK request has no Signature');
  assert.equal(trace.signature, signature[1]);
  // Same parameters with the same raw values once decoded (only the percent-encoding may differ).
  assert.deepEqual(sortParams(decodeParams(ourEncoded)), sortParams(sdkParams));
  // The SDK's own source-string function over the parameters it sent.
  const unsigned: Record<string, string> = {};
  for (const [name, value] of sdkParams) {
    if (name !== 'Signature') {
      unsigned[name] = value;
    }
  }
  assert.equal(client.formatSignString(unsigned), trace.sourceString);
  if (c.input.httpMethod === 'POST') {
    assert.equal(sdk.headers['Content-Type'], ours.headers['Content-Type']);
    assert.equal(ours.pathAndQuery, '/');
  } else {
    assert.equal(ours.body, '');
  }
  // On the wire the SDK keeps insertion order and we sort, so pieces are compared as sets; beyond
  // that, the only allowed difference is querystring leaving ! ' ( ) * unencoded.
  const sdkPieces = sdkEncoded.split('&').sort();
  const ourPieces = ourEncoded.split('&');
  if (ourPieces.slice().sort().join('&') === sdkPieces.join('&')) {
    return 'identical';
  }
  assert.deepEqual(ourPieces.map(querystringSubDelims).sort(), sdkPieces, 'the encodings differ by more than ! \' ( ) *');
  return 'quirk';
}

async function runBatch(method: MethodKey, count: number, seedOffset: number, opts: GenOptions, allowQuirk: boolean): Promise<Record<Outcome, number>> {
  const counts: Record<Outcome, number> = { identical: 0, quirk: 0 };
  const legacy = METHODS[method].signMethod !== 'TC3-HMAC-SHA256';
  for (let i = 0; i < count; i++) {
    const seed = caseSeed(BASE_SEED, METHODS[method].index + seedOffset, i);
    const c = makeCase(method, seed, opts);
    try {
      counts[legacy ? await compareLegacy(c) : await compareTc3(c, allowQuirk)]++;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new Error(
        `${method} case ${i} failed: seed ${seed} (SIGNING_SEED=${BASE_SEED}); params ${stringifyJson(c.params)}; ` +
          `region ${String(c.input.region)}, language ${String(c.input.language)}, token ${c.input.credentials.token ? 'yes' : 'no'}, ` +
          `timestamp ${c.input.timestamp}\n${message}`,
        { cause: e },
      );
    }
  }
  return counts;
}

describe(`cross-check with tencentcloud-sdk-nodejs (${CASES} requests per method)`, () => {
  test('TC3-HMAC-SHA256 POST: identical bodies, headers and Authorization', async () => {
    const counts = await runBatch('tc3-post', CASES, 0, { allowNull: false, queryQuirks: true, jsonQuirks: false }, false);
    assert.equal(counts.identical, CASES);
  });

  test('TC3-HMAC-SHA256 GET: identical query strings, headers and Authorization', async () => {
    const counts = await runBatch('tc3-get', CASES, 0, { allowNull: true, queryQuirks: false, jsonQuirks: true }, false);
    assert.equal(counts.identical, CASES);
  });

  for (const method of ['sha1-get', 'sha1-post', 'sha256-get', 'sha256-post'] as const) {
    test(`${METHODS[method].signMethod} ${METHODS[method].httpMethod}: identical signatures, source strings and parameters`, async () => {
      const counts = await runBatch(method, CASES, 0, { allowNull: true, queryQuirks: true, jsonQuirks: true }, true);
      assert.equal(counts.identical + counts.quirk, CASES);
      // Requests with ! ( ) * are encoded differently on the wire (same values, same signature).
      assert.ok(counts.quirk > 0, 'no request exercised the querystring encoding difference');
      assert.ok(counts.identical > 0, 'no request was byte-identical on the wire');
    });
  }
});

describe('SDK quirks, on generated requests that trigger them', () => {
  test('TC3 POST: json-bigint escapes extra code points; our raw UTF-8 signs consistently', async () => {
    const counts = await runBatch('tc3-post', QUIRK_CASES, 10, { allowNull: false, queryQuirks: true, jsonQuirks: true }, true);
    assert.ok(counts.quirk > QUIRK_CASES / 4, `only ${counts.quirk} of ${QUIRK_CASES} requests hit the escape difference`);
  });

  test('TC3 GET: querystring leaves ! ( ) * raw; our RFC 3986 query signs consistently', async () => {
    const counts = await runBatch('tc3-get', QUIRK_CASES, 10, { allowNull: true, queryQuirks: true, jsonQuirks: true }, true);
    assert.ok(counts.quirk > QUIRK_CASES / 4, `only ${counts.quirk} of ${QUIRK_CASES} requests hit the encoding difference`);
  });
});

describe('SDK quirks, one at a time', () => {
  const base: SignInput = {
    credentials: { secretId: 'AKIDquirk', secretKey: 'quirk-key' },
    service: 'trtc',
    version: '2019-07-22',
    action: 'DescribeRoomInfo',
    host: SDK_ENDPOINT,
    params: {},
    signMethod: 'TC3-HMAC-SHA256',
    httpMethod: 'GET',
    timestamp: 1551113065,
    extraHeaders: { 'X-TC-RequestClient': SDK_REQUEST_CLIENT, 'X-TC-TraceId': TRACE_ID },
  };
  const call: SdkCall = {
    signMethod: 'TC3-HMAC-SHA256',
    httpMethod: 'GET',
    secretId: 'AKIDquirk',
    secretKey: 'quirk-key',
    action: 'DescribeRoomInfo',
    params: {},
    timestamp: 1551113065,
  };

  test("TC3 GET: the SDK's canonical query leaves ! ( ) * raw, ours encodes them", async () => {
    const params = { Remark: "a!b(c)d*e'f~g" };
    const ours = signRequest({ ...base, params });
    const { request } = await sdkRequest({ ...call, params });
    assert.equal(tc3Trace(ours).canonicalQueryString, 'Remark=a%21b%28c%29d%2Ae%27f~g');
    assert.equal(sdkQuery(request.url), "Remark=a!b(c)d*e%27f~g");
    assert.notEqual(request.headers.Authorization, ours.headers.Authorization);
  });

  test('TC3 POST: json-bigint writes U+2028, U+00AD and the ZWJ as \\u escapes, we write them raw', async () => {
    const params = { Remark: 'a\u2028b\u00adc👨\u200d👩' };
    const ours = signRequest({ ...base, httpMethod: 'POST', params });
    const { request } = await sdkRequest({ ...call, httpMethod: 'POST', params });
    assert.equal(ours.body, '{"Remark":"a\u2028b\u00adc👨\u200d👩"}');
    assert.equal(bodyText(request.body), '{"Remark":"a\\u2028b\\u00adc👨\\u200d👩"}');
    assert.ok(JSON_QUIRK_CHARS.includes('\u2028'));
  });

  test('TC3 with a port: the SDK signs the host name without the port, we sign the Host header as sent', () => {
    const host = '127.0.0.1:8443';
    const ours = signRequest({ ...base, host, params: { A: 1 } });
    assert.equal(ours.headers.Host, host);
    assert.match(tc3Trace(ours).canonicalHeaders, /^content-type:application\/x-www-form-urlencoded\nhost:127\.0\.0\.1:8443\n$/);
    const sdkAuthorization = SdkSign.sign3({
      method: 'GET',
      url: `https://${host}${ours.pathAndQuery}`,
      payload: '',
      timestamp: base.timestamp,
      service: 'trtc',
      secretId: 'AKIDquirk',
      secretKey: 'quirk-key',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.notEqual(sdkAuthorization, ours.headers.Authorization);
    // Signing the bare host name reproduces the SDK exactly, so the port is the only difference.
    const portless = signRequest({ ...base, host: '127.0.0.1', params: { A: 1 } });
    assert.equal(sdkAuthorization, portless.headers.Authorization);
  });

  test('legacy: the SDK sends ! ( ) * unencoded in the form body; the signature is the same', async () => {
    const params = { Remark: 'x!(y)*' };
    const legacyInput: SignInput = {
      ...base,
      signMethod: 'HmacSHA256',
      httpMethod: 'POST',
      nonce: 42,
      extraHeaders: undefined,
      params: { ...params, RequestClient: SDK_REQUEST_CLIENT },
    };
    const ours = signRequest(legacyInput);
    const { request } = await sdkRequest({ ...call, signMethod: 'HmacSHA256', httpMethod: 'POST', nonce: 42, params });
    const sdkBody = bodyText(request.body);
    assert.match(sdkBody, /(^|&)Remark=x!\(y\)\*(&|$)/);
    assert.match(ours.body, /(^|&)Remark=x%21%28y%29%2A(&|$)/);
    const sdkPairs: ParamPair[] = decodeParams(sdkBody);
    assert.equal(sdkPairs.find(([n]) => n === 'Signature')?.[1], legacyTrace(ours).signature);
  });

  test('legacy: the SDK sends HmacSHA1 requests with SignatureMethod too, as we do', async () => {
    const ours = signRequest({ ...base, signMethod: 'HmacSHA1', nonce: 7, extraHeaders: undefined, params: { RequestClient: SDK_REQUEST_CLIENT } });
    const { request } = await sdkRequest({ ...call, signMethod: 'HmacSHA1', nonce: 7 });
    const sdkPairs = decodeParams(sdkQuery(request.url));
    assert.deepEqual(
      sdkPairs.find(([n]) => n === 'SignatureMethod'),
      ['SignatureMethod', 'HmacSHA1'],
    );
    assert.ok(legacyTrace(ours).sortedParams.some(([n, v]) => n === 'SignatureMethod' && v === 'HmacSHA1'));
    assert.equal(sdkPairs.find(([n]) => n === 'Signature')?.[1], legacyTrace(ours).signature);
  });
});
