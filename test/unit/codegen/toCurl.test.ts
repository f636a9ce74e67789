import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, test } from 'node:test';
import { parse } from 'shell-quote';
import { toCurl } from '../../../src/core/codegen';
import { isJsonObject, parseJson, type JsonObject } from '../../../src/core/json';
import { signRequest } from '../../../src/core/signing';
import type { HttpMethod, SignedRequest, SignMethod } from '../../../src/core/signing/types';
import { startStandInServer, type StandInServer } from '../../fixtures/standInServer';

const SECRET_ID = 'AKIDEXAMPLETEST0000000000000000000000';
const SECRET_KEY = 'codegen-secret-key-0000000000000000';
const TOKEN = 'tok_en-123.ABC~xyz';
const T = 1700000000;
const PARAMS = parseJson(
  '{"SdkAppId":1400000001,"RoomId":"it\'s 1 & \\"q\\" $HOME `x`","Total":12345678901234567890,"StorageParams":{"CloudStorage":{"Vendor":0,"SecretKey":"s3cr3t-KEY_1","AccessKey":"AK1"}},"Tags":["中文","a b"]}',
) as JsonObject;
const ENV = { TRTC_CLOUDSTORAGE_SECRETKEY: 's3cr3t-KEY_1', TRTC_CLOUDSTORAGE_ACCESSKEY: 'AK1', TENCENTCLOUD_SESSION_TOKEN: TOKEN };

function sign(signMethod: SignMethod, httpMethod: HttpMethod, host: string, token?: string): SignedRequest {
  return signRequest({
    credentials: token ? { secretId: SECRET_ID, secretKey: SECRET_KEY, token } : { secretId: SECRET_ID, secretKey: SECRET_KEY },
    service: 'trtc',
    version: '2019-07-22',
    action: 'CreateCloudRecording',
    host,
    region: 'ap-guangzhou',
    params: PARAMS,
    signMethod,
    httpMethod,
    timestamp: T,
    nonce: 4242,
  });
}

/** Reads a curl command back the way a POSIX shell would: comments dropped, continuations joined. */
function parseCurl(text: string, env: Record<string, string>): { method: string; url: string; headers: Record<string, string>; data?: string } {
  const command = text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const words = parse(command, env);
  assert.ok(words.every((w) => typeof w === 'string'), 'only plain words, no shell operators');
  const args = words as string[];
  assert.deepEqual(args.slice(0, 3), ['curl', '-sS', '-X']);
  const out: { method: string; url: string; headers: Record<string, string>; data?: string } = { method: args[3], url: args[4], headers: {} };
  for (let i = 5; i < args.length; i += 2) {
    if (args[i] === '-H') {
      const h = args[i + 1];
      const colon = h.indexOf(': ');
      out.headers[h.slice(0, colon)] = h.slice(colon + 2);
    } else if (args[i] === '--data-raw') {
      out.data = args[i + 1];
    } else {
      assert.fail(`unexpected argument ${args[i]}`);
    }
  }
  return out;
}

const CASES: Array<[SignMethod, HttpMethod]> = [
  ['TC3-HMAC-SHA256', 'POST'],
  ['TC3-HMAC-SHA256', 'GET'],
  ['HmacSHA256', 'POST'],
  ['HmacSHA1', 'GET'],
];

test('the curl command parses back to exactly the signed request, for every method', () => {
  for (const token of [undefined, TOKEN]) {
    for (const [m, h] of CASES) {
      const signed = sign(m, h, 'trtc.tencentcloudapi.com', token);
      const { text } = toCurl(signed, 'https://trtc.tencentcloudapi.com');
      const got = parseCurl(text, ENV);
      assert.equal(got.method, signed.method);
      assert.equal(got.url, 'https://trtc.tencentcloudapi.com' + signed.pathAndQuery, `${m} ${h}`);
      assert.deepEqual(got.headers, signed.headers, `${m} ${h}`);
      assert.equal(got.data ?? '', signed.body, `${m} ${h}`);
    }
  }
});

