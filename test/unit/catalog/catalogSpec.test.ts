import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../../src/core/catalog/catalog';
import type { FieldInfo, FieldType } from '../../../src/core/catalog/types';
import { readShared, type Spec, type SpecMember } from './specFiles';

/**
 * The catalog is generated from the SDK packages; the tccli spec files are an independent record
 * of the same API. Every difference between them must be listed here with its reason, and every
 * listed difference must still occur, so the list cannot silently go stale.
 */
const ALLOWED_DIFFERENCES: ReadonlyArray<{ reason: string; diffs: readonly string[] }> = [
  {
    reason:
      'supplement.ts adds this member for the international site (its spec lists it, neither SDK declares it yet); ' +
      'the CN spec does not have it',
    diffs: ['cn CloudStorage.EndpointUrl: only in the catalog'],
  },
  {
    reason:
      'the CN SDK (4.1.300) declares it and the catalog follows the CN SDK; the international spec does not list it, ' +
      'being older for these structures',
    diffs: [
      'intl AlignmentItem.Text: only in the catalog',
      'intl AlignmentItem.Words: only in the catalog',
      'intl AudioEncodeParams.Volume: only in the catalog',
      'intl DescribeCloudRecordingRequest.RecorderKey: only in the catalog',
      'intl DescribeCloudRecordingResponse.RecorderKey: only in the catalog',
      'intl InvokeLLM.ExperimentalParams: only in the catalog',
      'intl McuLayout.EnableStreamSEI: only in the catalog',
      'intl McuLayoutParams.EnableStreamSEI: only in the catalog',
      'intl RecognizeConfig.Model: only in the catalog',
      'intl RecognizeConfig.TranslationLanguage: only in the catalog',
      'intl STTConfig.HotWordList: only in the catalog',
      'intl SliceParams.SliceImageType: only in the catalog',
      'intl StartAIConversationRequest.AvatarConfig: only in the catalog',
      'intl StartStreamIngestRequest.EnableProgress: only in the catalog',
      'intl StartStreamIngestRequest.IdleTimeout: only in the catalog',
      'intl StartStreamIngestRequest.Tempo: only in the catalog',
      'intl StopPublishCdnStreamRequest.RecordKey: only in the catalog',
      'intl TextToSpeechRequest.ExtraParams: only in the catalog',
      'intl TextToSpeechSSERequest.ExtraParams: only in the catalog',
      'intl TranscriptionParams.IMAdminUserId: only in the catalog',
      'intl TranscriptionParams.IMAdminUserSig: only in the catalog',
      'intl TranscriptionParams.TargetUserIdList: only in the catalog',
      'intl TrtcUsage.TimeStampKey: only in the catalog',
      'intl UpdateStreamIngestRequest.EnableProgress: only in the catalog',
      'intl UpdateStreamIngestRequest.Tempo: only in the catalog',
      'intl Voice.Emotion: only in the catalog',
      'intl VoiceCloneRequest.ExtraParams: only in the catalog',
      'intl WaterMarkChar.Font: only in the catalog',
      'intl WaterMarkTimestamp.Font: only in the catalog',
    ],
  },
  {
    reason:
      'the international spec marks it required, the CN SDK and spec optional; the catalog follows the CN SDK, ' +
      'so validation never rejects what one of the sites accepts',
    diffs: ['intl CreateCloudModerationRequest.ModerationStorageParams: required in the spec, optional in the catalog'],
  },
];

const SCALARS: Record<string, string> = {
  uint64: 'integer uint64',
  int64: 'integer int64',
  float: 'float',
  string: 'string',
  bool: 'boolean',
  date: 'date',
};

/** A spec member's type in our vocabulary: int/uint64 → integer uint64, list/X → array of X, object/X → struct X. */
function specType(m: SpecMember): string {
  const scalar = (member: string) => SCALARS[member] ?? `struct ${member}`;
  if (m.type === 'list') return `array of ${scalar(m.member)}`;
  if (m.type === 'object') return `struct ${m.member}`;
  return scalar(m.member);
}

function catalogType(t: FieldType): string {
  switch (t.kind) {
    case 'array':
      return `array of ${catalogType(t.items!)}`;
    case 'object':
      return `struct ${t.struct}`;
    case 'integer':
      return `integer ${t.width}`;
    default:
      return t.kind;
  }
}

