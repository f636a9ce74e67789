import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAnswerJson, type JsonObject } from '../../../src/core/json';
import { formatTextTable, displayWidth, membersTable } from '../../../src/core/results/answerOutput';
import { outputSchema } from '../../../src/core/results/outputSchema';
import { cellText, filterRowIndexes, nestedTable, sortedRowIndexes, tablesOfAnswer } from '../../../src/core/results/tableModel';
import { detectTimeUnit, formatMoment, parseTimeText } from '../../../src/core/results/timeValues';
import { catalogAnswer } from './catalogAnswers';

describe('table model', () => {
  test('columns follow the catalog: kinds, times in seconds, nested lists as sub-tables', () => {
    const schema = outputSchema('DescribeUnusualEvent')!;
    const response = catalogAnswer('DescribeUnusualEvent', {
      Total: 1,
      AbnormalExperienceList: [{ UserId: 'u', ExperienceId: 4, RoomId: '461', EventTime: 1592448600, AbnormalEventList: [{ AbnormalEventId: 2011, PeerId: 'p' }] }],
    });
    const [table] = tablesOfAnswer(response, schema);
    assert.deepEqual(table!.columns.map((c) => `${c.key}:${c.kind}${c.time ? `:${c.time}` : ''}`), ['UserId:string', 'ExperienceId:integer', 'RoomId:string', 'AbnormalEventList:array', 'EventTime:time:s']);
    const sub = nestedTable(table!, 0, 'AbnormalEventList', schema)!;
    assert.equal(sub.path, 'AbnormalExperienceList[0].AbnormalEventList');
    assert.deepEqual(sub.rows, [{ AbnormalEventId: 2011, PeerId: 'p' }]);
    assert.deepEqual(sub.columns.map((c) => c.kind), ['integer', 'string']);
  });

  test('flat items are the rows as they are; an item with an object member not in the catalog is spread into dotted columns', () => {
    const items: JsonObject[] = [{ A: 1, B: 'x' }, { A: 2, C: { D: 3, E: { F: 4 } } }, { A: 3, B: 'y', G: [{ H: 1 }] }];
    const [table] = tablesOfAnswer({ L: items });
    assert.equal(table!.rows[0], items[0], 'not copied');
    assert.deepEqual(table!.rows[1], { A: 2, 'C.D': 3, 'C.E.F': 4 });
    assert.equal(table!.rows[2], items[2]);
    assert.deepEqual(table!.columns.map((c) => `${c.key}${c.nested ? ' (nested)' : ''}`), ['A', 'B', 'C.D', 'C.E.F', 'G (nested)']);
    assert.deepEqual(items[1], { A: 2, C: { D: 3, E: { F: 4 } } }, 'the answer is not changed');
  });

  test('times show in local and UTC; text times as written', () => {
    const [table] = tablesOfAnswer({ L: [{ JoinTs: 1700000000, Time: 1700000000123, TimeKey: '2024-05-01 00:00:00' }] });
    const [join, ms, key] = table!.columns;
    assert.equal(cellText(join!, 1700000000, 'utc'), '2023-11-14 22:13:20');
    assert.equal(cellText(ms!, 1700000000123, 'utc'), '2023-11-14 22:13:20.123');
    assert.equal(cellText(join!, 1700000000, 'local'), formatMoment(1700000000, 'local'));
    assert.equal(key!.time, 'text');
    assert.equal(cellText(key!, '2024-05-01 00:00:00', 'local'), '2024-05-01 00:00:00');
  });

  test('durations named like times stay numbers', () => {
    assert.equal(detectTimeUnit('AudioTime', [120, 30]), undefined);
    assert.equal(detectTimeUnit('CreateTime', [1700000000]), 's');
    assert.equal(detectTimeUnit('Time', [1700000000000]), 'ms');
    assert.equal(detectTimeUnit('RoomId', [1700000000]), undefined);
    assert.equal(parseTimeText('2024-05-01'), Date.UTC(2024, 4, 1) / 1000);
    assert.equal(parseTimeText('2024-05-01T08:00:00+08:00'), Date.UTC(2024, 4, 1) / 1000);
    assert.equal(parseTimeText('sample'), undefined);
  });

  test('sorting orders big integers exactly and keeps empty cells last either way', () => {
    const response = parseAnswerJson('{"L":[{"N":18446744073709551615},{"N":18446744073709551614},{"N":null},{"N":2}]}') as JsonObject;
    const [table] = tablesOfAnswer(response);
    assert.deepEqual(sortedRowIndexes(table!, 'N'), [3, 1, 0, 2]);
    assert.deepEqual(sortedRowIndexes(table!, 'N', true), [0, 1, 3, 2]);
  });

  test('filtering matches every word in any cell, times in local and UTC form', () => {
    const [table] = tablesOfAnswer({ L: [{ UserId: 'alice', JoinTs: 1700000000 }, { UserId: 'bob', JoinTs: 1600000000 }] });
    assert.deepEqual(filterRowIndexes(table!, 'ALI'), [0]);
    assert.deepEqual(filterRowIndexes(table!, '2023-11-14 22:13'), [0]);
    assert.deepEqual(filterRowIndexes(table!, 'bob 2020'), [1]);
    assert.deepEqual(filterRowIndexes(table!, ''), [0, 1]);
  });

  test('aligned text: numbers right, CJK counted double, nested lists as a row count', () => {
    const [table] = tablesOfAnswer({ L: [{ Name: '房间一', N: 5, Sub: [{ a: 1 }, { a: 2 }] }, { Name: 'r', N: 12345, Sub: [] }] });
    assert.equal(displayWidth('房间一'), 6);
    assert.equal(formatTextTable(table!), ['Name        N  Sub', '------  -----  --------', '房间一      5  (2 rows)', 'r       12345  (0 rows)', ''].join('\n'));
  });

  test('an answer without a list prints its single values', () => {
    const t = membersTable({ TaskId: 't1', Status: 'Idle', RequestId: 'r' });
    assert.deepEqual(t.rows, [
      { Member: 'TaskId', Value: 't1' },
      { Member: 'Status', Value: 'Idle' },
      { Member: 'RequestId', Value: 'r' },
    ]);
  });
});
