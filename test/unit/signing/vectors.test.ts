// The published signature examples (FACTS.md section 3), checked step by step. The expected values
// are the documents' own numbers; everything on the other side of each assertion is computed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canonicalHeaders,
  canonicalRequest,
  deriveTc3Keys,
  legacySignature,
  legacySourceString,
  rfc3986Encode,
  sha256Hex,
  signLegacy,
  signRequest,
  signTc3,
  sortParams,
  tc3Authorization,
  tc3CredentialScope,
  tc3Signature,
  tc3StringToSign,
  utcDate,
  type ParamPair,
  type SignInput,
} from '../../../src/core/signing';
import { legacyTrace, tc3Trace } from './traces';

// The documents' payload holds literal six-character `\uXXXX` escapes, bytes our own serializer
// would never produce, so these vectors sign the exact text through signTc3 or `payload`.
const PAYLOAD = String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`;
const HASHED_PAYLOAD = '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064';
const TIMESTAMP = 1551113065;
const CONTENT_TYPE = 'application/json; charset=utf-8';
const HOST = 'cvm.tencentcloudapi.com';

const CANONICAL_REQUEST_AB = [
  'POST',
  '/',
  '',
  'content-type:application/json; charset=utf-8',
  'host:cvm.tencentcloudapi.com',
  '',
  'content-type;host',
  HASHED_PAYLOAD,
].join('\n');
const HASHED_CANONICAL_AB = '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031';
const STRING_TO_SIGN_AB = `TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n${HASHED_CANONICAL_AB}`;

const CANONICAL_REQUEST_C = [
  'POST',
  '/',
  '',
  'content-type:application/json; charset=utf-8',
  'host:cvm.tencentcloudapi.com',
  'x-tc-action:describeinstances',
  '',
  'content-type;host;x-tc-action',
  HASHED_PAYLOAD,
].join('\n');
const HASHED_CANONICAL_C = '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84';

function vectorArgs(secretId: string, secretKey: string) {
  return {
    secretId,
    secretKey,
    service: 'cvm',
    host: HOST,
    httpMethod: 'POST' as const,
    canonicalQueryString: '',
    contentType: CONTENT_TYPE,
    action: 'DescribeInstances',
    timestamp: TIMESTAMP,
    payload: PAYLOAD,
  };
}

describe('vector B (intl Signature v3 document)', () => {
  const secretId = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
  const secretKey = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
  const signature = '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';
  const authorization = `TC3-HMAC-SHA256 Credential=${secretId}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;

  test('each step, computed with the separate building blocks', () => {
    assert.equal(sha256Hex(PAYLOAD), HASHED_PAYLOAD);
    const headers = canonicalHeaders([
      ['Host', HOST],
      ['Content-Type', CONTENT_TYPE],
    ]);
    assert.equal(headers.canonicalHeaders, 'content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n');
    assert.equal(headers.signedHeaders, 'content-type;host');
    const request = canonicalRequest({
      httpMethod: 'POST',
      canonicalUri: '/',
      canonicalQueryString: '',
      ...headers,
      hashedPayload: sha256Hex(PAYLOAD),
    });
    assert.equal(request, CANONICAL_REQUEST_AB);
    assert.equal(sha256Hex(request), HASHED_CANONICAL_AB);
    const date = utcDate(TIMESTAMP);
    assert.equal(date, '2019-02-25');
    const scope = tc3CredentialScope(date, 'cvm');
    const stringToSign = tc3StringToSign(TIMESTAMP, scope, sha256Hex(request));
    assert.equal(stringToSign, STRING_TO_SIGN_AB);
    const keys = deriveTc3Keys(secretKey, date, 'cvm');
    assert.equal(tc3Signature(keys.secretSigning, stringToSign), signature);
    assert.equal(tc3Authorization(secretId, scope, headers.signedHeaders, signature), authorization);
  });

  test('signTc3 returns the same values in its trace', () => {
    const trace = signTc3(vectorArgs(secretId, secretKey));
    assert.equal(trace.hashedPayload, HASHED_PAYLOAD);
    assert.equal(trace.canonicalRequest, CANONICAL_REQUEST_AB);
    assert.equal(trace.hashedCanonicalRequest, HASHED_CANONICAL_AB);
    assert.equal(trace.credentialScope, '2019-02-25/cvm/tc3_request');
    assert.equal(trace.stringToSign, STRING_TO_SIGN_AB);
    assert.equal(trace.signature, signature);
    assert.equal(trace.authorization, authorization);
  });

  test('signRequest with an exact payload sends those bytes and that Authorization', () => {
    const input: SignInput = {
      credentials: { secretId, secretKey },
      service: 'cvm',
      version: '2017-03-12',
      action: 'DescribeInstances',
      host: HOST,
      region: 'ap-guangzhou',
      params: {},
      payload: PAYLOAD,
      contentType: CONTENT_TYPE,
      signMethod: 'TC3-HMAC-SHA256',
      httpMethod: 'POST',
      timestamp: TIMESTAMP,
    };
    const signed = signRequest(input);
    assert.equal(signed.body, PAYLOAD);
    assert.equal(signed.pathAndQuery, '/');
    assert.equal(signed.headers.Authorization, authorization);
    assert.equal(signed.headers['Content-Type'], CONTENT_TYPE);
    assert.equal(signed.headers['X-TC-Timestamp'], '1551113065');
    assert.equal(signed.headers['X-TC-Region'], 'ap-guangzhou');
    assert.equal(signed.headers['X-TC-Version'], '2017-03-12');
  });
});

