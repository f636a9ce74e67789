import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  acquireLock,
  entryAsDocument,
  entryParams,
  HISTORY_BODIES_DIR,
  HISTORY_FILE_NAME,
  HistoryStore,
  type HistoryChange,
  type HistoryNotice,
} from '../../../src/core/history';
import { encodeAdd } from '../../../src/core/history/historyRecord';
import { LosslessNumber, parseJson, isJsonObject } from '../../../src/core/json';
import { at, callInput, recordLines, tempDir } from './helpers';

test('appended entries come back, newest first and field for field, after a reload', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir);
  await store.load();
  const a = await store.append(callInput({ time: at(1), action: 'DismissRoom', requestId: 'r-a' }));
  const b = await store.append(callInput({ time: at(2), action: 'DescribeRoomInfo', requestId: 'r-b', source: 'cli', sandbox: true }));
  const c = await store.append(
    callInput({ time: at(3), action: 'StartMCUMixTranscode', httpStatus: 200, error: { code: 'FailedOperation.RoomNotExist', message: 'no room' } }),
  );
  assert.deepEqual(store.query().map((e) => e.id), [c.id, b.id, a.id]);
  store.dispose();

  const again = new HistoryStore(dir);
  const report = await again.load();
  assert.equal(report.entries, 3);
  assert.equal(report.skippedLines, 0);
  assert.deepEqual(again.query(), [c, b, a]);
  assert.equal(again.get(b.id)?.sandbox, true);
  assert.equal(again.get(b.id)?.source, 'cli');
  assert.equal(again.get(c.id)?.error?.code, 'FailedOperation.RoomNotExist');
  assert.equal(await again.getResponseBody(a.id), callInput().responseText);
  const header = JSON.parse(fs.readFileSync(path.join(dir, HISTORY_FILE_NAME), 'utf8').split('\n')[0] as string) as Record<string, unknown>;
  assert.equal(header.format, 'trtc-api-explorer/history');
  assert.equal(header.schemaVersion, 1);
  again.dispose();
});

test('each append adds one line and leaves the earlier bytes untouched', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir);
  await store.append(callInput({ time: at(1) }));
  const file = path.join(dir, HISTORY_FILE_NAME);
  const before = fs.readFileSync(file);
  await store.append(callInput({ time: at(2) }));
  const after = fs.readFileSync(file);
  assert.deepEqual(after.subarray(0, before.length), before);
  assert.equal(recordLines(file).length, 2);
  store.dispose();
});

test('the store records only the origin of the endpoint and the profile name', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir);
  const e = await store.append(callInput({ endpoint: 'https://user:pw@trtc.example.com:8443/some/path?token=abc', profile: 'work' }));
  assert.equal(e.endpoint, 'https://trtc.example.com:8443');
  assert.equal(e.profile, 'work');
  const bytes = fs.readFileSync(path.join(dir, HISTORY_FILE_NAME), 'utf8');
  assert.ok(!bytes.includes('token=abc'));
  assert.ok(!bytes.includes(':pw@'));
  store.dispose();
});

test('sensitive parameters never reach the file bytes, and their paths are kept for a re-run', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir);
  await store.load();
  const secretKey = 'SK-very-secret-0123456789';
  const accessKey = 'AK-also-secret-9876543210';
  const e = await store.append(
    callInput({
      action: 'CreateCloudRecording',
      params: {
        SdkAppId: 1400000001,
        RoomId: 'r1',
        UserSig: 'eJwtjEELgjAYhv-sample-usersig',
        StorageParams: { CloudStorage: { Vendor: 0, Bucket: 'b', AccessKey: accessKey, SecretKey: secretKey } },
      },
      // A server that echoes the credential back must not smuggle it onto disk either.
      error: { code: 'InvalidParameter', message: `SecretKey ${secretKey} is not valid` },
      responseText: `{"Response":{"Error":{"Code":"InvalidParameter","Message":"SecretKey ${secretKey} is not valid"},"RequestId":"x"}}`,
    }),
  );
  assert.deepEqual(e.redactedPaths.sort(), ['StorageParams.CloudStorage.AccessKey', 'StorageParams.CloudStorage.SecretKey', 'UserSig']);
  const params = entryParams(e);
  const storage = params.StorageParams;
  assert.ok(isJsonObject(storage) && isJsonObject(storage.CloudStorage));
  assert.equal(storage.CloudStorage.SecretKey, '<redacted>');
  assert.equal(storage.CloudStorage.Bucket, 'b');
  const bytes = fs.readFileSync(path.join(dir, HISTORY_FILE_NAME), 'utf8');
  for (const secret of [secretKey, accessKey, 'eJwtjEELgjAYhv-sample-usersig']) {
    assert.ok(!bytes.includes(secret), 'a credential reached the history file');
    assert.ok(!(await store.export()).includes(secret), 'a credential reached the export');
  }
  assert.ok(bytes.includes('StorageParams.CloudStorage.SecretKey'));
  store.dispose();
});

