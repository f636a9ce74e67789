import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { median } from './benchUtil';

const root = path.resolve(__dirname, '..');

/** Catalog load and schema-build costs in fresh processes, and the catalog's share of the extension bundle. */
export async function runCatalogBench(runs = 7): Promise<Record<string, number | string>> {
  const catalogFile = path.join(root, 'dist/catalog.json');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-bench-')), 'probe.js');
  await esbuild.build({ entryPoints: [path.join(root, 'bench/catalogProbe.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', charset: 'utf8', minify: true, outfile: out, logLevel: 'error' });
  const samples = Array.from({ length: runs }, () => {
    const r = spawnSync(process.execPath, [out, catalogFile], { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`catalog probe failed: ${r.stderr}`);
    }
    return JSON.parse(r.stdout) as Record<string, number>;
  });
  const m = (k: string) => median(samples.map((s) => s[k]));
  const result: Record<string, number | string> = {
    'actions in the catalog': samples[0].actions,
    'runs (fresh processes)': runs,
    'load: evaluate the catalog module, median': `${m('moduleMs').toFixed(2)} ms`,
    'load: read and parse dist/catalog.json on first use, median': `${m('parseMs').toFixed(2)} ms`,
    'load total (target < 20 ms)': `${(m('moduleMs') + m('parseMs')).toFixed(2)} ms`,
    'baseline: JSON.parse of the same text, already read, warm': `${m('baselineParseMs').toFixed(2)} ms`,
    'validator module (zod) on first validation': `${m('validatorModuleMs').toFixed(2)} ms`,
    'first schema in a process, zod warm-up included (CreateCloudRecording)': `${m('firstSchemaMs').toFixed(2)} ms`,
    'schema of one action, warm, median of 40 (target < 1 ms)': `${m('warmSchemaMedianMs').toFixed(3)} ms`,
  };
  result['dist/catalog.json'] = `${(fs.statSync(catalogFile).size / 1024).toFixed(0)} KB`;
  const metaFile = path.join(root, 'dist/meta.extension.json');
  if (fs.existsSync(metaFile)) {
    // The catalog is data read at run time, so no bundle carries it; this shows that stays so.
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as { outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }> };
    const outputs = Object.entries(meta.outputs).filter(([f]) => !f.endsWith('.map')).map(([, o]) => o);
    const total = outputs.reduce((n, o) => n + o.bytes, 0);
    const catalogBytes = outputs.flatMap((o) => Object.entries(o.inputs)).filter(([f]) => f.startsWith('generated/')).reduce((n, [, v]) => n + v.bytesInOutput, 0);
    result['catalog data inside the extension bundles'] = `${(catalogBytes / 1024).toFixed(0)} KB of ${(total / 1024).toFixed(0)} KB`;
  }
  return result;
}
