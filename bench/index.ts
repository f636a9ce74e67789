import { runActivationBench } from './activation.bench';
import { runCatalogBench } from './catalog.bench';
import { runCliStartupBench } from './cliStartup.bench';
import { runCollectionBench } from './collection.bench';
import { runConcurrencyBench } from './concurrency.bench';
import { runHistoryBench } from './history.bench';
import { runLocalCostBench } from './localCost.bench';
import { runResultPageBench } from './resultPage.bench';
import { runThroughputBench } from './throughput.bench';

/** Runs every benchmark in turn and prints its figures; benchmarks never fail on a number. */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const benches: Array<[string, () => Promise<Record<string, number | string>>]> = [
    ['activation in the real extension host', () => runActivationBench()],
    ['throughput: sequential signed calls against the local stand-in', () => runThroughputBench()],
    ['local cost of one call (no network)', () => runLocalCostBench()],
    ['catalog', () => runCatalogBench()],
    ['history store: opening the view with 10,000 and 100,000 entries, then 10,000 entries', () => runHistoryBench()],
    ['collection run against the local stand-in', () => runCollectionBench()],
    ['command line start-up against node -e 0', () => runCliStartupBench()],
    ['run --concurrency 1 and 8: 1,000 requests against the stand-in with 20 ms latency', () => runConcurrencyBench()],
    ['result page in headless Chromium: 10,000-point chart, 10,000-row table', () => runResultPageBench()],
  ];
  process.stdout.write(`Node ${process.version}, ${new Date().toISOString()}\n`);
  for (const [title, run] of benches) {
    if (only.length && !only.some((o) => title.includes(o))) {
      continue;
    }
    process.stdout.write(`\n== ${title}\n`);
    const figures = await run();
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [k, v] of Object.entries(figures)) {
      process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
    }
  }
}

void main().catch((e) => {
  process.stderr.write(`benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
