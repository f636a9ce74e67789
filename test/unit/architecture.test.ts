import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

/*
 * The shape of src/ as rules: layers point down (extension → editor → shared/core, cli → core,
 * pages → shared), src/core is plain Node, features do not reach into each other, and there are no
 * import cycles between folders or files. Each rule reads the real imports with TypeScript's parser.
 */

const root = path.resolve(__dirname, '../..');
const src = path.join(root, 'src');

interface Import {
  from: string;
  /** The resolved file, or the bare module name for packages. */
  to: string;
  typeOnly: boolean;
  dynamic: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) {
      return c;
    }
  }
  return base;
}

function importsOf(file: string): Import[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean, dynamic: boolean) =>
    out.push({ from: file, to: spec.startsWith('.') ? resolve(file, spec) : spec, typeOnly, dynamic });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly, false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly, false);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      add((node.arguments[0] as ts.StringLiteral).text, false, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const files = sourceFiles(src);
const imports = files.flatMap(importsOf);
const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

/** The unit a file belongs to: `src/core/http`, `src/editor/history`, `src/pages/request`, `src/shared`, `src/cli`, `src/extension.ts`. */
function unitOf(file: string): string {
  const parts = rel(file).split('/');
  if (parts.length === 2) return parts.join('/');
  return parts.slice(0, ['core', 'editor', 'pages'].includes(parts[1]!) && parts.length > 3 ? 3 : 2).join('/');
}

function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) {
        low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const local = imports.filter((i) => path.isAbsolute(i.to) && i.to.startsWith(src));

test('the source tree is found and read', () => {
  assert.ok(files.length > 100, `${files.length} files`);
  assert.ok(local.length > 300, `${local.length} imports`);
});

test('no import cycle between folders', () => {
  const edges = new Map<string, Set<string>>();
  for (const i of local) {
    const a = unitOf(i.from);
    const b = unitOf(i.to);
    if (a !== b) (edges.get(a) ?? edges.set(a, new Set()).get(a)!).add(b);
  }
  assert.deepEqual(cycles(edges), []);
});

test('no import cycle between files', () => {
  const edges = new Map<string, Set<string>>();
  for (const i of local) (edges.get(i.from) ?? edges.set(i.from, new Set()).get(i.from)!).add(i.to);
  assert.deepEqual(cycles(edges).map((c) => c.map(rel)), []);
});

test('src/core is plain Node: no vscode, nothing outside src/core', () => {
  const bad = imports
    .filter((i) => rel(i.from).startsWith('src/core/'))
    .filter((i) => i.to === 'vscode' || (path.isAbsolute(i.to) && !rel(i.to).startsWith('src/core/')))
    .map((i) => `${rel(i.from)} → ${path.isAbsolute(i.to) ? rel(i.to) : i.to}`);
  assert.deepEqual(bad, []);
});

test('imports point down: core ← shared ← pages, core ← cli, core and shared ← editor ← extension.ts', () => {
  const allowed: Record<string, RegExp> = {
    'src/core': /^src\/core\//,
    'src/shared': /^src\/(shared|core)\//,
    'src/pages': /^src\/(pages|shared|core)\//,
    'src/cli': /^src\/(cli|core)\//,
    'src/editor': /^src\/(editor|core|shared)\//,
  };
  const bad: string[] = [];
  for (const i of local) {
    const from = rel(i.from);
    const layer = Object.keys(allowed).find((l) => from.startsWith(`${l}/`));
    if (layer && !allowed[layer]!.test(rel(i.to))) bad.push(`${from} → ${rel(i.to)}`);
  }
  assert.deepEqual(bad, []);
});

test('pages run in the browser: nothing they load, however indirectly, imports vscode or a Node built-in', () => {
  const byFile = new Map<string, Import[]>();
  for (const i of imports) (byFile.get(i.from) ?? byFile.set(i.from, []).get(i.from)!).push(i);
  const bad: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, via: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of byFile.get(file) ?? []) {
      if (i.typeOnly) continue;
      if (i.to === 'vscode' || i.to.startsWith('node:')) bad.push(`${via} … ${rel(file)} → ${i.to}`);
      else if (path.isAbsolute(i.to) && i.to.startsWith(src)) visit(i.to, via);
    }
  };
  for (const f of files.filter((f) => rel(f).startsWith('src/pages/'))) visit(f, rel(f));
  assert.ok(seen.size > 20, 'the pages and what they load were read');
  assert.deepEqual(bad, []);
});

test('editor features do not reach into each other: only common and the shared credential services, and other features as types', () => {
  const shared = /^src\/editor\/(common|credentials)\//;
  const bad = local
    .filter((i) => rel(i.from).startsWith('src/editor/') && rel(i.to).startsWith('src/editor/'))
    .filter((i) => unitOf(i.from) !== unitOf(i.to) && !shared.test(rel(i.to)) && !i.typeOnly)
    .map((i) => `${rel(i.from)} → ${rel(i.to)}`);
  assert.deepEqual(bad, []);
});

test('the composition root loads every feature with a dynamic import, never a static one', () => {
  const root = path.join(src, 'extension.ts');
  const features = local.filter((i) => i.from === root && /^src\/editor\/(requests|history|collections|signature|tools)\//.test(rel(i.to)));
  assert.ok(features.some((i) => i.dynamic), 'features are imported on first use');
  assert.deepEqual(features.filter((i) => !i.dynamic && !i.typeOnly).map((i) => rel(i.to)), []);
});
