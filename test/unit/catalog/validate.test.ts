import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAction, findStruct, getCatalog } from '../../../src/core/catalog/catalog';
import type { FieldInfo, FieldType } from '../../../src/core/catalog/types';
import { describeType, schemaFor, validateParams, type ValidateOptions, type ValidationIssue } from '../../../src/core/catalog/validate';
import { InputError } from '../../../src/core/errors';
import { LosslessNumber, parseJson, type JsonObject, type JsonValue } from '../../../src/core/json';
import { readShared } from './specFiles';

/** The parts of issues these tests compare; the localized texts have tests of their own. */
type Brief = Pick<ValidationIssue, 'path' | 'code' | 'message'> & { suggestion?: string };

function brief(issues: ValidationIssue[]): Brief[] {
  return issues.map(({ path, code, message, suggestion }) => (suggestion === undefined ? { path, code, message } : { path, code, message, suggestion }));
}

function check(action: string, json: string, options?: ValidateOptions): Brief[] {
  return brief(validateParams(action, parseJson(json) as JsonObject, options));
}

const RECORDING_BASE = {
  SdkAppId: 1400000001,
  RoomId: '1234',
  UserId: 'recorder_1',
  UserSig: 'sig',
  RecordParams: { RecordMode: 2 },
  StorageParams: {},
};

function recording(extra: Record<string, unknown>): string {
  return JSON.stringify({ ...RECORDING_BASE, ...extra });
}

test('a well-formed request has no issues', () => {
  assert.deepEqual(check('DismissRoom', '{"SdkAppId":1400000001,"RoomId":1001}'), []);
  assert.deepEqual(check('CreateCloudRecording', recording({})), []);
});

test('missing required parameters are reported at their path, nested ones too', () => {
  assert.deepEqual(check('DismissRoom', '{"SdkAppId":1400000001}'), [
    { path: 'RoomId', code: 'missing', message: 'Required parameter RoomId is missing.' },
  ]);
  assert.deepEqual(check('CreateCloudRecording', recording({ RecordParams: {} })), [
    { path: 'RecordParams.RecordMode', code: 'missing', message: 'Required parameter RecordParams.RecordMode is missing.' },
  ]);
  const { StorageParams: _omitted, ...withoutStorage } = RECORDING_BASE;
  assert.deepEqual(check('CreateCloudRecording', JSON.stringify(withoutStorage)), [
    { path: 'StorageParams', code: 'missing', message: 'Required parameter StorageParams is missing.' },
  ]);
  const layout = { MixLayoutMode: 4, MixLayoutList: [{ Top: 0, Left: 0, Width: 320, Height: 240 }, { Top: 0, Left: 0, Width: 320 }] };
  assert.deepEqual(check('CreateCloudRecording', recording({ MixLayoutParams: layout })), [
    {
      path: 'MixLayoutParams.MixLayoutList[1].Height',
      code: 'missing',
      message: 'Required parameter MixLayoutParams.MixLayoutList[1].Height is missing.',
    },
  ]);
});

