import { findAction, findStruct } from '../catalog/catalog';
import type { FieldInfo, FieldType, StructInfo } from '../catalog/types';
import type { OutputSchema } from './types';

/**
 * The output members of an action and every structure they reach, taken from the catalog: what
 * the result view needs to type an answer's columns. Small enough to send to the result page,
 * which does not bundle the catalog. Undefined for an action the catalog does not know.
 */
export function outputSchema(action: string): OutputSchema | undefined {
  const info = findAction(action);
  if (!info) {
    return undefined;
  }
  const structs: Record<string, StructInfo> = {};
  const visit = (type: FieldType | undefined): void => {
    if (!type) return;
    if (type.kind === 'array') {
      visit(type.items);
    } else if (type.kind === 'object' && type.struct && !Object.hasOwn(structs, type.struct)) {
      const s = findStruct(type.struct);
      if (s) {
        structs[s.name] = s;
        s.fields.forEach((f) => visit(f.type));
      }
    }
  };
  info.output.forEach((f: FieldInfo) => visit(f.type));
  return { action: info.name, fields: info.output, structs };
}
