import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromCurl, serializeCollection, unflattenParams } from '../../../src/core/collections';
import { InputError } from '../../../src/core/errors';
import { isLosslessNumber, parseJson, stringifyJson } from '../../../src/core/json';

describe('curl import', () => {
  test('our own export style: signed TC3 POST, credentials spliced in from the shell', () => {
    const text = String.raw`# Signed at 2026-08-21T09:30:15Z; the signature expires 5 minutes later.
curl -X POST https://trtc.ap-guangzhou.tencentcloudapi.com/ \
  -H 'Authorization: TC3-HMAC-SHA256 Credential=AKIDexample/2026-08-21/trtc/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=0123abcd' \
  -H 'Content-Type: application/json' \
  -H 'Host: trtc.ap-guangzhou.tencentcloudapi.com' \
  -H 'X-TC-Action: CreateCloudRecording' \
  -H 'X-TC-Timestamp: 1787304615' \
  -H 'X-TC-Version: 2019-07-22' \
  -H 'X-TC-Region: ap-guangzhou' \
  -H 'X-TC-Token: session-token-value' \
  --data-raw '{"SdkAppId":1400000001,"RoomId":"3560","UserSig":"'"$TRTC_USERSIG"'","Big":12345678901234567890,"Name":"it'\''s"}'`;
    const result = fromCurl(text);
    assert.equal(result.requests.length, 1);
    const [r] = result.requests;
    assert.deepEqual(
      [r.action, r.region, r.endpoint, r.signMethod, r.signedHeaders, r.httpMethod],
      ['CreateCloudRecording', 'ap-guangzhou', { kind: 'regional' }, 'TC3-HMAC-SHA256', 'content-type;host;x-tc-action', undefined],
    );
    assert.equal(stringifyJson(r.params), '{"SdkAppId":1400000001,"RoomId":"3560","UserSig":"{{TRTC_USERSIG}}","Big":12345678901234567890,"Name":"it\'s"}');
    assert.deepEqual(result.commands[0].dropped, ['Authorization header', 'X-TC-Token header']);
    assert.ok(result.commands[0].warnings.includes('the shell variable $TRTC_USERSIG became the variable {{TRTC_USERSIG}}'));
    assert.deepEqual(result.secrets, []);
    const saved = serializeCollection({ version: 1, name: 'C', items: result.requests });
    assert.ok(!/0123abcd|session-token-value|AKIDexample/.test(saved));
  });

  test('API Explorer style with -H "X-TC-Action: ..." and -d, a literal UserSig becomes a secret variable', () => {
    const text =
      'curl -X POST https://trtc.tencentcloudapi.com -H "Authorization: TC3-HMAC-SHA256 Credential=AKIDz8/2024-01-01/trtc/tc3_request, SignedHeaders=content-type;host, Signature=ff" ' +
      '-H "Content-Type: application/json; charset=utf-8" -H "Host: trtc.tencentcloudapi.com" -H "X-TC-Action: DescribeRoomInfo" ' +
      '-H "X-TC-Timestamp: 1700000000" -H "X-TC-Version: 2019-07-22" -H "X-TC-Region: ap-guangzhou" -H "X-TC-Language: en-US" ' +
      `-d '{"SdkAppId":1400188366,"StartTime":1590000000,"EndTime":1590003600,"UserSig":"eJw-literal"}'`;
    const result = fromCurl(text);
    const [r] = result.requests;
    assert.deepEqual([r.action, r.region, r.endpoint, r.language, r.signMethod, r.signedHeaders], [
      'DescribeRoomInfo',
      'ap-guangzhou',
      { kind: 'nearest' },
      'en-US',
      'TC3-HMAC-SHA256',
      undefined,
    ]);
    assert.deepEqual(r.params, { SdkAppId: 1400188366, StartTime: 1590000000, EndTime: 1590003600, UserSig: '{{UserSig}}' });
    assert.deepEqual(result.secrets, [{ name: 'UserSig', path: 'params.UserSig', value: 'eJw-literal' }]);
    assert.ok(result.commands[0].warnings.includes('params.UserSig held a credential; it now refers to the secret variable {{UserSig}}'));
  });

  test('a legacy GET URL: flattened params rebuilt, legacy credentials dropped and reported', () => {
    const text =
      "curl 'https://trtc.tencentcloudapi.com/?Action=RemoveUser&Version=2019-07-22&Region=ap-guangzhou&SdkAppId=1400000001&RoomId=1001" +
      "&UserIds.1=bob&UserIds.0=alice&Filters.0.Name=x&Filters.0.Values.0=a%20b&Filters.0.Values.1=c+d&SignatureMethod=HmacSHA256" +
      "&SecretId=AKIDlegacy&Signature=xyz%3D&Nonce=11886&Timestamp=1465185768&Token=tk&Language=zh-CN'";
    const result = fromCurl(text);
    const [r] = result.requests;
    assert.deepEqual([r.action, r.region, r.endpoint, r.signMethod, r.httpMethod, r.language], [
      'RemoveUser',
      'ap-guangzhou',
      { kind: 'nearest' },
      'HmacSHA256',
      'GET',
      'zh-CN',
    ]);
    assert.deepEqual(r.params, {
      SdkAppId: '1400000001',
      RoomId: '1001',
      UserIds: ['alice', 'bob'],
      Filters: [{ Name: 'x', Values: ['a b', 'c d'] }],
    });
    assert.deepEqual(result.commands[0].dropped, ['SecretId parameter', 'Signature parameter', 'Token parameter']);
  });

  test('a coercion hook can type query values, for example from the API catalog', () => {
    const seen: string[] = [];
    const result = fromCurl("curl 'https://trtc.tencentcloudapi.com/?Action=DismissRoom&SdkAppId=1400000001&RoomId=98765432109876543210&Note=7'", {
      coerce: (action, path, text) => {
        seen.push(`${action}:${path.join('.')}`);
        return path[0] === 'Note' ? text : parseJson(text);
      },
    });
    const params = result.requests[0].params;
    assert.deepEqual(seen, ['DismissRoom:SdkAppId', 'DismissRoom:RoomId', 'DismissRoom:Note']);
    assert.equal(stringifyJson(params), '{"SdkAppId":1400000001,"RoomId":98765432109876543210,"Note":"7"}');
  });

  test('multi-line text: backslash continuations, $-quoting, --json, --url, several commands, comments, chains', () => {
    const text = [
      '# first: the intl site with --json and ANSI-C quoting',
      'curl --url https://trtc.intl.tencentcloudapi.com/ \\',
      "  --header $'X-TC-Action: DismissRoomByStrRoomId' \\",
      "  --header 'X-TC-Version: 2019-07-22' \\",
      `  --json $'{"SdkAppId": 1400000001,\\n "RoomId": "it\\'s \\u00e9"}'`,
      'echo done',
      "curl -sS -XPOST 'https://cvm.tencentcloudapi.com/' -H 'X-TC-Action: DescribeInstances' -d '{}' && curl -G https://trtc.ap-singapore.tencentcloudapi.com/ \\",
      "   -H 'X-TC-Action: DescribeUserInfo' -H 'X-TC-Version: 2019-07-22' --data-urlencode 'SdkAppId=1400000001' --data-urlencode 'UserIds.0=a b&c'",
      'curl -X POST https://trtc.tencentcloudapi.com/ -d \'{"SdkAppId": 1,',
      '  "RoomId": 2}\' -H \'X-TC-Action: DismissRoom\'',
    ].join('\n');
    const result = fromCurl(text);
    assert.deepEqual(
      result.commands.map((c) => [c.index, c.skipReason ?? c.requestId !== undefined]),
      [
        [1, true],
        [2, 'cvm.tencentcloudapi.com is the API host of another service (cvm), not TRTC'],
        [3, true],
        [4, true],
      ],
    );
    const [intl, get, multi] = result.requests;
    assert.deepEqual([intl.action, intl.endpoint], ['DismissRoomByStrRoomId', { kind: 'intl' }]);
    assert.deepEqual(intl.params, { SdkAppId: 1400000001, RoomId: "it's é" });
    assert.deepEqual([get.action, get.httpMethod, get.region, get.endpoint], ['DescribeUserInfo', 'GET', 'ap-singapore', { kind: 'regional' }]);
    assert.deepEqual(get.params, { SdkAppId: '1400000001', UserIds: ['a b&c'] });
    assert.deepEqual([multi.action, multi.params], ['DismissRoom', { SdkAppId: 1, RoomId: 2 }]);
  });

  test('legacy form POST, a custom host that says it is TRTC, and things that cannot be imported', () => {
    const result = fromCurl(
      [
        "curl -X POST https://trtc.tencentcloudapi.com/ -d 'Action=DismissRoom&Version=2019-07-22&SdkAppId=1&RoomId=2&SignatureMethod=HmacSHA1&Signature=abc&SecretId=x&Timestamp=1&Nonce=2'",
        "curl http://127.0.0.1:8443/ -H 'X-TC-Action: DismissRoom' -H 'X-TC-Version: 2019-07-22' -H 'Cookie: session=1' -u admin:pw --data-raw '{\"RoomId\": 1}'",
        "curl http://example.com/api -H 'X-TC-Action: DismissRoom' -d '{}'",
        "curl -d @body.json -H 'X-TC-Action: DismissRoom' https://trtc.tencentcloudapi.com/",
        "curl -X PUT https://trtc.tencentcloudapi.com/ -H 'X-TC-Action: DismissRoom'",
        "curl https://trtc.tencentcloudapi.com/ -H 'X-TC-Action: DismissRoom' -H 'X-TC-Version: 2017-03-12' -d '{}'",
        "curl https://trtc.tencentcloudapi.com/ -H 'X-TC-Action: DismissRoom' -d '[1, 2]'",
        "curl https://trtc.tencentcloudapi.com/ -H 'X-TC-Action: DismissRoom' -d '{\"a\": }'",
        "curl -H 'X-TC-Action: DismissRoom'",
      ].join('\n'),
    );
    const [form, custom] = result.requests;
    assert.deepEqual([form.signMethod, form.httpMethod, form.params], ['HmacSHA1', 'POST', { SdkAppId: '1', RoomId: '2' }]);
    assert.deepEqual(custom.endpoint, { kind: 'custom', url: 'http://127.0.0.1:8443' });
    assert.deepEqual(result.commands[1].dropped, ['--user credentials', 'Cookie header']);
    assert.deepEqual(
      result.commands.slice(2).map((c) => c.skipReason),
      [
        "example.com is not a TRTC API host, and the request does not say it is TRTC's API version 2019-07-22",
        'the body is read from the file body.json (--data @body.json), which is not part of the paste and cannot be read here. Put the exact content in the command (or paste the raw HTTP request) instead',
        'HTTP method PUT is not one the API accepts (GET or POST)',
        "API version 2017-03-12 is not TRTC's (2019-07-22)",
        'the JSON body is not an object of parameters',
        result.commands[7].skipReason,
        'there is no URL',
      ],
    );
    assert.match(result.commands[7].skipReason!, /^the body is not valid JSON: /);
    assert.throws(() => fromCurl('echo hello\nls -la'), (e: unknown) => e instanceof InputError && e.message === 'No curl command was found in the text');
  });

  test('big integers in a JSON body keep their digits', () => {
    const { requests } = fromCurl(`curl https://trtc.tencentcloudapi.com/ -H 'X-TC-Action: DescribeRoomInfo' -d '{"SdkAppId": 1400000001, "Since": 123456789012345678901234567890}'`);
    assert.ok(isLosslessNumber(requests[0].params.Since));
    assert.equal(stringifyJson(requests[0].params), '{"SdkAppId":1400000001,"Since":123456789012345678901234567890}');
  });

  test('unflattenParams builds arrays and objects and reports oddities', () => {
    const warnings: string[] = [];
    const params = unflattenParams(
      [
        ['A.2', 'x'],
        ['A.0', 'y'],
        ['B', '1'],
        ['B', '2'],
        ['C', 'v'],
        ['C.D', 'w'],
      ],
      (_p, t) => t,
      warnings,
    );
    assert.deepEqual(params, { A: ['y', 'x'], B: '2', C: { D: 'w' } });
    assert.deepEqual(warnings, [
      'parameter B is given more than once; the last value is kept',
      'parameter A has array indexes 0, 2; they were renumbered from 0',
      'parameter C has both a value and nested members; the value is ignored',
    ]);
  });

  test("the API Explorer's signature steps, with the curl command it prints among prose", () => {
    const body = '{"SdkAppId":1400000001,"RoomId":1001}';
    const text = [
      '1. Canonical request (it\'s built first):',
      'POST',
      '/',
      '',
      'content-type:application/json; charset=utf-8',
      'host:trtc.tencentcloudapi.com',
      'x-tc-action:dismissroom',
      '',
      'content-type;host;x-tc-action',
      '0000000000000000000000000000000000000000000000000000000000000000',
      '',
      'curl -X POST https://trtc.tencentcloudapi.com \\',
      '-H "Authorization: TC3-HMAC-SHA256 Credential=AKID********/2024-01-01/trtc/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=ab" \\',
      '-H "Content-Type: application/json; charset=utf-8" -H "Host: trtc.tencentcloudapi.com" -H "X-TC-Action: DismissRoom" \\',
      '-H "X-TC-Timestamp: 1704067200" -H "X-TC-Version: 2019-07-22" -H "X-TC-Region: ap-guangzhou" \\',
      `-d '${body}'`,
      'Note: don\'t share this command.',
    ].join('\n');
    const result = fromCurl(text);
    assert.equal(result.requests.length, 1);
    const [r] = result.requests;
    assert.deepEqual([r.action, r.region, r.signMethod, r.signedHeaders], ['DismissRoom', 'ap-guangzhou', 'TC3-HMAC-SHA256', 'content-type;host;x-tc-action']);
    assert.equal(stringifyJson(r.params), body);
    assert.deepEqual(result.commands[0].dropped, ['Authorization header']);
  });

  test('signature steps alone: the action from the canonical headers, the body when its hash matches', async () => {
    const { sha256Hex } = await import('../../../src/core/signing');
    const body = '{"SdkAppId":1400000001,"RoomId":"r1"}';
    const steps = (hash: string) =>
      ['CanonicalRequest =', 'POST', '/', '', 'content-type:application/json', 'host:trtc.ap-shanghai.tencentcloudapi.com', 'x-tc-action:dismissroombystrroomid', '', 'content-type;host;x-tc-action', hash, '', 'Request body:', body].join('\n');
    const exact = fromCurl(steps(sha256Hex(body)));
    const [r] = exact.requests;
    assert.deepEqual([r.action, r.region, r.endpoint], ['DismissRoomByStrRoomId', 'ap-shanghai', { kind: 'regional' }]);
    assert.equal(stringifyJson(r.params), body);
    assert.ok(exact.commands[0].warnings.some((w) => /signature steps/.test(w)));
    const hashOnly = fromCurl(steps('f'.repeat(64)));
    assert.deepEqual(hashOnly.requests[0].params, {});
    assert.ok(hashOnly.commands[0].warnings.some((w) => /the body is not in the text/.test(w)));
  });

  test('a non-Tencent endpoint is kept but not trusted, and the summary says so', async () => {
    const { curlImportSummary } = await import('../../../src/core/collections');
    const result = fromCurl("curl https://api.example.net/trtc -H 'X-TC-Action: DismissRoom' -H 'X-TC-Version: 2019-07-22' -d '{\"RoomId\": 1}'");
    assert.deepEqual(result.requests[0].endpoint, { kind: 'custom', url: 'https://api.example.net/trtc' });
    assert.deepEqual(result.untrustedEndpoints, ['https://api.example.net/trtc']);
    assert.match(curlImportSummary(result).join('\n'), /command 1: its endpoint https:\/\/api\.example\.net\/trtc is not a Tencent Cloud host: the request keeps it, but it is NOT trusted/);
    assert.deepEqual(fromCurl("curl https://trtc.tencentcloudapi.com/ -H 'X-TC-Action: DismissRoom' -d '{}'").untrustedEndpoints, []);
  });
});
