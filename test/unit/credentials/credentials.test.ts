import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { checkCredentials } from '../../../src/core/credentials/checkCredentials';
import {
  credentialsFromEnvironment,
  listTccliProfiles,
  readTccliProfile,
  resolveCliCredentials,
} from '../../../src/core/credentials/credentialSources';
import { ConfigError } from '../../../src/core/errors';

const ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

function tccliHome(files: Record<string, unknown>): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tccli-home-'));
  fs.mkdirSync(path.join(home, '.tccli'));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(home, '.tccli', name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return home;
}

describe('credential sources', () => {
  test('environment variables with and without a token', () => {
    assert.equal(credentialsFromEnvironment({}), undefined);
    assert.deepEqual(credentialsFromEnvironment({ TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: KEY })?.credentials, {
      secretId: ID,
      secretKey: KEY,
    });
    assert.equal(
      credentialsFromEnvironment({ TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: KEY, TENCENTCLOUD_SESSION_TOKEN: 'tok' })?.credentials.token,
      'tok',
    );
    assert.throws(() => credentialsFromEnvironment({ TENCENTCLOUD_SECRET_ID: ID }), /TENCENTCLOUD_SECRET_KEY is not set/);
  });

  test('tccli profile files, with region and language from the configure file', () => {
    const home = tccliHome({
      'default.credential': { secretId: ID, secretKey: KEY },
      'default.configure': { _sys_param: { region: 'ap-singapore', output: 'json', language: 'en-US' } },
      'temp.credential': { secretId: ID, secretKey: KEY, token: 'session' },
    });
    assert.deepEqual(listTccliProfiles(home), ['default', 'temp']);
    const p = readTccliProfile('default', home);
    assert.equal(p.credentials.secretKey, KEY);
    assert.equal(p.region, 'ap-singapore');
    assert.equal(p.language, 'en-US');
    assert.equal(readTccliProfile('temp', home).credentials.token, 'session');
  });

  test('missing, malformed and role profiles fail clearly without echoing content', () => {
    const home = tccliHome({
      'default.credential': { secretId: ID, secretKey: KEY },
      'broken.credential': `{"secretKey": "${KEY}"`,
      'role.credential': { type: 'cvm-role' },
    });
    assert.throws(() => readTccliProfile('nope', home), /No tccli profile "nope".*profiles found: broken, default, role/);
    assert.throws(
      () => readTccliProfile('broken', home),
      (e: unknown) => e instanceof ConfigError && /not a JSON object/.test(e.message) && !e.message.includes(KEY),
    );
    assert.throws(() => readTccliProfile('role', home), /uses a role/);
    assert.throws(() => readTccliProfile('../etc/passwd', home), /not a valid tccli profile name/);
  });

  test('resolution order: --profile, then environment, then TCCLI_PROFILE or default', () => {
    const home = tccliHome({
      'default.credential': { secretId: ID, secretKey: 'defaultkey'.padEnd(32, 'x') },
      'ci.credential': { secretId: ID, secretKey: 'cikey'.padEnd(32, 'x') },
    });
    const env = { TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: KEY };
    assert.equal(resolveCliCredentials({ profile: 'ci', env, home }).credentials.secretKey.slice(0, 5), 'cikey');
    assert.equal(resolveCliCredentials({ env, home }).source, 'environment');
    assert.equal(resolveCliCredentials({ env: { TCCLI_PROFILE: 'ci' }, home }).credentials.secretKey.slice(0, 5), 'cikey');
    assert.equal(resolveCliCredentials({ env: {}, home }).credentials.secretKey.slice(0, 7), 'default');
    const empty = tccliHome({});
    assert.throws(() => resolveCliCredentials({ env: {}, home: empty }), /No credentials: set TENCENTCLOUD_SECRET_ID/);
  });
});

describe('checkCredentials', () => {
  const codes = (id: string, key: string, token?: string) =>
    checkCredentials({ secretId: id, secretKey: key, ...(token !== undefined ? { token } : {}) }).map((i) => `${i.field}:${i.code}`);

  test('good keys raise nothing', () => {
    assert.deepEqual(codes(ID, KEY), []);
  });
  test('whitespace, quotes, swap, prefix, length, characters, empty', () => {
    assert.deepEqual(codes(` ${ID}`, KEY), ['secretId:whitespace']);
    assert.deepEqual(codes(ID, `${KEY}\n`), ['secretKey:whitespace']);
    assert.deepEqual(codes(`"${ID}"`, KEY), ['secretId:quotes', 'secretId:prefix']);
    assert.deepEqual(codes(KEY, ID), ['secretId:swapped']);
    assert.deepEqual(codes('XYZ' + ID.slice(3), KEY), ['secretId:prefix']);
    assert.deepEqual(codes(ID, 'short'), ['secretKey:length']);
    assert.deepEqual(codes(ID, KEY.slice(0, 30) + '+/'), ['secretKey:characters']);
    assert.deepEqual(codes('', KEY), ['secretId:empty']);
    assert.deepEqual(codes(ID, KEY, ' tok'), ['token:whitespace']);
  });
  test('messages never contain the key', () => {
    for (const issue of checkCredentials({ secretId: ` ${ID}`, secretKey: ID })) {
      assert.ok(!issue.message.includes(ID.slice(4)));
    }
  });
});
