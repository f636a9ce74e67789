// One request per usual TC3 mistake, each built with exactly that mistake; the debugger must name
// the first step that differs and put the right cause first, with the right confidence.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnoseSignature, parsePastedRequest, type CauseId, type Confidence, type DiagnoseInput, type Diagnosis, type StepKey } from '../../../src/core/debugger';
import { stringifyJson } from '../../../src/core/json';
import { sha256Hex } from '../../../src/core/signing';
import { HOST, mistakenTc3, PARAMS, SECRET_ID, SECRET_KEY, signCorrect, signedAsRaw, TIMESTAMP } from './helpers';

function diagnose(text: string, input: Partial<DiagnoseInput> = {}): Diagnosis {
  return diagnoseSignature(parsePastedRequest(text), { secretKey: SECRET_KEY, secretId: SECRET_ID, now: TIMESTAMP, ...input });
}

function expectTop(d: Diagnosis, step: StepKey, id: CauseId, confidence: Confidence): void {
  assert.equal(d.firstDifference?.key, step, `first difference: ${d.firstDifference?.key}`);
  assert.equal(d.causes[0]?.id, id, `causes: ${d.causes.map((c) => c.id).join(', ')}`);
  assert.equal(d.causes[0].confidence, confidence);
}

function stepOf(d: Diagnosis, key: StepKey) {
  const s = d.steps.find((x) => x.key === key);
  assert.ok(s, `no step ${key}`);
  return s;
}

describe('a correct request', () => {
  test('signed by the signer: no step differs and the causes point elsewhere', () => {
    const d = diagnose(signedAsRaw(signCorrect()));
    assert.equal(d.signatureMatches, true);
    assert.equal(d.firstDifference, undefined);
    assert.ok(d.steps.every((s) => s.status === 'ok'), d.steps.map((s) => `${s.key}:${s.status}`).join(' '));
    assert.match(d.summary.en, /correct for this SecretKey/);
    assert.deepEqual(
      d.causes.map((c) => [c.id, c.confidence]),
      [
        ['secretkey-wrong', 'likely'],
        ['key-disabled', 'possible'],
      ],
    );
  });

  test('the error code reorders the checks: SecretIdNotFound puts the key itself first', () => {
    const d = diagnose(signedAsRaw(signCorrect()), { errorCode: 'AuthFailure.SecretIdNotFound' });
    assert.equal(d.causes[0].id, 'key-disabled');
    assert.equal(d.causes[0].confidence, 'likely');
  });

  test('with the x-tc-action signed header and a GET', () => {
    assert.equal(diagnose(signedAsRaw(signCorrect({ signedHeaders: 'content-type;host;x-tc-action' }))).signatureMatches, true);
    const get = signCorrect({ httpMethod: 'GET' });
    const d = diagnose(`GET ${get.pathAndQuery} HTTP/1.1\n${Object.entries(get.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n`);
    assert.equal(d.signatureMatches, true);
    assert.equal(d.firstDifference, undefined);
  });
});

describe('1. the credential date in local time', () => {
  test('a UTC+8 date one day ahead reproduces the signature', () => {
    const d = diagnose(mistakenTc3({ date: '2023-11-15' }));
    expectTop(d, 'credentialScope', 'scope-date-local-time', 'certain');
    assert.equal(d.reproduced, true);
    assert.equal(d.firstDifference?.expected, '2023-11-14/trtc/tc3_request');
    assert.equal(d.firstDifference?.actual, '2023-11-15/trtc/tc3_request');
    assert.match(d.causes[0].explanation.en, /UTC\+8/);
    assert.match(d.causes[0].explanation.en, /exactly the signature/);
  });

  test('a date that no time zone explains is a stale date', () => {
    const d = diagnose(mistakenTc3({ date: '2023-11-10' }));
    expectTop(d, 'credentialScope', 'scope-date-wrong', 'certain');
  });
});

