/**
 * Every failure the core reports is one of these classes, so the command line can map it to an
 * exit status and the editor to a specific message, without parsing message text.
 */
export type ErrorKind =
  | 'input'
  | 'config'
  | 'network'
  | 'timeout'
  | 'tls'
  | 'cancelled'
  | 'http-status'
  | 'non-json'
  | 'too-large'
  | 'redirect'
  | 'api';

/** Base class of all typed failures. */
export abstract class ExplorerError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** The command line's exit status for this failure: 1 API error, 2 bad input, 3 transport. */
  get exitCode(): number {
    switch (this.kind) {
      case 'api':
        return 1;
      case 'input':
      case 'config':
        return 2;
      case 'cancelled':
        return 130;
      default:
        return 3;
    }
  }
}

/** Input the user gave is wrong: bad JSON, a failed validation, an unknown option. */
export class InputError extends ExplorerError {
  readonly kind = 'input' as const;
  constructor(
    message: string,
    /** The path of the offending field, such as `Layout.MixVideoUids[2]`, when there is one. */
    readonly path?: string,
  ) {
    super(message);
  }
}

/** Something needed to run is missing or unusable: credentials, a profile, a setting. */
export class ConfigError extends ExplorerError {
  readonly kind = 'config' as const;
}

/** The connection could not be made or broke (DNS, refused, reset, proxy). */
export class NetworkError extends ExplorerError {
  readonly kind = 'network' as const;
  constructor(
    message: string,
    /** The system error code when there is one (`ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`...). */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A phase of the request took longer than its limit. */
export class TimeoutError extends ExplorerError {
  readonly kind = 'timeout' as const;
  constructor(
    readonly phase: 'connect' | 'headers' | 'body' | 'total',
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`Timed out after ${timeoutMs} ms waiting for the ${phaseText(phase)}`, options);
  }
}

function phaseText(phase: TimeoutError['phase']): string {
  switch (phase) {
    case 'connect':
      return 'connection';
    case 'headers':
      return 'response headers';
    case 'body':
      return 'response body';
    default:
      return 'response';
  }
}

/** The TLS handshake failed (certificate, protocol). */
export class TlsError extends ExplorerError {
  readonly kind = 'tls' as const;
  constructor(
    message: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The user or the caller cancelled the request. */
export class CancelledError extends ExplorerError {
  readonly kind = 'cancelled' as const;
  constructor(message = 'The request was cancelled') {
    super(message);
  }
}

/** The server answered with an HTTP status other than 200 and no API error body. */
export class HttpStatusError extends ExplorerError {
  readonly kind = 'http-status' as const;
  constructor(
    readonly status: number,
    readonly statusText: string,
    /** The first bytes of the body, for the message. */
    readonly bodySnippet: string,
  ) {
    super(`The server answered HTTP ${status}${statusText ? ' ' + statusText : ''}${bodySnippet ? `: ${bodySnippet}` : ''}`);
  }
}

/** The body was not the JSON the API always sends. */
export class NonJsonError extends ExplorerError {
  readonly kind = 'non-json' as const;
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly bodySnippet: string,
  ) {
    super(
      `Expected a JSON answer but got ${contentType || 'no content type'} (HTTP ${status})` +
        (bodySnippet ? `: ${bodySnippet}` : ': an empty body'),
    );
  }
}

/** The response was larger than the configured cap. */
export class ResponseTooLargeError extends ExplorerError {
  readonly kind = 'too-large' as const;
  constructor(readonly limitBytes: number) {
    super(`The response is larger than the ${formatBytes(limitBytes)} limit and was refused`);
  }
}

/** The server tried to redirect; signed requests are never sent anywhere else. */
export class RedirectError extends ExplorerError {
  readonly kind = 'redirect' as const;
  constructor(
    readonly status: number,
    readonly location: string,
  ) {
    super(`The server answered with a redirect (HTTP ${status}${location ? ` to ${location}` : ''}); redirects are not followed`);
  }
}

/** The API processed the request and answered `Response.Error`. */
export class ApiError extends ExplorerError {
  readonly kind = 'api' as const;
  constructor(
    readonly code: string,
    readonly apiMessage: string,
    readonly requestId: string | undefined,
    readonly httpStatus: number,
  ) {
    super(`${code}: ${apiMessage}${requestId ? ` (RequestId ${requestId})` : ''}`);
  }
}

/** Human-readable byte count: 1 KB = 1024 bytes. */
export function formatBytes(n: number): string {
  if (n < 1024) {
    return `${n} B`;
  }
  const units = ['KB', 'MB', 'GB'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}
