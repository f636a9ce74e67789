// curl commands as people paste them, read as bash and curl read them, and the explorer's own
// `export --format curl` output diagnosed end to end.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toCurl } from '../../../src/core/codegen';
import { diagnoseSignature, parsePastedRequest, type Diagnosis } from '../../../src/core/debugger';
import { InputError } from '../../../src/core/errors';
import { parseJson, type JsonObject } from '../../../src/core/json';
import type { HttpMethod, SignMethod } from '../../../src/core/signing/types';
import { SECRET_ID, SECRET_KEY, signCorrect, TIMESTAMP } from './helpers';

const TOKEN = 'sessionToken+/=value-0123456789';

function diagnose(text: string, extra: { token?: string; variables?: Record<string, string> } = {}): Diagnosis {
  const req = parsePastedRequest(text, extra.variables ? { variable: (n) => extra.variables![n] } : {});
  return diagnoseSignature(req, { secretKey: SECRET_KEY, secretId: SECRET_ID, now: TIMESTAMP, ...(extra.token ? { token: extra.token } : {}) });
}

describe('curl read as bash and curl read it', () => {
  test('inside double quotes a backslash escapes only $ ` " \\ and a line break', () => {
    const req = parsePastedRequest('curl https://trtc.tencentcloudapi.com/ -H "Content-Type: application/json" -d "{\\"Note\\":\\"a\\b \\$x \\`y\\` c\\\\d\\", \\\n\\"More\\":1}"');
    assert.equal(req.body, '{"Note":"a\\b $x `y` c\\d", "More":1}');
  });

  test('--data-binary keeps line breaks, --json pieces are joined, -G moves -d into the query', () => {
    assert.equal(parsePastedRequest(`curl https://x/ -H 'Content-Type: application/json' --data-binary $'{"a":1}\\n'`).body, '{"a":1}\n');
    const json = parsePastedRequest(`curl https://x/ --json '{"a":' --json '1}'`);
    assert.equal(json.body, '{"a":1}');
    assert.equal(json.headerMap['content-type'], 'application/json');
    const g = parsePastedRequest(`curl -G --url 'https://trtc.tencentcloudapi.com/?Action=X' -d Nonce=1 --data-urlencode 'Note=a b'`);
    assert.equal(g.method, 'GET');
    assert.equal(g.query, 'Action=X&Nonce=1&Note=a%20b');
    assert.equal(g.body, '');
  });

  test('data read from a file is named as unreadable, not misread; a here-document is read', () => {
    for (const [command, file] of [
      ['curl https://x/ -d @body.json', 'body.json'],
      ['curl https://x/ --data-binary @/tmp/payload.bin', '/tmp/payload.bin'],
      ['curl https://x/ --json @req.json', 'req.json'],
      ['curl https://x/ --data-urlencode Note@note.txt', 'note.txt'],
      ['curl https://x/ -H @headers.txt', 'headers.txt'],
      ['curl https://x/ -d @-', 'standard input'],
    ]) {
      assert.throws(
        () => parsePastedRequest(command),
        (e: unknown) => e instanceof InputError && e.message.includes(file) && /cannot be read here/.test(e.message),
        command,
      );
    }
    const doc = parsePastedRequest("curl https://x/ -H 'Content-Type: application/json' -d @- <<'EOF'\n{\"a\": 1,\n \"b\": 2}\nEOF\n");
    assert.equal(doc.body, '{"a": 1, "b": 2}', '-d @- drops the line breaks of what it reads');
    const binary = parsePastedRequest("curl https://x/ --data-binary @- <<'EOF'\n{\"a\": 1}\nEOF\n");
    assert.equal(binary.body, '{"a": 1}\n');
  });

  test('variables set earlier in the paste are expanded; unknown ones are listed', () => {
    const req = parsePastedRequest(`BODY='{"a":1}'\ncurl https://x/ -d "$BODY" -H "X-Other: $UNSET"`);
    assert.equal(req.body, '{"a":1}');
    assert.deepEqual(req.unresolvedVariables, ['UNSET']);
    assert.equal(req.headerMap['x-other'], '$UNSET');
  });
});

describe("the explorer's own curl export", () => {
  const CASES: Array<[SignMethod, HttpMethod]> = [
    ['TC3-HMAC-SHA256', 'POST'],
    ['TC3-HMAC-SHA256', 'GET'],
    ['HmacSHA256', 'POST'],
    ['HmacSHA1', 'GET'],
  ];

  for (const [signMethod, httpMethod] of CASES) {
    test(`${signMethod} ${httpMethod} with a session token: correct, with the token taken from what is given`, () => {
      const signed = signCorrect({ signMethod, httpMethod, nonce: 77, credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN } });
      const { text } = toCurl(signed, 'https://trtc.tencentcloudapi.com');
      assert.match(text, /\$TENCENTCLOUD_SESSION_TOKEN/);
      const given = diagnose(text, { token: TOKEN });
      assert.equal(given.certainty, 'correct', `${given.certainty} ${given.causes.map((c) => c.id).join(', ')}`);
      assert.equal(given.steps.find((s) => s.key === 'token')?.status, 'ok');
      assert.ok(given.warnings.some((w) => w.code === 'token-filled-in'));
      if (signMethod === 'TC3-HMAC-SHA256') {
        // The TC3 token is not signed: without it the signature still verifies, and the token is a reference.
        const bare = diagnose(text);
        assert.equal(bare.certainty, 'correct');
        assert.equal(bare.steps.find((s) => s.key === 'token')?.status, 'unknown');
        assert.ok(bare.warnings.some((w) => w.code === 'token-reference'));
      } else {
        // The legacy Token is signed, so without it the signature cannot be checked, and the verdict says why.
        const bare = diagnose(text);
        assert.notEqual(bare.certainty, 'correct');
        assert.notEqual(bare.certainty, 'reproduced');
        assert.equal(bare.causes[0].id, 'unresolved-variables');
      }
    });
  }

  test('a sensitive parameter read from the environment: a reference until its value is given', () => {
    const params = parseJson('{"SdkAppId":1400000001,"RoomId":"1","UserSig":"eJwUserSigValue"}') as JsonObject;
    const signed = signCorrect({ params });
    const { text } = toCurl(signed, 'https://trtc.tencentcloudapi.com');
    assert.match(text, /"\$TRTC_USERSIG"/);
    const bare = diagnose(text);
    assert.equal(bare.certainty, 'likely');
    assert.equal(bare.causes[0].id, 'unresolved-variables');
    assert.match(bare.causes[0].explanation.en, /\$TRTC_USERSIG/);
    assert.equal(diagnose(text, { variables: { TRTC_USERSIG: 'eJwUserSigValue' } }).certainty, 'correct');
  });
});
