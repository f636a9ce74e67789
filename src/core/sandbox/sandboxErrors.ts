import { ERROR_CODES } from '../catalog/errorCodes';
import type { ValidationIssue } from '../catalog/issues';
import type { ActionInfo } from '../catalog/types';
import { validateParams } from '../catalog/validate';
import { isJsonNumber, numberText, type JsonObject } from '../json';

/** The `Response.Error` the sandbox answers with, as the API writes it. */
export interface SandboxError {
  Code: string;
  Message: string;
}

/** Which language the API writes its messages in, as `X-TC-Language` asks. */
export type SandboxLanguage = 'zh-CN' | 'en-US';

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES.map((c) => c.code));

/** The most specific code the API has for a family and a parameter (`MissingParameter.RoomId`), else the family. */
function specific(family: string, path: string): string {
  const name = /([A-Za-z]+)(?:\[\d+\])*$/.exec(path)?.[1];
  const code = name ? `${family}.${name}` : family;
  return KNOWN_CODES.has(code) ? code : family;
}

/**
 * The order in which the API finds problems: the region before anything else, then the shape of
 * the parameters (unknown, missing, mistyped, out of range), then what only the service knows.
 */
const PRIORITY: readonly ValidationIssue['code'][] = ['region', 'unknown', 'missing', 'type', 'empty', 'format', 'enum', 'range', 'timeUnit', 'roomType', 'window', 'twin'];

function codeFor(issue: ValidationIssue): string {
  switch (issue.code) {
    case 'region':
      return 'UnsupportedRegion';
    case 'unknown':
      return 'UnknownParameter';
    case 'missing':
      return specific('MissingParameter', issue.path);
    case 'type':
    case 'empty':
    case 'format':
      return specific('InvalidParameter', issue.path);
    case 'enum':
    case 'range':
    case 'timeUnit':
      if (/(^|\.)PageSize$/.test(issue.path)) return 'InvalidParameter.PageSizeOversize';
      return specific('InvalidParameterValue', issue.path);
    case 'roomType':
      return 'InvalidParameter.RoomId';
    case 'window':
      if (issue.rule === 'window.retention' || issue.rule === 'window.earliest') return 'InvalidParameter.StartTimeExpire';
      if (issue.rule === 'window.span') return 'InvalidParameter.QueryScaleOversize';
      return 'InvalidParameter';
    case 'twin':
      return 'FailedOperation.RoomNotExist';
  }
}

/** The API's own words for a problem, written our way; the issue's text says what and where. */
function messageFor(code: string, issue: ValidationIssue, language: SandboxLanguage): string {
  const zh = language === 'zh-CN';
  const detail = zh ? issue.messageZh : issue.message;
  if (code === 'UnsupportedRegion') return zh ? `接口不支持所传地域。${detail}` : `The action does not support the region of the request. ${detail}`;
  if (code === 'UnknownParameter') return zh ? `未定义的参数：${issue.path}。` : `The parameter \`${issue.path}\` is not defined for this action.`;
  if (code.startsWith('MissingParameter')) return zh ? `缺少参数 \`${issue.path}\`。` : `The request is missing the required parameter \`${issue.path}\`.`;
  if (code === 'FailedOperation.RoomNotExist') return zh ? '房间不存在。' : 'The room does not exist.';
  return zh ? `参数 \`${issue.path || 'Region'}\` 取值错误：${detail}` : `Invalid value for \`${issue.path || 'Region'}\`: ${detail}`;
}

/**
 * What the sandbox's world knows beyond the documentation: no application has the id 0 and no
 * numeric room is number 0, as in TRTC itself (ids start at 1).
 */
function worldError(info: ActionInfo, params: JsonObject, language: SandboxLanguage): SandboxError | undefined {
  const zh = language === 'zh-CN';
  const zero = (v: unknown) => isJsonNumber(v) && numberText(v) === '0';
  if (zero(params.SdkAppId) || zero(params.SdkAppid)) {
    return { Code: 'FailedOperation.SdkAppIdNotExist', Message: zh ? '应用 ID 不存在：0。' : 'No application has the SdkAppId 0.' };
  }
  const numericRoom = info.input.find((f) => f.name === 'RoomId' && f.type.kind === 'integer');
  if (numericRoom && zero(params.RoomId)) {
    return { Code: 'FailedOperation.RoomNotExist', Message: zh ? '房间不存在：0。' : 'The room 0 does not exist.' };
  }
  return undefined;
}

/**
 * The error the real API would most likely answer this request with, or undefined when it would
 * succeed: the first problem validation finds, in the order the API checks, turned into the API's
 * code (`MissingParameter`, `InvalidParameter.SdkAppId`, `UnsupportedRegion`...). A warning only
 * becomes an error for the twin rule: in the sandbox an all-digit id given to a string-room action
 * names a numeric room, so the string room is not found, which is what the warning says may happen.
 */
export function sandboxError(info: ActionInfo, params: JsonObject, options: { region?: string; now: number; language?: SandboxLanguage }): SandboxError | undefined {
  const language = options.language ?? 'en-US';
  const issues = validateParams(info, params, { now: options.now, ...(options.region ? { region: options.region } : {}) });
  const counted = issues.filter((i) => i.severity === 'error' || i.code === 'twin');
  const first = [...counted].sort((a, b) => PRIORITY.indexOf(a.code) - PRIORITY.indexOf(b.code))[0];
  if (first) {
    const code = codeFor(first);
    return { Code: code, Message: messageFor(code, first, language) };
  }
  return worldError(info, params, language);
}
