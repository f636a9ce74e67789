import type * as vscode from 'vscode';
import type { ToolPrompts } from '../../src/editor/common/prompts';

/** One answer per question id: text for inputs, item ids for picks, a boolean for confirms, a Uri for files. */
export type Answers = Record<string, string | string[] | boolean | vscode.Uri | undefined>;

/** Prompts that answer from a script, and remember what was asked and anything that went wrong. */
export interface ScriptedPrompts extends ToolPrompts {
  /** Question ids in the order they were asked. */
  asked: string[];
  /** The options of each input box, so tests can call its `validateInput`. */
  inputs: Record<string, vscode.InputBoxOptions>;
  /** Questions without an answer, and answers the command's own validation refused. */
  failures: string[];
}

/**
 * Answers the tools' questions by id, through the seam `ToolsApi.prompts`. An input answer is
 * passed through the box's own `validateInput` first, so a test cannot give an answer a user could
 * not type; a pick answer names the item's `id`.
 */
export function scriptedPrompts(answers: Answers): ScriptedPrompts {
  const p: ScriptedPrompts = {
    asked: [],
    inputs: {},
    failures: [],
    async input(id, options) {
      p.asked.push(id);
      p.inputs[id] = options;
      if (!(id in answers)) {
        p.failures.push(`unexpected input ${id}`);
        return undefined;
      }
      const value = answers[id];
      if (typeof value !== 'string') {
        return undefined;
      }
      const problem = await options.validateInput?.(value);
      const message = typeof problem === 'string' ? problem : problem?.message;
      if (message) {
        p.failures.push(`${id} refused ${JSON.stringify(value)}: ${message}`);
        return undefined;
      }
      return value;
    },
    async pick(id, items) {
      p.asked.push(id);
      const want = answers[id];
      const item = items.find((i) => (i as { id?: unknown }).id === want);
      if (!item) {
        p.failures.push(`no item ${String(want)} in ${id}`);
      }
      return item;
    },
    async pickMany(id, items) {
      p.asked.push(id);
      const want = answers[id];
      if (!Array.isArray(want)) {
        p.failures.push(`no answer for ${id}`);
        return undefined;
      }
      return items.filter((i) => want.includes(String((i as { id?: unknown }).id)));
    },
    async confirm(id) {
      p.asked.push(id);
      return answers[id] === true;
    },
    async openFile(id) {
      p.asked.push(id);
      const v = answers[id];
      return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
    },
  };
  return p;
}
