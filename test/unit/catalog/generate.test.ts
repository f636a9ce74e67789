import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applySupplement,
  buildCatalog,
  cleanDoc,
  DEFAULT_TABLES,
  extractEnum,
  firstSentence,
  locateSdks,
  readCnSdk,
  readIntlSdk,
  renderCatalog,
  type CatalogTables,
  type GenerateReport,
  type SdkSide,
} from '../../../scripts/catalog/generate';
import { getCatalog } from '../../../src/core/catalog/catalog';
import type { FieldType } from '../../../src/core/catalog/types';

const INT: FieldType = { kind: 'integer', width: 'uint64' };
const STR: FieldType = { kind: 'string' };

test('cleanDoc turns SDK HTML into plain text and keeps links', () => {
  assert.equal(cleanDoc('<p>First</p><p>Second<br>line</p>'), 'First\n\nSecond\nline');
  assert.equal(cleanDoc('<ul><li>a： one</li><li>b： two</li></ul>'), '- a： one\n- b： two');
  assert.equal(cleanDoc('See <a href="https://example.com/x">the guide</a>.'), 'See [the guide](https://example.com/x).');
  assert.equal(cleanDoc('&quot;x&quot; &amp; y&#39;s&emsp;z'), '"x" & y\'s z');
  assert.equal(cleanDoc('Width < 1920 and <code>Array<string></code>'), 'Width < 1920 and Array<string>');
});

test('firstSentence skips lead-in labels and stops at the first full stop', () => {
  assert.equal(firstSentence('接口说明：\n启动云端录制功能，完成录制。其余说明'), '启动云端录制功能，完成录制。');
  assert.equal(firstSentence('API description:.\nStarts a task. More text.'), 'Starts a task.');
  assert.equal(firstSentence('**API Description**\n\nThis API stops v1.5 streams. Rest'), 'This API stops v1.5 streams.');
  assert.equal(firstSentence('Short title without stop'), 'Short title without stop');
  assert.equal(firstSentence('x'.repeat(200)).length, 158);
});

test('extractEnum reads the CN value lists and `N: meaning` lines', () => {
  const zh = '<p>类型</p><p>枚举值：</p><ul><li>1： 音频</li><li>2： 视频</li></ul><p>默认值：1</p>';
  assert.deepEqual(extractEnum(INT, zh, undefined), [
    { value: 1, label: { zh: '音频' } },
    { value: 2, label: { zh: '视频' } },
  ]);
  const en = 'The type.\n0: String room ID\n1: Integer room ID (default)';
  assert.deepEqual(extractEnum(INT, undefined, en), [
    { value: 0, label: { en: 'String room ID' } },
    { value: 1, label: { en: 'Integer room ID (default)' } },
  ]);
  // Both languages agree: labels from both.
  assert.deepEqual(extractEnum(INT, '说明\n0：字符串\n1：整数', en), [
    { value: 0, label: { en: 'String room ID', zh: '字符串' } },
    { value: 1, label: { en: 'Integer room ID (default)', zh: '整数' } },
  ]);
  const strings = '<p>情绪</p><p>枚举值：</p><ul><li>happy： 高兴</li><li>sad： 悲伤</li></ul>';
  assert.deepEqual(
    extractEnum(STR, strings, undefined)?.map((e) => e.value),
    ['happy', 'sad'],
  );
  assert.deepEqual(
    extractEnum({ kind: 'array', items: STR }, strings, undefined)?.map((e) => e.value),
    ['happy', 'sad'],
  );
});

test('extractEnum keeps nothing when the list is doubtful', () => {
  // A single listed value: the prose names others.
  assert.equal(extractEnum(STR, '<p>Idle, InProgress, Exited</p><p>枚举值：</p><ul><li>InProgress： 进行中</li></ul>', undefined), undefined);
  // The languages disagree.
  assert.equal(extractEnum(INT, '0：a\n1：b', '0: a\n1: b\n2: c'), undefined);
  // Two separate blocks of numbered lines.
  assert.equal(extractEnum(INT, undefined, '0: a\n1: b\nthen\n0: c\n1: d'), undefined);
  // One numbered line is not a list.
  assert.equal(extractEnum(INT, undefined, 'Default is 0.\n0: off'), undefined);
  // Non-integer values for an integer field.
  assert.equal(extractEnum(INT, '<p>枚举值：</p><ul><li>a： x</li><li>b： y</li></ul>', undefined), undefined);
  // Numbered lines describe string fields too often to trust them there.
  assert.equal(extractEnum(STR, undefined, '0: a\n1: b'), undefined);
  // Booleans and floats never get a list.
  assert.equal(extractEnum({ kind: 'float' }, undefined, '0: a\n1: b'), undefined);
});

function side(version: string): SdkSide {
  return { version, models: new Map(), actions: new Map() };
}

