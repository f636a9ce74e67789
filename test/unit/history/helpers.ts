import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HistoryInput } from '../../../src/core/history';

/** A fresh temporary directory that the test removes afterwards. */
export function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-history-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A successful DescribeRoomInfo call; override any field. */
export function callInput(overrides: Partial<HistoryInput> = {}): HistoryInput {
  return {
    action: 'DescribeRoomInfo',
    region: 'ap-guangzhou',
    endpoint: 'https://trtc.tencentcloudapi.com',
    profile: 'default',
    params: { SdkAppId: 1400000001, RoomId: '1234' },
    latencyMs: 42,
    httpStatus: 200,
    requestId: 'req-0001',
    signMethod: 'TC3-HMAC-SHA256',
    httpMethod: 'POST',
    source: 'form',
    responseText: '{"Response":{"Total":0,"RequestId":"req-0001"}}',
    ...overrides,
  };
}

/**
 * The entry and tombstone lines of a history file after the header, parsed as plain JSON: each
 * one's op and entry id. Header-shaped lines (a recorded cap) are left out.
 */
export function recordLines(file: string): Array<{ op: string; id: string }> {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return lines
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { op?: string; id?: string; entry?: unknown[]; format?: string })
    .filter((r) => r.format === undefined)
    .map((r) => ({ op: String(r.op), id: String(r.entry ? r.entry[1] : r.id) }));
}

/** ISO time `minutes` after a fixed instant, for entries with known order. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2024, 4, 1, 0, 0, 0) + minutes * 60_000).toISOString();
}
