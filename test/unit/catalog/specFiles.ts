import fs from 'node:fs';
import path from 'node:path';

/** The repository root, from this file's place in `test/unit/catalog`. */
export const repoRoot = path.resolve(__dirname, '../../..');

/** Reference data shared by the project's helpers; read by tests only, never shipped. */
export const sharedDir = path.resolve(repoRoot, '../shared');

/** A member of a tccli spec object. */
export interface SpecMember {
  name: string;
  type: string;
  member: string;
  required?: boolean;
}

/** A tccli `api.json`: actions and the objects they use. */
export interface Spec {
  actions: Record<string, { input: string; output: string; status: string; name: string }>;
  objects: Record<string, { members: SpecMember[] }>;
}

/** Reads a file of `../shared/trtc` as JSON. */
export function readShared<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(sharedDir, 'trtc', file), 'utf8')) as T;
}
