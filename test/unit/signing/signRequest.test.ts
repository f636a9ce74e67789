import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { InputError } from '../../../src/core/errors';
import { LosslessNumber, parseJson, stringifyJson, type JsonObject } from '../../../src/core/json';
import {
  decodeParams,
  legacySignature,
  legacySourceString,
  REQUEST_SIZE_LIMITS,
  signLegacy,
  signRequest,
  signTc3,
  type SignInput,
} from '../../../src/core/signing';
import { legacyTrace, tc3Trace } from './traces';

const SECRET_KEY = 'kS3cr3tK3yV4lu3ThatMustN3v3rL34k';

function input(overrides: Partial<SignInput> = {}): SignInput {
  return {
    credentials: { secretId: 'AKIDexampleexampleexample', secretKey: SECRET_KEY },
    service: 'trtc',
    version: '2019-07-22',
    action: 'DescribeRoomInfo',
    host: 'trtc.tencentcloudapi.com',
    region: 'ap-guangzhou',
    params: { SdkAppId: 1400000001, RoomId: '1001' },
    signMethod: 'TC3-HMAC-SHA256',
    httpMethod: 'POST',
    timestamp: 1700000000,
    ...overrides,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('TC3-HMAC-SHA256 POST', () => {
  test('sends the compact lossless JSON of the params and hashes exactly those bytes', () => {
    const params = parseJson('{"SdkAppId":1400000001,"Total":12345678901234567890,"Name":"房间 😀","Flags":[true,false],"Empty":{}}') as JsonObject;
    const signed = signRequest(input({ params }));
    assert.equal(signed.body, '{"SdkAppId":1400000001,"Total":12345678901234567890,"Name":"房间 😀","Flags":[true,false],"Empty":{}}');
    assert.equal(signed.method, 'POST');
    assert.equal(signed.pathAndQuery, '/');
    const trace = tc3Trace(signed);
    assert.equal(trace.payload, signed.body);
    assert.equal(trace.hashedPayload, sha256(signed.body));
    assert.equal(trace.canonicalQueryString, '');
  });

  test('headers: the documented set in order, with Authorization built from the trace', () => {
    const signed = signRequest(input());
    assert.deepEqual(Object.keys(signed.headers), [
      'Host',
      'Content-Type',
      'X-TC-Action',
      'X-TC-Version',
      'X-TC-Timestamp',
      'X-TC-Region',
      'Authorization',
    ]);
    assert.equal(signed.headers.Host, 'trtc.tencentcloudapi.com');
    assert.equal(signed.headers['Content-Type'], 'application/json');
    assert.equal(signed.headers['X-TC-Action'], 'DescribeRoomInfo');
    assert.equal(signed.headers['X-TC-Version'], '2019-07-22');
    assert.equal(signed.headers['X-TC-Timestamp'], '1700000000');
    assert.equal(signed.headers['X-TC-Region'], 'ap-guangzhou');
    const trace = tc3Trace(signed);
    assert.equal(trace.canonicalHeaders, 'content-type:application/json\nhost:trtc.tencentcloudapi.com\n');
    assert.equal(trace.signedHeaders, 'content-type;host');
    assert.equal(trace.credentialScope, '2023-11-14/trtc/tc3_request');
    assert.equal(
      signed.headers.Authorization,
      `TC3-HMAC-SHA256 Credential=AKIDexampleexampleexample/2023-11-14/trtc/tc3_request, SignedHeaders=content-type;host, Signature=${trace.signature}`,
    );
  });

  test('the signature is the HMAC chain of the documented algorithm, recomputed here independently', () => {
    const signed = signRequest(input());
    const trace = tc3Trace(signed);
    const canonical = `POST\n/\n\ncontent-type:application/json\nhost:trtc.tencentcloudapi.com\n\ncontent-type;host\n${sha256(signed.body)}`;
    assert.equal(trace.canonicalRequest, canonical);
    const stringToSign = `TC3-HMAC-SHA256\n1700000000\n2023-11-14/trtc/tc3_request\n${sha256(canonical)}`;
    assert.equal(trace.stringToSign, stringToSign);
    const kDate = createHmac('sha256', 'TC3' + SECRET_KEY).update('2023-11-14').digest();
    const kService = createHmac('sha256', kDate).update('trtc').digest();
    const kSigning = createHmac('sha256', kService).update('tc3_request').digest();
    assert.equal(trace.secretDate, kDate.toString('hex'));
    assert.equal(trace.secretService, kService.toString('hex'));
    assert.equal(trace.secretSigning, kSigning.toString('hex'));
    assert.equal(trace.signature, createHmac('sha256', kSigning).update(stringToSign).digest('hex'));
  });

  test('region omitted: no X-TC-Region header, and the signature does not depend on it', () => {
    const withRegion = signRequest(input());
    const without = signRequest(input({ region: undefined }));
    assert.equal('X-TC-Region' in without.headers, false);
    // Region is not a signed header, so the Authorization is the same either way.
    assert.equal(without.headers.Authorization, withRegion.headers.Authorization);
    assert.equal('X-TC-Region' in signRequest(input({ region: '' })).headers, false);
  });

  test('token and language add X-TC-Token and X-TC-Language before Authorization', () => {
    const signed = signRequest(input({ credentials: { secretId: 'AKIDtmp', secretKey: SECRET_KEY, token: 'tok/en+==' }, language: 'en-US' }));
    assert.equal(signed.headers['X-TC-Token'], 'tok/en+==');
    assert.equal(signed.headers['X-TC-Language'], 'en-US');
    const keys = Object.keys(signed.headers);
    assert.ok(keys.indexOf('X-TC-Token') < keys.indexOf('Authorization'));
    assert.ok(keys.indexOf('X-TC-Language') < keys.indexOf('Authorization'));
    assert.equal('X-TC-Token' in signRequest(input()).headers, false);
    assert.equal('X-TC-Language' in signRequest(input()).headers, false);
  });

  test('extra headers come last, unsigned', () => {
    const plain = signRequest(input());
    const signed = signRequest(input({ extraHeaders: { 'X-TC-RequestClient': 'trtc-explorer/0.1', 'X-TC-TraceId': 'abc' } }));
    assert.deepEqual(Object.keys(signed.headers).slice(-3), ['Authorization', 'X-TC-RequestClient', 'X-TC-TraceId']);
    assert.equal(signed.headers['X-TC-RequestClient'], 'trtc-explorer/0.1');
    assert.equal(signed.headers.Authorization, plain.headers.Authorization);
  });

  test('x-tc-action mode signs the lower-cased action and changes the signature', () => {
    const plain = signRequest(input());
    const signed = signRequest(input({ signedHeaders: 'content-type;host;x-tc-action' }));
    const trace = tc3Trace(signed);
    assert.equal(trace.canonicalHeaders, 'content-type:application/json\nhost:trtc.tencentcloudapi.com\nx-tc-action:describeroominfo\n');
    assert.equal(trace.signedHeaders, 'content-type;host;x-tc-action');
    assert.equal(signed.headers['X-TC-Action'], 'DescribeRoomInfo');
    assert.match(signed.headers.Authorization, /SignedHeaders=content-type;host;x-tc-action, /);
    assert.notEqual(trace.signature, tc3Trace(plain).signature);
  });

  test('a custom content type with a charset is sent and signed as given', () => {
    const signed = signRequest(input({ contentType: 'application/json; charset=utf-8' }));
    assert.equal(signed.headers['Content-Type'], 'application/json; charset=utf-8');
    assert.match(tc3Trace(signed).canonicalHeaders, /^content-type:application\/json; charset=utf-8\n/);
  });

  test('a custom path becomes the canonical URI', () => {
    const signed = signRequest(input({ path: '/proxy/' }));
    assert.equal(signed.pathAndQuery, '/proxy/');
    assert.equal(tc3Trace(signed).canonicalUri, '/proxy/');
    assert.match(tc3Trace(signed).canonicalRequest, /^POST\n\/proxy\/\n\n/);
  });
});

describe('TC3-HMAC-SHA256 GET', () => {
  test('query string from flattened params, form content type, hash of the empty payload', () => {
    const params = parseJson('{"SdkAppId":1400000001,"UserIds":["a b","é"],"Filters":[{"Name":"x&y","Values":["1"]}],"Big":98765432109876543210,"On":true,"Skip":null,"None":[]}') as JsonObject;
    const signed = signRequest(input({ httpMethod: 'GET', params }));
    const query = 'SdkAppId=1400000001&UserIds.0=a%20b&UserIds.1=%C3%A9&Filters.0.Name=x%26y&Filters.0.Values.0=1&Big=98765432109876543210&On=true';
    assert.equal(signed.method, 'GET');
    assert.equal(signed.pathAndQuery, '/?' + query);
    assert.equal(signed.body, '');
    assert.equal(signed.headers['Content-Type'], 'application/x-www-form-urlencoded');
    const trace = tc3Trace(signed);
    assert.equal(trace.canonicalQueryString, query);
    assert.equal(trace.hashedPayload, sha256(''));
    assert.equal(trace.canonicalHeaders, 'content-type:application/x-www-form-urlencoded\nhost:trtc.tencentcloudapi.com\n');
    assert.match(trace.canonicalRequest, new RegExp(`^GET\\n/\\n${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
  });

  test('no params: the path alone and an empty canonical query', () => {
    const signed = signRequest(input({ httpMethod: 'GET', params: {} }));
    assert.equal(signed.pathAndQuery, '/');
    assert.equal(tc3Trace(signed).canonicalQueryString, '');
  });

  test('x-tc-action mode works for GET too', () => {
    const signed = signRequest(input({ httpMethod: 'GET', signedHeaders: 'content-type;host;x-tc-action' }));
    assert.match(tc3Trace(signed).canonicalHeaders, /\nx-tc-action:describeroominfo\n$/);
  });
});

describe('credential scope date', () => {
  test('is the UTC date, even where the local date is already the next day', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      // 1551113065 is 2019-02-26 00:44:25 in UTC+8 but still 2019-02-25 in UTC.
      assert.equal(new Date(1551113065 * 1000).getDate(), 26);
      const trace = tc3Trace(signRequest(input({ timestamp: 1551113065 })));
      assert.equal(trace.date, '2019-02-25');
      assert.equal(trace.credentialScope, '2019-02-25/trtc/tc3_request');
      assert.match(trace.stringToSign, /^TC3-HMAC-SHA256\n1551113065\n2019-02-25\/trtc\/tc3_request\n/);
    } finally {
      if (saved === undefined) {
        delete process.env.TZ;
      } else {
        process.env.TZ = saved;
      }
    }
  });

  test('changes exactly at UTC midnight', () => {
    assert.equal(tc3Trace(signRequest(input({ timestamp: 1551052799 }))).date, '2019-02-24');
    assert.equal(tc3Trace(signRequest(input({ timestamp: 1551052800 }))).date, '2019-02-25');
    assert.equal(tc3Trace(signRequest(input({ timestamp: 0 }))).date, '1970-01-01');
  });

  test('derives a different key on each side of midnight', () => {
    const before = tc3Trace(signRequest(input({ timestamp: 1551052799 })));
    const after = tc3Trace(signRequest(input({ timestamp: 1551052800 })));
    assert.notEqual(before.secretDate, after.secretDate);
    assert.notEqual(before.secretSigning, after.secretSigning);
  });
});

describe('legacy HmacSHA1 / HmacSHA256', () => {
  const legacyInput = (overrides: Partial<SignInput> = {}) =>
    input({
      signMethod: 'HmacSHA256',
      httpMethod: 'GET',
      nonce: 4242,
      params: { SdkAppId: 1400000001, UserIds: ['u2', 'u1'], Filters: [{ Name: 'n', Values: ['a&b', '100%'] }], Big: new LosslessNumber('12345678901234567890') },
      ...overrides,
    });

  test('GET: common params, flattened params, sorted, raw source string, base64 signature', () => {
    const signed = signRequest(legacyInput());
    const trace = legacyTrace(signed);
    assert.equal(trace.method, 'HmacSHA256');
    assert.deepEqual(trace.sortedParams, [
      ['Action', 'DescribeRoomInfo'],
      ['Big', '12345678901234567890'],
      ['Filters.0.Name', 'n'],
      ['Filters.0.Values.0', 'a&b'],
      ['Filters.0.Values.1', '100%'],
      ['Nonce', '4242'],
      ['Region', 'ap-guangzhou'],
      ['SdkAppId', '1400000001'],
      ['SecretId', 'AKIDexampleexampleexample'],
      ['SignatureMethod', 'HmacSHA256'],
      ['Timestamp', '1700000000'],
      ['UserIds.0', 'u2'],
      ['UserIds.1', 'u1'],
      ['Version', '2019-07-22'],
    ]);
    assert.equal(
      trace.sourceString,
      'GETtrtc.tencentcloudapi.com/?Action=DescribeRoomInfo&Big=12345678901234567890&Filters.0.Name=n&Filters.0.Values.0=a&b' +
        '&Filters.0.Values.1=100%&Nonce=4242&Region=ap-guangzhou&SdkAppId=1400000001&SecretId=AKIDexampleexampleexample' +
        '&SignatureMethod=HmacSHA256&Timestamp=1700000000&UserIds.0=u2&UserIds.1=u1&Version=2019-07-22',
    );
    assert.equal(trace.signature, createHmac('sha256', SECRET_KEY).update(trace.sourceString).digest('base64'));
    assert.equal(trace.timestamp, 1700000000);
    assert.equal(trace.nonce, 4242);
    assert.equal(signed.pathAndQuery, '/?' + trace.encodedParams);
    assert.equal(signed.body, '');
    assert.deepEqual(signed.headers, { Host: 'trtc.tencentcloudapi.com' });
  });

  test('values are percent-encoded exactly once, Signature in its sorted place', () => {
    const trace = legacyTrace(signRequest(legacyInput()));
    assert.match(trace.encodedParams, /&Filters\.0\.Values\.0=a%26b&Filters\.0\.Values\.1=100%25&/);
    const names = trace.encodedParams.split('&').map((p) => p.slice(0, p.indexOf('=')));
    assert.deepEqual(names.slice(8, 11), ['SecretId', 'Signature', 'SignatureMethod']);
    const decoded = decodeParams(trace.encodedParams);
    assert.deepEqual(decoded.find(([n]) => n === 'Signature'), ['Signature', trace.signature]);
    assert.deepEqual(
      decoded.filter(([n]) => n !== 'Signature'),
      trace.sortedParams,
    );
  });

  test('POST: the same parameters as a form body, with the form content type', () => {
    const get = legacyTrace(signRequest(legacyInput()));
    const signed = signRequest(legacyInput({ httpMethod: 'POST' }));
    const trace = legacyTrace(signed);
    assert.equal(signed.pathAndQuery, '/');
    assert.equal(signed.body, trace.encodedParams);
    assert.deepEqual(signed.headers, { Host: 'trtc.tencentcloudapi.com', 'Content-Type': 'application/x-www-form-urlencoded' });
    // The method is part of the source string, so only its first word differs.
    assert.equal(trace.sourceString, 'POST' + get.sourceString.slice(3));
    assert.notEqual(trace.signature, get.signature);
  });

  test('HmacSHA1 carries SignatureMethod=HmacSHA1 and signs with SHA-1', () => {
    const trace = legacyTrace(signRequest(legacyInput({ signMethod: 'HmacSHA1' })));
    assert.ok(trace.sortedParams.some(([n, v]) => n === 'SignatureMethod' && v === 'HmacSHA1'));
    assert.equal(trace.signature, createHmac('sha1', SECRET_KEY).update(trace.sourceString).digest('base64'));
    assert.equal(Buffer.from(trace.signature, 'base64').length, 20);
  });

  test('token and language become the Token and Language parameters; no region, no Region', () => {
    const trace = legacyTrace(
      signRequest(legacyInput({ credentials: { secretId: 'AKIDtmp', secretKey: SECRET_KEY, token: 'tmp token/+' }, language: 'zh-CN', region: undefined })),
    );
    const names = new Map(trace.sortedParams);
    assert.equal(names.get('Token'), 'tmp token/+');
    assert.equal(names.get('Language'), 'zh-CN');
    assert.equal(names.has('Region'), false);
    assert.match(trace.encodedParams, /&Token=tmp%20token%2F%2B(&|$)/);
  });

  test('a random nonce is a positive 31-bit integer when none is given', () => {
    const nonces = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const trace = legacyTrace(signRequest(legacyInput({ nonce: undefined })));
      assert.ok(Number.isInteger(trace.nonce) && trace.nonce >= 1 && trace.nonce < 2 ** 31, `bad nonce ${trace.nonce}`);
      assert.ok(trace.sortedParams.some(([n, v]) => n === 'Nonce' && v === String(trace.nonce)));
      nonces.add(trace.nonce);
    }
    assert.ok(nonces.size > 1, 'twenty random nonces were all equal');
  });

  test('sorting is by code unit: Ids.12 before Ids.2, capitals before lower case', () => {
    const ids = Array.from({ length: 13 }, (_, i) => `id${i}`);
    const trace = legacyTrace(signRequest(legacyInput({ params: { Ids: ids, a: '1', Z: '2' } })));
    const names = trace.sortedParams.map(([n]) => n);
    assert.ok(names.indexOf('Ids.12') < names.indexOf('Ids.2'));
    assert.ok(names.indexOf('Z') < names.indexOf('a'));
    assert.ok(names.indexOf('Version') < names.indexOf('Z'));
  });

  test('signLegacy over the trace reproduces the signature (what the debugger does)', () => {
    const signed = signRequest(legacyInput());
    const trace = legacyTrace(signed);
    const again = signLegacy({ secretKey: SECRET_KEY, signMethod: 'HmacSHA256', httpMethod: 'GET', host: 'trtc.tencentcloudapi.com', params: decodeParams(trace.encodedParams).filter(([n]) => n !== 'Signature') });
    assert.equal(again.signature, trace.signature);
    assert.equal(again.sourceString, legacySourceString('GET', 'trtc.tencentcloudapi.com', '/', trace.sortedParams));
    assert.equal(again.signature, legacySignature(SECRET_KEY, trace.sourceString, 'HmacSHA256'));
  });
});

describe('input errors', () => {
  function rejects(overrides: Partial<SignInput>, pattern: RegExp): InputError {
    let caught: unknown;
    try {
      signRequest(input(overrides));
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof InputError, `expected an InputError, got ${String(caught)}`);
    assert.match(caught.message, pattern);
    assert.equal(caught.message.includes(SECRET_KEY), false, 'the message leaks the SecretKey');
    return caught;
  }

  test('empty or malformed action', () => {
    assert.equal(rejects({ action: '' }, /action is empty/).path, 'action');
    rejects({ action: 'Dismiss Room' }, /letters and digits only/);
    rejects({ action: 'DismissRoom\r\nX-Evil: 1' }, /not an API name/);
  });

  test('empty or untrimmed SecretId and SecretKey', () => {
    assert.equal(rejects({ credentials: { secretId: '', secretKey: SECRET_KEY } }, /SecretId is empty/).path, 'credentials.secretId');
    assert.equal(rejects({ credentials: { secretId: 'AKID', secretKey: '' } }, /SecretKey is empty/).path, 'credentials.secretKey');
    rejects({ credentials: { secretId: 'AKID ', secretKey: SECRET_KEY } }, /SecretId starts or ends with spaces/);
    rejects({ credentials: { secretId: 'AKID', secretKey: SECRET_KEY + '\n' } }, /SecretKey starts or ends with spaces/);
    rejects({ credentials: { secretId: 'AKID', secretKey: SECRET_KEY, token: 'a\nb' } }, /session token contains line breaks/);
  });

  test('other malformed fields', () => {
    rejects({ host: 'https://trtc.tencentcloudapi.com' }, /bare host name/);
    rejects({ host: '' }, /host is empty/);
    rejects({ version: '' }, /version is empty/);
    rejects({ service: 'trtc/x' }, /service/);
    rejects({ path: 'nope' }, /path must start with/);
    rejects({ region: 'ap guangzhou' }, /region/);
    rejects({ language: 'fr-FR' as never }, /Unknown language "fr-FR"/);
    rejects({ timestamp: 1.5 }, /timestamp 1\.5 is not a valid Unix time/);
    rejects({ timestamp: -1 }, /not a valid Unix time/);
    rejects({ signMethod: 'HmacMD5' as never }, /Unknown signature method/);
    rejects({ httpMethod: 'PUT' as never }, /only POST and GET/);
    rejects({ signMethod: 'HmacSHA1', nonce: 0 }, /nonce 0 must be a positive integer/);
    rejects({ signMethod: 'HmacSHA1', signedHeaders: 'content-type;host' }, /only to TC3-HMAC-SHA256/);
    rejects({ signedHeaders: 'host' as never }, /Unknown signed headers/);
    rejects({ contentType: 'text/plain' }, /must be application\/json/);
    rejects({ httpMethod: 'GET', contentType: 'application/json' }, /GET requests always use application\/x-www-form-urlencoded/);
    rejects({ httpMethod: 'GET', payload: '{}' }, /exact payload can only be sent with a TC3-HMAC-SHA256 POST/);
    rejects({ params: [] as never }, /must be a JSON object/);
    rejects({ extraHeaders: { Authorization: 'x' } }, /would replace a header that signing sets itself/);
    rejects({ extraHeaders: { 'content-type': 'x' } }, /would replace/);
    rejects({ extraHeaders: { 'Bad Name': 'x' } }, /not a valid HTTP header name/);
    rejects({ extraHeaders: { 'X-Ok': 'a\r\nb' } }, /line breaks/);
  });

  test('parameter problems name the parameter', () => {
    assert.equal(rejects({ httpMethod: 'GET', params: { Ratio: Number.NaN } }, /Parameter Ratio is NaN/).path, 'Ratio');
    assert.equal(rejects({ httpMethod: 'GET', params: { 'A.0': 'x', A: ['y'] } }, /flatten to the same name A\.0/).path, 'A.0');
    assert.equal(rejects({ httpMethod: 'GET', params: { Name: 'bad \ud800 surrogate' } }, /Parameter Name: .*unpaired UTF-16 surrogate/).path, 'Name');
    assert.equal(rejects({ signMethod: 'HmacSHA1', httpMethod: 'GET', params: { Nonce: 1 } }, /Nonce is a common parameter/).path, 'Nonce');
    rejects({ signMethod: 'HmacSHA256', httpMethod: 'POST', params: { Signature: 'x' } }, /Signature is a common parameter/);
  });
});

describe('size limits (measured on what is sent)', () => {
  test('GET: 32 KB of path and query is accepted, one byte more is refused by that byte', () => {
    const fill = (n: number) => ({ A: 'x'.repeat(n) });
    // "/?A=" is four bytes.
    const atLimit = signRequest(input({ httpMethod: 'GET', params: fill(REQUEST_SIZE_LIMITS.get - 4) }));
    assert.equal(Buffer.byteLength(atLimit.pathAndQuery), 32 * 1024);
    assert.throws(
      () => signRequest(input({ httpMethod: 'GET', params: fill(REQUEST_SIZE_LIMITS.get - 3) })),
      (e: unknown) => e instanceof InputError && /is 32\.0 KB \(32769 bytes\), 1 byte over the 32 KB limit for GET requests.*POST/.test(e.message),
    );
  });

  test('GET counts the encoded bytes: multi-byte characters weigh their percent-encoding', () => {
    // Each "未" is sent as %E6%9C%AA, nine bytes, so 4000 of them exceed 32 KB.
    assert.throws(
      () => signRequest(input({ httpMethod: 'GET', params: { A: '未'.repeat(4000) } })),
      (e: unknown) => e instanceof InputError && /\(36004 bytes\), 3\.2 KB \(3236 bytes\) over the 32 KB limit for GET/.test(e.message),
    );
  });

  test('legacy GET counts the signature and common params too', () => {
    assert.throws(
      () => signRequest(input({ signMethod: 'HmacSHA1', httpMethod: 'GET', params: { A: 'x'.repeat(REQUEST_SIZE_LIMITS.get - 4) } })),
      (e: unknown) => e instanceof InputError && /over the 32 KB limit for GET/.test(e.message),
    );
  });

  test('legacy POST: over 1 MB is refused with the method named and TC3 suggested', () => {
    assert.throws(
      () => signRequest(input({ signMethod: 'HmacSHA256', httpMethod: 'POST', params: { A: 'x'.repeat(REQUEST_SIZE_LIMITS.postLegacy) } })),
      (e: unknown) => e instanceof InputError && /over the 1 MB limit for POST requests signed with HmacSHA256.*TC3-HMAC-SHA256 instead/.test(e.message),
    );
    assert.doesNotThrow(() => signRequest(input({ signMethod: 'HmacSHA256', httpMethod: 'POST', params: { A: 'x'.repeat(REQUEST_SIZE_LIMITS.postLegacy - 500) } })));
  });

  test('TC3 POST: 10 MB of body is accepted, five bytes more are refused by five bytes', () => {
    // '{"A":""}' is eight bytes.
    const body = (n: number) => ({ A: 'x'.repeat(n) });
    const atLimit = signRequest(input({ params: body(REQUEST_SIZE_LIMITS.postTc3 - 8) }));
    assert.equal(Buffer.byteLength(atLimit.body), 10 * 1024 * 1024);
    assert.throws(
      () => signRequest(input({ params: body(REQUEST_SIZE_LIMITS.postTc3 - 3) })),
      (e: unknown) => e instanceof InputError && /\(10485765 bytes\), 5 bytes over the 10 MB limit for POST requests signed with TC3-HMAC-SHA256/.test(e.message),
    );
  });

  test('TC3 POST counts UTF-8 bytes, not characters', () => {
    const chars = Math.ceil(REQUEST_SIZE_LIMITS.postTc3 / 3);
    assert.throws(
      () => signRequest(input({ params: { A: '未'.repeat(chars) } })),
      (e: unknown) => e instanceof InputError && /over the 10 MB limit/.test(e.message),
    );
  });

  test('an exact payload is measured too', () => {
    assert.throws(
      () => signRequest(input({ params: {}, payload: '"' + 'x'.repeat(REQUEST_SIZE_LIMITS.postTc3) + '"' })),
      (e: unknown) => e instanceof InputError && /over the 10 MB limit/.test(e.message),
    );
  });
});

describe('exact payload', () => {
  test('replaces the serialized params byte for byte', () => {
    const payload = '{ "SdkAppId" : 1400000001 ,\n "RoomId":"\\u0031001" }';
    const signed = signRequest(input({ payload }));
    assert.equal(signed.body, payload);
    const trace = tc3Trace(signed);
    assert.equal(trace.hashedPayload, sha256(payload));
    const direct = signTc3({
      secretId: 'AKIDexampleexampleexample',
      secretKey: SECRET_KEY,
      service: 'trtc',
      host: 'trtc.tencentcloudapi.com',
      httpMethod: 'POST',
      canonicalQueryString: '',
      contentType: 'application/json',
      timestamp: 1700000000,
      payload,
    });
    assert.equal(direct.authorization, signed.headers.Authorization);
    assert.notEqual(signed.headers.Authorization, signRequest(input({ params: parseJson(payload) as JsonObject })).headers.Authorization);
    assert.equal(stringifyJson(parseJson(payload)), '{"SdkAppId":1400000001,"RoomId":"1001"}');
  });
});