test('wrong types say what was expected and what was given', () => {
  assert.deepEqual(check('DismissRoom', '{"SdkAppId":"1400000001","RoomId":1001}'), [
    {
      path: 'SdkAppId',
      code: 'type',
      message: 'SdkAppId should be an integer (uint64), but is the string "1400000001".',
      suggestion: '1400000001',
    },
  ]);
  assert.deepEqual(check('DismissRoomByStrRoomId', '{"SdkAppId":1400000001,"RoomId":1001}'), [
    { path: 'RoomId', code: 'type', message: 'RoomId should be a string, but is 1001.', suggestion: '1001' },
    // The twin rule adds which action takes a numeric room id.
    { path: 'RoomId', code: 'twin', message: 'DismissRoomByStrRoomId takes a string room id, but 1001 is a number.' },
  ]);
  assert.deepEqual(check('CreateCloudRecording', recording({ RecordParams: 'x' })), [
    { path: 'RecordParams', code: 'type', message: 'RecordParams should be an object (RecordParams), but is the string "x".' },
  ]);
  assert.deepEqual(check('RemoveUser', '{"SdkAppId":1,"RoomId":1,"UserIds":"u1"}'), [
    { path: 'UserIds', code: 'type', message: 'UserIds should be an array of string values, but is the string "u1".' },
  ]);
  assert.deepEqual(check('RemoveUser', '{"SdkAppId":1,"RoomId":1,"UserIds":["u1",2,null]}'), [
    { path: 'UserIds[1]', code: 'type', message: 'UserIds[1] should be a string, but is 2.', suggestion: '2' },
    { path: 'UserIds[2]', code: 'type', message: 'UserIds[2] should be a string, but is null.' },
  ]);
  assert.deepEqual(check('CreateCloudRecording', recording({ MixLayoutParams: { MixLayoutMode: 4, MixLayoutList: {} } })), [
    {
      path: 'MixLayoutParams.MixLayoutList',
      code: 'type',
      message: 'MixLayoutParams.MixLayoutList should be an array of MixLayout objects, but is an object.',
    },
  ]);
  assert.deepEqual(check('CreateCloudRecording', recording({ MixLayoutParams: { MixLayoutMode: 4, PureAudioDisableLayout: 'true' } })), [
    {
      path: 'MixLayoutParams.PureAudioDisableLayout',
      code: 'type',
      message: 'MixLayoutParams.PureAudioDisableLayout should be true or false, but is the string "true".',
      suggestion: 'true',
    },
  ]);
  assert.deepEqual(check('UpdateStreamIngest', '{"SdkAppId":1,"TaskId":"t","Tempo":"1.5"}'), [
    { path: 'Tempo', code: 'type', message: 'Tempo should be a number, but is the string "1.5".', suggestion: '1.5' },
  ]);
  assert.deepEqual(check('UpdateStreamIngest', '{"SdkAppId":1,"TaskId":"t","Tempo":1.25}'), []);
});

test('integers are checked against the range of their width, as numbers or exact big numbers', () => {
  assert.deepEqual(check('DismissRoom', '{"SdkAppId":-1,"RoomId":1001}'), [
    {
      path: 'SdkAppId',
      code: 'range',
      message: 'SdkAppId is out of range for uint64 (0 to 18446744073709551615), but is -1.',
    },
  ]);
  assert.deepEqual(check('DismissRoom', '{"SdkAppId":1,"RoomId":18446744073709551615}'), []);
  assert.deepEqual(check('DismissRoom', '{"SdkAppId":1,"RoomId":18446744073709551616}'), [
    {
      path: 'RoomId',
      code: 'range',
      message: 'RoomId is out of range for uint64 (0 to 18446744073709551615), but is 18446744073709551616.',
    },
  ]);
  // StartTime of the real-time dashboards is a signed 64-bit integer.
  const realtime = (start: string) => `{"SdkAppId":"1","StartTime":${start},"EndTime":1700000000}`;
  assert.deepEqual(check('DescribeTRTCRealTimeQualityData', realtime('-5')), []);
  assert.deepEqual(check('DescribeTRTCRealTimeQualityData', realtime('9223372036854775807')), []);
  assert.deepEqual(check('DescribeTRTCRealTimeQualityData', realtime('9223372036854775808')), [
    {
      path: 'StartTime',
      code: 'range',
      message: 'StartTime is out of range for int64 (-9223372036854775808 to 9223372036854775807), but is 9223372036854775808.',
    },
  ]);
  // Plain numbers built in code are checked the same way as parsed ones.
  assert.deepEqual(brief(validateParams('DismissRoom', { SdkAppId: 1, RoomId: new LosslessNumber('12345678901234567890') })), []);
  assert.deepEqual(brief(validateParams('DismissRoom', { SdkAppId: 1, RoomId: 2 ** 64 })), [
    {
      path: 'RoomId',
      code: 'range',
      message: 'RoomId is out of range for uint64 (0 to 18446744073709551615), but is 18446744073709551616.',
    },
  ]);
});

test('non-integers in integer fields are type errors, with the whole number offered when there is one', () => {
  assert.deepEqual(check('DismissRoom', '{"SdkAppId":1,"RoomId":1.5}'), [
    { path: 'RoomId', code: 'type', message: 'RoomId should be an integer (uint64), but is 1.5.' },
  ]);
  // In JSON text `1e3` is read as the plain number 1000 and sent as 1000, so it is fine; an exact
  // number written with an exponent would reach the API as such, which its integer parser refuses.
  assert.deepEqual(check('DismissRoom', '{"SdkAppId":1,"RoomId":1e3}'), []);
  assert.deepEqual(brief(validateParams('DismissRoom', { SdkAppId: 1, RoomId: new LosslessNumber('1e3') })), [
    { path: 'RoomId', code: 'type', message: 'RoomId should be an integer (uint64), but is 1e3.', suggestion: '1000' },
  ]);
  assert.deepEqual(brief(validateParams('DismissRoom', { SdkAppId: 1, RoomId: Number.NaN })), [
    { path: 'RoomId', code: 'type', message: 'RoomId should be an integer (uint64), but is NaN.' },
  ]);
});

