import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePastedRequest } from '../../../src/core/debugger';
import { InputError } from '../../../src/core/errors';

const AUTH = 'TC3-HMAC-SHA256 Credential=AKIDexample/2023-11-14/trtc/tc3_request, SignedHeaders=content-type;host, Signature=abc';
const BODY = '{"SdkAppId":1400000001,"RoomId":"未命名"}';

function codes(req: { warnings: Array<{ code: string }> }): string[] {
  return req.warnings.map((w) => w.code);
}

describe('curl commands', () => {
  test('-X POST, -H in both spellings, -d, continuations and the URL', () => {
    const text = [
      `curl -X POST https://trtc.tencentcloudapi.com/ \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  --header "X-TC-Action: DescribeRoomInfo" \\`,
      `  -H 'Authorization: ${AUTH}' \\`,
      `  -d '${BODY}'`,
    ].join('\n');
    const req = parsePastedRequest(text);
    assert.equal(req.format, 'curl');
    assert.equal(req.method, 'POST');
    assert.equal(req.scheme, 'https');
    assert.equal(req.host, 'trtc.tencentcloudapi.com');
    assert.equal(req.path, '/');
    assert.equal(req.query, '');
    assert.equal(req.body, BODY);
    assert.equal(req.headerMap['content-type'], 'application/json');
    assert.equal(req.headerMap['x-tc-action'], 'DescribeRoomInfo');
    assert.equal(req.headerMap.authorization, AUTH);
    assert.equal(req.signMethod, 'TC3-HMAC-SHA256');
    // The Host header curl sends implicitly is listed and marked as such; pasted headers keep their case.
    assert.deepEqual(req.headers.find((h) => h.name === 'Host'), { name: 'Host', value: 'trtc.tencentcloudapi.com', implied: true });
    assert.ok(req.headers.some((h) => h.name === 'X-TC-Action'));
  });

  test('CRLF continuations, --url, --data-raw and -d implying POST', () => {
    const text = `curl --url 'https://trtc.ap-guangzhou.tencentcloudapi.com/' \\\r\n -H 'Content-Type: application/json; charset=utf-8' \\\r\n --data-raw '${BODY}'`;
    const req = parsePastedRequest(text);
    assert.equal(req.method, 'POST');
    assert.equal(req.host, 'trtc.ap-guangzhou.tencentcloudapi.com');
    assert.equal(req.body, BODY);
  });

  test("$'…' strings decode their escapes, as bash does", () => {
    const req = parsePastedRequest(`curl https://trtc.tencentcloudapi.com/ -H $'Content-Type: application/json' --data-binary $'{"RoomId":"\\u672a\\u547d\\u540d","Note":"it\\'s"}\\n'`);
    assert.equal(req.body, '{"RoomId":"未命名","Note":"it\'s"}\n');
    assert.equal(req.headerMap['content-type'], 'application/json');
    assert.ok(codes(req).includes('body-trailing-newline'));
  });

  test('--json sets the content type and the method', () => {
    const req = parsePastedRequest(`curl --json '${BODY}' https://trtc.tencentcloudapi.com`);
    assert.equal(req.method, 'POST');
    assert.equal(req.headerMap['content-type'], 'application/json');
    assert.equal(req.headerMap.accept, 'application/json');
    assert.equal(req.path, '/');
    assert.ok(codes(req).includes('content-type-implied'));
  });

  test('-d without a content type gets the form content type curl sends, with a warning', () => {
    const req = parsePastedRequest(`curl https://trtc.tencentcloudapi.com/ -d '${BODY}'`);
    assert.equal(req.headerMap['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(req.headers.find((h) => h.name === 'Content-Type')?.implied, true);
    assert.ok(codes(req).includes('content-type-implied'));
  });

  test('short options glued to their value and clustered flags', () => {
    const req = parsePastedRequest(`curl -sSXPOST -H'Content-Type: application/json' -d'{}' "https://trtc.tencentcloudapi.com/"`);
    assert.equal(req.method, 'POST');
    assert.equal(req.body, '{}');
    assert.equal(req.headerMap['content-type'], 'application/json');
  });

  test('a legacy GET with the query string in the URL; -G moves -d into the query', () => {
    const url = 'https://trtc.tencentcloudapi.com/?Action=DescribeRoomInfo&Signature=abc%3D&SignatureMethod=HmacSHA256';
    const req = parsePastedRequest(`curl '${url}'`);
    assert.equal(req.method, 'GET');
    assert.equal(req.query, 'Action=DescribeRoomInfo&Signature=abc%3D&SignatureMethod=HmacSHA256');
    assert.equal(req.signMethod, 'HmacSHA256');
    const g = parsePastedRequest(`curl -G https://trtc.tencentcloudapi.com/ -d Action=DescribeRoomInfo -d Signature=abc`);
    assert.equal(g.method, 'GET');
    assert.equal(g.query, 'Action=DescribeRoomInfo&Signature=abc');
    assert.equal(g.body, '');
    assert.equal(g.signMethod, 'HmacSHA1');
  });

  test('-H "Name;" sends an empty header, "Name:" removes one, and an explicit port survives', () => {
    const req = parsePastedRequest(`curl https://127.0.0.1:8443/ -H 'X-Empty;' -H 'Content-Type:' -d 'a=b'`);
    assert.equal(req.headerMap['x-empty'], '');
    assert.equal(req.headerMap['content-type'], undefined);
    assert.equal(req.host, '127.0.0.1:8443');
  });

  test('the default port is left out of the host, as curl does', () => {
    const req = parsePastedRequest(`curl https://trtc.tencentcloudapi.com:443/ -d '{}' -H 'Content-Type: application/json'`);
    assert.equal(req.host, 'trtc.tencentcloudapi.com');
    assert.ok(codes(req).includes('default-port-dropped'));
  });

  test('shell variables are kept literally with a warning; a pipe ends the command', () => {
    const req = parsePastedRequest(`curl https://trtc.tencentcloudapi.com/ -H "Authorization: $AUTH" -d '{}' | jq .`);
    assert.equal(req.headerMap.authorization, '$AUTH');
    assert.ok(codes(req).includes('shell-variables'));
    assert.ok(codes(req).includes('ignored-after-operator'));
  });

  test('commands whose values are not in the paste are refused with a clear message', () => {
    assert.throws(() => parsePastedRequest(`curl https://x/ -H "X-TC-Timestamp: $(date +%s)"`), (e: unknown) => e instanceof InputError && /\$\(\.\.\.\)/.test(e.message));
    assert.throws(() => parsePastedRequest(`curl https://x/ -d @body.json`), (e: unknown) => e instanceof InputError && /file/.test(e.message));
    assert.throws(() => parsePastedRequest(`curl https://x/ -F a=b`), (e: unknown) => e instanceof InputError && /multipart/.test(e.message));
    assert.throws(() => parsePastedRequest(`curl ^\n  -X POST ^\n  https://x/`), (e: unknown) => e instanceof InputError && /Windows/.test(e.message));
    assert.throws(() => parsePastedRequest(`curl -X POST`), (e: unknown) => e instanceof InputError && /no URL/.test(e.message));
  });
});

describe('raw HTTP requests', () => {
  const head = ['POST / HTTP/1.1', 'Host: trtc.tencentcloudapi.com', 'Content-Type: application/json', `Authorization: ${AUTH}`];

  test('CRLF: the body is everything after the blank line, unchanged', () => {
    const pretty = '{\r\n  "SdkAppId": 1400000001\r\n}';
    const req = parsePastedRequest([...head, '', pretty].join('\r\n'));
    assert.equal(req.format, 'http');
    assert.equal(req.method, 'POST');
    assert.equal(req.body, pretty);
    assert.equal(req.headerMap.host, 'trtc.tencentcloudapi.com');
    assert.equal(req.headerMap['content-type'], 'application/json');
    assert.deepEqual(codes(req), []);
  });

  test('LF: a final line break stays in the body, is reported and marked uncertain', () => {
    const req = parsePastedRequest([...head, '', BODY + '\n'].join('\n'));
    assert.equal(req.body, BODY + '\n');
    assert.equal(req.uncertainTail, '\n');
    assert.ok(codes(req).includes('body-trailing-newline'));
  });

  test('Content-Length tells a copied line break from a sent one', () => {
    const bytes = Buffer.byteLength(BODY);
    const copied = parsePastedRequest([...head, `Content-Length: ${bytes}`, '', BODY + '\n'].join('\n'));
    assert.equal(copied.body, BODY, 'the server reads Content-Length bytes');
    assert.equal(copied.uncertainTail, undefined);
    const warning = copied.warnings.find((w) => w.code === 'content-length-mismatch');
    assert.ok(warning && /came from copying/.test(warning.en));
    const unexplained = parsePastedRequest([...head, `Content-Length: ${bytes - 3}`, '', BODY + '\n'].join('\n'));
    assert.equal(unexplained.body, BODY + '\n');
    assert.ok(unexplained.warnings.some((w) => w.code === 'content-length-mismatch' && /not exactly the one sent/.test(w.en)));
    const sent = parsePastedRequest([...head, `Content-Length: ${bytes + 1}`, '', BODY + '\n'].join('\n'));
    assert.ok(sent.warnings.some((w) => w.code === 'body-trailing-newline' && /Content-Length counts it/.test(w.en)));
  });

  test('an absolute request target gives host, path and query; leading blank lines are skipped', () => {
    const req = parsePastedRequest('\n\nGET https://trtc.tencentcloudapi.com/?Action=X&Signature=s HTTP/1.1\nX-Other: 1\n');
    assert.equal(req.method, 'GET');
    assert.equal(req.host, 'trtc.tencentcloudapi.com');
    assert.equal(req.query, 'Action=X&Signature=s');
    assert.equal(req.body, '');
    assert.equal(req.signMethod, 'HmacSHA1');
  });

  test('a line that is not a header is named by its number', () => {
    assert.throws(
      () => parsePastedRequest(['POST / HTTP/1.1', 'Host: trtc.tencentcloudapi.com', 'this is not a header', '', '{}'].join('\n')),
      (e: unknown) => e instanceof InputError && /^Line 3 is not a header: "this is not a header"/.test(e.message),
    );
    assert.throws(
      () => parsePastedRequest(['POST / HTTP/1.1', 'Host: x', '{"a":1}'].join('\n')),
      (e: unknown) => e instanceof InputError && /Line 3/.test(e.message) && /empty line between the headers and the body/.test(e.message),
    );
    assert.throws(
      () => parsePastedRequest(['POST / HTTP/1.1', 'Host: x', ' folded'].join('\n')),
      (e: unknown) => e instanceof InputError && /Line 3 starts with a space/.test(e.message),
    );
  });

  test('a broken line that may hold a credential is not quoted in the error', () => {
    assert.throws(
      () => parsePastedRequest(['POST / HTTP/1.1', 'X-TC-Token eyJsecretvalue'].join('\n')),
      (e: unknown) => e instanceof InputError && /Line 2/.test(e.message) && !e.message.includes('eyJsecretvalue'),
    );
    assert.throws(
      () => parsePastedRequest(['POST / HTTP/1.1', 'Host: x', 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'].join('\n')),
      (e: unknown) => e instanceof InputError && /Line 3/.test(e.message) && !e.message.includes('Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'),
    );
  });
});

describe('headers and a body without a request line', () => {
  test('POST is inferred from the body', () => {
    const req = parsePastedRequest(['Host: trtc.tencentcloudapi.com', 'Content-Type: application/json', `Authorization: ${AUTH}`, '', BODY].join('\n'));
    assert.equal(req.format, 'headers');
    assert.equal(req.method, 'POST');
    assert.equal(req.body, BODY);
    assert.ok(codes(req).includes('method-assumed'));
  });

  test('GET without a body; the host is assumed when missing', () => {
    const req = parsePastedRequest(`Authorization: ${AUTH}\nX-TC-Timestamp: 1700000000\n`);
    assert.equal(req.method, 'GET');
    assert.equal(req.host, 'trtc.tencentcloudapi.com');
    assert.ok(codes(req).includes('host-assumed'));
  });

  test('HTTP/2 pseudo-headers from browser tools', () => {
    const req = parsePastedRequest([':method: POST', ':authority: trtc.tencentcloudapi.com', ':path: /', `authorization: ${AUTH}`, '', '{}'].join('\n'));
    assert.equal(req.method, 'POST');
    assert.equal(req.host, 'trtc.tencentcloudapi.com');
    assert.equal(req.body, '{}');
  });
});

describe('legacy URLs and form bodies', () => {
  test('a GET URL', () => {
    const req = parsePastedRequest('https://trtc.tencentcloudapi.com/?Action=DescribeRoomInfo&Nonce=1&Signature=EliP9YW3pW28FpsEdkXt%2F%2BWcGeI%3D\n');
    assert.equal(req.format, 'url');
    assert.equal(req.method, 'GET');
    assert.equal(req.host, 'trtc.tencentcloudapi.com');
    assert.equal(req.query, 'Action=DescribeRoomInfo&Nonce=1&Signature=EliP9YW3pW28FpsEdkXt%2F%2BWcGeI%3D');
    assert.equal(req.signMethod, 'HmacSHA1');
  });

  test('parameters alone are a form POST', () => {
    const req = parsePastedRequest('Action=DescribeRoomInfo&SignatureMethod=HmacSHA256&Signature=abc');
    assert.equal(req.format, 'form');
    assert.equal(req.method, 'POST');
    assert.equal(req.body, 'Action=DescribeRoomInfo&SignatureMethod=HmacSHA256&Signature=abc');
    assert.equal(req.headerMap['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(req.signMethod, 'HmacSHA256');
  });

  test('nothing, or only a body, is refused', () => {
    assert.throws(() => parsePastedRequest('  \n '), InputError);
    assert.throws(() => parsePastedRequest(BODY), (e: unknown) => e instanceof InputError && /headers too/.test(e.message));
    assert.throws(() => parsePastedRequest('hello world'), (e: unknown) => e instanceof InputError && /Line 1/.test(e.message));
  });
});
