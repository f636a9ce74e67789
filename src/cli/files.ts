import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors';

/**
 * Writes beside the file and renames, so a reader (a CI system, a spreadsheet) never sees half a
 * file and a failure leaves the old one; the temporary file is removed and the error names the file.
 */
export function writeAtomically(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new InputError(`Cannot write ${file}: ${(e as Error).message}`);
  }
}
