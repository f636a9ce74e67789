import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  evaluateAssertion,
  evaluateAssertions,
  JsonPathError,
  jsonEquals,
  parseJsonPath,
  queryJsonPath,
  type Assertion,
  type AssertionSubject,
} from '../../../src/core/collections';
import { LosslessNumber, parseJson, type JsonObject } from '../../../src/core/json';

const response = parseJson(`{
  "Total": 2,
  "RoomList": [
    { "RoomId": 1001, "RoomString": "room-a", "DestroyTime": 12345678901234567890, "Tags": ["x", "y"] },
    { "RoomId": 1002, "RoomString": "room-b", "DestroyTime": null, "Tags": [] }
  ],
  "odd key": { "it's": "quoted" },
  "Rate": 1.50,
  "Flag": false,
  "RequestId": "req-1"
}`) as JsonObject;

const ok: AssertionSubject = { response, latencyMs: 120 };
const failed: AssertionSubject = {
  response: { Error: { Code: 'InvalidParameter.SdkAppId', Message: 'bad app' }, RequestId: 'req-2' },
  error: { code: 'InvalidParameter.SdkAppId', message: 'bad app' },
  latencyMs: 80,
};

describe('JSONPath subset', () => {
  test('parses each supported step', () => {
    assert.deepEqual(parseJsonPath(`$.RoomList[0]['odd key']["it's"][*].*`).segments, [
      { kind: 'key', name: 'RoomList' },
      { kind: 'index', index: 0 },
      { kind: 'key', name: 'odd key' },
      { kind: 'key', name: "it's" },
      { kind: 'wildcard' },
      { kind: 'wildcard' },
    ]);
    assert.deepEqual(parseJsonPath(`$['a\\'b\\\\c']`).segments, [{ kind: 'key', name: "a'b\\c" }]);
    assert.deepEqual(parseJsonPath('$').segments, []);
  });

  test('refuses everything outside the subset with the position', () => {
    const cases: Array<[string, RegExp]> = [
      ['RoomList', /must start with "\$" \(the Response object\) at position 0/],
      ['$..RoomId', /recursive descent/],
      ['$.RoomList[?(@.RoomId > 1)]', /expected a quoted name, an index or "\*" inside "\[\.\.\.\]" at position 11/],
      ['$.RoomList[0:2]', /expected "\]" at position 12/],
      ['$.RoomList[-1]', /negative indexes are not supported/],
      ['$.RoomList[01]', /no leading zeros/],
      ["$['open", /unterminated quoted name/],
      ['$.', /expected a member name after "\."/],
      ['$ RoomList', /unexpected " "/],
      ['$.a' + '.b'.repeat(300), /longer than 512 characters/],
      ["$['a\\x']", /only \\' and \\\\ are escapes/],
    ];
    for (const [text, message] of cases) {
      assert.throws(() => parseJsonPath(text), (e: unknown) => e instanceof JsonPathError && message.test(e.message), text);
    }
  });

  test('selects values with concrete paths, wildcards over arrays and objects', () => {
    assert.deepEqual(queryJsonPath('$.RoomList[1].RoomString', response), [{ path: '$.RoomList[1].RoomString', value: 'room-b' }]);
    assert.deepEqual(
      queryJsonPath('$.RoomList[*].RoomId', response).map((m) => [m.path, m.value]),
      [
        ['$.RoomList[0].RoomId', 1001],
        ['$.RoomList[1].RoomId', 1002],
      ],
    );
    assert.deepEqual(queryJsonPath(`$['odd key'].*`, response), [{ path: `$['odd key']['it\\'s']`, value: 'quoted' }]);
    assert.deepEqual(queryJsonPath('$.RoomList[5]', response), []);
    assert.deepEqual(queryJsonPath('$.Total.Nope', response), []);
    assert.deepEqual(queryJsonPath('$.toString', response), [], 'inherited members are not members');
  });
});

describe('assertions', () => {
  const check = (a: Assertion, subject: AssertionSubject = ok) => evaluateAssertion(a, subject);

  test('success passes on a success and fails on an API error, showing the code', () => {
    assert.equal(check({ type: 'success' }).passed, true);
    const r = check({ type: 'success' }, failed);
    assert.equal(r.passed, false);
    assert.equal(r.expected, 'success');
    assert.equal(r.actual, 'error InvalidParameter.SdkAppId');
    assert.equal(r.message, 'the call succeeds: expected success, got error InvalidParameter.SdkAppId (bad app)');
  });

  test('error matches exactly or by prefix', () => {
    assert.equal(check({ type: 'error', code: 'InvalidParameter.SdkAppId' }, failed).passed, true);
    assert.equal(check({ type: 'error', code: 'InvalidParameter.*' }, failed).passed, true);
    assert.equal(check({ type: 'error', code: 'InvalidParameter' }, failed).passed, false);
    assert.equal(check({ type: 'error', code: 'InvalidParameterValue.*' }, failed).passed, false, 'a prefix stops at a dot');
    assert.equal(check({ type: 'error', code: 'InvalidParameter.SdkAppId.*' }, failed).passed, true, 'a prefix covers the code itself');
    const r = check({ type: 'error', code: 'FailedOperation.*' });
    assert.equal(r.passed, false);
    assert.equal(r.message, 'the call fails with FailedOperation.*: expected error FailedOperation.*, got success');
  });

  test('exists and notExists treat null as absent', () => {
    assert.equal(check({ type: 'exists', path: '$.RoomList[0].RoomId' }).passed, true);
    const missing = check({ type: 'exists', path: '$.RoomList[3].RoomId' });
    assert.equal(missing.passed, false);
    assert.equal(missing.message, '$.RoomList[3].RoomId exists: expected a value, got nothing');
    assert.equal(check({ type: 'exists', path: '$.RoomList[1].DestroyTime' }).passed, false);
    assert.equal(check({ type: 'notExists', path: '$.RoomList[1].DestroyTime' }).passed, true);
    assert.equal(check({ type: 'notExists', path: '$.Error' }).passed, true);
    const present = check({ type: 'notExists', path: '$.Error.Code' }, failed);
    assert.equal(present.passed, false);
    assert.equal(present.actual, '"InvalidParameter.SdkAppId"');
    assert.equal(check({ type: 'exists', path: '$.RoomList[*].DestroyTime' }).passed, true, 'one non-null match is enough');
  });

  test('equals compares numbers exactly, by digits', () => {
    const big = (digits: string): Assertion => ({ type: 'equals', path: '$.RoomList[0].DestroyTime', value: new LosslessNumber(digits) });
    assert.equal(check(big('12345678901234567890')).passed, true);
    const off = check(big('12345678901234567891'));
    assert.equal(off.passed, false, 'the neighbouring integer rounds to the same double but must not pass');
    assert.equal(off.expected, '12345678901234567891');
    assert.equal(off.actual, '12345678901234567890');
    assert.equal(check({ type: 'equals', path: '$.Rate', value: new LosslessNumber('1.5e0') }).passed, true);
    assert.equal(check({ type: 'equals', path: '$.Total', value: '2' }).passed, false, 'a string is not a number');
    assert.equal(check({ type: 'equals', path: '$.Flag', value: false }).passed, true);
    assert.equal(check({ type: 'equals', path: '$.RoomList[*].RoomId', value: [1001, 1002] }).passed, true);
    assert.equal(check({ type: 'equals', path: '$.RoomList[0].Tags', value: ['x', 'y'] }).passed, true);
    assert.equal(check({ type: 'equals', path: `$['odd key']`, value: { "it's": 'quoted' } }).passed, true);
    const none = check({ type: 'equals', path: '$.Nope', value: null });
    assert.equal(none.passed, false);
    assert.equal(none.actual, 'nothing');
  });

  test('length checks arrays, strings and wildcard counts', () => {
    assert.equal(check({ type: 'length', path: '$.RoomList', equals: 2 }).passed, true);
    assert.equal(check({ type: 'length', path: '$.RoomList', min: 3 }).passed, false);
    const r = check({ type: 'length', path: '$.RoomList[1].Tags', min: 1, max: 4 });
    assert.equal(r.passed, false);
    assert.equal(r.message, '$.RoomList[1].Tags has length >= 1 and length <= 4: expected length >= 1 and length <= 4, got length 0');
    assert.equal(check({ type: 'length', path: '$.RoomList[0].RoomString', equals: 6 }).passed, true);
    assert.equal(check({ type: 'length', path: '$.RoomList[*].RoomId', max: 2 }).passed, true);
    const notList = check({ type: 'length', path: '$.Total', min: 1 });
    assert.equal(notList.passed, false);
    assert.equal(notList.actual, '2');
  });

  test('matches applies safe regular expressions to strings and number digits', () => {
    assert.equal(check({ type: 'matches', path: '$.RoomList[0].RoomString', pattern: '^room-[a-z]$' }).passed, true);
    assert.equal(check({ type: 'matches', path: '$.RoomList[0].RoomString', pattern: '^ROOM', flags: 'i' }).passed, true);
    assert.equal(check({ type: 'matches', path: '$.RoomList[0].DestroyTime', pattern: '^\\d{20}$' }).passed, true);
    assert.equal(check({ type: 'matches', path: '$.RoomList[*].RoomString', pattern: '-a$' }).passed, false, 'every match must fit');
    const r = check({ type: 'matches', path: '$.RoomList[1].RoomString', pattern: '^x' });
    assert.equal(r.message, '$.RoomList[1].RoomString matches /^x/: expected a value matching /^x/, got "room-b"');
    const unsafe = check({ type: 'matches', path: '$.RequestId', pattern: '(\\w+)+$' });
    assert.equal(unsafe.passed, false);
    assert.match(unsafe.message, /exponential time/);
    assert.equal(check({ type: 'matches', path: '$.Flag', pattern: 'false' }).passed, false, 'booleans are not matched');
  });

  test('latencyBelow compares with the measured latency', () => {
    assert.equal(check({ type: 'latencyBelow', ms: 121 }).passed, true);
    const r = check({ type: 'latencyBelow', ms: 120 });
    assert.equal(r.passed, false);
    assert.equal(r.message, 'latency is below 120 ms: expected < 120 ms, got 120 ms');
  });

  test('a request without assertions gets the implicit success check', () => {
    const [pass] = evaluateAssertions(undefined, ok);
    assert.equal(pass.passed, true);
    assert.equal(pass.implicit, true);
    const [fail] = evaluateAssertions([], failed);
    assert.equal(fail.passed, false);
    assert.equal(evaluateAssertions([{ type: 'error', code: 'InvalidParameter.*' }], failed)[0].passed, true);
  });

  test('jsonEquals ignores member order and compares big numbers by digits', () => {
    assert.ok(jsonEquals(parseJson('{"a":1,"b":[1,2]}'), parseJson('{"b":[1,2.0],"a":1}')));
    assert.ok(!jsonEquals(parseJson('{"a":1}'), parseJson('{"a":1,"b":null}')));
    assert.ok(jsonEquals(parseJson('[0.1e1, -0]'), parseJson('[1, 0]')));
    assert.ok(!jsonEquals(parseJson('9007199254740993'), parseJson('9007199254740992')));
  });
});
