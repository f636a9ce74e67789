/**
 * Facts the generator reads from the SDK descriptions of a field, beside the enumerations
 * `generate.ts` already extracts: documented number ranges (`取值范围[0, 1920]`, `Value range: 1-1440`,
 * `该值需大于等于 5秒，且小于等于 86400秒`), value lists (`取值为[48000, 44100]`), and how a field
 * holds a moment (Unix seconds or milliseconds, or a text layout such as `YYYY-MM-DD`).
 *
 * A fact counts only when a description states it exactly once; a description naming two different
 * ranges (one for the field, one for something it depends on) yields nothing, and the hand-written
 * facts of `src/core/catalog/rules/fieldFacts.ts` fill such gaps. When both languages state a range
 * and disagree, the wider one is kept: a range that is too narrow would reject valid input.
 */
import type { FieldType, NumberRange, TimeTextFormat, UnixTimeUnit } from '../../src/core/catalog/types';

/** What the descriptions of one field say beyond its type. */
export interface DescriptionFacts {
  range?: NumberRange;
  /** Allowed values listed in brackets; numbers for number fields, tokens for strings. */
  values?: Array<number | string>;
  time?: UnixTimeUnit;
  timeFormat?: TimeTextFormat;
}

const NUM = String.raw`-?\d+(?:\.\d+)?`;
const RANGE_WORD = String.raw`(?:取值范围|范围|区间|[Vv]alue range|[Vv]alid range|range)`;
const JOIN = String.raw`(?:\s|是|为|：|:)*`;

/** `取值范围[0, 1920]`, `区间：(0, 10]`, `范围：[1，100]`: two numbers in brackets after a range word. */
const BRACKET_RANGE = new RegExp(`${RANGE_WORD}${JOIN}([\\[(（])\\s*(${NUM})\\s*[,，]\\s*(${NUM})\\s*([\\])）])`, 'g');
/** `取值范围为1-1440`, `范围15-60s`, `取值范围是0到100`, `value range: 1-1440`. */
const DASH_RANGE = new RegExp(`${RANGE_WORD}${JOIN}(${NUM})\\s*(?:-|~|～|到|至)\\s*(${NUM})`, 'g');
/** `该值需大于等于 5秒，且小于等于 86400秒`. */
const ZH_BETWEEN = new RegExp(`大于等于\\s*(${NUM})[^，。；;]{0,6}[，,]?\\s*且?\\s*小于等于\\s*(${NUM})`, 'g');
/** `greater than or equal to 5 seconds and less than or equal to 86,400 seconds`. */
const EN_BETWEEN = /greater than or equal to\s*(-?[\d,]+(?:\.\d+)?)[^.;]{0,20}?\s+and\s+less than or equal to\s*(-?[\d,]+(?:\.\d+)?)/gi;
/** `取值为[48000, 44100]`, `可取[0.5, 0.75, 1.0]`, `可选: [ flow_01_turbo, flow_01_ex]`, and lists of three or more after a range word. */
const VALUE_LIST = /(取值为|可取|可选|取值范围|范围|[Vv]alid values)(?:\s|是|为|：|:)*\[([^\]]+)\]/g;

function rangeKey(r: NumberRange): string {
  return `${r.min ?? ''}..${r.max ?? ''}`;
}

/** Every range one description states, de-duplicated. */
function rangesIn(text: string): NumberRange[] {
  const found = new Map<string, NumberRange>();
  const add = (r: NumberRange) => {
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) return;
    found.set(rangeKey(r), r);
  };
  for (const m of text.matchAll(BRACKET_RANGE)) {
    const r: NumberRange = {};
    if (m[1] === '[') r.min = Number(m[2]);
    if (m[4] === ']') r.max = Number(m[3]);
    add(r);
  }
  for (const m of text.matchAll(DASH_RANGE)) add({ min: Number(m[1]), max: Number(m[2]) });
  for (const m of text.matchAll(ZH_BETWEEN)) add({ min: Number(m[1]), max: Number(m[2]) });
  for (const m of text.matchAll(EN_BETWEEN)) add({ min: Number(m[1]!.replace(/,/g, '')), max: Number(m[2]!.replace(/,/g, '')) });
  return [...found.values()];
}

