import { findAction, findStruct } from '../catalog/catalog';
import type { FieldInfo, FieldType } from '../catalog/types';
import type { ParamCoercion } from './httpRequestImport';
import { LosslessNumber, type JsonValue } from '../json';

/**
 * Types imported query and form values with the API catalog: a parameter the action declares as an
 * integer becomes a number (a `LosslessNumber` beyond 2^53), a float a number, a boolean `true` or
 * `false`. Unknown actions and parameters, text that does not fit the declared type, and values
 * holding a `{{variable}}` stay strings, as the importers would leave them.
 */
export const catalogCoercion: ParamCoercion = (action, path, text) => {
  const type = fieldTypeAt(action, path);
  if (!type || text.includes('{{')) {
    return text;
  }
  return coerce(type, text);
};

/** The declared type at a parameter path (`['Layout', 'MixVideoUids', 0]`), when the catalog knows it. */
export function fieldTypeAt(action: string, path: ReadonlyArray<string | number>): FieldType | undefined {
  const info = findAction(action);
  if (!info || path.length === 0) {
    return undefined;
  }
  let fields: FieldInfo[] | undefined = info.input;
  let type: FieldType | undefined;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (type?.kind !== 'array' || !type.items) {
        return undefined;
      }
      type = type.items;
      fields = type.kind === 'object' && type.struct ? findStruct(type.struct)?.fields : undefined;
      continue;
    }
    if (type !== undefined) {
      fields = type.kind === 'object' && type.struct ? findStruct(type.struct)?.fields : undefined;
    }
    const field: FieldInfo | undefined = fields?.find((f) => f.name === seg);
    if (!field) {
      return undefined;
    }
    type = field.type;
  }
  return type;
}

function coerce(type: FieldType, text: string): JsonValue {
  switch (type.kind) {
    case 'integer':
      if (/^-?(0|[1-9]\d*)$/.test(text)) {
        return Number.isSafeInteger(Number(text)) ? Number(text) : new LosslessNumber(text);
      }
      return text;
    case 'float':
      return /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text) && Number.isFinite(Number(text)) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
}
