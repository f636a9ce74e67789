import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'shell-quote';
import { toTccli } from '../../../src/core/codegen';
import { LosslessNumber, parseJson, type JsonObject, type JsonValue } from '../../../src/core/json';
import type { CallSpec } from '../../../src/core/requests/types';

// The tccli spec file is reference data outside the project; it gives each parameter's type the way
// tccli itself reads it.
interface ApiMember {
  name: string;
  type: string;
}
const api = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../shared/trtc/api.json'), 'utf8')) as {
  objects: Record<string, { members: ApiMember[] }>;
};

const GLOBAL = new Set(['region', 'endpoint', 'language', 'token']);

/**
 * Rebuilds the request parameters from a tccli command as tccli's default mode does: integers and
 * floats as numbers, strings as they are, booleans from True/False, everything else as JSON.
 */
function tccliParams(text: string, env: Record<string, string>): { action: string; globals: Record<string, string>; params: JsonObject } {
  const command = text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const words = parse(command, env);
  assert.ok(words.every((w) => typeof w === 'string'));
  const args = words as string[];
  assert.deepEqual(args.slice(0, 2), ['tccli', 'trtc']);
  const action = args[2];
  const members = new Map(api.objects[`${action}Request`].members.map((m) => [m.name, m.type]));
  const globals: Record<string, string> = {};
  const params: JsonObject = {};
  for (let i = 3; i < args.length; i++) {
    assert.ok(args[i].startsWith('--'), `option expected at ${args[i]}`);
    let name = args[i].slice(2);
    let value: string;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    } else {
      value = args[++i];
      assert.ok(!value.startsWith('-') || /^-\d/.test(value), `${name}: a value starting with "-" must be attached with "="`);
    }
    if (GLOBAL.has(name)) {
      globals[name] = value;
      continue;
    }
    const type = members.get(name);
    assert.ok(type, `${name} is a parameter of ${action}`);
    let v: JsonValue;
    switch (type) {
      case 'int':
        assert.match(value, /^-?\d+$/);
        v = parseJson(value);
        break;
      case 'float':
        v = Number(value);
        break;
      case 'string':
        v = value;
        break;
      case 'bool':
        assert.ok(value === 'True' || value === 'False', `${name}: ${value}`);
        v = value === 'True';
        break;
      default:
        v = parseJson(value);
    }
    params[name] = v;
  }
  return { action, globals, params };
}

const target = {
  origin: 'https://trtc.ap-singapore.tencentcloudapi.com',
  host: 'trtc.ap-singapore.tencentcloudapi.com',
  region: 'ap-singapore',
  version: '2019-07-22',
  service: 'trtc',
};

test('a command with every kind of value parses back to the same parameters', () => {
  const params = parseJson(
    `{"SdkAppId":1400000001,"RoomId":"-room 'one'","RoomIdType":0,"UserId":"bot","UserSig":"eJyrVgrx","StreamUrl":"https://example.com/a.flv?x=1&y=2",
      "AudioEncodeParams":{"SampleRate":48000,"Channel":2,"BitRate":64},"SourceUrl":["https://example.com/1.mp4","中文.mp4"],
      "SeekSecond":-5,"AutoPush":false,"EnableProgress":true,"Tempo":1.5,"RepeatNum":12345678901234567890,"Volume":100}`,
  ) as JsonObject;
  const spec: CallSpec = { action: 'StartStreamIngest', params, language: 'en-US' };
  const { text } = toTccli(spec, target);
  const env = { TRTC_USERSIG: 'eJyrVgrx' };
  const got = tccliParams(text, env);
  assert.equal(got.action, 'StartStreamIngest');
  assert.deepEqual(got.globals, { region: 'ap-singapore', endpoint: 'trtc.ap-singapore.tencentcloudapi.com', language: 'en-US' });
  assert.deepEqual(got.params, params);
  assert.ok(got.params.RepeatNum instanceof LosslessNumber);
  assert.ok(!text.includes('eJyrVgrx'), 'the UserSig is read from the environment');
  assert.match(text, /--UserSig "\$TRTC_USERSIG"/);
  assert.match(text, /--RoomId='-room '\\''one'\\'''/);
});

test('sensitive values inside objects are spliced in from the environment', () => {
  const params = parseJson(
    '{"SdkAppId":1400000001,"RoomId":"r1","UserId":"rec","UserSig":"sig","RecordParams":{"RecordMode":2},"StorageParams":{"CloudStorage":{"Vendor":0,"Region":"cn","Bucket":"b","AccessKey":"AK-1","SecretKey":"SK-2","FileNamePrefix":["x"]}}}',
  ) as JsonObject;
  const { text, notes } = toTccli({ action: 'CreateCloudRecording', params }, undefined, { sessionToken: true });
  for (const secret of ['AK-1', 'SK-2', '"sig"']) {
    assert.ok(!text.includes(secret), secret);
  }
  const env = { TRTC_USERSIG: 'sig', TRTC_CLOUDSTORAGE_ACCESSKEY: 'AK-1', TRTC_CLOUDSTORAGE_SECRETKEY: 'SK-2', TENCENTCLOUD_SESSION_TOKEN: 'tok' };
  const got = tccliParams(text, env);
  assert.deepEqual(got.params, params);
  assert.deepEqual(got.globals, { token: 'tok' });
  assert.match(text, /TRTC_USERSIG, TRTC_CLOUDSTORAGE_ACCESSKEY, TRTC_CLOUDSTORAGE_SECRETKEY/);
  assert.ok(notes.some((n) => /must not contain "/.test(n)));
});

test('what tccli cannot do is said in comments', () => {
  const { text, notes } = toTccli(
    { action: 'DismissRoom', params: { SdkAppId: 1, RoomId: 2, Extra: null }, signMethod: 'HmacSHA1', httpMethod: 'GET' },
    { origin: 'http://127.0.0.1:8443', host: '127.0.0.1:8443', version: '2019-07-22', service: 'trtc' },
  );
  assert.equal(notes.length, 4);
  assert.match(text, /# tccli always connects with HTTPS/);
  assert.match(text, /# tccli always sends POST/);
  assert.match(text, /# Extra is null/);
  assert.match(text, /--endpoint 127\.0\.0\.1:8443/);
  assert.ok(!/--Extra/.test(text));
  const plain = toTccli({ action: 'DismissRoom', params: { SdkAppId: 1400000001, RoomId: 1001 }, endpoint: { kind: 'nearest' } });
  assert.equal(plain.text.split('\n').filter((l) => !l.startsWith('#')).join('\n'), 'tccli trtc DismissRoom \\\n  --SdkAppId 1400000001 \\\n  --RoomId 1001\n');
  const intl = toTccli({ action: 'DismissRoom', params: {}, endpoint: { kind: 'intl' } });
  assert.match(intl.text, /tccli trtc DismissRoom \\\n {2}--endpoint trtc\.intl\.tencentcloudapi\.com/);
});