describe('2. the timestamp', () => {
  test('in milliseconds', () => {
    const d = diagnose(mistakenTc3({ sentTimestamp: String(TIMESTAMP * 1000) }));
    expectTop(d, 'timestamp', 'timestamp-milliseconds', 'certain');
    assert.equal(d.firstDifference?.expected, String(TIMESTAMP));
  });

  test('signed with one value and sent with another', () => {
    const d = diagnose(mistakenTc3({ signedTimestamp: String(TIMESTAMP - 1) }));
    expectTop(d, 'stringToSign', 'timestamp-signed-differs', 'certain');
  });

  test('outside the 5-minute window: SignatureExpire, by how much and which way', () => {
    const behind = diagnose(signedAsRaw(signCorrect()), { now: TIMESTAMP + 600 });
    assert.equal(behind.signatureMatches, true);
    expectTop(behind, 'clock', 'timestamp-expired', 'certain');
    assert.match(behind.causes[0].explanation.en, /10 minutes behind/);
    assert.match(behind.causes[0].explanation.en, /not about how the signature is computed/);
    const ahead = diagnose(signedAsRaw(signCorrect()), { now: TIMESTAMP - 3 * 3600 });
    expectTop(ahead, 'clock', 'timestamp-expired', 'certain');
    assert.match(ahead.causes[0].explanation.en, /3 hours ahead/);
    assert.match(ahead.causes[0].fix.en, /NTP/);
    const inside = diagnose(signedAsRaw(signCorrect()), { now: TIMESTAMP + 299 });
    assert.equal(stepOf(inside, 'clock').status, 'ok');
  });
});

describe('3. the payload hashed is not the body sent', () => {
  const compact = stringifyJson(PARAMS);
  const cases: Array<[string, string, string, RegExp]> = [
    ['pretty body sent, compact hashed', JSON.stringify(PARAMS, null, 2), compact, /compact JSON/],
    ['compact body sent, pretty hashed', compact, JSON.stringify(PARAMS, null, 2), /indented with 2 spaces/],
    [
      'another key order hashed',
      compact,
      '{"EndTime":1700000000,"RoomId":"未命名","SdkAppId":1400000001,"StartTime":1699990000}',
      /alphabetical order/,
    ],
    ['\\u escapes hashed, raw UTF-8 sent', compact, compact.replace('未命名', '\\u672a\\u547d\\u540d'), /non-ASCII characters written as \\uXXXX/],
    ['raw UTF-8 hashed, \\u escapes sent', compact.replace('未命名', '\\u672a\\u547d\\u540d'), compact, /raw UTF-8/],
    ['a trailing line break sent but not hashed', compact + '\n', compact, /without its final line break/],
    ['Python json.dumps hashed', compact, '{"SdkAppId": 1400000001, "RoomId": "\\u672a\\u547d\\u540d", "StartTime": 1699990000, "EndTime": 1700000000}', /(json\.dumps|\\uXXXX)/],
  ];
  for (const [name, sent, hashed, label] of cases) {
    test(name, () => {
      // Content-Length says the final line break of a body was sent, not added by copying.
      const d = diagnose(mistakenTc3({ sentBody: sent, signedBody: hashed, contentLength: true }));
      expectTop(d, 'hashedPayload', 'payload-differs', 'certain');
      assert.match(d.causes[0].explanation.en, label);
      assert.equal(stepOf(d, 'hashedPayload').expected, sha256Hex(sent));
      assert.equal(stepOf(d, 'hashedPayload').actual, sha256Hex(hashed));
    });
  }
});

