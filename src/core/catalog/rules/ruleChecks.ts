import { isJsonNumber, isJsonObject, numberText, type JsonObject, type JsonValue } from '../../json';
import { isVariableReference } from '../../sensitive';
import { findStruct } from '../catalog';
import { describeDuration } from '../issueText';
import { makeIssue, type ValidationIssue } from '../issues';
import type { ActionInfo, FieldInfo } from '../types';
import { REGION_FACTS } from './actionFacts';
import { momentOf, SECONDS_LOOK_LIKE_MS, showMoment, textLayoutOf } from './moments';
import { isNumericRoomText, MAX_ROOM_ID_32, ROOM_TYPE_RULES, TWIN_RULES, type RoomTypeRule } from './roomRules';
import { WINDOW_RULES } from './timeRules';
import { trtcIo } from './sources';

/** What the rule checks need besides the parameters. */
export interface RuleOptions {
  region?: string;
  /** Epoch milliseconds; without it, how far back a window reaches is not checked. */
  now?: number;
  allowVariables?: boolean;
}

/**
 * Every object of the parameters whose structure is known, with its structure name and path
 * prefix: the parameters themselves as `<Action>Request`, then each nested structure.
 */
function forEachStruct(info: ActionInfo, params: JsonObject, visit: (struct: string, obj: JsonObject, prefix: string) => void): void {
  const walk = (fields: readonly FieldInfo[], obj: JsonObject, struct: string, prefix: string) => {
    visit(struct, obj, prefix);
    for (const f of fields) {
      if (!Object.hasOwn(obj, f.name)) continue;
      let t = f.type;
      let depth = 0;
      while (t.kind === 'array' && t.items) {
        t = t.items;
        depth++;
      }
      if (t.kind !== 'object' || !t.struct) continue;
      const inner = findStruct(t.struct);
      if (!inner) continue;
      const name = t.struct;
      const descend = (value: JsonValue, path: string, level: number): void => {
        if (level === 0) {
          if (isJsonObject(value)) walk(inner.fields, value, name, `${path}.`);
          return;
        }
        if (Array.isArray(value)) value.forEach((item, i) => descend(item, `${path}[${i}]`, level - 1));
      };
      descend(obj[f.name]!, `${prefix}${f.name}`, depth);
    }
  };
  walk(info.input, params, `${info.name}Request`, '');
}

function isVariable(value: unknown, options: RuleOptions): boolean {
  return Boolean(options.allowVariables) && typeof value === 'string' && isVariableReference(value);
}

function regionIssues(info: ActionInfo, options: RuleOptions): ValidationIssue[] {
  if (!options.region || !info.regions || info.regions.includes(options.region)) return [];
  const list = info.regions.join(', ');
  return [
    makeIssue(
      '',
      'region',
      {
        en: `${info.name} runs only in ${list}; ${options.region} is not one of them.`,
        zh: `${info.name} 仅支持以下地域：${list}；${options.region} 不在其中。`,
      },
      { fix: { en: `Send it to one of: ${list}.`, zh: `请改用以下地域之一：${list}。` }, suggestion: info.regions[0]!, source: REGION_FACTS[info.name]?.sources[0], rule: 'region' },
    ),
  ];
}

