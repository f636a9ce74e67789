import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startStandInServer, type StandInServer } from '../../fixtures/standInServer';
import { cli, TEST_ID, TEST_KEY } from './cliHarness';

const repoRoot = path.resolve(__dirname, '../../..');

describe('trtc-explorer call against the stand-in server', () => {
  let server: StandInServer;
  before(async () => {
    server = await startStandInServer({ credentials: { [TEST_ID]: TEST_KEY, AKIDEXAMPLEry000000000000000000000000: { secretKey: TEST_KEY, token: 'session-token-value-123' } } });
  });
  after(() => server.close());

  // A recent hour: validation refuses windows older than the 14 days DescribeRoomInfo keeps.
  const hourAgo = Math.floor(Date.now() / 1000) - 7200;
  const roomParams = JSON.stringify({ SdkAppId: 1400000001, RoomId: '1001', StartTime: hourAgo, EndTime: hourAgo + 3600 });

  for (const [signMethod, httpMethod] of [
    ['TC3-HMAC-SHA256', 'POST'],
    ['TC3-HMAC-SHA256', 'GET'],
    ['HmacSHA1', 'GET'],
    ['HmacSHA1', 'POST'],
    ['HmacSHA256', 'GET'],
    ['HmacSHA256', 'POST'],
  ] as const) {
    test(`${signMethod} over ${httpMethod} is accepted and decoded losslessly`, async () => {
      const before = server.requests.length;
      const r = await cli(['call', 'DescribeRoomInfo', '--params', roomParams, '--endpoint', server.url, '--region', 'ap-guangzhou', '--sign-method', signMethod, '--http-method', httpMethod]);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      const seen = server.requests[before];
      assert.equal(seen.verified, true, `server verification: ${JSON.stringify(seen.error)}`);
      assert.equal(seen.signMethod, signMethod);
      assert.equal(seen.method, httpMethod);
      assert.equal(seen.region, 'ap-guangzhou');
      // The 20-digit integer comes out exactly as the server sent it.
      assert.match(r.stdout, /"DestroyTime": 12345678901234567890,/);
      assert.match(r.stdout, /"RequestId": "/);
    });
  }

  test('signed headers with x-tc-action, a session token and a language header', async () => {
    const before = server.requests.length;
    const r = await cli(
      ['call', 'DismissRoom', '--params', '{"SdkAppId":1400000001,"RoomId":1001}', '--endpoint', server.url, '--signed-headers', 'content-type;host;x-tc-action', '--language', 'en-US'],
      { env: { TENCENTCLOUD_SECRET_ID: 'AKIDEXAMPLEry000000000000000000000000', TENCENTCLOUD_SECRET_KEY: TEST_KEY, TENCENTCLOUD_SESSION_TOKEN: 'session-token-value-123' } },
    );
    assert.equal(r.code, 0, r.stderr);
    const seen = server.requests[before];
    assert.equal(seen.verified, true);
    assert.match(String(seen.headers.authorization), /SignedHeaders=content-type;host;x-tc-action,/);
    assert.equal(seen.headers['x-tc-token'], 'session-token-value-123');
    assert.equal(seen.headers['x-tc-language'], 'en-US');
    assert.equal(seen.headers['x-tc-region'], undefined, 'no region given, so no X-TC-Region header');
    assert.ok(!r.stdout.includes('session-token-value-123') && !r.stderr.includes('session-token-value-123'));
  });

  test('an API error exits 1 with code, message, RequestId and an explanation on stderr', async () => {
    const r = await cli(['call', 'DescribeRoomInfo', '--params', roomParams, '--endpoint', server.url], {
      env: { TENCENTCLOUD_SECRET_ID: TEST_ID, TENCENTCLOUD_SECRET_KEY: 'wrongSecretKey00000000000000000000' },
    });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^API error AuthFailure\.SignatureFailure: /m);
    assert.match(r.stderr, /^RequestId: [0-9a-f-]{36}$/m);
    assert.match(r.stderr, /^What to do: .*Debug Signature/m);
    assert.match(r.stdout, /"Code": "AuthFailure.SignatureFailure"/);
    assert.ok(!r.stderr.includes('wrongSecretKey'));
  });

  test('an API error from the handler keeps its code', async () => {
    server.setHandler(() => ({ error: { code: 'FailedOperation.RoomNotExist', message: 'room 1001 does not exist' } }));
    try {
      const r = await cli(['call', 'DismissRoom', '--params', '{"SdkAppId":1400000001,"RoomId":1001}', '--endpoint', server.url]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /FailedOperation\.RoomNotExist: room 1001 does not exist/);
      assert.match(r.stderr, /What it means: /);
    } finally {
      server.setHandler(undefined);
    }
  });

  const faults = [
    { fault: { kind: 'status', status: 502, body: '<html><title>502 Bad Gateway</title></html>', contentType: 'text/html' }, pattern: /HTTP 502/ },
    { fault: { kind: 'nonJson', body: 'upstream says hello', contentType: 'text/plain' }, pattern: /Expected a JSON answer but got text\/plain.*upstream says hello/ },
    { fault: { kind: 'reset' }, pattern: /Error: .*(reset|closed|socket)/i },
    { fault: { kind: 'redirect', status: 302, location: 'https://example.com/' }, pattern: /redirect.*not followed/ },
    { fault: { kind: 'delayHeaders', ms: 3000 }, pattern: /Timed out after 300 ms/, extra: ['--timeout', '300'] },
  ] as const;
  for (const f of faults) {
    test(`fault ${f.fault.kind} exits 3 with a clear message`, async () => {
      server.setFault({ ...f.fault, times: 1 } as Parameters<StandInServer['setFault']>[0]);
      try {
        // A state-changing action is never retried, so the single fault is what the CLI sees.
        const r = await cli(['call', 'DismissRoom', '--params', '{"SdkAppId":1400000001,"RoomId":1001}', '--endpoint', server.url, ...('extra' in f ? f.extra : [])]);
        assert.equal(r.code, 3, r.stderr);
        assert.match(r.stderr, f.pattern);
        assert.equal(r.stdout, '');
      } finally {
        server.setFault(undefined);
      }
    });
  }

  test('a read-only action is retried after a 5xx and then succeeds', async () => {
    server.setFault({ kind: 'status', status: 503, body: 'busy', times: 1 });
    try {
      const r = await cli(['call', 'DescribeRoomInfo', '--params', roomParams, '--endpoint', server.url]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /retry 1\/2 after HTTP 503/);
    } finally {
      server.setFault(undefined);
    }
  });

  test('connection refused exits 3', async () => {
    const r = await cli(['call', 'DismissRoom', '--params', '{"SdkAppId":1400000001,"RoomId":1001}', '--endpoint', 'http://127.0.0.1:9']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /refused/i);
  });
});

