// Postman collections whose requests a pre-request script signs with TC3-HMAC-SHA256, in the shape
// of Tencent's documented script (crypto-js, keys and body written in the script) and of scripts that
// read the same from variables: they import as native requests, and no key survives the import.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromPostman, postmanImportSummary, readSigningScript, serializeCollection, serializeEnvironment, type RequestItem } from '../../../src/core/collections';
import { stringifyJson, type JsonObject } from '../../../src/core/json';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const LITERAL_ID = 'AKIDEXAMPLEinScript000000000000000000';
const LITERAL_KEY = 'scriptSecretKeyEXAMPLE0000000000';

/** A signing script in the shape of Tencent's documented one: everything written into it. */
const DOCUMENTED_SHAPE = `const crypto = require("crypto-js");
function sha256(message, secret = "", encoding) {
  const hmac = crypto.HmacSHA256(message, secret);
  return hmac;
}
function getHash(message, encoding = "hex") {
  return crypto.SHA256(message);
}
function main() {
  // 1. the keys
  const SECRET_ID = "${LITERAL_ID}";
  const SECRET_KEY = "${LITERAL_KEY}";
  // 2. the common parameters
  const endpoint = "trtc.tencentcloudapi.com";
  const service = "trtc";
  const region = "ap-guangzhou";
  const action = "DescribeRoomInfo";
  const version = "2019-07-22";
  const timestamp = Math.floor(Date.now() / 1000);
  // 3. the body
  const payload =
    '{\\"SdkAppId\\":1400000001,\\"RoomId\\":\\"1001\\",\\"StartTime\\":1700000000,\\"EndTime\\":1700003600}';
  const hashedRequestPayload = getHash(payload);
  const canonicalHeaders = "content-type:application/json; charset=utf-8\\n" + "host:" + endpoint + "\\n" + "x-tc-action:" + action.toLowerCase() + "\\n";
  const signedHeaders = "content-type;host;x-tc-action";
  const algorithm = "TC3-HMAC-SHA256";
  const credentialScope = "x/" + service + "/" + "tc3_request";
  const authorization = algorithm + " Credential=" + SECRET_ID + "/" + credentialScope;
  return [authorization, timestamp];
}
const [authorization, timestamp] = main();
pm.environment.set("authorization", authorization);
pm.environment.set("timestamp", timestamp);
pm.environment.set("lastAction", "DescribeRoomInfo");`;

function collection(items: JsonObject[], extra: JsonObject = {}): string {
  return stringifyJson({ info: { name: 'Signed by script', schema: SCHEMA }, item: items, ...extra });
}

function prerequest(script: string): JsonObject[] {
  return [{ listen: 'prerequest', script: { type: 'text/javascript', exec: script.split('\n') } }];
}

describe('reading a signing script without running it', () => {
  test('the documented shape: values, literal keys, other variables it sets', () => {
    const s = readSigningScript(DOCUMENTED_SHAPE);
    assert.equal(s.signsTc3, true);
    assert.deepEqual(s.values.action, { literal: 'DescribeRoomInfo' });
    assert.deepEqual(s.values.region, { literal: 'ap-guangzhou' });
    assert.deepEqual(s.values.host, { literal: 'trtc.tencentcloudapi.com' });
    assert.deepEqual(s.values.signedHeaders, { literal: 'content-type;host;x-tc-action' });
    assert.deepEqual(s.values.payload, { literal: '{"SdkAppId":1400000001,"RoomId":"1001","StartTime":1700000000,"EndTime":1700003600}' });
    assert.deepEqual(s.literalCredentials, ['secretId', 'secretKey']);
    assert.deepEqual(s.otherVariablesSet, ['lastAction']);
    assert.ok(!JSON.stringify(s).includes(LITERAL_KEY), 'the reading never holds a key');
  });

  test('values read from variables, JSON.stringify of a literal, the request body itself', () => {
    const s = readSigningScript(`var sk = pm.environment.get('TENCENT_SK'); const SecretId = pm.variables.get("TENCENT_AK");
const action = pm.collectionVariables.get('trtcAction'); const body = JSON.stringify({SdkAppId: 1400000001, 'RoomId': "r-1", List: [1, 2,],});
const x = CryptoJS.HmacSHA256("tc3_request", sk);`);
    assert.equal(s.signsTc3, true);
    assert.deepEqual(s.values.action, { variable: 'trtcAction' });
    assert.deepEqual(s.values.payload, { literal: '{"SdkAppId":1400000001,"RoomId":"r-1","List":[1,2]}' });
    assert.deepEqual(s.credentialVariables.sort(), ['TENCENT_AK', 'TENCENT_SK']);
    assert.deepEqual(readSigningScript('const payload = pm.request.body.raw; // TC3-HMAC-SHA256').values.payload, { requestBody: true });
    assert.equal(readSigningScript('pm.environment.set("x", 1)').signsTc3, false);
  });
});

