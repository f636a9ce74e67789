import { isJsonObject, parseJson } from '../json';
import { flattenParams, legacySignature, legacySourceString, sortParams, type LegacySignMethod, type ParamPair } from '../signing';
import { CAUSES, reproducedNote, type CauseText } from './causes';
import type { DiagnoseContext, MethodDiagnosis } from './diagnoseTc3';
import { checkSecretId, checkTimestamp, step, type Findings } from './findings';
import { legacyParamText, tryDecodeParams } from './requestParts';
import { searchMistakes, type Dimension, type Option } from './searchMistakes';
import type { DiagnoseInput, DiagnosisStep, PastedRequest } from './types';
import { hostVariants, signingKeyOptions } from './variants';

const REQUIRED = ['Action', 'Nonce', 'SecretId', 'Signature', 'Timestamp', 'Version'];

function byName(a: ParamPair, b: ParamPair): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** The pieces of an encoded parameter string split but not decoded: what code that signs encoded values sees. */
function rawPairs(text: string): ParamPair[] {
  return text === ''
    ? []
    : text.split('&').map((piece): ParamPair => {
        const eq = piece.indexOf('=');
        return eq < 0 ? [piece, ''] : [piece.slice(0, eq), piece.slice(eq + 1)];
      });
}

function decodeAgain(pairs: ParamPair[]): ParamPair[] | undefined {
  try {
    return pairs.map(([k, v]): ParamPair => [decodeURIComponent(k), decodeURIComponent(v)]);
  } catch {
    return undefined;
  }
}

/** Parameters whose value is a JSON object or array: nested parameters sent without flattening. */
function jsonValued(pairs: ParamPair[]): string[] {
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

/** The request's Signature as standard Base64, with its digest length, and how it was written when not Base64. */
function normalizeLegacySignature(sig: string | undefined): { base64?: string; bytes?: number; form?: { en: string; zh: string } } {
  if (sig === undefined || sig === '') {
    return {};
  }
  if (/^[0-9a-fA-F]{40}$/.test(sig) || /^[0-9a-fA-F]{64}$/.test(sig)) {
    const bytes = Buffer.from(sig, 'hex');
    return { base64: bytes.toString('base64'), bytes: bytes.length, form: { en: 'hexadecimal', zh: '十六进制' } };
  }
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(sig) && sig.length % 4 === 0) {
    return { base64: sig, bytes: Buffer.from(sig, 'base64').length };
  }
  if (/^[A-Za-z0-9+/ ]+={0,2}$/.test(sig) && sig.includes(' ')) {
    // A "+" read as a space on the way in: put it back to compare.
    const fixed = sig.replace(/ /g, '+');
    return { base64: fixed, bytes: Buffer.from(fixed, 'base64').length };
  }
  return { form: { en: `${sig.length} characters that are not Base64`, zh: `${sig.length} 个字符，不是 Base64` } };
}

function hashName(method: LegacySignMethod): string {
  return method === 'HmacSHA256' ? 'HMAC-SHA256' : 'HMAC-SHA1';
}

/**
 * Recomputes a legacy HmacSHA1/HmacSHA256 signature from the pasted query string or form body and,
 * when it differs, searches the usual mistakes (order, encoding, flattening, method, host, path,
 * hash) for the one that reproduces it.
 */
