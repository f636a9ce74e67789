import { closest } from 'fastest-levenshtein';
import { findAction, getCatalog } from '../core/catalog/catalog';
import { InputError } from '../core/errors';

// Kept apart from callOptions.ts, which brings in the validator (and zod) and the endpoint policy:
// `describe` and `skeleton` check the action's name and need neither.

/** Checks that the action exists, suggesting the closest name when it does not. */
export function checkAction(action: string | undefined, validate: boolean): string {
  if (!action) {
    throw new InputError('Name the action, e.g. `trtc-explorer call DescribeRoomInfo --params ...`');
  }
  if (findAction(action) || !validate) {
    return action;
  }
  const names = getCatalog().actions.map((a) => a.name);
  const ci = names.find((n) => n.toLowerCase() === action.toLowerCase());
  const guess = ci ?? closest(action, names);
  throw new InputError(`Unknown action ${action}${guess ? ` (did you mean ${guess}?)` : ''}; \`trtc-explorer list\` shows them all`);
}
