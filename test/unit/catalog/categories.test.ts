import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { getCatalog } from '../../../src/core/catalog/catalog';
import { listActions } from '../../../src/core/catalog/catalogIndex';
import { CATEGORIES, categoryOf } from '../../../src/core/catalog/categories';
import { sharedDir } from './specFiles';

/**
 * The seed document's table of contents: under its "Server APIs" entry, each heading that lists
 * actions, with those actions. Entries are `•` lines whose indentation gives the nesting.
 */
function seedToc(): Map<string, string[]> {
  const dir = path.join(sharedDir, 'seeds');
  const file = fs
    .readdirSync(dir)
    .map((f) => path.join(dir, f))
    .find((f) => fs.readFileSync(f, 'utf8').includes('Room Management APIs'));
  assert.ok(file, 'the seed document with the API table of contents');
  const entries = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^(\s*)•\s+(.+?)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ indent: m[1]!.length, text: m[2]! }));
  const root = entries.findIndex((e) => e.text === 'Server APIs');
  assert.ok(root >= 0, 'a "Server APIs" entry');
  const toc = new Map<string, string[]>();
  const base = entries[root]!.indent;
  let heading: { text: string; indent: number } | undefined;
  for (const e of entries.slice(root + 1)) {
    if (e.indent <= base) break;
    if (heading && e.indent > heading.indent) {
      toc.get(heading.text)!.push(e.text);
    } else {
      heading = e;
      toc.set(e.text, []);
    }
  }
  // Headings such as "Making API Request" list documentation pages, not actions.
  return new Map([...toc].filter(([, children]) => children.length > 0 && children.every((c) => /^[A-Z][A-Za-z]+$/.test(c))));
}

test('every action is placed by our table, in one of the ordered categories', () => {
  const keys = CATEGORIES.map((c) => c.key);
  assert.deepEqual(
    CATEGORIES.map((c) => c.en),
    [
      'Room Management',
      'Call Quality Monitoring',
      'Pull Stream Relay',
      'On-cloud Recording',
      'Stream Mixing and Relay',
      'Usage Statistics',
      'Data Monitoring',
      'Web Record',
      'AI Service',
      'Cloud Slicing',
      'Cloud Moderation',
      'Live Stream Moderation',
      'Legacy',
      'Other',
    ],
  );
  assert.equal(new Set(keys).size, keys.length);
  for (const c of CATEGORIES) assert.ok(c.zh.length > 0, c.key);
  const actions = getCatalog().actions;
  assert.equal(actions.length, 81);
  for (const a of actions) {
    assert.equal(categoryOf(a.name), a.category, `${a.name} is placed by categories.ts, not by the fallback`);
    assert.ok(keys.includes(a.category), a.name);
  }
  assert.equal(
    CATEGORIES.reduce((n, c) => n + listActions({ category: c.key }).length, 0),
    81,
  );
});

test("the six documented categories hold at least what the seed document's table of contents lists", () => {
  const toc = seedToc();
  const seeded = CATEGORIES.slice(0, 6);
  assert.equal(toc.size, 6, [...toc.keys()].join(', '));
  for (const category of seeded) {
    const heading = [...toc.keys()].find((h) => h.toLowerCase().startsWith(category.en.toLowerCase()));
    assert.ok(heading, `a heading for ${category.en}`);
    const ours = new Set(listActions({ category: category.key }).map((a) => a.name));
    const missing = toc.get(heading)!.filter((name) => !ours.has(name));
    assert.deepEqual(missing, [], category.en);
  }
});

test('every placement agrees with where the documentation files the action', () => {
  // actions_index.json records each action's group as documented (or inferred where the docs are silent).
  const index = JSON.parse(fs.readFileSync(path.join(sharedDir, 'trtc', 'actions_index.json'), 'utf8')) as Array<{ action: string; category_key: string }>;
  assert.equal(index.length, 81);
  const differing = index.filter((entry) => categoryOf(entry.action) !== entry.category_key).map((e) => `${e.action}: ours ${categoryOf(e.action)}, documented ${e.category_key}`);
  assert.deepEqual(differing, []);
});
