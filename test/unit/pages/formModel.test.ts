import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActionView } from '../../../src/shared/requestProtocol';
import {
  FormModel,
  placeIssues,
  scalarFromText,
  unknownKeys,
  walkTree,
  type ArrayNode,
  type FormNode,
  type RawNode,
  type ScalarNode,
  type StructNode,
} from '../../../src/pages/request/formModel';
import { createCloudRecording } from '../../webview/fixtures/createCloudRecording';

const BIG = '18446744073709551615';

function model(text: string, action: ActionView = createCloudRecording): FormModel {
  const r = FormModel.fromText(action, text);
  assert.ok('model' in r, `fixture text should parse: ${text}`);
  return r.model;
}

function find(tree: StructNode, path: string): FormNode {
  for (const n of walkTree(tree)) {
    if (n.path === path) {
      return n;
    }
  }
  assert.fail(`no row ${path}; rows: ${[...walkTree(tree)].map((n) => n.path).join(', ')}`);
}

function json(m: FormModel): unknown {
  return JSON.parse(m.text());
}

describe('FormModel text round trip', () => {
  it('keeps integers beyond 2^53 and float digits exactly', () => {
    const m = model(`{"SdkAppId": ${BIG}, "Volume": 1.50, "StorageParams": {"CloudVod": {"TencentVod": {"SubAppId": 9007199254740993}}}}`);
    const text = m.text();
    assert.match(text, new RegExp(`"SdkAppId": ${BIG}\\b`));
    assert.match(text, /"Volume": 1\.50\b/);
    assert.match(text, /"SubAppId": 9007199254740993\b/);
  });

  it('writes pretty JSON with two spaces', () => {
    const m = model('{"RoomId":"1","RecordParams":{"RecordMode":2}}');
    assert.equal(m.text(), '{\n  "RoomId": "1",\n  "RecordParams": {\n    "RecordMode": 2\n  }\n}');
  });

  it('reports invalid JSON with its position instead of a model', () => {
    const r = FormModel.fromText(createCloudRecording, '{\n  "RoomId": "1",\n  "UserId" "x"\n}');
    assert.ok('error' in r);
    assert.equal(r.error.code, 'syntax');
    assert.equal(r.error.line, 3);
    assert.equal(r.error.column, 12);
  });
});