/** A minimal pair of SDKs with one action in each, and tables that fit them. */
function fixture(): { cn: SdkSide; intl: SdkSide; tables: CatalogTables } {
  const cn = side('1.0.0');
  cn.actions.set('DescribeThing', { name: 'DescribeThing', doc: '查询东西。更多', input: 'DescribeThingRequest', output: 'DescribeThingResponse', deprecated: false });
  cn.models.set('DescribeThingRequest', {
    name: 'DescribeThingRequest',
    doc: '',
    requiredKnown: true,
    fields: [
      { name: 'Id', type: { k: 'number' }, required: true, doc: '编号', deprecated: false },
      { name: 'Day', type: { k: 'string' }, required: false, doc: '日期', deprecated: false },
      { name: 'Opts', type: { k: 'array', of: { k: 'ref', name: 'Opt' } }, required: false, doc: '', deprecated: false },
    ],
  });
  cn.models.set('Opt', { name: 'Opt', doc: '选项', requiredKnown: true, fields: [{ name: 'Secret', type: { k: 'string' }, required: true, doc: '', deprecated: true }] });
  cn.models.set('DescribeThingResponse', {
    name: 'DescribeThingResponse',
    doc: '',
    requiredKnown: true,
    fields: [{ name: 'RequestId', type: { k: 'string' }, required: false, doc: '请求 ID', deprecated: false }],
  });
  const intl = side('2.0.0');
  intl.actions.set('StopThing', { name: 'StopThing', doc: 'Stops a thing. More.', input: 'StopThingRequest', output: 'StopThingResponse', deprecated: false });
  intl.models.set('StopThingRequest', {
    name: 'StopThingRequest',
    doc: '',
    requiredKnown: false,
    fields: [{ name: 'Id', type: { k: 'number' }, required: false, doc: 'The id.', deprecated: false }],
  });
  intl.models.set('StopThingResponse', { name: 'StopThingResponse', doc: '', requiredKnown: false, fields: [] });
  const tables: CatalogTables = {
    summaries: { DescribeThing: { en: 'Get a thing', zh: '查东西' }, StopThing: { en: 'Stop a thing', zh: '停东西' } },
    categoryOf: (a) => (a === 'DescribeThing' ? 'usage' : undefined),
    placedActions: ['DescribeThing'],
    wireTypes: { 'DescribeThingRequest.Day': 'date' },
    intlOnlyRequired: { StopThingRequest: ['Id'] },
    intlAlsoOffers: [],
    fieldFacts: {},
    regionFacts: {},
    rateFacts: {},
  };
  return { cn, intl, tables };
}

function report(): GenerateReport {
  return { warnings: [], enumCount: 0, fieldCount: 0 };
}

test('buildCatalog merges both SDKs with the overlay tables', () => {
  const { cn, intl, tables } = fixture();
  const r = report();
  const catalog = buildCatalog(cn, intl, r, tables);
  assert.deepEqual(catalog.sdk, { cn: '1.0.0', intl: '2.0.0' });
  const [describe, stop] = catalog.actions;
  assert.equal(describe!.availability, 'cn');
  assert.equal(describe!.readOnly, true);
  assert.deepEqual(describe!.title, { zh: '查询东西。' });
  assert.deepEqual(
    describe!.input.map((f) => [f.name, f.type, Boolean(f.required)]),
    [
      ['Id', { kind: 'integer', width: 'uint64' }, true],
      ['Day', { kind: 'date' }, false],
      ['Opts', { kind: 'array', items: { kind: 'object', struct: 'Opt' } }, false],
    ],
  );
  assert.deepEqual(catalog.structs.Opt!.fields[0], {
    name: 'Secret',
    type: { kind: 'string' },
    description: {},
    required: true,
    deprecated: true,
    sensitive: true,
  });
  assert.equal(stop!.availability, 'intl');
  assert.equal(stop!.destructive, true);
  assert.equal(stop!.input[0]!.required, true, 'required from INTL_ONLY_REQUIRED');
  assert.equal(stop!.docUrl.cn, undefined);
  assert.match(stop!.docUrl.intl!, /Action=StopThing$/);
  assert.equal(stop!.category, 'other');
  assert.deepEqual(r.warnings, ['StopThing: no category in src/core/catalog/categories.ts; placed in "other"']);
  assert.equal(r.fieldCount, 6);
});

