import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CODE_FORMATS } from '../../../src/core/codegen';
import { rfc3986Encode } from '../../../src/core/signing/encoding';
import { startStandInServer, type StandInAnswer, type StandInServer } from '../../fixtures/standInServer';
import { cli, type CliRun } from './cliHarness';
import { CANARY, CANARY_SECRETS, canaryEnv, hostileWorkspace, type HostileWorkspace } from './hostileWorkspace';

/** Every form a canary can take in text: plain, JSON-escaped, URL-encoded, and base64 of itself. */
function forms(secret: string): string[] {
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), rfc3986Encode(secret), encodeURIComponent(secret), Buffer.from(secret).toString('base64')])];
}

function assertNoCanary(where: string, text: string, secrets: readonly string[] = CANARY_SECRETS): void {
  for (const secret of secrets) {
    for (const form of forms(secret)) {
      assert.ok(!text.includes(form), `${where} holds a canary (${secret.slice(0, 12)}…)`);
    }
  }
}

function assertRunClean(label: string, r: CliRun, secrets?: readonly string[]): void {
  assertNoCanary(`${label}: stdout`, r.stdout, secrets);
  assertNoCanary(`${label}: stderr`, r.stderr, secrets);
}

/** Every file under a folder, as text. */
function filesUnder(dir: string): Array<[string, string]> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const file = path.join(d.parentPath ?? d.path, d.name);
      return [file, fs.readFileSync(file, 'utf8')];
    });
}

// The parameters a user types, with credentials of their own in them: they may be sent to the API
// and nowhere else.
const PARAMS = JSON.stringify({
  SdkAppId: 1400000001,
  RoomId: '1001',
  UserId: 'recorder',
  UserSig: CANARY.userSig,
  RecordParams: { RecordMode: 2 },
  StorageParams: { CloudStorage: { Vendor: 0, Region: 'ap-shanghai', Bucket: 'records', AccessKey: CANARY.cosAccessKey, SecretKey: CANARY.cosSecretKey } },
});

describe('canary secrets through every command and output of the command line', () => {
  let server: StandInServer;
  let ws: HostileWorkspace;
  let historyDir: string;
  before(async () => {
    server = await startStandInServer({
      credentials: { [CANARY.secretId]: { secretKey: CANARY.secretKey, token: CANARY.token } },
      // A server that echoes what it got back, in an answer and in an error message.
      handler: (action, params): StandInAnswer =>
        action === 'DismissRoom'
          ? { error: { code: 'InvalidParameter', message: `bad UserSig ${String(params.UserSig)} and key ${JSON.stringify(params.StorageParams)}` } }
          : { Echo: String(params.UserSig ?? ''), Total: 0 },
    });
    ws = hostileWorkspace(server.url);
    historyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-history-'));
  });
  after(async () => {
    await server.close();
    ws.remove();
    fs.rmSync(historyDir, { recursive: true, force: true });
  });
  const env = (): NodeJS.ProcessEnv => canaryEnv({ TRTC_EXPLORER_HISTORY_DIR: historyDir });

  test('call with every signature method, to the API and into the history', async () => {
    for (const [signMethod, httpMethod] of [
      ['TC3-HMAC-SHA256', 'POST'],
      ['HmacSHA1', 'GET'],
      ['HmacSHA1', 'POST'],
      ['HmacSHA256', 'POST'],
    ]) {
      const seen = server.requests.length;
      const r = await cli(['call', 'CreateCloudRecording', '--params', PARAMS, '--endpoint', server.url, '--sign-method', signMethod!, '--http-method', httpMethod!, '--history'], { env: env() });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(server.requests[seen]?.verified, `${signMethod} reached the API signed`);
      assertRunClean(`call ${signMethod} ${httpMethod}`, r);
    }
    const failed = await cli(['call', 'DismissRoom', '--params', JSON.stringify({ SdkAppId: 1400000001, RoomId: 1, UserSig: CANARY.userSig }), '--endpoint', server.url, '--history', '--no-validate'], {
      env: env(),
    });
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /API error InvalidParameter/);
    assertRunClean('call answered with an echoing API error', failed);
  });

  test('sign with all three methods, as steps and as JSON, with a session token', async () => {
    for (const method of ['TC3-HMAC-SHA256', 'HmacSHA1', 'HmacSHA256']) {
      for (const httpMethod of ['POST', 'GET']) {
        for (const json of [false, true]) {
          const r = await cli(['sign', 'CreateCloudRecording', '--params', PARAMS, '--sign-method', method, '--http-method', httpMethod, '--timestamp', '1700000000', ...(json ? ['--json'] : [])], {
            env: env(),
          });
          assert.equal(r.code, 0, r.stderr);
          assertRunClean(`sign ${method} ${httpMethod}${json ? ' --json' : ''}`, r);
          assert.ok(r.stdout.includes(CANARY.secretId), 'the SecretId is not a secret and is shown');
        }
      }
    }
  });

  test('export in every format, curl signed with every method', async () => {
    for (const f of CODE_FORMATS) {
      const r = await cli(['export', 'CreateCloudRecording', '--format', f.id, '--params', PARAMS], { env: env() });
      assert.equal(r.code, 0, `${f.id}: ${r.stderr}`);
      assertRunClean(`export ${f.id}`, r);
    }
    for (const [method, httpMethod] of [
      ['HmacSHA1', 'GET'],
      ['HmacSHA256', 'POST'],
    ]) {
      const r = await cli(['export', 'CreateCloudRecording', '--format', 'curl', '--params', PARAMS, '--sign-method', method!, '--http-method', httpMethod!], { env: env() });
      assert.equal(r.code, 0, r.stderr);
      assertRunClean(`export curl ${method} ${httpMethod}`, r);
    }
  });

  test('run in every report format, to stdout and to a file, with the history', async () => {
    for (const reporter of ['text', 'json', 'junit']) {
      const r = await cli(['run', ws.collection, '--env', 'staging', '--allow-endpoint', server.url, '--reporter', reporter, '--history'], { env: env(), cwd: ws.root });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assertRunClean(`run --reporter ${reporter}`, r);
      const out = path.join(ws.root, `report.${reporter}`);
      const toFile = await cli(['run', ws.collection, '--env', 'staging', '--allow-endpoint', server.url, '--reporter', reporter, '--output', out], { env: env(), cwd: ws.root });
      assert.equal(toFile.code, 0, toFile.stderr);
      assertRunClean(`run --reporter ${reporter} --output`, toFile);
      assertNoCanary(`the ${reporter} report file`, fs.readFileSync(out, 'utf8'));
    }
    // The secret variables did reach the API the user trusted, which is where they belong.
    const withSecrets = server.requests.filter((q) => JSON.stringify(q.params).includes(CANARY.userSig));
    assert.ok(withSecrets.length > 0);
  });

  test('refused runs and bad input say nothing secret either', async () => {
    const refused = await cli(['run', ws.collection, '--env', 'staging'], { env: env(), cwd: ws.root });
    assert.equal(refused.code, 2);
    assertRunClean('a refused run', refused);
    const bad = await cli(['call', 'CreateCloudRecording', '--params', PARAMS.replace('"RoomId"', '"RoomID"'), '--endpoint', server.url], { env: env() });
    assert.equal(bad.code, 2);
    assertRunClean('a call refused by validation', bad);
  });

  test('the history files hold no canary at all', () => {
    const files = filesUnder(historyDir);
    assert.ok(files.length > 0, 'the history was written');
    for (const [file, text] of files) {
      assertNoCanary(file, text);
    }
  });
});
