import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as shellParse } from 'shell-quote';
import { startStandInServer, type StandInServer } from '../../fixtures/standInServer';
import { cli, TEST_ID, TEST_KEY } from './cliHarness';

const repoRoot = path.resolve(__dirname, '../../..');
const FACTS_CALLBACK_BODY =
  '{\n\t"EventGroupId":\t2,\n\t"EventType":\t204,\n\t"CallbackTs":\t1664209748188,\n\t"EventInfo":\t{\n\t\t"RoomId":\t8489,\n\t\t"EventTs":\t1664209748,\n\t\t"EventMsTs":\t1664209748180,\n\t\t"UserId":\t"user_85034614",\n\t\t"Reason":\t0\n\t}\n}';

function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

describe('trtc-explorer explain', () => {
  test('a known code, a code known through its parent, an unknown code', async () => {
    const known = await cli(['explain', 'AuthFailure.SignatureExpire']);
    assert.equal(known.code, 0);
    assert.match(known.stdout, /^AuthFailure\.SignatureExpire \(common error code\)$/m);
    assert.match(known.stdout, /^What to do: /m);
    assert.match(known.stdout, /debug-signature/);
    const parent = await cli(['explain', 'InvalidParameter.SomethingNew']);
    assert.equal(parent.code, 0);
    assert.match(parent.stdout, /has no entry of its own; the general meaning of InvalidParameter/);
    const zh = await cli(['explain', 'FailedOperation.RoomNotExist', '--language', 'zh']);
    assert.match(zh.stdout, /What it means: .*[\u4e00-\u9fff]/);
    const unknown = await cli(['explain', 'Nonsense']);
    assert.equal(unknown.code, 2);
  });
});

