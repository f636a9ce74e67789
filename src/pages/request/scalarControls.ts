import type { FieldView, TypeView } from '../../shared/requestProtocol';
import type { Choice, ControlKind, ScalarNode } from './formTypes';
import { compactJson, isJsonNumber, isNumberLiteral, numberValue, parseParams, type Json } from './paramsJson';

/* How a scalar value is shown in an input and read back from it. */

/** The JSON text a select option stands for. */
function jsonText(value: Json): string {
  return compactJson(value);
}

/** The text a plain input shows for a scalar value. */
function inputText(value: Json | undefined): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if (isJsonNumber(value)) {
    return value.value;
  }
  return compactJson(value);
}

/** The choices of an enumerated member, typed the way its wire type needs them. */
function enumChoices(field: FieldView, type: TypeView): Choice[] {
  const numeric = type.kind === 'integer' || type.kind === 'float';
  return (field.enumValues ?? []).map((e) => {
    const raw = String(e.value);
    const value = numeric && isNumberLiteral(raw) ? raw : JSON.stringify(raw);
    return e.label ? { value, label: e.label } : { value };
  });
}

/** The input for a scalar member: its kind, the text it shows, and a select's choices. */
export function scalarControl(field: FieldView | undefined, type: TypeView, value: Json | undefined): Pick<ScalarNode, 'control' | 'text' | 'choices'> {
  const current = value === undefined || value === null ? '' : jsonText(value);
  const withCurrent = (choices: Choice[]): Choice[] =>
    current === '' || choices.some((c) => c.value === current) ? choices : [...choices, { value: current, unlisted: true }];
  if (field?.enumValues && field.enumValues.length > 0) {
    return { control: 'enum', text: current, choices: withCurrent(enumChoices(field, type)) };
  }
  switch (type.kind) {
    case 'boolean':
      return { control: 'boolean', text: current, choices: withCurrent([{ value: 'true' }, { value: 'false' }]) };
    case 'integer':
      return { control: 'integer', text: inputText(value) };
    case 'float':
      return { control: 'float', text: inputText(value) };
    case 'date': {
      // A date input cannot display a value that is not YYYY-MM-DD; such a value is shown as text.
      const text = inputText(value);
      const control = text === '' || /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'date' : 'text';
      return { control, text };
    }
    default: {
      const text = inputText(value);
      // A string holding a date (YYYY-MM-DD) gets the date picker, as long as its value fits one.
      if (field?.timeFormat === 'YYYY-MM-DD' && (text === '' || /^\d{4}-\d{2}-\d{2}$/.test(text))) {
        return { control: 'date', text };
      }
      return { control: field?.sensitive ? 'password' : 'text', text };
    }
  }
}

/**
 * Turns an input's text into the value stored in the JSON; undefined means "unset". Selects hold
 * the JSON text of their value, so their numbers and strings come back with the exact type.
 */
export function scalarFromText(control: ControlKind, text: string): Json | undefined {
  switch (control) {
    case 'text':
    case 'password':
      return text;
    case 'date':
      return text === '' ? undefined : text;
    case 'integer':
    case 'float': {
      const trimmed = text.trim();
      if (trimmed === '') {
        return undefined;
      }
      return isNumberLiteral(trimmed) ? numberValue(trimmed) : text;
    }
    case 'boolean':
    case 'enum': {
      if (text === '') {
        return undefined;
      }
      const parsed = parseParams(`{"v":${text}}`);
      return parsed.ok ? parsed.value.v : text;
    }
  }
}
