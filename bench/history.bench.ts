// Benchmark of the request history with 10,000 entries: opening the history view (load, first query,
// group by day), a filtered query, one append (against a raw appendFileSync of the same bytes), a
// compaction, and the size on disk. Prints figures; never asserts. Run it alone with
// `node --import tsx bench/history.bench.ts`, or call runHistoryBench() from `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { groupByDay, HistoryStore, type HistoryInput } from '../src/core/history';

const ENTRIES = 10_000;
const APPENDS = 1_000;
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

/** Runs the benchmark in a temporary directory and returns its figures (milliseconds and bytes). */
export async function runHistoryBench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-history-bench-'));
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

    // Opening the history view: a fresh store each time, so every run reads and parses the file.
    // CPU time is reported next to wall time because a busy machine inflates the latter.
    const openRuns: number[] = [];
    const openCpu: number[] = [];
    let days = 0;
    for (let run = 0; run < 9; run++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const store = new HistoryStore(dir, { maxEntries: 20_000 });
      await store.load();
      const newest = store.query();
      days = groupByDay(newest).length;
      openRuns.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      openCpu.push((cpu.user + cpu.system) / 1000);
      store.dispose();
    }

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
      openViewFirstMs: round(openRuns[0] as number, 1),
      openViewMinMs: round(Math.min(...openRuns), 1),
      openViewMedianMs: round(median(openRuns), 1),
      openViewMedianCpuMs: round(median(openCpu), 1),
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
