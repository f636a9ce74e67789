// Benchmark of the request history. Opening the history view's data (the newest entries read from the
// end of the log, queried and grouped by day, as the view does) for 10,000 and 100,000 entries, with
// two baselines measured in the same run: reading the log's first 4 KB, and reading the whole log
// (what opening cost before). Then, with 10,000 entries: a filtered query, one append (against a raw
// appendFileSync of the same bytes), a compaction, and the size on disk. Prints figures; never
// asserts. Run it alone with `node --import tsx bench/history.bench.ts`, or through `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { encodeHeader, encodeAdd, newEntryId } from '../src/core/history/historyRecord';
import { groupByDay, HISTORY_FILE_NAME, HistoryStore, prepareHistoryEntry, type HistoryInput } from '../src/core/history';

const ENTRIES = 10_000;
const LARGE = 100_000;
const APPENDS = 1_000;
const RUNS = 9;
const ACTIONS = [
  'DescribeRoomInfo',
  'DescribeUserInfo',
  'DismissRoom',
  'DismissRoomByStrRoomId',
  'RemoveUser',
  'StartMCUMixTranscode',
  'StopMCUMixTranscode',
  'CreateCloudRecording',
  'DescribeCloudRecording',
  'DeleteCloudRecording',
  'StartStreamIngest',
  'DescribeCallDetailInfo',
  'DescribeTRTCRealTimeQualityData',
  'StartAIConversation',
  'DescribeUnusualEvent',
];

/** Actions whose parameters carry third-party storage or vendor keys (redacted when recorded). */
const WITH_KEYS = new Set(['CreateCloudRecording', 'StartStreamIngest', 'StartAIConversation']);