test('unknown parameter names are reported, with the nearest known name as a suggestion', () => {
  assert.deepEqual(check('DismissRoom', '{"SdkAppId":1,"RoomId":1,"RoomID":2}'), [
    { path: 'RoomID', code: 'unknown', message: 'Unknown parameter RoomID.', suggestion: 'RoomId' },
  ]);
  assert.deepEqual(check('DismissRoom', '{"SdkAppId":1,"RomId":1}'), [
    { path: 'RoomId', code: 'missing', message: 'Required parameter RoomId is missing.' },
    { path: 'RomId', code: 'unknown', message: 'Unknown parameter RomId.', suggestion: 'RoomId' },
  ]);
  assert.deepEqual(check('CreateCloudRecording', recording({ RecordParams: { RecordMode: 1, MaxIdelTime: 30, Colour: 'red' } })), [
    { path: 'RecordParams.MaxIdelTime', code: 'unknown', message: 'Unknown parameter RecordParams.MaxIdelTime.', suggestion: 'MaxIdleTime' },
    { path: 'RecordParams.Colour', code: 'unknown', message: 'Unknown parameter RecordParams.Colour.' },
  ]);
  assert.deepEqual(
    check('CreateCloudRecording', recording({ MixLayoutParams: { MixLayoutMode: 4, MixLayoutList: [{ Top: 0, Left: 0, Width: 1, Height: 1, userid: 'a' }] } })),
    [
      {
        path: 'MixLayoutParams.MixLayoutList[0].userid',
        code: 'unknown',
        message: 'Unknown parameter MixLayoutParams.MixLayoutList[0].userid.',
        suggestion: 'UserId',
      },
    ],
  );
});

test('required strings and arrays must not be empty; optional ones may be', () => {
  assert.deepEqual(check('DismissRoomByStrRoomId', '{"SdkAppId":1,"RoomId":""}'), [
    { path: 'RoomId', code: 'empty', message: 'RoomId must not be empty.' },
  ]);
  assert.deepEqual(check('RemoveUser', '{"SdkAppId":1,"RoomId":1,"UserIds":[]}'), [
    { path: 'UserIds', code: 'empty', message: 'UserIds must not be empty.' },
  ]);
  assert.deepEqual(check('RemoveUser', '{"SdkAppId":1,"RoomId":1,"UserIds":["a",""]}'), [
    { path: 'UserIds[1]', code: 'empty', message: 'UserIds[1] must not be empty.' },
  ]);
  assert.deepEqual(check('CreateCloudRecording', recording({ PrivateMapKey: '' })), []);
});

test('values outside a listed enumeration are rejected, with a case fix offered', () => {
  assert.deepEqual(check('CreateCloudRecording', recording({ RecordParams: { RecordMode: 3 } })), [
    { path: 'RecordParams.RecordMode', code: 'enum', message: 'RecordParams.RecordMode should be one of 1, 2, but is 3.' },
  ]);
  const tts = (emotion: string) => JSON.stringify({ Text: 'hi', Voice: { VoiceId: 'v', Emotion: emotion }, SdkAppId: 1 });
  assert.deepEqual(check('TextToSpeech', tts('happy')), []);
  assert.deepEqual(check('TextToSpeech', tts('Happy')), [
    {
      path: 'Voice.Emotion',
      code: 'enum',
      message: 'Voice.Emotion should be one of happy, sad, angry, fearful, disgusted, surprised, calm, fluent, whisper, but is Happy.',
      suggestion: 'happy',
    },
  ]);
});

test('date fields must be real days written as YYYY-MM-DD', () => {
  const market = (start: string) => JSON.stringify({ SdkAppId: '1400000001', StartTime: start, EndTime: '2024-03-01', Period: 'd' });
  assert.deepEqual(check('DescribeTRTCMarketQualityData', market('2024-02-29')), []);
  assert.deepEqual(check('DescribeTRTCMarketQualityData', market('2024/02/01')), [
    { path: 'StartTime', code: 'format', message: 'StartTime should be a date as YYYY-MM-DD, but is the string "2024/02/01".' },
  ]);
  assert.deepEqual(check('DescribeTRTCMarketQualityData', market('2023-02-29')), [
    { path: 'StartTime', code: 'format', message: 'StartTime should be a date as YYYY-MM-DD, but is the string "2023-02-29".' },
  ]);
  assert.deepEqual(check('DescribeTRTCMarketQualityData', market('')), [
    { path: 'StartTime', code: 'empty', message: 'StartTime must not be empty.' },
  ]);
});

