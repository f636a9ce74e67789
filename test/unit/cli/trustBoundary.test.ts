import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startStandInServer, type StandInServer } from '../../fixtures/standInServer';
import { cli } from './cliHarness';
import { CANARY, canaryEnv, hostileWorkspace, type HostileWorkspace } from './hostileWorkspace';

// A recent hour: the rules refuse query windows further back than the data is kept.
const RECENT_START = Math.floor(Date.now() / 1000) - 7200;
const RECENT_END = RECENT_START + 3600;

describe('the command line signs for and sends to no host the user did not trust', () => {
  let server: StandInServer;
  let ws: HostileWorkspace;
  before(async () => {
    // The capture server: it records every request that reaches it, signed correctly or not.
    server = await startStandInServer({ credentials: { [CANARY.secretId]: { secretKey: CANARY.secretKey, token: CANARY.token } } });
    ws = hostileWorkspace(server.url);
  });
  after(async () => {
    await server.close();
    ws.remove();
  });

  const files = (): Array<[string, string, string[], number]> => [
    ['the collection and its environment', ws.collection, ['--env', 'staging'], ws.collectionRequests],
    ['a curl command imported into a collection', ws.curlCollection, [], 1],
    ['a Postman collection imported into a collection', ws.postmanCollection, [], 1],
  ];

  for (const index of [0, 1, 2]) {
    test(`run without options refuses every request of file ${index + 1}: nothing arrives, exit 2, the URL and the way to trust it are named`, async () => {
      const [label, file, args] = files()[index]!;
      const seen = server.requests.length;
      const r = await cli(['run', file, ...args], { env: canaryEnv(), cwd: ws.root });
      assert.equal(r.code, 2, `${label}: ${r.stdout}${r.stderr}`);
      assert.equal(server.requests.length, seen, `${label}: a request reached the untrusted host`);
      assert.ok(r.stdout.includes(`The endpoint ${server.url} is not trusted, so nothing was signed for it or sent to it`), r.stdout);
      assert.ok(r.stdout.includes(`Pass --allow-endpoint ${server.url} to use it as the files say, or --endpoint ${server.url} to send every request there.`));
      assert.match(r.stderr, /refused because (its endpoint is|their endpoints are) not trusted; nothing was sent there/);
    });
  }

  test('run with --allow-endpoint sends the requests as the files say, signed and verified', async () => {
    for (const [label, file, args, count] of files()) {
      const seen = server.requests.length;
      const r = await cli(['run', file, ...args, '--allow-endpoint', server.url], { env: canaryEnv(), cwd: ws.root });
      assert.equal(r.code, 0, `${label}: ${r.stdout}${r.stderr}`);
      const arrived = server.requests.slice(seen);
      assert.equal(arrived.length, count, label);
      assert.ok(arrived.every((q) => q.verified), label);
    }
  });

  test('run with --endpoint sends every request there', async () => {
    const seen = server.requests.length;
    const r = await cli(['run', ws.collection, '--env', 'staging', '--endpoint', server.url], { env: canaryEnv(), cwd: ws.root });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(server.requests.length - seen, ws.collectionRequests);
  });

  test('trusting another endpoint trusts only that one', async () => {
    const seen = server.requests.length;
    const r = await cli(['run', ws.collection, '--env', 'staging', '--allow-endpoint', 'http://127.0.0.1:1'], { env: canaryEnv(), cwd: ws.root });
    assert.equal(r.code, 2);
    assert.equal(server.requests.length, seen);
  });

  test('the JSON and JUnit reports name the refused endpoint too', async () => {
    const json = await cli(['run', ws.curlCollection, '--reporter', 'json'], { env: canaryEnv(), cwd: ws.root });
    assert.equal(json.code, 2);
    const report = JSON.parse(json.stdout) as { results: Array<{ status: string; error?: { kind: string; message: string } }> };
    assert.equal(report.results[0]?.status, 'errored');
    assert.equal(report.results[0]?.error?.kind, 'input');
    assert.ok(report.results[0]?.error?.message.includes(`The endpoint ${server.url} is not trusted`));
    const junit = await cli(['run', ws.postmanCollection, '--reporter', 'junit', '--output', 'out/junit.xml'], { env: canaryEnv(), cwd: ws.root });
    assert.equal(junit.code, 2);
    const xml = fs.readFileSync(path.join(ws.root, 'out', 'junit.xml'), 'utf8');
    assert.match(xml, /<error message="The endpoint http:\/\/127\.0\.0\.1:\d+ is not trusted/);
  });

  test('call, sign and export use the URL the user typed with --endpoint', async () => {
    const env = canaryEnv();
    const params = `{"SdkAppId":1400000001,"StartTime":${RECENT_START},"EndTime":${RECENT_END}}`;
    const seen = server.requests.length;
    const call = await cli(['call', 'DescribeRoomInfo', '--params', params, '--endpoint', server.url], { env });
    assert.equal(call.code, 0, call.stderr);
    assert.equal(server.requests.length, seen + 1);
    const sign = await cli(['sign', 'DescribeRoomInfo', '--params', params, '--endpoint', server.url], { env });
    assert.equal(sign.code, 0, sign.stderr);
    assert.ok(sign.stdout.includes(`signature of DescribeRoomInfo for ${server.url}`));
    const curl = await cli(['export', 'DescribeRoomInfo', '--format', 'curl', '--params', params, '--endpoint', server.url], { env });
    assert.equal(curl.code, 0, curl.stderr);
    assert.ok(curl.stdout.includes(`${server.url}/`));
    assert.equal(server.requests.length, seen + 1, 'sign and export send nothing');
  });

  test('a bad --allow-endpoint is bad input', async () => {
    for (const bad of ['http://gateway.example.com', 'https://gateway.example.com/path', 'not a url']) {
      const r = await cli(['run', ws.collection, '--allow-endpoint', bad], { env: canaryEnv(), cwd: ws.root });
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--allow-endpoint /);
    }
    const call = await cli(['call', 'DismissRoom', '--params', '{"SdkAppId":1400000001,"RoomId":1}', '--allow-endpoint', 'http://example.com'], { env: canaryEnv() });
    assert.equal(call.code, 2);
    assert.match(call.stderr, /--allow-endpoint http:\/\/example\.com: .*plain http/);
  });
});
