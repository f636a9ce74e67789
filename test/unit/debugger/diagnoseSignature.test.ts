// The published vectors pasted as raw HTTP, secrecy of the result, the trace entry point and the
// text report.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CAUSES,
  diagnoseFromTrace,
  diagnoseSignature,
  formatDiagnosis,
  parsePastedRequest,
  requestFromSigned,
  type CauseText,
  type Diagnosis,
} from '../../../src/core/debugger';
import { InputError } from '../../../src/core/errors';
import { encodeParams, legacySourceString, sortParams, type ParamPair } from '../../../src/core/signing';
import { HOST, legacyParams, mistakenLegacy, mistakenTc3, SECRET_ID, SECRET_KEY, signCorrect, signedAsRaw, TIMESTAMP } from './helpers';

// FACTS.md section 3: the documents' payload with literal six-character \u escapes.
const VECTOR_BODY = String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`;

function vectorPaste(authorization: string, eol: string): string {
  return [
    'POST / HTTP/1.1',
    'Host: cvm.tencentcloudapi.com',
    'Content-Type: application/json; charset=utf-8',
    'X-TC-Action: DescribeInstances',
    'X-TC-Timestamp: 1551113065',
    'X-TC-Version: 2017-03-12',
    'X-TC-Region: ap-guangzhou',
    `Authorization: ${authorization}`,
    '',
    VECTOR_BODY,
  ].join(eol);
}

describe('published vectors pasted as raw HTTP', () => {
  test('vector B (content-type;host), CRLF', () => {
    const paste = vectorPaste(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
      '\r\n',
    );
    const d = diagnoseSignature(parsePastedRequest(paste), { secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', expectedService: 'cvm', now: 1551113065 });
    assert.equal(d.signatureMatches, true);
    assert.equal(d.firstDifference, undefined);
    assert.equal(d.steps.find((s) => s.key === 'hashedPayload')?.expected, '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    assert.match(d.steps.find((s) => s.key === 'stringToSign')?.expected ?? '', /5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031$/);
  });

  test('vector C (content-type;host;x-tc-action), LF, with its derived keys', () => {
    const stars = '*'.repeat(32);
    const paste = vectorPaste(
      `TC3-HMAC-SHA256 Credential=AKID${stars}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f`,
      '\n',
    );
    const d = diagnoseSignature(parsePastedRequest(paste), { secretKey: stars, expectedService: 'cvm', now: 1551113065 });
    assert.equal(d.signatureMatches, true);
    assert.equal(d.firstDifference, undefined);
    assert.equal(
      d.steps.find((s) => s.key === 'derivedKeys')?.expected,
      ['SecretDate    da98fb70…', 'SecretService 8d70cbef…', 'SecretSigning b596b923…'].join('\n'),
    );
  });

  test('vector B with the default service: the scope names cvm, not trtc', () => {
    const paste = vectorPaste(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
      '\r\n',
    );
    const d = diagnoseSignature(parsePastedRequest(paste), { secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', now: 1551113065 });
    assert.equal(d.firstDifference?.key, 'credentialScope');
    assert.equal(d.causes[0].id, 'scope-service-wrong');
  });

  test('vector V1 (HmacSHA1) as a GET URL', () => {
    const url =
      'https://cvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&Signature=EliP9YW3pW28FpsEdkXt%2F%2BWcGeI%3D&Timestamp=1465185768&Version=2017-03-12';
    const d = diagnoseSignature(parsePastedRequest(url), { secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', now: 1465185768 });
    assert.equal(d.signMethod, 'HmacSHA1');
    assert.equal(d.signatureMatches, true);
    assert.equal(d.firstDifference, undefined);
    assert.equal(
      d.steps.find((s) => s.key === 'sourceString')?.expected,
      'GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&Timestamp=1465185768&Version=2017-03-12',
    );
  });
});

describe('secrets never leave the debugger', () => {
  const TOKEN = 'sessionTokenValue-0123456789-abcdef';
  const USERSIG = 'eJyrVgrxCdYrSy1SslIy1DNQ0gHzM1OKlNAUCXGcg';

  function allOutput(d: Diagnosis): string {
    return JSON.stringify(d) + formatDiagnosis(d, { language: 'en' }) + formatDiagnosis(d, { language: 'zh' });
  }

  test('in every diagnosis, including requests that carry the SecretKey or a token themselves', () => {
    const withToken = signCorrect({ credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN } });
    const legacyWithSecrets: ParamPair[] = legacyParams([
      ['Token', TOKEN],
      ['UserSig', USERSIG],
    ]);
    const pastes = [
      signedAsRaw(signCorrect()),
      signedAsRaw(withToken),
      mistakenTc3({ credentialId: SECRET_KEY, key: SECRET_ID }),
      mistakenTc3({ key: SECRET_KEY + '\n' }),
      mistakenTc3({ date: '2023-11-15' }),
      mistakenTc3({ key: 'anotherKeyEntirely0123456789abcd' }),
      mistakenTc3({ signedHeadersLine: 'content-type;host;x-tc-token', extraHeaders: [['X-TC-Token', TOKEN]], signedValues: { 'x-tc-token': TOKEN } }),
      mistakenLegacy({ params: legacyWithSecrets }),
      mistakenLegacy({ params: legacyWithSecrets, signedParams: legacyWithSecrets }),
      `https://${HOST}/?SecretId=${SECRET_KEY}&Signature=x&Token=${TOKEN}`,
    ];
    for (const paste of pastes) {
      for (const input of [
        { secretKey: SECRET_KEY },
        { secretKey: SECRET_KEY, token: TOKEN, secretId: SECRET_ID },
        { secretKey: ` ${SECRET_KEY}\n` },
      ]) {
        const out = allOutput(diagnoseSignature(parsePastedRequest(paste), { ...input, now: TIMESTAMP }));
        assert.ok(!out.includes(SECRET_KEY), 'SecretKey leaked');
        assert.ok(!out.includes(TOKEN), 'token leaked');
        assert.ok(!out.includes(USERSIG), 'UserSig leaked');
      }
    }
  });

  test('derived keys appear only as their first 8 hex digits', () => {
    const d = diagnoseSignature(parsePastedRequest(signedAsRaw(signCorrect())), { secretKey: SECRET_KEY, now: TIMESTAMP });
    const signed = signCorrect();
    const trace = signed.trace;
    assert.equal(trace.method, 'TC3-HMAC-SHA256');
    if (trace.method === 'TC3-HMAC-SHA256') {
      const out = allOutput(d);
      for (const k of [trace.secretDate, trace.secretService, trace.secretSigning]) {
        assert.ok(out.includes(k.slice(0, 8)));
        assert.ok(!out.includes(k.slice(0, 9)));
      }
    }
  });

  test('a missing SecretKey is an InputError that names no secret', () => {
    assert.throws(
      () => diagnoseSignature(parsePastedRequest(signedAsRaw(signCorrect())), { secretKey: '  ' }),
      (e: unknown) => e instanceof InputError && /SecretKey/.test(e.message),
    );
  });
});

