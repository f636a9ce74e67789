import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  DEFAULT_MAX_ENTRIES,
  HISTORY_FILE_NAME,
  HISTORY_UNREADABLE_FILE_NAME,
  HistoryStore,
  prepareHistoryEntry,
  type HistoryNotice,
} from '../../../src/core/history';
import { encodeAdd, encodeCap, encodeHeader } from '../../../src/core/history/historyRecord';
import { at, callInput, recordLines, tempDir } from './helpers';

/** Writes a log of `count` entries in one go, one a minute, as the store would have. */
function writeLog(dir: string, count: number, options: { header?: string; cap?: number } = {}): string[] {
  const ids: string[] = [];
  const records: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `id-${String(i).padStart(6, '0')}`;
    const { entry, body } = prepareHistoryEntry(callInput({ time: at(i), requestId: `r-${i}` }), id, new Date(), 1 << 20);
    records.push('\n' + encodeAdd(entry, JSON.stringify(body)) + '\n');
    ids.push(id);
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, HISTORY_FILE_NAME), (options.header ?? encodeHeader(at(0), options.cap)) + '\n' + records.join(''));
  return ids;
}

test('the cap is a property of the store: a process without one never prunes below the cap the editor recorded', async (t) => {
  const dir = tempDir(t);
  // The editor's setting is 7,000: more than the command line's default of 5,000.
  const editorCap = DEFAULT_MAX_ENTRIES + 2000;
  writeLog(dir, editorCap, { cap: editorCap });
  const cli = new HistoryStore(dir);
  assert.equal(await cli.compact(true), 0, 'nothing beyond the recorded cap, so nothing is pruned');
  for (let i = 0; i < 5; i++) {
    await cli.append(callInput({ time: at(editorCap + i) }));
  }
  await cli.compact(true);
  cli.dispose();
  const check = new HistoryStore(dir);
  await check.load();
  assert.equal(check.size, editorCap, 'pruned to the editor cap, not to 5,000');
  assert.equal(check.maxEntries, editorCap);
  check.dispose();
  const header = JSON.parse(fs.readFileSync(path.join(dir, HISTORY_FILE_NAME), 'utf8').split('\n')[0]!) as { maxEntries?: number };
  assert.equal(header.maxEntries, editorCap, 'the rewrite keeps the cap in the header');
});

test('a store with a cap records it in the log, and a changed cap is recorded when it changes', async (t) => {
  const dir = tempDir(t);
  const editor = new HistoryStore(dir, { maxEntries: 30 });
  await editor.append(callInput({ time: at(1) }));
  const file = path.join(dir, HISTORY_FILE_NAME);
  assert.equal((JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]!) as { maxEntries?: number }).maxEntries, 30, 'a new log starts with the cap in its header');
  await editor.setMaxEntries(12);
  editor.dispose();
  assert.ok(fs.readFileSync(file, 'utf8').includes(encodeCap(12, '').slice(0, -'"setAt":""}'.length)), 'the new cap is appended');
  const cli = new HistoryStore(dir);
  for (let i = 2; i <= 20; i++) {
    await cli.append(callInput({ time: at(i) }));
  }
  await cli.compact(true);
  assert.equal(cli.maxEntries, 12);
  cli.dispose();
  assert.equal(recordLines(file).length, 12, 'the command line pruned to the cap the editor set last');
  // The log stays readable by the rules older readers follow: cap lines look like a header.
  const again = new HistoryStore(dir, { maxEntries: 12 });
  const report = await again.load();
  assert.equal(report.skippedLines, 0);
  again.dispose();
});

test('compaction moves unreadable lines into the side file, unchanged, and says so', async (t) => {
  const dir = tempDir(t);
  const store = new HistoryStore(dir);
  const a = await store.append(callInput({ time: at(1) }));
  const file = path.join(dir, HISTORY_FILE_NAME);
  const future = '{"op":"put","v":3,"entry":{"id":"from-the-future"}}';
  const torn = '{"op":"add","entry":["torn';
  fs.appendFileSync(file, `\n${future}\n\n${torn}\n`);
  const b = await store.append(callInput({ time: at(2) }));
  await store.load();
  const notices: HistoryNotice[] = [];
  store.onDidNotice((n) => notices.push(n));
  await store.compact(true);
  const side = path.join(dir, HISTORY_UNREADABLE_FILE_NAME);
  assert.equal(fs.readFileSync(side, 'utf8'), `${future}\n${torn}\n`);
  assert.deepEqual(recordLines(file).map((r) => r.id), [a.id, b.id]);
  const notice = notices.find((n) => n.kind === 'lines-kept-aside');
  assert.equal(notice?.lines, 2);
  assert.equal(notice?.path, side);
  assert.match(notice!.message, /2 unreadable lines of the request history were moved, unchanged, to /);
  // A second compaction has nothing more to move, and the side file keeps what it got.
  await store.compact(true);
  assert.equal(fs.readFileSync(side, 'utf8'), `${future}\n${torn}\n`);
  store.dispose();
});

