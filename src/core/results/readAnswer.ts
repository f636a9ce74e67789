import { isJsonObject, parseAnswerJson, type JsonObject, type JsonValue } from '../json';

/** An answer as the result view reads it, from whichever document it was shown in. */
export interface Answer {
  /** The action, when the document says (history documents do; plain result documents do not). */
  action?: string;
  /** The `Response` object, lossless. */
  response?: JsonObject;
  error?: { code: string; message: string };
  requestId?: string;
  /** Why the text could not be read as an answer. */
  problem?: string;
}

/**
 * Removes the `//` comment lines a result document of an API error is headed with (it opens as
 * JSON with comments). Only whole lines before the JSON begins are removed, so a `//` inside a
 * string value is never touched.
 */
function stripLeadingComments(text: string): string {
  let start = 0;
  for (;;) {
    while (start < text.length && /\s/.test(text[start]!)) start++;
    if (!text.startsWith('//', start)) return text.slice(start);
    const end = text.indexOf('\n', start);
    if (end < 0) return '';
    start = end + 1;
  }
}

function errorOf(response: JsonObject): Answer['error'] {
  const e = response.Error;
  if (!isJsonObject(e)) return undefined;
  return { code: typeof e.Code === 'string' ? e.Code : 'Error', message: typeof e.Message === 'string' ? e.Message : '' };
}

function fromResponse(response: JsonObject, action?: string): Answer {
  const error = errorOf(response);
  return {
    ...(action ? { action } : {}),
    response,
    ...(error ? { error } : {}),
    ...(typeof response.RequestId === 'string' ? { requestId: response.RequestId } : {}),
  };
}

/**
 * Reads the answer out of a document's text: a plain answer (`{"Response": {...}}` or the
 * `Response` object itself, as `trtc-explorer call` prints it), a history entry as the compare
 * view writes it (`{id, request, response: {body}}`), or an entry's response document
 * (`{httpStatus, ..., body}`). Numbers stay lossless.
 */
export function readAnswer(text: string): Answer {
  let value: JsonValue;
  try {
    value = parseAnswerJson(stripLeadingComments(text));
  } catch (e) {
    return { problem: `not JSON: ${(e as Error).message}` };
  }
  return readAnswerValue(value);
}

/** {@link readAnswer} for text that is already parsed. */
export function readAnswerValue(value: JsonValue): Answer {
  if (!isJsonObject(value)) {
    return { problem: 'not a JSON object' };
  }
  if (isJsonObject(value.Response)) {
    return fromResponse(value.Response);
  }
  // A history entry: the request names the action; the body is what the server sent.
  const request = value.request;
  const response = value.response;
  if (isJsonObject(request) && isJsonObject(response)) {
    const action = typeof request.action === 'string' ? request.action : undefined;
    const inner = bodyResponse(response.body);
    return inner ? fromResponse(inner, action) : { ...(action ? { action } : {}), problem: 'the entry has no answer body' };
  }
  if ('body' in value && ('httpStatus' in value || 'requestId' in value)) {
    const inner = bodyResponse(value.body);
    return inner ? fromResponse(inner) : { problem: 'the entry has no answer body' };
  }
  return fromResponse(value);
}

function bodyResponse(body: JsonValue | undefined): JsonObject | undefined {
  if (!isJsonObject(body)) return undefined;
  return isJsonObject(body.Response) ? body.Response : body;
}
