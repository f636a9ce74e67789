import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { deflateSync, inflateSync } from 'node:zlib';
import { InputError } from '../../../src/core/errors';
import {
  decodeUserSig,
  describePrivileges,
  fromTlsBase64,
  genPrivateMapKey,
  genUserSig,
  privilegeMapFromNames,
  toTlsBase64,
  verifyUserSig,
} from '../../../src/core/usersig';

// The official Node library is a test oracle only. It has no type declarations and no verify
// function, so the tests use its generator and its own HMAC helper.
interface OfficialApi {
  genUserSig(userId: string, expire: number): string;
  genPrivateMapKey(userId: string, expire: number, roomId: number, privilegeMap: number): string;
  genPrivateMapKeyWithStringRoomID(userId: string, expire: number, roomStr: string, privilegeMap: number): string;
  _hmacsha256(identifier: string, time: number, expire: number, userbuf: string | null): string;
}
const official = require('tls-sig-api-v2') as { Api: new (sdkAppId: number, key: string) => OfficialApi };

const SDKAPPID = 1400000000;
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const T = 1700000000;
const FACTS_SIG = 'LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=';

function rawDocument(userSig: string): Record<string, unknown> {
  return JSON.parse(inflateSync(Buffer.from(fromTlsBase64(userSig), 'base64')).toString('utf8')) as Record<string, unknown>;
}

function reencode(doc: Record<string, unknown>): string {
  return toTlsBase64(deflateSync(Buffer.from(JSON.stringify(doc))));
}

test('the FACTS self-consistency vector: time 1700000000, expire 15552000 (180 days) gives the recorded TLS.sig', () => {
  const r = genUserSig({ sdkAppId: SDKAPPID, key: KEY, userId: 'xiaojun', expireSeconds: 86400 * 180, now: new Date(T * 1000) });
  assert.equal(r.document['TLS.sig'], FACTS_SIG);
  assert.equal(r.document['TLS.time'], T);
  assert.equal(r.expiresAt, new Date((T + 15552000) * 1000).toISOString().replace('.000Z', 'Z'));
  const d = decodeUserSig(r.userSig);
  assert.equal(d.sig, FACTS_SIG);
  assert.equal(d.identifier, 'xiaojun');
  assert.equal(d.sdkappid, SDKAPPID);
  assert.equal(d.expire, 15552000);
});

test('only the 180-day expire among common choices reproduces the recorded vector', () => {
  const candidates = [300, 3600, 86400, 86400 * 7, 86400 * 30, 86400 * 180, 86400 * 365];
  const matching = candidates.filter(
    (e) => genUserSig({ sdkAppId: SDKAPPID, key: KEY, userId: 'xiaojun', expireSeconds: e, now: T * 1000 }).document['TLS.sig'] === FACTS_SIG,
  );
  assert.deepEqual(matching, [15552000]);
});

test('the key is used as its UTF-8 text, not hex-decoded', () => {
  const content = `TLS.identifier:xiaojun\nTLS.sdkappid:${SDKAPPID}\nTLS.time:${T}\nTLS.expire:15552000\n`;
  const hexKeySig = createHmac('sha256', Buffer.from(KEY, 'hex')).update(content).digest('base64');
  assert.notEqual(hexKeySig, FACTS_SIG);
  assert.equal(createHmac('sha256', KEY).update(content).digest('base64'), FACTS_SIG);
});

test('round trip: generate, decode and verify', () => {
  const now = Date.UTC(2024, 0, 2, 3, 4, 5);
  const r = genUserSig({ sdkAppId: 1400123456, key: 'abc', userId: 'user_01-A', expireSeconds: 3600, now });
  assert.match(r.userSig, /^[A-Za-z0-9*\-_]+$/);
  const v = verifyUserSig(r.userSig, { key: 'abc', sdkAppId: 1400123456, userId: 'user_01-A', now: now + 1000 });
  assert.deepEqual(v.reasons, []);
  assert.equal(v.valid, true);
  assert.equal(v.decoded.time, Math.floor(now / 1000));
  assert.equal(v.decoded.userbuf, undefined);
});

