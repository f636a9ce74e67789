import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseAnswerJson, type JsonObject } from '../../../src/core/json';
import { parseCsv } from '../../../src/core/results/csv';
import { startStandInServer, type StandInServer } from '../../fixtures/standInServer';
import { cli } from '../cli/cliHarness';
import { documentedAnswer } from './catalogAnswers';

// A recent hour: the rules refuse query windows further back than the data is kept.
const RECENT_START = Math.floor(Date.now() / 1000) - 7200;
const RECENT_END = RECENT_START + 3600;

describe('trtc-explorer call --output', () => {
  let server: StandInServer;
  before(async () => {
    server = await startStandInServer({ credentials: { AKIDEXAMPLE0000000000000000000000000: 'cliTestSecretKey0000000000000000' } });
  });
  after(() => server.close());

  const usage = (parseAnswerJson(documentedAnswer('DescribeTrtcUsage')!) as { Response: JsonObject }).Response;
  const usageParams = '{"StartTime":"2022-01-01","EndTime":"2022-01-02","SdkAppId":1400000001}';
  const roomParams = `{"SdkAppId":1400000001,"StartTime":${RECENT_START},"EndTime":${RECENT_END}}`;

  test('csv: one row per time key, one column per usage key, CRLF records', async () => {
    server.setHandler((action) => (action === 'DescribeTrtcUsage' ? usage : {}));
    try {
      const r = await cli(['call', 'DescribeTrtcUsage', '--params', usageParams, '--endpoint', server.url, '--output', 'csv']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /\r\n$/);
      assert.deepEqual(parseCsv(r.stdout), [
        ['TimeKey', 'Audio (min)', 'SD (min)', 'HD (min)', 'FullHD (min)', '2K (min)', '4K (min)'],
        ['2022-01-01 00:00:00', '10', '20', '30', '40', '50', '60'],
        ['2022-01-02 00:00:00', '10', '20', '30', '40', '50', '60'],
      ]);
    } finally {
      server.setHandler(undefined);
    }
  });

  test('table: the room list as aligned columns, the 20-digit DestroyTime exact, times in UTC', async () => {
    const r = await cli(['call', 'DescribeRoomInfo', '--params', roomParams, '--endpoint', server.url, '--output', 'table']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^CommId\s+RoomString\s+CreateTime \(UTC\)\s+DestroyTime\s+IsFinished\s+UserId$/);
    assert.match(lines[1]!, /^-+ {2}-+/);
    assert.match(lines[2]!, /2020-04-27 03:49:15 +12345678901234567890 +true +stand_in_user$/);
    assert.equal(lines.length, 3);
  });

  test('json stays the default, and an unknown format is refused with the choices', async () => {
    const r = await cli(['call', 'DescribeRoomInfo', '--params', roomParams, '--endpoint', server.url]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /"DestroyTime": 12345678901234567890/);
    const bad = await cli(['call', 'DescribeRoomInfo', '--params', roomParams, '--endpoint', server.url, '--output', 'xml']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--output must be one of json, table, csv/);
  });

  test('csv of an answer without a list writes its single values', async () => {
    const r = await cli(['call', 'DescribeCloudSliceTask', '--sandbox', '--params', '{"SdkAppId":1400000001,"TaskId":"t"}', '--output', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    const records = parseCsv(r.stdout);
    assert.deepEqual(records[0], ['Member', 'Value']);
    assert.ok(records.some((rec) => rec[0] === 'TaskId'));
  });
});
