import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LosslessNumber, parseAnswerJson } from '../../../src/core/json';
import { csvField, parseCsv, tableToCsv, toCsv } from '../../../src/core/results/csv';
import { buildTable } from '../../../src/core/results/tableModel';

describe('RFC 4180 CSV writer', () => {
  test('quotes fields with commas, quotes, line breaks and edge spaces; leaves the rest alone', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\rhere'), '"cr\rhere"');
    assert.equal(csvField(' padded'), '" padded"');
    assert.equal(csvField(''), '');
  });

  test('ends every record with CRLF, unicode untouched', () => {
    assert.equal(toCsv([['房间', 'émoji 🎥'], ['1', '2']]), '房间,émoji 🎥\r\n1,2\r\n');
  });

  test('what it writes reads back field for field', () => {
    const records = [
      ['RoomId', 'Note', 'Big'],
      ['room, one', 'line1\r\nline2 "quoted"', '18446744073709551615'],
      ['', '用户', ' x '],
    ];
    assert.deepEqual(parseCsv(toCsv(records)), records);
  });

  test('parses LF-only text, a last line without a line break, and quoted empty fields', () => {
    assert.deepEqual(parseCsv('a,b\n1,""\n2,3'), [
      ['a', 'b'],
      ['1', ''],
      ['2', '3'],
    ]);
  });

  test('a table as CSV: exact big integers, a UTC column after each Unix time, lists joined, nested lists as JSON', () => {
    const response = parseAnswerJson('{"L":[{"RoomId":"r,1","Id":12345678901234567890,"JoinTs":1700000000,"Keys":["a","b"],"Sub":[{"x":1}]}]}') as { L: never[] };
    const table = buildTable({ id: 'L', title: { en: 'L', zh: 'L' }, path: 'L' }, response.L, undefined);
    assert.ok(response.L.length === 1 && (response.L[0] as { Id: unknown }).Id instanceof LosslessNumber);
    assert.equal(tableToCsv(table), 'RoomId,Id,JoinTs,JoinTs (UTC),Keys,Sub\r\n"r,1",12345678901234567890,1700000000,2023-11-14 22:13:20,a;b,"[{""x"":1}]"\r\n');
  });
});
