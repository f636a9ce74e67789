import { catalogJson } from '../../../generated/catalogData';
import type { ActionInfo, Catalog, CategoryInfo, FieldInfo, StructInfo } from './types';

let cached: Catalog | undefined;
let byName: Map<string, ActionInfo> | undefined;
let byLowerName: Map<string, ActionInfo> | undefined;

/**
 * The catalog, parsed from the generated JSON text on first use and kept. Parsing a JSON string is
 * much faster than evaluating the same data as an object literal, and nothing is paid until a
 * caller needs the catalog.
 */
export function getCatalog(): Catalog {
  if (!cached) {
    const parsed = JSON.parse(catalogJson) as Partial<Catalog>;
    if (!Array.isArray(parsed.actions) || parsed.actions.length === 0) {
      throw new Error('The API catalog is empty: run `node --import tsx scripts/catalog/generate.ts` before building.');
    }
    cached = parsed as Catalog;
  }
  return cached;
}

function index(): { exact: Map<string, ActionInfo>; lower: Map<string, ActionInfo> } {
  if (!byName || !byLowerName) {
    byName = new Map();
    byLowerName = new Map();
    for (const a of getCatalog().actions) {
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

/** The categories in display order. */
export function listCategories(): CategoryInfo[] {
  return getCatalog().categories;
}

/** Actions in alphabetical order, optionally only those of one category. */
export function listActions(options: { category?: string } = {}): ActionInfo[] {
  const all = getCatalog().actions;
  return options.category === undefined ? all.slice() : all.filter((a) => a.category === options.category);
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
  if (terms.length === 0) return listActions();
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
