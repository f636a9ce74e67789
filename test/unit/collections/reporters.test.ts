import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  createFolder,
  createRequest,
  escapeXml,
  formatJsonReport,
  formatJunitReport,
  formatReport,
  formatTextReport,
  runCollection,
  type Collection,
  type RunSummary,
} from '../../../src/core/collections';
import { NetworkError } from '../../../src/core/errors';
import { isJsonObject, LosslessNumber, parseJson, type JsonObject } from '../../../src/core/json';
import type { CallResult, CallSpec } from '../../../src/core/requests/types';
import { parseXml, type XmlElement } from './xmlCheck';

const weird = 'Rooms <&> "quoted" \'single\' \u0001 ✓ 🎧';

function callResult(spec: CallSpec): CallResult {
  const error = spec.params.Fail === true ? { code: 'FailedOperation.Room<1>', message: 'room & "stuff"\nsecond line' } : undefined;
  const response: JsonObject = error
    ? { Error: { Code: error.code, Message: error.message }, RequestId: 'rid-err' }
    : { Total: new LosslessNumber('12345678901234567890'), UserSig: 'must-not-leak', RequestId: 'rid-ok' };
  const result: CallResult = {
    origin: 'http://127.0.0.1:1',
    httpStatus: 200,
    latencyMs: 12,
    startedAt: '2026-08-21T00:00:00.000Z',
    response,
    responseText: '{}',
    sandbox: false,
    requestId: String(response.RequestId),
  };
  if (error) {
    result.error = error;
  }
  return result;
}

let summary: RunSummary;

before(async () => {
  const inner = createFolder('Inner & <deep>');
  inner.items.push(createRequest({ action: 'DismissRoom', name: 'Deep pass', params: {} }));
  const folder = createFolder(weird);
  folder.items.push(
    createRequest({ action: 'DescribeRoomInfo', name: 'Pass "one"', params: {}, assertions: [{ type: 'equals', path: '$.Total', value: new LosslessNumber('12345678901234567890') }] }),
    createRequest({
      action: 'DismissRoom',
      name: 'Fail <two>',
      params: { Fail: true },
      assertions: [{ type: 'success' }, { type: 'exists', path: "$['a&b']" }],
    }),
    inner,
  );
  const collection: Collection = {
    version: 1,
    name: 'Suite & Co',
    items: [
      folder,
      createRequest({ action: 'RemoveUser', name: 'Network\u0007error', params: { Network: true } }),
      createRequest({ action: 'DismissRoom', name: 'Unresolved', params: { A: '{{Nope}}' } }),
      createRequest({ action: 'DismissRoom', name: 'Top pass', params: {} }),
    ],
  };
  summary = await runCollection({
    collection,
    environment: { version: 1, name: 'env<1>', variables: {} },
    execute: async (spec) => {
      if (spec.params.Network === true) {
        throw new NetworkError('connect ECONNREFUSED 127.0.0.1:1 <refused & "gone">', 'ECONNREFUSED');
      }
      return callResult(spec);
    },
  });
});