describe('trtc-explorer export', () => {
  const params = '{"SdkAppId":1400000001,"RoomId":1001}';
  test('curl is signed now, runs against the stand-in, and keeps the token out', async () => {
    const server = await startStandInServer({ credentials: { [TEST_ID]: { secretKey: TEST_KEY, token: 'tok-export-123' } } });
    try {
      const r = await cli(['export', 'DismissRoom', '--format', 'curl', '--params', params, '--endpoint', server.url], {
        env: { TENCENTCLOUD_SECRET_ID: TEST_ID, TENCENTCLOUD_SECRET_KEY: TEST_KEY, TENCENTCLOUD_SESSION_TOKEN: 'tok-export-123' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!r.stdout.includes('tok-export-123') && !r.stdout.includes(TEST_KEY));
      assert.match(r.stdout, /expires/i);
      assert.match(r.stdout, /X-TC-Action: DismissRoom/);
      assert.match(r.stdout, /\$TENCENTCLOUD_SESSION_TOKEN/);
      // The words of the command, as a shell would split them, carry the signed Authorization header.
      const words = shellParse(r.stdout.split('\n').filter((l) => !l.startsWith('#')).join(' ').replace(/\\\s/g, ' ')).filter((w): w is string => typeof w === 'string');
      assert.ok(words.some((w) => w.startsWith('Authorization: TC3-HMAC-SHA256 Credential=')));
    } finally {
      await server.close();
    }
  });

  test('curl needs credentials; the SDK formats do not', async () => {
    const noCreds = await cli(['export', 'DismissRoom', '--format', 'curl', '--params', params], { env: {} });
    assert.equal(noCreds.code, 2);
    assert.match(noCreds.stderr, /No credentials/);
    for (const [format, pattern] of [
      ['tccli', /^tccli trtc DismissRoom/m],
      ['node', /tencentcloud-sdk-nodejs/],
      ['python', /from tencentcloud\.trtc\.v20190722 import/],
      ['go', /trtc\.NewClient/],
      ['java', /DismissRoomRequest/],
    ] as const) {
      const r = await cli(['export', 'DismissRoom', '--format', format, '--params', params], { env: {} });
      assert.equal(r.code, 0, `${format}: ${r.stderr}`);
      assert.match(r.stdout, pattern, format);
      assert.match(r.stdout, /TENCENTCLOUD_SECRET_ID/, `${format} reads credentials from the environment`);
    }
  });

  test('an unknown format and invalid parameters exit 2', async () => {
    assert.equal((await cli(['export', 'DismissRoom', '--format', 'cobol'])).code, 2);
    assert.equal((await cli(['export', 'DismissRoom', '--format', 'node', '--params', '{"SdkAppId":"x"}'])).code, 2);
  });
});

describe('trtc-explorer usersig', () => {
  const key = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
  test('gen then decode and verify with the key; a wrong key or user fails with exit 1', async () => {
    const env = { TRTC_SDKAPPID_KEY: key };
    const gen = await cli(['usersig', 'gen', '--sdkappid', '1400000000', '--userid', 'xiaojun', '--expire', '3600'], { env });
    assert.equal(gen.code, 0, gen.stderr);
    const sig = gen.stdout.trim();
    assert.match(sig, /^[A-Za-z0-9*_-]+$/);
    const ok = await cli(['usersig', 'decode', sig, '--userid', 'xiaojun'], { env });
    assert.equal(ok.code, 0, ok.stdout);
    assert.match(ok.stdout, /^UserId:\s+xiaojun$/m);
    assert.match(ok.stdout, /Verification: valid/);
    const wrongKey = await cli(['usersig', 'decode', sig], { env: { TRTC_SDKAPPID_KEY: 'x'.repeat(64) } });
    assert.equal(wrongKey.code, 1);
    assert.match(wrongKey.stdout, /INVALID/);
    const wrongUser = await cli(['usersig', 'decode', sig, '--userid', 'someone_else'], { env });
    assert.equal(wrongUser.code, 1);
    const noKey = await cli(['usersig', 'decode', sig], { env: {} });
    assert.equal(noKey.code, 0);
    assert.match(noKey.stdout, /not checked/);
  });

  test('a PrivateMapKey carries the room and privileges', async () => {
    const env = { TRTC_SDKAPPID_KEY: key };
    const gen = await cli(['usersig', 'gen', '--sdkappid', '1400000000', '--userid', 'u1', '--room-id', '1234', '--privileges', 'enterRoom,receiveAudio,receiveVideo', '--json'], { env });
    assert.equal(gen.code, 0, gen.stderr);
    const sig = JSON.parse(gen.stdout).userSig as string;
    const decoded = await cli(['usersig', 'decode', sig, '--json'], { env });
    const body = JSON.parse(decoded.stdout);
    assert.equal(body.decoded.userbuf.roomId, 1234);
    assert.equal(body.decoded.userbuf.privilegeMap, 2 + 8 + 32);
    assert.equal(body.valid, true);
  });

  test('bad input: key on the command line, bad user id, half a PrivateMapKey', async () => {
    const env = { TRTC_SDKAPPID_KEY: key };
    const inline = await cli(['usersig', 'gen', '--sdkappid', '1400000000', '--userid', 'u', '--key', key], { env });
    assert.equal(inline.code, 2);
    assert.match(inline.stderr, /shell history/);
    assert.equal((await cli(['usersig', 'gen', '--sdkappid', '1400000000', '--userid', 'bad id'], { env })).code, 2);
    assert.equal((await cli(['usersig', 'gen', '--sdkappid', '1400000000', '--userid', 'u', '--room-id', '5'], { env })).code, 2);
    assert.equal((await cli(['usersig', 'decode', 'not-a-usersig'], { env })).code, 2);
  });
});

describe('trtc-explorer verify-callback', () => {
  test('the published vector, a wrong Sign with its diagnosis, and the expected Sign', async () => {
    const dir = tmpDir('cb-');
    fs.writeFileSync(path.join(dir, 'body.json'), FACTS_CALLBACK_BODY);
    const env = { TRTC_CALLBACK_KEY: '123654' };
    const ok = await cli(['verify-callback', '--sign', 'kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=', 'body.json'], { env, cwd: dir });
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    const expected = await cli(['verify-callback', 'body.json'], { env, cwd: dir });
    assert.equal(expected.stdout.trim(), 'kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=');
    // A body re-serialized as compact JSON no longer matches the Sign TRTC computed over the original.
    fs.writeFileSync(path.join(dir, 'compact.json'), JSON.stringify(JSON.parse(FACTS_CALLBACK_BODY)));
    const bad = await cli(['verify-callback', '--sign', 'kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=', 'compact.json'], { env, cwd: dir });
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /does NOT match/);
    assert.match(bad.stdout, /layout TRTC sends.*parsed and written out again/);
  });
});

describe('trtc-explorer run', () => {
  let server: StandInServer;
  let dir: string;
  before(async () => {
    server = await startStandInServer({ credentials: { [TEST_ID]: TEST_KEY } });
    dir = tmpDir('run-');
    fs.mkdirSync(path.join(dir, '.trtc', 'collections'), { recursive: true });
    fs.mkdirSync(path.join(dir, '.trtc', 'environments'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, '.trtc', 'environments', 'dev.json'),
      JSON.stringify({ version: 1, name: 'dev', variables: { SdkAppId: { value: 1400000001 }, RoomId: { value: '1001' } } }),
    );
    const recentHour = Math.floor(Date.now() / 1000) - 7200;
    // Written as text with a placeholder so the 20-digit integer keeps every digit (a JS number would round it).
    fs.writeFileSync(
      path.join(dir, '.trtc', 'collections', 'smoke.json'),
      JSON.stringify({
        version: 1,
        name: 'Smoke',
        items: [
          {
            type: 'folder',
            id: 'f1',
            name: 'Reads',
            items: [
              {
                type: 'request',
                id: 'r1',
                name: 'Describe',
                action: 'DescribeRoomInfo',
                // A recent hour: runs refuse windows older than the 14 days DescribeRoomInfo keeps.
                params: { SdkAppId: '{{SdkAppId}}', RoomId: '{{RoomId}}', StartTime: recentHour, EndTime: recentHour + 3600 },
                assertions: [{ type: 'success' }, { type: 'equals', path: '$.RoomList[0].DestroyTime', value: 'BIG_INTEGER' }],
              },
            ],
          },
          { type: 'request', id: 'r2', name: 'Dismiss', action: 'DismissRoom', params: { SdkAppId: '{{SdkAppId}}', RoomId: 1001 }, assertions: [{ type: 'success' }] },
          { type: 'request', id: 'r3', name: 'Expect an error', action: 'DismissRoom', params: { SdkAppId: '{{SdkAppId}}' }, assertions: [{ type: 'error', code: 'MissingParameter' }] },
        ],
      }).replace('"BIG_INTEGER"', '12345678901234567890'),
    );
  });
  after(() => server.close());

  test('all assertions hold: exit 0, text report', async () => {
    const r = await cli(['run', '.trtc/collections/smoke.json', '--env', 'dev', '--endpoint', server.url], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /3 passed/);
  });

  test('a failing assertion: exit 1 and a JUnit report CI systems read', async () => {
    const r = await cli(['run', '.trtc/collections/smoke.json', '--env', 'dev', '--endpoint', server.url, '--reporter', 'junit', '--output', 'out/junit.xml'], {
      cwd: dir,
      env: { TENCENTCLOUD_SECRET_ID: TEST_ID, TENCENTCLOUD_SECRET_KEY: 'aWrongKey000000000000000000000000' },
    });
    assert.equal(r.code, 1);
    const xml = fs.readFileSync(path.join(dir, 'out/junit.xml'), 'utf8');
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    assert.match(xml, /<testsuites [^>]*tests="3"/);
    assert.match(xml, /<failure /);
    assert.ok(!fs.existsSync(path.join(dir, 'out/junit.xml.tmp')));
  });

  test('one folder, JSON report, sandbox', async () => {
    const r = await cli(['run', '.trtc/collections/smoke.json', '--env', 'dev', '--folder', 'Reads', '--reporter', 'json', '--sandbox'], { cwd: dir, env: {} });
    const report = JSON.parse(r.stdout);
    assert.equal(report.total, 1);
    assert.equal(report.results[0].name, 'Describe');
  });

  test('bad input: missing file, unknown environment, unknown folder', async () => {
    assert.equal((await cli(['run', 'nope.json'], { cwd: dir })).code, 2);
    const env = await cli(['run', '.trtc/collections/smoke.json', '--env', 'prod'], { cwd: dir });
    assert.equal(env.code, 2);
    assert.match(env.stderr, /no environment named "prod".*"dev"/);
    assert.equal((await cli(['run', '.trtc/collections/smoke.json', '--env', 'dev', '--folder', 'Writes'], { cwd: dir })).code, 2);
  });

  test('the collection sample of the repository is valid and runs in the sandbox', async () => {
    const r = await cli(['run', path.join(repoRoot, 'test/fixtures/collections/rooms.json'), '--env-file', path.join(repoRoot, 'test/fixtures/collections/dev.environment.json'), '--sandbox', '--reporter', 'json'], {
      env: { TRTC_VAR_USERSIG: 'x', TRTC_VAR_COSACCESSKEY: 'y', TRTC_VAR_COSSECRETKEY: 'z' },
    });
    const report = JSON.parse(r.stdout);
    assert.ok(report.total >= 3, r.stderr);
  });
});
