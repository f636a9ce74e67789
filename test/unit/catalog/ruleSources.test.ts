import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAction, findStruct, getCatalog } from '../../../src/core/catalog/catalog';
import { RATE_FACTS, REGION_FACTS } from '../../../src/core/catalog/rules/actionFacts';
import { FIELD_FACTS } from '../../../src/core/catalog/rules/fieldFacts';
import { ROOM_TYPE_RULES, TWIN_RULES } from '../../../src/core/catalog/rules/roomRules';
import { WINDOW_RULES } from '../../../src/core/catalog/rules/timeRules';
import type { FieldInfo } from '../../../src/core/catalog/types';
import { readShared } from './specFiles';

/** The part of a tccli spec these tests read: each member's description. */
type DocumentedSpec = { objects: Record<string, { members: Array<{ name: string; document: string }> }> };

/** A documentation page of Tencent's sites, or a file of one of the two official SDK repositories. */
const SOURCE = /^https:\/\/(cloud\.tencent\.com\/document\/(api|product)\/647\/\d+|(www\.|intl\.cloud\.)?tencentcloud\.com\/document\/(api|product)\/647\/\d+|intl\.cloud\.tencent\.com\/document\/(api|product)\/647\/\d+|trtc\.io\/document\/\d+|github\.com\/TencentCloud\/tencentcloud-sdk-nodejs(-intl-en)?\/blob\/master\/\S+)$/;

function fieldsOf(owner: string): readonly FieldInfo[] | undefined {
  const action = owner.endsWith('Request') ? findAction(owner.slice(0, -'Request'.length)) : undefined;
  return action && action.name === owner.slice(0, -'Request'.length) ? action.input : findStruct(owner)?.fields;
}

test('every rule names a source: a page of the TRTC documentation or an official SDK file', () => {
  const sources: Array<[string, string]> = [
    ...Object.entries(REGION_FACTS).flatMap(([a, f]) => f.sources.map((s): [string, string] => [`regions of ${a}`, s])),
    ...Object.entries(RATE_FACTS).map(([a, f]): [string, string] => [`rate of ${a}`, f.source]),
    ...Object.entries(FIELD_FACTS).map(([k, f]): [string, string] => [`fact ${k}`, f.source]),
    ...TWIN_RULES.map((r): [string, string] => [`twin ${r.numeric.action}`, r.source]),
    ...ROOM_TYPE_RULES.map((r): [string, string] => [`RoomIdType of ${r.owner}`, r.source]),
    ...Object.entries(WINDOW_RULES).map(([a, r]): [string, string] => [`window of ${a}`, r.source]),
  ];
  assert.ok(sources.length > 150, `${sources.length} sourced rules`);
  for (const [what, url] of sources) assert.match(url, SOURCE, what);
  for (const [a, f] of Object.entries(REGION_FACTS)) assert.ok(f.sources.length > 0, a);
});

test('the catalog carries each action fact as the overlay states it', () => {
  for (const action of getCatalog().actions) {
    const regions = REGION_FACTS[action.name];
    assert.deepEqual(action.regions, regions ? [...regions.regions].sort() : undefined, action.name);
    assert.equal(action.rateLimitPerSecond, RATE_FACTS[action.name]?.perSecond, action.name);
  }
  for (const f of Object.values(REGION_FACTS)) {
    for (const r of f.regions) assert.match(r, /^(ap|na|eu|sa)-[a-z]+$/);
    assert.equal(new Set(f.regions).size, f.regions.length);
  }
});

test('documented rate limits agree with the reference index wherever it has one', () => {
  type Indexed = { action: string; rate_limit_per_s_doc: number | null };
  const index = readShared<Indexed[]>('actions_index.json');
  let compared = 0;
  for (const entry of index) {
    if (entry.rate_limit_per_s_doc === null) continue;
    compared++;
    assert.equal(findAction(entry.action)?.rateLimitPerSecond, entry.rate_limit_per_s_doc, entry.action);
  }
  assert.equal(compared, 43);
  // The usage queries allow 5 calls a second, the room-usage query one call every 15 seconds.
  assert.equal(findAction('DescribeTrtcUsage')!.rateLimitPerSecond, 5);
  assert.equal(findAction('DescribeTrtcRoomUsage')!.rateLimitPerSecond, 1 / 15);
});

