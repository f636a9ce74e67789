// `npm test`: everything a fresh clone needs, in order. Installs dependencies when they are missing,
// builds, type-checks, runs the unit tests under plain Node and the integration tests inside a real
// VS Code extension host. `--unit` or `--integration` runs one half.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.includes('--unit') ? 'unit' : args.includes('--integration') ? 'integration' : 'all';
const filters = args.filter((a) => !a.startsWith('--'));

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n✘ ${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function findTests(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findTests(p));
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

if (!fs.existsSync(path.join(root, 'node_modules/.package-lock.json'))) {
  console.log('• installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

console.log('• building');
run(process.execPath, ['esbuild.mjs']);
console.log('• type-checking');
run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']);

if (only !== 'integration') {
  // Unit tests under plain Node, and the request page's tests, which drive its bundle in headless Chromium.
  const files = [...findTests(path.join(root, 'test/unit')), ...findTests(path.join(root, 'test/webview'))].filter((f) => filters.every((s) => f.includes(s)));
  console.log(`• unit and page tests (${files.length} files, plain Node ${process.version})`);
  run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
}

if (only !== 'unit') {
  console.log('• integration tests (real VS Code extension host)');
  run(process.execPath, ['scripts/runIntegration.mjs']);
}
console.log('\n✔ all tests passed');