/** A deterministic, realistic call: a few parameters, a body of 0.1–1.5 KB, one call in seven failing. */
function sampleInput(i: number, baseMs: number): HistoryInput {
  const action = ACTIONS[i % ACTIONS.length] as string;
  const failed = i % 7 === 0;
  const users = Array.from({ length: 1 + (i % 12) }, (_v, k) => ({
    UserId: `user_${i}_${k}`,
    JoinTs: 1714521600 + k,
    LeaveTs: 1714525200 + k,
    DeviceType: 'Android',
    SdkVersion: '11.9.0',
  }));
  const body = failed
    ? `{"Response":{"Error":{"Code":"FailedOperation.RoomNotExist","Message":"room ${i} does not exist"},"RequestId":"req-${i}"}}`
    : JSON.stringify({ Response: { Total: users.length, UserList: users, RequestId: `req-${i}` } });
  return {
    action,
    region: i % 3 === 0 ? 'ap-singapore' : 'ap-guangzhou',
    endpoint: 'https://trtc.tencentcloudapi.com',
    profile: i % 5 === 0 ? 'staging' : 'default',
    params: {
      SdkAppId: 1400000001,
      RoomId: String(100000 + (i % 500)),
      StartTime: 1714521600,
      EndTime: 1714525200,
      ...(WITH_KEYS.has(action)
        ? { StorageParams: { CloudStorage: { Vendor: 0, Region: 'ap-guangzhou', Bucket: 'records', AccessKey: `ak-${i}`, SecretKey: `sk-secret-${i}` } } }
        : {}),
    },
    time: new Date(baseMs + i * 60_000).toISOString(),
    latencyMs: 40 + (i % 300),
    httpStatus: 200,
    requestId: `req-${i}`,
    error: failed ? { code: 'FailedOperation.RoomNotExist', message: `room ${i} does not exist` } : undefined,
    signMethod: 'TC3-HMAC-SHA256',
    httpMethod: 'POST',
    source: i % 4 === 0 ? 'cli' : 'form',
    responseText: body,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

function round(ms: number, digits = 3): number {
  return Number(ms.toFixed(digits));
}

/**
 * Writes a log of `count` entries at once, as `count` appends would have (the same records), one
 * entry a minute up to now. Seeding 100,000 entries through `append` would take minutes.
 */
function writeLog(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(path.join(dir, HISTORY_FILE_NAME), 'w');
  try {
    const baseMs = Date.now() - count * 60_000;
    fs.writeSync(fd, encodeHeader(new Date(baseMs).toISOString()) + '\n');
    let batch: string[] = [];
    for (let i = 0; i < count; i++) {
      const input = sampleInput(i, baseMs);
      const { entry, body } = prepareHistoryEntry(input, newEntryId(new Date(baseMs + i * 60_000)), new Date(), 1024 * 1024);
      batch.push('\n' + encodeAdd(entry, body === undefined ? undefined : JSON.stringify(body)) + '\n');
      if (batch.length === 1000) {
        fs.writeSync(fd, batch.join(''));
        batch = [];
      }
    }
    fs.writeSync(fd, batch.join(''));
  } finally {
    fs.closeSync(fd);
  }
}

interface Timings {
  wall: number[];
  cpu: number[];
}

/**
 * Wall and CPU time of each function over several rounds, after one untimed round that warms up
 * the code and the page cache. The functions take turns within a round, so a machine that gets
 * busier during the run slows them alike.
 */
async function timeRounds(fns: Array<() => Promise<unknown>>, rounds = RUNS): Promise<Timings[]> {
  const out: Timings[] = fns.map(() => ({ wall: [], cpu: [] }));
  for (let round = -1; round < rounds; round++) {
    for (let i = 0; i < fns.length; i++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await (fns[i] as () => Promise<unknown>)();
      const wall = performance.now() - t0;
      const c = process.cpuUsage(cpu0);
      if (round >= 0) {
        out[i]!.wall.push(wall);
        out[i]!.cpu.push((c.user + c.system) / 1000);
      }
    }
  }
  return out;
}

/** Opening the view's data: the newest entries, queried and grouped by day, as the history tree does. */
async function openView(dir: string): Promise<number> {
  const store = new HistoryStore(dir);
  try {
    await store.openRecent();
    return groupByDay(store.query()).length;
  } finally {
    store.dispose();
  }
}

/** What opening the view cost before it read from the end: the whole log, queried and grouped. */
async function loadWhole(dir: string): Promise<number> {
  const store = new HistoryStore(dir);
  try {
    await store.load();
    return groupByDay(store.query()).length;
  } finally {
    store.dispose();
  }
}

/** The floor: opening the log and reading its first 4 KB. */
async function readHead(dir: string): Promise<void> {
  const handle = await fs.promises.open(path.join(dir, HISTORY_FILE_NAME), 'r');
  try {
    await handle.read(Buffer.alloc(4096), 0, 4096, 0);
  } finally {
    await handle.close();
  }
}

/** Opening the view's data for 10,000 and 100,000 entries against the two baselines. */
async function openFigures(dir: string, largeDir: string): Promise<Record<string, number>> {
  writeLog(largeDir, LARGE);
  const [head10k, open10k, head100k, open100k] = await timeRounds([() => readHead(dir), () => openView(dir), () => readHead(largeDir), () => openView(largeDir)]);
  // Reading the whole 100,000-entry log takes seconds; three rounds say enough.
  const [whole10k, whole100k] = await timeRounds([() => loadWhole(dir), () => loadWhole(largeDir)], 3);
  const m = (x: number[]) => median(x);
  return {
    largeFileMB: round(fs.statSync(path.join(largeDir, HISTORY_FILE_NAME)).size / 1024 / 1024, 1),
    baselineReadFirst4KbMedianMs: round(m(head10k!.wall), 3),
    openView10kMedianMs: round(m(open10k!.wall), 2),
    openView10kMedianCpuMs: round(m(open10k!.cpu), 2),
    openView10kVsBaseline: round(m(open10k!.wall) / m(head10k!.wall), 1),
    openView100kMedianMs: round(m(open100k!.wall), 2),
    openView100kMedianCpuMs: round(m(open100k!.cpu), 2),
    openView100kVsBaseline: round(m(open100k!.wall) / m(head100k!.wall), 1),
    openView100kVs10k: round(m(open100k!.wall) / m(open10k!.wall), 2),
    wholeLog10kMedianMs: round(m(whole10k!.wall), 1),
    wholeLog100kMedianMs: round(m(whole100k!.wall), 1),
    openViewVsWholeLog100k: round(m(open100k!.wall) / m(whole100k!.wall), 4),
  };
}

/** Runs the benchmark in a temporary directory and returns its figures (milliseconds and bytes). */
export async function runHistoryBench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-history-bench-'));
  const largeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-history-bench-100k-'));
  try {
    // One entry a minute for the week before now, so the day grouping has real work to do.
    const baseMs = Date.now() - ENTRIES * 60_000;
    const seed = new HistoryStore(dir, { maxEntries: 20_000 });
    const seedStart = performance.now();
    for (let i = 0; i < ENTRIES; i++) {
      await seed.append(sampleInput(i, baseMs));
    }
    const seedMs = performance.now() - seedStart;
    await seed.whenIdle();
    seed.dispose();

    // Opening the history view: a fresh store each time, so every run reads the file again. CPU
    // time is reported next to wall time because a busy machine inflates the latter.
    const days = await loadWhole(dir);
    const open = await openFigures(dir, largeDir);

    const store = new HistoryStore(dir, { maxEntries: 20_000 });
    await store.load();
    const filterRuns: number[] = [];
    let filterHits = 0;
    for (let run = 0; run < 7; run++) {
      const t0 = performance.now();
      filterHits = store.query({ action: 'room', status: 'error', from: new Date(baseMs + 24 * 3600_000) }).length;
      filterRuns.push(performance.now() - t0);
    }
    const textRuns: number[] = [];
    let textHits = 0;
    for (let run = 0; run < 7; run++) {
      const t0 = performance.now();
      textHits = store.query({ text: 'user_4243_3' }).length;
      textRuns.push(performance.now() - t0);
    }

    const appendTimes: number[] = [];
    for (let i = 0; i < APPENDS; i++) {
      const input = sampleInput(ENTRIES + i, baseMs);
      const t0 = performance.now();
      await store.append(input);
      appendTimes.push(performance.now() - t0);
    }
    await store.whenIdle();

    // Baseline: the same record bytes appended with the plainest call Node offers.
    const lastLine = fs.readFileSync(path.join(dir, 'history.jsonl'), 'utf8').split('\n').filter((l) => l !== '').at(-1) ?? '';
    const rawFile = path.join(dir, 'raw-baseline.jsonl');
    const rawTimes: number[] = [];
    for (let i = 0; i < APPENDS; i++) {
      const t0 = performance.now();
      fs.appendFileSync(rawFile, '\n' + lastLine + '\n');
      rawTimes.push(performance.now() - t0);
    }
    const stats = await store.stats();
    store.dispose();
    fs.rmSync(rawFile);

    // Compaction of 11,000 entries down to a cap of 10,000, as it happens in the background.
    const capped = new HistoryStore(dir, { maxEntries: ENTRIES });
    await capped.load();
    const c0 = performance.now();
    const pruned = await capped.compact(true);
    const compactMs = performance.now() - c0;
    capped.dispose();

    appendTimes.sort((a, b) => a - b);
    rawTimes.sort((a, b) => a - b);
    const appendP50 = percentile(appendTimes, 50);
    const rawP50 = percentile(rawTimes, 50);
    return {
      entries: ENTRIES,
      seedMsPerAppend: round(seedMs / ENTRIES),
      ...open,
      historyDays: days,
      filterQueryMedianMs: round(median(filterRuns), 2),
      filterHits,
      textQueryFirstMs: round(textRuns[0] as number, 2),
      textQueryMedianMs: round(median(textRuns), 2),
      textHits,
      appendP50Ms: round(appendP50),
      appendP95Ms: round(percentile(appendTimes, 95)),
      rawAppendP50Ms: round(rawP50),
      rawAppendP95Ms: round(percentile(rawTimes, 95)),
      appendVsRawP50: round(appendP50 / rawP50, 2),
      compactMs: round(compactMs, 1),
      compactPruned: pruned,
      fileBytes: stats.fileBytes,
      sideFileBytes: stats.sideFileBytes,
      bytesPerEntry: Math.round(stats.fileBytes / stats.entries),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(largeDir, { recursive: true, force: true });
  }
}

function print(figures: Record<string, number | string>): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [k, v] of Object.entries(figures)) {
    process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runHistoryBench().then(print, (e: unknown) => {
    process.stderr.write(`history benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
