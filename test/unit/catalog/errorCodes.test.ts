import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, lookupErrorCode } from '../../../src/core/catalog/errorCodes';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = (name: string): string => path.resolve(repoRoot, '../shared/trtc', name);

interface TrtcCode {
  code: string;
  desc_cn: string | null;
  desc_en: string | null;
}

const trtcCodes = JSON.parse(fs.readFileSync(shared('trtc_errorcodes.json'), 'utf8')) as TrtcCode[];

/** The common error codes and their meanings, read from the table in FACTS.md section 4.2. */
function readCommonCodes(): Map<string, string> {
  const facts = fs.readFileSync(shared('FACTS.md'), 'utf8');
  const start = facts.indexOf('### 4.2');
  const end = facts.indexOf('### 4.3', start);
  assert.ok(start >= 0 && end > start, 'FACTS.md section 4.2 not found');
  const rows = new Map<string, string>();
  for (const line of facts.slice(start, end).split('\n')) {
    const m = /^\| ([A-Za-z][A-Za-z.]*) \| (.+) \|$/.exec(line);
    if (m && m[1] !== 'Code') rows.set(m[1]!, m[2]!);
  }
  return rows;
}
const commonCodes = readCommonCodes();

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

test('the reference lists were read', () => {
  assert.equal(trtcCodes.length, 158);
  assert.equal(commonCodes.size, 38);
});

test('every common and every TRTC code has exactly one entry, common taking precedence', () => {
  const codes = ERROR_CODES.map((e) => e.code);
  assert.equal(new Set(codes).size, codes.length, 'a code appears twice');
  for (const code of commonCodes.keys()) {
    const info = ERROR_CODES.find((e) => e.code === code);
    assert.ok(info, `${code}: missing`);
    assert.equal(info.scope, 'common', `${code}: should be scoped common`);
  }
  for (const { code } of trtcCodes) {
    const info = ERROR_CODES.find((e) => e.code === code);
    assert.ok(info, `${code}: missing`);
    assert.equal(info.scope, commonCodes.has(code) ? 'common' : 'trtc', `${code}: wrong scope`);
  }
  const expected = new Set([...commonCodes.keys(), ...trtcCodes.map((c) => c.code)]);
  assert.deepEqual(new Set(codes), expected, 'entries for codes that are in neither list');
});

test('explanations and next steps are filled in both languages and are our own words', () => {
  const tencent = new Map<string, string[]>();
  for (const c of trtcCodes) tencent.set(c.code, [c.desc_en, c.desc_cn].filter((d): d is string => !!d));
  for (const [code, meaning] of commonCodes) tencent.set(code, [...(tencent.get(code) ?? []), meaning]);

  for (const info of ERROR_CODES) {
    const texts = [info.explanation.en, info.explanation.zh, info.nextStep.en, info.nextStep.zh];
    for (const text of texts) {
      assert.ok(text.trim().length >= 10, `${info.code}: text too short: "${text}"`);
      assert.notEqual(normalize(text), normalize(info.code), `${info.code}: text only restates the code`);
      for (const theirs of tencent.get(info.code) ?? []) {
        assert.notEqual(normalize(text), normalize(theirs), `${info.code}: text copies Tencent's description`);
      }
    }
    assert.match(info.explanation.zh, /\p{Script=Han}/u, `${info.code}: Chinese explanation has no Chinese`);
    assert.match(info.nextStep.zh, /\p{Script=Han}/u, `${info.code}: Chinese next step has no Chinese`);
    assert.doesNotMatch(info.explanation.en, /\p{Script=Han}/u, `${info.code}: English explanation has Chinese`);
    assert.doesNotMatch(info.nextStep.en, /\p{Script=Han}/u, `${info.code}: English next step has Chinese`);
    assert.notEqual(info.explanation.en, info.nextStep.en, `${info.code}: next step repeats the explanation`);
  }
});

test('the key codes carry the specific advice the UI relies on', () => {
  const get = (code: string) => {
    const info = lookupErrorCode(code);
    assert.equal(info?.code, code);
    return info!;
  };
  assert.match(get('AuthFailure.SignatureFailure').nextStep.en, /Debug Signature/);
  assert.match(get('AuthFailure.SignatureFailure').explanation.en, /SecretKey/);
  assert.match(get('AuthFailure.SignatureFailure').explanation.en, /Content-Type/);
  assert.match(get('AuthFailure.SignatureExpire').explanation.en, /5 minutes/);
  assert.match(get('AuthFailure.SignatureExpire').nextStep.en, /clock/);
  assert.match(get('InvalidParameter.UserSig').nextStep.en, /Generate UserSig/);
  assert.match(get('FailedOperation.RestrictedConcurrency').nextStep.en, /support/);
  assert.match(get('InvalidParameter.StartTimeOversize').explanation.en, /dashboard edition/);
  const region = get('UnsupportedRegion').explanation.en;
  for (const r of ['StartPublishCdnStream', 'ap-guangzhou', 'ap-hongkong', 'ap-singapore']) assert.ok(region.includes(r), r);
  for (const code of ['InternalError', 'InternalError.InterfaceErr', 'InternalError.CRInternalError']) {
    assert.match(get(code).nextStep.en, /RequestId/, code);
    assert.match(get(code).nextStep.zh, /RequestId/, code);
  }
});