function all(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (e.name === name) {
      out.push(e);
    }
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

describe('reporters', () => {
  test('the test XML checker rejects malformed documents', () => {
    for (const bad of ['<a b="<"/>', '<a>&x;</a>', '<a>&</a>', '<a></b>', '<a>', '<a/><b/>', '<a b="1" b="2"/>', '<a>\u0001</a>', '<a>&#1;</a>']) {
      assert.throws(() => parseXml(bad), Error, bad);
    }
    assert.equal(parseXml('<a x="&lt;&#x26;&#38;">t&amp;<b/></a>').attributes.x, '<&&');
  });

  test('JUnit output is well-formed, with a suite per folder and correct counts', () => {
    const xml = formatJunitReport(summary);
    const root = parseXml(xml);
    assert.equal(root.name, 'testsuites');
    assert.deepEqual(
      ['name', 'tests', 'failures', 'errors', 'skipped'].map((k) => root.attributes[k]),
      ['Suite & Co', '6', '1', '2', '0'],
    );
    assert.match(root.attributes.time, /^\d+\.\d{3}$/);
    const suites = all(root, 'testsuite');
    const cleanWeird = weird.replace('\u0001', '\uFFFD');
    assert.deepEqual(
      suites.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures, s.attributes.errors, s.attributes.skipped]),
      [
        [`Suite & Co/${cleanWeird}`, '2', '1', '0', '0'],
        [`Suite & Co/${cleanWeird}/Inner & <deep>`, '1', '0', '0', '0'],
        ['Suite & Co', '3', '0', '2', '0'],
      ],
    );
    const cases = all(root, 'testcase');
    assert.equal(cases.length, 6);
    for (const c of cases) {
      assert.match(c.attributes.time, /^\d+\.\d{3}$/);
    }
    const byName = new Map(cases.map((c) => [c.attributes.name, c]));
    assert.equal(byName.get('Pass "one"')?.attributes.classname, `Suite & Co/${cleanWeird}`);
    assert.equal(byName.get('Pass "one"')?.children.length, 0);
    const failure = byName.get('Fail <two>')!.children.find((e) => e.name === 'failure')!;
    assert.equal(failure.attributes.message, "2 checks failed: the call succeeds; $['a&b'] exists");
    assert.match(failure.text, /expected: success\n {2}actual: {3}error FailedOperation\.Room<1>/);
    const network = byName.get('Network\uFFFDerror')!.children.find((e) => e.name === 'error')!;
    assert.equal(network.attributes.type, 'network');
    assert.equal(network.attributes.message, 'connect ECONNREFUSED 127.0.0.1:1 <refused & "gone">');
    const unresolved = byName.get('Unresolved')!.children.find((e) => e.name === 'error')!;
    assert.equal(unresolved.attributes.message, '1 variable cannot be resolved: {{Nope}}: not defined in environment "env<1>"; used in params.A');
    assert.match(unresolved.text, /\{\{Nope\}\}: not defined in environment "env<1>"/);
    assert.equal(byName.get('Top pass')?.attributes.classname, 'Suite & Co');
  });

  test('skipped requests become <skipped/> and count as skipped', async () => {
    const controller = new AbortController();
    controller.abort();
    const cancelled = await runCollection({
      collection: { version: 1, name: 'C', items: [createRequest({ action: 'DismissRoom', params: {} })] },
      execute: async (spec) => callResult(spec),
      signal: controller.signal,
    });
    const root = parseXml(formatJunitReport(cancelled));
    assert.equal(root.attributes.skipped, '1');
    assert.equal(all(root, 'skipped').length, 1);
    assert.equal(all(root, 'skipped')[0].attributes.message, 'The run was cancelled');
  });

  test('escapeXml handles markup characters, line breaks and characters XML cannot hold', () => {
    assert.equal(escapeXml(`<a href="x">&'\n\t\r\u0000\uDC00`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;&#9;&#13;\uFFFD\uFFFD');
    const round = parseXml(`<x v="${escapeXml('line 1\nline 2 \t tab & "q" 𝄞')}"/>`);
    assert.equal(round.attributes.v, 'line 1\nline 2 \t tab & "q" 𝄞');
  });

  test('the JSON report is complete, keeps big numbers, leaves out traces and redacts sensitive members', () => {
    const text = formatJsonReport(summary);
    const report = parseJson(text) as JsonObject;
    assert.deepEqual(
      ['collection', 'environment', 'total', 'passed', 'failed', 'errored', 'skipped', 'cancelled'].map((k) => report[k]),
      ['Suite & Co', 'env<1>', 6, 3, 1, 2, 0, false],
    );
    const results = report.results as JsonObject[];
    assert.deepEqual(results.map((r) => r.status), ['passed', 'failed', 'passed', 'errored', 'errored', 'passed']);
    assert.match(text, /"Total": 12345678901234567890/);
    assert.ok(!text.includes('must-not-leak'), 'sensitive response members are redacted');
    assert.ok(!text.includes('"trace"'));
    const failedAssertions = results[1].assertions as JsonObject[];
    assert.deepEqual(
      failedAssertions.map((a) => [a.type, a.passed, a.expected, a.actual]),
      [
        ['success', false, 'success', 'error FailedOperation.Room<1>'],
        ['exists', false, 'a value', 'nothing'],
      ],
    );
    const call = results[1].call;
    assert.ok(isJsonObject(call));
    assert.deepEqual(call.error, { code: 'FailedOperation.Room<1>', message: 'room & "stuff"\nsecond line' });
    assert.deepEqual(results[3].error, { kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1:1 <refused & "gone">' });
  });

  test('the text report lists each request with its outcome and the totals', () => {
    const text = formatTextReport(summary);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], 'Collection "Suite & Co" with environment "env<1>"');
    // The control character in the folder name is shown as an escape, not written to the terminal.
    const shown = weird.replace('\u0001', '\\u0001');
    assert.ok(lines.some((l) => l.startsWith(`  PASS  ${shown} / Pass "one" (DescribeRoomInfo) HTTP 200`)));
    assert.ok(lines.some((l) => l.startsWith(`  FAIL  ${shown} / Fail <two> (DismissRoom) HTTP 200`)));
    assert.ok(!text.includes('\u0001'));
    assert.ok(lines.includes('          ✗ the call succeeds: expected success, got error FailedOperation.Room<1> (room & "stuff"\nsecond line)'.split('\n')[0]));
    assert.ok(lines.some((l) => l.startsWith('  ERROR Unresolved (DismissRoom)')));
    assert.match(lines[lines.length - 1], /^3 passed, 1 failed, 2 errored, 0 skipped of 6 in \d+\.\d{3} s$/);
    assert.equal(formatReport(summary, 'text'), text);
    assert.equal(formatReport(summary, 'junit'), formatJunitReport(summary));
  });

  test('the text report escapes ANSI sequences, control characters and bidi overrides from files and servers', () => {
    const hostile = '\u001b]0;pwned\u0007\u001b[2J\u001b[31mRed\u001b[0m\rover\u202egnp.exe\u009b';
    const text = formatTextReport({
      ...summary,
      collectionName: hostile,
      environmentName: `env\u001b[1m`,
      results: [
        {
          ...summary.results[0]!,
          name: `name\nsecond line ${hostile}`,
          path: [hostile],
          status: 'errored',
          error: { kind: 'api', message: `server says \u001b[5mblink\u001b[0m\nnext line` },
        },
      ],
    });
    for (const c of ['\u001b', '\u0007', '\u009b', '\u202e', '\r']) {
      assert.ok(!text.includes(c), `U+${c.charCodeAt(0).toString(16)} reached the report`);
    }
    assert.match(text, /^Collection "\\u001b\]0;pwned\\u0007\\u001b\[2J\\u001b\[31mRed\\u001b\[0m\\u000dover\\u202egnp\.exe\\u009b" with environment "env\\u001b\[1m"\n/);
    assert.ok(text.includes('name\\nsecond line'), 'a line break in a name stays on its line');
    assert.ok(text.includes('server says \\u001b[5mblink\\u001b[0m\n          next line'), 'messages keep their lines');
  });
});
