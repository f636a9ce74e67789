import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors';
import { isJsonObject, parseJson, type JsonObject } from '../core/json';
import type { CliIo } from './io';

/** The bytes of a file an argument names; a file that cannot be read is an InputError naming it. */
function readArgFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new InputError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** Reads a text argument given inline, as `@file`, or as `@-` for standard input. */
export async function readTextArg(value: string, io: CliIo): Promise<string> {
  if (value === '@-' || value === '-') {
    return io.readStdin();
  }
  if (value.startsWith('@')) {
    return readArgFile(path.resolve(io.cwd, value.slice(1))).toString('utf8');
  }
  return value;
}

/**
 * The text of a JSON file, which must be UTF-8: a UTF-8 byte order mark is accepted and dropped,
 * anything else (UTF-16 or UTF-32 with or without a mark, bytes that are not UTF-8) is refused with
 * a message that names the encoding and how to convert it.
 */
export function decodeJsonFile(bytes: Buffer, name: string): string {
  const convert = 'save it as UTF-8 (in VS Code: the encoding in the status bar → Save with Encoding → UTF-8)';
  const b = bytes;
  let encoding: string | undefined;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) encoding = 'UTF-32 LE';
  else if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) encoding = 'UTF-32 BE';
  else if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) encoding = 'UTF-16 LE';
  else if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) encoding = 'UTF-16 BE';
  // JSON starts with an ASCII character, so a zero byte beside the first one means UTF-16 without a mark.
  else if (b.length >= 2 && b[0] !== 0 && b[1] === 0) encoding = 'UTF-16 LE (without a byte order mark)';
  else if (b.length >= 2 && b[0] === 0 && b[1] !== 0) encoding = 'UTF-16 BE (without a byte order mark)';
  if (encoding) {
    throw new InputError(`${name} is encoded as ${encoding}, not UTF-8: ${convert}`);
  }
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(start));
  } catch {
    throw new InputError(`${name} is not valid UTF-8 text (it may be in a legacy encoding such as GBK or Latin-1): ${convert}`);
  }
}

/** Parses `--params` (JSON text, `@file.json` or `@-`) into a lossless object. */
export async function readParams(value: string | undefined, io: CliIo): Promise<JsonObject> {
  if (value === undefined) {
    return {};
  }
  let text: string;
  if (value.startsWith('@') && value !== '@-') {
    text = decodeJsonFile(readArgFile(path.resolve(io.cwd, value.slice(1))), `--params ${value}`);
  } else {
    // Standard input arrives already decoded; a byte order mark survives as U+FEFF.
    text = (await readTextArg(value, io)).replace(/^\uFEFF/, '');
  }
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
