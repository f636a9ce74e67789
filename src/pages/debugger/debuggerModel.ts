import type { DebuggerInit, DebuggerState, StepStatusView } from '../../shared/debuggerProtocol';
import { formatMessage } from '../common/l10n';
import type { DebuggerString } from '../../shared/debuggerStrings';

/*
 * The debugger page's logic that does not touch the DOM: what to start from, how values are made
 * visible, and where two values part. Unit-tested in plain Node.
 */

/** Looks up a page string in the host's translations; `{0}`… are replaced by the arguments. */
export type DebuggerTranslate = (english: DebuggerString, ...args: Array<string | number>) => string;

/** Builds the page's `t()`; a missing translation falls back to the English text. */
export function makeDebuggerTranslate(strings: Readonly<Record<string, string>>): DebuggerTranslate {
  return (english, ...args) => {
    const own = Object.hasOwn(strings, english) ? strings[english] : undefined;
    return formatMessage(typeof own === 'string' && own !== '' ? own : english, args);
  };
}

/** The inputs the page starts with. The SecretKey is never among them. */
export interface StartingInput {
  text: string;
  secretId: string;
  temporary: boolean;
  /** The prefill the text stems from, remembered so it does not overwrite later edits. */
  prefillId?: string;
}

/**
 * Decides the starting inputs after `init`. A prefill the page has not seen yet (a new failing
 * call) wins; otherwise the page's saved state, which is newer than any prefill it already applied.
 */
export function startingInput(init: Pick<DebuggerInit, 'prefill'>, saved: unknown): StartingInput {
  const s = typeof saved === 'object' && saved !== null ? (saved as Partial<Record<keyof DebuggerState, unknown>>) : {};
  const savedText = typeof s.text === 'string' ? s.text : undefined;
  const secretId = typeof s.secretId === 'string' ? s.secretId : '';
  const temporary = s.temporary === true;
  const savedPrefill = typeof s.prefillId === 'string' ? s.prefillId : undefined;
  const prefill = init.prefill;
  if (prefill && (prefill.id !== savedPrefill || savedText === undefined)) {
    return { text: prefill.text, secretId: '', temporary: false, prefillId: prefill.id };
  }
  return { text: savedText ?? '', secretId, temporary, ...(savedPrefill ? { prefillId: savedPrefill } : {}) };
}

/** The state to save: everything the user typed except the SecretKey. */
export function stateToSave(input: StartingInput): DebuggerState {
  return { text: input.text, secretId: input.secretId, temporary: input.temporary, ...(input.prefillId ? { prefillId: input.prefillId } : {}) };
}

/**
 * One visible unit per character of `text`, with the same symbols as the signing core's
 * `showInvisibles`: ⏎ before each line break, → tab, ␍ carriage return, ⍽ no-break space, ␣⃠
 * zero-width characters, · spaces at the end of a line. Units can be sliced by character index,
 * which a transformed string cannot.
 */
export function visibleUnits(text: string): string[] {
  const units: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      units.push('⏎\n');
    } else if (c === '\r') {
      units.push('␍');
    } else if (c === '\t') {
      units.push('→');
    } else if (c === '\u00a0') {
      units.push('⍽');
    } else if (c === '\u200b' || c === '\u200c' || c === '\u200d' || c === '\ufeff') {
      units.push('␣⃠');
    } else if (c === ' ' && trailingSpace(text, i)) {
      units.push('·');
    } else {
      units.push(c);
    }
  }
  return units;
}

function trailingSpace(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && text[j] === ' ') {
    j++;
  }
  return j === text.length || text[j] === '\n';
}

/** `text` with its invisible characters made visible. */
export function visible(text: string): string {
  return visibleUnits(text).join('');
}

/** A value split around the part where it differs from the other value, each part made visible. */
export interface DiffParts {
  before: string;
  changed: string;
  after: string;
}

/**
 * Splits two values into the common start, the differing middle and the common end, so the page
 * can highlight exactly what differs. Identical values have an empty middle.
 */
export function differenceParts(expected: string, actual: string): { expected: DiffParts; actual: DiffParts } {
  let start = 0;
  while (start < expected.length && start < actual.length && expected[start] === actual[start]) {
    start++;
  }
  let end = 0;
  while (end < expected.length - start && end < actual.length - start && expected[expected.length - 1 - end] === actual[actual.length - 1 - end]) {
    end++;
  }
  const split = (value: string): DiffParts => {
    const units = visibleUnits(value);
    return {
      before: units.slice(0, start).join(''),
      changed: units.slice(start, value.length - end).join(''),
      after: units.slice(value.length - end).join(''),
    };
  };
  return { expected: split(expected), actual: split(actual) };
}

/** The mark shown before a step. */
export function statusMark(status: StepStatusView): string {
  return status === 'ok' ? '✓' : status === 'differs' ? '✗' : status === 'unknown' ? '?' : '–';
}

/** The page string naming a step's status, for screen readers. */
export function statusLabel(status: StepStatusView): DebuggerString {
  return status === 'ok' ? 'matches' : status;
}
