import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseTimeOption } from '../../../src/cli/commands/history';
import { HistoryStore, type HistoryEntry } from '../../../src/core/history';
import { parseCsv } from '../../../src/core/results/csv';
import { callInput } from '../history/helpers';
import { cli } from './cliHarness';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

/** A history folder with four calls: two DescribeRoomInfo, one failed DismissRoom, one old RemoveUser. */
async function seed(t: { after: (fn: () => void) => void }): Promise<{ dir: string; env: NodeJS.ProcessEnv; entries: HistoryEntry[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-history-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const store = new HistoryStore(dir);
  const inputs: Array<Parameters<typeof callInput>[0]> = [
    {
      time: new Date(NOW - 10 * 60_000).toISOString(),
      requestId: 'req-rooms',
      responseText: '{"Response":{"Total":2,"RoomList":[{"RoomString":"a,b","CreateTime":1764547200,"DestroyTime":12345678901234567890},{"RoomString":"房间","CreateTime":1764550800,"DestroyTime":1}],"RequestId":"req-rooms"}}',
    },
    {
      action: 'DismissRoom',
      time: new Date(NOW - 5 * 60_000).toISOString(),
      params: { SdkAppId: 1400000001, RoomId: 7 },
      httpStatus: 200,
      requestId: 'req-dismiss',
      error: { code: 'FailedOperation.RoomNotExist', message: 'The room does not exist.' },
      source: 'cli',
      responseText: '{"Response":{"Error":{"Code":"FailedOperation.RoomNotExist","Message":"The room does not exist."},"RequestId":"req-dismiss"}}',
    },
    {
      action: 'CreateCloudRecording',
      time: new Date(NOW - 2 * 60_000).toISOString(),
      params: { SdkAppId: 1400000001, RoomId: '9', UserId: 'rec', UserSig: 'eJyrVspLzE1VslI', StorageParams: { CloudStorage: { AccessKey: 'AK', SecretKey: 'super-secret-value' } } },
      requestId: 'req-rec',
      responseText: '{"Response":{"TaskId":"task-1","RequestId":"req-rec"}}',
    },
    { action: 'RemoveUser', time: new Date(NOW - 3 * 86_400_000).toISOString(), requestId: 'req-old' },
  ];
  const entries: HistoryEntry[] = [];
  for (const input of inputs) entries.push(await store.append(callInput(input)));
  await store.whenIdle();
  store.dispose();
  return { dir, env: { TRTC_EXPLORER_HISTORY_DIR: dir }, entries };
}

describe('history list', () => {
  test('json: newest first, with every entry of the store the editor uses', async (t) => {
    const { env } = await seed(t);
    const run = await cli(['history', 'list'], { env, now: () => NOW });
    assert.equal(run.code, 0, run.stderr);
    const list = JSON.parse(run.stdout) as Array<{ action: string; status: string; params: unknown }>;
    assert.deepEqual(
      list.map((e) => e.action),
      ['CreateCloudRecording', 'DismissRoom', 'DescribeRoomInfo', 'RemoveUser'],
    );
    assert.deepEqual(
      list.map((e) => e.status),
      ['ok', 'error', 'ok', 'ok'],
    );
  });

  test('filters: --action, --status, --code, --since in its three forms, --until, --source, --limit', async (t) => {
    const { env } = await seed(t);
    const actions = async (...args: string[]): Promise<string[]> => {
      const run = await cli(['history', 'list', ...args], { env, now: () => NOW });
      assert.equal(run.code, 0, run.stderr);
      return (JSON.parse(run.stdout) as Array<{ action: string }>).map((e) => e.action);
    };
    assert.deepEqual(await actions('--action', 'room'), ['DismissRoom', 'DescribeRoomInfo']);
    assert.deepEqual(await actions('--status', 'error'), ['DismissRoom']);
    assert.deepEqual(await actions('--status', 'OK', '--action', 'describe'), ['DescribeRoomInfo']);
    assert.deepEqual(await actions('--code', 'roomnotexist'), ['DismissRoom']);
    assert.deepEqual(await actions('--since', '1h'), ['CreateCloudRecording', 'DismissRoom', 'DescribeRoomInfo']);
    assert.deepEqual(await actions('--since', '6m'), ['CreateCloudRecording', 'DismissRoom']);
    assert.deepEqual(await actions('--since', String(Math.floor((NOW - 7 * 60_000) / 1000))), ['CreateCloudRecording', 'DismissRoom']);
    assert.deepEqual(await actions('--since', '2026-12-02'), ['CreateCloudRecording', 'DismissRoom', 'DescribeRoomInfo']);
    assert.deepEqual(await actions('--since', '2026-12-02T11:54:00Z'), ['CreateCloudRecording', 'DismissRoom']);
    assert.deepEqual(await actions('--until', '1d'), ['RemoveUser']);
    assert.deepEqual(await actions('--source', 'cli'), ['DismissRoom']);
    assert.deepEqual(await actions('--limit', '2'), ['CreateCloudRecording', 'DismissRoom']);
  });

  test('table and csv: one row per call; CSV parses back with the same rows', async (t) => {
    const { env, entries } = await seed(t);
    const table = await cli(['history', 'list', '--output', 'table'], { env, now: () => NOW });
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^Id\s+Time\s+Action\s+Status/);
    assert.match(lines[1]!, /^-+\s+-+/);
    assert.equal(lines.length, 2 + entries.length);
    assert.match(lines[3]!, /DismissRoom\s+error\s+200\s+FailedOperation\.RoomNotExist/);
    const csv = await cli(['history', 'list', '--output', 'csv', '--action', 'Dismiss'], { env, now: () => NOW });
    const records = parseCsv(csv.stdout);
    assert.equal(records[0]![0], 'Id');
    assert.equal(records.length, 2);
    const row = Object.fromEntries(records[0]!.map((h, i) => [h, records[1]![i]]));
    assert.equal(row.Id, entries[1]!.id);
    assert.equal(row.ErrorCode, 'FailedOperation.RoomNotExist');
    assert.equal(row.Source, 'cli');
    const none = await cli(['history', 'list', '--output', 'table', '--action', 'Nothing'], { env, now: () => NOW });
    assert.equal(none.stdout, 'No history entry matches.\n');
  });

  test('bad input: a clear error naming the option, exit 2', async (t) => {
    const { env } = await seed(t);
    const status = await cli(['history', 'list', '--status', 'failed'], { env });
    assert.equal(status.code, 2);
    assert.match(status.stderr, /--status must be one of ok, error, not "failed"/);
    const since = await cli(['history', 'list', '--since', 'yesterday'], { env });
    assert.equal(since.code, 2);
    assert.match(since.stderr, /--since must be an ISO date or time .* Unix seconds .* span back from now .*not "yesterday"/);
    const output = await cli(['history', 'list', '--output', 'xml'], { env });
    assert.equal(output.code, 2);
    assert.match(output.stderr, /--output must be one of json, table, csv/);
    const sub = await cli(['history', 'delete'], { env });
    assert.equal(sub.code, 2);
    assert.match(sub.stderr, /Unknown history command "delete"/);
  });

  test('an empty or missing store lists nothing and creates nothing', async (t) => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-history-')), 'none');
    t.after(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));
    const run = await cli(['history', 'list', '--output', 'table'], { env: { TRTC_EXPLORER_HISTORY_DIR: dir } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /is empty/);
    assert.equal(fs.existsSync(dir), false);
  });
});