describe('FormModel edits', () => {
  it('stores typed integers with their exact digits, even past 2^53', () => {
    const m = model('{}');
    m.setText(['SdkAppId'], 'integer', BIG);
    assert.equal(m.text(), `{\n  "SdkAppId": ${BIG}\n}`);
  });

  it('keeps text that is not a number as a string, so the validator can report it', () => {
    const m = model('{}');
    m.setText(['SdkAppId'], 'integer', '12a');
    assert.deepEqual(json(m), { SdkAppId: '12a' });
  });

  it('unsets an optional number when it is cleared, but keeps an empty string typed in a text input', () => {
    const m = model('{"ResourceExpiredHour": 5, "RoomId": "r"}');
    m.setText(['ResourceExpiredHour'], 'integer', '  ');
    m.setText(['RoomId'], 'text', '');
    assert.deepEqual(json(m), { RoomId: '' });
  });

  it('creates missing parent structs when a nested member is set, in declared order', () => {
    const m = model('{"SdkAppId": 1, "RoomIdType": 1}');
    m.setText(['StorageParams', 'CloudVod', 'TencentVod', 'Procedure'], 'text', 'p1');
    m.setText(['RoomId'], 'text', 'r');
    assert.deepEqual(Object.keys(json(m) as object), ['SdkAppId', 'RoomId', 'StorageParams', 'RoomIdType']);
    assert.deepEqual((json(m) as { StorageParams: unknown }).StorageParams, { CloudVod: { TencentVod: { Procedure: 'p1' } } });
  });

  it('keeps unknown keys where they are when the form adds members', () => {
    const m = model('{"Zzz": true, "SdkAppId": 1}');
    m.setText(['RoomId'], 'text', 'r');
    assert.deepEqual(Object.keys(json(m) as object), ['Zzz', 'SdkAppId', 'RoomId']);
  });

  it('sets enum and boolean selects from their JSON text with the right type', () => {
    const m = model('{}');
    m.setText(['RecordParams', 'RecordMode'], 'enum', '2');
    m.setText(['PureAudioDisableLayout'], 'boolean', 'false');
    assert.deepEqual(json(m), { RecordParams: { RecordMode: 2 }, PureAudioDisableLayout: false });
    m.setText(['PureAudioDisableLayout'], 'boolean', '');
    assert.deepEqual(json(m), { RecordParams: { RecordMode: 2 } });
  });

  it('adds an optional struct with its required nested structs started', () => {
    const m = model('{}');
    m.addStruct(['MixTranscodeParams']);
    m.addStruct(['StorageParams', 'CloudStorage']);
    assert.deepEqual(json(m), { StorageParams: { CloudStorage: {} }, MixTranscodeParams: {} });
  });

  it('adds, moves and removes array items of scalars and of structs', () => {
    const m = model('{}');
    assert.equal(m.addItem(['TaskSeqs']), 0);
    assert.equal(m.addItem(['TaskSeqs']), 1);
    assert.equal(m.addItem(['TaskSeqs']), 2);
    m.setText(['TaskSeqs', 0], 'integer', '10');
    m.setText(['TaskSeqs', 1], 'integer', BIG);
    m.setText(['TaskSeqs', 2], 'integer', '30');
    assert.equal(m.moveItem(['TaskSeqs', 2], -1), 1);
    assert.equal(m.moveItem(['TaskSeqs', 0], -1), undefined);
    assert.equal(m.moveItem(['TaskSeqs', 2], 1), undefined);
    assert.ok(m.unset(['TaskSeqs', 0]));
    assert.match(m.text(), new RegExp(`"TaskSeqs": \\[\\n    30,\\n    ${BIG}\\n  \\]`));

    assert.equal(m.addItem(['MixLayoutParams', 'MixLayoutList']), 0);
    assert.equal(m.addItem(['MixLayoutParams', 'MixLayoutList']), 1);
    m.setText(['MixLayoutParams', 'MixLayoutList', 0, 'UserId'], 'text', 'a');
    m.setText(['MixLayoutParams', 'MixLayoutList', 1, 'UserId'], 'text', 'b');
    m.moveItem(['MixLayoutParams', 'MixLayoutList', 0], 1);
    assert.deepEqual((json(m) as { MixLayoutParams: unknown }).MixLayoutParams, { MixLayoutList: [{ UserId: 'b' }, { UserId: 'a' }] });
  });

  it('stores null for a cleared number inside an array, which has no holes', () => {
    const m = model('{"TaskSeqs": [1, 2]}');
    m.setText(['TaskSeqs', 0], 'integer', '');
    assert.deepEqual(json(m), { TaskSeqs: [null, 2] });
  });

  it('renames an unknown key in place and refuses to overwrite an existing one', () => {
    const m = model('{"SdkAppId": 1, "RoomIdTyp": 1, "RoomId": "r"}');
    assert.ok(m.renameKey(['RoomIdTyp'], 'RoomIdType'));
    assert.deepEqual(Object.keys(json(m) as object), ['SdkAppId', 'RoomIdType', 'RoomId']);
    assert.equal(m.renameKey(['RoomIdType'], 'RoomId'), false);
  });

  it('refuses to set below a value that is not an object', () => {
    const m = model('{"RecordParams": 5}');
    assert.equal(m.set(['RecordParams', 'RecordMode'], null), false);
    assert.deepEqual(json(m), { RecordParams: 5 });
  });

  it('knows the declared type and member at a path', () => {
    const m = model('{}');
    assert.equal(m.typeAt(['MixLayoutParams', 'MixLayoutList', 3, 'Top'])?.label, 'uint64');
    assert.equal(m.fieldAt(['MixLayoutParams', 'MixLayoutList', 3])?.name, 'MixLayoutList');
    assert.equal(m.typeAt(['Nope']), undefined);
  });
});

describe('scalarFromText', () => {
  it('turns select texts back into typed JSON values', () => {
    assert.equal(scalarFromText('boolean', 'true'), true);
    assert.equal(scalarFromText('enum', '"abc"'), 'abc');
    assert.equal(String(scalarFromText('enum', BIG)), BIG);
    assert.equal(scalarFromText('enum', ''), undefined);
    assert.equal(scalarFromText('date', ''), undefined);
    assert.equal(scalarFromText('date', '2024-02-29'), '2024-02-29');
  });
});