test('variable references stand in for any scalar only when allowed', () => {
  const json = '{"SdkAppId":"{{SdkAppId}}","RoomId":1001}';
  assert.deepEqual(check('DismissRoom', json, { allowVariables: true }), []);
  assert.equal(check('DismissRoom', json)[0]?.code, 'type');
});

test('parameters that are not an object, and unknown actions, are refused clearly', () => {
  assert.deepEqual(brief(validateParams('DismissRoom', [] as unknown as JsonObject)), [
    { path: '', code: 'type', message: 'The parameters should be a JSON object, but are an array.' },
  ]);
  assert.throws(() => validateParams('DismissRooms', {}), (e: unknown) => e instanceof InputError && /Unknown action DismissRooms/.test(e.message));
  // Action names are matched without regard to case, like the command line accepts them.
  assert.deepEqual(brief(validateParams('dismissroom', { SdkAppId: 1, RoomId: 1 })), []);
});

test('schemas are built once per action and shared', () => {
  assert.equal(schemaFor('CreateCloudRecording'), schemaFor('CreateCloudRecording'));
  assert.notEqual(schemaFor('CreateCloudRecording'), schemaFor('CreateCloudRecording', 'output'));
});

test('describeType names types compactly', () => {
  const t = (type: FieldType) => describeType(type);
  assert.equal(t({ kind: 'integer', width: 'uint64' }), 'uint64');
  assert.equal(t({ kind: 'integer', width: 'int64' }), 'int64');
  assert.equal(t({ kind: 'string' }), 'string');
  assert.equal(t({ kind: 'date' }), 'date');
  assert.equal(t({ kind: 'array', items: { kind: 'string' } }), 'array of string');
  assert.equal(t({ kind: 'array', items: { kind: 'object', struct: 'MixLayout' } }), 'MixLayout[]');
  assert.equal(t({ kind: 'object', struct: 'RecordParams' }), 'RecordParams');
  const list = findStruct('MixLayoutParams')!.fields.find((f) => f.name === 'MixLayoutList')!;
  assert.equal(describeType(list.type), 'MixLayout[]');
});

/** Builds JSON params from a GET-style example (`&Name=value`, `&List.0=value`), typed by the catalog. */
function paramsFromQuery(action: string, lines: string[]): JsonObject {
  const root: JsonObject = {};
  for (const line of lines) {
    const m = /^&?([\w.]+)=(.*)$/.exec(line.trim());
    if (!m || m[1] === 'Action') continue;
    const segments = m[1]!.split('.');
    let fields: readonly FieldInfo[] = findAction(action)!.input;
    let target: JsonObject | JsonValue[] = root;
    let type: FieldType | undefined;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const isIndex = /^\d+$/.test(seg);
      type = isIndex ? type?.items : fields.find((f) => f.name === seg)?.type;
      const last = i === segments.length - 1;
      const key: string | number = isIndex ? Number(seg) : seg;
      if (last) {
        const raw = m[2]!;
        const value: JsonValue =
          type?.kind === 'integer' || type?.kind === 'float' ? (parseJson(raw) as JsonValue) : type?.kind === 'boolean' ? raw === 'true' : raw;
        (target as Record<string | number, JsonValue>)[key] = value;
      } else {
        const container = target as Record<string | number, JsonValue>;
        container[key] ??= type?.kind === 'array' ? [] : {};
        target = container[key] as JsonObject | JsonValue[];
        if (type?.kind === 'object') fields = findStruct(type.struct!)!.fields;
      }
    }
  }
  return root;
}

/** Examples of the tccli spec whose request cannot be read; each with the reason. */
const UNREADABLE_EXAMPLES: Record<string, string> = {
  'examples.intl-en.json ControlAIConversation "Send Broadcast Text"':
    'its body has a bare line of text inside the ServerPushText object, so it is not JSON',
  'examples.intl-en.json QueryAIMessageList "Contextual information is associated with the input task ID."':
    'its body lacks the comma between SdkAppId and TaskId, so it is not JSON',
  'examples.intl-en.json QueryAIMessageList "No context information is available for the input task ID."':
    'its body lacks the comma between SdkAppId and TaskId, so it is not JSON',
};

