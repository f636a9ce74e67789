// Values encoded zero, one or two times, in the usual styles, in a legacy source string and in the
// canonical query of a TC3 GET; and values URL-encoded twice on the wire.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnoseSignature, parsePastedRequest, type CauseId, type Diagnosis, type StepKey } from '../../../src/core/debugger';
import { ENCODING_STYLES } from '../../../src/core/debugger/encodingStyles';
import { encodeParams, legacySignature, legacySourceString, rfc3986Encode, sortParams, type ParamPair } from '../../../src/core/signing';
import { HOST, legacyParams, mistakenLegacy, mistakenTc3, SECRET_ID, SECRET_KEY, TIMESTAMP } from './helpers';

function diagnose(text: string): Diagnosis {
  return diagnoseSignature(parsePastedRequest(text), { secretKey: SECRET_KEY, secretId: SECRET_ID, now: TIMESTAMP });
}

function expectReproduced(d: Diagnosis, step: StepKey, id: CauseId, detail?: RegExp): void {
  assert.equal(d.certainty, 'reproduced', `${d.certainty}: ${d.causes.map((c) => c.id).join(', ')}`);
  assert.equal(d.firstDifference?.key, step, `first difference: ${d.firstDifference?.key}`);
  assert.equal(d.causes[0].id, id, d.causes.map((c) => c.id).join(', '));
  if (detail) {
    assert.match(d.causes[0].explanation.en, detail);
  }
}

const style = (id: string) => ENCODING_STYLES.find((s) => s.id === id)!.encode;
// Values with a space, a slash, a star, a tilde and Chinese: every style writes them differently.
const PAIRS: ParamPair[] = [
  ['Action', 'DescribeRoomInfo'],
  ['RoomId', 'room 1/a*b~c'],
  ['UserId', '用户'],
];

describe('the canonical query of a TC3 GET', () => {
  const sent = encodeParams(PAIRS);
  const get = (signedQuery: string): string =>
    mistakenTc3({ method: 'GET', sentBody: '', sentContentType: 'application/x-www-form-urlencoded', sentQuery: sent, signedQuery });

  test('signed exactly as sent: correct', () => {
    assert.equal(diagnose(get(sent)).certainty, 'correct');
  });

  for (const [name, signed, label] of [
    ['values not encoded at all', PAIRS.map(([k, v]) => `${k}=${v}`).join('&'), /raw, unencoded/],
    ['values encoded twice', PAIRS.map(([k, v]) => `${k}=${style('twice')(v)}`).join('&'), /encoded twice/],
    ['lower-case percent escapes', sent.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), /lower-case percent escapes/],
    ['form style, a space as "+"', PAIRS.map(([k, v]) => `${k}=${style('form')(v)}`).join('&'), /form style/],
    ['a leading "?"', '?' + sent, /leading "\?"/],
  ] as const) {
    test(name, () => {
      expectReproduced(diagnose(get(signed)), 'canonicalRequest', 'query-differs', label);
    });
  }
});

describe('the values of a legacy source string', () => {
  const params = legacyParams([['Note', 'a b/c*d~e 用']]);
  const encodedWith = (encode: (v: string) => string): ParamPair[] => sortParams(params).map(([k, v]): ParamPair => [k, encode(v)]);

  test('encoded zero times is the correct source string', () => {
    assert.equal(diagnose(mistakenLegacy({ params })).certainty, 'correct');
  });

  for (const id of ['once', 'lower', 'form', 'java', 'uri', 'twice']) {
    test(`signed with the values encoded ${id}`, () => {
      const d = diagnose(mistakenLegacy({ params, signedParams: encodedWith(style(id)) }));
      expectReproduced(d, 'sortedParams', 'legacy-signed-encoded');
    });
  }

  test('a source string with "?" twice (a parameter string that starts with "?")', () => {
    const d = diagnose(mistakenLegacy({ params, source: (m, h, p, pairs) => legacySourceString(m, h, p, pairs).replace('/?', '/??') }));
    expectReproduced(d, 'sourceString', 'legacy-extra-question-mark');
  });
});

describe('values on the wire', () => {
  test('every value URL-encoded twice, the Signature too: double encoding, not "not Base64"', () => {
    const d = diagnose(mistakenLegacy({ encode: (pairs) => encodeParams(pairs.map(([k, v]): ParamPair => [k, rfc3986Encode(v)])) }));
    expectReproduced(d, 'sortedParams', 'legacy-double-encoded');
    assert.ok(d.causes.some((c) => c.id === 'legacy-signature-double-encoded' && c.confidence === 'certain'));
    assert.ok(!d.causes.some((c) => c.id === 'signature-encoding'), d.causes.map((c) => c.id).join(', '));
  });

  test('only the Signature encoded twice: its bytes are right, the encoding is the mistake', () => {
    const d = diagnose(mistakenLegacy({ encode: (pairs) => encodeParams(pairs.map(([k, v]): ParamPair => [k, k === 'Signature' ? rfc3986Encode(v) : v])) }));
    assert.equal(d.certainty, 'reproduced');
    assert.equal(d.signatureMatches, false);
    assert.equal(d.firstDifference?.key, 'signature');
    assert.equal(d.causes[0].id, 'legacy-signature-double-encoded');
    assert.match(d.causes[0].explanation.en, /that value is the correct signature/);
  });

  test('"+" for a space on the wire (form encoding) verifies when read as a space', () => {
    const params = legacyParams([['Note', 'two words']]);
    const d = diagnose(mistakenLegacy({ params, encode: (pairs) => pairs.map(([k, v]) => `${k}=${style('form')(v)}`).join('&') }));
    assert.equal(d.certainty, 'correct');
    assert.ok(d.warnings.some((w) => w.code === 'plus-as-space'));
  });

  test('a literal "+" sent unencoded verifies only as a plus sign, which is said to be risky', () => {
    const params = legacyParams([['Note', 'a+b']]);
    const d = diagnose(mistakenLegacy({ params, encode: (pairs) => pairs.map(([k, v]) => `${k}=${k === 'Note' ? v : rfc3986Encode(v)}`).join('&') }));
    assert.equal(d.certainty, 'correct');
    assert.ok(d.causes.some((c) => c.id === 'legacy-plus-in-value' && c.confidence === 'likely'));
  });

  test('a host signed with the default port in a legacy source string', () => {
    const params = legacyParams();
    const sorted = sortParams(params);
    const signature = legacySignature(SECRET_KEY, legacySourceString('GET', `${HOST}:443`, '/', sorted), 'HmacSHA1');
    const d = diagnose(`https://${HOST}/?${encodeParams([...params, ['Signature', signature]])}`);
    expectReproduced(d, 'sourceString', 'host-differs', /:443/);
  });
});