describe('no signature at all', () => {
  test('headers without Authorization', () => {
    const d = diagnoseSignature(parsePastedRequest('POST / HTTP/1.1\nHost: trtc.tencentcloudapi.com\nContent-Type: application/json\n\n{}'), { secretKey: SECRET_KEY });
    assert.equal(d.signMethod, 'unknown');
    assert.equal(d.firstDifference?.key, 'authorization');
    assert.equal(d.causes[0].id, 'no-signature');
  });
});

describe('diagnoseFromTrace', () => {
  test('one of our requests that the server refused: the signature is right, the key is the suspect', () => {
    const signed = signCorrect();
    const d = diagnoseFromTrace(signed, { code: 'AuthFailure.SignatureFailure', serverDateMs: TIMESTAMP * 1000 + 2000 }, { secretKey: SECRET_KEY, secretId: SECRET_ID });
    assert.equal(d.signatureMatches, true);
    assert.equal(d.firstDifference, undefined);
    assert.equal(d.causes[0].id, 'secretkey-wrong');
    assert.equal(d.causes[0].confidence, 'likely');
  });

  test("the server's clock is the reference for SignatureExpire", () => {
    const d = diagnoseFromTrace(signCorrect(), { code: 'AuthFailure.SignatureExpire', serverDateMs: (TIMESTAMP + 900) * 1000 }, { secretKey: SECRET_KEY });
    assert.equal(d.firstDifference?.key, 'clock');
    assert.equal(d.causes[0].id, 'timestamp-expired');
    assert.match(d.causes[0].explanation.en, /15 minutes behind/);
  });

  test('legacy requests and temporary credentials', () => {
    for (const httpMethod of ['GET', 'POST'] as const) {
      const signed = signCorrect({ signMethod: 'HmacSHA256', httpMethod, credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: 'tok-123456' } });
      const d = diagnoseFromTrace(signed, { code: 'AuthFailure.TokenFailure', serverDateMs: TIMESTAMP * 1000 }, { secretKey: SECRET_KEY, token: 'tok-123456' });
      assert.equal(d.signMethod, 'HmacSHA256');
      assert.equal(d.signatureMatches, true);
      assert.equal(d.steps.find((s) => s.key === 'token')?.status, 'ok');
    }
  });

  test('requestFromSigned keeps the exact body, path and query', () => {
    const signed = signCorrect({ httpMethod: 'GET' });
    const req = requestFromSigned(signed);
    assert.equal(req.method, 'GET');
    assert.equal(req.path, '/');
    assert.equal('/?' + req.query, signed.pathAndQuery);
    assert.equal(req.host, HOST);
    const post = requestFromSigned(signCorrect());
    assert.equal(post.body, signCorrect().body);
    assert.equal(post.headerMap['content-type'], 'application/json');
  });
});

