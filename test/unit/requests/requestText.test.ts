import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseSignature, parsePastedRequest } from '../../../src/core/debugger';
import { tencentOnly } from '../../../src/core/http/endpointPolicy';
import { prepareCall } from '../../../src/core/requests/callExecutor';
import type { CallSpec } from '../../../src/core/requests/types';
import { hideSecrets, rawHttpRequest, secretForms, unmask } from '../../../src/core/requests/requestText';

const KEYS = { secretId: 'AKIDEXAMPLEt0000000000000000000000', secretKey: 'unitTestSecretKey000000000000000' };
const TOKEN = 'unit+test/session=token&value';
const TIMESTAMP = 1704139200;

const spec = (over: Partial<CallSpec> = {}): CallSpec => ({
  action: 'StartMCUMixTranscode',
  params: { SdkAppId: 1400000001, RoomId: 1001, PublishCdnParams: { Secret: 'cdn-secret-value' } },
  region: 'ap-guangzhou',
  ...over,
});

describe('rawHttpRequest', () => {
  it('masks the session token of a TC3 request, and the host puts it back for an exact diagnosis', () => {
    const { signed } = prepareCall(spec(), { credentials: { ...KEYS, token: TOKEN }, timestamp: TIMESTAMP, policy: tencentOnly() });
    const { text, masks } = rawHttpRequest(signed, TOKEN);
    assert.ok(!text.includes(TOKEN), 'the token is not in the text');
    assert.match(text, /^POST \/ HTTP\/1\.1\n/);
    assert.match(text, /\nX-TC-Token: unit\*+alue\(masked\)\n/);
    assert.ok(text.endsWith(`\n\n${signed.body}`));
    const restored = unmask(text, masks);
    assert.ok(restored.includes(`X-TC-Token: ${TOKEN}`));
    const d = diagnoseSignature(parsePastedRequest(restored), { secretKey: KEYS.secretKey, secretId: KEYS.secretId, token: TOKEN, now: TIMESTAMP });
    assert.equal(d.signatureMatches, true);
    assert.equal(d.firstDifference, undefined);
  });

  it('masks a legacy GET request\'s encoded Token parameter too', () => {
    const { signed } = prepareCall(spec({ signMethod: 'HmacSHA256', httpMethod: 'GET' }), { credentials: { ...KEYS, token: TOKEN }, timestamp: TIMESTAMP, nonce: 7, policy: tencentOnly() });
    const { text, masks } = rawHttpRequest(signed, TOKEN);
    assert.match(text, /^GET \/\?/);
    assert.ok(!text.includes(encodeURIComponent(TOKEN)) && !text.includes(TOKEN));
    const d = diagnoseSignature(parsePastedRequest(unmask(text, masks)), { secretKey: KEYS.secretKey, now: TIMESTAMP });
    assert.equal(d.signatureMatches, true);
  });

  it('leaves a request without a token unchanged', () => {
    const { signed } = prepareCall(spec(), { credentials: KEYS, timestamp: TIMESTAMP, policy: tencentOnly() });
    const { text, masks } = rawHttpRequest(signed, undefined);
    assert.deepEqual(masks, []);
    assert.ok(!/x-tc-token/i.test(text));
  });
});

describe('secretForms and hideSecrets', () => {
  it('hides the token and sensitive parameter values in every form they take', () => {
    const forms = secretForms(spec(), TOKEN, '<token>', '<secret>');
    const { signed } = prepareCall(spec({ signMethod: 'HmacSHA1', httpMethod: 'POST' }), { credentials: { ...KEYS, token: TOKEN }, timestamp: TIMESTAMP, nonce: 9, policy: tencentOnly() });
    const trace = signed.trace;
    assert.equal(trace.method, 'HmacSHA1');
    if (trace.method !== 'HmacSHA1') {
      return;
    }
    const texts = [trace.sourceString, trace.encodedParams, signed.body, JSON.stringify(spec().params)];
    for (const text of texts) {
      const hidden = hideSecrets(text, forms);
      for (const secret of [TOKEN, encodeURIComponent(TOKEN), 'cdn-secret-value']) {
        assert.ok(!hidden.includes(secret), `${secret} stays hidden in ${hidden}`);
      }
    }
    assert.match(hideSecrets(trace.sourceString, forms), /Token=<token>/);
    assert.match(hideSecrets(JSON.stringify(spec().params), forms), /"Secret":"<secret>"/);
  });

  it('leaves values shorter than four characters alone, so other text is not garbled', () => {
    const forms = secretForms({ action: 'X', params: { Password: 'ab' } }, 'xyz', '<t>', '<s>');
    assert.deepEqual(forms.replacements, []);
    assert.equal(hideSecrets('ab xyz', forms), 'ab xyz');
  });
});
