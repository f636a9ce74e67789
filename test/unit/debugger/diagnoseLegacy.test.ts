// One legacy (HmacSHA1/HmacSHA256) request per usual mistake, each built with exactly that mistake.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnoseSignature, parsePastedRequest, type CauseId, type Confidence, type Diagnosis, type StepKey } from '../../../src/core/debugger';
import { encodeParams, legacySignature, legacySourceString, sortParams, type ParamPair } from '../../../src/core/signing';
import { HOST, legacyParams, mistakenLegacy, SECRET_ID, SECRET_KEY, signCorrect, TIMESTAMP } from './helpers';

function diagnose(text: string): Diagnosis {
  return diagnoseSignature(parsePastedRequest(text), { secretKey: SECRET_KEY, secretId: SECRET_ID, now: TIMESTAMP });
}

function expectTop(d: Diagnosis, step: StepKey, id: CauseId, confidence: Confidence = 'certain'): void {
  assert.equal(d.firstDifference?.key, step, `first difference: ${d.firstDifference?.key}`);
  assert.equal(d.causes[0]?.id, id, `causes: ${d.causes.map((c) => c.id).join(', ')}`);
  assert.equal(d.causes[0].confidence, confidence);
}

describe('correct legacy requests', () => {
  test('a GET URL and a form POST built by hand', () => {
    for (const text of [mistakenLegacy(), mistakenLegacy({ method: 'POST' }), mistakenLegacy({ params: legacyParams([], 'HmacSHA256'), hash: 'HmacSHA256' })]) {
      const d = diagnose(text);
      assert.equal(d.signatureMatches, true);
      assert.equal(d.firstDifference, undefined);
    }
  });

  test('requests from the signer, both methods', () => {
    for (const signMethod of ['HmacSHA1', 'HmacSHA256'] as const) {
      const get = signCorrect({ signMethod, httpMethod: 'GET', nonce: 42 });
      assert.equal(diagnose(`https://trtc.tencentcloudapi.com${get.pathAndQuery}`).signatureMatches, true);
      const post = signCorrect({ signMethod, httpMethod: 'POST', nonce: 42 });
      assert.equal(diagnose(`POST / HTTP/1.1\nHost: ${post.headers.Host}\nContent-Type: ${post.headers['Content-Type']}\n\n${post.body}`).signatureMatches, true);
    }
  });
});

