import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from 'fastest-levenshtein';
import { InputError } from '../core/errors';
import { isJsonObject, parseJson, type JsonObject } from '../core/json';
import type { CliIo } from './io';

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

/** Reads a text argument given inline, as `@file`, or as `@-` for standard input. */
export async function readTextArg(value: string, io: CliIo): Promise<string> {
  if (value === '@-' || value === '-') {
    return io.readStdin();
  }
  if (value.startsWith('@')) {
    const file = path.resolve(io.cwd, value.slice(1));
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new InputError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
  }
  return value;
}

/** Parses `--params` (JSON text, `@file.json` or `@-`) into a lossless object. */
export async function readParams(value: string | undefined, io: CliIo): Promise<JsonObject> {
  if (value === undefined) {
    return {};
  }
  const text = await readTextArg(value, io);
  let parsed;
  try {
    parsed = parseJson(text);
  } catch (e) {
    throw new InputError(`--params is not valid JSON: ${(e as Error).message}`);
  }
  if (!isJsonObject(parsed)) {
    throw new InputError('--params must be a JSON object such as {"SdkAppId": 1400000001}');
  }
  return parsed;
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
