import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cloneJson } from '../../../src/core/collections/jsonValues';
import { isLosslessNumber, parseJson, stringifyJson, type JsonObject } from '../../../src/core/json';

test('a copy of parameters keeps every member, a "__proto__" one included, as a member', () => {
  const params = parseJson('{"SdkAppId":1400000001,"__proto__":{"RoomId":1},"Nested":[{"__proto__":2}]}') as JsonObject;
  const copy = cloneJson(params);
  assert.equal(stringifyJson(copy), stringifyJson(params));
  assert.deepEqual(Object.keys(copy), ['SdkAppId', '__proto__', 'Nested']);
  // A member, not the prototype: the copy is still a plain object.
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  assert.equal((copy as { RoomId?: unknown }).RoomId, undefined);
});

test('a copy keeps big numbers exact and is independent of the original', () => {
  const params = parseJson('{"UserId":12345678901234567890,"List":[1,2]}') as JsonObject;
  const copy = cloneJson(params);
  assert.ok(isLosslessNumber(copy.UserId));
  assert.equal(stringifyJson(copy), '{"UserId":12345678901234567890,"List":[1,2]}');
  (copy.List as number[]).push(3);
  assert.equal(stringifyJson(params), '{"UserId":12345678901234567890,"List":[1,2]}');
});