/** Every difference between the catalog and one spec, for inputs (with required flags) and outputs. */
function differences(site: 'cn' | 'intl', spec: Spec): string[] {
  const catalog = getCatalog();
  const diffs: string[] = [];
  const seen = new Set<string>();
  const compare = (owner: string, members: SpecMember[], fields: FieldInfo[], input: boolean) => {
    for (const m of members) {
      const f = fields.find((x) => x.name === m.name);
      if (!f) {
        diffs.push(`${site} ${owner}.${m.name}: only in the spec (${specType(m)})`);
        continue;
      }
      if (catalogType(f.type) !== specType(m)) {
        diffs.push(`${site} ${owner}.${m.name}: type ${specType(m)} in the spec, ${catalogType(f.type)} in the catalog`);
      }
      if (input && Boolean(m.required) !== Boolean(f.required)) {
        diffs.push(
          `${site} ${owner}.${m.name}: ${m.required ? 'required' : 'optional'} in the spec, ${f.required ? 'required' : 'optional'} in the catalog`,
        );
      }
      let t = f.type;
      while (t.kind === 'array') t = t.items!;
      const nested = t.kind === 'object' ? t.struct! : undefined;
      if (nested && spec.objects[nested] && catalog.structs[nested] && !seen.has(`${input}:${nested}`)) {
        seen.add(`${input}:${nested}`);
        compare(nested, spec.objects[nested].members, catalog.structs[nested].fields, input);
      } else if (nested && !catalog.structs[nested]) {
        diffs.push(`${site} ${owner}.${m.name}: structure ${nested} missing from the catalog`);
      }
    }
    for (const f of fields) {
      if (!members.some((m) => m.name === f.name)) diffs.push(`${site} ${owner}.${f.name}: only in the catalog`);
    }
  };
  for (const [name, a] of Object.entries(spec.actions)) {
    const action = catalog.actions.find((x) => x.name === name);
    if (!action) {
      diffs.push(`${site} ${name}: action missing from the catalog`);
      continue;
    }
    compare(a.input, spec.objects[a.input]!.members, action.input, true);
    compare(a.output, spec.objects[a.output]!.members, action.output, false);
  }
  return diffs;
}

const cn = readShared<Spec>('api.json');
const intl = readShared<Spec>('api.intl-en.json');

test('the catalog has the 81 actions of both specs: 78 CN and 3 international-only', () => {
  const catalog = getCatalog();
  const names = catalog.actions.map((a) => a.name).sort();
  const expected = [...new Set([...Object.keys(cn.actions), ...Object.keys(intl.actions)])].sort();
  assert.deepEqual(names, expected);
  assert.equal(names.length, 81);
  assert.equal(Object.keys(cn.actions).length, 78);
  const intlOnly = names.filter((n) => !cn.actions[n]);
  assert.deepEqual(intlOnly, ['QueryAIMessageList', 'SetUserBlocked', 'SetUserBlockedByStrRoomId']);
});

test('availability says on which sites the specs offer each action', () => {
  for (const a of getCatalog().actions) {
    const expected = cn.actions[a.name] && intl.actions[a.name] ? 'both' : cn.actions[a.name] ? 'cn' : 'intl';
    assert.equal(a.availability, expected, a.name);
    assert.equal(Boolean(a.docUrl.cn), expected !== 'intl', `${a.name} CN page`);
    assert.equal(Boolean(a.docUrl.intl), expected !== 'cn', `${a.name} international page`);
  }
});

test('exactly the actions the CN spec marks deprecated are deprecated', () => {
  const deprecated = getCatalog()
    .actions.filter((a) => a.deprecated)
    .map((a) => a.name);
  const expected = Object.entries(cn.actions)
    .filter(([, a]) => a.status === 'deprecated')
    .map(([n]) => n);
  assert.deepEqual(deprecated, expected);
  assert.deepEqual(deprecated, ['DescribeTRTCMarketScaleMetricData']);
});

test('parameters, types, required flags and outputs match both specs, except the listed differences', () => {
  const found = [...differences('cn', cn), ...differences('intl', intl)].sort();
  const allowed = ALLOWED_DIFFERENCES.flatMap((g) => g.diffs).sort();
  const unexpected = found.filter((d) => !allowed.includes(d));
  const stale = allowed.filter((d) => !found.includes(d));
  assert.deepEqual(unexpected, [], 'differences not in the allow-list');
  assert.deepEqual(stale, [], 'allow-list entries that no longer occur');
});

test('the comparison does detect a changed type, required flag or name', () => {
  const catalog = getCatalog();
  const field = catalog.actions.find((a) => a.name === 'DismissRoom')!.input.find((f) => f.name === 'RoomId')!;
  const saved = { ...field };
  try {
    field.type = { kind: 'string' };
    field.required = false;
    const diffs = differences('cn', cn);
    assert.ok(diffs.includes('cn DismissRoomRequest.RoomId: type integer uint64 in the spec, string in the catalog'));
    assert.ok(diffs.includes('cn DismissRoomRequest.RoomId: required in the spec, optional in the catalog'));
    field.name = 'RoomID';
    const renamed = differences('cn', cn);
    assert.ok(renamed.includes('cn DismissRoomRequest.RoomId: only in the spec (integer uint64)'));
    assert.ok(renamed.includes('cn DismissRoomRequest.RoomID: only in the catalog'));
  } finally {
    Object.assign(field, saved);
  }
  assert.deepEqual(
    differences('cn', cn).filter((d) => d.includes('DismissRoomRequest')),
    [],
  );
});