describe('formatDiagnosis', () => {
  test('marks each step, points at the first difference and lists the causes', () => {
    const d = diagnoseSignature(parsePastedRequest(mistakenTc3({ sentContentType: 'application/json; charset=utf-8', signedContentType: 'application/json' })), {
      secretKey: SECRET_KEY,
      now: TIMESTAMP,
    });
    const text = formatDiagnosis(d, { language: 'en' });
    assert.match(text, /^Signature check \(TC3-HMAC-SHA256\)\n\nReproduced: signing with this mistake gives exactly the signature sent: The Content-Type signed is not the one sent\. The first step that differs is "Canonical headers"\./);
    assert.match(text, /✓ Authorization header/);
    assert.match(text, /✗ Canonical headers\n {6}expected: content-type:application\/json; charset=utf-8⏎\n/);
    assert.match(text, /First difference: Canonical headers\n {2}At line 1, column 30:/);
    assert.match(text, /expected: content-type:application\/json; charset=utf-8\n/);
    assert.match(text, /actual {2}: content-type:application\/json\n/);
    assert.match(text, /1\. \[reproduced\] The Content-Type signed is not the one sent/);
    assert.match(text, /Fix: /);
  });

  test('shows invisible characters in the values that differ', () => {
    const d = diagnoseSignature(
      parsePastedRequest(mistakenTc3({ authorization: (a) => a.replace(`Credential=${SECRET_ID}`, `Credential=${SECRET_ID}\t`) })),
      { secretKey: SECRET_KEY, now: TIMESTAMP },
    );
    const text = formatDiagnosis(d);
    assert.ok(text.includes(`${SECRET_ID}→`), text);
  });

  test('a body hashed without its trailing line break is named, and the paste note says so', () => {
    const d = diagnoseSignature(parsePastedRequest(mistakenTc3({ sentBody: '{"a":1}\n', signedBody: '{"a":1}', contentLength: true })), { secretKey: SECRET_KEY, now: TIMESTAMP });
    const text = formatDiagnosis(d);
    assert.match(text, /without its final line break/);
    assert.match(text, /Notes on the paste\n {2}- The body ends with a line break, and Content-Length counts it/);
  });

  test('in Chinese', () => {
    const d = diagnoseSignature(parsePastedRequest(mistakenTc3({ date: '2023-11-15' })), { secretKey: SECRET_KEY, now: TIMESTAMP });
    const text = formatDiagnosis(d, { language: 'zh-CN' });
    assert.match(text, /^签名检查/);
    assert.match(text, /第一个不一致: 凭证范围/);
    assert.match(text, /\[已复现\] 凭证日期用了本地时间而不是 UTC/);
    assert.match(text, /^签名检查 \(TC3-HMAC-SHA256\)\n\n已复现：/);
  });
});

describe('every cause is written in both languages', () => {
  test('titles, explanations and fixes are non-empty, and Chinese texts contain Chinese', () => {
    const pastes = [
      mistakenTc3({ date: '2023-11-15' }),
      mistakenTc3({ signedHost: 'trtc.intl.tencentcloudapi.com' }),
      mistakenLegacy({ hash: 'HmacSHA256' }),
      mistakenLegacy({
        signedParams: sortParams(legacyParams()),
        encode: (pairs) => encodeParams(pairs),
        source: (m, h, p, pairs) => legacySourceString(m, h, p, pairs).replace('/?', '/'),
      }),
      signedAsRaw(signCorrect()),
    ];
    for (const paste of pastes) {
      const d = diagnoseSignature(parsePastedRequest(paste), { secretKey: SECRET_KEY, now: TIMESTAMP + 1000 });
      assert.ok(d.causes.length > 0);
      for (const c of d.causes) {
        for (const t of [c.title, c.explanation, c.fix]) {
          assert.ok(t.en.length > 0 && t.zh.length > 0);
          assert.match(t.zh, /[\u4e00-\u9fff]/);
        }
      }
      assert.match(d.summary.zh, /[\u4e00-\u9fff]/);
    }
  });
});

