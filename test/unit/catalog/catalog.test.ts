import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  findAction,
  findStruct,
  getCatalog,
  nestedFields,
  searchActions,
} from '../../../src/core/catalog/catalog';
import { listActions, listCategories } from '../../../src/core/catalog/catalogIndex';
import { ACTION_SUMMARIES } from '../../../src/core/catalog/summaries';
import type { FieldInfo } from '../../../src/core/catalog/types';
import { classifyAction } from '../../../src/core/catalog/verbs';
import { isSensitiveField } from '../../../src/core/sensitive';
import { repoRoot } from './specFiles';

function sdkVersion(pkg: string): string {
  const manifest = path.join(repoRoot, 'node_modules', pkg, 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

test('the catalog is parsed once and records where it came from', () => {
  const catalog = getCatalog();
  assert.equal(getCatalog(), catalog);
  assert.equal(catalog.service, 'trtc');
  assert.equal(catalog.version, '2019-07-22');
  assert.deepEqual(catalog.sdk, {
    cn: sdkVersion('tencentcloud-sdk-nodejs'),
    intl: sdkVersion('tencentcloud-sdk-nodejs-intl-en'),
  });
  assert.deepEqual(listCategories(), catalog.categories);
});

test('findAction finds by exact name, then without regard to case', () => {
  assert.equal(findAction('DismissRoom')?.name, 'DismissRoom');
  assert.equal(findAction('describetrtcusage')?.name, 'DescribeTrtcUsage');
  assert.equal(findAction('NoSuchAction'), undefined);
  assert.equal(findStruct('MixLayout')?.name, 'MixLayout');
  assert.equal(findStruct('toString'), undefined);
});

test('listActions lists all actions or one category, in name order', () => {
  const all = listActions();
  assert.equal(all.length, 81);
  assert.deepEqual(
    all.map((a) => a.name),
    all.map((a) => a.name).sort(),
  );
  assert.deepEqual(
    listActions({ category: 'room' }).map((a) => a.name),
    ['DismissRoom', 'DismissRoomByStrRoomId', 'RemoveUser', 'RemoveUserByStrRoomId', 'SetUserBlocked', 'SetUserBlockedByStrRoomId'],
  );
  assert.deepEqual(listActions({ category: 'nope' }), []);
  // The list is a copy: callers may sort it.
  all.reverse();
  assert.equal(listActions()[0]!.name, 'AsyncTextToSpeech');
});

test('searchActions matches names, English words and Chinese text, names first', () => {
  const names = (q: string) => searchActions(q).map((a) => a.name);
  assert.equal(names('DismissRoom')[0], 'DismissRoom');
  assert.deepEqual(names('dismissroom').slice(0, 2), ['DismissRoom', 'DismissRoomByStrRoomId']);
  assert.ok(names('recording').includes('CreateCloudRecording'));
  assert.ok(names('录制').includes('CreateCloudRecording'));
  assert.ok(names('解散').includes('DismissRoom'));
  // Every term must match somewhere.
  assert.deepEqual(names('dismiss transcription'), []);
  const recording = names('recording');
  const byName = recording.filter((n) => n.toLowerCase().includes('recording'));
  assert.ok(byName.length >= 5 && recording.length > byName.length, recording.join(' '));
  assert.deepEqual(recording.slice(0, byName.length), byName, 'name matches rank first');
  assert.equal(searchActions('').length, 81);
  assert.deepEqual(names('zzzzqqq'), []);
});

test('every action carries its summary, texts, links, version and flags', () => {
  for (const a of getCatalog().actions) {
    assert.deepEqual(a.summary, { en: ACTION_SUMMARIES[a.name]!.en, zh: ACTION_SUMMARIES[a.name]!.zh }, a.name);
    assert.ok(a.title.en || a.title.zh, `${a.name} title`);
    assert.ok(a.description.en || a.description.zh, `${a.name} description`);
    if (a.availability !== 'cn' && a.description.en) assert.ok(a.title.en, `${a.name} English title`);
    assert.equal(a.version, '2019-07-22');
    if (a.docUrl.cn) {
      assert.equal(a.docUrl.cn, `https://console.cloud.tencent.com/api/explorer?Product=trtc&Version=2019-07-22&Action=${a.name}`);
    }
    if (a.docUrl.intl) {
      assert.equal(a.docUrl.intl, `https://console.tencentcloud.com/api/explorer?Product=trtc&Version=2019-07-22&Action=${a.name}`);
    }
    const kind = classifyAction(a.name);
    assert.equal(Boolean(a.readOnly), kind.readOnly, `${a.name} readOnly`);
    assert.equal(Boolean(a.destructive), kind.destructive, `${a.name} destructive`);
    assert.ok(kind.known, `${a.name} has a verb the rule knows`);
    assert.ok(!(a.readOnly && a.destructive), a.name);
    assert.equal(a.output.at(-1)?.name, 'RequestId', `${a.name} answers with a RequestId`);
  }
});

test('read-only and destructive follow the verb', () => {
  const flags = (n: string) => {
    const a = findAction(n)!;
    return [Boolean(a.readOnly), Boolean(a.destructive)];
  };
  assert.deepEqual(flags('DescribeRoomInfo'), [true, false]);
  assert.deepEqual(flags('QueryAIMessageList'), [true, false]);
  for (const n of ['DismissRoom', 'RemoveUser', 'DeleteCloudRecording', 'StopWebRecord', 'ModifyCloudRecording', 'UpdatePublishCdnStream', 'SetUserBlocked']) {
    assert.deepEqual(flags(n), [false, true], n);
  }
  for (const n of ['CreateCloudRecording', 'StartPublishCdnStream', 'TextToSpeech', 'RegisterVoicePrint']) {
    assert.deepEqual(flags(n), [false, false], n);
  }
});

test('numeric-room and string-room twins point at each other', () => {
  const twins = getCatalog()
    .actions.filter((a) => a.twin)
    .map((a) => `${a.name}↔${a.twin}`)
    .sort();
  assert.deepEqual(twins, [
    'DismissRoomByStrRoomId↔DismissRoom',
    'DismissRoom↔DismissRoomByStrRoomId',
    'RemoveUserByStrRoomId↔RemoveUser',
    'RemoveUser↔RemoveUserByStrRoomId',
    'SetUserBlockedByStrRoomId↔SetUserBlocked',
    'SetUserBlocked↔SetUserBlockedByStrRoomId',
    'StartMCUMixTranscodeByStrRoomId↔StartMCUMixTranscode',
    'StartMCUMixTranscode↔StartMCUMixTranscodeByStrRoomId',
    'StopMCUMixTranscodeByStrRoomId↔StopMCUMixTranscode',
    'StopMCUMixTranscode↔StopMCUMixTranscodeByStrRoomId',
  ]);
});

/** Every field of the catalog with where it is, actions' inputs and outputs and all structures. */
function allFields(): Array<{ where: string; field: FieldInfo }> {
  const catalog = getCatalog();
  const out: Array<{ where: string; field: FieldInfo }> = [];
  for (const a of catalog.actions) {
    for (const f of [...a.input, ...a.output]) out.push({ where: a.name, field: f });
  }
  for (const s of Object.values(catalog.structs)) for (const f of s.fields) out.push({ where: s.name, field: f });
  return out;
}

test('fields are typed, described without HTML, and flagged sensitive by name', () => {
  const catalog = getCatalog();
  for (const { where, field } of allFields()) {
    const label = `${where}.${field.name}`;
    let t = field.type;
    while (t.kind === 'array') {
      assert.ok(t.items, label);
      t = t.items!;
    }
    if (t.kind === 'object') assert.ok(catalog.structs[t.struct!], `${label} → ${t.struct}`);
    if (t.kind === 'integer') assert.ok(t.width, label);
    for (const text of [field.description.en, field.description.zh]) {
      if (text) assert.doesNotMatch(text, /<\/?(p|br|ul|li|a)\b[^>]*>/i, label);
    }
    assert.equal(Boolean(field.sensitive), isSensitiveField(field.name), label);
  }
  const storage = findStruct('CloudStorage')!;
  assert.equal(storage.fields.find((f) => f.name === 'SecretKey')?.sensitive, true);
  assert.equal(findAction('CreateCloudRecording')!.input.find((f) => f.name === 'UserSig')?.sensitive, true);
});

test('structures are stored once and never contain themselves', () => {
  const catalog = getCatalog();
  const visit = (name: string, stack: string[]) => {
    assert.ok(!stack.includes(name), `cycle ${[...stack, name].join(' → ')}`);
    for (const f of catalog.structs[name]!.fields) {
      let t = f.type;
      while (t.kind === 'array') t = t.items!;
      if (t.kind === 'object') visit(t.struct!, [...stack, name]);
    }
  };
  for (const name of Object.keys(catalog.structs)) visit(name, []);
  const layout = findStruct('MixLayoutParams')!.fields.find((f) => f.name === 'MixLayoutList')!;
  assert.equal(nestedFields(layout), findStruct('MixLayout')!.fields);
  assert.equal(nestedFields(findAction('DismissRoom')!.input[0]!), undefined);
});

test('wire types from the overlay reach the catalog: floats, signed integers and dates', () => {
  const input = (action: string, name: string) => findAction(action)!.input.find((f) => f.name === name)!.type;
  assert.deepEqual(input('StartStreamIngest', 'Tempo'), { kind: 'float' });
  assert.deepEqual(input('DescribeTRTCRealTimeQualityData', 'StartTime'), { kind: 'integer', width: 'int64' });
  assert.deepEqual(input('DescribeTRTCMarketQualityData', 'StartTime'), { kind: 'date' });
  assert.deepEqual(input('DismissRoom', 'RoomId'), { kind: 'integer', width: 'uint64' });
  const rows = findStruct('RowValues')!.fields;
  assert.deepEqual(rows.find((f) => f.name === 'RowValue')!.type, { kind: 'array', items: { kind: 'integer', width: 'int64' } });
});

test('deprecated fields are marked from the SDK', () => {
  const deprecated = allFields()
    .filter(({ field }) => field.deprecated)
    .map(({ where, field }) => `${where}.${field.name}`);
  assert.ok(deprecated.includes('TranscriptionParams.IMAdminUserId'), deprecated.join(', '));
  assert.ok(deprecated.includes('SliceParams.SliceCallbackUrl'), deprecated.join(', '));
  assert.equal(findAction('DismissRoom')!.input.some((f) => f.deprecated), false);
});