test('buildCatalog refuses what it cannot resolve', () => {
  const cases: Array<[string, (f: ReturnType<typeof fixture>) => void, RegExp]> = [
    ['missing summary', (f) => (f.tables = { ...f.tables, summaries: { StopThing: { en: 'a', zh: 'b' } } }), /no summary for 1 action\(s\).*DescribeThing/],
    ['stale overlay entry', (f) => (f.tables = { ...f.tables, wireTypes: { ...f.tables.wireTypes, 'Gone.Field': 'float' } }), /Gone\.Field does not match any field/],
    ['overlay on the wrong base type', (f) => (f.tables = { ...f.tables, wireTypes: { 'DescribeThingRequest.Id': 'date' } }), /Id is marked date but the SDK declares it/],
    ['international-only action without required flags', (f) => (f.tables = { ...f.tables, intlOnlyRequired: {} }), /list the required members of StopThingRequest/],
    ['unknown required member', (f) => (f.tables = { ...f.tables, intlOnlyRequired: { StopThingRequest: ['Nope'] } }), /StopThingRequest\.Nope does not exist/],
    ['undefined structure', (f) => f.cn.models.delete('Opt'), /model Opt is referenced but neither SDK defines it/],
    ['stale field fact', (f) => (f.tables = { ...f.tables, fieldFacts: { 'Gone.Field': { range: { min: 1 }, source: 'https://example.com' } } }), /fieldFacts\.ts: Gone\.Field does not match/],
    ['region fact for an unknown action', (f) => (f.tables = { ...f.tables, regionFacts: { Nope: { regions: ['ap-guangzhou'], sources: ['https://example.com'] } } }), /regionFacts names Nope/],
    ['rate fact for an unknown action', (f) => (f.tables = { ...f.tables, rateFacts: { Nope: { perSecond: 1, source: 'https://example.com' } } }), /rateFacts names Nope/],
  ];
  for (const [label, mutate, error] of cases) {
    const f = fixture();
    mutate(f);
    assert.throws(() => buildCatalog(f.cn, f.intl, report(), f.tables), error, label);
  }
});

test('buildCatalog adds described and hand-written value facts, regions and rate limits', () => {
  const f = fixture();
  f.cn.models.get('DescribeThingRequest')!.fields.push(
    { name: 'Fps', type: { k: 'number' }, required: false, doc: '帧率，取值范围[1, 60]。', deprecated: false },
    { name: 'Mode', type: { k: 'number' }, required: false, doc: '0 关闭，1 开启', deprecated: false },
    { name: 'From', type: { k: 'number' }, required: false, doc: '开始时间，unix时间戳，单位为秒', deprecated: false },
  );
  f.tables = {
    ...f.tables,
    fieldFacts: { 'DescribeThingRequest.Mode': { values: [{ value: 0, en: 'Off', zh: '关' }, { value: 1, en: 'On', zh: '开' }], source: 'https://example.com/mode' } },
    regionFacts: { DescribeThing: { regions: ['ap-singapore', 'ap-guangzhou'], sources: ['https://example.com/regions'] } },
    rateFacts: { StopThing: { perSecond: 5, source: 'https://example.com/rate' } },
  };
  const r = report();
  const catalog = buildCatalog(f.cn, f.intl, r, f.tables);
  const [describe, stop] = catalog.actions;
  const field = (name: string) => describe!.input.find((x) => x.name === name)!;
  assert.deepEqual(field('Fps').range, { min: 1, max: 60 });
  assert.deepEqual(field('Mode').enum, [
    { value: 0, label: { en: 'Off', zh: '关' } },
    { value: 1, label: { en: 'On', zh: '开' } },
  ]);
  assert.equal(field('Mode').flag, true);
  assert.equal(field('From').time, 'unix-s');
  assert.deepEqual(describe!.regions, ['ap-guangzhou', 'ap-singapore']);
  assert.equal(describe!.rateLimitPerSecond, undefined);
  assert.equal(stop!.rateLimitPerSecond, 5);
  assert.equal(r.factCount, 2);
});

test('the action a retired data source took offline is marked deprecated from its description', () => {
  const f = fixture();
  f.cn.actions.get('DescribeThing')!.doc = '云监控monitor接口已下线，trtc同步下线接口\n\n查询东西';
  const catalog = buildCatalog(f.cn, f.intl, report(), f.tables);
  assert.equal(catalog.actions[0]!.deprecated, true);
  assert.equal(catalog.actions[1]!.deprecated, undefined);
});

test('the supplement is refused once an SDK declares what it adds', () => {
  const where = locateSdks();
  const cn = readCnSdk(where.cn.dir, where.cn.version);
  const intl = readIntlSdk(where.intl.dir, where.intl.version);
  intl.actions.set('QueryAIMessageList', { name: 'QueryAIMessageList', doc: '', input: 'X', output: 'Y', deprecated: false });
  assert.throws(() => applySupplement(cn, intl), /QueryAIMessageList is now in an SDK/);
});

test('the generated catalog is what the generator makes from the installed SDKs', () => {
  const where = locateSdks();
  const cn = readCnSdk(where.cn.dir, where.cn.version);
  const intl = readIntlSdk(where.intl.dir, where.intl.version);
  assert.equal(cn.actions.size, 78);
  applySupplement(cn, intl);
  const r = report();
  const fresh = buildCatalog(cn, intl, r, DEFAULT_TABLES);
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(fresh, getCatalog(), 'generated/catalog.json is stale: run node --import tsx scripts/catalog/generate.ts');
  const text = renderCatalog(fresh);
  assert.deepEqual(JSON.parse(text), fresh);
  assert.ok(!text.includes('\n'), 'the JSON is not pretty-printed');
});
