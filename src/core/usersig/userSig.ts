import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { InputError } from '../errors';
import { checkPrivilegeMap, describePrivileges, type PrivilegeDescription } from './privileges';

/** The JSON document a UserSig compresses, in the key order the official Node library writes. */
export interface UserSigDocument {
  'TLS.ver': string;
  'TLS.identifier': string;
  'TLS.sdkappid': number;
  'TLS.time': number;
  'TLS.expire': number;
  'TLS.userbuf'?: string;
  'TLS.sig': string;
}

/** Room and privileges to bind into a PrivateMapKey. Give exactly one of `roomId` and `strRoomId`. */
export interface PrivateMapKeyOptions {
  /** Numeric room, 1 to 4294967295. */
  roomId?: number;
  /** String room, printable ASCII, at most 64 bytes. */
  strRoomId?: string;
  /** 0 to 255, see `PRIVILEGE_BITS`. */
  privilegeMap: number;
}

/** What `genUserSig` needs. */
export interface GenUserSigInput {
  sdkAppId: number;
  /** The application's secret key from the console, used as UTF-8 text (never hex-decoded). */
  key: string;
  userId: string;
  /** Validity in seconds, counted from `now`. */
  expireSeconds: number;
  /** Signing time as a Date or epoch milliseconds; the current time when omitted. */
  now?: Date | number;
  /** When given, the sig carries a userbuf and works as a PrivateMapKey for that room. */
  privateMapKey?: PrivateMapKeyOptions;
}

/** A freshly generated sig with everything it contains. */
export interface GenUserSigResult {
  userSig: string;
  document: UserSigDocument;
  /** ISO time after which the sig is rejected. */
  expiresAt: string;
  /** The decoded userbuf, for PrivateMapKeys. */
  userbuf?: DecodedUserbuf;
}

/** The room-permission block of a PrivateMapKey, decoded. */
export interface DecodedUserbuf {
  /** 0 for a numeric room, 1 for a string room. */
  version: number;
  userId: string;
  sdkAppId: number;
  /** The numeric room; 0 for string rooms. */
  roomId: number;
  strRoomId?: string;
  /** Unix seconds after which the room permission lapses. */
  expireAt: number;
  expiresAt: string;
  privilegeMap: number;
  privileges: PrivilegeDescription;
  /** Always 0 in sigs made by the official libraries. */
  accountType: number;
}

/** Everything inside a UserSig or PrivateMapKey. */
export interface DecodedUserSig {
  version: string;
  identifier: string;
  sdkappid: number;
  /** Unix seconds when the sig was made. */
  time: number;
  /** Validity in seconds. */
  expire: number;
  expiresAt: string;
  /** Base64 HMAC-SHA256 of the signed content. */
  sig: string;
  /** The userbuf as carried (standard base64), when there is one. */
  userbufBase64?: string;
  userbuf?: DecodedUserbuf;
  /** Set when a userbuf is present but its bytes do not follow the documented layout. */
  userbufError?: string;
  /** The inflated JSON text, exactly as found. */
  json: string;
}

/** The outcome of checking a sig against a key and expectations. */
export interface UserSigVerification {
  valid: boolean;
  /** Every reason the sig would be rejected, in plain words; empty when valid. */
  reasons: string[];
  /** Things worth knowing that do not make the sig invalid. */
  warnings: string[];
  decoded: DecodedUserSig;
}

const USER_ID_CHAR = /^[A-Za-z0-9_-]$/;
const MAX_USER_ID_BYTES = 32;
const MAX_STR_ROOM_ID_BYTES = 64;
const U32_MAX = 0xffffffff;