describe('trtc-explorer call: bad input exits 2 before anything is sent', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['unknown action with a suggestion', ['call', 'DismisRoom'], /Unknown action DismisRoom \(did you mean DismissRoom\?\)/],
    ['invalid JSON', ['call', 'DismissRoom', '--params', '{SdkAppId: 1}'], /--params is not valid JSON/],
    ['params not an object', ['call', 'DismissRoom', '--params', '[1,2]'], /must be a JSON object/],
    ['missing required parameter', ['call', 'DismissRoom', '--params', '{"SdkAppId":1400000001}'], /RoomId: /],
    ['unknown parameter with suggestion', ['call', 'DismissRoom', '--params', '{"SdkAppId":1400000001,"RoomId":1,"RoomID":2}'], /RoomID: .*\(did you mean RoomId\?\)/],
    ['integer out of range', ['call', 'DismissRoom', '--params', '{"SdkAppId":-1,"RoomId":1}'], /SdkAppId: /],
    ['unknown option', ['call', 'DismissRoom', '--regoin', 'ap-guangzhou'], /Unknown option --regoin \(did you mean --region\?\)/],
    ['bad sign method', ['call', 'DismissRoom', '--sign-method', 'MD5'], /--sign-method must be one of/],
    ['plain HTTP to a non-loopback host', ['call', 'DismissRoom', '--params', '{"SdkAppId":1,"RoomId":1}', '--endpoint', 'http://example.com'], /use https:\/\//],
    ['regional endpoint without region', ['call', 'DismissRoom', '--params', '{"SdkAppId":1,"RoomId":1}', '--endpoint', 'regional'], /needs a region/],
    ['missing params file', ['call', 'DismissRoom', '--params', '@nope.json'], /Cannot read .*nope\.json: no such file/],
  ];
  for (const [name, argv, pattern] of cases) {
    test(name, async () => {
      const r = await cli(argv);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, pattern);
    });
  }

  test('--no-validate sends parameters the catalog would reject', async () => {
    const server = await startStandInServer({ credentials: { [TEST_ID]: TEST_KEY } });
    try {
      const r = await cli(['call', 'DismissRoom', '--params', '{"SdkAppId":1400000001}', '--endpoint', server.url, '--no-validate']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /MissingParameter/);
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });

  test('no credentials at all says where they come from', async () => {
    const r = await cli(['call', 'DismissRoom', '--params', '{"SdkAppId":1,"RoomId":1}'], { env: {} });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /No credentials: set TENCENTCLOUD_SECRET_ID/);
  });

  test('params from a file and from stdin', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-params-'));
    fs.writeFileSync(path.join(dir, 'p.json'), '{"SdkAppId":1400000001,"RoomId":1001}');
    const fromFile = await cli(['call', 'DismissRoom', '--params', '@p.json', '--sandbox'], { cwd: dir });
    assert.equal(fromFile.code, 0, fromFile.stderr);
    const fromStdin = await cli(['call', 'DismissRoom', '--params', '@-', '--sandbox'], { stdin: '{"SdkAppId":1400000001,"RoomId":1001}' });
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
  });
});

