import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { signCallback, simulateCallback } from '../../../src/core/callbacks';
import { CancelledError, InputError } from '../../../src/core/errors';

const KEY = 'abcDEF123';

interface Seen {
  headers: IncomingMessage['headers'];
  body: Buffer;
}

const servers: Server[] = [];
after(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

async function serve(handler: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ headers: req.headers, body });
      handler(req, body, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/trtc/callback`, seen };
}

test('a handler that checks the signature and answers {"code":0} passes', async () => {
  const { url, seen } = await serve((req, body, res) => {
    const ok = req.headers.sign === signCallback(body, KEY);
    res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
    res.end(ok ? '{"code":0}' : '{"code":1}');
  });
  const r = await simulateCallback({ url, eventType: 103, key: KEY, sdkAppId: 1400000001, sample: { roomId: 1234 } });
  assert.equal(r.verdict, 'pass', r.reasons.join(' '));
  assert.deepEqual(r.reasons, []);
  assert.deepEqual(r.notes, []);
  assert.equal(r.status, 200);
  assert.equal(r.responseSnippet, '{"code":0}');
  assert.equal(typeof r.latencyMs, 'number');
  assert.equal(seen.length, 1);
  assert.equal(seen[0].headers['content-type'], 'application/json');
  assert.equal(seen[0].headers.sdkappid, '1400000001');
  assert.equal(seen[0].body.toString('utf8'), r.request.body);
  assert.match(r.request.body, /^\{\n\t"EventGroupId":\t1,\n\t"EventType":\t103,/);
  assert.match(r.request.body, /"RoomId":\t1234,/);
});

test('HTTP 200 without {"code":0} passes with a note', async () => {
  const { url } = await serve((_req, _body, res) => {
    res.writeHead(200);
    res.end();
  });
  const r = await simulateCallback({ url, eventType: 204, key: KEY, sdkAppId: 1 });
  assert.equal(r.verdict, 'pass');
  assert.equal(r.notes.length, 1);
  assert.match(r.notes[0], /empty.*\{"code":0\} is the recommended reply/);
});

test('a status other than 200 fails, and a large answer gets a note', async () => {
  const { url } = await serve((_req, _body, res) => {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('x'.repeat(3000));
  });
  const r = await simulateCallback({ url, eventType: 301, key: KEY, sdkAppId: 1 });
  assert.equal(r.verdict, 'fail');
  assert.equal(r.status, 500);
  assert.match(r.reasons[0], /answered HTTP 500/);
  assert.ok(r.notes.some((n) => /under 2000 bytes/.test(n)));
  assert.equal(r.responseBytes, 3000);
  assert.ok((r.responseSnippet ?? '').endsWith('…'));
});

test('a redirect fails with its own explanation', async () => {
  const { url } = await serve((_req, _body, res) => {
    res.writeHead(302, { Location: '/elsewhere' });
    res.end();
  });
  const r = await simulateCallback({ url, eventType: 101, key: KEY, sdkAppId: 1 });
  assert.equal(r.verdict, 'fail');
  assert.match(r.reasons[0], /redirect \(HTTP 302\).*does not follow redirects/);
});

test('a handler slower than the limit fails as a timeout', async () => {
  const { url } = await serve((_req, _body, res) => {
    setTimeout(() => {
      res.writeHead(200);
      res.end('{"code":0}');
    }, 400).unref();
  });
  const r = await simulateCallback({ url, eventType: 202, key: KEY, sdkAppId: 1, timeoutMs: 50 });
  assert.equal(r.verdict, 'fail');
  assert.equal(r.error?.kind, 'timeout');
  assert.equal(r.status, undefined);
  assert.match(r.reasons[0], /No complete answer within 50 ms.*retries|sends it again/);
});

test('a refused connection fails and says nothing is listening', async () => {
  const { url } = await serve(() => undefined);
  const server = servers.pop() as Server;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const r = await simulateCallback({ url, eventType: 701, key: KEY, sdkAppId: 1 });
  assert.equal(r.verdict, 'fail');
  assert.equal(r.error?.code, 'ECONNREFUSED');
  assert.match(r.reasons[0], /Nothing is listening at 127\.0\.0\.1:\d+/);
});

test('only http and https URLs are accepted, and cancelling throws', async () => {
  await assert.rejects(
    simulateCallback({ url: 'ftp://127.0.0.1/x', eventType: 101, key: KEY, sdkAppId: 1 }),
    (e: unknown) => e instanceof InputError && /HTTP or HTTPS/.test(e.message),
  );
  await assert.rejects(
    simulateCallback({ url: 'not a url', eventType: 101, key: KEY, sdkAppId: 1 }),
    (e: unknown) => e instanceof InputError && e.path === 'url',
  );
  await assert.rejects(
    simulateCallback({ url: 'http://127.0.0.1:1/', eventType: 101, key: '', sdkAppId: 1 }),
    (e: unknown) => e instanceof InputError && e.path === 'key',
  );
  const { url } = await serve(() => undefined);
  const controller = new AbortController();
  const pending = simulateCallback({ url, eventType: 101, key: KEY, sdkAppId: 1, signal: controller.signal, timeoutMs: 10000 });
  setTimeout(() => controller.abort(), 20);
  await assert.rejects(pending, CancelledError);
});