test('big integers in bodies and parameters keep every digit', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir);
  const body = '{"Response":{"Total":12345678901234567890,"Rate":0.1000000000000000055511151231257827,"RequestId":"r"}}';
  const e = await store.append(callInput({ params: { SdkAppId: 1400000001, RoomId: new LosslessNumber('18446744073709551615') }, responseText: body }));
  store.dispose();
  const again = new HistoryStore(dir);
  await again.load();
  assert.equal(await again.getResponseBody(e.id), body);
  const room = entryParams(again.get(e.id)!).RoomId;
  assert.ok(room instanceof LosslessNumber);
  assert.equal(room.value, '18446744073709551615');
  const doc = entryAsDocument(again.get(e.id)!, body);
  assert.match(doc, /"Total": 12345678901234567890,/);
  assert.match(doc, /"RoomId": 18446744073709551615/);
  const exported = parseJson(await again.export());
  assert.ok(isJsonObject(exported) && Array.isArray(exported.entries));
  assert.match(await again.export(), /12345678901234567890/);
  again.dispose();
});

test('a body over the cap goes to a side file that the entry names, and comes back whole', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir, { maxBodyBytes: 100 });
  await store.load();
  const big = `{"Response":{"Data":"${'x'.repeat(500)}","Big":98765432109876543210,"RequestId":"r"}}`;
  const small = '{"Response":{"RequestId":"s"}}';
  const e = await store.append(callInput({ responseText: big }));
  const s = await store.append(callInput({ responseText: small }));
  assert.equal(e.response?.size, Buffer.byteLength(big));
  assert.ok(e.response?.file);
  assert.equal(fs.readFileSync(path.join(dir, HISTORY_BODIES_DIR, e.response.file), 'utf8'), big);
  assert.ok(!fs.readFileSync(path.join(dir, HISTORY_FILE_NAME), 'utf8').includes('x'.repeat(500)));
  assert.deepEqual(s.response, { size: small.length });
  assert.equal(await store.getResponseBody(s.id), small);
  assert.equal(await store.getResponseBody(e.id), big);
  const exported = await store.export();
  assert.ok(exported.includes('x'.repeat(500)), 'the export carries the full body');
  assert.equal(await store.delete(e.id), true);
  assert.equal(fs.existsSync(path.join(dir, HISTORY_BODIES_DIR, e.response.file)), false);
  store.dispose();
});