function twinIssues(info: ActionInfo, params: JsonObject, options: RuleOptions): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const rule of TWIN_RULES) {
    if (rule.numeric.action === info.name) {
      const value = params[rule.numeric.field];
      if (typeof value === 'string' && !isVariable(value, options) && value.trim() !== '' && !isNumericRoomText(value.trim())) {
        out.push(
          makeIssue(
            rule.numeric.field,
            'twin',
            {
              en: `${info.name} takes a numeric room id, but ${JSON.stringify(value)} is a string room id.`,
              zh: `${info.name} 只接受数字房间号，${JSON.stringify(value)} 是字符串房间号。`,
            },
            {
              fix: { en: `Call ${rule.string.action} for string rooms.`, zh: `字符串房间号请调用 ${rule.string.action}。` },
              otherAction: rule.string.action,
              source: rule.source,
              rule: 'twin.numeric',
            },
          ),
        );
      }
    } else if (rule.string.action === info.name) {
      const value = params[rule.string.field];
      const fix = { en: `Call ${rule.numeric.action} for numeric rooms.`, zh: `数字房间号请调用 ${rule.numeric.action}。` };
      if (isJsonNumber(value)) {
        out.push(
          makeIssue(
            rule.string.field,
            'twin',
            { en: `${info.name} takes a string room id, but ${numberText(value)} is a number.`, zh: `${info.name} 只接受字符串房间号，${numberText(value)} 是数字。` },
            { fix, otherAction: rule.numeric.action, source: rule.source, rule: 'twin.string' },
          ),
        );
      } else if (rule.stringOnlyDocumented && typeof value === 'string' && isNumericRoomText(value)) {
        out.push(
          makeIssue(
            rule.string.field,
            'twin',
            {
              en: `${info.name} is for string rooms; ${JSON.stringify(value)} is all digits, which usually means a numeric room, and then the room is not found.`,
              zh: `${info.name} 用于字符串房间；${JSON.stringify(value)} 全是数字，通常是数字房间号，这样会找不到房间。`,
            },
            { severity: 'warning', fix, otherAction: rule.numeric.action, source: rule.source, rule: 'twin.digits' },
          ),
        );
      }
    }
  }
  return out;
}

function roomTypeIssue(rule: RoomTypeRule, obj: JsonObject, prefix: string, options: RuleOptions): ValidationIssue | undefined {
  const room = obj[rule.roomField];
  const typeValue = obj[rule.typeField];
  if (typeof room !== 'string' || room === '' || isVariable(room, options) || isVariable(typeValue, options)) return undefined;
  let given: 0 | 1 | undefined;
  if (typeValue !== undefined) {
    const n = isJsonNumber(typeValue) ? Number(numberText(typeValue)) : NaN;
    if (n !== 0 && n !== 1) return undefined;
    given = n;
  }
  const effective = given ?? rule.defaultValue;
  if (effective === undefined) return undefined;
  const path = `${prefix}${rule.typeField}`;
  const numericValue = rule.stringValue === 0 ? 1 : 0;
  const said =
    given === undefined
      ? { en: `${rule.typeField} is not given, which means a numeric room here`, zh: `未填写 ${rule.typeField}，此处默认表示数字房间` }
      : effective === rule.stringValue
        ? { en: `${rule.typeField} ${effective} means a string room here`, zh: `${rule.typeField} 为 ${effective}，此处表示字符串房间` }
        : { en: `${rule.typeField} ${effective} means a numeric room here`, zh: `${rule.typeField} 为 ${effective}，此处表示数字房间` };
  const roomText = JSON.stringify(room);
  if (effective !== rule.stringValue) {
    if (!isNumericRoomText(room)) {
      return makeIssue(
        path,
        'roomType',
        { en: `${said.en}, but ${rule.roomField} ${roomText} is not a number.`, zh: `${said.zh}，但 ${rule.roomField} ${roomText} 不是数字。` },
        {
          fix: {
            en: `Set ${rule.typeField} to ${rule.stringValue} for a string room, or give the numeric room id.`,
            zh: `字符串房间请把 ${rule.typeField} 设为 ${rule.stringValue}，或改填数字房间号。`,
          },
          suggestion: String(rule.stringValue),
          source: rule.source,
          rule: 'roomType.notNumber',
        },
      );
    }
    if (rule.numeric32 && Number(room) > MAX_ROOM_ID_32) {
      return makeIssue(
        path,
        'roomType',
        {
          en: `${said.en} (a 32-bit integer), but ${rule.roomField} ${roomText} is larger than ${MAX_ROOM_ID_32}.`,
          zh: `${said.zh}（32 位整数），但 ${rule.roomField} ${roomText} 大于 ${MAX_ROOM_ID_32}。`,
        },
        {
          fix: { en: `Set ${rule.typeField} to ${rule.stringValue} if the room has a string id.`, zh: `如为字符串房间，请把 ${rule.typeField} 设为 ${rule.stringValue}。` },
          suggestion: String(rule.stringValue),
          source: rule.source,
          rule: 'roomType.tooLarge',
        },
      );
    }
    return undefined;
  }
  if (isNumericRoomText(room)) {
    return makeIssue(
      path,
      'roomType',
      {
        en: `${said.en}, but ${rule.roomField} ${roomText} is all digits; a room entered with a numeric id is not found this way.`,
        zh: `${said.zh}，但 ${rule.roomField} ${roomText} 全是数字；以数字房间号进入的房间这样找不到。`,
      },
      {
        severity: 'warning',
        fix: { en: `If the room has a numeric id, set ${rule.typeField} to ${numericValue}.`, zh: `如为数字房间，请把 ${rule.typeField} 设为 ${numericValue}。` },
        suggestion: String(numericValue),
        source: rule.source,
        rule: 'roomType.digits',
      },
    );
  }
  return undefined;
}