describe('vector A (earlier CN document, masked keys used literally)', () => {
  test('same canonical request and string to sign as B, its own signature', () => {
    const secretId = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******';
    const trace = signTc3(vectorArgs(secretId, 'Gu5t9xGARNpq86cd98joQYCN3*******'));
    assert.equal(trace.hashedPayload, HASHED_PAYLOAD);
    assert.equal(trace.canonicalRequest, CANONICAL_REQUEST_AB);
    assert.equal(trace.hashedCanonicalRequest, HASHED_CANONICAL_AB);
    assert.equal(trace.stringToSign, STRING_TO_SIGN_AB);
    assert.equal(trace.signature, '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
    assert.equal(
      trace.authorization,
      `TC3-HMAC-SHA256 Credential=${secretId}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c`,
    );
  });
});

describe('vector C (current CN document, x-tc-action signed)', () => {
  const secretId = 'AKID' + '*'.repeat(32);
  const secretKey = '*'.repeat(32);
  const signature = '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f';

  test('every step including the derived keys', () => {
    const trace = signTc3({ ...vectorArgs(secretId, secretKey), signedHeaders: 'content-type;host;x-tc-action' });
    assert.equal(trace.canonicalHeaders, 'content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n');
    assert.equal(trace.signedHeaders, 'content-type;host;x-tc-action');
    assert.equal(trace.hashedPayload, HASHED_PAYLOAD);
    assert.equal(trace.canonicalRequest, CANONICAL_REQUEST_C);
    assert.equal(trace.hashedCanonicalRequest, HASHED_CANONICAL_C);
    assert.equal(trace.stringToSign, `TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n${HASHED_CANONICAL_C}`);
    assert.equal(trace.secretDate, 'da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0');
    assert.equal(trace.secretService, '8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f');
    assert.equal(trace.secretSigning, 'b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af');
    assert.equal(trace.signature, signature);
    assert.equal(
      trace.authorization,
      `TC3-HMAC-SHA256 Credential=${secretId}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=${signature}`,
    );
  });

  test('deriveTc3Keys alone gives the published keys', () => {
    const keys = deriveTc3Keys(secretKey, '2019-02-25', 'cvm');
    assert.equal(keys.secretDate.toString('hex'), 'da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0');
    assert.equal(keys.secretService.toString('hex'), '8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f');
    assert.equal(keys.secretSigning.toString('hex'), 'b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af');
  });

  test('signRequest in x-tc-action mode sends the action in its real case but signs it lower-cased', () => {
    const signed = signRequest({
      credentials: { secretId, secretKey },
      service: 'cvm',
      version: '2017-03-12',
      action: 'DescribeInstances',
      host: HOST,
      params: {},
      payload: PAYLOAD,
      contentType: CONTENT_TYPE,
      signMethod: 'TC3-HMAC-SHA256',
      httpMethod: 'POST',
      signedHeaders: 'content-type;host;x-tc-action',
      timestamp: TIMESTAMP,
    });
    assert.equal(signed.headers['X-TC-Action'], 'DescribeInstances');
    assert.equal(tc3Trace(signed).canonicalRequest, CANONICAL_REQUEST_C);
    assert.match(signed.headers.Authorization, new RegExp(`SignedHeaders=content-type;host;x-tc-action, Signature=${signature}$`));
  });
});

describe('vector V1 (legacy HmacSHA1 document)', () => {
  const secretId = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
  const secretKey = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
  // Given out of order on purpose: sorting is part of what is checked.
  const params: ParamPair[] = [
    ['Version', '2017-03-12'],
    ['Timestamp', '1465185768'],
    ['SecretId', secretId],
    ['Region', 'ap-guangzhou'],
    ['Offset', '0'],
    ['Nonce', '11886'],
    ['Limit', '20'],
    ['InstanceIds.0', 'ins-09dx96dg'],
    ['Action', 'DescribeInstances'],
  ];
  const sourceString =
    'GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0' +
    '&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&Timestamp=1465185768&Version=2017-03-12';

  test('source string, signature, encoded signature and final query order from the building blocks', () => {
    const sorted = sortParams(params);
    assert.equal(legacySourceString('GET', HOST, '/', sorted), sourceString);
    const signature = legacySignature(secretKey, sourceString, 'HmacSHA1');
    assert.equal(signature, 'EliP9YW3pW28FpsEdkXt/+WcGeI=');
    assert.equal(rfc3986Encode(signature), 'EliP9YW3pW28FpsEdkXt%2F%2BWcGeI%3D');
  });

  test('signLegacy produces the published URL query', () => {
    const trace = signLegacy({ secretKey, signMethod: 'HmacSHA1', httpMethod: 'GET', host: HOST, params });
    assert.equal(trace.sourceString, sourceString);
    assert.equal(trace.signature, 'EliP9YW3pW28FpsEdkXt/+WcGeI=');
    assert.equal(trace.timestamp, 1465185768);
    assert.equal(trace.nonce, 11886);
    assert.deepEqual(
      trace.sortedParams.map(([name]) => name),
      ['Action', 'InstanceIds.0', 'Limit', 'Nonce', 'Offset', 'Region', 'SecretId', 'Timestamp', 'Version'],
    );
    assert.equal(
      trace.encodedParams,
      'Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou' +
        `&SecretId=${secretId}&Signature=EliP9YW3pW28FpsEdkXt%2F%2BWcGeI%3D&Timestamp=1465185768&Version=2017-03-12`,
    );
  });

  test('signRequest with the same inputs differs only by the SignatureMethod it always adds', () => {
    const signed = signRequest({
      credentials: { secretId, secretKey },
      service: 'cvm',
      version: '2017-03-12',
      action: 'DescribeInstances',
      host: HOST,
      region: 'ap-guangzhou',
      params: { InstanceIds: ['ins-09dx96dg'], Limit: 20, Offset: 0 },
      signMethod: 'HmacSHA1',
      httpMethod: 'GET',
      timestamp: 1465185768,
      nonce: 11886,
    });
    const trace = legacyTrace(signed);
    assert.equal(trace.method, 'HmacSHA1');
    assert.equal(trace.sourceString, sourceString.replace('&Timestamp=', '&SignatureMethod=HmacSHA1&Timestamp='));
    // The same sorted list without SignatureMethod is exactly the document's, so its signature follows.
    const withoutMethod = trace.sortedParams.filter(([name]) => name !== 'SignatureMethod');
    assert.equal(legacySignature(secretKey, legacySourceString('GET', HOST, '/', withoutMethod), 'HmacSHA1'), 'EliP9YW3pW28FpsEdkXt/+WcGeI=');
    assert.equal(signed.pathAndQuery, '/?' + trace.encodedParams);
    assert.equal(signed.body, '');
  });
});