test('our sigs are byte-identical to the official library at the same instant, with and without userbuf', (t) => {
  const instants = [T * 1000 + 123, Date.UTC(2030, 5, 1, 12, 0, 0)];
  for (const ms of instants) {
    t.mock.method(Date, 'now', () => ms);
    const api = new official.Api(SDKAPPID, KEY);
    for (const user of ['xiaojun', 'a', 'U_-9'.repeat(8)]) {
      assert.equal(decodeUserSig(api.genUserSig(user, 86400)).time, Math.floor(ms / 1000));
      assert.equal(genUserSig({ sdkAppId: SDKAPPID, key: KEY, userId: user, expireSeconds: 86400 }).userSig, api.genUserSig(user, 86400));
      assert.equal(
        genPrivateMapKey({ sdkAppId: SDKAPPID, key: KEY, userId: user, expireSeconds: 300, roomId: 10000, privilegeMap: 255 }).privateMapKey,
        api.genPrivateMapKey(user, 300, 10000, 255),
      );
      assert.equal(
        genPrivateMapKey({ sdkAppId: SDKAPPID, key: KEY, userId: user, expireSeconds: 600, strRoomId: '1000000040', privilegeMap: 42 })
          .privateMapKey,
        api.genPrivateMapKeyWithStringRoomID(user, 600, '1000000040', 42),
      );
      assert.equal(
        genUserSig({
          sdkAppId: SDKAPPID,
          key: KEY,
          userId: user,
          expireSeconds: 900,
          privateMapKey: { roomId: 4294967295, privilegeMap: 1 },
        }).userSig,
        api.genPrivateMapKey(user, 900, 4294967295, 1),
      );
    }
    t.mock.restoreAll();
  }
});

test("our signatures agree with the official library's own HMAC helper", () => {
  const api = new official.Api(SDKAPPID, KEY);
  const plain = genUserSig({ sdkAppId: SDKAPPID, key: KEY, userId: 'xiaojun', expireSeconds: 1000, now: T * 1000 });
  assert.equal(api._hmacsha256('xiaojun', T, 1000, null), plain.document['TLS.sig']);
  const pmk = genPrivateMapKey({ sdkAppId: SDKAPPID, key: KEY, userId: 'xiaojun', expireSeconds: 1000, now: T * 1000, strRoomId: 'room-7', privilegeMap: 3 });
  assert.equal(api._hmacsha256('xiaojun', T, 1000, pmk.document['TLS.userbuf'] as string), pmk.document['TLS.sig']);
});

test('official sigs decode and verify with ours: numeric and string rooms', (t) => {
  const ms = Date.UTC(2031, 2, 3, 4, 5, 6);
  t.mock.method(Date, 'now', () => ms);
  const api = new official.Api(1400000001, 'someKey123');
  const plain = api.genUserSig('alice', 7200);
  const numeric = api.genPrivateMapKey('alice', 300, 12345, 42);
  const str = api.genPrivateMapKeyWithStringRoomID('alice', 300, 'live_room', 255);
  t.mock.restoreAll();

  const opts = { key: 'someKey123', sdkAppId: 1400000001, userId: 'alice', now: ms + 5000 };
  for (const sig of [plain, numeric, str]) {
    const v = verifyUserSig(sig, opts);
    assert.deepEqual(v.reasons, [], sig);
  }
  const n = decodeUserSig(numeric).userbuf;
  assert.ok(n);
  assert.equal(n.version, 0);
  assert.equal(n.roomId, 12345);
  assert.equal(n.strRoomId, undefined);
  assert.equal(n.userId, 'alice');
  assert.equal(n.sdkAppId, 1400000001);
  assert.equal(n.expireAt, Math.floor(ms / 1000) + 300);
  assert.equal(n.privileges.text, 'enter room, receive audio, receive video');
  const s = decodeUserSig(str).userbuf;
  assert.ok(s);
  assert.equal(s.version, 1);
  assert.equal(s.roomId, 0);
  assert.equal(s.strRoomId, 'live_room');
  assert.equal(s.privileges.text, 'all privileges');
  assert.equal(decodeUserSig(plain).userbuf, undefined);
});