function roomTypeIssues(info: ActionInfo, params: JsonObject, options: RuleOptions): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  forEachStruct(info, params, (struct, obj, prefix) => {
    for (const rule of ROOM_TYPE_RULES) {
      if (rule.owner !== struct) continue;
      const issue = roomTypeIssue(rule, obj, prefix, options);
      if (issue) out.push(issue);
    }
  });
  return out;
}

/** The length of a window as the rule counts it: calendar-day windows count both ends. */
function spanOf(field: FieldInfo, start: number, end: number): number {
  return textLayoutOf(field) === 'YYYY-MM-DD' ? end - start + 86_400 : end - start;
}

function windowIssues(info: ActionInfo, params: JsonObject, options: RuleOptions): ValidationIssue[] {
  const rule = WINDOW_RULES[info.name];
  if (!rule) return [];
  const startField = info.input.find((f) => f.name === rule.start);
  const endField = info.input.find((f) => f.name === rule.end);
  if (!startField || !endField) return [];
  const startValue = params[rule.start];
  const endValue = params[rule.end];
  const start = momentOf(startValue, startField);
  const end = momentOf(endValue, endField);
  if (start === undefined || end === undefined) return [];
  // A Unix time in the wrong unit is reported on its own field; comparing it would add noise.
  if (startField.time === 'unix-s' && Math.max(start, end) >= SECONDS_LOOK_LIKE_MS) return [];
  const out: ValidationIssue[] = [];
  const source = rule.source;
  if (start > end) {
    out.push(
      makeIssue(
        rule.start,
        'window',
        {
          en: `${rule.start} ${showMoment(startValue, start)} is after ${rule.end} ${showMoment(endValue, end)}.`,
          zh: `${rule.start} ${showMoment(startValue, start)} 晚于 ${rule.end} ${showMoment(endValue, end)}。`,
        },
        { fix: { en: `Swap them, or move ${rule.start} before ${rule.end}.`, zh: `请对调两者，或把 ${rule.start} 改到 ${rule.end} 之前。` }, source, rule: 'window.order' },
      ),
    );
    return out;
  }
  const narrower = rule.narrowerWhen;
  const narrowed = narrower && given(params[narrower.field]);
  const limit = narrowed ? narrower.maxSpanSeconds : rule.maxSpanSeconds;
  if (limit !== undefined && spanOf(startField, start, end) > limit) {
    const length = describeDuration(spanOf(startField, start, end));
    const most = describeDuration(limit);
    const why = narrowed ? { en: ` while ${narrower.field} is given`, zh: `（填写 ${narrower.field} 时）` } : { en: '', zh: '' };
    out.push(
      makeIssue(
        rule.start,
        'window',
        {
          en: `The window from ${rule.start} to ${rule.end} is ${length.en}; ${info.name} allows at most ${most.en}${why.en}.`,
          zh: `${rule.start} 到 ${rule.end} 的时间跨度为 ${length.zh}；${info.name} 最多允许 ${most.zh}${why.zh}。`,
        },
        { fix: { en: `Shorten it to ${most.en}, or split it into several calls.`, zh: `请缩短到${most.zh}以内，或分多次查询。` }, source, rule: 'window.span' },
      ),
    );
  }
  if (rule.earliest) {
    const earliest = momentOf(rule.earliest, { name: 'earliest', type: { kind: 'date' }, description: {} })!;
    if (start < earliest) {
      out.push(
        makeIssue(
          rule.start,
          'window',
          { en: `${info.name} has no data before ${rule.earliest}.`, zh: `${info.name} 没有 ${rule.earliest} 之前的数据。` },
          { fix: { en: `Start on ${rule.earliest} or later.`, zh: `请从 ${rule.earliest} 或之后开始查询。` }, source, rule: 'window.earliest' },
        ),
      );
      return out;
    }
  }
  if (rule.retentionSeconds !== undefined && options.now !== undefined) {
    // Text times carry no zone and days are whole, so a day of slack keeps the boundary honest.
    const slack = textLayoutOf(startField) ? 86_400 : 300;
    const nowSeconds = options.now / 1000;
    if (start < nowSeconds - rule.retentionSeconds - slack) {
      const kept = describeDuration(rule.retentionSeconds);
      const ago = describeDuration(nowSeconds - start);
      out.push(
        makeIssue(
          rule.start,
          'window',
          {
            en: `${rule.start} is ${ago.en} ago; ${info.name} keeps data for the last ${kept.en} only.`,
            zh: `${rule.start} 距今 ${ago.zh}；${info.name} 只能查询最近 ${kept.zh} 的数据。`,
          },
          { fix: { en: `Start within the last ${kept.en}.`, zh: `请把开始时间设在最近 ${kept.zh} 之内。` }, source, rule: 'window.retention' },
        ),
      );
    }
  }
  return out;
}

