import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findStruct, getCatalog } from '../../../src/core/catalog/catalog';
import type { FieldInfo } from '../../../src/core/catalog/types';
import { FormModel } from '../../../src/pages/request/formModel';
import { sampleLeaves } from '../../../src/core/requests/silentValues';
import { sampleParams } from '../../../src/core/catalog/sampleParams';
import { stringifyJson } from '../../../src/core/json';
import { walkTree } from '../../../src/pages/request/treeWalk';
import { describeMoment, momentMs, quickMoment } from '../../../src/pages/request/timeHelpers';
import { catalogActionView } from '../../webview/fixtures/previewInit';
import { SampleMarks, issueVisible, unsetRequired } from '../../../src/pages/request/sampleMarks';
import { persistableParams, restoreSecrets } from '../../../src/pages/request/secretState';
import { createCloudRecording } from '../../webview/fixtures/createCloudRecording';

/** Every flag (yes/no integer) of the catalog, with where it is, nested structures included. */
function flags(): Array<{ action: string; path: string }> {
  const out: Array<{ action: string; path: string }> = [];
  for (const action of getCatalog().actions) {
    const walk = (fields: readonly FieldInfo[], prefix: string, seen: Set<string>) => {
      for (const f of fields) {
        if (f.flag) out.push({ action: action.name, path: `${prefix}${f.name}` });
        if (f.type.kind === 'object' && f.type.struct && !seen.has(f.type.struct)) {
          const s = findStruct(f.type.struct);
          if (s) walk(s.fields, `${prefix}${f.name}.`, new Set(seen).add(f.type.struct));
        }
      }
    };
    walk(action.input, '', new Set());
  }
  return out;
}

describe('form controls from the catalog', () => {
  it('makes every yes/no integer a dropdown of 0 and 1 in every action, however deep (filled with samples to show them)', () => {
    const list = flags();
    assert.ok(list.length > 40, `${list.length} flags`);
    let checked = 0;
    const byAction = new Map<string, string[]>();
    for (const f of list) byAction.set(f.action, [...(byAction.get(f.action) ?? []), f.path]);
    for (const [action, paths] of byAction) {
      const view = catalogActionView(action)!;
      const model = new FormModel(view, JSON.parse(stringifyJson(sampleParams(action, { all: true }))));
      const nodes = new Map([...walkTree(model.buildTree())].map((n) => [n.path, n]));
      for (const path of paths) {
        const node = nodes.get(path);
        if (!node) continue; // inside an array, or a deprecated member Fill all leaves out
        assert.equal(node.kind === 'scalar' && node.control, 'enum', `${action}.${path}`);
        assert.deepEqual(node.kind === 'scalar' && node.choices?.map((c) => c.value).filter((v) => v === '0' || v === '1').sort(), ['0', '1'], `${action}.${path}`);
        checked++;
      }
    }
    assert.ok(checked > list.length / 2, `${checked} of ${list.length} flags shown and checked`);
  });

  it('offers a date picker for YYYY-MM-DD strings and keeps other layouts as text', () => {
    const usage = new FormModel(catalogActionView('DescribeTrtcUsage')!).buildTree();
    assert.equal(usage.children.find((n) => n.path === 'StartTime')?.kind === 'scalar' && (usage.children.find((n) => n.path === 'StartTime') as { control: string }).control, 'date');
    const rooms = new FormModel(catalogActionView('DescribeTrtcRoomUsage')!).buildTree();
    assert.equal((rooms.children.find((n) => n.path === 'StartTime') as { control: string }).control, 'text');
  });
});

