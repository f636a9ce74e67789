import { isJsonObject, mapJsonStrings, parseJson, stringifyJson, type JsonObject, type JsonValue } from '../../core/json';
import { redactParams, REDACTED } from '../../core/sensitive';
import { GlobalStateKey } from '../common/ids';
import type { GlobalState } from '../common/state';

// Enough for the actions a person works with; the least recently used fall out first.
const MAX_ACTIONS = 100;

/**
 * Remembers each action's last parameters in global state, so reopening a form starts where the
 * user left off. Sensitive values (storage keys, UserSigs) are never stored: they come back empty.
 */
export class ParamMemory {
  constructor(private readonly state: GlobalState) {}

  /** The remembered parameters of an action as JSON text, or undefined. */
  get(action: string): string | undefined {
    const text = this.state.get(GlobalStateKey.LastParams)?.[action];
    if (!text) {
      return undefined;
    }
    try {
      const params = parseJson(text);
      return isJsonObject(params) ? stringifyJson(blankRedacted(params), 2) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Remembers parameters (redacted) for an action. */
  async set(action: string, params: JsonObject): Promise<void> {
    const all = { ...this.state.get(GlobalStateKey.LastParams) };
    delete all[action];
    all[action] = stringifyJson(redactParams(params).params);
    const names = Object.keys(all);
    for (const stale of names.slice(0, Math.max(0, names.length - MAX_ACTIONS))) {
      delete all[stale];
    }
    await this.state.update(GlobalStateKey.LastParams, all);
  }
}

function blankRedacted(value: JsonValue): JsonValue {
  return mapJsonStrings(value, (text) => (text === REDACTED ? '' : text));
}