test('a damaged header byte does not hide the log: the records are read, and compaction repairs the header', async (t) => {
  const dir = tempDir(t);
  const ids = writeLog(dir, 3);
  const file = path.join(dir, HISTORY_FILE_NAME);
  const bytes = fs.readFileSync(file);
  bytes[2] = 0x00; // {"f → {"\0: one damaged byte in the header.
  fs.writeFileSync(file, bytes);
  const damagedHeader = bytes.toString('utf8').split('\n')[0]!;

  const store = new HistoryStore(dir);
  const notices: HistoryNotice[] = [];
  store.onDidNotice((n) => notices.push(n));
  const report = await store.load();
  assert.equal(report.entries, 3);
  assert.deepEqual(store.query().map((e) => e.id), [...ids].reverse());
  assert.ok(notices.some((n) => n.kind === 'recovered' && /first line of the request history .* was damaged; the entries after it were read/.test(n.message)));
  assert.ok(!notices.some((n) => n.kind === 'kept-aside'), 'the log was not moved aside');
  assert.ok(fs.existsSync(file));

  // An appender that never loaded keeps writing into it as well.
  const cli = new HistoryStore(dir);
  const late = await cli.append(callInput({ time: at(10) }));
  cli.dispose();

  await store.compact(true);
  store.dispose();
  const header = JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]!) as { format: string };
  assert.equal(header.format, 'trtc-api-explorer/history');
  assert.equal(fs.readFileSync(path.join(dir, HISTORY_UNREADABLE_FILE_NAME), 'utf8'), `${damagedHeader}\n`);
  const check = new HistoryStore(dir);
  const after = await check.load();
  assert.equal(after.entries, 4);
  assert.ok(check.get(late.id));
  assert.deepEqual(after.notices, []);
  check.dispose();
});

test('a newer-version file is moved aside with a notice to every listener, also when a command line only appends', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, HISTORY_FILE_NAME);
  fs.writeFileSync(file, '{"format":"trtc-api-explorer/history","schemaVersion":9}\n\n{"op":"add9"}\n');
  const cli = new HistoryStore(dir);
  const heard: HistoryNotice[] = [];
  cli.onDidNotice((n) => heard.push(n));
  await cli.append(callInput());
  cli.dispose();
  assert.equal(heard.length, 1);
  assert.equal(heard[0]?.kind, 'kept-aside');
  assert.equal(heard[0]?.version, 9);
  assert.ok(heard[0]?.path && fs.readFileSync(heard[0].path, 'utf8').includes('"schemaVersion":9'));
});

test('opening the view reads only the newest entries from the end, without compacting, and the rest loads on demand', async (t) => {
  const dir = tempDir(t);
  const cap = 50;
  // Over the cap with a damaged line at the very start: a full read would notice both.
  const ids = writeLog(dir, 2000, { cap });
  const file = path.join(dir, HISTORY_FILE_NAME);
  const text = fs.readFileSync(file, 'utf8');
  const firstBreak = text.indexOf('\n');
  fs.writeFileSync(file, `${text.slice(0, firstBreak)}\n\nnot a record\n${text.slice(firstBreak + 1)}`);
  const before = fs.statSync(file);

  const store = new HistoryStore(dir, { maxEntries: cap });
  const report = await store.openRecent(100);
  assert.equal(report.complete, false);
  assert.equal(report.entries, 100);
  assert.equal(report.skippedLines, 0, 'the damaged line at the start was never read');
  assert.deepEqual(store.query().map((e) => e.id), ids.slice(-100).reverse());
  assert.equal(await store.getResponseBody(ids.at(-1)!), callInput().responseText);
  await store.whenIdle();
  const after = fs.statSync(file);
  assert.equal(after.size, before.size, 'opening wrote nothing');
  assert.equal(after.ino, before.ino, 'opening did not compact');

  // New calls show up; other processes' appends are read from the tail. (An append may compact
  // in the background, by chance, when the index is partial; that is kept out of this check.)
  t.mock.method(Math, 'random', () => 0.999);
  const mine = await store.append(callInput({ time: at(5000) }));
  const other = new HistoryStore(dir);
  const theirs = await other.append(callInput({ time: at(5001) }));
  other.dispose();
  assert.equal(await store.refresh(), true);
  assert.deepEqual(store.query({ limit: 2 }).map((e) => e.id), [theirs.id, mine.id]);
  assert.equal(store.complete, false);

  const full = await store.load();
  assert.equal(full.complete, true);
  assert.equal(full.skippedLines, 1);
  assert.ok(store.size >= 2000);
  store.dispose();
});

test('a short log opens complete, and an empty or missing one opens empty', async (t) => {
  const dir = tempDir(t);
  const empty = new HistoryStore(dir);
  assert.deepEqual(await empty.openRecent(), { entries: 0, skippedLines: 0, complete: true, notices: [] });
  const a = await empty.append(callInput({ time: at(1) }));
  const b = await empty.append(callInput({ time: at(2) }));
  empty.dispose();
  const store = new HistoryStore(dir);
  const report = await store.openRecent(100);
  assert.equal(report.complete, true);
  assert.deepEqual(store.query().map((e) => e.id), [b.id, a.id]);
  store.dispose();
});

test('reading from the end honours tombstones and skips a record still being written', async (t) => {
  const dir = tempDir(t);
  const ids = writeLog(dir, 1500);
  const file = path.join(dir, HISTORY_FILE_NAME);
  fs.appendFileSync(file, `\n{"op":"del","id":"${ids.at(-1)}","time":"${at(9999)}"}\n\n{"op":"add","entry":["half`);
  const store = new HistoryStore(dir);
  const report = await store.openRecent(10);
  assert.equal(report.entries, 10);
  assert.equal(store.get(ids.at(-1)!), undefined, 'the deleted entry is not shown');
  assert.deepEqual(store.query().map((e) => e.id), ids.slice(-11, -1).reverse());
  assert.equal(report.skippedLines, 0, 'the unfinished record is neither an entry nor a damaged line');
  store.dispose();
});
