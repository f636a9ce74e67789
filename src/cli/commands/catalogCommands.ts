import { findAction, findStruct } from '../../core/catalog/catalog';
import { listCategories } from '../../core/catalog/catalogIndex';
import { skeleton } from '../../core/catalog/skeleton';
import type { ActionInfo, FieldInfo } from '../../core/catalog/types';
import { describeType } from '../../core/catalog/issueText';
import { stringifyJson } from '../../core/json';
import { parseCommandArgs } from '../args';
import { checkAction } from '../actionName';
import type { CliIo } from '../io';

export const DESCRIBE_USAGE = `Usage: trtc-explorer describe <Action> [--json] [--language en|zh]

Shows an action: what it does, its parameters with types and required flags (nested structures
included), and its output fields.
`;

export const SKELETON_USAGE = `Usage: trtc-explorer skeleton <Action> [--all]

Prints a parameter object with every required field (with --all, every field) filled with a
typed placeholder, ready to edit and pass to \`call --params @file.json\`.
`;

/** `trtc-explorer describe`. */
export function describeCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: 'boolean' }, language: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    DESCRIBE_USAGE,
  );
  if (values.help) {
    io.stdout(DESCRIBE_USAGE);
    return 0;
  }
  const action = findAction(checkAction(positionals[0], true))!;
  if (values.json) {
    io.stdout(JSON.stringify(resolvedAction(action), null, 2) + '\n');
    return 0;
  }
  const lang = values.language === 'zh' || values.language === 'zh-CN' ? 'zh' : 'en';
  const pick = (t: { en?: string; zh?: string }) => (lang === 'zh' ? t.zh || t.en : t.en || t.zh) ?? '';
  const flags = [action.readOnly ? 'read-only' : action.destructive ? 'changes state' : 'creates', action.deprecated ? 'deprecated' : '', action.availability !== 'both' ? `${action.availability === 'cn' ? 'Chinese' : 'international'} site only` : '']
    .filter(Boolean)
    .join(', ');
  const category = listCategories().find((c) => c.key === action.category);
  io.stdout(`${action.name} — ${pick(action.summary)}\n`);
  io.stdout(`Category: ${lang === 'zh' ? category?.zh : category?.en} · ${flags} · version ${action.version}\n`);
  if (action.twin) {
    io.stdout(`Twin: ${action.twin}\n`);
  }
  const doc = action.docUrl.intl ?? action.docUrl.cn;
  if (doc) {
    io.stdout(`Docs: ${doc}\n`);
  }
  const description = pick(action.description);
  if (description) {
    io.stdout(`\n${wrap(description, 100)}\n`);
  }
  io.stdout('\nParameters:\n');
  io.stdout(action.input.length ? fieldTree(action.input, '  ', pick, new Set()) : '  (none)\n');
  io.stdout('\nOutput:\n');
  io.stdout(fieldTree(action.output, '  ', pick, new Set()));
  return 0;
}

/** `trtc-explorer skeleton`. */
export function skeletonCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, { all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, SKELETON_USAGE);
  if (values.help) {
    io.stdout(SKELETON_USAGE);
    return 0;
  }
  const action = checkAction(positionals[0], true);
  io.stdout(stringifyJson(skeleton(action, { all: !!values.all }), 2) + '\n');
  return 0;
}

function fieldTree(fields: FieldInfo[], indent: string, pick: (t: { en?: string; zh?: string }) => string, seen: Set<string>): string {
  let out = '';
  for (const f of fields) {
    const desc = firstSentence(pick(f.description));
    const marks = [f.required ? 'required' : '', f.deprecated ? 'deprecated' : '', f.sensitive ? 'secret' : ''].filter(Boolean).join(', ');
    const enumText = f.enum?.length ? ` one of ${f.enum.map((e) => JSON.stringify(e.value)).join(', ')}.` : '';
    out += `${indent}- ${f.name}: ${describeType(f.type)}${marks ? ` [${marks}]` : ''}${desc || enumText ? ` — ${desc}${enumText}` : ''}\n`;
    const struct = f.type.struct ?? f.type.items?.struct;
    if (struct && !seen.has(struct)) {
      const info = findStruct(struct);
      if (info) {
        out += fieldTree(info.fields, indent + '    ', pick, new Set([...seen, struct]));
      }
    }
  }
  return out;
}

/** The action with its nested structures inlined, for `describe --json`. */
function resolvedAction(action: ActionInfo): unknown {
  const expand = (fields: FieldInfo[], seen: Set<string>): unknown[] =>
    fields.map((f) => {
      const struct = f.type.struct ?? f.type.items?.struct;
      const info = struct && !seen.has(struct) ? findStruct(struct) : undefined;
      return { ...f, typeText: describeType(f.type), ...(info ? { fields: expand(info.fields, new Set([...seen, struct!])) } : {}) };
    });
  return { ...action, input: expand(action.input, new Set()), output: expand(action.output, new Set()) };
}

function firstSentence(text: string): string {
  const line = text.split('\n')[0];
  const m = /^(.{1,160}?[。.!?！？])(\s|$)/.exec(line);
  return (m ? m[1] : line.length > 160 ? line.slice(0, 157) + '…' : line).trim();
}

function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((para) => {
      const words = para.split(' ');
      const lines: string[] = [];
      let cur = '';
      for (const w of words) {
        if (cur && (cur + ' ' + w).length > width) {
          lines.push(cur);
          cur = w;
        } else {
          cur = cur ? cur + ' ' + w : w;
        }
      }
      lines.push(cur);
      return lines.join('\n');
    })
    .join('\n');
}
