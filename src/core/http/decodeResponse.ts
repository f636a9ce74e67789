import { HttpStatusError, NonJsonError } from '../errors';
import { isJsonObject, parseAnswerJson, stringifyJson, type JsonObject, type JsonValue } from '../json';
import type { HttpResponse } from './httpClient';

/** The API's answer, decoded without losing any digit of any number. */
export interface DecodedResponse {
  /** The `Response` object exactly as sent (big integers stay `LosslessNumber`s). */
  response: JsonObject;
  requestId?: string;
  /** Set when the API answered `Response.Error`; the call reached the API but failed there. */
  error?: { code: string; message: string };
}

/** Longest body excerpt put in an error message. */
export const SNIPPET_MAX_CHARS = 160;

/**
 * Turns a raw HTTP answer into the API's answer. A body that is not the API's JSON shape becomes a
 * {@link NonJsonError} that shows what came back instead; an HTTP status other than 200 without an
 * API error in the body becomes an {@link HttpStatusError}. An API error is returned, not thrown,
 * so the caller can still show the whole answer.
 */
export function decodeResponse(res: HttpResponse): DecodedResponse {
  const contentType = res.headers['content-type'] ?? '';
  let parsed: JsonValue | undefined;
  try {
    parsed = res.bodyText.trim() === '' ? undefined : parseAnswerJson(res.bodyText);
  } catch {
    parsed = undefined;
  }
  const envelope = isJsonObject(parsed) ? parsed.Response : undefined;
  if (!isJsonObject(envelope)) {
    if (res.status !== 200) {
      throw new HttpStatusError(res.status, res.statusText, bodySnippet(res.bodyText, contentType));
    }
    if (parsed === undefined) {
      throw new NonJsonError(res.status, contentType, bodySnippet(res.bodyText, contentType));
    }
    throw new NonJsonError(
      res.status,
      contentType,
      `JSON without the "Response" object the API always sends: ${bodySnippet(res.bodyText, contentType)}`,
    );
  }
  const decoded: DecodedResponse = { response: envelope };
  if (typeof envelope.RequestId === 'string') {
    decoded.requestId = envelope.RequestId;
  }
  // Any `Error` member makes the answer an API error, whatever its shape: a string or a number there
  // is a broken or foreign answer, and counting it as a success would make a failed call look fine.
  if (Object.prototype.hasOwnProperty.call(envelope, 'Error')) {
    decoded.error = apiErrorOf(envelope.Error as JsonValue);
  } else if (res.status !== 200) {
    // A JSON envelope without an error under a failing status is not an API answer we can trust.
    throw new HttpStatusError(res.status, res.statusText, bodySnippet(res.bodyText, contentType));
  }
  return decoded;
}

/** The code and message of a `Response.Error`; a value that is not the usual object is described. */
function apiErrorOf(error: JsonValue): { code: string; message: string } {
  if (isJsonObject(error)) {
    return {
      code: typeof error.Code === 'string' && error.Code !== '' ? error.Code : 'UnknownError',
      message: typeof error.Message === 'string' ? error.Message : '',
    };
  }
  if (typeof error === 'string' && error.trim() !== '') {
    return { code: 'UnknownError', message: clip(collapse(error), SNIPPET_MAX_CHARS) };
  }
  return {
    code: 'UnknownError',
    message: `The answer's Response.Error is ${clip(collapse(stringifyJson(error)), 60)} instead of an object with Code and Message`,
  };
}

/**
 * A short, single-line excerpt of a body for messages: the `<title>` of an HTML page when there is
 * one, otherwise the text with whitespace collapsed, cut at {@link SNIPPET_MAX_CHARS}.
 */
export function bodySnippet(text: string, contentType = ''): string {
  if (text.trim() === '') {
    return '';
  }
  const looksHtml = /html/i.test(contentType) || /^\s*(<!doctype html|<html)/i.test(text);
  if (looksHtml) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text.slice(0, 64 * 1024))?.[1];
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text.slice(0, 64 * 1024))?.[1];
    const picked = title?.trim() ? title : heading;
    if (picked?.trim()) {
      return `an HTML page titled "${clip(collapse(decodeEntities(stripTags(picked))), SNIPPET_MAX_CHARS - 25)}"`;
    }
    return clip(collapse(stripTags(text.slice(0, 8 * 1024))), SNIPPET_MAX_CHARS);
  }
  return clip(collapse(text.slice(0, 8 * 1024)), SNIPPET_MAX_CHARS);
}

function stripTags(s: string): string {
  return s.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

function collapse(s: string): string {
  // Control characters are dropped too, so a binary body cannot garble a terminal.
  return s.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => {
    switch (name) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'nbsp':
        return ' ';
      default:
        return "'";
    }
  });
}