describe('importing requests a script signs', () => {
  test('the documented shape at request level: a native request, keys dropped and named', () => {
    const text = collection([
      {
        name: 'Room info',
        event: prerequest(DOCUMENTED_SHAPE),
        request: {
          method: 'POST',
          url: 'https://trtc.tencentcloudapi.com',
          header: [
            { key: 'Authorization', value: '{{authorization}}' },
            { key: 'X-TC-Timestamp', value: '{{timestamp}}' },
          ],
        },
      },
    ]);
    const result = fromPostman(text);
    const [r] = result.collection.items as RequestItem[];
    assert.deepEqual(
      [r.action, r.region, r.endpoint, r.signMethod, r.signedHeaders],
      ['DescribeRoomInfo', 'ap-guangzhou', { kind: 'nearest' }, 'TC3-HMAC-SHA256', 'content-type;host;x-tc-action'],
    );
    assert.equal(stringifyJson(r.params), '{"SdkAppId":1400000001,"RoomId":"1001","StartTime":1700000000,"EndTime":1700003600}');
    const summary = postmanImportSummary(result).join('\n');
    assert.match(summary, /Left out \(credentials are never imported\): the SecretKey written in "Room info"'s pre-request script/);
    assert.match(summary, /Left out \(credentials are never imported\): the SecretId written in "Room info"'s pre-request script/);
    assert.match(summary, /pre-request script signs TC3-HMAC-SHA256: its requests were imported as native requests/);
    assert.match(summary, /also sets \{\{lastAction\}\}, which is not carried over/);
    assert.ok(!serializeCollection(result.collection).includes(LITERAL_KEY));
    assert.ok(!JSON.stringify(result).includes(LITERAL_KEY), 'no key anywhere in the result');
  });

  test('a collection-level script reading everything from variables, the bodies in the requests', () => {
    const script = `const secretId = pm.environment.get("TENCENT_AK");
const secretKey = pm.environment.get("TENCENT_SK");
const region = pm.variables.get("trtcRegion");
const payload = pm.request.body.raw;
const s = CryptoJS.HmacSHA256(payload, "TC3" + secretKey); // TC3-HMAC-SHA256, tc3_request`;
    const text = collection(
      [
        {
          name: 'Rooms',
          item: [
            {
              name: 'Dismiss',
              request: {
                method: 'POST',
                url: '{{host}}/',
                header: [{ key: 'X-TC-Action', value: 'DismissRoom' }],
                body: { mode: 'raw', raw: '{"SdkAppId": {{SdkAppId}}, "RoomId": 1001}' },
              },
            },
          ],
        },
      ],
      {
        event: prerequest(script),
        variable: [
          { key: 'TENCENT_AK', value: 'AKIDEXAMPLEvariable0000000000000000000' },
          { key: 'TENCENT_SK', value: 'variableSecretKeyEXAMPLE00000000' },
          { key: 'trtcRegion', value: 'ap-singapore' },
          { key: 'SdkAppId', value: '1400000001' },
        ],
      },
    );
    const result = fromPostman(text);
    const r = (result.collection.items[0] as { items: RequestItem[] }).items[0];
    assert.deepEqual([r.action, r.region, r.signMethod], ['DismissRoom', 'ap-singapore', 'TC3-HMAC-SHA256']);
    assert.equal(stringifyJson(r.params), '{"SdkAppId":"{{SdkAppId}}","RoomId":1001}');
    assert.ok(result.dropped.includes('collection variable TENCENT_SK'), result.dropped.join('; '));
    assert.ok(result.dropped.includes('collection variable TENCENT_AK'));
    const env = serializeEnvironment(result.environment!);
    assert.ok(!env.includes('variableSecretKeyEXAMPLE') && !env.includes('TENCENT_SK'), env);
    assert.equal(result.environment!.variables.SdkAppId.value, 1400000001);
  });

  test('a non-Tencent endpoint is kept but named as not trusted; a script that does not sign is still not run', () => {
    const text = collection([
      {
        name: 'Local stand-in',
        event: prerequest('console.log("hello")'),
        request: { method: 'POST', url: 'http://127.0.0.1:8443/', header: [{ key: 'X-TC-Action', value: 'DismissRoom' }, { key: 'X-TC-Version', value: '2019-07-22' }], body: { mode: 'raw', raw: '{"RoomId":1}' } },
      },
    ]);
    const result = fromPostman(text);
    const [r] = result.collection.items as RequestItem[];
    assert.deepEqual(r.endpoint, { kind: 'custom', url: 'http://127.0.0.1:8443' });
    assert.deepEqual(result.untrustedEndpoints, ['http://127.0.0.1:8443']);
    const summary = postmanImportSummary(result).join('\n');
    assert.match(summary, /Local stand-in: its endpoint http:\/\/127\.0\.0\.1:8443 is not a Tencent Cloud host: the request keeps it, but it is NOT trusted/);
    assert.match(summary, /"Local stand-in"'s pre-request script was not imported \(scripts are never run\)/);
    assert.equal(r.signMethod, undefined);
  });
});
