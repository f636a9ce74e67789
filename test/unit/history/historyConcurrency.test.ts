import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { acquireLock, HISTORY_FILE_NAME, HistoryStore, LockTimeoutError } from '../../../src/core/history';
import { callInput, recordLines, tempDir } from './helpers';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

type Exit = { code: number | null; signal: NodeJS.Signals | null };
const exits = new WeakMap<ChildProcess, Promise<Exit>>();

function start(script: string, args: string[]): ChildProcess {
  return track(fork(path.join(FIXTURES, script), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
}

/** Listens for the exit right away: a child can exit before the test gets round to awaiting it. */
function track(child: ChildProcess): ChildProcess {
  exits.set(child, new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))));
  return child;
}

function exited(child: ChildProcess): Promise<Exit> {
  return exits.get(child) as Promise<Exit>;
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before answering`)));
  });
}

test('two processes appending at once, one of them compacting, lose nothing', { timeout: 120_000 }, async (t) => {
  const dir = tempDir(t);
  const workers = [start('appendWorker.ts', [dir, '500', 'A', '0']), start('appendWorker.ts', [dir, '500', 'B', '50'])];
  await Promise.all(workers.map((w) => nextMessage<string>(w)));
  const results = workers.map((w) => nextMessage<{ ids: string[]; compactions: number }>(w));
  for (const w of workers) w.send('go');
  const [a, b] = await Promise.all(results);
  await Promise.all(workers.map(exited));
  assert.equal(a!.ids.length, 500);
  assert.equal(b!.ids.length, 500);
  assert.equal(b!.compactions, 10);

  const store = new HistoryStore(dir);
  const report = await store.load();
  assert.equal(report.skippedLines, 0);
  const stored = new Set(store.query().map((e) => e.id));
  const missing = [...a!.ids, ...b!.ids].filter((id) => !stored.has(id));
  assert.deepEqual(missing, []);
  assert.equal(store.size, 1000);
  // After one more compaction every entry is on exactly one line.
  await store.compact(true);
  const ids = recordLines(path.join(dir, HISTORY_FILE_NAME)).map((r) => r.id);
  assert.equal(ids.length, 1000);
  assert.equal(new Set(ids).size, 1000);
  store.dispose();
});

test('a writer killed in the middle of a record loses only that record', { timeout: 60_000 }, async (t) => {
  const dir = tempDir(t);
  const child = start('tornWriter.ts', [dir, '3']);
  const { signal } = await exited(child);
  assert.equal(signal, 'SIGKILL');
  const file = path.join(dir, HISTORY_FILE_NAME);
  assert.ok(!fs.readFileSync(file, 'utf8').endsWith('\n'), 'the file ends inside the torn record');

  const store = new HistoryStore(dir);
  await store.load();
  assert.equal(store.size, 3);
  const next = await store.append(callInput({ requestId: 'after-crash' }));
  store.dispose();

  const again = new HistoryStore(dir);
  const report = await again.load();
  assert.equal(report.skippedLines, 1);
  assert.equal(report.entries, 4);
  assert.deepEqual(again.get(next.id), next);
  assert.equal(again.get('torn-entry'), undefined);
  assert.deepEqual(
    again
      .query()
      .map((e) => e.requestId)
      .sort(),
    ['after-crash', 'complete-0', 'complete-1', 'complete-2'],
  );
  again.dispose();
});

test('the lock lets one process at a time in', { timeout: 60_000 }, async (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'counter.txt'), '0');
  const workers = [0, 1, 2].map(() => start('lockWorker.ts', [dir, '40']));
  const codes = await Promise.all(workers.map(exited));
  assert.deepEqual(
    codes.map((c) => c.code),
    [0, 0, 0],
  );
  assert.equal(fs.readFileSync(path.join(dir, 'counter.txt'), 'utf8'), '120');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['counter.txt']);
});

test('a lock left by a dead process is taken over at once', { timeout: 60_000 }, async (t) => {
  const dir = tempDir(t);
  const child = track(spawn(process.execPath, ['-e', '']));
  const pid = child.pid!;
  await exited(child);
  const lockDir = path.join(dir, 'x.lock');
  fs.mkdirSync(lockDir);
  fs.writeFileSync(path.join(lockDir, 'owner.json'), JSON.stringify({ pid, host: os.hostname(), time: new Date().toISOString(), token: 'dead' }));
  const lock = await acquireLock(lockDir, { staleMs: 60_000, timeoutMs: 5_000 });
  assert.equal(lock.verify(), true);
  lock.release();
  assert.equal(fs.existsSync(lockDir), false);
});

test('a lock whose heartbeat stopped is taken over; a live one makes others wait and then fail', { timeout: 60_000 }, async (t) => {
  const dir = tempDir(t);
  const lockDir = path.join(dir, 'x.lock');
  fs.mkdirSync(lockDir);
  // Our own pid is alive, so only the age can make this lock stale.
  fs.writeFileSync(path.join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, host: os.hostname(), time: 'old', token: 'old' }));
  const old = new Date(Date.now() - 120_000);
  fs.utimesSync(lockDir, old, old);
  const taken = await acquireLock(lockDir, { staleMs: 60_000, timeoutMs: 5_000 });
  assert.equal(taken.verify(), true);
  await assert.rejects(acquireLock(lockDir, { staleMs: 60_000, timeoutMs: 100 }), (e: unknown) => {
    assert.ok(e instanceof LockTimeoutError);
    assert.match((e as Error).message, new RegExp(`locked by process ${process.pid}`));
    return true;
  });
  taken.release();
  const after = await acquireLock(lockDir, { staleMs: 60_000, timeoutMs: 1_000 });
  after.release();
});

test('a rewrite abandons its work when its lock was taken over while it ran', async (t) => {
  const dir = tempDir(t);
  const lockDir = path.join(dir, 'x.lock');
  const first = await acquireLock(lockDir, { staleMs: 60_000, timeoutMs: 1_000 });
  // Simulate a takeover: another process judged the lock stale and replaced it with its own.
  fs.rmSync(lockDir, { recursive: true });
  const second = await acquireLock(lockDir, { staleMs: 60_000, timeoutMs: 1_000 });
  assert.equal(first.verify(), false);
  first.release();
  assert.equal(second.verify(), true, "releasing a lost lock leaves the new holder's lock alone");
  second.release();
});
