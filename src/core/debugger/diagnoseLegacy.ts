import { legacySignature, legacySourceString, sortParams, type LegacySignMethod, type ParamPair } from '../signing';
import { CAUSES, reproducedNote } from './causes';
import type { DiagnoseContext, MethodDiagnosis } from './diagnoseContext';
import { decodeComponent } from './encodingStyles';
import { checkSecretId, checkTimestamp, step, type Findings } from './findings';
import { buildLegacy, jsonValued, legacyDimensions, rawPairs, valueSets, type LegacyBuilt, type ValueSets } from './legacyMistakes';
import { legacyParamText, pasteWarning, tryDecodeParams } from './requestParts';
import { searchMistakes } from './searchMistakes';
import type { DiagnoseInput, DiagnosisStep, PastedRequest } from './types';

const REQUIRED = ['Action', 'Nonce', 'SecretId', 'Signature', 'Timestamp', 'Version'];

/** The request's Signature as standard Base64, with its digest length, and how it was written when not Base64. */
function normalizeLegacySignature(sig: string | undefined): { base64?: string; bytes?: number; form?: { en: string; zh: string }; doubleEncoded?: boolean } {
  if (sig === undefined || sig === '') {
    return {};
  }
  if (/^[0-9a-fA-F]{40}$/.test(sig) || /^[0-9a-fA-F]{64}$/.test(sig)) {
    const bytes = Buffer.from(sig, 'hex');
    return { base64: bytes.toString('base64'), bytes: bytes.length, form: { en: 'hexadecimal', zh: '十六进制' } };
  }
  if (isBase64(sig)) {
    return { base64: sig, bytes: Buffer.from(sig, 'base64').length };
  }
  if (/^[A-Za-z0-9+/ ]+={0,2}$/.test(sig) && sig.includes(' ')) {
    // A "+" read as a space on the way in: put it back to compare.
    const fixed = sig.replace(/ /g, '+');
    return { base64: fixed, bytes: Buffer.from(fixed, 'base64').length };
  }
  // Still percent-encoded after one decoding: the Signature was encoded twice on the way out.
  const again = /%[0-9A-Fa-f]{2}/.test(sig) ? decodeComponent(sig) : undefined;
  if (again !== undefined && isBase64(again)) {
    return { base64: again, bytes: Buffer.from(again, 'base64').length, doubleEncoded: true };
  }
  return { form: { en: `${sig.length} characters that are not Base64`, zh: `${sig.length} 个字符，不是 Base64` } };
}

function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0;
}

function hashName(method: LegacySignMethod): string {
  return method === 'HmacSHA256' ? 'HMAC-SHA256' : 'HMAC-SHA1';
}

/** The parameters read with "+" as a space, as form decoding does; undefined when no value holds a "+". */
function plusAsSpace(text: string): ParamPair[] | undefined {
  const pieces = rawPairs(text).filter(([k]) => k !== 'Signature');
  if (!pieces.some(([, v]) => v.includes('+'))) {
    return undefined;
  }
  const out: ParamPair[] = [];
  for (const [k, v] of pieces) {
    const name = decodeComponent(k, true);
    const value = decodeComponent(v, true);
    if (name === undefined || value === undefined) {
      return undefined;
    }
    out.push([name, value]);
  }
  return out;
}

/**
 * Recomputes a legacy HmacSHA1/HmacSHA256 signature from the pasted query string or form body and,
 * when it differs, searches the usual mistakes (order, encoding, flattening, method, host, path,
 * hash) for the one that reproduces it. A "+" in the values is read both as a plus sign and, as form
 * decoding reads it, as a space: the signature is correct when either reading verifies.
 */