describe('time helpers', () => {
  const NOW = Date.UTC(2026, 10, 1, 9, 30, 15, 250);

  it('reads seconds and milliseconds, and flags a number in the other unit', () => {
    assert.equal(momentMs('1700000000', 'unix-s'), 1_700_000_000_000);
    assert.equal(momentMs('1700000000000', 'unix-ms'), 1_700_000_000_000);
    assert.equal(momentMs('17e8', 'unix-s'), undefined);
    assert.equal(momentMs('', 'unix-s'), undefined);
    assert.equal(describeMoment('1700000000', 'unix-s')?.utc, '2023-11-14 22:13:20 UTC');
    assert.equal(describeMoment('1700000000', 'unix-s')?.otherUnit, false);
    assert.equal(describeMoment('1700000000000', 'unix-s')?.otherUnit, true);
    assert.equal(describeMoment('1700000000', 'unix-ms')?.otherUnit, true);
  });

  it('gives now, 1 hour ago and local midnight in the field\'s unit', () => {
    assert.equal(quickMoment('now', 'unix-s', NOW), String(Math.floor(NOW / 1000)));
    assert.equal(quickMoment('now', 'unix-ms', NOW), String(NOW));
    assert.equal(quickMoment('hourAgo', 'unix-s', NOW), String(Math.floor(NOW / 1000) - 3600));
    const midnight = Number(quickMoment('todayStart', 'unix-ms', NOW));
    const d = new Date(midnight);
    assert.deepEqual([d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()], [0, 0, 0, 0]);
    assert.ok(NOW - midnight >= 0 && NOW - midnight < 86_400_000);
  });
});

describe('samples, touched fields and secrets in the page', () => {
  it('keeps a sample until its value changes, whether edited in the form or the JSON', () => {
    const filled = sampleParams('RemoveUser');
    const marks = new SampleMarks();
    marks.reset(Object.fromEntries(sampleLeaves(filled)));
    const model = new FormModel(catalogActionView('RemoveUser')!, JSON.parse(stringifyJson(filled)));
    marks.prune(model);
    assert.deepEqual(marks.paths().sort(), [...sampleLeaves(filled).keys()].sort());
    model.setText(['SdkAppId'], 'integer', '1400000001');
    marks.prune(model);
    assert.ok(!marks.has('SdkAppId') && marks.has('RoomId'));
    model.setText(['SdkAppId'], 'integer', String(filled.SdkAppId));
    marks.prune(model);
    assert.ok(!marks.has('SdkAppId'), 'typed back, it is the user\'s value');
  });

  it('shows "missing" only for touched fields (and their parts) or after Send, and every other problem at once', () => {
    const touched = new Set(['Layout']);
    assert.equal(issueVisible({ path: 'SdkAppId', code: 'missing' }, touched, false), false);
    assert.equal(issueVisible({ path: 'Layout.Users[0]', code: 'missing' }, touched, false), true);
    assert.equal(issueVisible({ path: 'LayoutX', code: 'empty' }, touched, false), false);
    assert.equal(issueVisible({ path: 'SdkAppId', code: 'range' }, touched, false), true);
    assert.equal(issueVisible({ path: 'SdkAppId', code: 'missing' }, touched, true), true);
  });

  it('names the unset required inputs of a state-changing form', () => {
    const model = new FormModel(catalogActionView('DismissRoom')!, { SdkAppId: 1 } as never);
    assert.deepEqual(unsetRequired(model.buildTree()), ['RoomId']);
  });

  it('strips sensitive values, nested ones too, from what is persisted and takes them back from the host', () => {
    const text = JSON.stringify({ RoomId: 'r', UserSig: 'secret-1', StorageParams: { CloudStorage: { AccessKey: 'ak', SecretKey: 'secret-2', Bucket: 'b' } } });
    const kept = persistableParams(createCloudRecording, text)!;
    assert.ok(!kept.includes('secret-1') && !kept.includes('secret-2'), kept);
    assert.match(kept, /"Bucket": "b"/);
    assert.equal(restoreSecrets(createCloudRecording, kept, text), text);
    assert.equal(restoreSecrets(createCloudRecording, kept, JSON.stringify({ RoomId: 'other', UserSig: 'x' })), kept, 'other parameters are not mixed in');
    assert.equal(persistableParams(createCloudRecording, '{"UserSig": "half'), undefined);
  });
});
