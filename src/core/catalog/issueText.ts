import { isJsonNumber, numberText } from '../json';
import type { Bilingual } from './issues';
import type { FieldType, NumberRange } from './types';

/**
 * The words issue messages are made of, in English and Chinese: type names, what a value is, and
 * how a range reads.
 */

/**
 * A compact name for a type, as the form's hints and the command line's help show it:
 * `uint64`, `string`, `date`, `MixLayout`, `MixLayout[]`, `array of string`.
 */
export function describeType(type: FieldType): string {
  switch (type.kind) {
    case 'integer':
      return type.width ?? 'uint64';
    case 'object':
      return type.struct ?? 'object';
    case 'array': {
      const items = type.items;
      if (!items) return 'array';
      return items.kind === 'object' ? `${describeType(items)}[]` : `array of ${describeType(items)}`;
    }
    default:
      return type.kind;
  }
}

/** What a value of this type looks like, phrased to follow "should be" / "应为". */
export function expectation(type: FieldType): Bilingual {
  switch (type.kind) {
    case 'integer':
      return { en: `an integer (${describeType(type)})`, zh: `整数（${describeType(type)}）` };
    case 'float':
      return { en: 'a number', zh: '数字' };
    case 'string':
      return { en: 'a string', zh: '字符串' };
    case 'boolean':
      return { en: 'true or false', zh: 'true 或 false' };
    case 'date':
      return { en: 'a date (YYYY-MM-DD)', zh: '日期（YYYY-MM-DD）' };
    case 'object':
      return { en: `an object (${describeType(type)})`, zh: `对象（${describeType(type)}）` };
    case 'array': {
      const items = type.items;
      if (!items) return { en: 'an array', zh: '数组' };
      return items.kind === 'object'
        ? { en: `an array of ${describeType(items)} objects`, zh: `${describeType(items)} 对象数组` }
        : { en: `an array of ${describeType(items)} values`, zh: `${describeType(items)} 数组` };
    }
  }
}

/** Long values are cut in messages so one issue stays one line. */
export function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** What a given value is, phrased to follow "but is". */
export function describeValue(value: unknown): string {
  return describeValueIn(value).en;
}

/** What a given value is, in both languages. */
export function describeValueIn(value: unknown): Bilingual {
  if (value === null) return { en: 'null', zh: 'null' };
  if (value === undefined) return { en: 'missing', zh: '缺失' };
  if (typeof value === 'string') {
    const q = JSON.stringify(shorten(value));
    return { en: `the string ${q}`, zh: `字符串 ${q}` };
  }
  if (typeof value === 'boolean') return { en: String(value), zh: String(value) };
  if (isJsonNumber(value)) {
    const n = shorten(numberText(value));
    return { en: n, zh: n };
  }
  if (Array.isArray(value)) return { en: 'an array', zh: '数组' };
  if (typeof value === 'object') return { en: 'an object', zh: '对象' };
  return { en: typeof value, zh: typeof value };
}

/** How a documented range reads: `from 100 to 254, except 244, or 5` / `100 到 254（244 除外）或 5`. */
export function describeRange(range: NumberRange): Bilingual {
  let en: string;
  let zh: string;
  if (range.min !== undefined && range.max !== undefined) {
    en = `from ${range.min} to ${range.max}`;
    zh = `${range.min} 到 ${range.max}`;
  } else if (range.min !== undefined) {
    en = `at least ${range.min}`;
    zh = `不小于 ${range.min}`;
  } else {
    en = `at most ${range.max}`;
    zh = `不大于 ${range.max}`;
  }
  if (range.except?.length) {
    en += `, except ${range.except.join(', ')}`;
    zh += `（${range.except.join('、')} 除外）`;
  }
  if (range.also?.length) {
    en += `, or ${range.also.join(', ')}`;
    zh += `，或 ${range.also.join('、')}`;
  }
  return { en, zh };
}

/** Whether a number is one a documented range allows. */
export function inRange(n: number, range: NumberRange): boolean {
  if (range.also?.includes(n)) return true;
  if (range.except?.includes(n)) return false;
  return (range.min === undefined || n >= range.min) && (range.max === undefined || n <= range.max);
}

/** A duration for messages: `45 minutes`, `4 hours 1 minute`, `31 days`, `15 days 3 hours`. */
export function describeDuration(seconds: number): Bilingual {
  const s = Math.max(0, Math.round(seconds));
  const part = (n: number, one: string, zh: string): Bilingual => ({ en: `${n} ${one}${n === 1 ? '' : 's'}`, zh: `${n} ${zh}` });
  const join = (a: Bilingual, b: Bilingual | undefined): Bilingual => (b ? { en: `${a.en} ${b.en}`, zh: `${a.zh} ${b.zh}` } : a);
  if (s >= 86_400) {
    const d = Math.floor(s / 86_400);
    const h = Math.floor((s % 86_400) / 3600);
    return join(part(d, 'day', '天'), h ? part(h, 'hour', '小时') : undefined);
  }
  if (s >= 3600) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s % 3600) / 60);
    return join(part(h, 'hour', '小时'), m ? part(m, 'minute', '分钟') : undefined);
  }
  if (s >= 60) return part(Math.round(s / 60), 'minute', '分钟');
  return part(s, 'second', '秒');
}