test('tampering is detected: changed identifier, changed privileges, wrong key', () => {
  const now = T * 1000;
  const pmk = genPrivateMapKey({ sdkAppId: SDKAPPID, key: KEY, userId: 'bob', expireSeconds: 3600, now, roomId: 5, privilegeMap: 42 });

  const doc = rawDocument(pmk.privateMapKey);
  doc['TLS.identifier'] = 'mallory';
  const renamed = verifyUserSig(reencode(doc), { key: KEY, now });
  assert.equal(renamed.valid, false);
  assert.ok(renamed.reasons.some((r) => r.startsWith('The signature does not match')));
  assert.ok(renamed.reasons.some((r) => r.includes('names user "bob"')));

  const doc2 = rawDocument(pmk.privateMapKey);
  const ub = Buffer.from(doc2['TLS.userbuf'] as string, 'base64');
  ub.writeUInt32BE(255, ub.length - 8);
  doc2['TLS.userbuf'] = ub.toString('base64');
  const elevated = verifyUserSig(reencode(doc2), { key: KEY, now });
  assert.equal(elevated.valid, false);
  assert.equal(elevated.decoded.userbuf?.privilegeMap, 255);
  assert.ok(elevated.reasons[0].startsWith('The signature does not match'));

  const wrongKey = verifyUserSig(pmk.privateMapKey, { key: KEY + 'x', now });
  assert.deepEqual(wrongKey.reasons.length, 1);
  assert.match(wrongKey.reasons[0], /signature does not match/);

  assert.equal(verifyUserSig(reencode(rawDocument(pmk.privateMapKey)), { key: KEY, now }).valid, true);
});

test('expiry, application and user mismatches are reported with specifics', () => {
  const r = genUserSig({ sdkAppId: SDKAPPID, key: KEY, userId: 'xiaojun', expireSeconds: 3600, now: T * 1000 });
  const late = verifyUserSig(r.userSig, { key: KEY, now: (T + 3600 + 2 * 3600 + 5 * 60) * 1000 });
  assert.equal(late.valid, false);
  assert.deepEqual(late.reasons, [`The sig expired 2 h 5 min ago, at ${r.expiresAt}.`]);
  const atEdge = verifyUserSig(r.userSig, { key: KEY, now: (T + 3600) * 1000 });
  assert.equal(atEdge.valid, true);

  const other = verifyUserSig(r.userSig, { key: KEY, sdkAppId: 1400000001, userId: 'xiaoming', now: T * 1000 });
  assert.deepEqual(other.reasons, ['The sig is for SdkAppId 1400000000, not 1400000001.', 'The sig is for user "xiaojun", not "xiaoming".']);

  const early = verifyUserSig(r.userSig, { key: KEY, now: (T - 86400) * 1000 });
  assert.equal(early.valid, true);
  assert.match(early.warnings[0], /1 d in the future/);
});

test('the room permission has its own expiry', () => {
  const pmk = genPrivateMapKey({ sdkAppId: SDKAPPID, key: KEY, userId: 'u', expireSeconds: 300, now: T * 1000, roomId: 9, privilegeMap: 2 });
  const doc = rawDocument(pmk.privateMapKey);
  const ub = Buffer.from(doc['TLS.userbuf'] as string, 'base64');
  assert.equal(ub.readUInt32BE(1 + 2 + 1 + 8), T + 300);
  const v = verifyUserSig(pmk.privateMapKey, { key: KEY, now: (T + 301) * 1000 });
  assert.deepEqual(
    v.reasons.map((r) => r.replace(/ at .*$/, '')),
    ['The sig expired 1 s ago,', 'The room permission expired 1 s ago,'],
  );
});

test('decoding reports bad base64, bad zlib, bad JSON and missing fields clearly', () => {
  const expectInput = (input: string, pattern: RegExp): void => {
    assert.throws(
      () => decodeUserSig(input),
      (e: unknown) => e instanceof InputError && pattern.test(e.message),
    );
  };
  expectInput('', /empty/);
  expectInput('eJyr Vgr', /alphabet: character U\+0020 at position 5/);
  expectInput('eJyr%2AVgr', /character "%" \(U\+0025\) at position 5/);
  expectInput(toTlsBase64(Buffer.from('hello world, not compressed')), /not zlib-compressed/);
  expectInput(toTlsBase64(deflateSync(Buffer.from('{"TLS.ver":'))), /not JSON/);
  expectInput(toTlsBase64(deflateSync(Buffer.from('[1,2]'))), /not an object/);
  expectInput(toTlsBase64(deflateSync(Buffer.from('{"TLS.ver":"2.0","TLS.identifier":"a"}'))), /lacks "TLS.sdkappid", "TLS.time", "TLS.expire", "TLS.sig"/);
  expectInput(
    toTlsBase64(deflateSync(Buffer.from('{"TLS.ver":"2.0","TLS.identifier":"a","TLS.sdkappid":"x","TLS.time":1,"TLS.expire":1,"TLS.sig":""}'))),
    /"TLS.sdkappid" should be a number/,
  );
});