export function diagnoseLegacy(req: PastedRequest, input: DiagnoseInput, ctx: DiagnoseContext, findings: Findings): MethodDiagnosis {
  const steps: DiagnosisStep[] = [];
  const { text } = legacyParamText(req);
  const decoded = tryDecodeParams(text);
  const result: MethodDiagnosis = { steps, signatureMatches: false, reproduced: false, compared: false };
  if (decoded === undefined) {
    findings.add(CAUSES.legacyMalformedEncoding(), 'fact');
    steps.push(step('params', 'differs', 'valid percent-encoded name=value pairs', text.slice(0, 200)));
    for (const key of ['secretId', 'timestamp', 'signatureMethod', 'sortedParams', 'sourceString', 'signature'] as const) {
      steps.push(step(key, 'skipped', ''));
    }
    return result;
  }
  const get = (name: string): string | undefined => decoded.find((p) => p[0] === name)?.[1];
  const names = decoded.map((p) => p[0]);
  const missing = REQUIRED.filter((n) => !names.includes(n));
  if (missing.length > 0) {
    findings.add(CAUSES.legacyMissingParam(missing), 'fact');
  }
  const rawSignature = rawPairs(text).find((p) => p[0] === 'Signature')?.[1];
  if (rawSignature !== undefined && rawSignature.includes('+')) {
    findings.add(CAUSES.legacySignatureNotEncoded(), 'likely');
  }
  steps.push(step('params', missing.length > 0 ? 'differs' : 'ok', REQUIRED.join(', '), names.join(', ')));

  result.secretId = get('SecretId');
  steps.push(checkSecretId(result.secretId, input, findings));
  result.timestampText = get('Timestamp');
  const ts = checkTimestamp(result.timestampText, findings);
  result.timestamp = ts.info;
  result.tokenSent = get('Token');
  steps.push(ts.step);

  const declared = get('SignatureMethod');
  const hash: LegacySignMethod = declared === 'HmacSHA256' ? 'HmacSHA256' : 'HmacSHA1';
  if (declared !== undefined && declared !== 'HmacSHA1' && declared !== 'HmacSHA256') {
    findings.add(CAUSES.legacySignatureMethodInvalid(declared), 'fact');
  }
  const theirSig = get('Signature');
  const sig = normalizeLegacySignature(theirSig);
  const expectedBytes = hash === 'HmacSHA256' ? 32 : 20;
  let methodStatus: 'ok' | 'differs' | 'unknown' = 'unknown';
  let methodActual: string | undefined;
  if (sig.bytes !== undefined) {
    methodActual = `${sig.bytes}-byte signature (${sig.bytes === 32 ? 'HMAC-SHA256' : sig.bytes === 20 ? 'HMAC-SHA1' : 'neither SHA-1 nor SHA-256'})`;
    methodStatus = sig.bytes === expectedBytes ? 'ok' : 'differs';
    if (hash === 'HmacSHA1' && sig.bytes === 32) {
      findings.add(CAUSES.legacySha256WithoutMethod(), 'fact');
    } else if (hash === 'HmacSHA256' && sig.bytes === 20) {
      findings.add(CAUSES.legacySha1WithSha256Method(), 'fact');
    }
  }
  steps.push(
    step(
      'signatureMethod',
      methodStatus,
      `${hashName(hash)}, ${expectedBytes}-byte signature (SignatureMethod=${declared ?? 'not set'})`,
      methodActual,
    ),
  );

  const withoutSignature = decoded.filter((p) => p[0] !== 'Signature');
  const expectedParams = sortParams(withoutSignature);
  const expectedSource = legacySourceString(req.method, req.host, req.path, expectedParams);
  const expectedSignature = legacySignature(ctx.key, expectedSource, hash);
  if (sig.form !== undefined) {
    findings.add(
      CAUSES.signatureEncoding(sig.form.en, sig.form.zh, {
        en: 'Legacy signatures are the HMAC digest in standard Base64.',
        zh: '旧版签名应为 HMAC 摘要的标准 Base64 编码。',
      }),
      'fact',
    );
  }
  const signatureMatches = sig.base64 === expectedSignature;
  const listText = (pairs: ParamPair[]): string => pairs.map(([k, v]) => `${k}=${v}`).join('\n');

  const stillEncoded = withoutSignature.find(([, v]) => /%[0-9A-Fa-f]{2}/.test(v));
  const jsonNames = jsonValued(withoutSignature);
  let theirParams: ParamPair[] | undefined = signatureMatches ? expectedParams : undefined;
  let theirSource: string | undefined = signatureMatches ? expectedSource : undefined;
  let reproduced = false;

  if (!signatureMatches && sig.base64 !== undefined) {
    const raw = rawPairs(text).filter((p) => p[0] !== 'Signature');
    const twice = stillEncoded ? decodeAgain(withoutSignature) : undefined;
    const dims = legacyDimensions(req, input, ctx, {
      hash,
      secretId: result.secretId,
      stillEncoded: stillEncoded?.[1],
      rawExample: raw.find(([, v]) => /%[0-9A-Fa-f]{2}/.test(v))?.[1],
      hasTwice: twice !== undefined,
      jsonNames,
      region: get('Region'),
    });
    const build = (c: Record<string, string>): { params: ParamPair[]; source: string; signature: string } => {
      let params = c.values === 'sent' ? raw : c.values === 'twice' && twice ? twice : withoutSignature;
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
      if (c.questionMark === 'no') {
        const at = c.method.length + c.host.length + c.path.length;
        source = source.slice(0, at) + source.slice(at + 1);
      }
      return { params, source, signature: legacySignature(c.key, source, c.hash as LegacySignMethod) };
    };
    const target = sig.base64;
    const match = searchMistakes(dims, (c) => build(c).signature === target);
    if (match) {
      reproduced = true;
      const built = build(match.choice);
      theirParams = built.params;
      theirSource = built.source;
      for (const cause of match.causes) {
        findings.add(reproducedNote(cause), 'reproduced');
      }
    }
  }
  if (!reproduced && stillEncoded) {
    findings.add(CAUSES.legacyDoubleEncoded(stillEncoded[1]), 'possible');
  }
  if (jsonNames.length > 0) {
    findings.add(CAUSES.legacyUnflattenedParam(jsonNames), signatureMatches ? 'likely' : 'possible');
  }

  const expectedList = listText(expectedParams);
  const theirList = theirParams ? listText(theirParams) : undefined;
  steps.push(step('sortedParams', theirList === undefined ? 'unknown' : theirList === expectedList ? 'ok' : 'differs', expectedList, theirList));
  steps.push(step('sourceString', theirSource === undefined ? 'unknown' : theirSource === expectedSource ? 'ok' : 'differs', expectedSource, theirSource));
  steps.push(step('signature', signatureMatches ? 'ok' : 'differs', expectedSignature, theirSig));
  result.signatureMatches = signatureMatches;
  result.reproduced = reproduced;
  result.compared = sig.base64 !== undefined;
  return result;
}

interface LegacyFacts {
  hash: LegacySignMethod;
  secretId?: string;
  stillEncoded?: string;
  rawExample?: string;
  hasTwice: boolean;
  jsonNames: string[];
  region?: string;
}

// The parts of a legacy signature that the usual mistakes change, the request's own value first.
function legacyDimensions(req: PastedRequest, input: DiagnoseInput, ctx: DiagnoseContext, f: LegacyFacts): Dimension[] {
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
  const values: Option[] = [{ value: 'once' }];
  if (f.rawExample !== undefined) {
    values.push({ value: 'sent', cause: CAUSES.legacySignedEncoded(f.rawExample) });
  }
  if (f.hasTwice && f.stillEncoded !== undefined) {
    values.push({ value: 'twice', cause: CAUSES.legacyDoubleEncoded(f.stillEncoded) });
  }
  dims.push({ name: 'values', options: values });
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
  dims.push({ name: 'questionMark', options: [{ value: 'yes' }, { value: 'no', cause: CAUSES.legacyMissingQuestionMark() }] });
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
