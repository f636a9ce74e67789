// The building blocks one at a time, as the signature debugger calls them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../../src/core/errors';
import { LosslessNumber, parseJson, type JsonObject } from '../../../src/core/json';
import {
  canonicalHeaders,
  canonicalRequest,
  decodeParams,
  encodeParams,
  flattenParams,
  legacySourceString,
  rfc3986Encode,
  signLegacy,
  sortParams,
  tc3CredentialScope,
  tc3StringToSign,
  utcDate,
  type ParamPair,
} from '../../../src/core/signing';

describe('rfc3986Encode', () => {
  test('leaves only the unreserved set alone', () => {
    let unreserved = '';
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      if (rfc3986Encode(ch) === ch) {
        unreserved += ch;
      }
    }
    assert.equal(unreserved, '-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~');
  });

  test('encodes every other ASCII byte as %XY with upper-case hex', () => {
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      const encoded = rfc3986Encode(ch);
      if (encoded !== ch) {
        assert.equal(encoded, '%' + c.toString(16).toUpperCase().padStart(2, '0'));
      }
    }
    assert.equal(rfc3986Encode("!'()*"), '%21%27%28%29%2A');
    assert.equal(rfc3986Encode('a b+c'), 'a%20b%2Bc');
  });

  test('encodes UTF-8 bytes of non-ASCII text, astral characters included', () => {
    assert.equal(rfc3986Encode('未'), '%E6%9C%AA');
    assert.equal(rfc3986Encode('😀'), '%F0%9F%98%80');
    assert.equal(rfc3986Encode('e\u0301'), 'e%CC%81');
  });

  test('encodes once: an already encoded value is encoded again, not passed through', () => {
    assert.equal(rfc3986Encode('%20'), '%2520');
    assert.equal(decodeURIComponent(rfc3986Encode('%2F/')), '%2F/');
  });

  test('refuses a lone surrogate with an InputError', () => {
    assert.throws(() => rfc3986Encode('a\ud83d'), InputError);
  });
});

describe('encodeParams / decodeParams', () => {
  test('round-trip in order, names encoded too', () => {
    const pairs: ParamPair[] = [
      ['B', 'x&y=z'],
      ['a b', ''],
      ['Filters.0.Name', '名前 +'],
    ];
    const encoded = encodeParams(pairs);
    assert.equal(encoded, 'B=x%26y%3Dz&a%20b=&Filters.0.Name=%E5%90%8D%E5%89%8D%20%2B');
    assert.deepEqual(decodeParams(encoded), pairs);
    assert.equal(encodeParams([]), '');
    assert.deepEqual(decodeParams(''), []);
  });

  test('decodeParams keeps a plus sign and reports bad escapes without the value', () => {
    assert.deepEqual(decodeParams('A=1+2'), [['A', '1+2']]);
    assert.throws(
      () => decodeParams('Token=secret%zzvalue'),
      (e: unknown) => e instanceof InputError && /Parameter 1 \(Token\)/.test(e.message) && !e.message.includes('secret'),
    );
  });
});

describe('flattenParams', () => {
  test('nested objects and arrays become dotted names in input order', () => {
    const params = parseJson('{"SdkAppId":1,"Filters":[{"Name":"n","Values":["a","b"]}],"Layout":{"Top":0,"Items":[[1,2]]},"UserIds":["u"]}') as JsonObject;
    assert.deepEqual(flattenParams(params), [
      ['SdkAppId', '1'],
      ['Filters.0.Name', 'n'],
      ['Filters.0.Values.0', 'a'],
      ['Filters.0.Values.1', 'b'],
      ['Layout.Top', '0'],
      ['Layout.Items.0.0', '1'],
      ['Layout.Items.0.1', '2'],
      ['UserIds.0', 'u'],
    ]);
  });

  test('scalars as JSON text: booleans, numbers, big numbers with all their digits', () => {
    const params = parseJson('{"On":true,"Off":false,"Int":-7,"Float":0.25,"Tiny":1e-7,"Big":123456789012345678901234567890,"Precise":0.12345678901234567890123}') as JsonObject;
    assert.deepEqual(flattenParams(params), [
      ['On', 'true'],
      ['Off', 'false'],
      ['Int', '-7'],
      ['Float', '0.25'],
      ['Tiny', '1e-7'],
      ['Big', '123456789012345678901234567890'],
      ['Precise', '0.12345678901234567890123'],
    ]);
    assert.deepEqual(flattenParams({ N: new LosslessNumber('9007199254740993') }), [['N', '9007199254740993']]);
  });

  test('empty strings stay; null, empty arrays and empty objects vanish; array indexes are kept', () => {
    assert.deepEqual(flattenParams({ S: '', N: null, A: [], O: {}, Sparse: [null, 'x'], Deep: { E: [] } }), [
      ['S', ''],
      ['Sparse.1', 'x'],
    ]);
  });

  test('strings are raw: no encoding happens here', () => {
    assert.deepEqual(flattenParams({ Remark: 'a&b=c %20 😀' }), [['Remark', 'a&b=c %20 😀']]);
  });

  test('names that collide after flattening are refused, at any depth', () => {
    assert.throws(() => flattenParams({ A: { 'B.0': 1, B: [2] } }), (e: unknown) => e instanceof InputError && e.path === 'A.B.0');
    assert.doesNotThrow(() => flattenParams({ 'A.B': 1, A: { C: 2 } }));
  });

  test('non-finite numbers are refused', () => {
    assert.throws(() => flattenParams({ R: Number.POSITIVE_INFINITY }), /Parameter R is Infinity/);
  });
});

