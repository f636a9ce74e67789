import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  createRequest,
  fromPostman,
  jsonEquals,
  listRequests,
  memorySecretResolver,
  parseCollection,
  parseEnvironment,
  POSTMAN_SCHEMA_V21,
  resolveRequest,
  serializeCollection,
  serializeEnvironment,
  toPostman,
  type Collection,
  type FolderItem,
  type RequestItem,
} from '../../../src/core/collections';
import { InputError } from '../../../src/core/errors';
import { isJsonObject, isLosslessNumber, LosslessNumber, parseJson, stringifyJson, type JsonObject } from '../../../src/core/json';
import { startStandInServer, type StandInServer } from '../../fixtures/standInServer';
import { preRequestScript, runPreRequest, send } from './postmanSandbox';

const fixtures = path.join(__dirname, '../../fixtures/collections');
const rooms = parseCollection(fs.readFileSync(path.join(fixtures, 'rooms.json'), 'utf8'));
const dev = parseEnvironment(fs.readFileSync(path.join(fixtures, 'dev.environment.json'), 'utf8'));
const secretValues = { UserSig: 'sig-for-test', CosAccessKey: 'ak-test', CosSecretKey: 'sk-test' };
const SECRET_ID = 'AKIDEXAMPLETest0000000000000000000000';
const SECRET_KEY = 'postmanTestSecretKey0000000000000';

function exportedItems(collection: JsonObject): JsonObject[] {
  const out: JsonObject[] = [];
  const walk = (items: JsonObject[]): void => {
    for (const item of items) {
      if (Array.isArray(item.item)) {
        walk(item.item as JsonObject[]);
      } else {
        out.push(item);
      }
    }
  };
  walk(collection.item as JsonObject[]);
  return out;
}

function postmanVariables(collection: JsonObject): Map<string, string> {
  return new Map((collection.variable as JsonObject[]).map((v) => [String(v.key), String(v.value)]));
}

let server: StandInServer;
before(async () => {
  server = await startStandInServer({ credentials: { [SECRET_ID]: SECRET_KEY }, handler: () => ({}) });
});
after(async () => {
  await server.close();
});