describe('3a. a final line break in a raw HTTP paste', () => {
  const compact = stringifyJson(PARAMS);
  test('a correct request pasted with a line break after the body and no Content-Length is correct, with a note', () => {
    const d = diagnose(signedAsRaw(signCorrect()) + '\r\n');
    assert.equal(d.certainty, 'correct');
    assert.equal(d.signatureMatches, true);
    assert.equal(d.firstDifference, undefined);
    assert.ok(!d.causes.some((c) => c.id === 'payload-differs'), d.causes.map((c) => c.id).join(', '));
    assert.ok(d.warnings.some((w) => w.code === 'line-break-copied'));
    assert.match(d.verdict.en, /^Correct: /);
  });

  test('with a Content-Length shorter than the pasted body, the server reads only those bytes', () => {
    const signed = signCorrect();
    const raw = signedAsRaw({ ...signed, headers: { ...signed.headers, 'Content-Length': String(Buffer.byteLength(signed.body)) } }) + '\n\n';
    const d = diagnose(raw);
    assert.equal(d.certainty, 'correct');
    assert.ok(d.warnings.some((w) => w.code === 'content-length-mismatch' && /came from copying/.test(w.en)));
  });

  test('a line break that was signed and sent is part of a correct request', () => {
    const d = diagnose(mistakenTc3({ sentBody: compact + '\n' }));
    assert.equal(d.certainty, 'correct');
    assert.ok(d.warnings.some((w) => w.code === 'line-break-signed'));
  });

  test('without Content-Length, a body hashed with a line break it did not send is still reproduced', () => {
    const d = diagnose(mistakenTc3({ sentBody: compact, signedBody: compact + '\n' }));
    expectTop(d, 'hashedPayload', 'payload-differs', 'certain');
    assert.equal(d.certainty, 'reproduced');
  });

  test('a copied line break and a real mistake together: the mistake is named, not the line break', () => {
    const d = diagnose(mistakenTc3({ date: '2023-11-15' }) + '\n');
    expectTop(d, 'credentialScope', 'scope-date-local-time', 'certain');
    assert.ok(!d.causes.some((c) => c.id === 'payload-differs'));
  });
});

describe('4. the content type signed is not the one sent', () => {
  test('signed application/json, sent with a charset', () => {
    const d = diagnose(mistakenTc3({ sentContentType: 'application/json; charset=utf-8', signedContentType: 'application/json' }));
    expectTop(d, 'canonicalHeaders', 'content-type-differs', 'certain');
    assert.match(d.causes[0].explanation.en, /signed content-type "application\/json", but the request sends "application\/json; charset=utf-8"/);
    assert.match(stepOf(d, 'canonicalHeaders').actual ?? '', /^content-type:application\/json\n/);
  });

  test('and the reverse', () => {
    const d = diagnose(mistakenTc3({ sentContentType: 'application/json', signedContentType: 'application/json; charset=utf-8' }));
    expectTop(d, 'canonicalHeaders', 'content-type-differs', 'certain');
    assert.match(d.causes[0].explanation.en, /signed content-type "application\/json; charset=utf-8"/);
  });

  test('no Content-Type sent at all is a plain fact', () => {
    const d = diagnose(mistakenTc3({ sentContentType: null, signedContentType: 'application/json' }));
    assert.ok(d.causes.some((c) => c.id === 'content-type-missing' && c.confidence === 'certain'));
  });
});

describe('5. the host signed is not the host sent', () => {
  for (const [name, signedHost, pattern] of [
    ['a regional host signed, the nearest host sent', 'trtc.ap-guangzhou.tencentcloudapi.com', /regional host/],
    ['the port signed', `${HOST}:443`, /default port/],
    ['the international host signed', 'trtc.intl.tencentcloudapi.com', /international/],
  ] as const) {
    test(name, () => {
      const d = diagnose(mistakenTc3({ signedHost }));
      expectTop(d, 'canonicalHeaders', 'host-differs', 'certain');
      assert.match(d.causes[0].explanation.en, pattern);
      assert.ok(d.causes[0].explanation.en.includes(signedHost));
    });
  }

  test('a port sent but not signed', () => {
    const d = diagnose(mistakenTc3({ sentHost: '127.0.0.1:8443', signedHost: '127.0.0.1' }));
    expectTop(d, 'canonicalHeaders', 'host-differs', 'certain');
    assert.match(d.causes[0].explanation.en, /port was left out/);
  });
});

