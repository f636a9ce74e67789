import { lookupErrorCode } from '../catalog/errorCodes';
import { parseAnswerJson, stringifyJson } from '../json';
import { skewSentence, type OutcomeLanguage } from './skew';
import type { CallResult } from './types';

export type { OutcomeLanguage };

/** What a call's answer means, in the words every place that shows it uses: the form, the result document, the error help. */
export interface OutcomeDescription {
  outcome: 'ok' | 'api-error';
  httpStatus: number;
  latencyMs: number;
  requestId?: string;
  sandbox: boolean;
  errorCode?: string;
  /** The API's own message. */
  message?: string;
  /** What the error code means, with the measured clock skew for an expired signature. */
  explanation?: string;
  /** What to do about it. */
  nextStep?: string;
  /** The error concerns the signature or credentials: the signature debugger can help. */
  signatureRelated?: boolean;
}

/** Options of {@link describeOutcome}. */
export interface DescribeOptions {
  language: OutcomeLanguage;
  /** The server's clock minus ours, when measured. */
  clockOffsetMs?: number;
}

/** Describes an answer (an API error included) once, for every place that shows it. */
export function describeOutcome(result: CallResult, options: DescribeOptions): OutcomeDescription {
  const base: OutcomeDescription = {
    outcome: result.error ? 'api-error' : 'ok',
    httpStatus: result.httpStatus,
    latencyMs: result.latencyMs,
    ...(result.requestId ? { requestId: result.requestId } : {}),
    sandbox: result.sandbox,
  };
  if (!result.error) {
    return base;
  }
  const info = lookupErrorCode(result.error.code);
  const zh = options.language === 'zh';
  // An expired signature is almost always a clock that is off: say by how much, when measured.
  const skew =
    result.error.code === 'AuthFailure.SignatureExpire' && options.clockOffsetMs !== undefined ? ` ${skewSentence(options.clockOffsetMs, options.language)}` : '';
  return {
    ...base,
    errorCode: result.error.code,
    message: result.error.message,
    ...(info ? { explanation: (zh ? info.explanation.zh : info.explanation.en) + skew, nextStep: zh ? info.nextStep.zh : info.nextStep.en } : {}),
    ...(info?.signature ? { signatureRelated: true } : {}),
  };
}

/**
 * The text of a result document: the whole answer pretty-printed, big integers exact. An error
 * answer is JSON with comments, headed by what the code means and what to do.
 */
export function resultDocumentText(result: CallResult, options: DescribeOptions): string {
  const body = stringifyJson(parseAnswerJson(result.responseText), 2);
  if (!result.error) {
    return `${body}\n`;
  }
  const d = describeOutcome(result, options);
  const header = [
    ...(result.sandbox ? [options.language === 'zh' ? '// 沙盒应答：由目录生成，未发送到腾讯云。' : '// Sandbox answer: generated from the catalog, not sent to Tencent Cloud.'] : []),
    `// ${result.error.code}: ${result.error.message}`,
    ...(d.explanation ? [`// ${d.explanation}`] : []),
    ...(d.nextStep ? [`// ${d.nextStep}`] : []),
  ];
  return `${header.map((l) => l.replace(/\n/g, ' ')).join('\n')}\n${body}\n`;
}
