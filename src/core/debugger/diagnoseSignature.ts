import { InputError } from '../errors';
import { isSensitiveField } from '../sensitive';
import { rfc3986Encode } from '../signing/encoding';
import { CAUSES } from './causes';
import type { DiagnoseContext, MethodDiagnosis } from './diagnoseContext';
import { diagnoseLegacy } from './diagnoseLegacy';
import { diagnoseTc3 } from './diagnoseTc3';
import { checkClock, checkToken, Findings, SECRET_KEY_PLACEHOLDER, step } from './findings';
import { SESSION_TOKEN_VARIABLE } from './parseCurl';
import { legacyParamText, pasteWarning, tryDecodeParams } from './requestParts';
import type { DiagnoseInput, Diagnosis, DiagnosisStep, PastedRequest, PasteWarning } from './types';
import { certaintyOf, summarize, verdictText } from './verdict';

/** The service a TRTC request is signed for. */
export const DEFAULT_SERVICE = 'trtc';

/**
 * Recomputes every step of the signature from the request exactly as pasted, with the SecretKey
 * given, and names the first step whose value differs from the one the request carries. When the
 * signature differs, the usual mistakes are tried one and two at a time; one that reproduces the
 * request's own signature is reported as certain, with every intermediate value it implies. The
 * verdict says how sure it is: correct, reproduced, likely or unknown.
 *
 * A body whose final line break may come from copying (`uncertainTail`) is checked with and
 * without it, so a correct request pasted with an extra line break is still called correct.
 *
 * The SecretKey and the session token are used in memory only: nothing in the result contains them
 * (derived keys are cut to their first 8 hex digits, and any place the request itself carries the
 * SecretKey or a token shows a placeholder).
 *
 * @throws InputError when no SecretKey is given.
 */
export function diagnoseSignature(pasted: PastedRequest, input: DiagnoseInput): Diagnosis {
  if (typeof input?.secretKey !== 'string' || input.secretKey.trim() === '') {
    throw new InputError('Give the SecretKey your code signs with; the debugger recomputes the signature with it (it is kept in memory only).', 'secretKey');
  }
  const key = input.secretKey.trim();
  const service = input.expectedService?.trim() || DEFAULT_SERVICE;
  const nowGiven = input.now !== undefined && Number.isFinite(input.now);
  const now = Math.floor(nowGiven ? (input.now as number) : Date.now() / 1000);
  const req = withTokenFilledIn(pasted, input);
  const warnings = [...req.warnings];
  if (key !== input.secretKey) {
    warnings.push(
      pasteWarning(
        'secretkey-trimmed',
        'The SecretKey you gave has spaces or line breaks around it; they were removed, since the real key has none.',
        '你提供的 SecretKey 前后带有空格或换行，已去掉，因为真正的密钥不含这些字符。',
      ),
    );
  }

  if (req.signMethod === 'unknown') {
    const findings = new Findings();
    findings.add(CAUSES.noSignature(), 'fact');
    const steps: DiagnosisStep[] = [step('authorization', 'differs', 'an Authorization header (TC3) or a Signature parameter (legacy)', 'none')];
    return scrub(finish(req, steps, findings, { steps, signatureMatches: false, reproduced: false, compared: false }, warnings), input, req);
  }

  const ctx: DiagnoseContext = { key, service };
  const { method, findings, request } = diagnoseBody(req, input, ctx, warnings);
  warnings.push(...(method.notes ?? []));
  const steps = method.steps;
  steps.push(checkClock(method.timestamp, method.timestampText, now, nowGiven, findings));
  const tokenName = request.signMethod === 'TC3-HMAC-SHA256' ? 'X-TC-Token' : 'Token';
  steps.push(checkToken(method.tokenSent, input, method.secretId, tokenName, findings));

  const code = input.errorCode;
  if (code === 'AuthFailure.TokenFailure' && (method.tokenSent ?? '').trim() === '') {
    findings.add(
      CAUSES.tokenMissing({
        en: `The server answered TokenFailure and the request sends no ${tokenName}.`,
        zh: `服务端返回了 TokenFailure，而请求中没有 ${tokenName}。`,
      }),
      'likely',
    );
  }
  if (method.signatureMatches) {
    // With a correct signature, the usual remaining reasons are about the key itself; they rank
    // below anything wrong that the request plainly shows.
    const plain = findings.firmCount === 0;
    findings.add(CAUSES.secretKeyWrong(true), plain && (code === undefined || code === 'AuthFailure.SignatureFailure') ? 'likely' : 'possible');
    findings.add(CAUSES.keyDisabled(), plain && code === 'AuthFailure.SecretIdNotFound' ? 'likely' : 'possible');
  } else if (method.compared && !method.reproduced) {
    const unresolved = signedReferences(request);
    if (unresolved.length > 0) {
      findings.add(CAUSES.unresolvedVariables(unresolved), 'fact');
    }
    findings.add(CAUSES.secretKeyWrong(false), findings.firmCount === 0 ? 'likely' : 'possible');
    if (request.signMethod === 'TC3-HMAC-SHA256' && request.body !== '') {
      findings.add(
        CAUSES.payloadDiffers({
          en: 'a text other than the body it sent (the body was changed, re-serialized or re-encoded after it was hashed)',
          zh: '与发送内容不同的文本（请求体在哈希之后被修改、重新序列化或重新编码）',
        }),
        'possible',
      );
    }
  }
  return scrub(finish(request, steps, findings, method, warnings), input, request);
}

