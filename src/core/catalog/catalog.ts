import fs from 'node:fs';
import { ConfigError } from '../errors';
import { catalogFile } from './catalogFile';
import type { ActionInfo, Catalog, FieldInfo, StructInfo } from './types';

export { catalogFile, setCatalogFile } from './catalogFile';

/** The catalog file is missing, unreadable or not a catalog; the message names the file. */
export class CatalogFileError extends ConfigError {
  constructor(
    /** The file that was read. */
    readonly file: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`The API catalog ${file} ${problem}. Rebuild it with \`node esbuild.mjs\` (or \`node --import tsx scripts/catalog/generate.ts\`).`, options);
  }
}

let cached: { file: string; catalog: Catalog } | undefined;
let byName: Map<string, ActionInfo> | undefined;
let byLowerName: Map<string, ActionInfo> | undefined;

/**
 * Reads one of the generator's JSON files (the catalog or its index) and checks its shape with
 * `problem`, which names what is wrong or returns undefined; every failure names the file.
 */
export function readCatalogJson<T>(file: string, problem: (parsed: Partial<T>) => string | undefined): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CatalogFileError(file, code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(e)})`, { cause: e });
  }
  let parsed: Partial<T>;
  try {
    parsed = JSON.parse(text) as Partial<T>;
  } catch (e) {
    throw new CatalogFileError(file, `is not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const wrong = typeof parsed === 'object' && parsed !== null ? problem(parsed) : 'has no actions';
  if (wrong) throw new CatalogFileError(file, wrong);
  return parsed as T;
}

/** Reads and checks the catalog file: JSON with actions, categories and structures. */
function readCatalog(file: string): Catalog {
  return readCatalogJson<Catalog>(file, (c) =>
    !Array.isArray(c.actions) || c.actions.length === 0
      ? 'has no actions'
      : !Array.isArray(c.categories) || typeof c.structs !== 'object' || c.structs === null
        ? 'lacks its categories or structures'
        : undefined,
  );
}

/**
 * The catalog, read from {@link catalogFile} on first use and kept. It ships as a JSON file rather
 * than a module, because parsing JSON text is faster than evaluating the same data as JavaScript,
 * and nothing is paid until a caller needs the catalog. Pointing the catalog at another file
 * reads that file on the next call.
 */
export function getCatalog(): Catalog {
  const file = catalogFile();
  if (cached?.file !== file) {
    cached = { file, catalog: readCatalog(file) };
    byName = undefined;
    byLowerName = undefined;
  }
  return cached.catalog;
}

/** The catalog when it has been read already (for the current file), without reading it. */
export function loadedCatalog(): Catalog | undefined {
  return cached?.file === catalogFile() ? cached.catalog : undefined;
}

function index(): { exact: Map<string, ActionInfo>; lower: Map<string, ActionInfo> } {
  const actions = getCatalog().actions;
  if (!byName || !byLowerName) {
    byName = new Map();
    byLowerName = new Map();
    for (const a of actions) {
      byName.set(a.name, a);
      byLowerName.set(a.name.toLowerCase(), a);
    }
  }
  return { exact: byName, lower: byLowerName };
}

/** The action of that name; the exact spelling wins, otherwise a case-insensitive match is accepted. */
export function findAction(name: string): ActionInfo | undefined {
  const { exact, lower } = index();
  return exact.get(name) ?? lower.get(name.toLowerCase());
}

/** A shared structure by name, for forms and validation that descend into nested parameters. */
export function findStruct(name: string): StructInfo | undefined {
  const structs = getCatalog().structs;
  return Object.hasOwn(structs, name) ? structs[name] : undefined;
}

/** The members of an object-typed field, or of each element of an array of objects. */
export function nestedFields(field: FieldInfo): FieldInfo[] | undefined {
  let t = field.type;
  while (t.kind === 'array' && t.items) t = t.items;
  return t.kind === 'object' && t.struct ? findStruct(t.struct)?.fields : undefined;
}

/** Lower-cased words of a text, split at spaces and punctuation, for matching whole-word prefixes. */
function words(text: string | undefined): string[] {
  return text ? text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean) : [];
}

/**
 * Actions matching a free-text query, best first. Every term of the query must match somewhere:
 * in the action name (case-insensitive substring), or as the start of a word of the summary or
 * title in either language. Chinese text has no spaces between words, so there any substring
 * counts. Name matches rank above text matches, exact and prefix name matches first of all.
 */
export function searchActions(query: string): ActionInfo[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return getCatalog().actions.slice();
  const scored: Array<{ action: ActionInfo; score: number }> = [];
  for (const action of getCatalog().actions) {
    const name = action.name.toLowerCase();
    const texts = [action.summary.en, action.summary.zh, action.title.en, action.title.zh];
    const textWords = texts.flatMap(words);
    const zhText = [action.summary.zh, action.title.zh].join('\n').toLowerCase();
    let score = 0;
    let all = true;
    for (const term of terms) {
      if (name === term) score += 100;
      else if (name.startsWith(term)) score += 50;
      else if (name.includes(term)) score += 20;
      else if (textWords.some((w) => w.startsWith(term))) score += 5;
      else if (zhText.includes(term)) score += 5;
      else {
        all = false;
        break;
      }
    }
    if (all) scored.push({ action, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.action.name.localeCompare(b.action.name)).map((s) => s.action);
}
