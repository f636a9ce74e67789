import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { buildResultBundle, ResultHarness } from '../scripts/webview/resultPreview.mjs';
import type { ResultInit } from '../src/shared/resultProtocol';
import { longSeries, resultInit, roomList } from '../test/webview/fixtures/resultAnswers';
import { median, ms } from './benchUtil';

// Records, in the page, when the first element matching the selector exists and the frame after
// it has been painted: the moment a person sees the chart or the table.
function watch(selector: string): string {
  return `
window.__firstDrawn = new Promise((resolve) => {
  const check = () => {
    if (!document.querySelector(${JSON.stringify(selector)})) return false;
    requestAnimationFrame(() => resolve(performance.now()));
    return true;
  };
  document.addEventListener('DOMContentLoaded', () => {
    if (check()) return;
    const obs = new MutationObserver(() => check() && obs.disconnect());
    obs.observe(document.body, { childList: true, subtree: true });
  });
});`;
}

async function timeTo(harness: ResultHarness, init: ResultInit, selector: string): Promise<{ drawn: number; afterReady: number }> {
  const panel = await harness.open({ init, waitFor: '' });
  // The watcher is in place before the page's scripts run: an init script of its context.
  await panel.page.context().addInitScript(watch(selector));
  await panel.page.reload();
  const [drawn, ready] = await panel.page.evaluate(async () => {
    const w = window as unknown as { __firstDrawn: Promise<number>; __readyAt: number };
    return [await w.__firstDrawn, w.__readyAt] as const;
  });
  if (panel.problems.length) throw new Error(`the page reported problems: ${panel.problems.join('; ')}`);
  await panel.close();
  return { drawn, afterReady: drawn - ready };
}

async function bareLoad(harness: ResultHarness): Promise<number> {
  const panel = await harness.open({ script: 'blank.js', waitFor: '' });
  await panel.page.reload();
  const t = await panel.page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  await panel.close();
  return t;
}

/**
 * The result page in headless Chromium: time to the first drawn chart of a 10,000-point series
 * and to the first rendered rows of a 10,000-row table, from navigation start and from the
 * page's `ready`, against a bare page load (same HTML, CSP and styles, no bundle) in the same run;
 * and uPlot's share of the minified bundle.
 */
export async function runResultPageBench(runs = 5): Promise<Record<string, number | string>> {
  const harness = await ResultHarness.start();
  const chartInit = resultInit('DescribeCallDetailInfo', [longSeries(10_000)], 'chart');
  const tableInit = resultInit('DescribeRoomInfo', [roomList(10_000)], 'table');
  const bare: number[] = [];
  const chart: number[] = [];
  const chartWork: number[] = [];
  const table: number[] = [];
  const tableWork: number[] = [];
  try {
    // One untimed round first, so Chromium's caches are as warm for every timed run.
    await bareLoad(harness);
    await timeTo(harness, chartInit, '.uplot canvas');
    for (let i = 0; i < runs; i++) {
      bare.push(await bareLoad(harness));
      const c = await timeTo(harness, chartInit, '.uplot canvas');
      chart.push(c.drawn);
      chartWork.push(c.afterReady);
      const t = await timeTo(harness, tableInit, '.grid tbody td');
      table.push(t.drawn);
      tableWork.push(t.afterReady);
    }
  } finally {
    await harness.close();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'result-bench-'));
  const { bytes } = await buildResultBundle(dir, { production: true });
  const meta = await esbuild.build({ entryPoints: [path.resolve(__dirname, '../src/pages/result/main.ts')], bundle: true, minify: true, write: false, metafile: true, platform: 'browser', format: 'iife', target: 'es2022', outdir: dir, logLevel: 'error' });
  const out = Object.values(meta.metafile.outputs).find((o) => o.entryPoint)!;
  const uplot = Object.entries(out.inputs)
    .filter(([k]) => k.includes('node_modules/uplot/'))
    .reduce((n, [, v]) => n + v.bytesInOutput, 0);
  fs.rmSync(dir, { recursive: true, force: true });
  const b = median(bare);
  return {
    'bare page load to first frame (baseline)': ms(b),
    // The targets are the page's own work, from its `ready` (as for the table): from navigation
    // the figure also holds the browser's page load, which the bare baseline shows alone.
    '10,000-point chart: navigation to first drawn chart': `${ms(median(chart))} (${(median(chart) / b).toFixed(2)}× baseline)`,
    '10,000-point chart: ready to first drawn chart': `${ms(median(chartWork))} (target < 200 ms)`,
    '10,000-row table: navigation to first rendered rows': `${ms(median(table))} (${(median(table) / b).toFixed(2)}× baseline)`,
    '10,000-row table: ready to first rendered rows': `${ms(median(tableWork))} (target < 100 ms)`,
    'result.js minified': `${(bytes / 1024).toFixed(1)} KiB`,
    'uPlot in it': `${(uplot / 1024).toFixed(1)} KiB`,
  };
}
