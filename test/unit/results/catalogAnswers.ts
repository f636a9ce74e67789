import fs from 'node:fs';
import path from 'node:path';
import { findAction, findStruct } from '../../../src/core/catalog/catalog';
import type { FieldInfo } from '../../../src/core/catalog/types';
import type { JsonObject, JsonValue } from '../../../src/core/json';

/*
 * Answers for the result tests, built from the catalog's output structures: only members the
 * catalog lists can be given (a typo or a member the API dropped fails the test), and every
 * member not given is left out, as the API leaves out members it has no value for.
 */

/** Member values by name; nested structures as objects or arrays of objects of the same kind. */
export type AnswerSpec = { [member: string]: JsonValue | AnswerSpec | AnswerSpec[] };

function check(fields: FieldInfo[], spec: AnswerSpec, where: string): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(spec)) {
    const f = fields.find((x) => x.name === k);
    if (!f) throw new Error(`${where} has no member ${k} in the catalog (members: ${fields.map((x) => x.name).join(', ')})`);
    let t = f.type;
    while (t.kind === 'array' && t.items) t = t.items;
    const struct = t.kind === 'object' && t.struct ? findStruct(t.struct) : undefined;
    if (struct && Array.isArray(v)) out[k] = v.map((e, i) => (isSpec(e) ? check(struct.fields, e, `${where}.${k}[${i}]`) : (e as JsonValue)));
    else if (struct && isSpec(v)) out[k] = check(struct.fields, v, `${where}.${k}`);
    else out[k] = v as JsonValue;
  }
  return out;
}

function isSpec(v: unknown): v is AnswerSpec {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !('isLosslessNumber' in v);
}

/** An answer's `Response` object for an action, members checked against the catalog; a RequestId is added. */
export function catalogAnswer(action: string, spec: AnswerSpec): JsonObject {
  const info = findAction(action);
  if (!info) throw new Error(`the catalog has no action ${action}`);
  return { ...check(info.output, spec, action), RequestId: 'test-request-id' };
}

let examples: Record<string, Array<{ output: string }>> | undefined;

/** The documented example answer of an action (`../shared/trtc/examples.json`), as text; tests only. */
export function documentedAnswer(action: string): string | undefined {
  if (!examples) {
    const file = path.resolve(__dirname, '../../../../shared/trtc/examples.json');
    examples = (JSON.parse(fs.readFileSync(file, 'utf8')) as { actions: typeof examples }).actions;
  }
  return examples?.[action]?.[0]?.output;
}