/** Every bracketed value list one description states: lists of exactly two after a range word are ranges instead. */
function listsIn(text: string, numeric: boolean): Array<Array<number | string>> {
  const lists: Array<Array<number | string>> = [];
  for (const m of text.matchAll(VALUE_LIST)) {
    const items = m[2]!.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
    const rangeWord = /范围|range/i.test(m[1]!);
    if (rangeWord && items.length <= 2) continue;
    // Two values after 可取 or 可选 may as well be the ends of a range; such a list is not trusted.
    if ((m[1] === '可取' || m[1] === '可选') && items.length <= 2) continue;
    if (numeric) {
      if (!items.every((i) => new RegExp(`^${NUM}$`).test(i))) continue;
      lists.push(items.map(Number));
    } else {
      if (!items.every((i) => /^[A-Za-z0-9_.-]+$/.test(i))) continue;
      lists.push(items);
    }
  }
  return lists;
}

/** The single range a description states, or undefined when it states none or several. */
function oneRange(text: string | undefined): NumberRange | undefined {
  if (!text) return undefined;
  const ranges = rangesIn(text);
  return ranges.length === 1 ? ranges[0] : undefined;
}

function oneList(text: string | undefined, numeric: boolean): Array<number | string> | undefined {
  if (!text) return undefined;
  const lists = listsIn(text, numeric);
  const distinct = new Map(lists.map((l) => [l.join('\u0000'), l]));
  return distinct.size === 1 ? [...distinct.values()][0] : undefined;
}

/** The wider of two ranges; a side one of them leaves open stays open. */
function widen(a: NumberRange, b: NumberRange): NumberRange {
  const out: NumberRange = {};
  if (a.min !== undefined && b.min !== undefined) out.min = Math.min(a.min, b.min);
  if (a.max !== undefined && b.max !== undefined) out.max = Math.max(a.max, b.max);
  return out;
}

function unixUnit(zh: string | undefined, en: string | undefined): UnixTimeUnit | undefined {
  if ((zh && /毫秒时间戳/.test(zh)) || (en && /millisecond timestamp|timestamp in milliseconds/i.test(en))) return 'unix-ms';
  const zhSeconds = zh !== undefined && /unix\s*时间戳/i.test(zh) && /秒|\bs\b/.test(zh) && !/毫秒/.test(zh);
  const enSeconds = en !== undefined && /unix timestamp/i.test(en) && /second/i.test(en) && !/millisecond/i.test(en);
  return zhSeconds || enSeconds ? 'unix-s' : undefined;
}

function textFormat(zh: string | undefined, en: string | undefined): TimeTextFormat | undefined {
  const text = `${zh ?? ''}\n${en ?? ''}`;
  if (!/格式|format/i.test(text)) return undefined;
  if (/YYYY-MM-DD HH:mm:ss/i.test(text)) return 'YYYY-MM-DD HH:mm:ss';
  if (/YYYY-MM-DD HH:MM(?!:)/i.test(text)) return 'YYYY-MM-DD HH:mm';
  if (/YYYY-MM-DD(?![ T]?HH)/i.test(text)) return 'YYYY-MM-DD';
  return undefined;
}

/**
 * What the cleaned descriptions of a field say about its values. Only number fields get ranges
 * and numeric lists, only strings get token lists and text time layouts, only integers Unix units.
 */
export function describedFacts(type: FieldType, zh: string | undefined, en: string | undefined): DescriptionFacts {
  const scalar = type.kind === 'array' && type.items ? type.items : type;
  const out: DescriptionFacts = {};
  const numeric = scalar.kind === 'integer' || scalar.kind === 'float';
  if (numeric) {
    const z = oneRange(zh);
    const e = oneRange(en);
    const range = z && e ? widen(z, e) : (z ?? e);
    if (range && (range.min !== undefined || range.max !== undefined)) out.range = range;
    const zl = oneList(zh, true);
    const el = oneList(en, true);
    // A list both languages give must be the same list; otherwise neither is trusted.
    if (zl && el ? zl.join() === el.join() : zl || el) out.values = (zl ?? el)!;
    if (out.values) delete out.range;
  } else if (scalar.kind === 'string') {
    const list = oneList(zh, false) ?? oneList(en, false);
    if (list) out.values = list;
  }
  if (scalar.kind === 'integer') {
    const unit = unixUnit(zh, en);
    if (unit) out.time = unit;
  }
  if (scalar.kind === 'string') {
    const format = textFormat(zh, en);
    if (format) out.timeFormat = format;
  }
  return out;
}
