import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ACTION_SUMMARIES } from '../../../src/core/catalog/summaries';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = (name: string): string => path.resolve(repoRoot, '../shared/trtc', name);

interface IndexEntry {
  action: string;
  status: string;
  in_cn_spec: boolean;
  in_intl_spec: boolean;
}
interface SpecAction {
  name: string;
  document: string;
}

const index = JSON.parse(fs.readFileSync(shared('actions_index.json'), 'utf8')) as IndexEntry[];
const specs = ['api.json', 'api.intl-en.json'].map(
  (file) => (JSON.parse(fs.readFileSync(shared(file), 'utf8')) as { actions: Record<string, SpecAction> }).actions,
);

/** Compares texts the way a reader would: ignoring case, spacing and punctuation. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The first sentence of a spec document, after an optional "接口说明：" / "API description:" lead-in. */
function firstSentence(document: string): string {
  const body = document.replace(/^\s*(接口说明[：:]|API description[:.]*)\s*/i, '');
  return body.split(/(?<=[.。!?！？])\s|[。\n]/u)[0] ?? '';
}

// Verbs our summaries start with; a summary starting with anything else is probably a noun phrase.
const VERBS = new Set([
  'Block', 'Change', 'Check', 'Clone', 'Count', 'Delete', 'End', 'Fetch', 'Finish', 'Get', 'Kick', 'List',
  'Look', 'Make', 'Mix', 'Page', 'Point', 'Pull', 'Read', 'Register', 'Remove', 'Replace', 'Sample', 'Send',
  'Start', 'Stop', 'Submit', 'Turn', 'Upload',
]);

test('every action of the index has a summary in both languages, and nothing else does', () => {
  assert.equal(index.length, 81);
  const names = index.map((a) => a.action).sort();
  assert.deepEqual(Object.keys(ACTION_SUMMARIES).sort(), names);
  for (const name of names) {
    const summary = ACTION_SUMMARIES[name]!;
    assert.ok(summary.en.trim().length > 0, `${name}: English summary is empty`);
    assert.ok(summary.zh.trim().length > 0, `${name}: Chinese summary is empty`);
    assert.match(summary.zh, /\p{Script=Han}/u, `${name}: Chinese summary has no Chinese in it`);
    assert.doesNotMatch(summary.en, /\p{Script=Han}/u, `${name}: English summary contains Chinese`);
  }
});

test('summaries are one short line that starts with a verb', () => {
  for (const [name, summary] of Object.entries(ACTION_SUMMARIES)) {
    assert.ok(summary.en.length <= 80, `${name}: English summary is ${summary.en.length} characters`);
    assert.ok([...summary.zh].length <= 45, `${name}: Chinese summary is ${[...summary.zh].length} characters`);
    for (const text of [summary.en, summary.zh]) {
      assert.doesNotMatch(text, /\n/, `${name}: summary spans lines`);
      assert.equal(text, text.trim(), `${name}: summary has surrounding whitespace`);
      assert.doesNotMatch(text, /[.。]$/, `${name}: a one-line summary takes no final full stop`);
    }
    const verb = summary.en.split(' ')[0]!;
    assert.ok(VERBS.has(verb), `${name}: "${summary.en}" does not start with a known verb`);
  }
});

test('the comparison helpers see through lead-ins, spacing and punctuation', () => {
  assert.equal(firstSentence('接口说明：把用户移出。支持所有平台。'), '把用户移出');
  assert.equal(firstSentence('API description:. Start a task. Then more.'), 'Start a task.');
  assert.equal(normalize('Stop AI Transcription task.'), normalize('stop AI transcription  task'));
  assert.equal(normalize('停止 AI 对话任务'), normalize('停止AI对话任务。'));
});

test('no summary repeats the spec\'s own title or first sentence', () => {
  for (const [name, summary] of Object.entries(ACTION_SUMMARIES)) {
    const ours = [normalize(summary.en), normalize(summary.zh)];
    for (const spec of specs) {
      const action = spec[name];
      if (!action) continue;
      for (const theirs of [action.name, firstSentence(action.document)]) {
        const t = normalize(theirs);
        assert.ok(t.length > 0, `${name}: could not read the spec text`);
        assert.ok(!ours.includes(t), `${name}: summary equals the spec text "${theirs}"`);
      }
    }
  }
});

test('summaries are unique in each language', () => {
  for (const lang of ['en', 'zh'] as const) {
    const seen = new Map<string, string>();
    for (const [name, summary] of Object.entries(ACTION_SUMMARIES)) {
      const other = seen.get(summary[lang]);
      assert.equal(other, undefined, `${name} and ${other} share the ${lang} summary "${summary[lang]}"`);
      seen.set(summary[lang], name);
    }
  }
});

test('room-ID twins say which kind of room ID they take', () => {
  const twins = index.map((a) => a.action).filter((a) => a.endsWith('ByStrRoomId'));
  assert.ok(twins.length >= 5);
  for (const stringTwin of twins) {
    const numericTwin = stringTwin.slice(0, -'ByStrRoomId'.length);
    assert.ok(ACTION_SUMMARIES[numericTwin], `${numericTwin}: missing`);
    assert.match(ACTION_SUMMARIES[stringTwin]!.en, /string-ID/, stringTwin);
    assert.match(ACTION_SUMMARIES[stringTwin]!.zh, /字符串房间号/, stringTwin);
    assert.match(ACTION_SUMMARIES[numericTwin]!.en, /numeric-ID/, numericTwin);
    assert.match(ACTION_SUMMARIES[numericTwin]!.zh, /数字房间号/, numericTwin);
  }
});

test('deprecated and legacy actions are labelled as such', () => {
  for (const entry of index.filter((a) => a.status === 'deprecated')) {
    assert.match(ACTION_SUMMARIES[entry.action]!.en, /deprecated/i, entry.action);
    assert.match(ACTION_SUMMARIES[entry.action]!.zh, /废弃/, entry.action);
  }
  // The CN spec marks its legacy actions with "（旧）" in their titles; those must say legacy too.
  const cn = specs[0]!;
  const legacy = Object.keys(cn).filter((name) => cn[name]!.name.includes('（旧）'));
  assert.ok(legacy.length >= 4);
  for (const name of legacy) {
    assert.match(ACTION_SUMMARIES[name]!.en, /legacy/i, name);
    assert.match(ACTION_SUMMARIES[name]!.zh, /旧版/, name);
  }
});