describe('history show', () => {
  test('json: the request and the answer, big integers exact; an id prefix works', async (t) => {
    const { env, entries } = await seed(t);
    const run = await cli(['history', 'show', entries[0]!.id], { env });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /"DestroyTime": 12345678901234567890/);
    const doc = JSON.parse(run.stdout) as { id: string; request: { action: string }; response: { requestId: string } };
    assert.equal(doc.id, entries[0]!.id);
    assert.equal(doc.request.action, 'DescribeRoomInfo');
    assert.equal(doc.response.requestId, 'req-rooms');
    // Ids of entries recorded together share their start, so the prefix is taken from the end's side.
    const prefix = entries[0]!.id.slice(0, -1);
    const others = entries.filter((e) => e.id.startsWith(prefix));
    const byPrefix = await cli(['history', 'show', prefix], { env });
    if (others.length === 1) {
      assert.equal(byPrefix.code, 0, byPrefix.stderr);
      assert.equal((JSON.parse(byPrefix.stdout) as { id: string }).id, entries[0]!.id);
    } else {
      assert.equal(byPrefix.code, 2);
      assert.match(byPrefix.stderr, /is the start of \d+ history entries' ids/);
    }
  });

  test('table: the fields, then the answer main list; csv: the main list', async (t) => {
    const { env, entries } = await seed(t);
    const table = await cli(['history', 'show', entries[0]!.id, '--output', 'table'], { env });
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^Field\s+Value/);
    assert.match(table.stdout, /Action\s+DescribeRoomInfo/);
    assert.match(table.stdout, /RoomString/);
    assert.match(table.stdout, /12345678901234567890/);
    const csv = await cli(['history', 'show', entries[0]!.id, '--output', 'csv'], { env });
    assert.equal(csv.code, 0, csv.stderr);
    const records = parseCsv(csv.stdout);
    assert.equal(records.length, 3);
    assert.ok(records[1]!.includes('a,b'));
    assert.ok(records[2]!.includes('房间'));
    assert.ok(records[1]!.includes('12345678901234567890'));
  });

  test('the recorded secrets stay redacted', async (t) => {
    const { env, entries } = await seed(t);
    for (const output of ['json', 'table']) {
      const run = await cli(['history', 'show', entries[2]!.id, '--output', output], { env });
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout, /super-secret-value|eJyrVspLzE1VslI/);
      assert.match(run.stdout, /<redacted>/);
    }
  });

  test('an unknown id: a clear error that says where it looked, exit 2', async (t) => {
    const { env, dir } = await seed(t);
    const run = await cli(['history', 'show', 'nope-not-an-id'], { env });
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(`No history entry has the id "nope-not-an-id" in ${dir} (4 entries)`), run.stderr);
    const none = await cli(['history', 'show'], { env });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Give one history entry id/);
  });
});

