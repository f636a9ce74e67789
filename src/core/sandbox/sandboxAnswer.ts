import { findAction } from '../catalog/catalog';
import { isJsonObject, type JsonObject } from '../json';
import { makeGen, uuid } from './random';
import { sandboxError, type SandboxError, type SandboxLanguage } from './sandboxErrors';
import { SANDBOX_REQUEST_ID_PREFIX, sandboxResponse } from './sandboxResponse';

/** A request as the sandbox sees it: what the API would receive, without credentials. */
export interface SandboxRequest {
  action: string;
  params: JsonObject;
  region?: string;
  language?: SandboxLanguage;
}

/** The API's answer: HTTP 200 and a `Response`, holding `Error` when the request fails. */
export interface SandboxAnswer {
  httpStatus: 200;
  response: JsonObject;
  error?: { code: string; message: string };
}

function failure(error: SandboxError, seed: number, now: number): SandboxAnswer {
  const requestId = SANDBOX_REQUEST_ID_PREFIX + uuid(makeGen(seed, now));
  return { httpStatus: 200, response: { Error: { Code: error.Code, Message: error.Message }, RequestId: requestId }, error: { code: error.Code, message: error.Message } };
}

/**
 * What the API would answer, without sending anything: its own error for a request it would
 * refuse (an unknown action, missing, mistyped, out-of-range or unknown parameters, a region the
 * action does not run in, a room of the wrong kind, a window that is reversed, too long or too
 * old), and otherwise an answer coherent with the request. The same request, seed and `now`
 * always give the same answer.
 */
export function sandboxAnswer(request: SandboxRequest, options: { now: number; seed: number }): SandboxAnswer {
  const info = findAction(request.action);
  if (!info || info.name !== request.action) {
    const zh = request.language === 'zh-CN';
    const guess = info ? (zh ? `（是否应为 ${info.name}？）` : ` (did you mean ${info.name}?)`) : '';
    return failure(
      { Code: 'InvalidAction', Message: zh ? `接口 ${request.action} 不存在${guess}。` : `The action ${request.action} does not exist${guess}.` },
      options.seed,
      options.now,
    );
  }
  if (!isJsonObject(request.params)) {
    return failure({ Code: 'InvalidParameter', Message: request.language === 'zh-CN' ? '请求参数应为 JSON 对象。' : 'The request parameters should be a JSON object.' }, options.seed, options.now);
  }
  const error = sandboxError(info, request.params, {
    now: options.now,
    ...(request.region ? { region: request.region } : {}),
    ...(request.language ? { language: request.language } : {}),
  });
  if (error) return failure(error, options.seed, options.now);
  return { httpStatus: 200, response: sandboxResponse(info, { seed: options.seed, now: options.now, params: request.params }) };
}