describe('6. the signed headers list', () => {
  test('lists a header that is not sent', () => {
    const d = diagnose(mistakenTc3({ signedHeadersLine: 'content-type;host;x-tc-language', signedValues: { 'x-tc-language': 'en-US' } }));
    expectTop(d, 'signedHeaders', 'signed-header-not-sent', 'certain');
    assert.equal(d.firstDifference?.expected, 'content-type;host');
    assert.match(d.causes[0].explanation.en, /x-tc-language/);
  });

  test('upper-case names', () => {
    const d = diagnose(mistakenTc3({ signedHeadersLine: 'Content-Type;Host', block: `Content-Type:application/json\nHost:${HOST}\n` }));
    expectTop(d, 'signedHeaders', 'signed-headers-case', 'certain');
    assert.equal(d.reproduced, true);
  });

  test('an unsorted list', () => {
    const d = diagnose(mistakenTc3({ signedHeadersLine: 'host;content-type', block: `host:${HOST}\ncontent-type:application/json\n` }));
    expectTop(d, 'signedHeaders', 'signed-headers-unsorted', 'certain');
    assert.equal(d.reproduced, true);
  });

  test('content-type left out', () => {
    const d = diagnose(mistakenTc3({ signedHeadersLine: 'host' }));
    expectTop(d, 'signedHeaders', 'signed-headers-missing-required', 'certain');
    assert.match(d.causes[0].title.en, /content-type/);
  });
});

describe('7. the service in the scope', () => {
  test('cvm instead of trtc', () => {
    const d = diagnose(mistakenTc3({ service: 'cvm' }));
    expectTop(d, 'credentialScope', 'scope-service-wrong', 'certain');
    assert.match(d.causes[0].title.en, /"cvm", not "trtc"/);
  });

  test('the expected service is configurable', () => {
    const d = diagnose(mistakenTc3({ service: 'cvm' }), { expectedService: 'cvm' });
    assert.equal(d.signatureMatches, true);
  });
});

describe('8. the keys', () => {
  test('SecretId and SecretKey swapped', () => {
    const d = diagnose(mistakenTc3({ credentialId: SECRET_KEY, key: SECRET_ID }));
    expectTop(d, 'secretId', 'keys-swapped', 'certain');
    assert.equal(d.firstDifference?.actual, '<SecretKey>');
  });

  test('the SecretKey signed with a trailing line break', () => {
    const d = diagnose(mistakenTc3({ key: SECRET_KEY + '\n' }));
    expectTop(d, 'derivedKeys', 'secretkey-whitespace', 'certain');
    assert.match(d.causes[0].explanation.en, /line break at the end/);
  });

  test('the SecretKey given with white space is trimmed, and code that signs with it is caught', () => {
    const d = diagnose(mistakenTc3({ key: SECRET_KEY + ' ' }), { secretKey: SECRET_KEY + ' ' });
    expectTop(d, 'derivedKeys', 'secretkey-whitespace', 'certain');
    assert.ok(d.warnings.some((w) => w.code === 'secretkey-trimmed'));
  });

  test('a SecretKey that starts with AKID is a SecretId', () => {
    const d = diagnose(mistakenTc3(), { secretKey: SECRET_ID, secretId: undefined });
    assert.equal(d.causes[0].id, 'keys-swapped');
    assert.equal(d.causes[0].confidence, 'certain');
    assert.match(d.causes[0].explanation.en, /starts with AKID/);
  });

  test('the credential SecretId has white space, or is another key pair', () => {
    const spaced = diagnose(mistakenTc3({ authorization: (a) => a.replace(`Credential=${SECRET_ID}`, `Credential=${SECRET_ID}\t`) }));
    assert.equal(spaced.causes[0].id, 'secretid-whitespace');
    const other = diagnose(mistakenTc3({ credentialId: 'AKIDEXAMPLEKeyPair0123456789abcdefXY' }));
    expectTop(other, 'secretId', 'secretid-mismatch', 'certain');
  });
});

