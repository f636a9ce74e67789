import { InputError } from '../errors';
import { isLosslessNumber, type JsonObject, type JsonValue } from '../json';
import type { ParamPair } from './encoding';

/**
 * Turns nested request parameters into the flat `name=value` list that GET requests and the legacy
 * signatures carry: object members become `Parent.Child`, array items `Parent.0`, `Parent.1`...
 * Strings stay as they are, booleans and numbers become their JSON text, and big numbers keep their
 * exact digits. `null` members and items are left out (they mean "not given"), and so are empty
 * arrays and objects, which have no flat form. The order is the order of the input.
 *
 * Two members that flatten to the same name (`{"A.0": 1, "A": [2]}`) are refused, because the
 * server could not tell them apart.
 */
export function flattenParams(params: JsonObject): ParamPair[] {
  const state: FlattenState = { out: [], dottedKey: false };
  for (const key of Object.keys(params)) {
    if (key.includes('.')) {
      state.dottedKey = true;
    }
    flattenInto(state, key, params[key]);
  }
  // Flattened names can only collide when some member name itself contains a dot, so the set is
  // built only then and ordinary parameters pay nothing for the check.
  if (state.dottedKey) {
    const seen = new Set<string>();
    for (const [name] of state.out) {
      if (seen.has(name)) {
        throw new InputError(
          `Two parameters flatten to the same name ${name}: a member name containing dots collides with a nested member; rename one of them`,
          name,
        );
      }
      seen.add(name);
    }
  }
  return state.out;
}

interface FlattenState {
  out: ParamPair[];
  /** Set when any member name contains a dot, the only way two flattened names can collide. */
  dottedKey: boolean;
}

function flattenInto(state: FlattenState, name: string, value: JsonValue | undefined): void {
  const out = state.out;
  if (value === null || value === undefined) {
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push([name, value]);
      return;
    case 'boolean':
      out.push([name, value ? 'true' : 'false']);
      return;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new InputError(`Parameter ${name} is ${value}, which is not a JSON number; give a finite number`, name);
      }
      out.push([name, String(value)]);
      return;
    case 'bigint':
      // Not a JsonValue, but a caller holding a BigInt means the same exact integer.
      out.push([name, String(value)]);
      return;
    case 'object':
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          flattenInto(state, name + '.' + i, value[i]);
        }
      } else if (isLosslessNumber(value)) {
        out.push([name, value.value]);
      } else {
        for (const key of Object.keys(value)) {
          if (key.includes('.')) {
            state.dottedKey = true;
          }
          flattenInto(state, name + '.' + key, value[key]);
        }
      }
      return;
    default:
      throw new InputError(`Parameter ${name} has a ${typeof value} value, which JSON cannot hold`, name);
  }
}
