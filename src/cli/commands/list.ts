import { closest } from 'fastest-levenshtein';
import { listActions, listCategories } from '../../core/catalog/catalogIndex';
import { InputError } from '../../core/errors';
import { parseCommandArgs } from '../args';
import type { CliIo } from '../io';

// `list` reads only the catalog's index (catalogIndex.ts), never the whole catalog: it is the
// command people run first and most, and it starts close to a bare `node`.

export const LIST_USAGE = `Usage: trtc-explorer list [--category C] [--json]

Lists the actions of TRTC 2019-07-22 by category. C is a category key or name
(for example room, "Room Management", recording).
`;

/** `trtc-explorer list`. */
export function listCommand(args: string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, { category: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, LIST_USAGE);
  if (values.help) {
    io.stdout(LIST_USAGE);
    return 0;
  }
  const categories = listCategories();
  let selected = categories;
  if (values.category) {
    const q = values.category.toLowerCase();
    const hit = categories.find((c) => c.key === q || c.en.toLowerCase() === q || c.zh === values.category || c.en.toLowerCase().startsWith(q));
    if (!hit) {
      const guess = closest(q, categories.map((c) => c.key));
      throw new InputError(`Unknown category "${values.category}"; categories: ${categories.map((c) => c.key).join(', ')}${guess ? ` (did you mean ${guess}?)` : ''}`);
    }
    selected = [hit];
  }
  if (values.json) {
    const out = selected.flatMap((c) =>
      listActions({ category: c.key }).map((a) => ({
        name: a.name,
        category: c.en,
        summary: a.summary.en,
        readOnly: !!a.readOnly,
        destructive: !!a.destructive,
        availability: a.availability,
        ...(a.deprecated ? { deprecated: true } : {}),
      })),
    );
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...listActions().map((a) => a.name.length));
  // One write for the whole list rather than one per line.
  const lines: string[] = [];
  for (const c of selected) {
    const actions = listActions({ category: c.key });
    lines.push(`${c.en} (${actions.length})`);
    for (const a of actions) {
      const flags = `${a.deprecated ? ' [deprecated]' : ''}${a.availability === 'cn' ? ' [CN site]' : a.availability === 'intl' ? ' [intl site]' : ''}`;
      lines.push(`  ${a.name.padEnd(width)}  ${a.summary.en}${flags}`);
    }
    lines.push('');
  }
  io.stdout(lines.join('\n') + '\n');
  return 0;
}
