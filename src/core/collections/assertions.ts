import { isJsonNumber, numberText, type JsonObject, type JsonValue } from '../json';
import type { Assertion } from './collectionFormat';
import { parseJsonPath, queryJsonPath, type JsonPath } from './jsonPath';
import { jsonEquals, previewJson } from './jsonValues';
import { compileSafePattern, MAX_MATCH_INPUT_LENGTH } from './safeRegex';

/**
 * What assertions look at: the `Response` object (JSONPath `$` is `Response`, so the room list is
 * `$.RoomList`), the API error if there was one, and the latency. A `CallResult` is one.
 */
export interface AssertionSubject {
  response: JsonObject;
  error?: { code: string; message: string };
  latencyMs: number;
}

/** The outcome of one assertion, with both sides shown as text. */
export interface AssertionResult {
  assertion: Assertion;
  passed: boolean;
  /** A short statement of the check: `$.Total equals 3`. */
  description: string;
  expected: string;
  actual: string;
  /** One line for reports: the description when it passed, what differed when it failed. */
  message: string;
  /** True for the check added to a request that has no assertions: "the call succeeded". */
  implicit?: boolean;
}

/** The check a request without assertions gets: the call must succeed. */
export const IMPLICIT_SUCCESS: Assertion = { type: 'success' };

/** A one-line statement of what an assertion checks. */
export function describeAssertion(a: Assertion): string {
  switch (a.type) {
    case 'success':
      return 'the call succeeds';
    case 'error':
      return `the call fails with ${a.code}`;
    case 'exists':
      return `${a.path} exists`;
    case 'notExists':
      return `${a.path} does not exist`;
    case 'equals':
      return `${a.path} equals ${previewJson(a.value, 80)}`;
    case 'length':
      return `${a.path} has ${lengthText(a)}`;
    case 'matches':
      return `${a.path} matches /${a.pattern}/${a.flags ?? ''}`;
    case 'latencyBelow':
      return `latency is below ${a.ms} ms`;
  }
}

function lengthText(a: { min?: number; max?: number; equals?: number }): string {
  const parts: string[] = [];
  if (a.equals !== undefined) {
    parts.push(`length ${a.equals}`);
  }
  if (a.min !== undefined) {
    parts.push(`length >= ${a.min}`);
  }
  if (a.max !== undefined) {
    parts.push(`length <= ${a.max}`);
  }
  return parts.join(' and ');
}

function outcomeText(subject: AssertionSubject): string {
  return subject.error ? `error ${subject.error.code}` : 'success';
}

/** True when an API error code fits the expected code or `Prefix.*` (which also matches `Prefix` itself). */
export function errorCodeMatches(expected: string, actual: string): boolean {
  if (expected.endsWith('.*')) {
    const prefix = expected.slice(0, -2);
    return actual === prefix || actual.startsWith(prefix + '.');
  }
  return actual === expected;
}

/**
 * The value a path stands for: the single value it selects, or, for a path with `[*]`, the array of
 * all values it selects (so `$.RoomList[*].RoomId` can be compared with `[1, 2]` and counted).
 */
function select(path: JsonPath, response: JsonObject): { value: JsonValue | undefined; found: boolean } {
  const matches = queryJsonPath(path, response);
  if (path.hasWildcard) {
    return { value: matches.map((m) => m.value), found: matches.length > 0 };
  }
  return matches.length > 0 ? { value: matches[0].value, found: true } : { value: undefined, found: false };
}

function result(a: Assertion, passed: boolean, expected: string, actual: string, detail?: string): AssertionResult {
  const description = describeAssertion(a);
  return {
    assertion: a,
    passed,
    description,
    expected,
    actual,
    message: passed ? description : `${description}: expected ${expected}, got ${actual}${detail ? ` (${detail})` : ''}`,
  };
}

/** Evaluates one assertion. Never throws: a path or pattern problem becomes a failed result saying so. */
export function evaluateAssertion(a: Assertion, subject: AssertionSubject): AssertionResult {
  switch (a.type) {
    case 'success':
      return result(a, !subject.error, 'success', outcomeText(subject), subject.error ? truncate(subject.error.message, 160) : undefined);
    case 'error':
      return result(a, subject.error !== undefined && errorCodeMatches(a.code, subject.error.code), `error ${a.code}`, outcomeText(subject));
    case 'latencyBelow':
      return result(a, subject.latencyMs < a.ms, `< ${a.ms} ms`, `${Math.round(subject.latencyMs)} ms`);
    case 'exists':
    case 'notExists':
    case 'equals':
    case 'length':
    case 'matches':
      break;
  }
  let path: JsonPath;
  try {
    path = parseJsonPath(a.path);
  } catch (e) {
    return result(a, false, 'a valid path', 'an invalid path', (e as Error).message);
  }
  const { value, found } = select(path, subject.response);
  const present = found && (path.hasWildcard ? (value as JsonValue[]).some((v) => v !== null) : value !== null);
  switch (a.type) {
    case 'exists':
      return result(a, present, 'a value', found ? previewJson(value) : 'nothing');
    case 'notExists':
      return result(a, !present, 'nothing', found ? previewJson(value) : 'nothing');
    case 'equals':
      return result(a, found && jsonEquals(value!, a.value), previewJson(a.value), found ? previewJson(value) : 'nothing');
    case 'length': {
      const expected = lengthText(a);
      if (!found) {
        return result(a, false, expected, 'nothing');
      }
      let length: number;
      if (Array.isArray(value)) {
        length = value.length;
      } else if (typeof value === 'string') {
        length = [...value].length;
      } else {
        return result(a, false, `an array or string with ${expected}`, previewJson(value));
      }
      const ok =
        (a.equals === undefined || length === a.equals) && (a.min === undefined || length >= a.min) && (a.max === undefined || length <= a.max);
      return result(a, ok, expected, `length ${length}`);
    }
    case 'matches': {
      const expected = `a value matching /${a.pattern}/${a.flags ?? ''}`;
      const regex = compileSafePattern(a.pattern, a.flags);
      if (typeof regex === 'string') {
        return result(a, false, expected, 'an unusable pattern', regex);
      }
      if (!found) {
        return result(a, false, expected, 'nothing');
      }
      const subjects = path.hasWildcard ? (value as JsonValue[]) : [value!];
      if (subjects.length === 0) {
        return result(a, false, expected, 'nothing');
      }
      for (const v of subjects) {
        const text = typeof v === 'string' ? v : isJsonNumber(v) ? numberText(v) : undefined;
        if (text === undefined) {
          return result(a, false, expected, previewJson(v), 'only strings and numbers can be matched');
        }
        if (!regex.test(text.slice(0, MAX_MATCH_INPUT_LENGTH))) {
          return result(a, false, expected, previewJson(v));
        }
      }
      return result(a, true, expected, previewJson(value));
    }
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/**
 * Evaluates a request's assertions in order. A request without any gets one implicit check: the
 * call succeeded.
 */
export function evaluateAssertions(assertions: readonly Assertion[] | undefined, subject: AssertionSubject): AssertionResult[] {
  if (!assertions || assertions.length === 0) {
    return [{ ...evaluateAssertion(IMPLICIT_SUCCESS, subject), implicit: true }];
  }
  return assertions.map((a) => evaluateAssertion(a, subject));
}
