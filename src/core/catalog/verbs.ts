/**
 * How an action's name tells what it does to the account. TRTC names every action verb first
 * (`DescribeRoomInfo`, `StopWebRecord`), so the leading capitalized word decides:
 * - read-only verbs only fetch data and can be run freely;
 * - destructive verbs change or end something that already exists (a room, a user's session, a
 *   running task, a stored picture or voice print) and deserve a confirmation;
 * - every other verb (Create, Start, Register, and the speech synthesis actions named after their
 *   feature) starts something new: not read-only, and not destructive either.
 */
const READ_ONLY_VERBS: ReadonlySet<string> = new Set(['Describe', 'Query', 'Get', 'List']);

const DESTRUCTIVE_VERBS: ReadonlySet<string> = new Set([
  'Control',
  'Delete',
  'Dismiss',
  'Modify',
  'Remove',
  'Set',
  'Stop',
  'Update',
]);

const CREATING_VERBS: ReadonlySet<string> = new Set(['Async', 'Create', 'Register', 'Start', 'Text', 'Voice']);

/** The leading capitalized word of an action name (`Describe` for `DescribeRoomInfo`). */
export function actionVerb(action: string): string {
  return /^[A-Z][a-z]*/.exec(action)?.[0] ?? action;
}

/** What the name says about an action; `known` is false for a verb none of the lists above has. */
export function classifyAction(action: string): { readOnly: boolean; destructive: boolean; known: boolean } {
  const verb = actionVerb(action);
  return {
    readOnly: READ_ONLY_VERBS.has(verb),
    destructive: DESTRUCTIVE_VERBS.has(verb),
    known: READ_ONLY_VERBS.has(verb) || DESTRUCTIVE_VERBS.has(verb) || CREATING_VERBS.has(verb),
  };
}