describe('trtc-explorer call --sandbox', () => {
  test('answers from the catalog without credentials and says so', async () => {
    // The sandbox refuses windows older than the action keeps data for, so the clock is set just after this one.
    const now = () => Date.UTC(2023, 10, 15, 0, 0, 0);
    const r = await cli(['call', 'DescribeRoomInfo', '--params', '{"SdkAppId":1400000001,"StartTime":1700000000,"EndTime":1700003600}', '--sandbox'], { env: {}, now });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /sandbox answer/);
    const body = JSON.parse(r.stdout);
    assert.match(body.RequestId, /^sandbox-/);
    assert.ok(Array.isArray(body.RoomList));
  });
});

describe('trtc-explorer call checks TRTC rules before sending', () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  test('a region the action does not run in, the wrong twin and milliseconds exit 2 with what to do', async () => {
    const usage = await cli(['call', 'DescribeTrtcUsage', '--params', JSON.stringify({ StartTime: day(-3), EndTime: day(-1) }), '--region', 'ap-beijing', '--sandbox'], { env: {} });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /DescribeTrtcUsage runs only in ap-guangzhou, ap-singapore; ap-beijing is not one of them\. Send it to one of/);
    const twin = await cli(['call', 'DismissRoom', '--params', '{"SdkAppId":1400000001,"RoomId":"abc"}', '--sandbox'], { env: {} });
    assert.equal(twin.code, 2);
    assert.match(twin.stderr, /Call DismissRoomByStrRoomId for string rooms/);
    const start = Date.now() - 3_600_000;
    const ms = await cli(['call', 'DescribeUnusualEvent', '--params', JSON.stringify({ SdkAppId: 1400000001, StartTime: start, EndTime: Math.floor(start / 1000) + 600 }), '--sandbox'], { env: {} });
    assert.equal(ms.code, 2);
    assert.match(ms.stderr, /StartTime holds a Unix time in seconds, but \d+ is in milliseconds\. Divide it by 1000/);
  });

  test('--no-validate sends anyway, and the sandbox answers with the API\'s own error', async () => {
    const r = await cli(['call', 'DescribeTrtcUsage', '--params', JSON.stringify({ StartTime: day(-3), EndTime: day(-1) }), '--region', 'ap-beijing', '--sandbox', '--no-validate'], { env: {} });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /API error UnsupportedRegion: /);
    assert.match(r.stdout, /"Code": "UnsupportedRegion"/);
  });

  test('a warning is printed as a note and does not stop the call', async () => {
    const r = await cli(['call', 'DismissRoomByStrRoomId', '--params', '{"SdkAppId":1400000001,"RoomId":"1234"}', '--sandbox'], { env: {} });
    assert.match(r.stderr, /^note: RoomId: DismissRoomByStrRoomId is for string rooms; "1234" is all digits/m);
    // In the sandbox an all-digit id names a numeric room, so the string room is not found.
    assert.equal(r.code, 1);
    assert.match(r.stderr, /API error FailedOperation\.RoomNotExist/);
  });
});

describe('the built command line', () => {
  test('runs as a process with the documented exit statuses', async () => {
    const server = await startStandInServer({ credentials: { [TEST_ID]: TEST_KEY } });
    try {
      const env = { ...process.env, TENCENTCLOUD_SECRET_ID: TEST_ID, TENCENTCLOUD_SECRET_KEY: TEST_KEY };
      const run = (args: string[]) =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
          // Spawned asynchronously so the in-process stand-in server keeps answering.
          const child = require('node:child_process').spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], { env, cwd: repoRoot });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d));
          child.stderr.on('data', (d: Buffer) => (stderr += d));
          child.on('close', (status: number | null) => resolve({ status, stdout, stderr }));
        });
      const ok = await run(['call', 'DismissRoom', '--params', '{"SdkAppId":1400000001,"RoomId":1001}', '--endpoint', server.url]);
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /"RequestId"/);
      const bad = await run(['call', 'DismissRoom', '--params', '{']);
      assert.equal(bad.status, 2);
      const usage = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), '--help'], { cwd: repoRoot, encoding: 'utf8' });
      assert.equal(usage.status, 0);
      assert.match(usage.stdout, /Usage: trtc-explorer <command>/);
    } finally {
      await server.close();
    }
  });
});