test('secrets never appear in the command; the expiry comment is the signing time plus 5 minutes', () => {
  for (const [m, h] of CASES) {
    const signed = sign(m, h, 'trtc.tencentcloudapi.com', TOKEN);
    const { text } = toCurl(signed, 'https://trtc.tencentcloudapi.com');
    assert.ok(!text.includes(SECRET_KEY));
    assert.ok(!text.includes(TOKEN), `${m} ${h}: token`);
    assert.ok(!text.includes('s3cr3t-KEY_1'), `${m} ${h}: sensitive param`);
    assert.ok(!text.includes('AK1"') && !text.includes('=AK1'), `${m} ${h}: access key`);
    assert.match(text, /^# CreateCloudRecording, signed with .* at 2023-11-14T22:13:20Z\.\n# The signature expires at 2023-11-14T22:18:20Z;/);
    assert.match(text, /TENCENTCLOUD_SESSION_TOKEN: the session token/);
    assert.match(text, /TRTC_CLOUDSTORAGE_SECRETKEY: the value of StorageParams\.CloudStorage\.SecretKey/);
  }
  const signed = sign('TC3-HMAC-SHA256', 'POST', 'trtc.tencentcloudapi.com', TOKEN);
  assert.match(toCurl(signed, 'https://trtc.tencentcloudapi.com').text, /-H "X-TC-Token: \$TENCENTCLOUD_SESSION_TOKEN"/);
  const later = toCurl(signed, 'https://trtc.tencentcloudapi.com', { expiresAt: new Date(Date.UTC(2030, 0, 1)) }).text;
  assert.match(later, /expires at 2030-01-01T00:00:00Z/);
});

test('a legacy GET without secrets is a plain full URL', () => {
  const signed = signRequest({
    credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    service: 'trtc',
    version: '2019-07-22',
    action: 'DismissRoom',
    host: 'trtc.tencentcloudapi.com',
    params: { SdkAppId: 1400000001, RoomId: 1001 },
    signMethod: 'HmacSHA1',
    httpMethod: 'GET',
    timestamp: T,
    nonce: 1,
  });
  const { text, notes } = toCurl(signed, 'https://trtc.tencentcloudapi.com/');
  assert.deepEqual(notes, []);
  const line = text.split('\n').find((l) => l.startsWith('curl'));
  assert.equal(line, `curl -sS -X GET 'https://trtc.tencentcloudapi.com${signed.pathAndQuery}' \\`);
});

test('a token that needs percent-encoding in a legacy request gets a note', () => {
  const signed = sign('HmacSHA256', 'POST', 'trtc.tencentcloudapi.com', 'a+b/c=');
  const { notes, text } = toCurl(signed, 'https://trtc.tencentcloudapi.com');
  assert.ok(notes.some((n) => /TENCENTCLOUD_SESSION_TOKEN must hold the value percent-encoded/.test(n)));
  assert.equal(parseCurl(text, { ...ENV, TENCENTCLOUD_SESSION_TOKEN: 'a%2Bb%2Fc%3D' }).data, signed.body);
});

let server: StandInServer | undefined;
after(async () => {
  await server?.close();
});

function run(text: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', text], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, timeout: 20000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('the commands run with the real curl against the signature-checking stand-in', async () => {
  const seen: JsonObject[] = [];
  server = await startStandInServer({
    credentials: { [SECRET_ID]: { secretKey: SECRET_KEY, token: TOKEN } },
    now: () => T * 1000 + 2000,
    handler: (_action, params) => {
      seen.push(params);
      return { TaskId: 'task-1' };
    },
  });
  const host = new URL(server.url).host;
  for (const [m, h] of CASES) {
    const signed = sign(m, h, host, TOKEN);
    const { text } = toCurl(signed, server.url);
    const r = await run(text, ENV);
    assert.equal(r.code, 0, r.stderr);
    const answer = parseJson(r.stdout);
    assert.ok(isJsonObject(answer) && isJsonObject(answer.Response), r.stdout);
    assert.equal(answer.Response.Error, undefined, `${m} ${h}: ${r.stdout}`);
    assert.equal(answer.Response.TaskId, 'task-1');
  }
  assert.equal(seen.length, CASES.length);
  assert.equal(server.requests.length, CASES.length);
  assert.ok(server.requests.every((r) => r.verified));
});