/**
 * Runs the diagnosis of the request's method. When the end of the body may be a line break added by
 * copying, the body is tried as pasted and without it: a body that verifies either way is correct,
 * and otherwise the reading whose mistakes reproduce the signature wins, without the line break first.
 */
function diagnoseBody(req: PastedRequest, input: DiagnoseInput, ctx: DiagnoseContext, warnings: PasteWarning[]): { method: MethodDiagnosis; findings: Findings; request: PastedRequest } {
  const run = (r: PastedRequest): { method: MethodDiagnosis; findings: Findings; request: PastedRequest } => {
    const findings = new Findings();
    const method = r.signMethod === 'TC3-HMAC-SHA256' ? diagnoseTc3(r, input, ctx, findings) : diagnoseLegacy(r, input, ctx, findings);
    return { method, findings, request: r };
  };
  const tail = req.uncertainTail;
  if (tail === undefined || !req.body.endsWith(tail)) {
    return run(req);
  }
  const asPasted = run(req);
  if (asPasted.method.signatureMatches) {
    warnings.push(
      pasteWarning(
        'line-break-signed',
        'The signature covers the line break the body ends with, so it was sent as part of the body.',
        '签名覆盖了请求体末尾的换行，说明它确实作为请求体的一部分被发送。',
      ),
    );
    return asPasted;
  }
  const trimmed = run({ ...req, body: req.body.slice(0, req.body.length - tail.length), uncertainTail: undefined });
  if (trimmed.method.signatureMatches) {
    warnings.push(
      pasteWarning(
        'line-break-copied',
        'The signature verifies for the body without the line break the paste ends with, so that line break came from copying and is left out. If your code really sent it, its signature was computed without it: hash exactly the bytes you send.',
        '去掉粘贴内容末尾的换行后签名正确，说明这个换行是复制时带上的，已忽略。如果代码确实发送了它，那么签名是在没有它的情况下计算的：请对实际发送的字节求哈希。',
      ),
    );
    return trimmed;
  }
  if (trimmed.method.reproduced || !asPasted.method.reproduced) {
    warnings.push(
      pasteWarning(
        'line-break-ignored',
        'The line break the paste ends with is left out: no Content-Length says it was sent, and the body without it explains the signature at least as well.',
        '粘贴内容末尾的换行已忽略：没有 Content-Length 表明它被发送，而去掉它同样能解释该签名。',
      ),
    );
    return trimmed;
  }
  return asPasted;
}

/**
 * The explorer's own curl export reads the session token from $TENCENTCLOUD_SESSION_TOKEN. With the
 * token given, the reference is replaced by it, as the shell would; without it, it stays a reference.
 */
function withTokenFilledIn(req: PastedRequest, input: DiagnoseInput): PastedRequest {
  const reference = '$' + SESSION_TOKEN_VARIABLE;
  const token = input.token;
  if (!req.unresolvedVariables?.includes(SESSION_TOKEN_VARIABLE) || token === undefined || token === '') {
    return req;
  }
  const fill = (v: string): string => v.split(reference).join(token);
  const headers = req.headers.map((h) => (h.value.includes(reference) ? { ...h, value: fill(h.value) } : h));
  const headerMap: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headerMap)) {
    headerMap[k] = fill(v);
  }
  const unresolved = req.unresolvedVariables.filter((v) => v !== SESSION_TOKEN_VARIABLE);
  const out: PastedRequest = {
    ...req,
    headers,
    headerMap,
    query: req.query.split(reference).join(rfc3986Encode(token)),
    body: req.body.includes(reference) && req.signMethod !== 'TC3-HMAC-SHA256' ? req.body.split(reference).join(rfc3986Encode(token)) : req.body,
    warnings: [
      ...req.warnings.filter((w) => w.code !== 'token-reference'),
      pasteWarning(
        'token-filled-in',
        `The command reads the session token from $${SESSION_TOKEN_VARIABLE}; the token you gave was put in its place.`,
        `命令从 $${SESSION_TOKEN_VARIABLE} 读取会话 Token；这里用你提供的 Token 代替了它。`,
      ),
    ],
  };
  if (unresolved.length > 0) {
    out.unresolvedVariables = unresolved;
  } else {
    delete out.unresolvedVariables;
  }
  return out;
}