test('the cap prunes the oldest entries by compaction, keeps the order, and deletes their side files', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir, { maxEntries: 10, maxBodyBytes: 10 });
  await store.load();
  const changes: HistoryChange[] = [];
  store.onDidChange((c) => changes.push(c));
  const ids: string[] = [];
  // Times are shuffled a little so "oldest" has to mean the time, not the position in the file.
  const minutes = [3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11];
  for (const m of minutes) {
    ids.push((await store.append(callInput({ time: at(m), responseText: `{"Response":{"M":${m},"RequestId":"r${m}"}}` }))).id);
  }
  await store.whenIdle();
  // 11 entries are within the 10% allowance over a cap of 10: nothing compacted yet.
  assert.equal(changes.filter((c) => c.kind === 'compact').length, 0);
  assert.equal(recordLines(path.join(dir, HISTORY_FILE_NAME)).length, 11);
  ids.push((await store.append(callInput({ time: at(12), responseText: '{"Response":{"M":12,"RequestId":"r12"}}' }))).id);
  await store.whenIdle();
  assert.deepEqual(
    changes.filter((c) => c.kind === 'compact'),
    [{ kind: 'compact', removed: 2 }],
  );
  // Minutes 1 and 2 were the oldest; they were the 2nd and 3rd appended.
  const expected = ids.filter((_id, i) => i !== 1 && i !== 2);
  assert.deepEqual(
    recordLines(path.join(dir, HISTORY_FILE_NAME)).map((r) => r.id),
    expected,
  );
  assert.equal(store.size, 10);
  const bodyFiles = fs.readdirSync(path.join(dir, HISTORY_BODIES_DIR)).sort();
  assert.deepEqual(bodyFiles, expected.map((id) => `${id}.body`).sort());
  const fresh = new HistoryStore(dir);
  await fresh.load();
  assert.deepEqual(new Set(fresh.query().map((e) => e.id)), new Set(expected));
  fresh.dispose();
  store.dispose();
});

test('a deleted entry is a tombstone until compaction drops both lines', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir);
  await store.load();
  const a = await store.append(callInput({ time: at(1) }));
  const b = await store.append(callInput({ time: at(2) }));
  assert.equal(await store.delete(a.id), true);
  assert.equal(await store.delete('no-such-id'), false);
  assert.equal(store.get(a.id), undefined);
  const file = path.join(dir, HISTORY_FILE_NAME);
  assert.deepEqual(recordLines(file).map((r) => r.op), ['add', 'add', 'del']);
  const other = new HistoryStore(dir);
  await other.load();
  assert.deepEqual(other.query().map((e) => e.id), [b.id]);
  other.dispose();
  assert.equal(await store.compact(true), 0);
  assert.deepEqual(recordLines(file).map((r) => r.id), [b.id]);
  store.dispose();
});

test('clear empties the history and its side files', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir, { maxBodyBytes: 5 });
  await store.load();
  await store.append(callInput({ time: at(1) }));
  await store.append(callInput({ time: at(2) }));
  assert.equal(fs.readdirSync(path.join(dir, HISTORY_BODIES_DIR)).length, 2);
  let cleared = 0;
  store.onDidChange((c) => {
    if (c.kind === 'clear') cleared++;
  });
  await store.clear();
  assert.equal(cleared, 1);
  assert.equal(store.size, 0);
  assert.equal(fs.readdirSync(path.join(dir, HISTORY_BODIES_DIR)).length, 0);
  assert.equal(recordLines(path.join(dir, HISTORY_FILE_NAME)).length, 0);
  const e = await store.append(callInput({ time: at(3) }));
  assert.deepEqual(store.query().map((x) => x.id), [e.id]);
  store.dispose();
});

test('a file that is not a history is kept aside with a message, and a new history starts', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, HISTORY_FILE_NAME);
  fs.writeFileSync(file, 'this is not our history\n{"op":"add"}\n');
  const store = new HistoryStore(dir);
  const seen: HistoryNotice[] = [];
  store.onDidNotice((n) => seen.push(n));
  const report = await store.load();
  assert.equal(report.entries, 0);
  const notice = report.notices.find((n) => n.kind === 'kept-aside');
  assert.ok(notice?.path);
  assert.match(path.basename(notice.path), /^history\.jsonl\.corrupt-/);
  assert.equal(fs.readFileSync(notice.path, 'utf8'), 'this is not our history\n{"op":"add"}\n');
  assert.match(notice.message, /not recognised/);
  assert.ok(notice.message.includes(notice.path));
  assert.deepEqual(seen, [notice]);
  assert.equal(fs.existsSync(file), false);
  await store.append(callInput());
  assert.equal(recordLines(file).length, 1);
  assert.ok(fs.existsSync(notice.path), 'the kept file is never overwritten');
  store.dispose();
});