describe('9. the session token', () => {
  test('a token given but none sent', () => {
    const d = diagnose(signedAsRaw(signCorrect()), { token: 'session-token-value-123' });
    expectTop(d, 'token', 'token-missing', 'certain');
  });

  test('temporary keys declared but no token sent', () => {
    const d = diagnose(signedAsRaw(signCorrect()), { temporary: true });
    expectTop(d, 'token', 'token-missing', 'certain');
  });

  test('a long SecretId suggests temporary keys', () => {
    const longId = 'AKID' + 'x'.repeat(60);
    const d = diagnose(mistakenTc3({ credentialId: longId }), { secretId: longId });
    assert.ok(d.causes.some((c) => c.id === 'token-missing' && c.confidence === 'possible'));
  });

  test('a token sent but not given cannot be verified; given, it is compared', () => {
    const signed = signCorrect({ credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: 'session-token-value-123' } });
    const d = diagnose(signedAsRaw(signed));
    assert.equal(stepOf(d, 'token').status, 'unknown');
    assert.ok(d.causes.some((c) => c.id === 'token-unverifiable'));
    assert.equal(stepOf(diagnose(signedAsRaw(signed), { token: 'session-token-value-123' }), 'token').status, 'ok');
    const wrong = diagnose(signedAsRaw(signed), { token: 'an-older-token-value' });
    expectTop(wrong, 'token', 'token-mismatch', 'certain');
  });
});

describe('12. the Authorization header format and the action value', () => {
  test('no Credential= part', () => {
    const d = diagnose(mistakenTc3({ authorization: (a) => a.replace('Credential=', 'Credentials=') }));
    expectTop(d, 'authorization', 'authorization-format', 'certain');
    assert.match(d.causes[0].explanation.en, /no "Credential=" part/);
    assert.match(d.causes[0].explanation.en, /InvalidAuthorization/);
  });

  test('";" between the parts', () => {
    const d = diagnose(mistakenTc3({ authorization: (a) => a.replace(', SignedHeaders', '; SignedHeaders').replace(', Signature', '; Signature') }));
    expectTop(d, 'authorization', 'authorization-format', 'certain');
    assert.match(d.causes[0].explanation.en, /separated by ";"/);
  });

  test('spaces inside SignedHeaders', () => {
    const d = diagnose(mistakenTc3({ authorization: (a) => a.replace('content-type;host', 'content-type; host') }));
    expectTop(d, 'authorization', 'authorization-format', 'certain');
    assert.match(d.causes[0].explanation.en, /SignedHeaders contains spaces/);
  });

  test('the right signature in upper-case hex', () => {
    const d = diagnose(mistakenTc3({ authorization: (a) => a.replace(/Signature=([0-9a-f]+)/, (_m, s: string) => 'Signature=' + s.toUpperCase()) }));
    assert.equal(d.causes[0].id, 'signature-encoding');
    assert.match(d.causes[0].explanation.en, /its bytes are the correct signature/);
  });

  test('x-tc-action signed with its original case', () => {
    const d = diagnose(
      mistakenTc3({
        signedHeadersLine: 'content-type;host;x-tc-action',
        block: `content-type:application/json\nhost:${HOST}\nx-tc-action:DescribeRoomInfo\n`,
      }),
    );
    expectTop(d, 'canonicalHeaders', 'action-value-case', 'certain');
    assert.match(stepOf(d, 'canonicalHeaders').expected, /x-tc-action:describeroominfo/);
  });
});

describe('a mismatch no usual mistake explains', () => {
  test('another SecretKey: the signature step differs and the causes are ranked guesses', () => {
    const d = diagnose(mistakenTc3({ key: 'someOtherSecretKey0123456789abcd' }));
    assert.equal(d.reproduced, false);
    expectTop(d, 'signature', 'secretkey-wrong', 'likely');
    assert.equal(stepOf(d, 'canonicalRequest').status, 'unknown');
    assert.match(d.summary.en, /No usual mistake reproduces/);
  });
});
