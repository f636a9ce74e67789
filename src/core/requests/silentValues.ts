import { classifyAction } from '../catalog/verbs';
import { validateParams } from '../catalog/validate';
import { isJsonObject, stringifyJson, type JsonObject, type JsonValue } from '../json';

/*
 * "No silent values": a call that changes state never goes out with a required parameter unset or
 * holding a sample the explorer filled in and the user never looked at. The form checks this before
 * it posts Send, and the host checks it again with the samples it handed out itself, so a message
 * crafted in the page cannot get around it.
 */

/** The sample values the explorer filled in: each leaf's path (as issues spell paths) → its compact JSON. */
export type SampleLeaves = ReadonlyMap<string, string>;

/** Why a state-changing call is not sent, naming the fields. */
export interface SilentValueProblems {
  /** Required parameters that are unset. */
  missing: string[];
  /** Parameters still holding an unedited sample. */
  samples: string[];
}

function childPath(prefix: string, key: string | number): string {
  return typeof key === 'number' ? `${prefix}[${key}]` : prefix === '' ? key : `${prefix}.${key}`;
}

function collect(value: JsonValue, path: string, out: Map<string, string>): void {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => collect(v, childPath(path, i), out));
  } else if (isJsonObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) collect(v, childPath(path, k), out);
  } else {
    // Scalars, and empty lists and objects, are leaves: each is one value somebody chose.
    out.set(path, stringifyJson(value));
  }
}

/** Every leaf of a sample parameter object with its JSON text, for {@link untouchedSamples}. */
export function sampleLeaves(params: JsonObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(params)) collect(v, k, out);
  return out;
}

/** The paths of the parameters whose value is still exactly the sample put there. */
export function untouchedSamples(params: JsonObject, samples: SampleLeaves): string[] {
  if (samples.size === 0) return [];
  const now = sampleLeaves(params);
  return [...samples].filter(([path, json]) => now.get(path) === json).map(([path]) => path);
}

/** A copy of the parameters without the samples nobody edited, so they are never remembered as typed. */
export function withoutUntouchedSamples(params: JsonObject, samples: SampleLeaves): JsonObject {
  const untouched = new Set(untouchedSamples(params, samples));
  if (untouched.size === 0) return params;
  const strip = (value: JsonValue, path: string): JsonValue | undefined => {
    if (untouched.has(path)) return undefined;
    if (Array.isArray(value) && value.length > 0) {
      const items = value.map((v, i) => strip(v, childPath(path, i))).filter((v): v is JsonValue => v !== undefined);
      return items.length > 0 ? items : undefined;
    }
    if (isJsonObject(value) && Object.keys(value).length > 0) {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) {
        const kept = strip(v, childPath(path, k));
        if (kept !== undefined) out[k] = kept;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    return value;
  };
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(params)) {
    const kept = strip(v, k);
    if (kept !== undefined) out[k] = kept;
  }
  return out;
}

/**
 * What keeps a call from being sent: nothing for a read-only action; for any other, the required
 * parameters that are unset and the parameters that still hold an unedited sample.
 */
export function silentValueProblems(action: string, params: JsonObject, samples: SampleLeaves = new Map()): SilentValueProblems {
  if (classifyAction(action).readOnly) return { missing: [], samples: [] };
  const missing = validateParams(action, params)
    .filter((i) => i.code === 'missing')
    .map((i) => i.path);
  return { missing: [...new Set(missing)], samples: untouchedSamples(params, samples) };
}

/** True when {@link silentValueProblems} found anything. */
export function hasSilentValues(p: SilentValueProblems): boolean {
  return p.missing.length > 0 || p.samples.length > 0;
}

/** The refusal in both languages, naming the fields. */
export function silentValueMessage(action: string, p: SilentValueProblems): { en: string; zh: string } {
  const parts: { en: string[]; zh: string[] } = { en: [], zh: [] };
  if (p.missing.length > 0) {
    parts.en.push(`required and unset: ${p.missing.join(', ')}`);
    parts.zh.push(`必填但未填写：${p.missing.join('、')}`);
  }
  if (p.samples.length > 0) {
    parts.en.push(`still holding a sample value nobody edited: ${p.samples.join(', ')}`);
    parts.zh.push(`仍是未经编辑的示例值：${p.samples.join('、')}`);
  }
  return {
    en: `${action} changes state and was not sent; ${parts.en.join('; ')}.`,
    zh: `${action} 会改变状态，未发送；${parts.zh.join('；')}。`,
  };
}