describe('every cause the debugger can name', () => {
  const L = { en: 'detail', zh: '细节' };
  // Typed against CAUSES, so a new cause does not compile until it is listed here and checked.
  const ARGS: { [K in keyof typeof CAUSES]: Parameters<(typeof CAUSES)[K]> } = {
    noSignature: [],
    authorizationFormat: [['a'], ['甲']],
    signatureEncoding: ['Base64', 'Base64 编码', L],
    secretIdWhitespace: [],
    secretIdMismatch: ['AKID1', 'AKID2'],
    keysSwapped: [L],
    secretKeyWhitespace: ['with a space', '带有空格'],
    secretKeyWrong: [false],
    keyDisabled: [],
    timestampMissing: [],
    timestampFormat: ['1.5'],
    timestampMilliseconds: ['1700000000000'],
    timestampSignedDiffers: ['1', '2'],
    timestampExpired: [600],
    scopeDateLocalTime: ['2023-11-15', '2023-11-14', 'UTC+8'],
    scopeDateWrong: ['2023-11-10', '2023-11-14'],
    scopeServiceWrong: ['cvm', 'trtc'],
    scopeFormat: ['bad', '错'],
    signedHeadersCase: ['Host'],
    signedHeadersUnsorted: ['host;content-type', 'content-type;host'],
    signedHeaderNotSent: [['x-tc-language']],
    signedHeadersMissingRequired: [['host']],
    signedHeaderListedNotSigned: ['content-type;host;x-tc-action', ['x-tc-action']],
    signedHeaderSignedNotListed: ['content-type;host', ['x-tc-timestamp']],
    canonicalHeadersNotNormalized: [L],
    unresolvedVariables: [['TRTC_USERSIG']],
    contentTypeDiffers: ['a', 'b'],
    contentTypeMissing: [],
    hostDiffers: ['a', 'b', 'why', '原因'],
    actionValueCase: ['DismissRoom'],
    payloadDiffers: [L],
    queryDiffers: [L],
    methodDiffers: ['GET', 'POST'],
    pathDiffers: ['', '/'],
    tokenMissing: [L],
    tokenMismatch: [],
    tokenUnverifiable: [],
    legacyMissingParam: [['Nonce']],
    legacyMalformedEncoding: [],
    legacyParamsUnsorted: [L],
    legacySignedEncoded: ['a%20b', L],
    legacyDoubleEncoded: ['a%20b'],
    legacyUnflattenedParam: [['Filters']],
    legacyMethodLowercase: ['GET'],
    legacyPath: ['', '/'],
    legacyMissingQuestionMark: [],
    legacySha256WithoutMethod: [],
    legacySha1WithSha256Method: [],
    legacySignatureMethodInvalid: ['HMAC'],
    legacySignatureNotEncoded: [],
    legacySignatureDoubleEncoded: [true],
    legacyExtraQuestionMark: [],
    legacyPlusInValue: [true],
  };

  test('has a stable id, a step, and every text in English and Chinese', () => {
    const ids = new Set<string>();
    for (const [name, args] of Object.entries(ARGS)) {
      const c = (CAUSES[name as keyof typeof CAUSES] as (...a: unknown[]) => CauseText)(...args);
      ids.add(c.id);
      for (const t of [c.title, c.explanation, c.fix]) {
        assert.ok(t.en.trim().length > 0, `${name}: English text`);
        assert.match(t.zh, /[\u4e00-\u9fff]/, `${name}: Chinese text`);
      }
      assert.ok(c.step, `${name} names its step`);
    }
    assert.equal(ids.size, Object.keys(ARGS).length, 'one id per cause');
  });

  test('every certainty has a verdict in both languages', () => {
    const pastes: Array<[string, string]> = [
      ['correct', signedAsRaw(signCorrect())],
      ['reproduced', mistakenTc3({ date: '2023-11-15' })],
      ['likely', mistakenTc3({ signedHeadersLine: 'content-type;host;x-tc-language', signedValues: { 'x-tc-language': 'en-US' } })],
      ['unknown', mistakenTc3({ key: 'anotherKeyEntirely0123456789abcd' })],
    ];
    for (const [certainty, paste] of pastes) {
      const d = diagnoseSignature(parsePastedRequest(paste), { secretKey: SECRET_KEY, now: TIMESTAMP });
      assert.equal(d.certainty, certainty);
      assert.match(d.verdict.zh, /[\u4e00-\u9fff]/);
      assert.ok(d.verdict.en.length > 20);
    }
  });
});