test('signature flags mark the credential codes and nothing unrelated', () => {
  const expected = [
    'AuthFailure',
    'AuthFailure.InvalidAuthorization',
    'AuthFailure.InvalidSecretId',
    'AuthFailure.SecretIdNotFound',
    'AuthFailure.SignatureExpire',
    'AuthFailure.SignatureFailure',
    'AuthFailure.TokenFailure',
  ];
  const flagged = ERROR_CODES.filter((e) => e.signature).map((e) => e.code).sort();
  assert.deepEqual(flagged, expected);
  for (const code of ['AuthFailure.UnauthorizedOperation', 'AuthFailure.MFAFailure', 'UnauthorizedOperation.SdkAppId']) {
    assert.equal(lookupErrorCode(code)?.signature, undefined, code);
  }
});

test('retryable flags mark transient failures only', () => {
  const retryable = (code: string) => lookupErrorCode(code)?.retryable === true;
  for (const code of [
    'InternalError',
    'RequestLimitExceeded',
    'RequestLimitExceeded.IPLimitExceeded',
    'RequestLimitExceeded.UinLimitExceeded',
    'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
    'ServiceUnavailable',
    'FailedOperation.RestrictedFrequency',
    'OperationDenied.FreqOverLimit',
  ]) {
    assert.ok(retryable(code), `${code} should be retryable`);
  }
  // Every InternalError subcode is retryable except the few whose cause is deterministic.
  const deterministic = new Set([
    'InternalError.MethodErr',
    'InternalError.UserNotExist',
    'InternalError.HttpParseFailed',
    'InternalError.HttpParaseFalied',
  ]);
  const internal = ERROR_CODES.filter((e) => e.code.startsWith('InternalError.'));
  assert.ok(internal.length >= 14);
  for (const info of internal) {
    assert.equal(info.retryable === true, !deterministic.has(info.code), info.code);
  }
  for (const code of [
    'AuthFailure.SignatureFailure',
    'InvalidParameter',
    'MissingParameter.TaskId',
    'FailedOperation.RestrictedConcurrency',
    'ResourceUnavailable',
    'UnsupportedOperation.InternalError',
  ]) {
    assert.ok(!retryable(code), `${code} should not be retryable`);
  }
});

test('lookups find exact codes', () => {
  for (const info of ERROR_CODES) assert.equal(lookupErrorCode(info.code), info);
  assert.equal(lookupErrorCode('  InvalidParameter.UserSig \n')?.code, 'InvalidParameter.UserSig');
});

test('unknown subcodes fall back to the nearest known parent, over several levels', () => {
  assert.equal(lookupErrorCode('InvalidParameter.Foo')?.code, 'InvalidParameter');
  assert.equal(lookupErrorCode('InvalidParameter.Foo'), lookupErrorCode('InvalidParameter'));
  assert.equal(lookupErrorCode('FailedOperation.X.Y')?.code, 'FailedOperation');
  assert.equal(lookupErrorCode('InvalidParameter.UserSig.Expired')?.code, 'InvalidParameter.UserSig');
  assert.equal(
    lookupErrorCode('RequestLimitExceeded.IPLimitExceeded.Burst.Second')?.code,
    'RequestLimitExceeded.IPLimitExceeded',
  );
  assert.equal(lookupErrorCode('RequestLimitExceeded.SomethingNew')?.retryable, true);
  assert.equal(lookupErrorCode('AuthFailure.SomethingNew')?.code, 'AuthFailure');
  assert.equal(lookupErrorCode('LimitExceeded.Other')?.code, 'LimitExceeded');
});

test('codes with no known root find nothing', () => {
  assert.equal(lookupErrorCode('NoSuchFamily'), undefined);
  assert.equal(lookupErrorCode('NoSuchFamily.Sub'), undefined);
  assert.equal(lookupErrorCode(''), undefined);
  assert.equal(lookupErrorCode('.'), undefined);
  // Codes are case-sensitive, as the API returns them.
  assert.equal(lookupErrorCode('internalerror'), undefined);
});