describe('Postman export', () => {
  test('has the v2.1 shape: folders, POST {{trtc_endpoint}}/, TRTC headers, empty credential variables', () => {
    const exported = toPostman(rooms, dev);
    const info = exported.info as JsonObject;
    assert.equal(info.schema, POSTMAN_SCHEMA_V21);
    assert.equal(info.name, 'Rooms');
    const top = exported.item as JsonObject[];
    assert.deepEqual(top.map((i) => i.name), ['Quality', 'Dismiss room', 'Start recording']);
    assert.ok(Array.isArray(top[0].item), 'folders become Postman folders');
    const describeItem = (top[0].item as JsonObject[])[0];
    assert.equal(describeItem.id, 'r-describe');
    const request = describeItem.request as JsonObject;
    assert.equal(request.method, 'POST');
    assert.equal((request.url as JsonObject).raw, '{{trtc_endpoint}}/');
    assert.deepEqual(request.header, [
      { key: 'Content-Type', value: 'application/json' },
      { key: 'X-TC-Action', value: 'DescribeRoomInfo' },
      { key: 'X-TC-Version', value: '2019-07-22' },
      { key: 'X-TC-Region', value: 'ap-guangzhou' },
    ]);
    const raw = String((request.body as JsonObject).raw);
    assert.match(raw, /"SdkAppId": \{\{SdkAppId\}\},/, 'a number variable is inserted bare so Postman sends a number');
    assert.match(raw, /"RoomId": "room-\{\{RoomId\}\}"/);
    const variables = postmanVariables(exported);
    assert.equal(variables.get('trtc_endpoint'), 'https://trtc.tencentcloudapi.com');
    assert.equal(variables.get('secretId'), '');
    assert.equal(variables.get('secretKey'), '');
    assert.equal(variables.get('SdkAppId'), '1400000001');
    assert.equal(variables.get('BigId'), '98765432109876543210');
    assert.equal(variables.get('UserSig'), '', 'secret variables are exported empty');
    const script = preRequestScript(exported);
    assert.match(script, /CryptoJS\.HmacSHA256/);
    assert.ok(!/sig-for-test|sk-test/.test(JSON.stringify(stringifyJson(exported))));
  });

  test('the pre-request script signs each request in a Postman-like sandbox, and the stand-in verifies it', async () => {
    const extra = createRequest({
      action: 'DismissRoomByStrRoomId',
      name: 'Dynamic and big',
      region: 'ap-singapore',
      params: {
        SdkAppId: '{{SdkAppId}}',
        RoomId: 'room-{{$uuid}}',
        Seq: '{{$timestamp}}',
        Big: new LosslessNumber('123456789012345678901234567890'),
        Text: '房间 "quoted" \\ \u00e9',
        Nested: [{ A: 1.5, B: [true, null] }],
      },
    });
    const collection: Collection = { ...rooms, items: [...rooms.items, extra] };
    const exported = toPostman(collection, dev);
    const script = preRequestScript(exported);
    const variables = postmanVariables(exported);
    variables.set('trtc_endpoint', server.url);
    variables.set('secretId', SECRET_ID);
    variables.set('secretKey', SECRET_KEY);
    for (const [k, v] of Object.entries(secretValues)) {
      variables.set(k, v);
    }
    const items = exportedItems(exported);
    server.requests.length = 0;
    for (const item of items) {
      const prepared = runPreRequest(script, item, variables);
      assert.match(prepared.headers.Authorization, /^TC3-HMAC-SHA256 Credential=AKIDEXAMPLETest0+\/\d{4}-\d{2}-\d{2}\/trtc\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/);
      assert.match(prepared.headers['X-TC-Timestamp'], /^\d{10}$/);
      const answer = parseJson(await send(prepared)) as { Response: JsonObject };
      assert.equal(answer.Response.Error, undefined, `${String(item.name)}: ${stringifyJson(answer)}`);
    }
    assert.equal(server.requests.length, items.length);
    assert.ok(server.requests.every((r) => r.verified && r.signMethod === 'TC3-HMAC-SHA256'));
    assert.deepEqual(server.requests.map((r) => r.action), ['DescribeRoomInfo', 'DismissRoom', 'CreateCloudRecording', 'DismissRoomByStrRoomId']);
    assert.deepEqual(server.requests.map((r) => r.region), ['ap-guangzhou', undefined, undefined, 'ap-singapore']);

    // Postman's resolution of the exported requests gives exactly the parameters our own resolver gives.
    const secrets = memorySecretResolver({ dev: secretValues });
    const requests = listRequests(rooms.items).map((e) => e.request);
    for (let i = 0; i < requests.length; i++) {
      const ours = await resolveRequest(requests[i], { environment: dev, secrets });
      assert.equal(stringifyJson(server.requests[i].params!), stringifyJson(ours.params), requests[i].name);
    }
    const dynamic = server.requests[3].params!;
    assert.equal(dynamic.SdkAppId, 1400000001);
    assert.match(String(dynamic.RoomId), /^room-[0-9a-f-]{36}$/);
    assert.equal(typeof dynamic.Seq, 'number');
    assert.equal(stringifyJson(dynamic.Big), '123456789012345678901234567890');
    assert.equal(dynamic.Text, '房间 "quoted" \\ \u00e9');
  });

  test('a wrong key is caught by the verifier, so the check above is a real one', async () => {
    const exported = toPostman(rooms.items[1] as RequestItem, dev);
    const variables = postmanVariables(exported);
    variables.set('trtc_endpoint', server.url);
    variables.set('secretId', SECRET_ID);
    variables.set('secretKey', 'not-the-key');
    const answer = parseJson(await send(runPreRequest(preRequestScript(exported), exportedItems(exported)[0], variables))) as {
      Response: { Error?: { Code: string } };
    };
    assert.equal(answer.Response.Error?.Code, 'AuthFailure.SignatureFailure');
  });

  test('the script refuses to run without keys', () => {
    const exported = toPostman(rooms.items[1] as RequestItem);
    assert.throws(() => runPreRequest(preRequestScript(exported), exportedItems(exported)[0], postmanVariables(exported)), /Set the collection variables secretId and secretKey/);
  });

  test('pinned endpoints export as their host, a {{Region}} regional host stays a variable', () => {
    const items = [
      createRequest({ action: 'DismissRoom', params: {}, endpoint: { kind: 'intl' } }),
      createRequest({ action: 'DismissRoom', params: {}, endpoint: { kind: 'regional' }, region: 'ap-tokyo' }),
      createRequest({ action: 'DismissRoom', params: {}, endpoint: { kind: 'regional' }, region: '{{Region}}' }),
      createRequest({ action: 'DismissRoom', params: {}, endpoint: { kind: 'custom', url: 'http://127.0.0.1:8080' } }),
    ];
    const exported = toPostman({ version: 1, name: 'E', items }, undefined, { isTrusted: (origin) => origin === 'http://127.0.0.1:8080' });
    assert.deepEqual(
      exportedItems(exported).map((i) => ((i.request as JsonObject).url as JsonObject).raw),
      ['https://trtc.intl.tencentcloudapi.com/', 'https://trtc.ap-tokyo.tencentcloudapi.com/', 'https://trtc.{{Region}}.tencentcloudapi.com/', 'http://127.0.0.1:8080/'],
    );
    const custom = (exportedItems(exported)[3].request as JsonObject).url as JsonObject;
    assert.deepEqual([custom.protocol, custom.host, custom.port], ['http', ['127', '0', '0', '1'], '8080']);
  });

  test('an endpoint that is neither a Tencent host nor trusted is refused, naming its URL', () => {
    const foreign = createRequest({ action: 'DismissRoom', name: 'Foreign', params: {}, endpoint: { kind: 'custom', url: 'https://collector.example.net/api' } });
    const tencent = createRequest({ action: 'DismissRoom', params: {}, endpoint: { kind: 'custom', url: 'https://trtc.ap-tokyo.tencentcloudapi.com' }, region: 'ap-seoul' });
    const refuse = (e: unknown) => e instanceof InputError && e.message.includes('https://collector.example.net/api') && /not trusted/.test(e.message);
    assert.throws(() => toPostman({ version: 1, name: 'E', items: [tencent, foreign] }), refuse);
    assert.throws(() => toPostman(foreign, undefined, { isTrusted: (o) => o === 'https://other.example.net' }), refuse);
    assert.doesNotThrow(() => toPostman(foreign, undefined, { isTrusted: (o) => o === 'https://collector.example.net' }));
    assert.doesNotThrow(() => toPostman(tencent), 'a Tencent Cloud host needs no trust');
  });
});

