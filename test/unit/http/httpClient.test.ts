import assert from 'node:assert/strict';
import net, { type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  CancelledError,
  HttpStatusError,
  InputError,
  NetworkError,
  NonJsonError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
} from '../../../src/core/errors';
import { decodeResponse } from '../../../src/core/http/decodeResponse';
import { HttpClient, type HttpRequest } from '../../../src/core/http/httpClient';
import { startStandInServer, type StandInServer } from '../../fixtures/standInServer';
import { signTc3 } from '../../fixtures/testSigner';
import { startTestProxy, type TestProxy } from '../../fixtures/testProxy';

const ID = 'AKIDEXAMPLEest00000000000000000000';
const KEY = 'client-test-key-00000000000000000';

/** A listener that accepts TCP connections and never says a word, so a TLS handshake never ends. */
async function startSilentServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('HttpClient against the stand-in server', () => {
  let server: StandInServer;
  let client: HttpClient;

  before(async () => {
    server = await startStandInServer({ credentials: { [ID]: KEY } });
    client = new HttpClient();
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  const signed = (params = { SdkAppId: 1400000001, StartTime: 1, EndTime: 2 }, action = 'DescribeRoomInfo'): HttpRequest => ({
    origin: server.url,
    ...signTc3({ secretId: ID, secretKey: KEY, action, timestamp: Math.floor(Date.now() / 1000), host: new URL(server.url).host, params }),
  });

  test('many calls share one keep-alive connection, and close() ends it', async () => {
    const local = new HttpClient();
    const before = server.connectionCount;
    const first = server.requests.length;
    for (let i = 0; i < 25; i++) {
      const res = await local.send(signed());
      assert.equal(res.status, 200);
      assert.equal(decodeResponse(res).error, undefined);
    }
    assert.equal(server.connectionCount - before, 1);
    const ids = new Set(server.requests.slice(first).map((r) => r.connectionId));
    assert.equal(ids.size, 1);
    await local.close();
    // Still usable after close(): the next call opens a fresh connection.
    assert.equal((await local.send(signed())).status, 200);
    assert.equal(server.connectionCount - before, 2);
    await local.close();
  });

  test('a response carries status, lower-case headers, UTF-8 text, size, timing and the server date', async () => {
    server.setHandler(() => ({ Greeting: '你好, TRTC' }));
    try {
      const res = await client.send(signed());
      assert.equal(res.status, 200);
      assert.equal(res.statusText, 'OK');
      assert.equal(res.headers['content-type'], 'application/json');
      assert.ok(Object.keys(res.headers).every((k) => k === k.toLowerCase()));
      assert.match(res.bodyText, /"Greeting":"你好, TRTC"/);
      assert.equal(res.bytes, Buffer.byteLength(res.bodyText, 'utf8'));
      assert.equal(res.bytes, Number(res.headers['content-length']));
      assert.ok(res.timing.headersMs >= 0 && res.timing.totalMs >= res.timing.headersMs);
      assert.equal(res.serverDateMs, Date.parse(res.headers.date ?? ''));
    } finally {
      server.setHandler(undefined);
    }
  });

  test('HTTP 5xx with an HTML page', async () => {
    server.setFault({ kind: 'status', status: 502, times: 1 });
    const res = await client.send(signed());
    assert.equal(res.status, 502);
    assert.throws(
      () => decodeResponse(res),
      (e: unknown) => e instanceof HttpStatusError && e.status === 502 && /HTML page titled "502 Bad Gateway"/.test(e.message),
    );
  });

  test('HTTP 200 with a body that is not JSON', async () => {
    server.setFault({ kind: 'nonJson', times: 1 });
    const res = await client.send(signed());
    assert.throws(
      () => decodeResponse(res),
      (e: unknown) => e instanceof NonJsonError && /text\/html/.test(e.message) && /Welcome to the gateway/.test(e.message),
    );
  });

  test('a connection reset and a connection closed mid-request are network errors', async () => {
    server.setFault({ kind: 'reset', times: 1 });
    await assert.rejects(client.send(signed()), (e: unknown) => e instanceof NetworkError && e.code === 'ECONNRESET' && /reset/.test(e.message));
    server.setFault({ kind: 'close', times: 1 });
    await assert.rejects(
      client.send(signed()),
      (e: unknown) => e instanceof NetworkError && e.code === 'ECONNRESET' && /closed the connection before the answer/.test(e.message),
    );
    assert.equal((await client.send(signed())).status, 200);
  });

  test('redirects are refused, not followed', async () => {
    const before = server.requests.length;
    server.setFault({ kind: 'redirect', status: 307, location: 'https://elsewhere.example.invalid/', times: 1 });
    await assert.rejects(
      client.send(signed()),
      (e: unknown) => e instanceof RedirectError && e.status === 307 && e.location === 'https://elsewhere.example.invalid/',
    );
    assert.equal(server.requests.length - before, 1);
  });

  test('bodies over the cap are refused while streaming, with or without Content-Length', async () => {
    const small = new HttpClient({ maxResponseBytes: 1024 * 1024 });
    try {
      server.setFault({ kind: 'oversized', bytes: 5 * 1024 * 1024, declareLength: true, times: 1 });
      await assert.rejects(small.send(signed()), (e: unknown) => e instanceof ResponseTooLargeError && e.limitBytes === 1024 * 1024 && /1 MB/.test(e.message));
      server.setFault({ kind: 'oversized', bytes: 64 * 1024 * 1024, declareLength: false, times: 1 });
      await assert.rejects(small.send(signed()), (e: unknown) => e instanceof ResponseTooLargeError);
      // The client gave up long before the server could hand over 64 MB.
      assert.equal(server.requests[server.requests.length - 1].finished, false);
      // The per-call cap overrides the client's.
      server.setFault({ kind: 'oversized', bytes: 600 * 1024, declareLength: false, times: 1 });
      const res = await small.send({ ...signed(), maxResponseBytes: 2 * 1024 * 1024 });
      assert.equal(res.bytes, 600 * 1024);
      server.setFault({ kind: 'oversized', bytes: 600 * 1024, declareLength: false, times: 1 });
      await assert.rejects(small.send({ ...signed(), maxResponseBytes: 512 * 1024 }), ResponseTooLargeError);
      assert.equal((await small.send(signed())).status, 200);
    } finally {
      await small.close();
    }
  });

  test('the default cap is 32 MB', async () => {
    server.setFault({ kind: 'oversized', bytes: 32 * 1024 * 1024 + 1, declareLength: true, times: 1 });
    await assert.rejects(client.send(signed()), (e: unknown) => e instanceof ResponseTooLargeError && e.limitBytes === 32 * 1024 * 1024);
  });

  test('each phase has its own timeout', async () => {
    server.setFault({ kind: 'delayHeaders', ms: 2000, times: 1 });
    await assert.rejects(
      client.send({ ...signed(), timeouts: { headersMs: 100 } }),
      (e: unknown) => e instanceof TimeoutError && e.phase === 'headers' && e.timeoutMs === 100 && /response headers/.test(e.message),
    );
    server.setFault({ kind: 'delayBody', ms: 2000, times: 1 });
    await assert.rejects(
      client.send({ ...signed(), timeouts: { bodyMs: 100 } }),
      (e: unknown) => e instanceof TimeoutError && e.phase === 'body' && e.timeoutMs === 100,
    );
    server.setFault({ kind: 'trickle', chunkBytes: 8, intervalMs: 40, times: 1 });
    await assert.rejects(
      client.send({ ...signed(), timeouts: { totalMs: 100 } }),
      (e: unknown) => e instanceof TimeoutError && e.phase === 'total' && e.timeoutMs === 100,
    );
    const silent = await startSilentServer();
    try {
      await assert.rejects(
        client.send({ ...signed(), origin: silent.origin, timeouts: { connectMs: 150 } }),
        (e: unknown) => e instanceof TimeoutError && e.phase === 'connect' && e.timeoutMs === 150,
      );
    } finally {
      await silent.close();
    }
  });

  test('a slow trickle within the limits arrives whole; so does a short mid-body pause', async () => {
    server.setFault({ kind: 'trickle', chunkBytes: 16, intervalMs: 5, times: 1 });
    const res = await client.send({ ...signed(), timeouts: { bodyMs: 5000 } });
    assert.equal(decodeResponse(res).response.Total, 1);
    server.setFault({ kind: 'delayBody', ms: 50, times: 1 });
    const paused = await client.send({ ...signed(), timeouts: { bodyMs: 5000 } });
    assert.equal(decodeResponse(paused).response.Total, 1);
  });

  test('cancellation: before sending, while waiting, mid-body and while connecting', async () => {
    const before = server.requests.length;
    const pre = new AbortController();
    pre.abort();
    await assert.rejects(client.send({ ...signed(), signal: pre.signal }), CancelledError);
    assert.equal(server.requests.length, before, 'nothing was sent');

    server.setFault({ kind: 'delayHeaders', ms: 5000, times: 1 });
    const waiting = new AbortController();
    const p1 = client.send({ ...signed(), signal: waiting.signal });
    setTimeout(() => waiting.abort(), 50);
    await assert.rejects(p1, (e: unknown) => e instanceof CancelledError && e.exitCode === 130);

    server.setFault({ kind: 'delayBody', ms: 5000, times: 1 });
    const midBody = new AbortController();
    const p2 = client.send({ ...signed(), signal: midBody.signal });
    setTimeout(() => midBody.abort(), 50);
    await assert.rejects(p2, CancelledError);

    // Connecting never finishes here, and the connect limit is far away: only the abort can end it.
    const silent = await startSilentServer();
    try {
      const connecting = new AbortController();
      const p3 = client.send({ ...signed(), origin: silent.origin, signal: connecting.signal, timeouts: { connectMs: 60_000 } });
      setTimeout(() => connecting.abort(), 50);
      await assert.rejects(p3, CancelledError);
    } finally {
      await silent.close();
    }

    // A caller that aborts with a typed error (its own overall deadline) gets that error back.
    server.setFault({ kind: 'delayHeaders', ms: 5000, times: 1 });
    const deadline = new AbortController();
    const p4 = client.send({ ...signed(), signal: deadline.signal });
    setTimeout(() => deadline.abort(new TimeoutError('total', 50)), 50);
    await assert.rejects(p4, (e: unknown) => e instanceof TimeoutError && e.phase === 'total');

    server.setFault(undefined);
    assert.equal((await client.send(signed())).status, 200);
  });

  test('connection refused names the address and suggests checking the endpoint', async () => {
    const port = await closedPort();
    await assert.rejects(
      client.send({ ...signed(), origin: `http://127.0.0.1:${port}` }),
      (e: unknown) =>
        e instanceof NetworkError && e.code === 'ECONNREFUSED' && e.message === `Connection refused by 127.0.0.1:${port} — is the endpoint right?`,
    );
  });

  test('bad origins and options are input errors', async () => {
    await assert.rejects(client.send({ ...signed(), origin: 'not a url' }), InputError);
    await assert.rejects(client.send({ ...signed(), origin: `${server.url}/path` }), InputError);
    await assert.rejects(
      client.send({ ...signed(), origin: 'https://user:hunter2@trtc.example.com' }),
      (e: unknown) => e instanceof InputError && !e.message.includes('hunter2'),
    );
    assert.throws(() => new HttpClient({ timeouts: { headersMs: -1 } }), InputError);
    assert.throws(() => new HttpClient({ maxResponseBytes: 0 }), InputError);
  });
});

describe('HttpClient through a proxy', () => {
  let server: StandInServer;
  let proxy: TestProxy;

  before(async () => {
    server = await startStandInServer({ credentials: { [ID]: KEY } });
    proxy = await startTestProxy();
  });
  after(async () => {
    await server.close();
    await proxy.close();
  });

  const signed = (): HttpRequest => ({
    origin: server.url,
    ...signTc3({
      secretId: ID,
      secretKey: KEY,
      action: 'DescribeRoomInfo',
      timestamp: Math.floor(Date.now() / 1000),
      host: new URL(server.url).host,
      params: { SdkAppId: 1400000001, StartTime: 1, EndTime: 2 },
    }),
  });
  const target = (): string => new URL(server.url).host;

  const viaProxy = async (options: ConstructorParameters<typeof HttpClient>[0]): Promise<boolean> => {
    const client = new HttpClient(options);
    const before = proxy.connects.length;
    try {
      const res = await client.send(signed());
      assert.equal(decodeResponse(res).error, undefined, 'the signature survives the proxy');
    } finally {
      await client.close();
    }
    return proxy.connects.length > before;
  };

  test('an explicit proxy carries the requests (tunnelled with CONNECT), reusing the tunnel', async () => {
    const client = new HttpClient({ proxy: proxy.url, proxyLoopback: true, env: {} });
    const before = proxy.connects.length;
    const connectionsBefore = server.connectionCount;
    try {
      assert.deepEqual(client.describeRoute(server.url), { target: target(), proxy: proxy.url });
      for (let i = 0; i < 5; i++) {
        assert.equal(decodeResponse(await client.send(signed())).error, undefined);
      }
    } finally {
      await client.close();
    }
    assert.deepEqual(proxy.connects.slice(before), [target()]);
    assert.equal(server.connectionCount - connectionsBefore, 1);
  });

  test('the environment is honoured, NO_PROXY bypasses, the setting overrides, loopback is direct by default', async () => {
    const port = new URL(server.url).port;
    assert.equal(await viaProxy({ env: { HTTP_PROXY: proxy.url }, proxyLoopback: true }), true);
    assert.equal(await viaProxy({ env: { http_proxy: proxy.url }, proxyLoopback: true }), true);
    assert.equal(await viaProxy({ env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }, proxyLoopback: true }), false);
    assert.equal(await viaProxy({ env: { HTTP_PROXY: proxy.url, NO_PROXY: `127.0.0.1:${port}` }, proxyLoopback: true }), false);
    assert.equal(await viaProxy({ env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1:1' }, proxyLoopback: true }), true);
    assert.equal(await viaProxy({ env: { HTTP_PROXY: proxy.url, NO_PROXY: '*' }, proxyLoopback: true }), false);
    assert.equal(await viaProxy({ env: { HTTP_PROXY: proxy.url } }), false);
    assert.equal(await viaProxy({ proxy: proxy.url }), false);
    const deadProxy = `http://127.0.0.1:${await closedPort()}`;
    assert.equal(await viaProxy({ env: { HTTP_PROXY: deadProxy }, proxy: proxy.url, proxyLoopback: true }), true);
    assert.equal(await viaProxy({ env: { HTTP_PROXY: proxy.url }, proxy: false, proxyLoopback: true }), false);
  });

  test('proxy failures: refused, and authentication required or rejected', async () => {
    const deadPort = await closedPort();
    const dead = new HttpClient({ proxy: `http://127.0.0.1:${deadPort}`, proxyLoopback: true });
    await assert.rejects(
      dead.send(signed()),
      (e: unknown) => e instanceof NetworkError && e.code === 'ECONNREFUSED' && /proxy http:\/\/127\.0\.0\.1:\d+ — is the proxy setting right\?/.test(e.message),
    );
    await dead.close();

    const guarded = await startTestProxy({ requireAuth: 'alice:s3cret' });
    try {
      const good = new HttpClient({ proxy: `http://alice:s3cret@127.0.0.1:${guarded.port}`, proxyLoopback: true });
      assert.equal(decodeResponse(await good.send(signed())).error, undefined);
      assert.deepEqual(guarded.authorizations, [`Basic ${Buffer.from('alice:s3cret').toString('base64')}`]);
      await good.close();
      const bad = new HttpClient({ proxy: `http://alice:wrong@127.0.0.1:${guarded.port}`, proxyLoopback: true });
      await assert.rejects(
        bad.send(signed()),
        (e: unknown) => e instanceof NetworkError && e.code === 'EPROXY' && /407/.test(e.message) && !e.message.includes('wrong'),
      );
      await bad.close();
    } finally {
      await guarded.close();
    }
  });
});