describe('history export', () => {
  test('json: the versioned document the editor writes; jsonl: one entry per line; --out writes a file', async (t) => {
    const { env, entries } = await seed(t);
    const json = await cli(['history', 'export'], { env });
    assert.equal(json.code, 0, json.stderr);
    const doc = JSON.parse(json.stdout) as { format: string; count: number; entries: Array<{ id: string; response?: { body: string } }> };
    assert.equal(doc.format, 'trtc-api-explorer/history-export');
    assert.equal(doc.count, entries.length);
    assert.match(doc.entries.find((e) => e.id === entries[0]!.id)!.response!.body, /12345678901234567890/);
    assert.doesNotMatch(json.stdout, /super-secret-value|eJyrVspLzE1VslI/);

    const lines = await cli(['history', 'export', '--format', 'jsonl', '--status', 'ok'], { env });
    assert.equal(lines.code, 0, lines.stderr);
    const parsed = lines.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; action: string });
    assert.deepEqual(
      parsed.map((e) => e.action),
      ['CreateCloudRecording', 'DescribeRoomInfo', 'RemoveUser'],
    );

    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-export-')), 'sub', 'history.json');
    t.after(() => fs.rmSync(path.dirname(path.dirname(out)), { recursive: true, force: true }));
    const file = await cli(['history', 'export', '--out', out, '--action', 'Dismiss'], { env, cwd: os.tmpdir() });
    assert.equal(file.code, 0, file.stderr);
    assert.equal(file.stdout, '');
    assert.match(file.stderr, /1 entry written to .*history\.json \(one JSON document\)/);
    assert.equal((JSON.parse(fs.readFileSync(out, 'utf8')) as { count: number }).count, 1);
    const bad = await cli(['history', 'export', '--format', 'csv'], { env });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of json, jsonl/);
  });
});

describe('parseTimeOption', () => {
  const now = Date.UTC(2026, 0, 10, 0, 0, 0);
  test('spans, seconds, milliseconds, dates and times', () => {
    assert.equal(parseTimeOption('90s', 'since', now), now - 90_000);
    assert.equal(parseTimeOption('2w', 'since', now), now - 14 * 86_400_000);
    assert.equal(parseTimeOption('1764547200', 'since', now), 1764547200_000);
    assert.equal(parseTimeOption('1764547200123', 'since', now), 1764547200123);
    assert.equal(parseTimeOption('2026-01-09', 'since', now), Date.UTC(2026, 0, 9));
    assert.equal(parseTimeOption('2026-01-09T08:00:00+08:00', 'since', now), Date.UTC(2026, 0, 9));
  });
  test('refuses what it cannot read', () => {
    for (const bad of ['', 'soon', '7 days', '2026-13-45', '-1h', '1y']) {
      assert.throws(() => parseTimeOption(bad, 'since', now), /--since must be/, bad);
    }
  });
});