/** Unresolved variables of the paste that appear in what is signed: the body, the query or a header. */
function signedReferences(req: PastedRequest): string[] {
  const names = req.unresolvedVariables ?? [];
  const signedHeaders = /SignedHeaders=([^,\s]*)/.exec(req.headerMap.authorization ?? '')?.[1]?.toLowerCase().split(';') ?? [];
  const signedText = [req.body, req.query, ...signedHeaders.map((h) => req.headerMap[h] ?? '')].join('\n');
  return names.filter((n) => signedText.includes('$' + n) || signedText.includes('${' + n));
}

function finish(req: PastedRequest, steps: DiagnosisStep[], findings: Findings, method: MethodDiagnosis, warnings: Diagnosis['warnings']): Diagnosis {
  const explained = method.signatureMatches || method.reproduced;
  const causes = findings.resolve(explained, method.reproduced);
  const first = steps.find((s) => s.status === 'differs');
  const certainty = certaintyOf(req, method, findings.explainsMismatch);
  const diagnosis: Diagnosis = {
    signMethod: req.signMethod,
    signatureMatches: method.signatureMatches,
    reproduced: method.reproduced,
    certainty,
    verdict: verdictText(certainty, first, causes),
    summary: summarize(req, method, first, causes),
    steps,
    causes,
    warnings,
  };
  if (first) {
    diagnosis.firstDifference = { key: first.key, title: first.title, expected: first.expected, ...(first.actual !== undefined ? { actual: first.actual } : {}) };
  }
  return diagnosis;
}

/**
 * Replaces every secret the diagnosis could echo: the SecretKey (the request may carry it when the
 * keys are swapped), the session token, and the values of sensitive parameters of a legacy request,
 * in plain and percent-encoded form.
 */
function scrub(d: Diagnosis, input: DiagnoseInput, req: PastedRequest): Diagnosis {
  const secrets: Array<[string, string]> = [];
  const addSecret = (value: string | undefined, placeholder: string): void => {
    if (value === undefined) {
      return;
    }
    for (const v of new Set([value, value.trim()])) {
      if (v.length >= 4) {
        secrets.push([v, placeholder]);
        for (const encoded of [safeEncode(v), safeEncodeUri(v)]) {
          if (encoded !== undefined && encoded !== v) {
            secrets.push([encoded, placeholder]);
          }
        }
      }
    }
  };
  addSecret(input.secretKey, SECRET_KEY_PLACEHOLDER);
  addSecret(input.token, '<token>');
  addSecret(req.headerMap['x-tc-token'], '<token>');
  const pairs = tryDecodeParams(legacyParamText(req).text) ?? [];
  for (const [name, value] of pairs) {
    if (name === 'Token' || (isSensitiveField(name) && name !== 'SecretId' && name !== 'Signature')) {
      addSecret(value, '<redacted>');
    }
  }
  if (secrets.length === 0) {
    return d;
  }
  // Longer secrets first, so a token that contains the SecretKey is replaced whole.
  secrets.sort((a, b) => b[0].length - a[0].length);
  const clean = (text: string): string => {
    let out = text;
    for (const [secret, placeholder] of secrets) {
      if (out.includes(secret)) {
        out = out.split(secret).join(placeholder);
      }
    }
    return out;
  };
  return deepMap(d, clean) as Diagnosis;
}

function safeEncode(v: string): string | undefined {
  try {
    return rfc3986Encode(v);
  } catch {
    return undefined;
  }
}

function safeEncodeUri(v: string): string | undefined {
  try {
    return encodeURIComponent(v);
  } catch {
    return undefined;
  }
}

function deepMap(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') {
    return fn(value);
  }
  if (Array.isArray(value)) {
    return value.map((v) => deepMap(v, fn));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = deepMap(v, fn);
    }
    return out;
  }
  return value;
}