/**
 * Examples of the tccli files that break one of TRTC's documented rules, each with the issues it
 * gets and why the rule stands: these examples disagree with their own action's documentation.
 */
const EXAMPLES_AGAINST_THE_RULES: Record<string, { issues: string[]; why: string }> = {
  'examples.json CreateLiveStreamModeration "创建直播流审核任务"': {
    issues: ['range LiveModerationParams.SliceAudio'],
    why: 'SliceAudio 1 is below the documented [5, 60] seconds',
  },
  'examples.json DescribeTrtcRoomUsage "查询TRTC音视频房间维度用量"': { issues: ['window StartTime'], why: 'January 2023 is before the first day with data, 2023-04-01' },
  'examples.intl-en.json DescribeTrtcRoomUsage "Querying usage data grouped by room"': {
    issues: ['window StartTime'],
    why: 'January 2023 is before the first day with data, 2023-04-01',
  },
  'examples.intl-en.json StartStreamIngest "Push an online media stream to the TRTC room."': {
    issues: ['roomType RoomIdType'],
    why: 'RoomIdType 1 means a 32-bit numeric room for this action (both SDKs and the Chinese example agree), but the room is "room123"',
  },
};

/** The usage examples ask for January 1 to 2 in their title but put the 2nd in StartTime. */
const SWAPPED_USAGE_EXAMPLES = ['DescribeMixTranscodingUsage', 'DescribeRecordingUsage', 'DescribeRelayUsage', 'DescribeTrtcUsage'];

test('the request examples of both tccli example files validate clean, except where they contradict their documentation', () => {
  type Examples = { actions: Record<string, Array<{ title: string; input: string }>> };
  let checked = 0;
  const unreadable: string[] = [];
  const failures: Record<string, string[]> = {};
  const warned: string[] = [];
  for (const file of ['examples.json', 'examples.intl-en.json']) {
    for (const [action, list] of Object.entries(readShared<Examples>(file).actions)) {
      for (const example of list) {
        const id = `${file} ${action} ${JSON.stringify(example.title)}`;
        let params: JsonObject;
        if (example.input.startsWith('POST')) {
          // The body starts at the first line opening an object; one example has no blank line before it.
          const body = example.input.slice(example.input.search(/^\{/m));
          try {
            params = parseJson(body) as JsonObject;
          } catch {
            unreadable.push(id);
            continue;
          }
        } else {
          params = paramsFromQuery(action, example.input.split('\n').slice(1));
        }
        checked++;
        const issues = validateParams(action, params);
        const errors = issues.filter((i) => i.severity === 'error');
        if (errors.length) failures[id] = errors.map((i) => `${i.code} ${i.path}`);
        if (issues.length > errors.length) warned.push(id);
      }
    }
  }
  const swapped = Object.keys(failures).filter((id) => SWAPPED_USAGE_EXAMPLES.some((a) => id.includes(` ${a} `)));
  assert.equal(swapped.length, 8, 'the four usage actions, in both files');
  for (const id of swapped) assert.deepEqual(failures[id], ['window StartTime'], id);
  const rest = Object.fromEntries(Object.entries(failures).filter(([id]) => !swapped.includes(id)));
  assert.deepEqual(rest, Object.fromEntries(Object.entries(EXAMPLES_AGAINST_THE_RULES).map(([id, e]) => [id, e.issues])));
  // An all-digit RoomId with RoomIdType 1 (a string room for StartAITranscription) is only worth a warning.
  assert.deepEqual(warned.map((id) => id.split(' ')[1]).sort(), ['StartAITranscription', 'StartAITranscription']);
  assert.deepEqual(unreadable.sort(), Object.keys(UNREADABLE_EXAMPLES).sort());
  assert.equal(checked, 88 + getCatalogIntlExampleCount() - unreadable.length);
});

function getCatalogIntlExampleCount(): number {
  type Examples = { actions: Record<string, unknown[]> };
  return Object.values(readShared<Examples>('examples.intl-en.json').actions).reduce((n, l) => n + l.length, 0);
}

test('every action of the catalog has a buildable schema', () => {
  for (const a of getCatalog().actions) {
    assert.ok(schemaFor(a.name), a.name);
    assert.ok(schemaFor(a.name, 'output'), a.name);
  }
});