test('the twin rules are exactly the catalog\'s twin pairs, on the fields that hold the room id', () => {
  const pairs = getCatalog()
    .actions.filter((a) => a.twin && !a.name.endsWith('ByStrRoomId'))
    .map((a) => `${a.name}/${a.twin}`)
    .sort();
  assert.deepEqual(TWIN_RULES.map((r) => `${r.numeric.action}/${r.string.action}`).sort(), pairs);
  for (const r of TWIN_RULES) {
    assert.equal(findAction(r.numeric.action)!.input.find((f) => f.name === r.numeric.field)?.type.kind, 'integer');
    assert.equal(findAction(r.string.action)!.input.find((f) => f.name === r.string.field)?.type.kind, 'string');
  }
});

test('every RoomIdType of the requests is covered by a rule or is a pass-through, and is a dropdown', () => {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (fields: readonly FieldInfo[], owner: string) => {
    for (const f of fields) {
      if (f.name === 'RoomIdType') {
        found.push(owner);
        assert.deepEqual(f.enum?.map((e) => e.value), [0, 1], `${owner}.RoomIdType`);
        assert.ok(f.enum!.every((e) => e.label?.en && e.label.zh), `${owner}.RoomIdType labels`);
        assert.equal(f.flag, true);
      }
      let t = f.type;
      while (t.kind === 'array' && t.items) t = t.items;
      if (t.kind === 'object' && t.struct && !seen.has(t.struct)) {
        seen.add(t.struct);
        walk(findStruct(t.struct)!.fields, t.struct);
      }
    }
  };
  for (const a of getCatalog().actions) walk(a.input, `${a.name}Request`);
  assert.deepEqual(found.filter((o) => o !== 'SourceInfo').sort(), ROOM_TYPE_RULES.map((r) => r.owner).sort());
  for (const r of ROOM_TYPE_RULES) assert.ok(fieldsOf(r.owner)?.some((f) => f.name === r.roomField), `${r.owner}.${r.roomField}`);
});

test('each RoomIdType rule reads its value as the tccli spec describes it', () => {
  const spec = readShared<DocumentedSpec>('api.json');
  for (const r of ROOM_TYPE_RULES) {
    const doc = spec.objects[r.owner]?.members.find((m) => m.name === r.typeField)?.document;
    assert.ok(doc, `${r.owner}.${r.typeField} in api.json`);
    // Each description says which value is the string room; the rule must say the same.
    const stringValue = /0\s*[:：为]\s*字符串|0为字符串|0: 字符串/.test(doc!) ? 0 : /1\s*[:：为]\s*字符串|1为字符串|1代表字符串|1 代表字符串|，1代表字符串/.test(doc!) ? 1 : undefined;
    assert.equal(stringValue, r.stringValue, `${r.owner}: ${doc}`);
  }
});

test('hand-written facts only name fields of the catalog, and the window rules only its time members', () => {
  for (const key of Object.keys(FIELD_FACTS)) {
    const [owner, name] = key.split('.');
    assert.ok(fieldsOf(owner!)?.some((f) => f.name === name), key);
  }
  for (const [action, rule] of Object.entries(WINDOW_RULES)) {
    const info = findAction(action)!;
    for (const name of [rule.start, rule.end]) {
      const f = info.input.find((x) => x.name === name)!;
      assert.ok(f.time === 'unix-s' || f.timeFormat || f.type.kind === 'date', `${action}.${name} holds a moment`);
    }
  }
});

test('derived ranges state numbers the tccli spec\'s own description of the field has', () => {
  const spec = readShared<DocumentedSpec>('api.json');
  let checked = 0;
  const seen = new Set<string>();
  const walk = (fields: readonly FieldInfo[], owner: string) => {
    for (const f of fields) {
      const key = `${owner}.${f.name}`;
      if (f.range && !FIELD_FACTS[key] && !seen.has(key)) {
        seen.add(key);
        const doc = spec.objects[owner]?.members.find((m) => m.name === f.name)?.document;
        // Members only the international spec has are described in English there; the CN spec has the rest.
        if (doc) {
          const text = doc.replace(/,(?=\d{3})/g, '');
          for (const bound of [f.range.min, f.range.max]) if (bound !== undefined) assert.ok(text.includes(String(bound)), `${key}: ${bound} in "${doc}"`);
          checked++;
        }
      }
      let t = f.type;
      while (t.kind === 'array' && t.items) t = t.items;
      if (t.kind === 'object' && t.struct) walk(findStruct(t.struct)!.fields, t.struct);
    }
  };
  for (const a of getCatalog().actions) walk(a.input, `${a.name}Request`);
  assert.ok(checked > 60, `${checked} derived ranges checked`);
});