describe('TC3 pieces', () => {
  test('canonicalHeaders lower-cases names, trims values, sorts by name', () => {
    const result = canonicalHeaders([
      ['X-TC-Action', '  DismissRoom '],
      ['Host', ' trtc.tencentcloudapi.com'],
      ['Content-Type', 'application/json '],
    ]);
    assert.equal(result.canonicalHeaders, 'content-type:application/json\nhost:trtc.tencentcloudapi.com\nx-tc-action:dismissroom\n');
    assert.equal(result.signedHeaders, 'content-type;host;x-tc-action');
  });

  test('canonicalRequest joins its six parts with newlines and upper-cases the method', () => {
    assert.equal(
      canonicalRequest({ httpMethod: 'get', canonicalUri: '/', canonicalQueryString: 'A=1', canonicalHeaders: 'host:h\n', signedHeaders: 'host', hashedPayload: 'ff' }),
      'GET\n/\nA=1\nhost:h\n\nhost\nff',
    );
  });

  test('scope and string to sign', () => {
    assert.equal(tc3CredentialScope('2024-01-31', 'trtc'), '2024-01-31/trtc/tc3_request');
    assert.equal(tc3StringToSign(1706745599, '2024-01-31/trtc/tc3_request', 'abc'), 'TC3-HMAC-SHA256\n1706745599\n2024-01-31/trtc/tc3_request\nabc');
  });

  test('utcDate across a leap day and a year end', () => {
    assert.equal(utcDate(951782400), '2000-02-29');
    assert.equal(utcDate(1704067199), '2023-12-31');
    assert.equal(utcDate(1704067200), '2024-01-01');
  });
});

describe('legacy pieces', () => {
  test('sortParams returns a sorted copy by name only', () => {
    const pairs: ParamPair[] = [
      ['b', '1'],
      ['B', '2'],
      ['a.10', '3'],
      ['a.9', '4'],
      ['_', '5'],
    ];
    const sorted = sortParams(pairs);
    assert.deepEqual(
      sorted.map(([n]) => n),
      ['B', '_', 'a.10', 'a.9', 'b'],
    );
    assert.equal(pairs[0][0], 'b');
  });

  test('legacySourceString uses raw values and the method in upper case', () => {
    assert.equal(legacySourceString('post', 'h:8443', '/p', [['A', 'x y&z']]), 'POSTh:8443/p?A=x y&z');
  });

  test('signLegacy insists on Timestamp and Nonce and refuses a Signature among the inputs', () => {
    const base: ParamPair[] = [
      ['Action', 'A'],
      ['Timestamp', '1'],
      ['Nonce', '2'],
    ];
    const args = { secretKey: 'k', signMethod: 'HmacSHA1' as const, httpMethod: 'GET' as const, host: 'h' };
    assert.doesNotThrow(() => signLegacy({ ...args, params: base }));
    assert.throws(() => signLegacy({ ...args, params: base.filter(([n]) => n !== 'Nonce') }), /Nonce/);
    assert.throws(() => signLegacy({ ...args, params: base.filter(([n]) => n !== 'Timestamp') }), /Timestamp/);
    assert.throws(() => signLegacy({ ...args, params: [...base, ['Signature', 'x']] }), /already contain Signature/);
  });

  test('Signature goes in its sorted place, before SignatureMethod and Timestamp', () => {
    const params: ParamPair[] = [
      ['Timestamp', '5'],
      ['SignatureMethod', 'HmacSHA1'],
      ['Nonce', '1'],
      ['Action', 'A'],
      ['SecretId', 'id'],
    ];
    const trace = signLegacy({ secretKey: 'k', signMethod: 'HmacSHA1', httpMethod: 'GET', host: 'h', params });
    assert.match(trace.encodedParams, /^Action=A&Nonce=1&SecretId=id&Signature=[^&]+&SignatureMethod=HmacSHA1&Timestamp=5$/);
  });
});
