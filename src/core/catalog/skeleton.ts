import { InputError } from '../errors';
import type { JsonObject, JsonValue } from '../json';
import { findAction, findStruct } from './catalog';
import { inRange } from './issueText';
import type { ActionInfo, FieldInfo, FieldType } from './types';

/** Options of {@link skeleton}. */
export interface SkeletonOptions {
  /** Every parameter, not only the required ones. */
  all?: boolean;
}

/**
 * A starting point for an action's parameters, like tccli's `--generate-cli-skeleton`: every
 * required parameter (with `all`, every parameter) holding a typed placeholder. Strings and dates
 * are `""`, numbers `0` (or the lower end of a documented range that leaves 0 out), booleans
 * `false`, an enumerated field its first listed value, arrays one element, and nested structures
 * are filled the same way. Required strings therefore start empty, and validation reports them as
 * `empty` until the user fills them in; nothing else is reported. Values a user would send are
 * what `sampleParams` makes.
 */
export function skeleton(action: string | ActionInfo, options: SkeletonOptions = {}): JsonObject {
  const info = typeof action === 'string' ? findAction(action) : action;
  if (!info) throw new InputError(`Unknown action ${String(action)}; the TRTC API has no action of that name.`);
  return fill(info.input, Boolean(options.all), new Set());
}

function fill(fields: readonly FieldInfo[], all: boolean, visiting: Set<string>): JsonObject {
  const out: JsonObject = {};
  for (const f of fields) {
    if (!all && !f.required) continue;
    const value = placeholder(f, f.type, all, visiting);
    if (value !== undefined) out[f.name] = value;
  }
  return out;
}

function placeholder(field: FieldInfo, type: FieldType, all: boolean, visiting: Set<string>): JsonValue | undefined {
  switch (type.kind) {
    case 'string':
    case 'date':
      return field.enum?.length ? field.enum[0]!.value : '';
    case 'integer':
    case 'float':
      if (field.enum?.length) return field.enum[0]!.value;
      return field.range && !inRange(0, field.range) ? (field.range.min ?? field.range.also?.[0] ?? field.range.max ?? 0) : 0;
    case 'boolean':
      return false;
    case 'array': {
      const item = type.items ? placeholder(field, type.items, all, visiting) : undefined;
      return item === undefined ? [] : [item];
    }
    case 'object': {
      const name = type.struct ?? '';
      const struct = findStruct(name);
      // A structure inside itself would never end; the catalog has none, but stop anyway.
      if (!struct || visiting.has(name)) return undefined;
      visiting.add(name);
      const value = fill(struct.fields, all, visiting);
      visiting.delete(name);
      return value;
    }
  }
}
