import { InputError } from '../errors';
import { isSensitiveField } from '../sensitive';
import { rfc3986Encode } from '../signing/encoding';
import { CAUSES } from './causes';
import { diagnoseLegacy } from './diagnoseLegacy';
import { diagnoseTc3, type MethodDiagnosis } from './diagnoseTc3';
import { checkClock, checkToken, Findings, SECRET_KEY_PLACEHOLDER, step, STEP_TITLES } from './findings';
import { legacyParamText, pasteWarning, tryDecodeParams } from './requestParts';
import type { Cause, DiagnoseInput, Diagnosis, DiagnosisStep, LocalizedText, PastedRequest } from './types';

/** The service a TRTC request is signed for. */
export const DEFAULT_SERVICE = 'trtc';

/**
 * Recomputes every step of the signature from the request exactly as pasted, with the SecretKey
 * given, and names the first step whose value differs from the one the request carries. When the
 * signature differs, the usual mistakes are tried one and two at a time; one that reproduces the
 * request's own signature is reported as certain, with every intermediate value it implies.
 *
 * The SecretKey and the session token are used in memory only: nothing in the result contains them
 * (derived keys are cut to their first 8 hex digits, and any place the request itself carries the
 * SecretKey or a token shows a placeholder).
 *
 * @throws InputError when no SecretKey is given.
 */
export function diagnoseSignature(req: PastedRequest, input: DiagnoseInput): Diagnosis {
  if (typeof input?.secretKey !== 'string' || input.secretKey.trim() === '') {
    throw new InputError('Give the SecretKey your code signs with; the debugger recomputes the signature with it (it is kept in memory only).', 'secretKey');
  }
  const findings = new Findings();
  const key = input.secretKey.trim();
  const service = input.expectedService?.trim() || DEFAULT_SERVICE;
  const nowGiven = input.now !== undefined && Number.isFinite(input.now);
  const now = Math.floor(nowGiven ? (input.now as number) : Date.now() / 1000);
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
    findings.add(CAUSES.noSignature(), 'fact');
    const steps: DiagnosisStep[] = [step('authorization', 'differs', 'an Authorization header (TC3) or a Signature parameter (legacy)', 'none')];
    return scrub(finish(req, steps, findings, { steps, signatureMatches: false, reproduced: false, compared: false }, warnings), input, req);
  }

  const ctx = { key, service };
  const method: MethodDiagnosis =
    req.signMethod === 'TC3-HMAC-SHA256' ? diagnoseTc3(req, input, ctx, findings) : diagnoseLegacy(req, input, ctx, findings);
  const steps = method.steps;
  steps.push(checkClock(method.timestamp, method.timestampText, now, nowGiven, findings));
  const tokenName = req.signMethod === 'TC3-HMAC-SHA256' ? 'X-TC-Token' : 'Token';
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
    findings.add(CAUSES.secretKeyWrong(false), findings.firmCount === 0 ? 'likely' : 'possible');
    if (req.signMethod === 'TC3-HMAC-SHA256' && req.body !== '') {
      findings.add(
        CAUSES.payloadDiffers({
          en: 'a text other than the body it sent (the body was changed, re-serialized or re-encoded after it was hashed)',
          zh: '与发送内容不同的文本（请求体在哈希之后被修改、重新序列化或重新编码）',
        }),
        'possible',
      );
    }
  }
  return scrub(finish(req, steps, findings, method, warnings), input, req);
}

function finish(req: PastedRequest, steps: DiagnosisStep[], findings: Findings, method: MethodDiagnosis, warnings: Diagnosis['warnings']): Diagnosis {
  const explained = method.signatureMatches || method.reproduced;
  const causes = findings.resolve(explained, method.reproduced);
  const first = steps.find((s) => s.status === 'differs');
  const diagnosis: Diagnosis = {
    signMethod: req.signMethod,
    signatureMatches: method.signatureMatches,
    reproduced: method.reproduced,
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

function summarize(req: PastedRequest, method: MethodDiagnosis, first: DiagnosisStep | undefined, causes: Cause[]): LocalizedText {
  if (req.signMethod === 'unknown') {
    return { en: 'The request carries no signature at all.', zh: '请求中完全没有签名。' };
  }
  const top = causes[0];
  if (method.signatureMatches) {
    const elsewhere = first
      ? { en: ` The first problem found is at "${first.title.en}": ${top?.title.en ?? ''}.`, zh: `发现的第一个问题在“${first.title.zh}”：${top?.title.zh ?? ''}。` }
      : {
          en: ' The failure comes from elsewhere: the SecretKey of this SecretId, a disabled key, the time window or the token (see the checks below).',
          zh: '问题出在别处：该 SecretId 对应的 SecretKey、密钥是否被禁用、时间窗口或 Token（见下方检查项）。',
        };
    return {
      en: 'The signature is correct for this SecretKey: every step computed from the request matches.' + elsewhere.en,
      zh: '用这个 SecretKey 计算，签名是正确的：根据请求重新计算的每一步都一致。' + elsewhere.zh,
    };
  }
  const where = first ?? { title: STEP_TITLES.signature };
  if (method.reproduced && top) {
    return {
      en: `The signature is wrong; the first step that differs is "${where.title.en}". Your code's signature was reproduced exactly: ${top.title.en}.`,
      zh: `签名错误；第一个不一致的步骤是“${where.title.zh}”。已经精确复现了代码的签名：${top.title.zh}。`,
    };
  }
  return {
    en: `The signature is wrong; the first step that differs is "${where.title.en}". No usual mistake reproduces your code's signature exactly, so the causes below are ranked guesses.`,
    zh: `签名错误；第一个不一致的步骤是“${where.title.zh}”。常见错误都无法精确复现代码的签名，下面的原因按可能性排序。`,
  };
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
