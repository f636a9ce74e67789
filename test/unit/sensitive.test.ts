import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSensitiveValues, withSensitiveReplaced } from '../../src/core/codegen/sensitiveValues';
import { findLiteralSecrets } from '../../src/core/collections/secretPlan';
import { parseJson, stringifyJson, type JsonObject } from '../../src/core/json';
import { pathText, redactParams, REDACTED, replaceSensitiveStrings, sensitiveStrings } from '../../src/core/sensitive';

/** Recording parameters with credentials in arrays of structures, nested members and unknown keys. */
const PARAMS = parseJson(`{
  "SdkAppId": 1400000001,
  "RoomId": "1001",
  "StorageParams": { "CloudStorage": { "Vendor": 0, "AccessKey": "AKIDstorage", "SecretKey": "storage-secret", "Bucket": "b" } },
  "MixLayoutList": [
    { "UserId": "alice", "UserSig": "sig-a" },
    { "UserId": "bob", "UserSig": "{{BobSig}}" },
    { "UserId": "carol", "UserSig": "" }
  ],
  "UserSigs": ["s1", 7, { "Inner": "s2", "Deeper": ["s3", null] }],
  "NotInTheCatalog": { "ApiKey": "unknown-key-secret", "Note": "plain" },
  "Token": 12345678901234567890,
  "Secret": { "Token": "inner" }
}`) as JsonObject;

test('the walker lists every non-empty string under a sensitive member, in document order, with the outermost sensitive member', () => {
  assert.deepEqual(
    sensitiveStrings(PARAMS).map((s) => [pathText(s.path), s.field, s.value, s.reference]),
    [
      ['StorageParams.CloudStorage.AccessKey', 'AccessKey', 'AKIDstorage', false],
      ['StorageParams.CloudStorage.SecretKey', 'SecretKey', 'storage-secret', false],
      ['MixLayoutList[0].UserSig', 'UserSig', 'sig-a', false],
      ['MixLayoutList[1].UserSig', 'UserSig', '{{BobSig}}', true],
      // Everything below a sensitive array or object is sensitive, however deep and whatever its keys.
      ['UserSigs[0]', 'UserSigs', 's1', false],
      ['UserSigs[2].Inner', 'UserSigs', 's2', false],
      ['UserSigs[2].Deeper[0]', 'UserSigs', 's3', false],
      // Keys the catalog does not know are judged by their names all the same.
      ['NotInTheCatalog.ApiKey', 'ApiKey', 'unknown-key-secret', false],
      // The outermost sensitive member names the value, not the innermost.
      ['Secret.Token', 'Secret', 'inner', false],
    ],
  );
});

test('numbers, null and empty strings are never listed, even under a sensitive member', () => {
  const paths = sensitiveStrings(PARAMS).map((s) => pathText(s.path));
  for (const p of ['Token', 'UserSigs[1]', 'UserSigs[2].Deeper[1]', 'MixLayoutList[2].UserSig', 'SdkAppId']) {
    assert.ok(!paths.includes(p), p);
  }
});

test('redactParams replaces what the walker lists except references, reports the paths and leaves the input alone', () => {
  const before = stringifyJson(PARAMS);
  const { params, redactedPaths } = redactParams(PARAMS);
  assert.equal(stringifyJson(PARAMS), before, 'the input is not changed');
  assert.deepEqual(
    redactedPaths,
    sensitiveStrings(PARAMS)
      .filter((s) => !s.reference)
      .map((s) => pathText(s.path)),
  );
  const out = params as { MixLayoutList: JsonObject[]; UserSigs: unknown[]; StorageParams: { CloudStorage: JsonObject }; NotInTheCatalog: JsonObject; Token: unknown };
  assert.equal(out.MixLayoutList[0]!.UserSig, REDACTED);
  assert.equal(out.MixLayoutList[1]!.UserSig, '{{BobSig}}');
  assert.equal(out.MixLayoutList[2]!.UserSig, '');
  assert.equal(out.MixLayoutList[0]!.UserId, 'alice');
  assert.deepEqual(out.UserSigs, [REDACTED, 7, { Inner: REDACTED, Deeper: [REDACTED, null] }]);
  assert.equal(out.StorageParams.CloudStorage.Bucket, 'b');
  assert.equal(out.NotInTheCatalog.Note, 'plain');
  assert.equal(stringifyJson(out.Token as JsonObject), '12345678901234567890', 'a big number keeps its digits');
  assert.deepEqual(sensitiveStrings(params).filter((s) => !s.reference && s.value !== REDACTED), [], 'nothing sensitive is left');
});

test('the collection check, code export and history see the same sensitive values', () => {
  const walker = sensitiveStrings(PARAMS);
  assert.deepEqual(
    findLiteralSecrets(PARAMS).map((s) => s.segments),
    walker.filter((s) => !s.reference).map((s) => s.path),
  );
  // Generated code reads every credential from the environment, a reference included.
  assert.deepEqual(
    findSensitiveValues(PARAMS).map((v) => v.path),
    walker.map((s) => s.path),
  );
  const replaced = withSensitiveReplaced(PARAMS, 'X');
  assert.deepEqual(
    sensitiveStrings(replaced).map((s) => s.value),
    walker.map(() => 'X'),
  );
  assert.equal(findLiteralSecrets(PARAMS).find((s) => s.field === 'UserSigs' && s.segments.length === 4)?.path, 'params.UserSigs[2].Deeper[0]');
});

test('replaceSensitiveStrings keeps a value when the replacer returns undefined, and copies the tree', () => {
  const copy = replaceSensitiveStrings(PARAMS, (s) => (s.field === 'SecretKey' ? 'gone' : undefined));
  assert.notEqual(copy, PARAMS);
  assert.notEqual(copy.StorageParams, PARAMS.StorageParams);
  assert.deepEqual(
    sensitiveStrings(copy).map((s) => s.value),
    sensitiveStrings(PARAMS).map((s) => (s.field === 'SecretKey' ? 'gone' : s.value)),
  );
});

test('parameters without a sensitive member give nothing and come back equal', () => {
  const plain = { SdkAppId: 1, RoomId: '1', Users: [{ UserId: 'a' }, { UserId: 'b' }] };
  assert.deepEqual(sensitiveStrings(plain), []);
  assert.deepEqual(redactParams(plain), { params: plain, redactedPaths: [] });
  assert.deepEqual(findLiteralSecrets(plain), []);
});
