import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportCode, CODE_FORMATS } from '../../../src/core/codegen';
import { InputError } from '../../../src/core/errors';
import {
  canonicalOrigin,
  isTencentOrigin,
  tencentOnly,
  trustableOrigin,
  trustOrigins,
  UntrustedEndpointError,
} from '../../../src/core/http/endpointPolicy';
import { REGIONS } from '../../../src/core/http/endpoints';
import type { HttpRequest } from '../../../src/core/http/httpClient';
import { CallExecutor, prepareCall } from '../../../src/core/requests/callExecutor';
import type { CallSpec } from '../../../src/core/requests/types';

const KEYS = { secretId: 'AKIDEXAMPLEpolicy00000000000000000', secretKey: 'policyTestSecretKey0000000000000', token: 'policy-session-token-0000' };
const HOSTILE = 'https://gateway.attacker.example';
const spec = (url?: string): CallSpec => ({
  action: 'DescribeRoomInfo',
  params: { SdkAppId: 1400000001, RoomId: '1001' },
  region: 'ap-guangzhou',
  ...(url ? { endpoint: { kind: 'custom', url } } : {}),
});

test("Tencent's nearest, international and regional hosts are always trusted, in any spelling of the origin", () => {
  const policy = tencentOnly();
  assert.ok(policy.isTrusted('https://trtc.tencentcloudapi.com'));
  assert.ok(policy.isTrusted('https://TRTC.tencentcloudapi.com:443'));
  assert.ok(policy.isTrusted('https://trtc.intl.tencentcloudapi.com'));
  for (const r of REGIONS) {
    assert.ok(isTencentOrigin(`https://trtc.${r.id}.tencentcloudapi.com`), r.id);
  }
});

test('anything else is untrusted by default: other hosts, loopback, plain HTTP, unknown regions, other ports', () => {
  const policy = tencentOnly();
  for (const origin of [
    HOSTILE,
    'http://127.0.0.1:8080',
    'http://localhost:9000',
    'http://trtc.tencentcloudapi.com',
    'https://trtc.tencentcloudapi.com:8443',
    'https://trtc.xx-nowhere.tencentcloudapi.com',
    'https://trtc.tencentcloudapi.com.attacker.example',
    'https://cvm.tencentcloudapi.com',
    'not a url',
  ]) {
    assert.equal(policy.isTrusted(origin), false, origin);
  }
});

test('trustOrigins adds exactly the given origins, compared by origin', () => {
  const policy = trustOrigins(['http://127.0.0.1:8080/', 'https://Gateway.Example.com'], (o) => `trust ${o} somehow`);
  assert.ok(policy.isTrusted('http://127.0.0.1:8080'));
  assert.ok(policy.isTrusted('https://gateway.example.com'));
  assert.ok(policy.isTrusted('https://trtc.tencentcloudapi.com'), 'Tencent stays trusted');
  assert.equal(policy.isTrusted('http://127.0.0.1:8081'), false);
  assert.equal(policy.isTrusted('https://gateway.example.com:444'), false);
  assert.equal(policy.howToTrust(HOSTILE), `trust ${HOSTILE} somehow`);
  assert.equal(canonicalOrigin('HTTPS://A.example.COM:443/'), 'https://a.example.com');
  assert.equal(canonicalOrigin('ftp://a.example.com'), undefined);
});

test('an endpoint to be trusted is checked like any custom endpoint', () => {
  assert.equal(trustableOrigin('http://127.0.0.1:8080'), 'http://127.0.0.1:8080');
  assert.throws(() => trustableOrigin('http://gateway.example.com'), /plain http/);
  assert.throws(() => trustableOrigin('https://gateway.example.com/v1'), /must not have a path/);
});

test('prepareCall refuses an untrusted endpoint before signing, with a typed input error naming it and how to trust it', () => {
  const policy = trustOrigins([], (o) => `Pass --allow-endpoint ${o}.`);
  let thrown: unknown;
  try {
    prepareCall(spec(`${HOSTILE}/`), { credentials: KEYS, timestamp: 1_700_000_000, policy });
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof UntrustedEndpointError);
  assert.ok(thrown instanceof InputError);
  assert.equal(thrown.exitCode, 2);
  assert.equal(thrown.origin, HOSTILE);
  assert.match(thrown.message, /The endpoint https:\/\/gateway\.attacker\.example is not trusted, so nothing was signed for it or sent to it/);
  assert.match(thrown.message, /Pass --allow-endpoint https:\/\/gateway\.attacker\.example\./);
  assert.match(thrown.zh, /未被信任/);
  for (const secret of [KEYS.secretKey, KEYS.token]) {
    assert.ok(!thrown.message.includes(secret));
  }
  const ok = prepareCall(spec(HOSTILE), { credentials: KEYS, timestamp: 1_700_000_000, policy: trustOrigins([HOSTILE], '') });
  assert.equal(ok.endpoint.origin, HOSTILE);
  assert.equal(prepareCall(spec(), { credentials: KEYS, timestamp: 1_700_000_000, policy }).endpoint.origin, 'https://trtc.tencentcloudapi.com');
});

test('the executor never sends to an untrusted endpoint, and does not retry the refusal', async () => {
  const sent: HttpRequest[] = [];
  const executor = new CallExecutor({
    http: {
      send: async (r) => {
        sent.push(r);
        return { status: 200, statusText: 'OK', headers: {}, bodyText: '{"Response":{"RequestId":"r"}}', bytes: 30, timing: { headersMs: 1, totalMs: 1 } };
      },
    },
    policy: tencentOnly(),
    sleep: async () => undefined,
  });
  await assert.rejects(executor.call(spec('http://127.0.0.1:9'), { credentials: KEYS, maxRetries: 2 }), UntrustedEndpointError);
  assert.equal(sent.length, 0);
  await executor.call(spec(), { credentials: KEYS });
  assert.equal(sent.length, 1);
  assert.equal(sent[0]?.origin, 'https://trtc.tencentcloudapi.com');
});

test('code export refuses an untrusted target in every format, and allows a trusted one', () => {
  const target = { origin: HOSTILE, host: 'gateway.attacker.example', region: 'ap-guangzhou', version: '2019-07-22', service: 'trtc' };
  for (const f of CODE_FORMATS) {
    assert.throws(() => exportCode(f.id, { spec: spec(HOSTILE), target, policy: tencentOnly() }), UntrustedEndpointError, f.id);
  }
  const text = exportCode('python', { spec: spec(HOSTILE), target, policy: trustOrigins([HOSTILE], '') }).text;
  assert.match(text, /gateway\.attacker\.example/);
});
