import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  CollectionFormatError,
  createRequest,
  extractSecrets,
  findLiteralSecrets,
  newId,
  parseCollection,
  parseEnvironment,
  serializeCollection,
  serializeEnvironment,
  validateCollection,
  type Collection,
  type RequestItem,
} from '../../../src/core/collections';
import { isLosslessNumber, LosslessNumber, parseJson } from '../../../src/core/json';
import { REDACTED } from '../../../src/core/sensitive';

const fixtures = path.join(__dirname, '../../fixtures/collections');
const read = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

function formatError(fn: () => unknown): CollectionFormatError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof CollectionFormatError, `expected CollectionFormatError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to throw');
}

describe('collection format', () => {
  test('the sample collection validates, keeps big integers and round-trips byte-stably', () => {
    const c = parseCollection(read('rooms.json'), 'collections/rooms.json');
    assert.equal(c.name, 'Rooms');
    const describe = (c.items[0] as { items: RequestItem[] }).items[0];
    const equals = describe.assertions?.[2];
    assert.ok(equals?.type === 'equals' && isLosslessNumber(equals.value));
    assert.equal((equals.value as LosslessNumber).value, '12345678901234567890');
    const text = serializeCollection(c);
    assert.match(text, /"value": 12345678901234567890/);
    assert.equal(serializeCollection(parseCollection(text)), text);
    assert.ok(text.endsWith('}\n'));
  });

  test('invalid files get one path-specific line per problem, prefixed with the file', () => {
    const e = formatError(() => parseCollection(read('invalid-team.json'), 'collections/team.json'));
    const lines = e.message.split('\n');
    assert.ok(lines.includes('collections/team.json: items[2].action: required'), e.message);
    assert.ok(lines.includes('collections/team.json: items[1].paramz: unknown property (did you mean "params"?)'), e.message);
    assert.equal(lines.length, 2, e.message);
    assert.equal(e.kind, 'input');
  });

  test('type, enum, discriminator and version problems name the exact place', () => {
    const base = { version: 1, name: 'C', items: [] as unknown[] };
    const cases: Array<[unknown, string]> = [
      [{ ...base, items: [{ type: 'fold', id: 'x', name: 'x' }] }, 'items[0].type: expected one of "request", "folder"'],
      [{ ...base, items: [{ type: 'request', id: 'x', name: 'x', action: 'DismissRoom', signMethod: 'MD5' }] }, 'items[0].signMethod: expected one of "TC3-HMAC-SHA256", "HmacSHA256", "HmacSHA1"'],
      [{ ...base, items: [{ id: 'x', name: 'x' }] }, 'items[0].type: required (one of "request", "folder")'],
      [{ ...base, items: [{ type: 'request', id: 'x', name: 'x', action: 'DismissRoom', timeoutMs: 1.5 }] }, 'items[0].timeoutMs: must be a whole number'],
      [{ ...base, items: [{ type: 'request', id: 'x', name: 'x', action: 'dismiss room' }] }, 'items[0].action: must be an API action name'],
      [{ ...base, items: [{ type: 'request', id: 'x', name: 'x', action: 'DismissRoom', region: 'Guangzhou' }] }, 'items[0].region: must be a region'],
      [{ ...base, items: [{ type: 'request', id: 'x', name: '', action: 'DismissRoom' }] }, 'items[0].name: must not be empty'],
      [{ ...base, items: [{ type: 'request', id: 'a b', name: 'x', action: 'DismissRoom' }] }, 'items[0].id: must be 1-64 letters'],
      [{ ...base, items: [{ type: 'request', id: 'x', name: 'x', action: 'DismissRoom', endpoint: { kind: 'custom', url: 'ftp://x' } }] }, 'items[0].endpoint.url: must be an http(s) URL'],
      [{ ...base, items: [{ type: 'folder', id: 'f', name: 'F', items: [{ type: 'request', id: 'r', name: 'R', action: 'DismissRoom', params: [] }] }] }, 'items[0].items[0].params: expected an object, got an array'],
      [{ ...base, version: 2 }, 'version: format version 2 is newer than this tool reads (1)'],
      [{ ...base, version: '1' }, 'version: expected 1'],
      [[], 'expected a JSON object'],
    ];
    for (const [value, expected] of cases) {
      const e = formatError(() => validateCollection(value as never, 'c.json'));
      assert.ok(e.message.includes(`c.json: ${expected}`), `expected "${expected}" in:\n${e.message}`);
    }
  });

  test('assertion problems: bad JSONPath, unsafe or invalid regex, empty length, missing value', () => {
    const req = (assertions: unknown[]): unknown => ({
      version: 1,
      name: 'C',
      items: [{ type: 'request', id: 'r', name: 'R', action: 'DismissRoom', assertions }],
    });
    const cases: Array<[unknown, string]> = [
      [{ type: 'exists', path: '$..RoomId' }, 'items[0].assertions[0].path: JSONPath "$..RoomId": recursive descent'],
      [{ type: 'exists', path: 'RoomList' }, 'items[0].assertions[0].path: JSONPath "RoomList": must start with "$"'],
      [{ type: 'matches', path: '$.A', pattern: '(a+)+$' }, 'items[0].assertions[0].pattern: the pattern repeats a group'],
      [{ type: 'matches', path: '$.A', pattern: '[' }, 'items[0].assertions[0].pattern: invalid regular expression'],
      [{ type: 'matches', path: '$.A', pattern: 'x'.repeat(300) }, 'longer than 256 characters'],
      [{ type: 'matches', path: '$.A', pattern: 'x', flags: 'g' }, 'items[0].assertions[0].flags: flags may only contain'],
      [{ type: 'length', path: '$.A' }, 'items[0].assertions[0]: give at least one of "min", "max" or "equals"'],
      [{ type: 'equals', path: '$.A' }, 'items[0].assertions[0].value: required'],
      [{ type: 'error', code: 'Invalid Parameter' }, 'items[0].assertions[0].code: must be an error code'],
      [{ type: 'latencyBelow', ms: 0 }, 'items[0].assertions[0].ms: must be positive'],
    ];
    for (const [assertion, expected] of cases) {
      const e = formatError(() => validateCollection(req([assertion]) as never, 'c.json'));
      assert.ok(e.message.includes(expected), `expected "${expected}" in:\n${e.message}`);
    }
    assert.doesNotThrow(() => validateCollection(req([{ type: 'equals', path: '$.A', value: null }]) as never));
  });

  test('duplicate ids are reported with both places', () => {
    const e = formatError(() =>
      validateCollection(
        parseJson(
          '{"version":1,"name":"C","items":[{"type":"request","id":"dup","name":"A","action":"DismissRoom"},' +
            '{"type":"folder","id":"f","name":"F","items":[{"type":"request","id":"dup","name":"B","action":"DismissRoom"}]}]}',
        ),
        'c.json',
      ),
    );
    assert.equal(e.message, 'c.json: items[1].items[0].id: duplicate id "dup" (also used at items[0].id)');
  });

  test('broken JSON is reported with a line and column', () => {
    const e = formatError(() => parseCollection('{\n  "version": 1,\n  "name": oops\n}', 'collections/x.json'));
    assert.match(e.message, /^collections\/x\.json: not valid JSON \(line 3, column 11\)/);
  });

  test('a literal credential is refused on save with its path; references and empty values are fine', () => {
    const request = createRequest({
      action: 'CreateCloudRecording',
      params: {
        SdkAppId: 1400000001,
        UserSig: 'eJw-literal',
        StorageParams: { CloudStorage: { AccessKey: '{{Ak}}', SecretKey: 'sk-literal', Bucket: 'b' } },
        PrivateMapKey: '',
      },
    });
    const collection: Collection = { version: 1, name: 'C', items: [request] };
    const e = formatError(() => serializeCollection(collection, 'collections/c.json'));
    const lines = e.message.split('\n');
    assert.equal(lines.length, 2, e.message);
    assert.match(lines[0], /^collections\/c\.json: items\[0\]\.params\.UserSig: holds a literal credential; .*"\{\{UserSig\}\}"/);
    assert.match(lines[1], /^collections\/c\.json: items\[0\]\.params\.StorageParams\.CloudStorage\.SecretKey: holds a literal credential/);
    assert.ok(!e.message.includes('eJw-literal') && !e.message.includes('sk-literal'), 'the message must not echo the secret');
  });

  test('extractSecrets swaps literals for {{Var}} references, shares equal values and avoids taken names', () => {
    const request = createRequest({
      action: 'CreateCloudRecording',
      params: {
        UserSig: 'sig-1',
        Nested: [{ UserSig: 'sig-1' }, { UserSig: 'sig-2' }],
        StorageParams: { CloudStorage: { SecretKey: 'sk', Big: new LosslessNumber('12345678901234567890') } },
        Copied: REDACTED,
        Token: REDACTED,
      },
    });
    const { request: safe, secrets } = extractSecrets(request, { taken: ['SecretKey'] });
    assert.deepEqual(findLiteralSecrets(safe.params), []);
    assert.equal(safe.params.UserSig, '{{UserSig}}');
    assert.deepEqual(safe.params.Nested, [{ UserSig: '{{UserSig}}' }, { UserSig: '{{UserSig_2}}' }]);
    const storage = (safe.params.StorageParams as { CloudStorage: Record<string, unknown> }).CloudStorage;
    assert.equal(storage.SecretKey, '{{SecretKey_2}}');
    assert.ok(isLosslessNumber(storage.Big), 'non-secret big integers stay exact');
    assert.equal(safe.params.Copied, REDACTED, 'a non-sensitive member is left alone even if it says <redacted>');
    assert.equal(safe.params.Token, '{{Token}}');
    assert.deepEqual(secrets, [
      { name: 'UserSig', path: 'params.UserSig', value: 'sig-1' },
      { name: 'UserSig_2', path: 'params.Nested[1].UserSig', value: 'sig-2' },
      { name: 'SecretKey_2', path: 'params.StorageParams.CloudStorage.SecretKey', value: 'sk' },
      { name: 'Token', path: 'params.Token' },
    ]);
    assert.equal(request.params.UserSig, 'sig-1', 'the original request is not modified');
    assert.doesNotThrow(() => serializeCollection({ version: 1, name: 'C', items: [safe] }));
  });

  test('ids are short, random and valid', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId()));
    assert.equal(ids.size, 2000);
    for (const id of ids) {
      assert.match(id, /^[a-z0-9]{10}$/);
    }
  });
});

describe('environment format', () => {
  test('the sample environment validates with typed and big values and round-trips', () => {
    const env = parseEnvironment(read('dev.environment.json'), 'environments/dev.json');
    assert.equal(env.variables.SdkAppId.value, 1400000001);
    assert.equal((env.variables.BigId.value as LosslessNumber).value, '98765432109876543210');
    assert.equal(env.variables.UserSig.secret, true);
    const text = serializeEnvironment(env);
    assert.equal(serializeEnvironment(parseEnvironment(text)), text);
  });

  test('secret values and credential-looking literals are refused', () => {
    const bad = (variables: object): string =>
      formatError(() => parseEnvironment(JSON.stringify({ version: 1, name: 'e', variables }), 'environments/e.json')).message;
    assert.equal(
      bad({ Key: { secret: true, value: 'x' } }),
      'environments/e.json: variables.Key.value: a secret variable keeps its value in secret storage, never in the file; remove "value"',
    );
    assert.match(bad({ UserSig: { value: 'eJw' } }), /variables\.UserSig\.value: this looks like a credential; mark the variable "secret": true/);
    assert.match(bad({ 'bad name': { value: 1 } }), /variables\["bad name"\]: a variable name may only contain/);
    assert.match(bad({ A: { secret: false } }), /variables\.A\.secret: expected true/);
  });
});
