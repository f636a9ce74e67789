import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HttpStatusError, NonJsonError } from '../../../src/core/errors';
import { bodySnippet, decodeResponse, SNIPPET_MAX_CHARS } from '../../../src/core/http/decodeResponse';
import { HttpClient, type HttpResponse } from '../../../src/core/http/httpClient';
import { isJsonObject, stringifyJson, type JsonObject } from '../../../src/core/json';
import { startStandInServer, type StandInServer } from '../../fixtures/standInServer';
import { signTc3 } from '../../fixtures/testSigner';

function response(status: number, bodyText: string, contentType = 'application/json', statusText = ''): HttpResponse {
  return {
    status,
    statusText,
    headers: { 'content-type': contentType },
    bodyText,
    bytes: Buffer.byteLength(bodyText),
    timing: { headersMs: 1, totalMs: 2 },
  };
}

test('a success answer decodes losslessly and serializes back to the same digits', () => {
  const text = '{"Response":{"Total":12345678901234567890,"Ratio":0.1,"Small":-7,"Exp":1.5e300,"RequestId":"r-1"}}';
  const d = decodeResponse(response(200, text));
  assert.equal(d.requestId, 'r-1');
  assert.equal(d.error, undefined);
  assert.equal(stringifyJson({ Response: d.response }), text);
});

test('an API error is returned with its code, message and request id, whatever the status', () => {
  const body = '{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"bad signature"},"RequestId":"r-2"}}';
  for (const status of [200, 400, 500]) {
    const d = decodeResponse(response(status, body));
    assert.deepEqual(d.error, { code: 'AuthFailure.SignatureFailure', message: 'bad signature' });
    assert.equal(d.requestId, 'r-2');
    assert.ok(isJsonObject(d.response.Error));
  }
});

test('HTTP errors without an API error body', () => {
  const html = '<!DOCTYPE html><html><head><title>\n  502 Bad\tGateway </title></head><body><h1>x</h1></body></html>';
  assert.throws(
    () => decodeResponse(response(502, html, 'text/html', 'Bad Gateway')),
    (e: unknown) =>
      e instanceof HttpStatusError &&
      e.status === 502 &&
      e.message === 'The server answered HTTP 502 Bad Gateway: an HTML page titled "502 Bad Gateway"',
  );
  assert.throws(() => decodeResponse(response(503, '')), (e: unknown) => e instanceof HttpStatusError && e.bodySnippet === '');
  assert.throws(
    () => decodeResponse(response(500, '{"Response":{"RequestId":"r-3"}}')),
    (e: unknown) => e instanceof HttpStatusError && /RequestId/.test(e.bodySnippet),
  );
});

test('bodies that are not the API JSON say what came back', () => {
  assert.throws(
    () => decodeResponse(response(200, '<html><head><title>Portal &amp; Login</title></head></html>', 'text/html; charset=utf-8')),
    (e: unknown) => e instanceof NonJsonError && /text\/html; charset=utf-8 \(HTTP 200\)/.test(e.message) && /titled "Portal & Login"/.test(e.message),
  );
  assert.throws(() => decodeResponse(response(200, '')), (e: unknown) => e instanceof NonJsonError && /an empty body/.test(e.message));
  assert.throws(
    () => decodeResponse(response(200, '{"data":1}')),
    (e: unknown) => e instanceof NonJsonError && /without the "Response" object/.test(e.message) && /\{"data":1\}/.test(e.message),
  );
  assert.throws(() => decodeResponse(response(200, '{"Response":"nope"}')), NonJsonError);
  assert.throws(() => decodeResponse(response(200, '[1,2]')), NonJsonError);
  assert.throws(() => decodeResponse(response(200, 'plain words', '')), (e: unknown) => e instanceof NonJsonError && /no content type/.test(e.message));
});

test('snippets are single-line and capped', () => {
  const long = `line one\nline\ttwo\r\n${'z'.repeat(1000)}\u0000\u001b[31m`;
  const s = bodySnippet(long, 'text/plain');
  assert.ok(!/[\n\r\t\u0000\u001b]/.test(s));
  assert.ok(s.length <= SNIPPET_MAX_CHARS);
  assert.match(s, /^line one line two z+…$/);
  assert.equal(bodySnippet('<html><body><p>no title</p></body></html>', 'text/html'), 'no title');
  assert.equal(bodySnippet('<html><head><title></title></head><body><h1>Oops</h1></body></html>'), 'an HTML page titled "Oops"');
  assert.equal(bodySnippet('   '), '');
});

let server: StandInServer;
let client: HttpClient;
before(async () => {
  server = await startStandInServer({ credentials: { AKIDdecode: 'decode-key' } });
  client = new HttpClient();
});
after(async () => {
  await client.close();
  await server.close();
});

test('end to end: a big integer from the stand-in survives decode and comes back as the same text', async () => {
  const r = signTc3({
    secretId: 'AKIDdecode',
    secretKey: 'decode-key',
    action: 'DescribeRoomInfo',
    timestamp: Math.floor(Date.now() / 1000),
    host: new URL(server.url).host,
    params: { SdkAppId: 1400000001, StartTime: 1, EndTime: 2, RoomId: '88' },
  });
  const res = await client.send({ origin: server.url, ...r });
  const d = decodeResponse(res);
  const rooms = d.response.RoomList as JsonObject[];
  assert.equal(rooms.length, 1);
  assert.equal(stringifyJson(rooms[0].DestroyTime), '12345678901234567890');
  assert.match(stringifyJson(d.response, 2), /"DestroyTime": 12345678901234567890,/);
  assert.equal(stringifyJson({ Response: d.response }), res.bodyText);
});

test('any Response.Error is an API error, whatever its shape, so a broken answer never passes as a success', () => {
  const cases: Array<[string, { code: string; message: RegExp }]> = [
    ['"Error":"quota exceeded"', { code: 'UnknownError', message: /^quota exceeded$/ }],
    ['"Error":42', { code: 'UnknownError', message: /Response\.Error is 42 instead of an object with Code and Message/ }],
    ['"Error":null', { code: 'UnknownError', message: /Response\.Error is null/ }],
    ['"Error":["a"]', { code: 'UnknownError', message: /Response\.Error is \["a"\]/ }],
    ['"Error":{"Message":"no code"}', { code: 'UnknownError', message: /^no code$/ }],
    ['"Error":{"Code":"","Message":"empty code"}', { code: 'UnknownError', message: /^empty code$/ }],
  ];
  for (const [member, expected] of cases) {
    const d = decodeResponse(response(200, `{"Response":{${member},"RequestId":"r-9"}}`));
    assert.ok(d.error, member);
    assert.equal(d.error.code, expected.code, member);
    assert.match(d.error.message, expected.message, member);
    assert.equal(d.requestId, 'r-9');
  }
  const control = decodeResponse(response(200, '{"Response":{"Error":"bad\\u001b[31m red","RequestId":"r"}}'));
  assert.ok(!control.error?.message.includes('\u001b'), 'control characters of a foreign answer are dropped');
});