describe('FormModel.buildTree', () => {
  it('renders required structs even when absent, and optional ones only as an Add row', () => {
    const tree = model('{}').buildTree();
    const record = find(tree, 'RecordParams') as StructNode;
    assert.equal(record.kind, 'struct');
    assert.equal(record.present, false);
    assert.ok(record.children.some((c) => c.path === 'RecordParams.RecordMode'));
    const mix = find(tree, 'MixLayoutParams') as StructNode;
    assert.equal(mix.present, false);
    assert.equal(mix.children.length, 0);
  });

  it('goes four levels deep into present values', () => {
    const tree = model('{"StorageParams": {"CloudVod": {"TencentVod": {"ExpireTime": 0}}}}').buildTree();
    const n = find(tree, 'StorageParams.CloudVod.TencentVod.ExpireTime') as ScalarNode;
    assert.equal(n.text, '0');
    assert.equal(n.control, 'integer');
  });

  it('chooses controls from types: password, enum with the current value, date, boolean', () => {
    const tree = model(`{"UserSig": "s", "RoomIdType": 7, "StartDate": "2024/01/02", "PureAudioDisableLayout": true, "SdkAppId": ${BIG}}`).buildTree();
    assert.equal((find(tree, 'UserSig') as ScalarNode).control, 'password');
    const roomIdType = find(tree, 'RoomIdType') as ScalarNode;
    assert.equal(roomIdType.control, 'enum');
    assert.deepEqual(
      roomIdType.choices?.map((c) => c.value),
      ['0', '1', '7'],
    );
    assert.equal(roomIdType.choices?.[2]?.unlisted, true);
    assert.equal(roomIdType.text, '7');
    // A date input cannot show a value in another format, so the value is shown as text.
    assert.equal((find(tree, 'StartDate') as ScalarNode).control, 'text');
    assert.equal((find(tree, 'PureAudioDisableLayout') as ScalarNode).text, 'true');
    assert.equal((find(tree, 'SdkAppId') as ScalarNode).text, BIG);
  });

  it('lists array items of scalars and of structs with their paths', () => {
    const tree = model('{"TaskSeqs": [1, 2], "MixLayoutParams": {"MixLayoutMode": 4, "MixLayoutList": [{"Top": 1}, {"Top": 2}]}}').buildTree();
    const seqs = find(tree, 'TaskSeqs') as ArrayNode;
    assert.deepEqual(seqs.items.map((i) => i.path), ['TaskSeqs[0]', 'TaskSeqs[1]']);
    const top = find(tree, 'MixLayoutParams.MixLayoutList[1].Top') as ScalarNode;
    assert.equal(top.text, '2');
  });

  it('flags unknown keys and wrongly shaped values as raw rows that keep their JSON', () => {
    const tree = model('{"Bogus": {"a": [1]}, "RoomId": {"x": 1}, "RecordParams": [1]}').buildTree();
    const bogus = find(tree, 'Bogus') as RawNode;
    assert.equal(bogus.kind, 'raw');
    assert.equal(bogus.reason, 'unknown-key');
    assert.equal(bogus.json, '{"a":[1]}');
    assert.equal((find(tree, 'RoomId') as RawNode).reason, 'wrong-shape');
    assert.equal((find(tree, 'RecordParams') as RawNode).reason, 'wrong-shape');
    assert.deepEqual(unknownKeys(tree), ['Bogus']);
  });

  it('hides unset optional and deprecated members under "required only", but not values', () => {
    const tree = model('{"Volume": 2, "LegacyFlag": 1}').buildTree({ requiredOnly: true });
    const paths = tree.children.map((c) => c.path);
    assert.ok(paths.includes('Volume'));
    assert.ok(paths.includes('LegacyFlag'));
    assert.ok(paths.includes('SdkAppId'));
    assert.ok(!paths.includes('RoomIdType'));
    assert.ok(!paths.includes('MixLayoutParams'));
    assert.ok(tree.hiddenCount > 0);
  });

  it('keeps rows being edited visible under "required only" after they are cleared', () => {
    const m = model('{}');
    const paths = (keep?: Set<string>) => m.buildTree({ requiredOnly: true, keep }).children.map((c) => c.path);
    assert.ok(!paths().includes('Volume'));
    assert.ok(paths(new Set(['Volume'])).includes('Volume'));
  });

  it('does not expand a struct that contains itself forever', () => {
    const recursive: ActionView = {
      ...createCloudRecording,
      fields: [{ name: 'Node', type: { kind: 'object', struct: 'Node', label: 'Node' }, required: true }],
      structs: { Node: { name: 'Node', fields: [{ name: 'Child', type: { kind: 'object', struct: 'Node', label: 'Node' }, required: true }] } },
    };
    const tree = model('{}', recursive).buildTree();
    const child = find(tree, 'Node.Child') as StructNode;
    assert.equal(child.children.length, 0);
    const m = model('{}', recursive);
    m.addStruct(['Node']);
    assert.deepEqual(json(m), { Node: { Child: {} } });
  });
});

describe('placeIssues', () => {
  it('puts issues at the rows they name and lists the rest', () => {
    const tree = model('{"MixLayoutParams": {"MixLayoutMode": 4, "MixLayoutList": [{}, {}, {}]}, "Typo": 1}').buildTree();
    const placed = placeIssues(tree, [
      { path: 'RecordParams.RecordMode', code: 'missing', message: 'm1' },
      { path: 'MixLayoutParams.MixLayoutList[2].Top', code: 'missing', message: 'm2' },
      { path: 'Typo', code: 'unknown', message: 'm3', suggestion: 'Type' },
      { path: '', code: 'type', message: 'm4' },
      { path: 'MixLayoutParams.MixLayoutList[9].Top', code: 'missing', message: 'm5' },
    ]);
    assert.deepEqual([...placed.byPath.keys()], ['RecordParams.RecordMode', 'MixLayoutParams.MixLayoutList[2].Top']);
    assert.deepEqual(
      placed.unplaced.map((i) => i.message),
      ['m3', 'm4', 'm5'],
    );
  });

  it('lists issues of rows hidden by the filter at the top', () => {
    const tree = model('{}').buildTree({ requiredOnly: true });
    const placed = placeIssues(tree, [{ path: 'RoomIdType', code: 'enum', message: 'x' }]);
    assert.equal(placed.byPath.size, 0);
    assert.equal(placed.unplaced.length, 1);
  });
});