/** Generates a UserSig (or, with `privateMapKey`, a PrivateMapKey) exactly as TLSSigAPIv2 does. */
export function genUserSig(input: GenUserSigInput): GenUserSigResult {
  checkSdkAppId(input.sdkAppId);
  checkKey(input.key);
  checkUserId(input.userId);
  checkExpire(input.expireSeconds);
  const time = epochSeconds(input.now);
  let userbufBytes: Buffer | undefined;
  if (input.privateMapKey) {
    userbufBytes = encodeUserbuf(input.userId, input.sdkAppId, time, input.expireSeconds, input.privateMapKey);
  }
  const userbufBase64 = userbufBytes?.toString('base64');
  const sig = tlsHmac(input.key, input.userId, input.sdkAppId, time, input.expireSeconds, userbufBase64);
  // Key order follows the official Node library, so equal inputs give byte-identical sigs.
  const document: UserSigDocument =
    userbufBase64 === undefined
      ? { 'TLS.ver': '2.0', 'TLS.identifier': input.userId, 'TLS.sdkappid': input.sdkAppId, 'TLS.time': time, 'TLS.expire': input.expireSeconds, 'TLS.sig': sig }
      : {
          'TLS.ver': '2.0',
          'TLS.identifier': input.userId,
          'TLS.sdkappid': input.sdkAppId,
          'TLS.time': time,
          'TLS.expire': input.expireSeconds,
          'TLS.userbuf': userbufBase64,
          'TLS.sig': sig,
        };
  const userSig = toTlsBase64(deflateSync(Buffer.from(JSON.stringify(document), 'utf8')));
  const result: GenUserSigResult = { userSig, document, expiresAt: isoSeconds(time + input.expireSeconds) };
  if (userbufBytes) {
    result.userbuf = decodeUserbuf(userbufBytes);
  }
  return result;
}

/** What `genPrivateMapKey` needs: a UserSig's inputs plus the room and the privileges. */
export type GenPrivateMapKeyInput = Omit<GenUserSigInput, 'privateMapKey'> & PrivateMapKeyOptions;

/** A PrivateMapKey with everything it contains. */
export interface GenPrivateMapKeyResult {
  privateMapKey: string;
  document: UserSigDocument;
  expiresAt: string;
  userbuf: DecodedUserbuf;
}

/**
 * Generates the PrivateMapKey that the official libraries' `genPrivateMapKey` (numeric room) and
 * `genPrivateMapKeyWithStringRoomID` (string room) produce: a UserSig whose signed content also
 * covers the room-permission userbuf.
 */
export function genPrivateMapKey(input: GenPrivateMapKeyInput): GenPrivateMapKeyResult {
  const { roomId, strRoomId, privilegeMap, ...base } = input;
  const r = genUserSig({ ...base, privateMapKey: { roomId, strRoomId, privilegeMap } });
  return { privateMapKey: r.userSig, document: r.document, expiresAt: r.expiresAt, userbuf: r.userbuf as DecodedUserbuf };
}

