import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareHistoryEntry, type HistoryEntry } from '../../../src/core/history';
import { decodeRecord, encodeAdd, encodeDelete, encodeHeader, ENTRY_FIELDS } from '../../../src/core/history/historyRecord';
import { callInput, at } from './helpers';

/** Parameters and a body full of the very sequences the loader searches for. */
function trickyEntry(): { entry: HistoryEntry; body: string } {
  const body = 'line 1\n","params":{"x":1}} ,"paramsChars":9 ,"body":"\\ "quoted" 未 \u0001 {"Big":12345678901234567890}';
  const { entry } = prepareHistoryEntry(
    callInput({
      time: at(7),
      params: { a: 1, body: 'y', paramsChars: 3, params: {}, nested: { ',"body":': ',"paramsChars":' } },
      error: { code: 'InvalidParameter', message: 'bad ,"body": value' },
      responseText: body,
    }),
    'id-tricky',
    new Date(),
    1 << 20,
  );
  return { entry, body };
}

test('an entry record round-trips exactly and is plain JSON', () => {
  const { entry, body } = trickyEntry();
  const line = encodeAdd(entry, JSON.stringify(body));
  assert.ok(!line.includes('\n'), 'one record is one line');
  const plain = JSON.parse(line) as { op: string; entry: unknown[]; body: string; paramsChars: number };
  assert.equal(plain.op, 'add');
  assert.equal(plain.body, body);
  assert.equal(plain.entry.length, ENTRY_FIELDS.length);
  const rec = decodeRecord(line);
  assert.ok(rec?.op === 'add');
  assert.deepEqual(rec.entry, entry);
  assert.equal(rec.timeMs, Date.parse(at(7)));
  assert.equal(JSON.parse(rec.bodyLiteral!), body);
  assert.equal(rec.entry.paramsJson, entry.paramsJson);
});

test('an entry without a body or optional fields round-trips', () => {
  const { entry } = prepareHistoryEntry(
    { action: 'DismissRoom', endpoint: 'https://trtc.tencentcloudapi.com', params: {}, signMethod: 'HmacSHA1', httpMethod: 'GET', source: 'rerun' },
    'bare',
    new Date(Date.UTC(2024, 0, 1)),
    10,
  );
  const rec = decodeRecord(encodeAdd(entry, undefined));
  assert.ok(rec?.op === 'add');
  assert.deepEqual(rec.entry, entry);
  assert.equal(rec.bodyLiteral, undefined);
});

test('every prefix of a record, as a crash can leave it, is rejected', () => {
  const { entry, body } = trickyEntry();
  const line = encodeAdd(entry, JSON.stringify(body));
  let endsInBrace = 0;
  for (let n = 0; n < line.length; n++) {
    const prefix = line.slice(0, n);
    if (prefix.endsWith('}')) endsInBrace++;
    assert.equal(decodeRecord(prefix), undefined, `prefix of ${n} characters was accepted`);
  }
  assert.ok(endsInBrace > 2, 'the check covered prefixes that end in a closing brace');
  const del = encodeDelete('some-id', at(1));
  for (let n = 0; n < del.length; n++) {
    assert.equal(decodeRecord(del.slice(0, n)), undefined);
  }
  assert.deepEqual(decodeRecord(del), { op: 'del', id: 'some-id' });
});

test('the header names the format, the schema and the entry positions', () => {
  const header = encodeHeader(at(0));
  assert.deepEqual(decodeRecord(header), { op: 'header', schemaVersion: 1, createdAt: at(0) });
  assert.deepEqual((JSON.parse(header) as { entryFields: string[] }).entryFields, [...ENTRY_FIELDS]);
});

test('records naming a side file outside the bodies folder, or from a newer schema, are refused', () => {
  const { entry } = trickyEntry();
  const evil = encodeAdd({ ...entry, response: { size: 1, file: '../../etc/passwd' } }, undefined);
  assert.equal(decodeRecord(evil), undefined);
  const newer = encodeAdd({ ...entry, schemaVersion: 2 }, undefined);
  assert.equal(decodeRecord(newer), undefined);
  assert.equal(decodeRecord('{"op":"add","entry":{"id":"old-shape"},"body":null,"paramsChars":2,"params":{}}'), undefined);
});
