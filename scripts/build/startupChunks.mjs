// Folds the chunks an ES module entry imports at start-up into the entry itself, so starting it
// loads one file. Used by esbuild.mjs for the extension.
//
// esbuild's code splitting puts the code an entry shares with its lazily imported features in
// shared chunks, and the entry imports each of them before its own code runs. In VS Code's
// extension host every module costs a round trip through the editor's module loader, a few
// milliseconds each (npm run bench -- activation shows the difference), so after each build:
//
//   1. the entry and every chunk it imports statically, transitively, are bundled again into one
//      file that exports each chunk's exports under a name of its own (`__c3$a`);
//   2. each of those chunks is rewritten as a stub that re-exports its part from the entry
//      (`export { __c3$a as a } from "../extension.mjs"`).
//
// A feature loaded later imports the stubs, which resolve to the entry already loaded (the same
// URL, so the same module instance): every module still exists once, with its state.

import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

/** The outputs an entry imports statically, transitively, by metafile key, the entry first. */
function startupOutputs(metafile, entryKey) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of metafile.outputs[key].imports) {
      if (i.kind === 'import-statement' && !i.external && metafile.outputs[i.path]) visit(i.path);
    }
  };
  visit(entryKey);
  return [...seen];
}

/** `./x` for a relative import specifier, with forward slashes on every platform. */
function specifier(from, to) {
  const rel = path.relative(path.dirname(from), to).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * Folds the static chunks of `entry` (a file esbuild just wrote, described by `metafile`) into it,
 * leaving stubs in their place, and returns the metafile updated to describe what is on disk.
 * `options` are the entry's own build options (minify, sourcemap, target) for the second pass.
 */
export async function foldStartupChunks(metafile, entry, options) {
  const cwd = process.cwd();
  const keyOf = (file) => path.relative(cwd, file).split(path.sep).join('/');
  const entryKey = keyOf(entry);
  if (!metafile.outputs[entryKey]) throw new Error(`${entryKey} is not an output of this build`);
  const [, ...chunkKeys] = startupOutputs(metafile, entryKey);
  if (chunkKeys.length === 0) return metafile;

  const chunks = chunkKeys.map((key, n) => ({ key, file: path.resolve(cwd, key), prefix: `__c${n}$`, exports: metafile.outputs[key].exports }));
  // The entry as esbuild wrote it is read from a side file, so the folded one can take its name;
  // its source map comment still names the map beside it, which the second pass reads and replaces.
  const original = `${entry}.unfolded.mjs`;
  fs.renameSync(entry, original);
  const inside = new Set([original, ...chunks.map((c) => c.file)]);
  const lines = [`export * from ${JSON.stringify(original)};`];
  // `export *` leaves out a default export.
  if (metafile.outputs[entryKey].exports.includes('default')) lines.push(`export { default } from ${JSON.stringify(original)};`);
  for (const c of chunks) {
    if (c.exports.length) lines.push(`export { ${c.exports.map((e) => `${e} as ${c.prefix}${e}`).join(', ')} } from ${JSON.stringify(c.file)};`);
  }
  const dir = path.dirname(entry);
  let result;
  try {
    result = await esbuild.build({
      stdin: { contents: lines.join('\n'), resolveDir: dir, sourcefile: 'folded-startup.js', loader: 'js' },
      outfile: entry,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: options.target,
      charset: 'utf8',
      minify: options.minify,
      sourcemap: options.sourcemap,
      sourcesContent: false,
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
      plugins: [
        {
          name: 'fold-startup-chunks',
          setup(build) {
            build.onResolve({ filter: /.*/ }, (args) => {
              if (args.path === 'vscode' || args.path.startsWith('node:')) return { path: args.path, external: true };
              const file = path.resolve(args.resolveDir, args.path);
              if (inside.has(file)) return { path: file };
              // A lazily imported chunk: still imported, from where the folded entry now is.
              return { path: specifier(entry, file), external: true };
            });
          },
        },
      ],
    });
  } finally {
    fs.rmSync(original, { force: true });
  }

  const outputs = { ...metafile.outputs };
  const folded = result.metafile.outputs[keyOf(entry)];
  const inputs = {};
  for (const key of [entryKey, ...chunkKeys]) Object.assign(inputs, metafile.outputs[key].inputs);
  outputs[entryKey] = {
    ...metafile.outputs[entryKey],
    bytes: folded.bytes,
    inputs,
    imports: metafile.outputs[entryKey].imports.filter((i) => !chunkKeys.includes(i.path)).concat(chunks.flatMap((c) => metafile.outputs[c.key].imports.filter((i) => i.kind !== 'import-statement' || i.external))),
  };
  for (const c of chunks) {
    const stub = `export { ${c.exports.map((e) => `${c.prefix}${e} as ${e}`).join(', ')} } from ${JSON.stringify(specifier(c.file, entry))};\n`;
    fs.writeFileSync(c.file, stub);
    fs.rmSync(`${c.file}.map`, { force: true });
    delete outputs[`${c.key}.map`];
    outputs[c.key] = { ...metafile.outputs[c.key], bytes: Buffer.byteLength(stub), inputs: {}, imports: [{ path: entryKey, kind: 'import-statement' }] };
  }
  return { ...metafile, outputs };
}
