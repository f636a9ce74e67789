import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJson, stringifyJson } from '../../src/core/json';

test('big integers survive a parse and both serializations', () => {
  const v = parseJson('{"Total":12345678901234567890,"Rate":0.5,"Name":"\\u672a"}');
  assert.equal(stringifyJson(v), '{"Total":12345678901234567890,"Rate":0.5,"Name":"未"}');
  assert.match(stringifyJson(v, 2), /"Total": 12345678901234567890,/);
});

import { LosslessNumber, needsLosslessNumbers, parseAnswerJson } from '../../src/core/json';

test('the fast answer parser gives what the lossless one gives', () => {
  const samples = [
    '{"Response":{"RequestId":"eac6b301-a322-493a-8e36-83b295459397","Total":3,"Rate":12.5}}',
    '{"a":"12345678901234567890 inside a string is not a number","b":[1,2,3]}',
    '{"Total":12345678901234567890}',
    '{"Small":1e2,"Huge":1e400}',
    '{"Precise":0.10000000000000001,"Plain":0.1,"Neg":-0,"Zeros":0.000001}',
    '{"escaped":"quote \\" then 99999999999999999","n":-9007199254740993}',
    '[]',
    '"just a string"',
    '123456789012345',
  ];
  for (const text of samples) {
    assert.equal(stringifyJson(parseAnswerJson(text)), stringifyJson(parseJson(text)), text);
  }
  assert.equal(needsLosslessNumbers(samples[0]), false, 'digits and e inside strings do not count');
  assert.equal(needsLosslessNumbers(samples[1]), false);
  assert.equal(needsLosslessNumbers(samples[2]), true);
  assert.equal(needsLosslessNumbers(samples[3]), true, 'exponents keep their text');
  assert.equal(needsLosslessNumbers(samples[4]), true, '17 significant digits');
  assert.equal(needsLosslessNumbers(samples[5]), true);
  assert.equal(needsLosslessNumbers('{"n":123456789012345,"m":0.000000000000001}'), false, 'leading zeros are not significant');
  // Where number tokens can stand: first in the text, after a colon, a bracket or a comma, with
  // white space between, as pretty-printed documents have them.
  for (const text of ['12345678901234567890', '  -1e5', '{\n  "a": 1.5E-3\n}', '[\n  1,\n  12345678901234567\n]', '{"x": 1234567.123456789}', '{"a":[0, -98765432109876543]}']) {
    assert.equal(needsLosslessNumbers(text), true, text);
    assert.equal(stringifyJson(parseAnswerJson(text)), stringifyJson(parseJson(text)), text);
  }
  for (const text of ['{\n  "RequestId": "0d6bd8e1-7d8b-4b0c-9a39-7c8b7a8e5a51",\n  "Id": "12345678901234567890"\n}', '{"a": "x, 1e5"}', '[1, 2.5, 123456789012345]']) {
    assert.equal(needsLosslessNumbers(text), false, text);
  }
});

test('a repeated key: an error for parameters, the last value for answers', () => {
  assert.throws(() => parseJson('{"a":1,"a":2}'), /Duplicate key/);
  assert.deepEqual(parseAnswerJson('{"a":1,"a":2}'), { a: 2 });
  assert.deepEqual(stringifyJson(parseAnswerJson('{"a":1,"a":12345678901234567890}')), '{"a":12345678901234567890}');
});

test('serialization writes the same text with and without lossless numbers in the value', () => {
  const plain = { s: 'a\u2028b"c', n: [1, 2.5, -3e-7, 0, null, true], o: {}, nested: { deep: [{ x: 'y' }] } };
  const withBig = { ...plain, big: new LosslessNumber('12345678901234567890') };
  assert.equal(stringifyJson(plain), JSON.stringify(plain));
  assert.equal(stringifyJson(plain, 2), JSON.stringify(plain, null, 2));
  assert.equal(stringifyJson(withBig), JSON.stringify(plain).slice(0, -1) + ',"big":12345678901234567890}');
});

import { mapJsonStrings } from '../../src/core/json';

test('mapJsonStrings replaces strings at any depth and leaves keys, numbers and big integers alone', () => {
  const value = parseJson('{"a":"x","b":[1,"y",{"c":"z","big":12345678901234567890}],"d":true,"e":null}');
  const out = mapJsonStrings(value, (s) => (s === 'y' ? 42 : s.toUpperCase()));
  assert.equal(stringifyJson(out), '{"a":"X","b":[1,42,{"c":"Z","big":12345678901234567890}],"d":true,"e":null}');
  assert.equal(stringifyJson(value), '{"a":"x","b":[1,"y",{"c":"z","big":12345678901234567890}],"d":true,"e":null}', 'the input is not changed');
});
