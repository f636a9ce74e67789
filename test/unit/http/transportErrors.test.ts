import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancelledError, NetworkError, TimeoutError, TlsError } from '../../../src/core/errors';
import { toTransportError, type TransportContext } from '../../../src/core/http/transportErrors';

const ctx: TransportContext = { target: 'trtc.tencentcloudapi.com:443', connectMs: 1000, headersMs: 2000, bodyMs: 3000 };
const viaProxy: TransportContext = { ...ctx, proxy: 'http://proxy.corp:3128' };

function sysError(code: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${code} happened`), { code, ...extra });
}

test('undici timeouts become TimeoutErrors of the right phase and limit', () => {
  for (const [code, phase, ms] of [
    ['UND_ERR_CONNECT_TIMEOUT', 'connect', 1000],
    ['UND_ERR_HEADERS_TIMEOUT', 'headers', 2000],
    ['UND_ERR_BODY_TIMEOUT', 'body', 3000],
  ] as const) {
    const e = toTransportError(sysError(code), ctx);
    assert.ok(e instanceof TimeoutError);
    assert.equal(e.phase, phase);
    assert.equal(e.timeoutMs, ms);
  }
});

test('system errors become NetworkErrors that name the peer and what to check', () => {
  const cases: Array<[Error, TransportContext, string, RegExp]> = [
    [sysError('ECONNREFUSED'), ctx, 'ECONNREFUSED', /^Connection refused by trtc\.tencentcloudapi\.com:443 — is the endpoint right\?$/],
    [sysError('ECONNREFUSED'), viaProxy, 'ECONNREFUSED', /proxy http:\/\/proxy\.corp:3128 — is the proxy setting right\?/],
    [sysError('ENOTFOUND', { hostname: 'trtc.tencentcloudapi.com' }), ctx, 'ENOTFOUND', /Could not find the host trtc\.tencentcloudapi\.com \(DNS/],
    [sysError('EAI_AGAIN'), ctx, 'EAI_AGAIN', /DNS lookup for trtc\.tencentcloudapi\.com failed for now/],
    [sysError('ECONNRESET'), ctx, 'ECONNRESET', /was reset \(ECONNRESET\)/],
    [sysError('EPIPE'), ctx, 'EPIPE', /was reset \(EPIPE\)/],
    [sysError('ETIMEDOUT'), ctx, 'ETIMEDOUT', /timed out \(ETIMEDOUT\)/],
    [sysError('EHOSTUNREACH'), viaProxy, 'EHOSTUNREACH', /no network route to the proxy http:\/\/proxy\.corp:3128/],
    [sysError('ENETUNREACH'), ctx, 'ENETUNREACH', /no network route/],
    [sysError('HPE_INVALID_CONSTANT'), ctx, 'HPE_INVALID_CONSTANT', /did not answer with valid HTTP/],
    [sysError('EWHATEVER'), ctx, 'EWHATEVER', /failed: EWHATEVER happened/],
  ];
  for (const [err, c, code, pattern] of cases) {
    const e = toTransportError(err, c);
    assert.ok(e instanceof NetworkError, code);
    assert.equal(e.code, code);
    assert.match(e.message, pattern, code);
    assert.equal(e.cause, err);
  }
});

test('wrapped errors are unwrapped: socket errors, happy-eyeballs aggregates, proxy TLS', () => {
  const socket = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET', cause: sysError('ECONNRESET') });
  assert.match(toTransportError(socket, ctx).message, /was reset/);
  const closed = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
  const c = toTransportError(closed, ctx);
  assert.ok(c instanceof NetworkError && c.code === 'ECONNRESET' && /closed the connection before the answer/.test(c.message));
  const aggregate = new AggregateError([sysError('ECONNREFUSED'), sysError('ECONNREFUSED')], 'connect failed');
  assert.equal((toTransportError(aggregate, ctx) as NetworkError).code, 'ECONNREFUSED');
  const proxyTls = Object.assign(new Error('secure proxy connection failed'), { code: 'UND_ERR_PRX_TLS', cause: sysError('ERR_TLS_CERT_ALTNAME_INVALID') });
  assert.ok(toTransportError(proxyTls, ctx) instanceof TlsError);
  const tunnel = Object.assign(new Error('Proxy response (403) !== 200 when HTTP Tunneling'), { code: 'UND_ERR_ABORTED' });
  const t = toTransportError(tunnel, viaProxy);
  assert.ok(t instanceof NetworkError && t.code === 'EPROXY' && /refused to connect to trtc\.tencentcloudapi\.com:443 \(HTTP 403\)/.test(t.message));
});

test('TLS codes become TlsErrors', () => {
  const cases: Array<[string, RegExp]> = [
    ['CERT_HAS_EXPIRED', /has expired/],
    ['CERT_NOT_YET_VALID', /not valid yet/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /self-signed certificate.*NODE_EXTRA_CA_CERTS/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /self-signed root/],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', /unknown certificate authority/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /not valid for the name trtc\.tencentcloudapi\.com/],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', /secure connection to trtc\.tencentcloudapi\.com:443 failed/],
  ];
  for (const [code, pattern] of cases) {
    const e = toTransportError(sysError(code), ctx);
    assert.ok(e instanceof TlsError, code);
    assert.equal(e.code, code);
    assert.match(e.message, pattern, code);
  }
});

test('typed errors pass through untouched', () => {
  const cancelled = new CancelledError();
  assert.equal(toTransportError(cancelled, ctx), cancelled);
  assert.ok(toTransportError('a string', ctx) instanceof NetworkError);
});
