import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleEvent, serializeCallbackBody, signCallback, verifyCallback, type CallbackMistake } from '../../../src/core/callbacks';
import { parseJson, stringifyJson } from '../../../src/core/json';

const KEY = '123654';
const BODY =
  '{\n\t"EventGroupId":\t2,\n\t"EventType":\t204,\n\t"CallbackTs":\t1664209748188,\n\t"EventInfo":\t{\n\t\t"RoomId":\t8489,\n\t\t"EventTs":\t1664209748,\n\t\t"EventMsTs":\t1664209748180,\n\t\t"UserId":\t"user_85034614",\n\t\t"Reason":\t0\n\t}\n}';
const SIGN = 'kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=';
const LITERAL_SIGN = 'LvKyTq86nULm22HssZHPn1L7gkGafhnxpO//kNZ31TM=';
const LITERAL_BODY = BODY.replace(/\n/g, '\\n').replace(/\t/g, '\\t');

function mistakesOf(body: string | Buffer, sign: string, key = KEY): CallbackMistake[] {
  const r = verifyCallback({ body, sign, key });
  assert.equal(r.valid, false);
  assert.equal(r.diagnosis.length >= 1, true);
  return r.mistakes;
}

test('the documented vector: key 123654 signs the tab-indented body as kkoFe…', () => {
  assert.equal(signCallback(BODY, KEY), SIGN);
  assert.equal(signCallback(Buffer.from(BODY), KEY), SIGN);
  const r = verifyCallback({ body: BODY, sign: SIGN, key: KEY });
  assert.equal(r.valid, true);
  assert.equal(r.expected, SIGN);
  assert.deepEqual(r.mistakes, []);
  assert.equal(verifyCallback({ body: Buffer.from(BODY), sign: ` ${SIGN}\r\n`, key: KEY }).valid, true);
});

test('the body layout we write is exactly the one TRTC sends', () => {
  assert.equal(serializeCallbackBody(parseJson(BODY)), BODY);
  const sample = sampleEvent(204, { now: 1664209748188, roomId: 8489, userId: 'user_85034614' });
  assert.equal(serializeCallbackBody(sample), BODY);
});

test('literal \\n and \\t instead of real characters are recognised (the LvKyTq… vector)', () => {
  assert.equal(signCallback(LITERAL_BODY, KEY), LITERAL_SIGN);
  assert.deepEqual(mistakesOf(LITERAL_BODY, SIGN), ['literal-escapes']);
  assert.deepEqual(mistakesOf(BODY, LITERAL_SIGN), ['escaped-line-breaks']);
  const r = verifyCallback({ body: LITERAL_BODY, sign: SIGN, key: KEY });
  assert.equal(r.expected, LITERAL_SIGN);
  assert.match(r.diagnosis[0], /two-character sequences \\n and \\t/);
});

test('a re-serialized body is named by its layout, in both directions', () => {
  const v = parseJson(BODY);
  const compact = stringifyJson(v);
  assert.deepEqual(mistakesOf(compact, SIGN), ['reserialized-trtc']);
  assert.deepEqual(mistakesOf(stringifyJson(v, 2), SIGN), ['reserialized-trtc']);
  assert.deepEqual(mistakesOf(BODY, signCallback(compact, KEY)), ['reserialized-compact']);
  assert.deepEqual(mistakesOf(BODY, signCallback(stringifyJson(v, 2), KEY)), ['reserialized-pretty-2']);
  assert.deepEqual(mistakesOf(BODY, signCallback(stringifyJson(v, 4), KEY)), ['reserialized-pretty-4']);
  assert.deepEqual(mistakesOf(BODY, signCallback(stringifyJson(v, '\t'), KEY)), ['reserialized-pretty-tab']);
  const python =
    '{"EventGroupId": 2, "EventType": 204, "CallbackTs": 1664209748188, "EventInfo": {"RoomId": 8489, "EventTs": 1664209748, "EventMsTs": 1664209748180, "UserId": "user_85034614", "Reason": 0}}';
  assert.deepEqual(mistakesOf(BODY, signCallback(python, KEY)), ['reserialized-python']);
  const sorted =
    '{"CallbackTs":1664209748188,"EventGroupId":2,"EventInfo":{"EventMsTs":1664209748180,"EventTs":1664209748,"Reason":0,"RoomId":8489,"UserId":"user_85034614"},"EventType":204}';
  assert.deepEqual(mistakesOf(BODY, signCallback(sorted, KEY)), ['keys-reordered']);
  const r = verifyCallback({ body: compact, sign: SIGN, key: KEY });
  assert.match(r.diagnosis[0], /raw request bytes/);
});