test('a malformed userbuf is reported, not thrown', () => {
  const doc = rawDocument(genUserSig({ sdkAppId: SDKAPPID, key: KEY, userId: 'u', expireSeconds: 60, now: T * 1000 }).userSig);
  doc['TLS.userbuf'] = Buffer.from([0, 0, 5, 65]).toString('base64');
  const d = decodeUserSig(reencode(doc));
  assert.equal(d.userbuf, undefined);
  assert.match(d.userbufError ?? '', /ends after 4 bytes, before its user id/);
  const v = verifyUserSig(reencode(doc), { key: KEY, now: T * 1000 });
  assert.ok(v.reasons.some((r) => r.includes('room-permission block (userbuf) is malformed')));
});

test('input validation names what is wrong', () => {
  const base = { sdkAppId: SDKAPPID, key: KEY, userId: 'ok', expireSeconds: 60 };
  const expectInput = (f: () => unknown, pattern: RegExp, path?: string): void => {
    assert.throws(f, (e: unknown) => e instanceof InputError && pattern.test(e.message) && (path === undefined || e.path === path));
  };
  expectInput(() => genUserSig({ ...base, userId: 'li.lei' }), /position 3: "\." \(U\+002E\)/, 'userId');
  expectInput(() => genUserSig({ ...base, userId: '张三' }), /position 1: "张" \(U\+5F20\)/, 'userId');
  expectInput(() => genUserSig({ ...base, userId: 'x'.repeat(33) }), /33 bytes long; the limit is 32/, 'userId');
  expectInput(() => genUserSig({ ...base, userId: '' }), /empty/, 'userId');
  expectInput(() => genUserSig({ ...base, sdkAppId: 0 }), /positive whole number/, 'sdkAppId');
  expectInput(() => genUserSig({ ...base, sdkAppId: 1.5 }), /positive whole number/, 'sdkAppId');
  expectInput(() => genUserSig({ ...base, expireSeconds: -1 }), /positive whole number of seconds/, 'expireSeconds');
  expectInput(() => genUserSig({ ...base, key: '' }), /secret key is empty/, 'key');
  expectInput(() => genPrivateMapKey({ ...base, roomId: 1, privilegeMap: 256 }), /0 to 255/, 'privilegeMap');
  expectInput(() => genPrivateMapKey({ ...base, roomId: 1, strRoomId: 'a', privilegeMap: 1 }), /either a numeric room id/, 'roomId');
  expectInput(() => genPrivateMapKey({ ...base, privilegeMap: 1 }), /either a numeric room id/, 'roomId');
  expectInput(() => genPrivateMapKey({ ...base, roomId: 0, privilegeMap: 1 }), /1 to 4294967295/, 'roomId');
  expectInput(() => genPrivateMapKey({ ...base, strRoomId: 'r'.repeat(65), privilegeMap: 1 }), /65 bytes/, 'strRoomId');
  expectInput(() => genPrivateMapKey({ ...base, strRoomId: 'é', privilegeMap: 1 }), /not printable ASCII at position 1/, 'strRoomId');
  expectInput(
    () => genPrivateMapKey({ ...base, expireSeconds: 2 ** 32, now: T * 1000, roomId: 1, privilegeMap: 1 }),
    /past the year 2106/,
    'expireSeconds',
  );
  expectInput(() => verifyUserSig('eJy', { key: '' }), /secret key is empty/);
});

test('privilege maps are described bit by bit', () => {
  assert.equal(describePrivileges(42).text, 'enter room, receive audio, receive video');
  assert.equal(describePrivileges(255).text, 'all privileges');
  assert.equal(describePrivileges(0).text, 'none');
  assert.deepEqual(
    describePrivileges(128 + 1).granted.map((p) => p.name),
    ['createRoom', 'receiveSubstream'],
  );
  assert.equal(describePrivileges(64 + 16 + 4).denied.length, 5);
  assert.equal(privilegeMapFromNames(['enterRoom', 'receiveAudio', 'receiveVideo']), 42);
  assert.throws(() => privilegeMapFromNames(['fly']), InputError);
  assert.throws(() => describePrivileges(-1), InputError);
});
