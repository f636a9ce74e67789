import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateParams, type ValidationIssue } from '../../../src/core/catalog/validate';
import type { JsonObject } from '../../../src/core/json';

function rules(action: string, params: JsonObject): ValidationIssue[] {
  return validateParams(action, params).filter((i) => i.rule);
}

test('a string room id given to a numeric-room action names its ...ByStrRoomId twin', () => {
  for (const [action, twin] of [
    ['DismissRoom', 'DismissRoomByStrRoomId'],
    ['RemoveUser', 'RemoveUserByStrRoomId'],
    ['SetUserBlocked', 'SetUserBlockedByStrRoomId'],
    ['StopMCUMixTranscode', 'StopMCUMixTranscodeByStrRoomId'],
  ] as const) {
    const [issue] = rules(action, { SdkAppId: 1400000001, RoomId: 'class_7', UserIds: ['u'], UserId: 'u', IsMute: 1 });
    assert.equal(issue?.rule, 'twin.numeric', action);
    assert.equal(issue!.severity, 'error');
    assert.equal(issue!.otherAction, twin);
    assert.equal(issue!.path, 'RoomId');
    assert.equal(issue!.fix!.en, `Call ${twin} for string rooms.`);
    assert.equal(issue!.messageZh, `${action} 只接受数字房间号，"class_7" 是字符串房间号。`);
  }
  // Digits in quotes are a type mistake for the numeric action, not a string room.
  assert.deepEqual(rules('DismissRoom', { SdkAppId: 1400000001, RoomId: '1001' }), []);
  assert.deepEqual(validateParams('DismissRoom', { SdkAppId: 1400000001, RoomId: 1001 }), []);
});

test('a number given to a string-room action names the numeric twin; all digits there is only a warning', () => {
  const [number] = rules('SetUserBlockedByStrRoomId', { SdkAppId: 1, StrRoomId: 1001 as unknown as string, UserId: 'u', IsMute: 1 });
  assert.equal(number!.rule, 'twin.string');
  assert.equal(number!.otherAction, 'SetUserBlocked');
  assert.equal(number!.path, 'StrRoomId');
  const [digits] = rules('DismissRoomByStrRoomId', { SdkAppId: 1, RoomId: '1001' });
  assert.equal(digits!.rule, 'twin.digits');
  assert.equal(digits!.severity, 'warning');
  assert.equal(digits!.otherAction, 'DismissRoom');
  // Where the documentation does not say the twin is for string rooms only, digits are left alone.
  assert.deepEqual(rules('RemoveUserByStrRoomId', { SdkAppId: 1, RoomId: '1001', UserIds: ['u'] }), []);
  assert.deepEqual(rules('DismissRoomByStrRoomId', { SdkAppId: 1, RoomId: 'class_7' }), []);
});

const RECORDING = { SdkAppId: 1400000001, UserId: 'recorder', UserSig: 's', RecordParams: { RecordMode: 1 }, StorageParams: {} };

test('RoomIdType must agree with the RoomId, read with each action\'s own meaning of 0 and 1', () => {
  // Recording: 0 is a string room, 1 (the default) a 32-bit numeric one.
  assert.deepEqual(rules('CreateCloudRecording', { ...RECORDING, RoomId: 'class_7', RoomIdType: 0 }), []);
  assert.deepEqual(rules('CreateCloudRecording', { ...RECORDING, RoomId: '1001', RoomIdType: 1 }), []);
  const defaulted = rules('CreateCloudRecording', { ...RECORDING, RoomId: 'class_7' });
  assert.deepEqual(
    defaulted.map((i) => [i.rule, i.path, i.suggestion]),
    [['roomType.notNumber', 'RoomIdType', '0']],
  );
  assert.equal(defaulted[0]!.message, 'RoomIdType is not given, which means a numeric room here, but RoomId "class_7" is not a number.');
  const tooLarge = rules('CreateCloudRecording', { ...RECORDING, RoomId: '4294967296', RoomIdType: 1 });
  assert.deepEqual(tooLarge.map((i) => i.rule), ['roomType.tooLarge']);
  const digits = rules('CreateCloudRecording', { ...RECORDING, RoomId: '1001', RoomIdType: 0 });
  assert.deepEqual(digits.map((i) => [i.rule, i.severity, i.suggestion]), [['roomType.digits', 'warning', '1']]);
  // Relaying: 0 is a numeric room, 1 a string one, the other way round.
  const cdn = { SdkAppId: 1, AgentParams: { UserId: 'a' }, WithTranscoding: 1 };
  assert.deepEqual(rules('StartPublishCdnStream', { ...cdn, RoomId: '1001', RoomIdType: 0 }), []);
  assert.deepEqual(rules('StartPublishCdnStream', { ...cdn, RoomId: 'class_7', RoomIdType: 1 }), []);
  const wrong = rules('StartPublishCdnStream', { ...cdn, RoomId: 'class_7', RoomIdType: 0 });
  assert.deepEqual(wrong.map((i) => [i.rule, i.suggestion]), [['roomType.notNumber', '1']]);
  assert.equal(wrong[0]!.message, 'RoomIdType 0 means a numeric room here, but RoomId "class_7" is not a number.');
  // The AI actions default to a numeric room when RoomIdType is left out.
  const ai = rules('StartAITranscription', { SdkAppId: 1, RoomId: 'class_7', TranscriptionParams: { UserId: 'bot', UserSig: 's' } });
  assert.deepEqual(ai.map((i) => i.rule), ['roomType.notNumber']);
});

test('RoomIdType is checked inside nested structures, at their path', () => {
  const mix = {
    SdkAppId: 1,
    RoomId: '1001',
    RoomIdType: 0,
    AgentParams: { UserId: 'a' },
    WithTranscoding: 1,
    AudioParams: { SubscribeAudioList: [{ UserInfo: { UserId: 'u1', RoomId: '1001', RoomIdType: 0 } }, { UserInfo: { UserId: 'u2', RoomId: 'pk_room', RoomIdType: 0 } }] },
    FeedBackRoomParams: [{ RoomId: 'back', RoomIdType: 1, UserId: 'b', UserSig: 's' }],
  };
  assert.deepEqual(
    rules('StartPublishCdnStream', mix).map((i) => i.path),
    ['AudioParams.SubscribeAudioList[1].UserInfo.RoomIdType'],
  );
});