test('trailing newlines and CRLF line breaks are recognised, in both directions', () => {
  assert.deepEqual(mistakesOf(BODY + '\n', SIGN), ['trailing-newline-removed']);
  assert.deepEqual(mistakesOf(BODY, signCallback(BODY + '\n', KEY)), ['trailing-newline-added']);
  assert.deepEqual(mistakesOf(BODY.replace(/\n/g, '\r\n'), SIGN), ['lf-line-breaks']);
  assert.deepEqual(mistakesOf(BODY, signCallback(BODY.replace(/\n/g, '\r\n'), KEY)), ['crlf-line-breaks']);
});

test('a quoted copy of the body is recognised', () => {
  assert.deepEqual(mistakesOf(JSON.stringify(BODY), SIGN), ['quoted-string']);
});

test('a key with whitespace around it is recognised without echoing the key', () => {
  const r = verifyCallback({ body: BODY, sign: SIGN, key: `${KEY}\n` });
  assert.deepEqual(r.mistakes, ['key-whitespace']);
  assert.ok(r.diagnosis.every((d) => !d.includes(KEY)));
  assert.deepEqual(mistakesOf(stringifyJson(parseJson(BODY)), SIGN, ` ${KEY} `), ['key-whitespace', 'reserialized-trtc']);
});

test('re-encoded Signs are recognised: URL-encoded, plus as space, base64url, hex', () => {
  assert.deepEqual(mistakesOf(BODY, encodeURIComponent(SIGN)), ['sign-url-encoded']);
  const digest = Buffer.from(SIGN, 'base64');
  assert.deepEqual(mistakesOf(BODY, digest.toString('base64url')), ['sign-base64url']);
  assert.deepEqual(mistakesOf(BODY, digest.toString('hex')), ['sign-hex']);
  assert.deepEqual(mistakesOf(BODY, digest.toString('hex').toUpperCase()), ['sign-hex']);

  // Find a sample whose Sign contains "+", then lose the pluses the way form decoding does.
  let body = '';
  let sign = '';
  for (let room = 1; !sign.includes('+'); room++) {
    body = serializeCallbackBody(sampleEvent(103, { now: 1700000000000, roomId: room }));
    sign = signCallback(body, KEY);
  }
  assert.deepEqual(mistakesOf(body, sign.replace(/\+/g, ' ')), ['sign-plus-as-space']);
});

test('an unexplained mismatch says so and checks the shapes of Sign and key', () => {
  const wrongKey = verifyCallback({ body: BODY, sign: SIGN, key: '654321' });
  assert.equal(wrongKey.valid, false);
  assert.deepEqual(wrongKey.mistakes, []);
  assert.match(wrongKey.diagnosis[0], /none of the usual mistakes/);
  assert.match(wrongKey.diagnosis.join(' '), /callback key configured/);

  const odd = verifyCallback({ body: '{"a":', sign: 'abc', key: 'not a key!' });
  assert.deepEqual(odd.mistakes, []);
  const text = odd.diagnosis.join(' ');
  assert.match(text, /3 characters long/);
  assert.match(text, /not 1 to 32 letters and digits/);
  assert.match(text, /not valid JSON/);
});
