import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../../src/core/catalog/catalog';
import { sampleParams } from '../../../src/core/catalog/sampleParams';
import { classifyAction } from '../../../src/core/catalog/verbs';
import { parseJson, type JsonObject } from '../../../src/core/json';
import { hasSilentValues, sampleLeaves, silentValueMessage, silentValueProblems, untouchedSamples, withoutUntouchedSamples } from '../../../src/core/requests/silentValues';

const NOW = Date.UTC(2026, 5, 15, 3, 27, 11);

test('a state-changing action with a required field unset is refused, naming the field; a read-only one never is', () => {
  const p = silentValueProblems('DismissRoom', { SdkAppId: 1400000001 });
  assert.deepEqual(p, { missing: ['RoomId'], samples: [] });
  assert.ok(hasSilentValues(p));
  const text = silentValueMessage('DismissRoom', p);
  assert.match(text.en, /DismissRoom changes state and was not sent; required and unset: RoomId\./);
  assert.match(text.zh, /RoomId/);
  assert.deepEqual(silentValueProblems('DescribeRoomInfo', {}), { missing: [], samples: [] });
  assert.ok(!hasSilentValues(silentValueProblems('DismissRoom', { SdkAppId: 1400000001, RoomId: 1001 })));
});

test('samples stay samples until their value changes, leaf by leaf, in lists and nested structures', () => {
  const filled = sampleParams('StartPublishCdnStream', { all: true, now: NOW });
  const samples = sampleLeaves(filled);
  assert.ok(samples.size > 10, `${samples.size} leaves`);
  assert.deepEqual(untouchedSamples(filled, samples).sort(), [...samples.keys()].sort());
  const edited = parseJson(JSON.stringify(filled)) as JsonObject;
  edited.SdkAppId = 1400123456;
  const firstUrl = [...samples.keys()].find((k) => k.startsWith('PublishCdnParams[0].'));
  assert.ok(firstUrl, [...samples.keys()].join(' '));
  (((edited.PublishCdnParams as JsonObject[])[0] as JsonObject)[firstUrl.split('.').pop()!] as unknown) = 'rtmp://mine.example/live';
  const left = untouchedSamples(edited, samples);
  assert.ok(!left.includes('SdkAppId') && !left.includes(firstUrl));
  assert.equal(left.length, samples.size - 2);
  const refused = silentValueProblems('StartPublishCdnStream', edited, samples);
  assert.deepEqual(refused.missing, []);
  assert.deepEqual(refused.samples, left);
});

test('Fill required of every state-changing action is refused until edited, and accepted after an explicit Keep samples', () => {
  let checked = 0;
  for (const action of getCatalog().actions) {
    if (classifyAction(action.name).readOnly) continue;
    const filled = sampleParams(action.name, { now: NOW });
    if (Object.keys(filled).length === 0) continue;
    const samples = sampleLeaves(filled);
    const p = silentValueProblems(action.name, filled, samples);
    assert.deepEqual(p.missing, [], `${action.name}: Fill required fills every required field`);
    assert.ok(p.samples.length > 0, `${action.name}: its samples are named`);
    // "Keep samples" empties the record: the same values then go out.
    assert.ok(!hasSilentValues(silentValueProblems(action.name, filled, new Map())), action.name);
    checked++;
  }
  assert.ok(checked > 30, `${checked} state-changing actions checked`);
});

test('an empty list or object is a value of its own: a sample of it is a leaf, and omitting it is not the same', () => {
  const samples = sampleLeaves({ A: [], B: {}, C: [1] });
  assert.deepEqual([...samples], [['A', '[]'], ['B', '{}'], ['C[0]', '1']]);
  assert.deepEqual(untouchedSamples({ A: [], C: [1] }, samples), ['A', 'C[0]']);
  assert.deepEqual(untouchedSamples({ A: [2], B: { x: 1 } }, samples), []);
});

test('unedited samples are not remembered as typed values, edited ones are', () => {
  const samples = sampleLeaves({ SdkAppId: 1400000000, RoomId: 1001, Layout: { Users: ['user_1001'] } });
  const params = { SdkAppId: 1400000000, RoomId: 42, Layout: { Users: ['user_1001'] }, Extra: [] } as JsonObject;
  assert.deepEqual(withoutUntouchedSamples(params, samples), { RoomId: 42, Extra: [] });
  assert.deepEqual(withoutUntouchedSamples(params, new Map()), params);
});

test('a request saved from the form keeps an empty list and an empty object, and leaves out what was omitted', async () => {
  const { requestFromSpec } = await import('../../../src/core/collections/savedRequest');
  const { createCollection, parseCollection, serializeCollection } = await import('../../../src/core/collections/collectionFormat');
  const saved = requestFromSpec({ action: 'StartMCUMixTranscode', params: { SdkAppId: 1400000001, RoomId: 1001, OutputParams: {}, LayoutParams: { MixVideoUids: [] } } });
  const collection = createCollection('empty values');
  collection.items.push(saved);
  const back = parseCollection(serializeCollection(collection)).items[0] as typeof saved;
  assert.deepEqual(back.params, { SdkAppId: 1400000001, RoomId: 1001, OutputParams: {}, LayoutParams: { MixVideoUids: [] } });
  assert.ok(!('EncodeParams' in back.params), 'an omitted field stays omitted');
});
