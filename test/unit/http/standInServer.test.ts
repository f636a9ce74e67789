import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { request as undiciRequest } from 'undici';
import { after, before, describe, test } from 'node:test';
import { HttpClient } from '../../../src/core/http/httpClient';
import { decodeResponse } from '../../../src/core/http/decodeResponse';
import { LosslessNumber, stringifyJson, type JsonObject } from '../../../src/core/json';
import { signRequest, type SignInput } from '../../../src/core/signing';
import { sdkActionNames, startStandInServer, type StandInAnswer, type StandInServer } from '../../fixtures/standInServer';
import {
  tc3CanonicalHeaders,
  tc3CanonicalRequest,
  tc3Signature,
  tc3StringToSign,
  verifyRequest,
  type RawRequest,
  type StandInCredential,
} from '../../fixtures/standInVerify';
import { signLegacy, signTc3, type TestSignedRequest } from '../../fixtures/testSigner';

// The published vectors (Tencent Cloud signature docs): DescribeInstances on cvm, 2019-02-25.
const VECTOR_BODY = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const VECTOR_TIMESTAMP = 1551113065;
const B = { id: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', key: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' };
const B_SIGNATURE = '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';
const A = { id: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******', key: 'Gu5t9xGARNpq86cd98joQYCN3*******' };
const A_SIGNATURE = '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c';
const C = { id: `AKID${'*'.repeat(32)}`, key: '*'.repeat(32) };
const C_SIGNATURE = '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f';

function vectorRequest(id: string, signature: string, signedHeaders: string): RawRequest {
  return {
    method: 'POST',
    url: '/',
    headers: {
      host: 'cvm.tencentcloudapi.com',
      'content-type': 'application/json; charset=utf-8',
      'x-tc-action': 'DescribeInstances',
      'x-tc-timestamp': String(VECTOR_TIMESTAMP),
      'x-tc-version': '2017-03-12',
      'x-tc-region': 'ap-guangzhou',
      authorization: `TC3-HMAC-SHA256 Credential=${id}/2019-02-25/cvm/tc3_request, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    },
    body: Buffer.from(VECTOR_BODY),
  };
}

function vectorContext(id: string, key: string, nowMs = VECTOR_TIMESTAMP * 1000) {
  return { credentials: new Map<string, StandInCredential>([[id, { secretKey: key }]]), nowMs, service: 'cvm', version: '2017-03-12' };
}

describe('the verifier against the published vectors', () => {
  test('TC3 vector B (intl doc) is accepted, and its intermediate values match', () => {
    const canonical = tc3CanonicalRequest({
      method: 'POST',
      path: '/',
      query: '',
      canonicalHeaders: tc3CanonicalHeaders(['content-type', 'host'], (n) =>
        n === 'host' ? 'cvm.tencentcloudapi.com' : 'application/json; charset=utf-8',
      ),
      signedHeaders: 'content-type;host',
      payloadHash: '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    });
    const sts = tc3StringToSign(String(VECTOR_TIMESTAMP), '2019-02-25/cvm/tc3_request', canonical);
    assert.equal(sts, 'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    assert.equal(tc3Signature(B.key, '2019-02-25', 'cvm', sts), B_SIGNATURE);
    const v = verifyRequest(vectorRequest(B.id, B_SIGNATURE, 'content-type;host'), vectorContext(B.id, B.key));
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(v.ok);
    assert.equal(v.action, 'DescribeInstances');
    assert.equal(v.region, 'ap-guangzhou');
    assert.equal(stringifyJson(v.params), '{"Limit":1,"Filters":[{"Values":["未命名"],"Name":"instance-name"}]}');
  });

  test('TC3 vector A (masked keys used literally) is accepted', () => {
    const v = verifyRequest(vectorRequest(A.id, A_SIGNATURE, 'content-type;host'), vectorContext(A.id, A.key));
    assert.equal(v.ok, true, JSON.stringify(v));
  });

  test('TC3 vector C (x-tc-action signed) is accepted', () => {
    const v = verifyRequest(vectorRequest(C.id, C_SIGNATURE, 'content-type;host;x-tc-action'), vectorContext(C.id, C.key));
    assert.equal(v.ok, true, JSON.stringify(v));
  });

  test('the vectors are refused once anything changes', () => {
    const ctx = vectorContext(B.id, B.key);
    const body = vectorRequest(B.id, B_SIGNATURE, 'content-type;host');
    body.body = Buffer.from(VECTOR_BODY.replace('1', '2'));
    assert.equal(verifyRequest(body, ctx).ok, false);
    const host = vectorRequest(B.id, B_SIGNATURE, 'content-type;host');
    host.headers.host = 'cvm.tencentcloudapi.com:443';
    assert.equal(verifyRequest(host, ctx).ok, false);
    const type = vectorRequest(B.id, B_SIGNATURE, 'content-type;host');
    type.headers['content-type'] = 'application/json; charset=UTF-8';
    assert.equal(verifyRequest(type, ctx).ok, false);
    // Vector C signed x-tc-action; with that header left out of SignedHeaders the signature differs.
    assert.equal(verifyRequest(vectorRequest(C.id, C_SIGNATURE, 'content-type;host'), vectorContext(C.id, C.key)).ok, false);
    const late = verifyRequest(vectorRequest(B.id, B_SIGNATURE, 'content-type;host'), vectorContext(B.id, B.key, (VECTOR_TIMESTAMP + 301) * 1000));
    assert.equal(late.ok ? 'ok' : late.code, 'AuthFailure.SignatureExpire');
  });

  test('legacy HmacSHA1 vector V1 (GET) is accepted and its parameters decoded', () => {
    const req: RawRequest = {
      method: 'GET',
      url:
        '/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou' +
        `&SecretId=${B.id}&Signature=EliP9YW3pW28FpsEdkXt%2F%2BWcGeI%3D&Timestamp=1465185768&Version=2017-03-12`,
      headers: { host: 'cvm.tencentcloudapi.com' },
      body: Buffer.alloc(0),
    };
    const v = verifyRequest(req, vectorContext(B.id, B.key, 1465185768 * 1000));
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(v.ok);
    assert.equal(v.signMethod, 'HmacSHA1');
    assert.deepEqual(v.params, { InstanceIds: ['ins-09dx96dg'], Limit: '20', Offset: '0' });
    const tampered = { ...req, url: req.url.replace('Limit=20', 'Limit=21') };
    const t = verifyRequest(tampered, vectorContext(B.id, B.key, 1465185768 * 1000));
    assert.equal(t.ok ? 'ok' : t.code, 'AuthFailure.SignatureFailure');
  });
});

describe('the test signer reproduces the published vectors', () => {
  const common = {
    action: 'DescribeInstances',
    version: '2017-03-12',
    region: 'ap-guangzhou',
    timestamp: VECTOR_TIMESTAMP,
    host: 'cvm.tencentcloudapi.com',
    contentType: 'application/json; charset=utf-8',
    service: 'cvm',
    rawBody: VECTOR_BODY,
  };
  test('TC3 vectors B and C', () => {
    const b = signTc3({ ...common, secretId: B.id, secretKey: B.key });
    assert.equal(b.headers.Authorization, vectorRequest(B.id, B_SIGNATURE, 'content-type;host').headers.authorization);
    const c = signTc3({ ...common, secretId: C.id, secretKey: C.key, signedHeaders: 'content-type;host;x-tc-action' });
    assert.equal(c.headers.Authorization, vectorRequest(C.id, C_SIGNATURE, 'content-type;host;x-tc-action').headers.authorization);
  });
  test('legacy vector V1', () => {
    const v1 = signLegacy({
      secretId: B.id,
      secretKey: B.key,
      action: 'DescribeInstances',
      version: '2017-03-12',
      region: 'ap-guangzhou',
      timestamp: 1465185768,
      nonce: 11886,
      host: 'cvm.tencentcloudapi.com',
      params: { InstanceIds: ['ins-09dx96dg'], Limit: 20, Offset: 0 },
    });
    assert.equal(
      v1.pathAndQuery,
      '/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou' +
        `&SecretId=${B.id}&Signature=EliP9YW3pW28FpsEdkXt%2F%2BWcGeI%3D&Timestamp=1465185768&Version=2017-03-12`,
    );
  });
});

test('the stand-in knows the actions of the pinned SDKs, all of them in the reference index', () => {
  const index = JSON.parse(fs.readFileSync(new URL('../../../../shared/trtc/actions_index.json', `file://${__filename}`), 'utf8')) as Array<{
    action: string;
    in_cn_spec: boolean;
    in_intl_spec: boolean;
  }>;
  const known = sdkActionNames();
  assert.ok(known.has('DescribeRoomInfo') && known.has('SetUserBlocked'), 'both SDKs were read');
  for (const name of known) {
    assert.ok(index.some((a) => a.action === name), `${name} is in the index`);
  }
  // Every CN action is in the CN SDK; an action the stand-in lacks can only be one the pinned intl SDK predates.
  for (const a of index.filter((x) => !known.has(x.action))) {
    assert.equal(a.in_cn_spec, false, `${a.action} is missing although the CN spec has it`);
    assert.equal(a.in_intl_spec, true, a.action);
  }
});

describe('the stand-in server over HTTP', () => {
  const ID = 'AKIDEXAMPLEtest0000000000000000000';
  const KEY = 'standin-test-key-0000000000000000';
  const TEMP_ID = 'AKIDEXAMPLEry000000000000000000000';
  const TOKEN = 'session-token-abc';
  let server: StandInServer;
  let client: HttpClient;
  let host: string;
  let clockMs = Date.UTC(2026, 0, 15, 12, 0, 0);
  const nowS = (): number => Math.floor(clockMs / 1000);

  before(async () => {
    server = await startStandInServer({
      credentials: { [ID]: KEY, [TEMP_ID]: { secretKey: KEY, token: TOKEN } },
      now: () => clockMs,
    });
    client = new HttpClient();
    host = new URL(server.url).host;
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  const send = async (r: TestSignedRequest, extraHeaders: Record<string, string> = {}) => {
    const res = await client.send({ origin: server.url, ...r, headers: { ...r.headers, ...extraHeaders } });
    return { res, decoded: decodeResponse(res), record: server.requests[server.requests.length - 1] };
  };
  const tc3 = (over: Partial<Parameters<typeof signTc3>[0]> = {}) =>
    signTc3({ secretId: ID, secretKey: KEY, action: 'DescribeRoomInfo', timestamp: nowS(), host, params: { SdkAppId: 1400000001, StartTime: 1, EndTime: 2 }, ...over });
  const legacy = (over: Partial<Parameters<typeof signLegacy>[0]> = {}) =>
    signLegacy({ secretId: ID, secretKey: KEY, action: 'DismissRoom', timestamp: nowS(), host, params: { SdkAppId: 1400000001, RoomId: 1001 }, ...over });

  test('a correctly signed TC3 POST is accepted and answered in the API shape', async () => {
    const { res, decoded, record } = await send(tc3({ region: 'ap-guangzhou' }));
    assert.equal(res.status, 200);
    assert.equal(decoded.error, undefined);
    assert.match(decoded.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(decoded.response.Total, 1);
    assert.match(res.bodyText, /"DestroyTime":12345678901234567890/);
    assert.equal(record.verified, true);
    assert.equal(record.signMethod, 'TC3-HMAC-SHA256');
    assert.equal(record.action, 'DescribeRoomInfo');
    assert.equal(record.region, 'ap-guangzhou');
    assert.equal(record.requestId, decoded.requestId);
    assert.equal(res.serverDateMs, clockMs);
  });

  test('TC3 variants: GET with a query string, x-tc-action signed, session token', async () => {
    const get = await send(tc3({ method: 'GET', params: { SdkAppId: 1400000001, StartTime: 1, EndTime: 2, RoomId: 'r-9' } }));
    assert.equal(get.decoded.error, undefined);
    assert.deepEqual(get.record.params, { SdkAppId: '1400000001', StartTime: '1', EndTime: '2', RoomId: 'r-9' });
    const withAction = await send(tc3({ signedHeaders: 'content-type;host;x-tc-action' }));
    assert.equal(withAction.decoded.error, undefined);
    const temp = await send(tc3({ secretId: TEMP_ID, token: TOKEN }));
    assert.equal(temp.decoded.error, undefined);
  });

  test('legacy HmacSHA1 GET and HmacSHA256 form POST are accepted; SignatureMethod decides', async () => {
    const sha1 = await send(legacy());
    assert.equal(sha1.decoded.error, undefined);
    assert.equal(sha1.record.signMethod, 'HmacSHA1');
    assert.deepEqual(sha1.record.params, { RoomId: '1001', SdkAppId: '1400000001' });
    const sha256 = await send(legacy({ method: 'POST', signatureMethod: 'HmacSHA256' }));
    assert.equal(sha256.decoded.error, undefined);
    assert.equal(sha256.record.signMethod, 'HmacSHA256');
    // Signed with SHA-256 but labelled HmacSHA1: the label decides, so the check fails.
    const mislabelled = legacy({ signatureMethod: 'HmacSHA256' });
    mislabelled.pathAndQuery = mislabelled.pathAndQuery.replace('SignatureMethod=HmacSHA256', 'SignatureMethod=HmacSHA1');
    assert.equal((await send(mislabelled)).decoded.error?.code, 'AuthFailure.SignatureFailure');
  });

  test('each tampering is refused with the code the real API uses', async () => {
    const cases: Array<[string, () => TestSignedRequest, string]> = [
      ['wrong key', () => tc3({ secretKey: 'not-the-key' }), 'AuthFailure.SignatureFailure'],
      ['changed body', () => ({ ...tc3(), body: tc3().body.replace('"EndTime":2', '"EndTime":3') }), 'AuthFailure.SignatureFailure'],
      ['unknown SecretId', () => tc3({ secretId: 'AKIDunknown' }), 'AuthFailure.SecretIdNotFound'],
      ['stale timestamp', () => tc3({ timestamp: nowS() - 301 }), 'AuthFailure.SignatureExpire'],
      ['future timestamp', () => tc3({ timestamp: nowS() + 301 }), 'AuthFailure.SignatureExpire'],
      ['missing token', () => tc3({ secretId: TEMP_ID }), 'AuthFailure.TokenFailure'],
      ['wrong token', () => tc3({ secretId: TEMP_ID, token: 'nope' }), 'AuthFailure.TokenFailure'],
      ['wrong version', () => tc3({ version: '2017-03-12' }), 'NoSuchVersion'],
      ['unknown action', () => tc3({ action: 'DescribeNothing' }), 'InvalidAction'],
      ['legacy wrong key', () => legacy({ secretKey: 'not-the-key' }), 'AuthFailure.SignatureFailure'],
      ['legacy changed value', () => {
        const r = legacy();
        return { ...r, pathAndQuery: r.pathAndQuery.replace('RoomId=1001', 'RoomId=1002') };
      }, 'AuthFailure.SignatureFailure'],
      ['legacy stale', () => legacy({ timestamp: nowS() - 400 }), 'AuthFailure.SignatureExpire'],
      ['legacy without Nonce', () => {
        const r = legacy();
        return { ...r, pathAndQuery: r.pathAndQuery.replace(/&Nonce=\d+/, '') };
      }, 'MissingParameter'],
      ['missing required parameter', () => legacy({ params: { SdkAppId: 1400000001 } }), 'MissingParameter'],
    ];
    for (const [name, make, code] of cases) {
      const { decoded, record } = await send(make());
      assert.equal(decoded.error?.code, code, name);
      assert.equal(record.error?.code, code, name);
      assert.match(decoded.requestId ?? '', /^[0-9a-f-]{36}$/, name);
    }
    const withinWindow = await send(tc3({ timestamp: nowS() - 299 }));
    assert.equal(withinWindow.decoded.error, undefined);
  });

  test('the credential scope date must be the UTC date of the timestamp', async () => {
    // Signed for one second before midnight UTC, so the scope says the previous day...
    const midnight = Math.floor(Date.UTC(2026, 0, 15) / 1000);
    const saved = clockMs;
    clockMs = midnight * 1000;
    try {
      const r = tc3({ timestamp: midnight - 1 });
      assert.match(r.headers.Authorization, /\/2026-01-14\/trtc\//);
      assert.equal((await send(r)).decoded.error, undefined);
      // ...and sent with a timestamp of the next day, which the scope no longer matches.
      const { decoded } = await send(r, { 'X-TC-Timestamp': String(midnight + 1) });
      assert.equal(decoded.error?.code, 'AuthFailure.SignatureFailure');
      assert.match(decoded.error?.message ?? '', /scope date 2026-01-14 is not the UTC date .*2026-01-15/);
    } finally {
      clockMs = saved;
    }
  });

  test('signed-header problems: listed but absent, or content-type/host not listed', async () => {
    const r = tc3();
    const absent = { ...r, headers: { ...r.headers, Authorization: r.headers.Authorization.replace('SignedHeaders=content-type;host', 'SignedHeaders=content-type;host;x-tc-region') } };
    const a = await send(absent);
    assert.equal(a.decoded.error?.code, 'AuthFailure.SignatureFailure');
    assert.match(a.decoded.error?.message ?? '', /x-tc-region is not in the request/);
    const noHost = { ...r, headers: { ...r.headers, Authorization: r.headers.Authorization.replace('SignedHeaders=content-type;host', 'SignedHeaders=content-type') } };
    assert.equal((await send(noHost)).decoded.error?.code, 'AuthFailure.InvalidAuthorization');
    const garbage = { ...r, headers: { ...r.headers, Authorization: 'Bearer abc' } };
    assert.equal((await send(garbage)).decoded.error?.code, 'AuthFailure.InvalidAuthorization');
    const noAction = { ...r, headers: { ...r.headers } };
    delete noAction.headers['X-TC-Action'];
    assert.equal((await send(noAction)).decoded.error?.code, 'MissingParameter');
  });

  test('the Host header actually received is what is verified', async () => {
    const signedForOtherHost = tc3({ host: 'trtc.tencentcloudapi.com' });
    assert.equal((await send(signedForOtherHost)).decoded.error?.code, 'AuthFailure.SignatureFailure');
    const legacyOtherHost = legacy({ host: 'trtc.tencentcloudapi.com' });
    assert.equal((await send(legacyOtherHost)).decoded.error?.code, 'AuthFailure.SignatureFailure');
  });

  test('size limits per method: GET 32 KB, form POST 1 MB, TC3 POST 10 MB', async () => {
    const bigGet = legacy({ params: { SdkAppId: 1400000001, RoomId: 1001, Pad: 'x'.repeat(33 * 1024) } });
    assert.equal((await send(bigGet)).decoded.error?.code, 'RequestSizeLimitExceeded');
    const bigForm = legacy({ method: 'POST', params: { SdkAppId: 1400000001, RoomId: 1001, Pad: 'x'.repeat(1024 * 1024) } });
    assert.equal((await send(bigForm)).decoded.error?.code, 'RequestSizeLimitExceeded');
    const mediumJson = tc3({ params: { SdkAppId: 1400000001, StartTime: 1, EndTime: 2, Pad: 'x'.repeat(2 * 1024 * 1024) } });
    assert.equal((await send(mediumJson)).decoded.error, undefined);
    const bigJson = tc3({ params: { SdkAppId: 1400000001, StartTime: 1, EndTime: 2, Pad: 'x'.repeat(10 * 1024 * 1024) } });
    assert.equal((await send(bigJson)).decoded.error?.code, 'RequestSizeLimitExceeded');
    // The connection is still usable after a refused upload.
    assert.equal((await send(tc3())).decoded.error, undefined);
  });

  test('methods other than GET and POST are refused', async () => {
    const res = await undiciRequest(`${server.url}/`, { method: 'PUT', body: '{}' });
    const body = await res.body.text();
    assert.match(body, /"Code":"UnsupportedProtocol"/);
    assert.match(body, /"RequestId":"[0-9a-f-]{36}"/);
  });

  test('custom handlers supply answers and errors; the built-in answers come back after reset', async () => {
    const seen: Array<[string, JsonObject]> = [];
    server.setHandler((action, params): StandInAnswer => {
      seen.push([action, params]);
      return action === 'RemoveUser' ? { error: { code: 'FailedOperation.RoomNotExist', message: 'no such room' } } : { Echo: params };
    });
    try {
      const ok = await send(tc3({ action: 'DismissRoom', params: { SdkAppId: 1, RoomId: new LosslessNumber('12345678901234567890') } }));
      assert.match(ok.res.bodyText, /"Echo":\{"SdkAppId":1,"RoomId":12345678901234567890\}/);
      const err = await send(tc3({ action: 'RemoveUser', params: { SdkAppId: 1 } }));
      assert.deepEqual(err.decoded.error, { code: 'FailedOperation.RoomNotExist', message: 'no such room' });
      assert.deepEqual(
        seen.map(([a]) => a),
        ['DismissRoom', 'RemoveUser'],
      );
    } finally {
      server.setHandler(undefined);
    }
    const dismiss = await send(tc3({ action: 'DismissRoom', params: { SdkAppId: 1, RoomId: 2 } }));
    assert.deepEqual(Object.keys(dismiss.decoded.response), ['RequestId']);
  });

  test('the Date header follows the injectable clock', async () => {
    const saved = clockMs;
    clockMs = Date.UTC(2020, 5, 1, 8, 30, 0);
    try {
      const { res, decoded } = await send(tc3());
      assert.equal(decoded.error, undefined);
      assert.equal(res.serverDateMs, clockMs);
      assert.equal(res.headers.date, 'Mon, 01 Jun 2020 08:30:00 GMT');
    } finally {
      clockMs = saved;
    }
    // A request signed by a client whose clock is 10 minutes behind is refused as expired.
    server.setClock(() => clockMs + 600_000);
    try {
      assert.equal((await send(tc3())).decoded.error?.code, 'AuthFailure.SignatureExpire');
    } finally {
      server.setClock(() => clockMs);
    }
  });
});

describe("the project's signer against the independent stand-in", () => {
  const ID = 'AKIDEXAMPLEsigner00000000000000000';
  const KEY = 'project-signer-key-000000000000000';
  let server: StandInServer;
  let client: HttpClient;
  before(async () => {
    server = await startStandInServer({ credentials: { [ID]: KEY, [`${ID}T`]: { secretKey: KEY, token: 'tok' } } });
    client = new HttpClient();
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  test('every signature method, HTTP method and signed-header set is accepted', async () => {
    const combos: Array<Pick<SignInput, 'signMethod' | 'httpMethod'> & Partial<SignInput>> = [
      { signMethod: 'TC3-HMAC-SHA256', httpMethod: 'POST' },
      { signMethod: 'TC3-HMAC-SHA256', httpMethod: 'POST', signedHeaders: 'content-type;host;x-tc-action' },
      { signMethod: 'TC3-HMAC-SHA256', httpMethod: 'GET' },
      { signMethod: 'TC3-HMAC-SHA256', httpMethod: 'POST', credentials: { secretId: `${ID}T`, secretKey: KEY, token: 'tok' } },
      { signMethod: 'HmacSHA1', httpMethod: 'GET' },
      { signMethod: 'HmacSHA1', httpMethod: 'POST' },
      { signMethod: 'HmacSHA256', httpMethod: 'GET' },
      { signMethod: 'HmacSHA256', httpMethod: 'POST', credentials: { secretId: `${ID}T`, secretKey: KEY, token: 'tok' } },
    ];
    for (const combo of combos) {
      const signed = signRequest({
        credentials: { secretId: ID, secretKey: KEY },
        service: 'trtc',
        version: '2019-07-22',
        action: 'DescribeRoomInfo',
        host: new URL(server.url).host,
        region: 'ap-guangzhou',
        language: 'en-US',
        params: { SdkAppId: 1400000001, StartTime: 1, EndTime: 2, RoomId: '房间 #1&2', UserIds: ['a b', 'c+d'] },
        timestamp: Math.floor(Date.now() / 1000),
        ...combo,
      });
      const res = await client.send({ origin: server.url, method: signed.method, pathAndQuery: signed.pathAndQuery, headers: signed.headers, body: signed.body });
      const label = JSON.stringify(combo);
      assert.equal(decodeResponse(res).error, undefined, `${label}: ${res.bodyText}`);
      const record = server.requests[server.requests.length - 1];
      assert.equal(record.signMethod, combo.signMethod, label);
      assert.equal(record.params?.RoomId, '房间 #1&2', label);
      assert.deepEqual(record.params?.UserIds, ['a b', 'c+d'], label);
    }
  });
});

test('runs as a script: prints its URL and checks signatures with the given key', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/standInServer.ts', '--port', '0', '--secret-id', 'AKIDscript', '--secret-key', 'script-key'], {
    cwd: path.resolve(__dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.once('exit', (code) => reject(new Error(`the script exited with ${code}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new HttpClient();
    try {
      const make = (key: string) =>
        signTc3({ secretId: 'AKIDscript', secretKey: key, action: 'DismissRoom', timestamp: Math.floor(Date.now() / 1000), host: new URL(url).host, params: { SdkAppId: 1, RoomId: 2 } });
      assert.equal(decodeResponse(await client.send({ origin: url, ...make('script-key') })).error, undefined);
      assert.equal(decodeResponse(await client.send({ origin: url, ...make('other-key') })).error?.code, 'AuthFailure.SignatureFailure');
    } finally {
      await client.close();
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
});