test('a file from a newer version is kept aside, never rewritten, with the version in the message', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, HISTORY_FILE_NAME);
  const newer = '{"format":"trtc-api-explorer/history","schemaVersion":3,"createdAt":"2030-01-01T00:00:00.000Z"}\n\n{"op":"put","v3":true}\n';
  fs.writeFileSync(file, newer);
  // Appending without a load must not write into it either.
  const appender = new HistoryStore(dir);
  const notices: HistoryNotice[] = [];
  appender.onDidNotice((n) => notices.push(n));
  await appender.append(callInput());
  appender.dispose();
  assert.equal(notices.length, 1);
  const notice = notices[0]!;
  assert.equal(notice.kind, 'kept-aside');
  assert.equal(notice.version, 3);
  assert.match(path.basename(notice.path!), /^history\.jsonl\.newer-3-/);
  assert.match(notice.message, /newer version .*\(schema v3\); it was kept at .* and a new history was started/);
  assert.equal(fs.readFileSync(notice.path!, 'utf8'), newer);
  const store = new HistoryStore(dir);
  const report = await store.load();
  assert.equal(report.entries, 1);
  assert.deepEqual(report.notices, []);
  store.dispose();
});

test('a few damaged lines are skipped and counted; the rest loads', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir);
  const a = await store.append(callInput({ time: at(1) }));
  const file = path.join(dir, HISTORY_FILE_NAME);
  fs.appendFileSync(file, '\n{"op":"add","entry":{"id":"broken"\n\nnot json at all\n');
  const b = await store.append(callInput({ time: at(2) }));
  store.dispose();
  const again = new HistoryStore(dir);
  const report = await again.load();
  assert.equal(report.entries, 2);
  assert.equal(report.skippedLines, 2);
  assert.equal(report.notices[0]?.kind, 'skipped-lines');
  assert.match(report.notices[0]!.message, /Skipped 2 damaged lines/);
  assert.deepEqual(again.query().map((e) => e.id), [b.id, a.id]);
  again.dispose();
});

test('refresh reads only what another writer added, and waits for a record still being written', async (t) => {
  const dir = tempDir(t);
  const reader = new HistoryStore(dir);
  const writer = new HistoryStore(dir);
  await writer.append(callInput({ time: at(1) }));
  await reader.load();
  const changes: HistoryChange[] = [];
  reader.onDidChange((c) => changes.push(c));
  assert.equal(await reader.refresh(), false);
  const b = await writer.append(callInput({ time: at(2) }));
  assert.equal(await reader.refresh(), true);
  assert.deepEqual(changes, [{ kind: 'external', added: 1, removed: 0 }]);
  assert.equal(reader.get(b.id)?.id, b.id);

  // Half a record: not yet complete, so neither an entry nor a damaged line.
  const file = path.join(dir, HISTORY_FILE_NAME);
  const line = encodeAdd({ ...b, id: 'slow-writer', time: at(3) }, JSON.stringify('{"Response":{}}'));
  fs.appendFileSync(file, '\n' + line.slice(0, 40));
  assert.equal(await reader.refresh(), false);
  fs.appendFileSync(file, line.slice(40) + '\n');
  assert.equal(await reader.refresh(), true);
  assert.equal(reader.get('slow-writer')?.time, at(3));
  assert.equal((await reader.stats()).skippedLines, 0);

  await writer.delete(b.id);
  await reader.refresh();
  assert.equal(reader.get(b.id), undefined);
  assert.deepEqual(changes.at(-1), { kind: 'external', added: 0, removed: 1 });
  reader.dispose();
  writer.dispose();
});

test('an appender whose file was compacted under it writes into the new file', async (t) => {
  const dir = tempDir(t);
  const a = new HistoryStore(dir);
  const b = new HistoryStore(dir);
  const first = await a.append(callInput({ time: at(1) }));
  await b.load();
  await b.compact(true);
  // `a` still holds a descriptor on the replaced file; its next record must reach the live one.
  const second = await a.append(callInput({ time: at(2) }));
  const check = new HistoryStore(dir);
  await check.load();
  assert.deepEqual(check.query().map((e) => e.id), [second.id, first.id]);
  // The reader notices the rewrite by the file's identity and reloads.
  assert.equal(await b.refresh(), true);
  assert.equal(b.size, 2);
  for (const s of [a, b, check]) s.dispose();
});

