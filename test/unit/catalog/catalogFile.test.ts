import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CatalogFileError, catalogFile, findAction, getCatalog, setCatalogFile } from '../../../src/core/catalog/catalog';
import { catalogIndexFile } from '../../../src/core/catalog/catalogFile';
import { indexOfCatalog, listActions, listCategories } from '../../../src/core/catalog/catalogIndex';
import { ConfigError } from '../../../src/core/errors';
import { repoRoot } from './specFiles';

const generated = path.join(repoRoot, 'generated/catalog.json');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-file-'));

const generatedIndex = path.join(repoRoot, 'generated/catalog-index.json');

// Back to the generator's files, as the code finds them from source.
afterEach(() => setCatalogFile(generated, generatedIndex));

/** Writes `text` to a fresh file in the temporary folder and points the catalog at it. */
function useText(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  setCatalogFile(file);
  return file;
}

test('run from source, the catalog is read from the generator output generated/catalog.json', () => {
  assert.equal(catalogFile(), generated);
  assert.ok(getCatalog().actions.length > 0);
});

test('another file can be set, as a path or a file URL, and is read on the next call', () => {
  const small = { ...getCatalog(), actions: [{ ...findAction('DismissRoom')!, name: 'OnlyAction' }] };
  const file = useText('small.json', JSON.stringify(small));
  assert.equal(catalogFile(), file);
  assert.deepEqual(getCatalog().actions.map((a) => a.name), ['OnlyAction']);
  assert.equal(findAction('onlyaction')?.name, 'OnlyAction', 'the name index is rebuilt for the new file');
  assert.equal(findAction('DismissRoom'), undefined);
  setCatalogFile(pathToFileURL(generated));
  assert.equal(catalogFile(), generated);
  assert.equal(findAction('DismissRoom')?.name, 'DismissRoom');
  assert.equal(findAction('OnlyAction'), undefined);
});

test('a missing catalog file is a ConfigError that names the file', () => {
  const file = path.join(dir, 'absent.json');
  setCatalogFile(file);
  assert.throws(
    () => getCatalog(),
    (e: unknown) => e instanceof CatalogFileError && e instanceof ConfigError && e.file === file && e.message.includes(`${file} does not exist`) && e.exitCode === 2,
  );
});

test('a catalog file that is not JSON, or not a catalog, is refused with the file and the problem', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['truncated.json', '{"service":"trtc","actions":[', /truncated\.json is not valid JSON/],
    ['null.json', 'null', /null\.json has no actions/],
    ['empty.json', JSON.stringify({ actions: [], categories: [], structs: {} }), /empty\.json has no actions/],
    ['nostructs.json', JSON.stringify({ actions: [{ name: 'X' }], categories: [] }), /nostructs\.json lacks its categories or structures/],
  ];
  for (const [name, text, message] of cases) {
    const file = useText(name, text);
    assert.throws(() => getCatalog(), (e: unknown) => e instanceof CatalogFileError && e.file === file && message.test(e.message), name);
  }
});

test('a folder in place of the file is reported as unreadable, not as missing', () => {
  setCatalogFile(dir);
  assert.throws(() => getCatalog(), (e: unknown) => e instanceof CatalogFileError && /cannot be read \(EISDIR\)/.test(e.message));
});

test('after a failed read the good file loads again', () => {
  setCatalogFile(path.join(dir, 'absent.json'));
  assert.throws(() => getCatalog(), CatalogFileError);
  setCatalogFile(generated);
  assert.equal(findAction('DismissRoom')?.name, 'DismissRoom');
});

test('from source, lists come from the generator index generated/catalog-index.json, the projection of the catalog', () => {
  assert.equal(catalogIndexFile(), path.join(repoRoot, 'generated/catalog-index.json'));
  const index = JSON.parse(fs.readFileSync(path.join(repoRoot, 'generated/catalog-index.json'), 'utf8')) as unknown;
  assert.deepEqual(index, indexOfCatalog(getCatalog()));
  assert.deepEqual(Object.keys(indexOfCatalog(getCatalog()).actions.find((a) => a.name === 'DismissRoom')!).sort(), ['availability', 'category', 'destructive', 'name', 'summary']);
});

test('with an index set, lists are read from it alone, before the catalog is loaded', () => {
  const index = indexOfCatalog(getCatalog());
  const small = { ...index, actions: [{ ...index.actions[0]!, name: 'OnlyInIndex' }] };
  const indexFile = path.join(dir, 'index.json');
  fs.writeFileSync(indexFile, JSON.stringify(small));
  setCatalogFile(path.join(dir, 'absent.json'), indexFile);
  assert.equal(catalogIndexFile(), indexFile);
  assert.deepEqual(listActions().map((a) => a.name), ['OnlyInIndex']);
  assert.deepEqual(listCategories(), index.categories);
  assert.throws(() => getCatalog(), CatalogFileError, 'the catalog itself was never needed');
});

test('without an index, lists come from the catalog that is set, never from another file', () => {
  const small = { ...getCatalog(), actions: [{ ...findAction('DismissRoom')!, name: 'OnlyAction' }] };
  useText('small-noindex.json', JSON.stringify(small));
  assert.equal(catalogIndexFile(), undefined);
  assert.deepEqual(listActions().map((a) => a.name), ['OnlyAction']);
});

test('once the catalog is loaded, lists come from it rather than from a second file', () => {
  setCatalogFile(generated, path.join(dir, 'absent-index.json'));
  assert.ok(getCatalog().actions.length > 0);
  assert.equal(listActions().length, getCatalog().actions.length);
});

test('a missing or damaged index is a CatalogFileError that names it', () => {
  const cases: Array<[string, string | undefined, RegExp]> = [
    ['absent-index.json', undefined, /absent-index\.json does not exist/],
    ['bad-index.json', '[1,', /bad-index\.json is not valid JSON/],
    ['empty-index.json', JSON.stringify({ actions: [], categories: [] }), /empty-index\.json has no actions/],
    ['nocat-index.json', JSON.stringify({ actions: [{ name: 'X' }] }), /nocat-index\.json lacks its categories/],
  ];
  for (const [name, text, message] of cases) {
    const file = path.join(dir, name);
    if (text !== undefined) fs.writeFileSync(file, text);
    setCatalogFile(path.join(dir, 'absent.json'), file);
    assert.throws(() => listCategories(), (e: unknown) => e instanceof CatalogFileError && e.file === file && message.test(e.message), name);
  }
});
