import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '../../../src/core/catalog/catalog';
import type { FieldInfo } from '../../../src/core/catalog/types';
import { schemaFor } from '../../../src/core/catalog/validate';
import { isJsonObject, type JsonObject } from '../../../src/core/json';
import { sandboxResponse } from '../../../src/core/sandbox/sandboxResponse';

test('every action has a sandbox answer that matches its output structure', () => {
  const now = Date.UTC(2025, 0, 15, 12, 0, 0);
  for (const action of getCatalog().actions) {
    const response = sandboxResponse(action.name, { seed: 7, now });
    assert.ok(schemaFor(action.name, 'output').safeParse(response).success, action.name);
    assert.match(String(response.RequestId), /^sandbox-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, action.name);
    for (const f of action.output) assert.ok(f.name in response, `${action.name}.${f.name}`);
  }
});

test('sandbox answers are deterministic for a seed and differ between seeds', () => {
  const now = Date.UTC(2025, 0, 15, 12, 0, 0);
  const a = sandboxResponse('DescribeCallDetailInfo', { seed: 42, now });
  const b = sandboxResponse('DescribeCallDetailInfo', { seed: 42, now });
  const c = sandboxResponse('DescribeCallDetailInfo', { seed: 43, now });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('sandbox values are plausible: ids, times near now, enum values, one to three elements', () => {
  const now = Date.UTC(2025, 0, 15, 12, 0, 0);
  for (let seed = 1; seed <= 20; seed++) {
    const recording = sandboxResponse('CreateCloudRecording', { seed, now });
    assert.match(String(recording.TaskId), /^[\w-]{20,}$/);

    const users = sandboxResponse('DescribeUserInfo', { seed, now });
    const list = users.UserList as JsonObject[];
    assert.ok(list.length >= 1 && list.length <= 3);
    for (const u of list) {
      const joined = Number(u.JoinTs);
      assert.ok(joined <= now / 1000 && joined >= now / 1000 - 2 * 86_400, `JoinTs ${joined} near now`);
    }

    const slicing = sandboxResponse('DescribeCloudSliceTask', { seed, now });
    assert.equal(typeof slicing.Status, 'string');
  }
  const enumField = findEnumOutput();
  assert.ok(enumField, 'some output field has listed values');
  const values = new Set<unknown>();
  for (let seed = 1; seed <= 30; seed++) {
    const response = sandboxResponse(enumField.action, { seed, now });
    values.add(pick(response, enumField.path));
  }
  assert.ok(values.size > 1, `${enumField.path.join('.')} takes several listed values`);
  for (const v of values) assert.ok(enumField.allowed.includes(v as string | number), String(v));
});

/** The first output member with listed values; array steps are written `0` and take the first element. */
function findEnumOutput(): { action: string; path: string[]; allowed: Array<string | number> } | undefined {
  const catalog = getCatalog();
  const walk = (fields: FieldInfo[], path: string[]): { path: string[]; allowed: Array<string | number> } | undefined => {
    for (const f of fields) {
      if (f.enum && f.type.kind !== 'array') return { path: [...path, f.name], allowed: f.enum.map((e) => e.value) };
      const inArray = f.type.kind === 'array' && f.type.items?.kind === 'object';
      const struct = f.type.kind === 'object' ? f.type.struct : inArray ? f.type.items!.struct : undefined;
      if (struct && path.length < 6) {
        const found = walk(catalog.structs[struct]!.fields, inArray ? [...path, f.name, '0'] : [...path, f.name]);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const a of catalog.actions) {
    const found = walk(a.output, []);
    if (found) return { action: a.name, ...found };
  }
  return undefined;
}

function pick(value: JsonObject, path: string[]): unknown {
  let v: unknown = value;
  for (const p of path) {
    if (Array.isArray(v)) v = v[Number(p)];
    else v = isJsonObject(v as JsonObject) ? (v as JsonObject)[p] : undefined;
  }
  return v;
}

test('sandbox answers without a seed differ from call to call', () => {
  assert.notEqual(sandboxResponse('DismissRoom').RequestId, sandboxResponse('DismissRoom').RequestId);
});

test('answers echo the ids the request names and honour its page size', () => {
  const now = Date.UTC(2026, 5, 15, 4, 0, 0);
  const recording = sandboxResponse('DescribeCloudRecording', { seed: 3, now, params: { SdkAppId: 1400000001, TaskId: 'task-42' } });
  assert.equal(recording.TaskId, 'task-42');
  const pictures = sandboxResponse('DescribePicture', { seed: 3, now, params: { SdkAppId: 1400000001, PageSize: 7 } });
  assert.equal((pictures.PictureInfo as JsonObject[]).length, 7);
  assert.ok(Number(pictures.Total) >= 7, 'a total no smaller than the page');
  for (const p of pictures.PictureInfo as JsonObject[]) assert.equal(p.SdkAppId, 1400000001);
  // The RequestId comes last, as the API writes it.
  assert.equal(Object.keys(recording).at(-1), 'RequestId');
});
