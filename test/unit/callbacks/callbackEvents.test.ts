import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CALLBACK_EVENTS,
  CALLBACK_GROUPS,
  findCallbackEvent,
  sampleEvent,
  serializeCallbackBody,
  signCallback,
  verifyCallback,
  type CallbackField,
} from '../../../src/core/callbacks';
import { InputError } from '../../../src/core/errors';
import { isJsonObject, parseJson, stringifyJson, type JsonObject } from '../../../src/core/json';

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

test('the catalog holds exactly the documented event types, each in a known group', () => {
  const expected = [...range(101, 105), ...range(201, 206), ...range(301, 312), 401, 701, 702, ...range(801, 804)];
  assert.deepEqual(
    CALLBACK_EVENTS.map((e) => e.type),
    expected,
  );
  for (const e of CALLBACK_EVENTS) {
    assert.equal(Math.floor(e.type / 100), e.groupId, `${e.type} is in group ${e.groupId}`);
    assert.ok(CALLBACK_GROUPS.some((g) => g.id === e.groupId));
    assert.match(e.constant, /^EVENT_TYPE_[A-Z0-9_]+$/);
    assert.ok(e.description.length > 10 && e.descriptionZh.length > 3, `${e.type} has descriptions`);
    for (const field of e.fields) {
      assert.ok(field.description && field.descriptionZh, `${e.type}.${field.name} has descriptions`);
    }
  }
  assert.equal(findCallbackEvent(204)?.constant, 'EVENT_TYPE_STOP_AUDIO');
  assert.equal(findCallbackEvent(999), undefined);
});

function checkFields(where: string, value: JsonObject, fields: readonly CallbackField[]): void {
  const listed = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(value)) {
    assert.ok(listed.has(key), `${where}.${key} is in the catalog`);
  }
  for (const field of fields) {
    if (!(field.name in value)) {
      continue;
    }
    const v = value[field.name];
    const ok =
      field.type === 'Number'
        ? typeof v === 'number'
        : field.type === 'String'
          ? typeof v === 'string'
          : field.type === 'String/Number'
            ? typeof v === 'string' || typeof v === 'number'
            : field.type === 'Array'
              ? Array.isArray(v)
              : isJsonObject(v);
    assert.ok(ok, `${where}.${field.name} is a ${field.type}`);
    if (field.fields && field.fields.length > 0 && isJsonObject(v)) {
      checkFields(`${where}.${field.name}`, v, field.fields);
    }
    if (field.fields && field.fields.length > 0 && Array.isArray(v)) {
      v.forEach((item, i) => isJsonObject(item) && checkFields(`${where}.${field.name}[${i}]`, item, field.fields as CallbackField[]));
    }
  }
}

test('every event type has a sample that matches the catalog and round-trips through serialize, sign and verify', () => {
  for (const e of CALLBACK_EVENTS) {
    const body = sampleEvent(e.type, { now: 1700000000123, roomId: 'room_1', userId: 'alice' });
    assert.equal(body.EventType, e.type);
    assert.equal(body.EventGroupId, e.groupId);
    const tsField = e.groupId === 7 ? 'CallbackMsTs' : 'CallbackTs';
    assert.equal(body[tsField], 1700000000123, `${e.type} carries ${tsField}`);
    assert.deepEqual(Object.keys(body), ['EventGroupId', 'EventType', tsField, 'EventInfo']);
    const info = body.EventInfo;
    assert.ok(isJsonObject(info));
    checkFields(String(e.type), info, e.fields);
    if (e.fields.length > 0 && !e.fieldsNote) {
      for (const field of e.fields) {
        assert.ok(field.name in info, `${e.type} sample has ${field.name}`);
      }
    }

    const text = serializeCallbackBody(body);
    assert.deepEqual(parseJson(text), body);
    assert.equal(text.includes('\n\t"EventInfo":\t{'), true);
    const sign = signCallback(text, 'k3y');
    assert.equal(verifyCallback({ body: text, sign, key: 'k3y' }).valid, true);
    assert.equal(verifyCallback({ body: stringifyJson(body), sign, key: 'k3y' }).valid, false);
  }
});

test('samples take the room, user, task and extra fields given', () => {
  const enter = sampleEvent(103, { now: new Date(1700000000500), roomId: 42, userId: 'bob' });
  assert.deepEqual(enter.EventInfo, {
    RoomId: 42,
    EventTs: 1700000000,
    EventMsTs: 1700000000492,
    UserId: 'bob',
    UniqueId: 1700000000492,
    Role: 20,
    TerminalType: 3,
    UserType: 3,
    Reason: 1,
  });
  const relay = sampleEvent(401, { roomId: 'abc', taskId: 't-1', eventInfo: { Extra: true } });
  assert.ok(isJsonObject(relay.EventInfo));
  assert.equal(relay.EventInfo.RoomType, 1);
  assert.equal(relay.EventInfo.TaskId, 't-1');
  assert.equal(relay.EventInfo.Extra, true);
  const rec = sampleEvent(301, { roomId: 7 });
  assert.ok(isJsonObject(rec.EventInfo));
  assert.equal(rec.EventInfo.RoomId, '7');
  assert.throws(() => sampleEvent(150), (e: unknown) => e instanceof InputError && /no callback event type 150/.test(e.message));
});

test('nested arrays and empty objects follow the same layout rules', () => {
  const text = serializeCallbackBody({ a: [1, 'x', true], b: {}, c: [{ d: null }], e: { f: {} } });
  assert.equal(text, '{\n\t"a":\t[1, "x", true],\n\t"b":\t{\n\t},\n\t"c":\t[{\n\t\t\t"d":\tnull\n\t\t}],\n\t"e":\t{\n\t\t"f":\t{\n\t\t}\n\t}\n}');
  assert.equal(serializeCallbackBody({}), '{\n}');
  assert.equal(serializeCallbackBody(parseJson('{"n":12345678901234567890}')), '{\n\t"n":\t12345678901234567890\n}');
});
