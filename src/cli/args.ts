import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from 'fastest-levenshtein';
import { InputError } from '../core/errors';

// Only the parsing of options: `list` and `describe` load this and nothing of the JSON reader,
// which is in inputs.ts with the other readers of files and standard input.

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses one command's arguments strictly; an unknown option names the closest known one. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = (e as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const names = Object.keys(options).map((n) => `--${n}`);
      const guess = closest(unknown.startsWith('--') ? unknown : `-${unknown}`, names);
      throw new InputError(`Unknown option ${unknown}${guess ? ` (did you mean ${guess}?)` : ''}\n${usage}`);
    }
    throw new InputError(`${message.replace(/\. To specify a positional argument.*$/, '')}\n${usage}`);
  }
}

/** Parses a whole number option such as `--timeout 5000`. */
export function intOption(value: string | undefined, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return Number(value);
}

/** Checks a value against a fixed list, naming the choices when it is not one of them. */
export function choiceOption<T extends string>(value: string | undefined, name: string, choices: readonly T[]): T | undefined {
  if (value === undefined) {
    return undefined;
  }
  const hit = choices.find((c) => c.toLowerCase() === value.toLowerCase());
  if (!hit) {
    throw new InputError(`--${name} must be one of ${choices.join(', ')}, not "${value}"`);
  }
  return hit;
}
