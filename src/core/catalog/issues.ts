/**
 * The problems validation reports, shared by the structural checks (`validate.ts`) and the
 * documentation rules (`rules/ruleChecks.ts`), and shown by the form, the command line, collection
 * runs and the sandbox alike.
 */

/**
 * What kind of problem a parameter has; the form and the command line show each differently.
 * The first seven come from the parameters' structure; the others from TRTC's documented rules:
 * `twin` a room id of the other kind (use the `...ByStrRoomId` twin or its numeric one), `roomType`
 * a RoomIdType that disagrees with the RoomId, `window` a query window that is reversed, too long or
 * reaches back further than the data is kept, `timeUnit` milliseconds where seconds are expected or
 * the reverse, `region` a region the action does not run in.
 */
export type IssueCode =
  | 'missing'
  | 'type'
  | 'range'
  | 'unknown'
  | 'empty'
  | 'enum'
  | 'format'
  | 'twin'
  | 'roomType'
  | 'window'
  | 'timeUnit'
  | 'region';

/**
 * `error`: the API refuses such a request, or it cannot do what was meant. `warning`: probably a
 * mistake, but a correct request can look like this too (an all-digit string room id), so nothing
 * is refused for it.
 */
export type IssueSeverity = 'error' | 'warning';

/** One problem found in request parameters. */
export interface ValidationIssue {
  /** Where the problem is, such as `Layout.MixVideoUids[2]`; empty for the request as a whole (a region). */
  path: string;
  code: IssueCode;
  severity: IssueSeverity;
  /** A short English sentence naming the parameter, what was expected and what was given. */
  message: string;
  /** The same in Chinese. */
  messageZh: string;
  /** What to do about it, in both languages. */
  fix?: { en: string; zh: string };
  /**
   * A replacement the editor can offer: for `unknown`, the parameter name that was probably meant;
   * otherwise a corrected value (a number without quotes, an enum value with the right case, a
   * RoomIdType that fits the RoomId, seconds for milliseconds).
   */
  suggestion?: string;
  /** Another action to call instead: the twin of a room-id mistake. */
  otherAction?: string;
  /** The documentation page or SDK file a rule issue rests on. */
  source?: string;
  /**
   * Which rule found a rule issue, stable for code to act on: `twin.numeric`, `twin.string`,
   * `twin.digits`, `roomType.notNumber`, `roomType.tooLarge`, `roomType.digits`, `window.order`,
   * `window.span`, `window.earliest`, `window.retention`, `region`, `callDetail.users`,
   * `callDetail.pageSize`. Absent for structural issues.
   */
  rule?: string;
}

/** A text in both languages, as issues carry it. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** Builds an issue from its parts; the optional members only when given. */
export function makeIssue(
  path: string,
  code: IssueCode,
  message: Bilingual,
  extra: { severity?: IssueSeverity; fix?: Bilingual; suggestion?: string; otherAction?: string; source?: string; rule?: string } = {},
): ValidationIssue {
  const issue: ValidationIssue = { path, code, severity: extra.severity ?? 'error', message: message.en, messageZh: message.zh };
  if (extra.fix) issue.fix = { en: extra.fix.en, zh: extra.fix.zh };
  if (extra.suggestion !== undefined) issue.suggestion = extra.suggestion;
  if (extra.otherAction !== undefined) issue.otherAction = extra.otherAction;
  if (extra.source !== undefined) issue.source = extra.source;
  if (extra.rule !== undefined) issue.rule = extra.rule;
  return issue;
}