describe('Postman import', () => {
  const sample = fs.readFileSync(path.join(fixtures, 'postman-sample.postman_collection.json'), 'utf8');

  test('keeps the TRTC requests and folders, skips the others with reasons, drops credentials', () => {
    const result = fromPostman(sample);
    const c = result.collection;
    assert.equal(c.name, 'Team API calls');
    assert.deepEqual(c.items.map((i) => [i.type, i.name]), [
      ['folder', 'Rooms'],
      ['folder', 'Recording'],
    ]);
    assert.deepEqual(result.skipped, [
      { path: [], name: 'Describe CVM instances', reason: 'cvm.tencentcloudapi.com is the API host of another service (cvm), not TRTC' },
      { path: [], name: 'Health check', reason: 'no X-TC-Action header or Action parameter, so it is not a Tencent Cloud API 3.0 call' },
    ]);
    assert.deepEqual(result.dropped.sort(), [
      'Authorization header of "Rooms / Describe room info"',
      'Signature parameter of "Rooms / Dismiss room (legacy GET)"',
      'SecretId parameter of "Rooms / Dismiss room (legacy GET)"',
      'collection auth settings (bearer)',
      'collection variable secretKey',
    ].sort());
    const text = serializeCollection(c);
    for (const secret of ['not-a-real', 'AKIDEXAMPLE', 'eJw1jcEKgkAUNOT', 'ak-example', 'sk-example', 'eJyrVgrx']) {
      assert.ok(!text.includes(secret), `${secret} must not be in the collection`);
    }
  });

  test('recovers action, region, endpoint, sign method and lossless params', () => {
    const { collection } = fromPostman(sample);
    const [rooms, recording] = collection.items as FolderItem[];
    const [describe, legacy, remove] = rooms.items as RequestItem[];
    assert.equal(describe.action, 'DescribeRoomInfo');
    assert.equal(describe.region, 'ap-guangzhou');
    assert.deepEqual(describe.endpoint, { kind: 'nearest' });
    assert.equal(describe.signMethod, 'TC3-HMAC-SHA256');
    assert.equal(
      stringifyJson(describe.params),
      '{"SdkAppId":"{{SdkAppId}}","RoomId":"{{RoomId}}","StartTime":1590000000,"EndTime":1590003600,"PageSize":12345678901234567890}',
    );
    assert.deepEqual(
      [legacy.action, legacy.region, legacy.endpoint, legacy.signMethod, legacy.httpMethod],
      ['DismissRoom', 'ap-singapore', { kind: 'regional' }, 'HmacSHA1', 'GET'],
    );
    assert.deepEqual(legacy.params, { SdkAppId: '1400000001', RoomId: '1001' });
    assert.equal(remove.action, 'RemoveUser');
    assert.equal(remove.region, '{{Region}}');
    assert.equal(remove.endpoint, undefined, 'a variable host leaves the endpoint to the default');
    assert.deepEqual(remove.params, { SdkAppId: '{{SdkAppId}}', RoomId: 1001, UserIds: ['alice', '{{$uuid}}'], Note: 'at {{$isoDate}}' });
    const record = recording.items[0] as RequestItem;
    assert.deepEqual(record.endpoint, { kind: 'intl' });
    assert.equal(record.params.UserSig, '{{UserSig_2}}', 'the Postman variable named UserSig holds another value, so the literal gets a new name');
    const storage = (record.params.StorageParams as { CloudStorage: JsonObject }).CloudStorage;
    assert.deepEqual([storage.AccessKey, storage.SecretKey, storage.Bucket], ['{{AccessKey}}', '{{SecretKey}}', 'b']);
  });

  test('Postman variables become an environment: typed when used bare, secret when sensitive', () => {
    const { environment, secrets, warnings } = fromPostman(sample);
    assert.ok(environment);
    assert.equal(environment.name, 'Team API calls');
    assert.deepEqual(environment.variables, {
      SdkAppId: { value: 1400000001 },
      RoomId: { value: '1001' },
      Region: { value: 'ap-guangzhou' },
      UserSig: { secret: true },
      UserSig_2: { secret: true },
      AccessKey: { secret: true },
      SecretKey: { secret: true },
    });
    assert.deepEqual(
      secrets.map((s) => [s.name, s.value]),
      [
        ['UserSig_2', 'eJw1jcEKgkAUNOT-A-REAL-SIG'],
        ['AccessKey', 'ak-example'],
        ['SecretKey', 'sk-example'],
        ['UserSig', 'eJyrVgrxCdYrSy1SslIyUqoFAA'],
      ],
    );
    assert.ok(warnings.some((w) => w.includes('host variable(s) {{baseUrl}} were not imported')));
    assert.ok(!serializeEnvironment(environment).includes('eJy'), 'secret values never reach the environment file');
  });

  test('refuses what is not a v2.1 collection', () => {
    assert.throws(() => fromPostman('{"info":{"name":"x","schema":"https://schema.getpostman.com/json/collection/v1.0.0/collection.json"},"item":[]}'), /only Collection v2\.1 \(and v2\.0\) can be imported/);
    assert.throws(() => fromPostman('{"requests": []}'), (e: unknown) => e instanceof InputError && /not a Postman collection/.test(e.message));
    assert.throws(() => fromPostman('not json'), /This is not JSON/);
  });
});

