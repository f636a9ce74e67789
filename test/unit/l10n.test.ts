import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every string literal passed as the first argument of `l10n.t(...)` in the VS Code layer. */
function l10nKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const files = sourceFiles(path.join(root, 'src')).filter(
    (f) => !f.includes(`${path.sep}core${path.sep}`) && !f.includes(`${path.sep}pages${path.sep}`),
  );
  for (const file of files) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 't' &&
        /(^|\.)l10n$/.test(node.expression.expression.getText(sf)) &&
        node.arguments[0] &&
        (ts.isStringLiteral(node.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(node.arguments[0]))
      ) {
        keys.set(node.arguments[0].text, path.relative(root, file));
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return keys;
}

const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

test('every l10n.t string of the extension has a Simplified Chinese translation', () => {
  const missing = [...l10nKeys()].filter(([k]) => !bundle[k]).map(([k, f]) => `${f}: ${k}`);
  assert.deepEqual(missing, []);
});

test('every string of the request page has a Simplified Chinese translation', async () => {
  const { UI_STRINGS } = await import('../../src/shared/requestStrings');
  assert.ok(UI_STRINGS.length > 20);
  assert.deepEqual(UI_STRINGS.filter((s: string) => !bundle[s]), []);
});

test('every string of the signature debugger page has a Simplified Chinese translation', async () => {
  const { DEBUGGER_STRINGS } = await import('../../src/shared/debuggerStrings');
  assert.ok(DEBUGGER_STRINGS.length > 20);
  assert.deepEqual(DEBUGGER_STRINGS.filter((s: string) => !bundle[s]), []);
});

test('no translation is left over from a string that no longer exists', async () => {
  const { UI_STRINGS } = await import('../../src/shared/requestStrings');
  const { DEBUGGER_STRINGS } = await import('../../src/shared/debuggerStrings');
  const known = new Set<string>([...l10nKeys().keys(), ...UI_STRINGS, ...DEBUGGER_STRINGS]);
  assert.deepEqual(Object.keys(bundle).filter((k) => !known.has(k)), []);
});

test('package.json strings exist in English and Chinese', () => {
  const pkg = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const en = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const zh = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
  const used = [...pkg.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
  assert.ok(used.length > 20);
  assert.deepEqual(used.filter((k) => !en[k]), []);
  assert.deepEqual(used.filter((k) => !zh[k]), []);
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
});
