import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJson, stringifyJson } from '../../src/core/json';

test('big integers survive a parse and both serializations', () => {
  const v = parseJson('{"Total":12345678901234567890,"Rate":0.5,"Name":"\\u672a"}');
  assert.equal(stringifyJson(v), '{"Total":12345678901234567890,"Rate":0.5,"Name":"未"}');
  assert.match(stringifyJson(v, 2), /"Total": 12345678901234567890,/);
});