describe('10. legacy mistakes', () => {
  test('parameters not sorted', () => {
    const d = diagnose(mistakenLegacy({ signedParams: legacyParams() }));
    expectTop(d, 'sortedParams', 'legacy-params-unsorted');
    assert.match(d.causes[0].explanation.en, /in the order they were sent/);
  });

  test('parameters in natural order (Ids.2 before Ids.12)', () => {
    const ids: ParamPair[] = Array.from({ length: 13 }, (_, i): ParamPair => [`UserIds.${i}`, `u${i}`]);
    const params = legacyParams(ids);
    const natural = params.slice().sort((a, b) => a[0].localeCompare(b[0], undefined, { numeric: true }));
    const d = diagnose(mistakenLegacy({ params, signedParams: natural }));
    expectTop(d, 'sortedParams', 'legacy-params-unsorted');
    assert.match(d.causes[0].explanation.en, /natural/);
  });

  test('values encoded twice on the way out', () => {
    const d = diagnose(mistakenLegacy({ encode: (pairs) => encodeParams(pairs.map(([k, v]): ParamPair => [k, k === 'Signature' ? v : encodeURIComponent(v)])) }));
    expectTop(d, 'sortedParams', 'legacy-double-encoded');
    assert.match(d.causes[0].explanation.en, /room%201/);
  });

  test('values signed URL-encoded', () => {
    const signed = sortParams(legacyParams()).map(([k, v]): ParamPair => [k, encodeURIComponent(v)]);
    const d = diagnose(mistakenLegacy({ signedParams: signed }));
    expectTop(d, 'sortedParams', 'legacy-signed-encoded');
  });

  test('a nested parameter sent as JSON while the flattened form was signed', () => {
    const flat = legacyParams([
      ['Filters.0.Name', 'x'],
      ['Filters.0.Values.0', 'y'],
    ]);
    const d = diagnose(mistakenLegacy({ params: flat, sentParams: legacyParams([['Filters', '[{"Name":"x","Values":["y"]}]']]) }));
    expectTop(d, 'sortedParams', 'legacy-unflattened-param');
    assert.match(d.causes[0].explanation.en, /Filters/);
  });

  test('a nested parameter signed and sent as JSON: the signature is fine, the parameter is not', () => {
    const d = diagnose(mistakenLegacy({ params: legacyParams([['Filters', '[{"Name":"x"}]']]) }));
    assert.equal(d.signatureMatches, true);
    assert.equal(d.causes[0].id, 'legacy-unflattened-param');
    assert.equal(d.causes[0].confidence, 'likely');
  });

  test('lower-case method in the source string', () => {
    const d = diagnose(
      mistakenLegacy({
        source: (m, h, p, pairs) => {
          const s = legacySourceString(m, h, p, pairs);
          return m.toLowerCase() + s.slice(m.length);
        },
      }),
    );
    expectTop(d, 'sourceString', 'legacy-method-lowercase');
    assert.ok(d.steps.find((s) => s.key === 'sourceString')?.actual?.startsWith('gettrtc.tencentcloudapi.com/?'));
  });

  test('no path in the source string', () => {
    const d = diagnose(mistakenLegacy({ source: (m, h, _p, pairs) => legacySourceString(m, h, '', pairs) }));
    expectTop(d, 'sourceString', 'legacy-path');
  });

  test('no "?" in the source string', () => {
    const d = diagnose(mistakenLegacy({ source: (m, h, p, pairs) => legacySourceString(m, h, p, pairs).replace('/?', '/') }));
    expectTop(d, 'sourceString', 'legacy-missing-question-mark');
  });

  test('a required parameter missing, and malformed encoding', () => {
    const d = diagnose(mistakenLegacy({ params: legacyParams().filter(([k]) => k !== 'Nonce') }));
    assert.equal(d.causes[0].id, 'legacy-missing-param');
    assert.match(d.causes[0].title.en, /Nonce/);
    const bad = diagnose('https://trtc.tencentcloudapi.com/?Action=X&Signature=abc&Bad=%zz');
    expectTop(bad, 'params', 'legacy-malformed-encoding');
  });

  test('a "+" in the Signature sent without encoding', () => {
    // Find a nonce whose signature has a "+", then send that signature raw.
    let params: ParamPair[] = [];
    for (let nonce = 1; nonce < 1000; nonce++) {
      params = legacyParams().map(([k, v]): ParamPair => [k, k === 'Nonce' ? String(nonce) : v]);
      if (legacySignature(SECRET_KEY, legacySourceString('GET', HOST, '/', sortParams(params)), 'HmacSHA1').includes('+')) {
        break;
      }
    }
    const text = mistakenLegacy({ params, encode: (pairs) => pairs.map(([k, v]) => `${k}=${k === 'Signature' ? v : encodeURIComponent(v)}`).join('&') });
    assert.match(text, /Signature=[^&]*\+/);
    const d = diagnose(text);
    assert.ok(d.causes.some((c) => c.id === 'legacy-signature-not-encoded' && c.confidence === 'likely'));
    assert.ok(!diagnose(mistakenLegacy({ params })).causes.some((c) => c.id === 'legacy-signature-not-encoded'));
  });
});

describe('11. the hash and SignatureMethod', () => {
  test('HmacSHA256 computed without SignatureMethod=HmacSHA256', () => {
    const d = diagnose(mistakenLegacy({ hash: 'HmacSHA256' }));
    expectTop(d, 'signatureMethod', 'legacy-sha256-without-method');
    assert.equal(d.reproduced, true);
  });

  test('SignatureMethod=HmacSHA256 with a SHA-1 signature', () => {
    const d = diagnose(mistakenLegacy({ params: legacyParams([], 'HmacSHA256'), hash: 'HmacSHA1' }));
    expectTop(d, 'signatureMethod', 'legacy-sha1-with-sha256-method');
  });

  test('an unknown SignatureMethod value', () => {
    const d = diagnose(mistakenLegacy({ params: legacyParams([], 'HMAC-SHA256'), hash: 'HmacSHA1' }));
    assert.ok(d.causes.some((c) => c.id === 'legacy-signature-method-invalid' && c.confidence === 'certain'));
  });
});
