import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseCollection, serializeCollection, serializeEnvironment, type Collection } from '../../../src/core/collections';
import { diagnoseSignature, parsePastedRequest } from '../../../src/core/debugger';
import { stringifyJson } from '../../../src/core/json';
import { cli, TEST_ID, TEST_KEY } from './cliHarness';

const NOW = 1_700_000_000;

function workspace(collection: Collection): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-coll-'));
  const file = path.join(dir, '.trtc', 'collections', 'rooms.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.mkdirSync(path.join(dir, '.trtc', 'environments'));
  fs.writeFileSync(file, serializeCollection(collection));
  fs.writeFileSync(
    path.join(dir, '.trtc', 'environments', 'dev.json'),
    serializeEnvironment({ version: 1, name: 'dev', variables: { SdkAppId: { value: 1400000001 }, UserSig: { secret: true } } }),
  );
  return { dir, file };
}

const ROOMS: Collection = {
  version: 1,
  name: 'Rooms',
  items: [
    { type: 'request', id: 'r1', name: 'Dismiss', action: 'DismissRoom', region: 'ap-guangzhou', params: { SdkAppId: '{{SdkAppId}}', RoomId: 1001 } },
    {
      type: 'folder',
      id: 'f1',
      name: 'Recording',
      items: [{ type: 'request', id: 'r2', name: 'Record', action: 'CreateCloudRecording', params: { SdkAppId: '{{SdkAppId}}', RoomId: '1', UserId: 'bot', UserSig: '{{UserSig}}' } }],
    },
  ],
};

describe('collection export', () => {
  test('postman: the same Postman collection as the editor, to stdout or written whole to --out', async () => {
    const { dir, file } = workspace(ROOMS);
    const out = await cli(['collection', 'export', file, '--format', 'postman', '--env', 'dev'], { cwd: dir });
    assert.equal(out.code, 0, out.stderr);
    const postman = JSON.parse(out.stdout);
    assert.equal(postman.info.name, 'Rooms');
    assert.equal(postman.variable.find((v: { key: string }) => v.key === 'SdkAppId').value, '1400000001');
    const written = await cli(['collection', 'export', file, '--format', 'postman', '--out', 'rooms.postman_collection.json'], { cwd: dir });
    assert.equal(written.code, 0);
    assert.match(written.stderr, /set the collection variables secretId and secretKey/);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'rooms.postman_collection.json'), 'utf8')).item.length, 2);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  test('curl: every request signed with the CLI credentials, each command verifying; a missing secret is named', async () => {
    const { dir, file } = workspace(ROOMS);
    const env = { TENCENTCLOUD_SECRET_ID: TEST_ID, TENCENTCLOUD_SECRET_KEY: TEST_KEY, TRTC_VAR_USERSIG: 'eJwUserSigFromEnv' };
    const run = await cli(['collection', 'export', file, '--format', 'curl', '--env', 'dev'], { cwd: dir, env, now: () => NOW * 1000 });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^#!\/bin\/sh\n/);
    const blocks = run.stdout.split('\n\n').slice(1);
    assert.equal(blocks.length, 2);
    for (const block of blocks) {
      const d = diagnoseSignature(parsePastedRequest(block, { variable: (n) => (n === 'TRTC_USERSIG' ? 'eJwUserSigFromEnv' : undefined) }), { secretKey: TEST_KEY, secretId: TEST_ID, now: NOW });
      assert.equal(d.certainty, 'correct', block);
    }
    assert.ok(!run.stdout.includes('eJwUserSigFromEnv') && !run.stdout.includes(TEST_KEY), 'no secret in the script');
    const missing = await cli(['collection', 'export', file, '--format', 'curl', '--env', 'dev'], { cwd: dir, env: { TENCENTCLOUD_SECRET_ID: TEST_ID, TENCENTCLOUD_SECRET_KEY: TEST_KEY }, now: () => NOW * 1000 });
    assert.equal(missing.code, 0);
    assert.match(missing.stdout, /# Recording \/ Record: not exported: .*UserSig/);
    assert.match(missing.stderr, /Recording \/ Record was not exported/);
  });

  test('an endpoint that is not a Tencent host is refused unless --allow-endpoint names it', async () => {
    const foreign: Collection = { version: 1, name: 'F', items: [{ type: 'request', id: 'x', name: 'Foreign', action: 'DismissRoom', params: { RoomId: 1 }, endpoint: { kind: 'custom', url: 'https://collector.example.net' } }] };
    const { dir, file } = workspace(foreign);
    const env = { TENCENTCLOUD_SECRET_ID: TEST_ID, TENCENTCLOUD_SECRET_KEY: TEST_KEY };
    for (const format of ['postman', 'curl']) {
      const refused = await cli(['collection', 'export', file, '--format', format, '--out', 'out.txt'], { cwd: dir, env });
      assert.equal(refused.code, 2, format);
      assert.match(refused.stderr, /https:\/\/collector\.example\.net.*not trusted/);
      assert.ok(!fs.existsSync(path.join(dir, 'out.txt')), 'nothing written');
      const allowed = await cli(['collection', 'export', file, '--format', format, '--allow-endpoint', 'https://Collector.example.net/'], { cwd: dir, env, now: () => NOW * 1000 });
      assert.equal(allowed.code, 0, allowed.stderr);
      assert.match(allowed.stdout, /collector\.example\.net/);
    }
  });

  test('bad input exits 2', async () => {
    const { dir, file } = workspace(ROOMS);
    assert.equal((await cli(['collection', 'export', file], { cwd: dir })).code, 2);
    assert.equal((await cli(['collection', 'export', 'missing.json', '--format', 'postman'], { cwd: dir })).code, 2);
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"version": 1, "name": "x", "items": [{"type": "request"}]}');
    const broken = await cli(['collection', 'export', 'broken.json', '--format', 'postman'], { cwd: dir });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /items\[0\]/);
    assert.equal((await cli(['collection', 'frobnicate', file], { cwd: dir })).code, 2);
  });
});

