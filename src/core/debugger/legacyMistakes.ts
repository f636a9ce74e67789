import { isJsonObject, parseJson } from '../json';
import { flattenParams, legacySignature, legacySourceString, sortParams, type LegacySignMethod, type ParamPair } from '../signing';
import { CAUSES, type CauseText } from './causes';
import type { DiagnoseContext } from './diagnoseContext';
import { ENCODING_STYLES } from './encodingStyles';
import type { Dimension, Option } from './searchMistakes';
import type { DiagnoseInput, PastedRequest } from './types';
import { hostVariants, signingKeyOptions } from './variants';

/** The pieces of an encoded parameter string split but not decoded: what code that signs encoded values sees. */
export function rawPairs(text: string): ParamPair[] {
  return text === ''
    ? []
    : text.split('&').map((piece): ParamPair => {
        const eq = piece.indexOf('=');
        return eq < 0 ? [piece, ''] : [piece.slice(0, eq), piece.slice(eq + 1)];
      });
}

/** Decodes every name and value once more; undefined when that is not valid percent-encoding. */
export function decodeAgain(pairs: ParamPair[]): ParamPair[] | undefined {
  try {
    return pairs.map(([k, v]): ParamPair => [decodeURIComponent(k), decodeURIComponent(v)]);
  } catch {
    return undefined;
  }
}