export function diagnoseLegacy(req: PastedRequest, input: DiagnoseInput, ctx: DiagnoseContext, findings: Findings): MethodDiagnosis {
  const steps: DiagnosisStep[] = [];
  const { text } = legacyParamText(req);
  const decoded = tryDecodeParams(text);
  const result: MethodDiagnosis = { steps, signatureMatches: false, reproduced: false, compared: false, notes: [] };
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
  steps.push(step('signatureMethod', methodStatus, `${hashName(hash)}, ${expectedBytes}-byte signature (SignatureMethod=${declared ?? 'not set'})`, methodActual));
  if (sig.form !== undefined) {
    findings.add(
      CAUSES.signatureEncoding(sig.form.en, sig.form.zh, { en: 'Legacy signatures are the HMAC digest in standard Base64.', zh: '旧版签名应为 HMAC 摘要的标准 Base64 编码。' }),
      'fact',
    );
  }

  // The readings of the parameters: "+" as a plus sign, and as a space when any value holds one.
  const literal = decoded.filter((p) => p[0] !== 'Signature');
  const spaced = plusAsSpace(text);
  const readings: Array<{ params: ParamPair[]; space: boolean }> = [{ params: literal, space: false }, ...(spaced ? [{ params: spaced, space: true }] : [])];
  const expectedFor = (params: ParamPair[]): { params: ParamPair[]; source: string; signature: string } => {
    const sortedParams = sortParams(params);
    const source = legacySourceString(req.method, req.host, req.path, sortedParams);
    return { params: sortedParams, source, signature: legacySignature(ctx.key, source, hash) };
  };
  const expectations = readings.map((r) => ({ ...r, ...expectedFor(r.params) }));
  // A signature encoded twice on the wire is compared after decoding it again: its bytes may be
  // right while the server, decoding once, sees other text.
  const verifying = sig.base64 !== undefined ? expectations.find((e) => e.signature === sig.base64) : undefined;
  const expected = verifying ?? expectations[0];
  const signatureMatches = verifying !== undefined && !sig.doubleEncoded;
  if (sig.doubleEncoded) {
    // With the right bytes, decoding once more is what reproduces the signature sent.
    findings.add(CAUSES.legacySignatureDoubleEncoded(verifying !== undefined), verifying ? 'reproduced' : 'fact');
  }
  if (spaced && verifying) {
    if (verifying.space) {
      result.notes!.push(
        pasteWarning(
          'plus-as-space',
          'The values hold "+", read here as a space the way form decoding reads it; the signature verifies with that reading.',
          '参数值中含有 "+"，这里按表单解码的方式把它当作空格；按这种读法签名正确。',
        ),
      );
    } else {
      findings.add(CAUSES.legacyPlusInValue(false), 'likely');
    }
  }
  const listText = (pairs: ParamPair[]): string => pairs.map(([k, v]) => `${k}=${v}`).join('\n');
  const jsonNames = jsonValued(literal);
  let theirs: LegacyBuilt | undefined = verifying ? expected : undefined;
  let reproduced = verifying !== undefined && !!sig.doubleEncoded;

  if (!verifying && sig.base64 !== undefined) {
    const wire = rawPairs(text).filter((p) => p[0] !== 'Signature');
    const sets: ValueSets[] = readings.map((r) => valueSets(r.params, wire));
    const dims = legacyDimensions(req, input, ctx, { hash, ...(result.secretId !== undefined ? { secretId: result.secretId } : {}), jsonNames, ...(get('Region') !== undefined ? { region: get('Region') } : {}), values: sets[0].options });
    const target = sig.base64;
    let built: LegacyBuilt | undefined;
    const match = searchMistakes(dims, (c) => {
      for (const set of sets) {
        if (!set.lists.has(c.values)) {
          continue;
        }
        built = buildLegacy(c, set, jsonNames);
        if (built.signature === target) {
          return true;
        }
      }
      return false;
    });
    if (match && built) {
      reproduced = true;
      theirs = built;
      for (const cause of match.causes) {
        findings.add(reproducedNote(cause), 'reproduced');
      }
    }
  }
  const stillEncoded = literal.find(([, v]) => /%[0-9A-Fa-f]{2}/.test(v));
  if (!reproduced && !verifying && stillEncoded) {
    findings.add(CAUSES.legacyDoubleEncoded(stillEncoded[1]), 'possible');
  }
  if (jsonNames.length > 0) {
    findings.add(CAUSES.legacyUnflattenedParam(jsonNames), verifying ? 'likely' : 'possible');
  }

  const expectedList = listText(expected.params);
  const theirList = theirs ? listText(theirs.params) : undefined;
  steps.push(step('sortedParams', theirList === undefined ? 'unknown' : theirList === expectedList ? 'ok' : 'differs', expectedList, theirList));
  steps.push(step('sourceString', theirs === undefined ? 'unknown' : theirs.source === expected.source ? 'ok' : 'differs', expected.source, theirs?.source));
  steps.push(step('signature', signatureMatches ? 'ok' : 'differs', expected.signature, theirSig));
  result.signatureMatches = signatureMatches;
  result.reproduced = reproduced;
  result.compared = sig.base64 !== undefined;
  return result;
}
