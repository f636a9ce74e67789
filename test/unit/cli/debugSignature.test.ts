import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { signRequest } from '../../../src/core/signing';
import { cli, TEST_ID, TEST_KEY } from './cliHarness';

/** A raw HTTP request as our signer makes it, optionally with a header replaced afterwards. */
function rawRequest(timestamp: number, authorization?: string): string {
  const signed = signRequest({
    credentials: { secretId: TEST_ID, secretKey: TEST_KEY },
    service: 'trtc',
    version: '2019-07-22',
    action: 'DismissRoom',
    host: 'trtc.tencentcloudapi.com',
    region: 'ap-guangzhou',
    params: { SdkAppId: 1400000001, RoomId: 1001 },
    signMethod: 'TC3-HMAC-SHA256',
    httpMethod: 'POST',
    timestamp,
  });
  const headers = { ...signed.headers, ...(authorization ? { Authorization: authorization } : {}) };
  return `POST / HTTP/1.1\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${signed.body}`;
}

test('debug-signature: a correct request exits 0; a local-date scope is named as the cause', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbg-'));
  // 2019-02-26 00:44:25 in UTC+8 is still 2019-02-25 in UTC: the classic local-date mistake.
  const ts = 1551113065;
  fs.writeFileSync(path.join(dir, 'good.http'), rawRequest(ts));
  const good = await cli(['debug-signature', 'good.http', '--now', String(ts)], { cwd: dir });
  assert.equal(good.code, 0, good.stdout + good.stderr);
  assert.ok(!good.stdout.includes(TEST_KEY));

  // Sign the same request with the local (UTC+8) date in the scope, as a buggy client would.
  const { createHmac, createHash } = await import('node:crypto');
  const correct = rawRequest(ts);
  const body = correct.split('\n\n')[1];
  const canonical = `POST\n/\n\ncontent-type:application/json\nhost:trtc.tencentcloudapi.com\n\ncontent-type;host\n${createHash('sha256').update(body).digest('hex')}`;
  const date = '2019-02-26';
  const scope = `${date}/trtc/tc3_request`;
  const sts = `TC3-HMAC-SHA256\n${ts}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
  const k1 = createHmac('sha256', `TC3${TEST_KEY}`).update(date).digest();
  const k2 = createHmac('sha256', k1).update('trtc').digest();
  const k3 = createHmac('sha256', k2).update('tc3_request').digest();
  const sig = createHmac('sha256', k3).update(sts).digest('hex');
  fs.writeFileSync(path.join(dir, 'bad.http'), rawRequest(ts, `TC3-HMAC-SHA256 Credential=${TEST_ID}/${scope}, SignedHeaders=content-type;host, Signature=${sig}`));
  const bad = await cli(['debug-signature', 'bad.http', '--now', String(ts)], { cwd: dir });
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /UTC/);
  const json = await cli(['debug-signature', 'bad.http', '--now', String(ts), '--json'], { cwd: dir });
  const diagnosis = JSON.parse(json.stdout);
  assert.equal(diagnosis.causes[0].id, 'scope-date-local-time');
  assert.equal(diagnosis.causes[0].confidence, 'certain');
  assert.ok(!json.stdout.includes(TEST_KEY));
});

test('debug-signature: no key, no file, unparsable input', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbg-'));
  fs.writeFileSync(path.join(dir, 'r.http'), 'POST / HTTP/1.1\nthis is not a header\n');
  assert.equal((await cli(['debug-signature', 'r.http'], { cwd: dir, env: {} })).code, 2);
  assert.equal((await cli(['debug-signature', 'missing.http'], { cwd: dir })).code, 2);
  const bad = await cli(['debug-signature', 'r.http'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /not a header/);
});

test('debug-signature: the explorer\'s own curl export, with the token and a sensitive value from the environment', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbg-'));
  const ts = 1700000000;
  const env = { TENCENTCLOUD_SECRET_ID: TEST_ID, TENCENTCLOUD_SECRET_KEY: TEST_KEY, TENCENTCLOUD_SESSION_TOKEN: 'cli-session-token-0123', TRTC_USERSIG: 'eJwCliUserSig' };
  const exported = await cli(['export', 'CreateCloudRecording', '--format', 'curl', '--no-validate', '--params', '{"SdkAppId":1400000001,"RoomId":"1","UserId":"bot","UserSig":"eJwCliUserSig"}'], {
    env,
    now: () => ts * 1000,
  });
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /"\$TRTC_USERSIG"/);
  assert.match(exported.stdout, /"X-TC-Token: \$TENCENTCLOUD_SESSION_TOKEN"/);
  fs.writeFileSync(path.join(dir, 'export.sh'), exported.stdout);
  const json = await cli(['debug-signature', 'export.sh', '--now', String(ts), '--json'], { cwd: dir, env });
  const d = JSON.parse(json.stdout);
  assert.equal(json.code, 0, json.stdout);
  assert.equal(d.certainty, 'correct');
  assert.equal(d.steps.find((s: { key: string }) => s.key === 'token').status, 'ok');
  for (const secret of [TEST_KEY, 'cli-session-token-0123', 'eJwCliUserSig']) {
    assert.ok(!json.stdout.includes(secret), 'no secret in the report');
  }
  // Without the value of $TRTC_USERSIG the signed body is not known: the report says so.
  const without = await cli(['debug-signature', 'export.sh', '--now', String(ts)], { cwd: dir, env: { ...env, TRTC_USERSIG: '' } });
  assert.equal(without.code, 1);
  assert.match(without.stdout, /^Likely: /m);
  assert.match(without.stdout, /\$TRTC_USERSIG/);
});