describe('Postman round trip', () => {
  test('export then import keeps names, folders, ids, endpoints, regions and params exactly', () => {
    const extra = createRequest({
      action: 'StartMCUMixTranscode',
      name: 'Everything',
      endpoint: { kind: 'regional' },
      region: 'ap-beijing',
      language: 'en-US',
      params: {
        SdkAppId: '{{SdkAppId}}',
        Big: new LosslessNumber('12345678901234567890123'),
        Negative: -0.000123,
        Unicode: '混流 ✓ "q" \\n',
        Deep: { List: [{ A: [1, 2, { B: null }] }, [], {}], Flag: false },
        Stamp: '{{$timestamp}}',
        Id: 'x-{{$uuid}}',
      },
    });
    const source: Collection = { ...rooms, items: [...rooms.items, extra] };
    const exported = toPostman(source, dev);
    const back = fromPostman(stringifyJson(exported, 2));
    assert.deepEqual(back.skipped, []);
    const before = listRequests(source.items);
    const after = listRequests(back.collection.items);
    assert.deepEqual(after.map((e) => [e.path, e.request.id, e.request.name, e.request.action]), before.map((e) => [e.path, e.request.id, e.request.name, e.request.action]));
    for (let i = 0; i < before.length; i++) {
      const a = before[i].request;
      const b = after[i].request;
      assert.equal(stringifyJson(b.params), stringifyJson(a.params), a.name);
      assert.ok(jsonEquals(b.params, a.params));
      assert.deepEqual([b.region, b.endpoint, b.language], [a.region, a.endpoint, a.language], a.name);
    }
    const big = after[3].request.params.Big;
    assert.ok(isLosslessNumber(big) && big.value === '12345678901234567890123');
    const env = back.environment!;
    assert.equal(env.variables.SdkAppId.value, 1400000001, 'a bare variable comes back as a number');
    assert.ok(isJsonObject(env.variables) && env.variables.UserSig.secret === true);
  });
});
