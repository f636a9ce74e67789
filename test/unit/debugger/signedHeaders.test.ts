// The SignedHeaders list against what the canonical headers hold: one request per way code gets
// them out of step, each built with exactly that mistake and reproduced by the debugger.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnoseSignature, parsePastedRequest, type CauseId, type DiagnoseInput, type Diagnosis, type StepKey } from '../../../src/core/debugger';
import { HOST, mistakenTc3, SECRET_ID, SECRET_KEY, TIMESTAMP } from './helpers';

function diagnose(text: string, input: Partial<DiagnoseInput> = {}): Diagnosis {
  return diagnoseSignature(parsePastedRequest(text), { secretKey: SECRET_KEY, secretId: SECRET_ID, now: TIMESTAMP, ...input });
}

function expectReproduced(d: Diagnosis, step: StepKey, id: CauseId, detail?: RegExp): void {
  assert.equal(d.certainty, 'reproduced', `${d.certainty}: ${d.causes.map((c) => c.id).join(', ')}`);
  assert.equal(d.firstDifference?.key, step, `first difference: ${d.firstDifference?.key}`);
  assert.equal(d.causes[0].id, id, d.causes.map((c) => c.id).join(', '));
  assert.equal(d.causes[0].reproduced, true);
  assert.equal(d.causes[0].confidence, 'certain');
  if (detail) {
    assert.match(d.causes[0].explanation.en, detail);
  }
  assert.match(d.verdict.en, /^Reproduced: /);
  assert.match(d.verdict.zh, /^已复现：/);
}

const CT = 'application/json';

describe('a header listed in SignedHeaders but not signed', () => {
  test('x-tc-action listed, the canonical headers built without it', () => {
    const d = diagnose(mistakenTc3({ signedHeadersLine: 'content-type;host;x-tc-action', block: `content-type:${CT}\nhost:${HOST}\n` }));
    expectReproduced(d, 'canonicalHeaders', 'signed-header-listed-not-signed', /without x-tc-action/);
  });

  test('signed with the default set while the Authorization header names more', () => {
    const d = diagnose(
      mistakenTc3({
        signedHeadersLine: 'content-type;host',
        block: `content-type:${CT}\nhost:${HOST}\n`,
        authorization: (a) => a.replace('SignedHeaders=content-type;host,', 'SignedHeaders=content-type;host;x-tc-action,'),
      }),
    );
    expectReproduced(d, 'canonicalHeaders', 'signed-header-listed-not-signed', /x-tc-action/);
  });
});

describe('a header signed but not listed', () => {
  test('x-tc-timestamp in the canonical headers, the list without it', () => {
    const d = diagnose(mistakenTc3({ block: `content-type:${CT}\nhost:${HOST}\nx-tc-timestamp:${TIMESTAMP}\n` }));
    expectReproduced(d, 'canonicalHeaders', 'signed-header-signed-not-listed', /x-tc-timestamp/);
  });

  test('x-tc-action signed with its list, but the Authorization header says content-type;host', () => {
    const d = diagnose(
      mistakenTc3({
        signedHeadersLine: 'content-type;host;x-tc-action',
        authorization: (a) => a.replace('SignedHeaders=content-type;host;x-tc-action,', 'SignedHeaders=content-type;host,'),
      }),
    );
    expectReproduced(d, 'canonicalHeaders', 'signed-header-signed-not-listed', /x-tc-action/);
  });
});

describe('names and values not in canonical form', () => {
  test('names written in the case they were sent, the list in lower case', () => {
    const d = diagnose(mistakenTc3({ block: `Content-Type:${CT}\nHost:${HOST}\n` }));
    expectReproduced(d, 'canonicalHeaders', 'canonical-headers-not-normalized', /case they were sent/);
  });

  test('values not trimmed: the space after the colon kept', () => {
    const d = diagnose(mistakenTc3({ block: `content-type: ${CT}\nhost: ${HOST}\n` }));
    expectReproduced(d, 'canonicalHeaders', 'canonical-headers-not-normalized', /not trimmed/);
  });

  test('the last line without its line break', () => {
    const d = diagnose(mistakenTc3({ block: `content-type:${CT}\nhost:${HOST}` }));
    expectReproduced(d, 'canonicalHeaders', 'canonical-headers-not-normalized', /no line break after the last/);
  });

  test('values lower-cased with the names', () => {
    const sent = 'application/json; charset=UTF-8';
    const d = diagnose(mistakenTc3({ sentContentType: sent, block: `content-type:${sent.toLowerCase()}\nhost:${HOST}\n` }));
    assert.equal(d.certainty, 'reproduced');
    assert.equal(d.firstDifference?.key, 'canonicalHeaders');
    // Lower-casing the value and signing another content type are the same bytes here; either is exact.
    assert.ok(['canonical-headers-not-normalized', 'content-type-differs'].includes(d.causes[0].id), d.causes[0].id);
  });

  test('upper-case names in both the list and the block are a plain fact and reproduced', () => {
    const d = diagnose(mistakenTc3({ signedHeadersLine: 'Content-Type;Host', block: `Content-Type:${CT}\nHost:${HOST}\n` }));
    expectReproduced(d, 'signedHeaders', 'signed-headers-case');
  });
});

describe('the list itself', () => {
  test('a signed header that is not sent stays a plain fact even when it cannot be reproduced', () => {
    const d = diagnose(mistakenTc3({ signedHeadersLine: 'content-type;host;x-tc-language', signedValues: { 'x-tc-language': 'en-US' } }));
    assert.equal(d.causes[0].id, 'signed-header-not-sent');
    assert.equal(d.certainty, 'likely');
    assert.match(d.verdict.en, /^Likely: /);
  });
});