/** Opens a UserSig or PrivateMapKey without a key: base64 variant, zlib, JSON, userbuf. */
export function decodeUserSig(userSig: string): DecodedUserSig {
  if (typeof userSig !== 'string' || userSig.trim() === '') {
    throw new InputError('The UserSig is empty. Paste the whole string, which usually starts with "eJ".', 'userSig');
  }
  const text = userSig.trim();
  const bad = /[^A-Za-z0-9*\-_+/=]/.exec(text);
  if (bad) {
    throw new InputError(
      `The UserSig is not in the TLS base64 alphabet: character ${describeChar(bad[0])} at position ${bad.index + 1}. ` +
        'A UserSig uses letters, digits and "*", "-", "_". If it came from a URL, decode the URL first.',
      'userSig',
    );
  }
  const compressed = Buffer.from(fromTlsBase64(text), 'base64');
  if (compressed.length === 0) {
    throw new InputError('The UserSig decodes to no bytes; it is not a UserSig.', 'userSig');
  }
  let json: string;
  try {
    json = inflateSync(compressed).toString('utf8');
  } catch {
    throw new InputError(
      'The UserSig is valid base64 but not zlib-compressed data, so it is truncated or not a TLS UserSig ' +
        '(an older TLS v1 sig, or a different kind of token).',
      'userSig',
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new InputError(`The UserSig inflates to text that is not JSON: ${snippet(json)}`, 'userSig');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InputError(`The UserSig inflates to JSON that is not an object: ${snippet(json)}`, 'userSig');
  }
  const o = doc as Record<string, unknown>;
  const missing = ['TLS.ver', 'TLS.identifier', 'TLS.sdkappid', 'TLS.time', 'TLS.expire', 'TLS.sig'].filter((k) => !(k in o));
  if (missing.length > 0) {
    throw new InputError(`The UserSig document lacks ${missing.map((k) => `"${k}"`).join(', ')}; it is not a TLSSigAPIv2 sig.`, 'userSig');
  }
  const version = stringField(o, 'TLS.ver');
  const identifier = stringField(o, 'TLS.identifier');
  const sdkappid = numberField(o, 'TLS.sdkappid');
  const time = numberField(o, 'TLS.time');
  const expire = numberField(o, 'TLS.expire');
  const sig = stringField(o, 'TLS.sig');
  const decoded: DecodedUserSig = {
    version,
    identifier,
    sdkappid,
    time,
    expire,
    expiresAt: isoSeconds(time + expire),
    sig,
    json,
  };
  if ('TLS.userbuf' in o) {
    const userbufBase64 = stringField(o, 'TLS.userbuf');
    decoded.userbufBase64 = userbufBase64;
    try {
      decoded.userbuf = decodeUserbuf(Buffer.from(userbufBase64, 'base64'));
    } catch (e) {
      decoded.userbufError = e instanceof Error ? e.message : String(e);
    }
  }
  return decoded;
}

/** What `verifyUserSig` compares against; only `key` is required. */
export interface VerifyUserSigOptions {
  key: string;
  sdkAppId?: number;
  userId?: string;
  /** The time to judge expiry by, as a Date or epoch milliseconds; now when omitted. */
  now?: Date | number;
}

/** Checks a sig the way the server does: signature, expiry, application and user. */
export function verifyUserSig(userSig: string, options: VerifyUserSigOptions): UserSigVerification {
  checkKey(options.key);
  const d = decodeUserSig(userSig);
  const reasons: string[] = [];
  const warnings: string[] = [];
  const now = epochSeconds(options.now);

  const expected = tlsHmac(options.key, d.identifier, d.sdkappid, d.time, d.expire, d.userbufBase64);
  if (!sameText(expected, d.sig)) {
    reasons.push(
      'The signature does not match: this sig was not made with this key for these fields, or one of its fields was changed after signing.',
    );
  }
  if (now > d.time + d.expire) {
    reasons.push(`The sig expired ${formatDuration(now - (d.time + d.expire))} ago, at ${d.expiresAt}.`);
  }
  if (d.time > now + 300) {
    warnings.push(`The sig was made ${formatDuration(d.time - now)} in the future (${isoSeconds(d.time)}); the signing machine's clock may be wrong.`);
  }
  if (options.sdkAppId !== undefined && options.sdkAppId !== d.sdkappid) {
    reasons.push(`The sig is for SdkAppId ${d.sdkappid}, not ${options.sdkAppId}.`);
  }
  if (options.userId !== undefined && options.userId !== d.identifier) {
    reasons.push(`The sig is for user "${d.identifier}", not "${options.userId}".`);
  }
  if (d.version !== '2.0') {
    warnings.push(`The document says version "${d.version}"; TLSSigAPIv2 writes "2.0".`);
  }
  if (d.userbufError) {
    reasons.push(`The room-permission block (userbuf) is malformed: ${d.userbufError}`);
  }
  if (d.userbuf) {
    const u = d.userbuf;
    if (u.userId !== d.identifier) {
      reasons.push(`The room-permission block names user "${u.userId}" but the sig is for "${d.identifier}".`);
    }
    if (u.sdkAppId !== d.sdkappid) {
      reasons.push(`The room-permission block names SdkAppId ${u.sdkAppId} but the sig is for ${d.sdkappid}.`);
    }
    if (now > u.expireAt) {
      reasons.push(`The room permission expired ${formatDuration(now - u.expireAt)} ago, at ${u.expiresAt}.`);
    }
  }
  return { valid: reasons.length === 0, reasons, warnings, decoded: d };
}

/** The HMAC-SHA256 over the TLS content string, base64. */
function tlsHmac(key: string, userId: string, sdkAppId: number, time: number, expire: number, userbufBase64?: string): string {
  let content = `TLS.identifier:${userId}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  if (userbufBase64 !== undefined) {
    content += `TLS.userbuf:${userbufBase64}\n`;
  }
  return createHmac('sha256', Buffer.from(key, 'utf8')).update(content, 'utf8').digest('base64');
}

/**
 * Lays out the userbuf big-endian: version, user id, sdkappid, numeric room, absolute expiry,
 * privilege map, account type, then the string room for version 1.
 */
function encodeUserbuf(userId: string, sdkAppId: number, time: number, expire: number, opts: PrivateMapKeyOptions): Buffer {
  checkPrivilegeMap(opts.privilegeMap);
  if (sdkAppId > U32_MAX) {
    throw new InputError(`A PrivateMapKey stores the SdkAppId in 32 bits; ${sdkAppId} is too large.`, 'sdkAppId');
  }
  const hasNumeric = opts.roomId !== undefined;
  const hasString = opts.strRoomId !== undefined;
  if (hasNumeric === hasString) {
    throw new InputError(
      'A PrivateMapKey is bound to one room: give either a numeric room id (roomId) or a string room id (strRoomId), not both and not neither.',
      'roomId',
    );
  }
  let roomId = 0;
  let roomBytes: Buffer | undefined;
  if (hasNumeric) {
    roomId = opts.roomId as number;
    if (!Number.isInteger(roomId) || roomId < 1 || roomId > U32_MAX) {
      throw new InputError(`A numeric room id must be a whole number from 1 to 4294967295, got ${String(opts.roomId)}.`, 'roomId');
    }
  } else {
    roomBytes = checkStrRoomId(opts.strRoomId);
  }
  const expireAt = time + expire;
  if (expireAt > U32_MAX) {
    throw new InputError(
      `A PrivateMapKey stores its expiry time in 32 bits; ${expire} seconds from now is past the year 2106. Use a shorter validity.`,
      'expireSeconds',
    );
  }
  const idBytes = Buffer.from(userId, 'utf8');
  const size = 1 + 2 + idBytes.length + 20 + (roomBytes ? 2 + roomBytes.length : 0);
  const buf = Buffer.alloc(size);
  let o = 0;
  o = buf.writeUInt8(roomBytes ? 1 : 0, o);
  o = buf.writeUInt16BE(idBytes.length, o);
  o += idBytes.copy(buf, o);
  o = buf.writeUInt32BE(sdkAppId, o);
  o = buf.writeUInt32BE(roomId, o);
  o = buf.writeUInt32BE(expireAt, o);
  o = buf.writeUInt32BE(opts.privilegeMap, o);
  o = buf.writeUInt32BE(0, o);
  if (roomBytes) {
    o = buf.writeUInt16BE(roomBytes.length, o);
    roomBytes.copy(buf, o);
  }
  return buf;
}

/** Reads the userbuf layout back, with a clear message when the bytes are short or inconsistent. */
export function decodeUserbuf(buf: Buffer): DecodedUserbuf {
  let o = 0;
  const need = (n: number, what: string): void => {
    if (o + n > buf.length) {
      throw new InputError(`the userbuf ends after ${buf.length} bytes, before its ${what} (needs ${o + n}).`, 'userbuf');
    }
  };
  need(1, 'version byte');
  const version = buf.readUInt8(o);
  o += 1;
  if (version !== 0 && version !== 1) {
    throw new InputError(`the userbuf version byte is ${version}; only 0 (numeric room) and 1 (string room) exist.`, 'userbuf');
  }
  need(2, 'user id length');
  const idLen = buf.readUInt16BE(o);
  o += 2;
  need(idLen, 'user id');
  const userId = buf.subarray(o, o + idLen).toString('utf8');
  o += idLen;
  need(20, 'fixed fields');
  const sdkAppId = buf.readUInt32BE(o);
  const roomId = buf.readUInt32BE(o + 4);
  const expireAt = buf.readUInt32BE(o + 8);
  const privilegeMap = buf.readUInt32BE(o + 12);
  const accountType = buf.readUInt32BE(o + 16);
  o += 20;
  let strRoomId: string | undefined;
  if (version === 1) {
    need(2, 'string room id length');
    const len = buf.readUInt16BE(o);
    o += 2;
    need(len, 'string room id');
    strRoomId = buf.subarray(o, o + len).toString('utf8');
    o += len;
  }
  if (o !== buf.length) {
    throw new InputError(`the userbuf has ${buf.length - o} unexpected bytes after its last field.`, 'userbuf');
  }
  if (privilegeMap > 255) {
    throw new InputError(`the userbuf privilege map is ${privilegeMap}; only the low 8 bits are defined.`, 'userbuf');
  }
  const out: DecodedUserbuf = {
    version,
    userId,
    sdkAppId,
    roomId,
    expireAt,
    expiresAt: isoSeconds(expireAt),
    privilegeMap,
    privileges: describePrivileges(privilegeMap),
    accountType,
  };
  if (strRoomId !== undefined) {
    out.strRoomId = strRoomId;
  }
  return out;
}

/** Throws unless `userId` is 1–32 bytes of letters, digits, `_` and `-`, naming the first bad character. */
export function checkUserId(userId: unknown): asserts userId is string {
  if (typeof userId !== 'string' || userId === '') {
    throw new InputError('The UserId is empty. Give 1 to 32 letters, digits, "_" or "-".', 'userId');
  }
  let i = 0;
  for (const ch of userId) {
    if (!USER_ID_CHAR.test(ch)) {
      throw new InputError(
        `The UserId has a character that is not allowed at position ${i + 1}: ${describeChar(ch)}. ` +
          'A UserId may contain only letters a-z and A-Z, digits 0-9, "_" and "-".',
        'userId',
      );
    }
    i++;
  }
  const bytes = Buffer.byteLength(userId, 'utf8');
  if (bytes > MAX_USER_ID_BYTES) {
    throw new InputError(`The UserId is ${bytes} bytes long; the limit is ${MAX_USER_ID_BYTES}.`, 'userId');
  }
}

/** Throws unless `sdkAppId` is a positive whole number. */
export function checkSdkAppId(sdkAppId: unknown): asserts sdkAppId is number {
  if (typeof sdkAppId !== 'number' || !Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) {
    throw new InputError(`The SdkAppId must be a positive whole number such as 1400000000, got ${String(sdkAppId)}.`, 'sdkAppId');
  }
}

function checkExpire(expire: unknown): asserts expire is number {
  if (typeof expire !== 'number' || !Number.isSafeInteger(expire) || expire <= 0) {
    throw new InputError(
      `The validity must be a positive whole number of seconds (86400 is one day), got ${String(expire)}.`,
      'expireSeconds',
    );
  }
}

function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '') {
    throw new InputError('The secret key is empty. Copy it from the application page of the TRTC console.', 'key');
  }
}

function checkStrRoomId(strRoomId: unknown): Buffer {
  if (typeof strRoomId !== 'string' || strRoomId === '') {
    throw new InputError('The string room id is empty.', 'strRoomId');
  }
  let i = 0;
  for (const ch of strRoomId) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x20 || c > 0x7e) {
      throw new InputError(
        `The string room id has a character that is not printable ASCII at position ${i + 1}: ${describeChar(ch)}. ` +
          'The official libraries copy room ids byte per character, so only ASCII room ids give the same key everywhere.',
        'strRoomId',
      );
    }
    i++;
  }
  const bytes = Buffer.from(strRoomId, 'utf8');
  if (bytes.length > MAX_STR_ROOM_ID_BYTES) {
    throw new InputError(`The string room id is ${bytes.length} bytes long; TRTC allows at most ${MAX_STR_ROOM_ID_BYTES}.`, 'strRoomId');
  }
  return bytes;
}

/** Standard base64 to the TLS alphabet: `+`→`*`, `/`→`-`, `=`→`_`. */
export function toTlsBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

/** The TLS alphabet back to standard base64; standard characters pass through. */
export function fromTlsBase64(text: string): string {
  return text.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
}

function epochSeconds(now: Date | number | undefined): number {
  const ms = now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime();
  if (!Number.isFinite(ms)) {
    throw new InputError(`The time ${String(now)} is not a valid date.`, 'now');
  }
  return Math.floor(ms / 1000);
}

function isoSeconds(seconds: number): string {
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? `(invalid time ${seconds})` : d.toISOString().replace('.000Z', 'Z');
}

function stringField(o: Record<string, unknown>, k: string): string {
  const v = o[k];
  if (typeof v !== 'string') {
    throw new InputError(`The UserSig field "${k}" should be a string but is ${JSON.stringify(v)}.`, 'userSig');
  }
  return v;
}

function numberField(o: Record<string, unknown>, k: string): number {
  const v = o[k];
  // Some older generators wrote numbers as strings of digits; the server reads both.
  if (typeof v === 'string' && /^\d+$/.test(v)) {
    return Number(v);
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new InputError(`The UserSig field "${k}" should be a number but is ${JSON.stringify(v)}.`, 'userSig');
  }
  return v;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function describeChar(ch: string): string {
  const cp = (ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
  const printable = /^[\x21-\x7e]$/.test(ch) || (ch.codePointAt(0) as number) > 0xa0;
  return printable ? `"${ch}" (U+${cp})` : `U+${cp}`;
}

function snippet(text: string): string {
  return JSON.stringify(text.length > 80 ? text.slice(0, 80) + '…' : text);
}

/** `2 d 3 h`, `5 min 12 s`: the two largest units, for expiry messages. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const parts: Array<[number, string]> = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor((s % 86400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'min'],
    [s % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) {
    return '0 s';
  }
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n} ${u}`)
    .join(' ');
}