test('compaction keeps a record another writer appended after the rewrite had read the file', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir, { maxEntries: 2 });
  await store.load();
  const late = new HistoryStore(dir);
  for (let i = 1; i <= 3; i++) {
    await store.append(callInput({ time: at(i) }));
  }
  // Queue an append from another instance while this store's compaction is in flight; whichever
  // interleaving happens, the late record must survive.
  const compacting = store.compact(true);
  const lateEntry = await late.append(callInput({ time: at(10) }));
  await compacting;
  const check = new HistoryStore(dir);
  await check.load();
  assert.ok(check.get(lateEntry.id), 'the late record was lost');
  assert.equal(check.query()[0]?.id, lateEntry.id);
  for (const s of [store, late, check]) s.dispose();
});

test('bad options are refused with the name of the option', () => {
  assert.throws(() => new HistoryStore('/tmp/x', { maxEntries: 0 }), /maxEntries must be a whole number of at least 1; got 0/);
  assert.throws(() => new HistoryStore('/tmp/x', { maxBodyBytes: 1.5 }), /maxBodyBytes/);
});

test('a background compaction that finds the lock taken gives up at once instead of holding up appends', { timeout: 30_000 }, async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir, { maxEntries: 2, lockTimeoutMs: 60_000 });
  await store.load();
  const held = await acquireLock(path.join(dir, 'history.lock'), { staleMs: 60_000, timeoutMs: 1_000 });
  for (let i = 1; i <= 6; i++) {
    await store.append(callInput({ time: at(i) }));
  }
  await store.whenIdle();
  assert.equal(recordLines(path.join(dir, HISTORY_FILE_NAME)).length, 6, 'nothing was compacted while the lock was held');
  held.release();
  await store.append(callInput({ time: at(7) }));
  await store.whenIdle();
  assert.equal(recordLines(path.join(dir, HISTORY_FILE_NAME)).length, 2);
  store.dispose();
});

test('a rewrite removes temporary files that interrupted rewrites left an hour ago', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir);
  await store.append(callInput());
  const old = path.join(dir, `${HISTORY_FILE_NAME}.tmp-999-dead`);
  const fresh = path.join(dir, `${HISTORY_FILE_NAME}.tmp-998-busy`);
  fs.writeFileSync(old, 'x');
  fs.writeFileSync(fresh, 'x');
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
  fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
  await store.compact(true);
  assert.equal(fs.existsSync(old), false);
  assert.equal(fs.existsSync(fresh), true);
  store.dispose();
});

test('change listeners hear appends and deletes until they dispose, and a failing one breaks nothing', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir);
  await store.load();
  const heard: string[] = [];
  const sub = store.onDidChange((c) => heard.push(c.kind === 'append' ? `append:${c.entry.action}` : c.kind));
  store.onDidChange(() => {
    throw new Error('listener bug');
  });
  const notices: string[] = [];
  store.onDidNotice((n) => notices.push(n.kind));
  const a = await store.append(callInput({ action: 'DismissRoom' }));
  await store.delete(a.id);
  sub.dispose();
  await store.append(callInput());
  assert.deepEqual(heard, ['append:DismissRoom', 'delete']);
  assert.deepEqual(notices, ['background-error', 'background-error', 'background-error']);
  assert.equal(store.size, 1);
  store.dispose();
});

test('a body echoing a credential is scrubbed in side files too', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir, { maxBodyBytes: 16 });
  const secret = 'sk-echoed-back-42424242';
  const e = await store.append(
    callInput({
      params: { StorageParams: { CloudStorage: { SecretKey: secret } } },
      responseText: `{"Response":{"Echo":"${secret}","RequestId":"r"}}`,
    }),
  );
  assert.ok(e.response?.file);
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  assert.ok(files.length >= 2);
  for (const f of files) {
    assert.ok(!fs.readFileSync(path.join(f.parentPath ?? f.path, f.name), 'utf8').includes(secret), `${f.name} holds the credential`);
  }
  store.dispose();
});
