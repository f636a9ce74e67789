import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { formatPath, normalizePath, parsePath } from '../../../src/pages/request/fieldPath';
import { formatMessage, makeTranslate } from '../../../src/pages/common/l10n';
import { startingPoint } from '../../../src/pages/request/panelState';
import { compactJson, lineColumn, parseParams, serializeParams } from '../../../src/pages/request/paramsJson';
import { plainText } from '../../../src/pages/request/plainText';
import { UI_STRINGS } from '../../../src/shared/requestStrings';
import { fixtureInit } from '../../webview/fixtures/createCloudRecording';

describe('field paths', () => {
  it('formats and parses the validator spelling', () => {
    assert.equal(formatPath(['Layout', 'MixVideoUids', 2]), 'Layout.MixVideoUids[2]');
    assert.deepEqual(parsePath('Layout.MixVideoUids[2]'), ['Layout', 'MixVideoUids', 2]);
    assert.deepEqual(parsePath('A[0][1].B'), ['A', 0, 1, 'B']);
    assert.deepEqual(parsePath(''), []);
  });

  it('quotes names that are not identifiers so they survive the round trip', () => {
    const segs = ['odd.key', 0, 'x[y]', 'a "q"'];
    const text = formatPath(segs);
    assert.equal(text, '["odd.key"][0]["x[y]"]["a \\"q\\""]');
    assert.deepEqual(parsePath(text), segs);
  });

  it('rejects malformed paths', () => {
    for (const bad of ['.A', 'A..B', 'A[', 'A[x]', 'A[0]B', 'A.']) {
      assert.equal(parsePath(bad), undefined, bad);
    }
    assert.equal(normalizePath('A.B'), 'A.B');
  });
});

describe('paramsJson', () => {
  it('counts lines and columns from one', () => {
    assert.deepEqual(lineColumn('ab\ncd', 0), { line: 1, column: 1 });
    assert.deepEqual(lineColumn('ab\ncd', 4), { line: 2, column: 2 });
  });

  it('tells an empty text, a syntax error and a non-object apart', () => {
    const empty = parseParams('  \n');
    assert.ok(!empty.ok && empty.error.code === 'empty');
    const arr = parseParams('\n  [1]');
    assert.ok(!arr.ok && arr.error.code === 'not-object' && arr.error.line === 2 && arr.error.column === 3);
    const bad = parseParams('{"a": tru}');
    assert.ok(!bad.ok && bad.error.code === 'syntax' && bad.error.line === 1 && !/position/.test(bad.error.detail));
    const dup = parseParams('{"a": 1, "a": 2}');
    assert.ok(!dup.ok && dup.error.code === 'syntax');
  });

  it('serializes exact numbers and nested empties', () => {
    const r = parseParams('{"n": 123456789012345678901234567890, "e": [], "o": {}}');
    assert.ok(r.ok);
    assert.equal(serializeParams(r.value), '{\n  "n": 123456789012345678901234567890,\n  "e": [],\n  "o": {}\n}');
    assert.equal(compactJson(r.value), '{"n":123456789012345678901234567890,"e":[],"o":{}}');
  });
});

describe('l10n', () => {
  it('uses the host translation and falls back to English, filling placeholders', () => {
    const t = makeTranslate({ '{0} issues': '{0} 个问题', Send: '' });
    assert.equal(t('{0} issues', 3), '3 个问题');
    assert.equal(t('Send'), 'Send');
    assert.equal(t('Line {0}, column {1}', 2, 7), 'Line 2, column 7');
    assert.equal(formatMessage('{0} and {1}', ['a']), 'a and {1}');
  });

  it('lists every string the page uses, and only those', () => {
    const dir = path.resolve(import.meta.dirname, '../../../src/pages/request');
    const used = new Set<string>();
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) {
        used.add(m[1].replace(/\\'/g, "'"));
      }
    }
    assert.deepEqual([...used].sort(), [...UI_STRINGS].sort());
  });
});

describe('startingPoint', () => {
  const init = fixtureInit({ paramsText: '{"RoomId": "host"}' });

  it('uses the host data when nothing was saved or the state is for another action', () => {
    assert.equal(startingPoint(init, undefined).paramsText, '{"RoomId": "host"}');
    const other = startingPoint(init, { action: 'DismissRoom', paramsText: '{}' });
    assert.equal(other.paramsText, '{"RoomId": "host"}');
    assert.equal(other.restored, false);
  });

  it('prefers the saved state of the same action, dropping a profile that no longer exists', () => {
    const sp = startingPoint(init, {
      action: 'CreateCloudRecording',
      paramsText: '{"RoomId": "saved"}',
      mode: 'json',
      requiredOnly: true,
      options: { profile: 'gone', region: 'ap-singapore', httpMethod: 'GET', signMethod: 'nope' },
    });
    assert.equal(sp.paramsText, '{"RoomId": "saved"}');
    assert.equal(sp.mode, 'json');
    assert.equal(sp.requiredOnly, true);
    assert.equal(sp.options.profile, 'default');
    assert.equal(sp.options.region, 'ap-singapore');
    assert.equal(sp.options.httpMethod, 'GET');
    assert.equal(sp.options.signMethod, 'TC3-HMAC-SHA256');
    assert.equal(sp.restored, true);
  });
});

describe('plainText', () => {
  it('keeps link texts and drops their addresses and bold markers', () => {
    assert.equal(
      plainText('The [RoomId](https://example.test/doc?a=1#RoomId) of **TRTC**, see [x (y)](https://e.test/a_(b)).'),
      'The RoomId of TRTC, see x (y).',
    );
    assert.equal(plainText('keep `code` and 2 * 3 * 4'), 'keep `code` and 2 * 3 * 4');
  });
});