/** Whether an optional member counts as given: present and, for a list, not empty. */
function given(value: JsonValue | undefined): boolean {
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/** DescribeCallDetailInfo serves at most six users at a time once metrics are asked for. */
function callDetailIssues(info: ActionInfo, params: JsonObject): ValidationIssue[] {
  if (info.name !== 'DescribeCallDetailInfo' || !given(params.DataType)) return [];
  const out: ValidationIssue[] = [];
  const source = trtcIo(55013);
  const users = params.UserIds;
  if (Array.isArray(users) && users.length > 6) {
    out.push(
      makeIssue(
        'UserIds',
        'range',
        { en: `With DataType given, UserIds may list at most 6 users, but lists ${users.length}.`, zh: `填写 DataType 时，UserIds 最多 6 个用户，实际为 ${users.length} 个。` },
        { fix: { en: 'Ask for 6 users per call, or leave DataType out to list users only.', zh: '请每次查询不超过 6 个用户，或不填 DataType 只查询用户列表。' }, source, rule: 'callDetail.users' },
      ),
    );
  }
  const size = params.PageSize;
  if (isJsonNumber(size) && Number(numberText(size)) > 6) {
    out.push(
      makeIssue(
        'PageSize',
        'range',
        { en: `With DataType given, PageSize may be at most 6, but is ${numberText(size)}.`, zh: `填写 DataType 时，PageSize 最大为 6，实际为 ${numberText(size)}。` },
        { fix: { en: 'Use a PageSize of 6 or less.', zh: '请把 PageSize 设为 6 或更小。' }, suggestion: '6', source, rule: 'callDetail.pageSize' },
      ),
    );
  }
  return out;
}

/**
 * The issues TRTC's documented rules find in structurally checked parameters: a room id of the
 * other kind, a RoomIdType that disagrees with its RoomId, query windows that are reversed, too
 * long or too old, limits that depend on another member, and a region the action does not run in.
 * Values of the wrong shape are skipped here; the structural checks report them.
 */
export function ruleIssues(info: ActionInfo, params: JsonObject, options: RuleOptions = {}): ValidationIssue[] {
  return [
    ...twinIssues(info, params, options),
    ...roomTypeIssues(info, params, options),
    ...windowIssues(info, params, options),
    ...callDetailIssues(info, params),
    ...regionIssues(info, options),
  ];
}
