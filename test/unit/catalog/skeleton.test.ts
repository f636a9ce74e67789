import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../../src/core/catalog/catalog';
import { skeleton } from '../../../src/core/catalog/skeleton';
import { validateParams } from '../../../src/core/catalog/validate';
import type { JsonObject } from '../../../src/core/json';

test('a required-only skeleton holds typed placeholders for every required parameter', () => {
  assert.deepEqual(skeleton('DismissRoom'), { SdkAppId: 0, RoomId: 0 });
  assert.deepEqual(skeleton('RemoveUserByStrRoomId'), { SdkAppId: 0, RoomId: '', UserIds: [''] });
  // Nested structures are filled the same way; an enumerated field starts at its first listed value.
  assert.deepEqual(skeleton('CreateCloudRecording'), {
    SdkAppId: 0,
    RoomId: '',
    UserId: '',
    UserSig: '',
    RecordParams: { RecordMode: 1 },
    StorageParams: {},
  });
});

test('a full skeleton holds every parameter, arrays with one element, structures recursively', () => {
  const full = skeleton('CreateCloudRecording', { all: true });
  const layout = full.MixLayoutParams as JsonObject;
  assert.ok(Array.isArray(layout.MixLayoutList) && layout.MixLayoutList.length === 1);
  const first = (layout.MixLayoutList as JsonObject[])[0]!;
  assert.deepEqual(Object.keys(first).sort(), ['Alpha', 'Height', 'ImageLayer', 'Left', 'MediaId', 'RenderMode', 'SubBackgroundImage', 'Top', 'UserId', 'Width']);
  assert.equal(layout.PureAudioDisableLayout, false);
  assert.deepEqual(((full.StorageParams as JsonObject).CloudStorage as JsonObject).FileNamePrefix, ['']);
  // Tempo is a float with listed speeds, so it starts at the first of them; a range that leaves 0
  // out starts at its lower end.
  const ingest = skeleton('StartStreamIngest', { all: true });
  assert.equal(ingest.Tempo, 0.5);
  assert.equal(ingest.MaxDuration, 1);
});

/**
 * Placeholders are typed but say nothing, so a required-only skeleton is expected to be reported
 * only for empty required values (strings and dates start as "", lists of strings as [""]).
 * Numbers start at 0, which every integer width accepts, and enumerations at a listed value.
 */
test('every required-only skeleton validates clean except for empty required values', () => {
  for (const action of getCatalog().actions) {
    const issues = validateParams(action.name, skeleton(action.name));
    const other = issues.filter((i) => i.code !== 'empty');
    assert.deepEqual(other, [], action.name);
  }
});

test('every full skeleton has only empty-value issues too', () => {
  for (const action of getCatalog().actions) {
    const issues = validateParams(action.name, skeleton(action.name, { all: true }));
    assert.deepEqual(
      issues.filter((i) => i.code !== 'empty'),
      [],
      action.name,
    );
  }
});

