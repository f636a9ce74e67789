import type { SignedRequest } from '../signing/types';
import { diagnoseSignature } from './diagnoseSignature';
import type { DiagnoseInput, Diagnosis, PastedHeader, PastedRequest } from './types';

/** What the server said about a failed call: its error code and, when known, its clock. */
export interface ServerAnswer {
  /** `Response.Error.Code`, such as `AuthFailure.SignatureFailure`. */
  code: string;
  message?: string;
  /** The response's `Date` header in epoch milliseconds: the server's clock, for the time-window check. */
  serverDateMs?: number;
}

/** One of our own signed requests in the form the debugger reads, so it can be checked like a pasted one. */
export function requestFromSigned(signed: Pick<SignedRequest, 'method' | 'pathAndQuery' | 'headers' | 'body' | 'trace'>): PastedRequest {
  const headers: PastedHeader[] = Object.entries(signed.headers).map(([name, value]) => ({ name, value }));
  const headerMap: Record<string, string> = {};
  for (const h of headers) {
    headerMap[h.name.toLowerCase()] ??= h.value;
  }
  const q = signed.pathAndQuery.indexOf('?');
  return {
    format: 'trace',
    method: signed.method,
    scheme: 'https',
    host: headerMap.host ?? '',
    path: q < 0 ? signed.pathAndQuery : signed.pathAndQuery.slice(0, q),
    query: q < 0 ? '' : signed.pathAndQuery.slice(q + 1),
    headers,
    headerMap,
    body: signed.body,
    signMethod: signed.trace.method,
    warnings: [],
  };
}

/**
 * Diagnoses a call the explorer itself signed and the server refused, for the "Debug Signature"
 * button: the same diagnosis as a pasted request, with the server's error code to rank the causes and
 * its clock (when known) as the reference time. The service defaults to the one the request was
 * signed for.
 */
export function diagnoseFromTrace(
  signed: Pick<SignedRequest, 'method' | 'pathAndQuery' | 'headers' | 'body' | 'trace'>,
  server: ServerAnswer,
  input: Omit<DiagnoseInput, 'errorCode'>,
): Diagnosis {
  const trace = signed.trace;
  const now = input.now ?? (server.serverDateMs !== undefined ? Math.floor(server.serverDateMs / 1000) : undefined);
  return diagnoseSignature(requestFromSigned(signed), {
    ...input,
    ...(now !== undefined ? { now } : {}),
    expectedService: input.expectedService ?? (trace.method === 'TC3-HMAC-SHA256' ? trace.service : undefined),
    errorCode: server.code,
  });
}
