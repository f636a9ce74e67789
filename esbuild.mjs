// Builds the shipped bundles (extension, request page, signature debugger page, command line) and the integration tests.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldStartupChunks } from './scripts/build/startupChunks.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--outdir DIR` builds somewhere else than dist/ (the benchmarks measure a production build there).
const outIndex = process.argv.indexOf('--outdir');
const dist = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(root, 'dist');

/** Prints errors in the format of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** The catalog is generated from the pinned SDK packages before anything that imports it is bundled. */
function generateCatalog() {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/catalog/generate.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    throw new Error('catalog generation failed');
  }
}

/**
 * The catalog ships as dist/catalog.json beside the bundles, read on first use, with its small index
 * dist/catalog-index.json for lists; the entry points find them through `__CATALOG_FILE__` and
 * `__CATALOG_INDEX_FILE__`, paths relative to their own file (`useCatalogBeside` in catalogFile.ts).
 */
function copyCatalog() {
  fs.mkdirSync(dist, { recursive: true });
  for (const file of ['catalog.json', 'catalog-index.json']) {
    fs.copyFileSync(path.join(root, 'generated', file), path.join(dist, file));
  }
}

function copyCodicons() {
  const out = path.join(dist, 'codicons');
  fs.mkdirSync(out, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(root, 'node_modules/@vscode/codicons/dist', f), path.join(out, f));
  }
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  // Chinese text stays UTF-8 instead of six-byte \uXXXX escapes: the catalog is a third smaller.
  charset: 'utf8',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: watch ? [problemMatcher] : [],
};

// The extension and the command line are ES modules split into chunks: activation and `--help`
// load only their entry file, and every feature comes in with a dynamic import() the first time it
// is used. CommonJS dependencies bundled into them (undici, for one) still call require() for
// Node's built-in modules, so each output file gets a require of its own.
const esmNode = {
  ...common,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  outExtension: { '.js': '.mjs' },
  outdir: dist,
  define: { ...common.define, __CATALOG_FILE__: JSON.stringify('./catalog.json'), __CATALOG_INDEX_FILE__: JSON.stringify('./catalog-index.json') },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

/**
 * After each build of `entry`, folds the chunks it imports at start-up into it (scripts/build/startupChunks.mjs)
 * and writes the metafile, updated to match, as `metaName`.
 */
function foldedStartup(entry, metaName) {
  return {
    name: 'folded-startup',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        const { minify, sourcemap, target } = build.initialOptions;
        const metafile = await foldStartupChunks(result.metafile, path.join(dist, entry), { minify, sourcemap, target });
        fs.writeFileSync(path.join(dist, metaName), JSON.stringify(metafile));
      });
    },
  };
}

/** The front door's `import('./cli')` stays an import, of the built dist/cli.mjs beside it. */
const wholeCliBeside = {
  name: 'whole-cli-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\/cli$/ }, () => ({ path: './cli.mjs', external: true }));
  },
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    ...esmNode,
    entryPoints: { extension: 'src/extension.ts' },
    chunkNames: 'chunks/[name]-[hash]',
    external: ['vscode'],
    metafile: true,
    // Activation loads one file: the chunks the entry imports at start-up are folded into it.
    plugins: [...esmNode.plugins, foldedStartup('extension.mjs', 'meta.extension.json')],
  },
  {
    ...esmNode,
    entryPoints: { cli: 'src/cli.ts' },
    chunkNames: 'cli-chunks/[name]-[hash]',
    banner: { js: `#!/usr/bin/env node\n${esmNode.banner.js}` },
    metafile: true,
  },
  {
    // The installed command's front door (package.json "bin"): one small CommonJS file, because Node
    // starts those without its ES module loader. It serves the catalog commands itself and imports
    // the whole command line, dist/cli.mjs, for the others (src/cliLauncher.ts).
    ...common,
    entryPoints: { cli: 'src/cliLauncher.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: esmNode.define,
    banner: { js: '#!/usr/bin/env node' },
    plugins: [...common.plugins, wholeCliBeside],
    metafile: true,
  },
  {
    ...common,
    entryPoints: { webview: 'src/pages/request/main.ts' },
    outdir: dist,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: { debugger: 'src/pages/debugger/main.ts' },
    outdir: dist,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    // The result page; uPlot's stylesheet, imported by the entry, comes out as dist/result.css.
    ...common,
    entryPoints: { result: 'src/pages/result/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    metafile: true,
  },
  {
    ...common,
    minify: false,
    entryPoints: { 'test/integration/index': 'test/integration/index.ts', 'test/restricted/index': 'test/restricted/index.ts' },
    outdir: dist,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  },
];

generateCatalog();
copyCatalog();
copyCodicons();
if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  // Chunk names carry a content hash, so stale chunks of earlier builds are removed first.
  for (const dir of ['chunks', 'cli-chunks']) {
    fs.rmSync(path.join(dist, dir), { recursive: true, force: true });
  }
  const results = await Promise.all(targets.map((t) => esbuild.build(t)));
  // One metafile for the command line: its ES module program and its CommonJS front door.
  const cli = { inputs: { ...results[1].metafile.inputs, ...results[2].metafile.inputs }, outputs: { ...results[1].metafile.outputs, ...results[2].metafile.outputs } };
  fs.writeFileSync(path.join(dist, 'meta.cli.json'), JSON.stringify(cli));
  for (const file of ['cli.cjs', 'cli.mjs']) fs.chmodSync(path.join(dist, file), 0o755);
}