describe('collection import', () => {
  const SCRIPT = [
    'const SECRET_ID = "AKIDEXAMPLEinScriptCli00000000000000";',
    'const SECRET_KEY = "cliScriptSecretKeyEXAMPLE0000000";',
    'const action = "DismissRoom";',
    'const region = "ap-guangzhou";',
    'const payload = \'{"SdkAppId":1400000001,"RoomId":1001}\';',
    'const sig = CryptoJS.HmacSHA256(payload, "TC3" + SECRET_KEY); // TC3-HMAC-SHA256',
  ];

  test('a Postman collection signed by a script: native requests, summary on stderr, no key written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-imp-'));
    const postman = {
      info: { name: 'Scripted', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      event: [{ listen: 'prerequest', script: { exec: SCRIPT } }],
      item: [{ name: 'Dismiss', request: { method: 'POST', url: 'https://trtc.tencentcloudapi.com' } }],
      variable: [{ key: 'Owner', value: 'team-a' }],
    };
    fs.writeFileSync(path.join(dir, 'team.postman_collection.json'), stringifyJson(postman));
    const run = await cli(['collection', 'import', 'team.postman_collection.json', '--out', '.trtc/collections/team.json'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Imported 1 requests into .*team\.json \(0 skipped\)/);
    assert.match(run.stderr, /Left out \(credentials are never imported\): the SecretKey written in the collection's pre-request script/);
    assert.match(run.stderr, /Wrote the collection's variables to environment "Scripted"/);
    const written = fs.readFileSync(path.join(dir, '.trtc', 'collections', 'team.json'), 'utf8');
    const collection = parseCollection(written);
    const [r] = collection.items;
    assert.equal(r.type === 'request' && `${r.action} ${r.region} ${r.signMethod} ${stringifyJson(r.params)}`, 'DismissRoom ap-guangzhou TC3-HMAC-SHA256 {"SdkAppId":1400000001,"RoomId":1001}');
    assert.ok(!written.includes('cliScriptSecretKey') && !written.includes('AKIDEXAMPLEinScriptCli'));
    assert.ok(fs.existsSync(path.join(dir, '.trtc', 'environments', 'scripted.json')));
  });

  test('curl text: format guessed, untrusted endpoints and secret variables named, an existing file kept', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-imp-'));
    fs.writeFileSync(
      path.join(dir, 'calls.sh'),
      [
        `curl https://trtc.tencentcloudapi.com/ -H 'X-TC-Action: CreateCloudRecording' -d '{"SdkAppId":1400000001,"UserSig":"eJwLiteral"}'`,
        `curl http://127.0.0.1:9000/ -H 'X-TC-Action: DismissRoom' -H 'X-TC-Version: 2019-07-22' -d '{"RoomId":1}'`,
      ].join('\n'),
    );
    const run = await cli(['collection', 'import', 'calls.sh', '--out', 'calls.json'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Imported 2 requests/);
    assert.match(run.stderr, /command 2: its endpoint http:\/\/127\.0\.0\.1:9000 is not a Tencent Cloud host: .*NOT trusted/);
    assert.match(run.stderr, /Set TRTC_VAR_USERSIG when running them/);
    assert.ok(!fs.readFileSync(path.join(dir, 'calls.json'), 'utf8').includes('eJwLiteral'));
    const again = await cli(['collection', 'import', 'calls.sh', '--out', 'calls.json'], { cwd: dir });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; pass --force/);
    assert.equal((await cli(['collection', 'import', 'calls.sh', '--out', 'calls.json', '--force'], { cwd: dir })).code, 0);
    fs.writeFileSync(path.join(dir, 'none.txt'), 'echo nothing here');
    assert.equal((await cli(['collection', 'import', 'none.txt', '--out', 'x.json'], { cwd: dir })).code, 2);
    assert.equal((await cli(['collection', 'import', 'calls.sh'], { cwd: dir })).code, 2, '--out is required');
    assert.ok(!fs.existsSync(path.join(dir, 'x.json')));
  });
});
