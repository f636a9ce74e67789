import { findStruct } from '../../core/catalog/catalog';
import type { ActionInfo, FieldInfo, FieldType } from '../../core/catalog/types';
import { describeType } from '../../core/catalog/validate';
import type { ActionView, FieldView, StructView, TypeView } from '../../shared/requestProtocol';

type Pick = (t: { en?: string; zh?: string } | undefined) => string;

/**
 * The form's view of an action: its fields and every structure reachable from them, with texts in
 * the editor's language. Built from the catalog on the host; the page never sees the catalog.
 */
export function buildActionView(action: ActionInfo, categoryLabel: string, zh: boolean): ActionView {
  const pick: Pick = (t) => (t ? ((zh ? t.zh || t.en : t.en || t.zh) ?? '') : '');
  const structs: Record<string, StructView> = {};
  const visit = (type: FieldType) => {
    const name = type.struct ?? (type.items ? structOf(type.items) : undefined);
    if (name && !structs[name]) {
      const info = findStruct(name);
      if (info) {
        // Registered before descending so that a structure reached twice is only built once.
        structs[name] = { name, fields: [] };
        structs[name].fields = info.fields.map((f) => fieldView(f, pick, visit, zh));
      }
    }
  };
  const fields = action.input.map((f) => fieldView(f, pick, visit, zh));
  const docUrl = (zh ? action.docUrl.cn ?? action.docUrl.intl : action.docUrl.intl ?? action.docUrl.cn) ?? '';
  return {
    name: action.name,
    title: pick(action.title),
    summary: pick(action.summary),
    description: pick(action.description),
    category: categoryLabel,
    docUrl,
    version: action.version,
    readOnly: !!action.readOnly,
    destructive: !!action.destructive,
    ...(action.twin ? { twin: action.twin } : {}),
    fields,
    structs,
  };
}

function structOf(type: FieldType): string | undefined {
  return type.struct ?? (type.items ? structOf(type.items) : undefined);
}

function typeView(type: FieldType): TypeView {
  return {
    kind: type.kind,
    ...(type.kind === 'integer' ? { width: type.width ?? 'uint64' } : {}),
    ...(type.struct ? { struct: type.struct } : {}),
    ...(type.items ? { items: typeView(type.items) } : {}),
    label: describeType(type),
  };
}

function fieldView(f: FieldInfo, pick: Pick, visit: (t: FieldType) => void, zh: boolean): FieldView {
  visit(f.type);
  const description = pick(f.description);
  return {
    name: f.name,
    type: typeView(f.type),
    required: !!f.required,
    ...(description ? { description } : {}),
    ...(f.enum?.length
      ? { enumValues: f.enum.map((e) => ({ value: e.value, ...(pick(e.label) ? { label: pick(e.label) } : {}) })) }
      : {}),
    ...(f.deprecated ? { deprecated: true } : {}),
    ...(f.sensitive ? { sensitive: true } : {}),
    ...(!zh && description && !f.description.en && f.description.zh ? { descriptionZhOnly: true } : {}),
    ...(f.time ? { time: f.time } : {}),
    ...(f.timeFormat ? { timeFormat: f.timeFormat } : {}),
  };
}