/** Parameters whose value is a JSON object or array: nested parameters sent without flattening. */
export function jsonValued(pairs: ParamPair[]): string[] {
  const names: string[] = [];
  for (const [name, value] of pairs) {
    if (/^\s*[[{]/.test(value)) {
      try {
        const parsed = parseJson(value);
        if (isJsonObject(parsed) || Array.isArray(parsed)) {
          names.push(name);
        }
      } catch {
        // Not JSON after all: a plain value that starts with a bracket.
      }
    }
  }
  return names;
}

function flattenJsonValues(pairs: ParamPair[], names: string[]): ParamPair[] {
  const out: ParamPair[] = [];
  for (const [name, value] of pairs) {
    if (names.includes(name)) {
      for (const pair of flattenParams({ [name]: parseJson(value) })) {
        out.push(pair);
      }
    } else {
      out.push([name, value]);
    }
  }
  return out;
}

function byName(a: ParamPair, b: ParamPair): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * The parameter lists the source string may have been built from, by id: the decoded values
 * (`raw`, the correct one), the values as they are on the wire (`wire`), the decoded values encoded
 * again in each usual style, and, when the wire holds values encoded twice, decoded once more.
 */
export interface ValueSets {
  lists: Map<string, ParamPair[]>;
  options: Option[];
}

/** Builds the {@link ValueSets} of one reading of the parameters. */
export function valueSets(decoded: ParamPair[], wire: ParamPair[]): ValueSets {
  const lists = new Map<string, ParamPair[]>([['raw', decoded]]);
  const options: Option[] = [{ value: 'raw' }];
  const seen = new Set([joined(decoded)]);
  const add = (id: string, list: ParamPair[], cause: CauseText): void => {
    const key = joined(list);
    if (!seen.has(key)) {
      seen.add(key);
      lists.set(id, list);
      options.push({ value: id, cause });
    }
  };
  const example = (list: ParamPair[]): string => list.find(([, v], i) => v !== decoded[i]?.[1])?.[1] ?? '';
  add('wire', wire, CAUSES.legacySignedEncoded(example(wire)));
  for (const style of ENCODING_STYLES) {
    const list = decoded.map(([k, v]): ParamPair => [k, style.encode(v)]);
    add(style.id, list, CAUSES.legacySignedEncoded(example(list), style.label));
  }
  const twice = decoded.some(([, v]) => /%[0-9A-Fa-f]{2}/.test(v)) ? decodeAgain(decoded) : undefined;
  if (twice) {
    add('decodedTwice', twice, CAUSES.legacyDoubleEncoded(decoded.find(([, v]) => /%[0-9A-Fa-f]{2}/.test(v))?.[1] ?? ''));
  }
  return { lists, options };
}

function joined(list: ParamPair[]): string {
  return list.map(([k, v]) => k + '=' + v).join('&');
}

/** What the legacy search needs to know besides the request. */
export interface LegacyFacts {
  hash: LegacySignMethod;
  secretId?: string;
  jsonNames: string[];
  region?: string;
  values: Option[];
}

/** The parts of a legacy signature that the usual mistakes change, the request's own value first. */
export function legacyDimensions(req: PastedRequest, input: DiagnoseInput, ctx: DiagnoseContext, f: LegacyFacts): Dimension[] {
  const dims: Dimension[] = [];
  const unsorted = (en: string, zh: string): CauseText => CAUSES.legacyParamsUnsorted({ en, zh });
  dims.push({
    name: 'order',
    options: [
      { value: 'sorted' },
      { value: 'sent', cause: unsorted('in the order they were sent, not sorted', '按发送顺序排列，没有排序') },
      { value: 'natural', cause: unsorted('in natural (numeric-aware) order, so Ids.2 came before Ids.12', '按自然顺序（数字感知）排序，因此 Ids.2 排在了 Ids.12 之前') },
      { value: 'caseless', cause: unsorted('sorted without regard to letter case', '排序时忽略了大小写') },
    ],
  });
  dims.push({ name: 'values', options: f.values });
  const flatten: Option[] = [{ value: 'no' }];
  if (f.jsonNames.length > 0) {
    flatten.push({ value: 'yes', cause: CAUSES.legacyUnflattenedParam(f.jsonNames) });
  }
  dims.push({ name: 'flatten', options: flatten });
  const otherHash: LegacySignMethod = f.hash === 'HmacSHA256' ? 'HmacSHA1' : 'HmacSHA256';
  dims.push({
    name: 'hash',
    options: [
      { value: f.hash },
      { value: otherHash, cause: otherHash === 'HmacSHA256' ? CAUSES.legacySha256WithoutMethod() : CAUSES.legacySha1WithSha256Method() },
    ],
  });
  dims.push({ name: 'methodCase', options: [{ value: 'upper' }, { value: 'lower', cause: CAUSES.legacyMethodLowercase(req.method) }] });
  const path: Option[] = [{ value: req.path }];
  for (const alt of ['', '/']) {
    if (alt !== req.path) {
      path.push({ value: alt, cause: CAUSES.legacyPath(alt, req.path) });
    }
  }
  dims.push({ name: 'path', options: path });
  dims.push({
    name: 'questionMark',
    options: [
      { value: 'yes' },
      { value: 'no', cause: CAUSES.legacyMissingQuestionMark() },
      { value: 'double', cause: CAUSES.legacyExtraQuestionMark() },
    ],
  });
  const host: Option[] = [{ value: req.host }];
  for (const v of hostVariants(req.host, f.region, ctx.service)) {
    host.push({ value: v.value, cause: CAUSES.hostDiffers(v.value, req.host, v.label.en, v.label.zh) });
  }
  dims.push({ name: 'host', options: host });
  dims.push({ name: 'key', options: signingKeyOptions(input, ctx, f.secretId) });
  const other = req.method === 'POST' ? 'GET' : 'POST';
  dims.push({ name: 'method', options: [{ value: req.method }, { value: other, cause: CAUSES.methodDiffers(other, req.method) }] });
  return dims;
}

/** One legacy signing as a choice of the search describes it. */
export interface LegacyBuilt {
  params: ParamPair[];
  source: string;
  signature: string;
}

/** Signs the parameters the way one choice of the search says the code did. */
export function buildLegacy(c: Record<string, string>, sets: ValueSets, jsonNames: string[]): LegacyBuilt {
  let params = sets.lists.get(c.values) ?? sets.lists.get('raw')!;
  if (c.flatten === 'yes') {
    params = flattenJsonValues(params, jsonNames);
  }
  if (c.order === 'sorted') {
    params = sortParams(params);
  } else if (c.order === 'natural') {
    params = params.slice().sort((a, b) => a[0].localeCompare(b[0], undefined, { numeric: true }));
  } else if (c.order === 'caseless') {
    params = params.slice().sort((a, b) => byName([a[0].toLowerCase(), ''], [b[0].toLowerCase(), '']));
  }
  let source = legacySourceString(c.method, c.host, c.path, params);
  if (c.methodCase === 'lower') {
    source = c.method.toLowerCase() + source.slice(c.method.length);
  }
  const at = c.method.length + c.host.length + c.path.length;
  if (c.questionMark === 'no') {
    source = source.slice(0, at) + source.slice(at + 1);
  } else if (c.questionMark === 'double') {
    source = source.slice(0, at) + '?' + source.slice(at);
  }
  return { params, source, signature: legacySignature(c.key, source, c.hash as LegacySignMethod) };
}
