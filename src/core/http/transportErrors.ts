import { ExplorerError, NetworkError, TimeoutError, TlsError } from '../errors';

/** What the error mapper needs to know about the failed call to explain it. */
export interface TransportContext {
  /** `host:port` of the API endpoint. */
  target: string;
  /** `http://proxy:port` when the call went through a proxy (never with credentials). */
  proxy?: string;
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  reason?: unknown;
}

/**
 * Turns whatever undici or Node threw into one of the typed failures, with a message that says what
 * happened and what to check. Errors that are already typed pass through unchanged.
 */
export function toTransportError(err: unknown, ctx: TransportContext): ExplorerError {
  if (err instanceof ExplorerError) {
    return err;
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new TimeoutError('connect', ctx.connectMs, { cause: err });
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new TimeoutError('headers', ctx.headersMs, { cause: err });
    case 'UND_ERR_BODY_TIMEOUT':
      return new TimeoutError('body', ctx.bodyMs, { cause: err });
    case 'UND_ERR_PRX_TLS':
      // undici wraps certificate failures of the tunnelled connection; explain the inner one.
      return toTransportError(e.cause ?? new Error(String(e.message)), ctx);
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
    case 'UND_ERR_DESTROYED': {
      const inner = innerSystemError(e);
      if (inner) {
        return toTransportError(inner, ctx);
      }
      return new NetworkError(
        `${via(ctx)} closed the connection before the answer was complete — try again; if it keeps happening, check the endpoint and any proxy or firewall`,
        'ECONNRESET',
        { cause: err },
      );
    }
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return new NetworkError(`The answer from ${ctx.target} was cut short (fewer bytes than announced) — try again`, 'ECONNRESET', {
        cause: err,
      });
    case 'UND_ERR_HEADERS_OVERFLOW':
      return new NetworkError(`The answer from ${ctx.target} has headers too large to read — is the endpoint right?`, code, { cause: err });
    case 'UND_ERR_INFO':
    case 'UND_ERR_ABORTED':
    case 'UND_ERR_INVALID_ARG':
      // undici reports a proxy that answers CONNECT with anything but 200 as "Proxy response (407) ...".
      if (typeof e.message === 'string' && /proxy/i.test(e.message) && /\(\d{3}\)/.test(e.message)) {
        return proxyRefused(e.message, ctx, err);
      }
      break;
    default:
      break;
  }
  if (code?.startsWith('HPE_')) {
    return new NetworkError(
      `${ctx.target} did not answer with valid HTTP (${code}) — is the endpoint right? An https:// URL pointing at a plain-HTTP port can cause this`,
      code,
      { cause: err },
    );
  }
  if (code && isTlsCode(code)) {
    return tlsError(code, e, ctx, err);
  }
  if (code === undefined && Array.isArray(e.errors) && e.errors.length > 0) {
    // Node's happy-eyeballs connect reports one error per address it tried; the first explains it.
    return toTransportError(e.errors[0], ctx);
  }
  return systemError(code, e, ctx, err);
}

function innerSystemError(e: ErrorLike): unknown {
  const cause = e.cause as ErrorLike | undefined;
  if (cause && typeof cause.code === 'string' && !cause.code.startsWith('UND_ERR')) {
    return cause;
  }
  return undefined;
}

function via(ctx: TransportContext): string {
  return ctx.proxy ? `The proxy ${ctx.proxy} or the server ${ctx.target}` : `The server ${ctx.target}`;
}

function proxyRefused(message: string, ctx: TransportContext, err: unknown): NetworkError {
  const proxy = ctx.proxy ?? 'in use';
  const status = /\((\d{3})\)/.exec(message)?.[1];
  const text =
    status === '407'
      ? `The proxy ${proxy} wants a user name and password (HTTP 407) — put them in the proxy URL: http://user:password@host:port`
      : `The proxy ${proxy} refused to connect to ${ctx.target}${status ? ` (HTTP ${status})` : ''} — check the proxy setting and NO_PROXY`;
  return new NetworkError(text, 'EPROXY', { cause: err });
}

function systemError(code: string | undefined, e: ErrorLike, ctx: TransportContext, err: unknown): NetworkError {
  // When a proxy is used, connection-level failures usually concern the proxy itself.
  const peer = ctx.proxy ? `the proxy ${ctx.proxy}` : ctx.target;
  switch (code) {
    case 'ECONNREFUSED':
      return new NetworkError(
        ctx.proxy
          ? `Connection refused by the proxy ${ctx.proxy} — is the proxy setting right?`
          : `Connection refused by ${ctx.target} — is the endpoint right?`,
        code,
        { cause: err },
      );
    case 'ENOTFOUND':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
      return new NetworkError(
        `Could not find the host ${typeof e.hostname === 'string' ? e.hostname : hostOf(ctx.proxy ? ctx.proxy : ctx.target)} (DNS lookup failed) — check the ${ctx.proxy ? 'proxy setting' : 'endpoint'} and your network connection`,
        code,
        { cause: err },
      );
    case 'EAI_AGAIN':
      return new NetworkError(`The DNS lookup for ${hostOf(ctx.proxy ?? ctx.target)} failed for now — check your network connection and try again`, code, {
        cause: err,
      });
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return new NetworkError(
        `The connection to ${peer} was reset (${code}) — a proxy, firewall or the server dropped it; try again`,
        code,
        { cause: err },
      );
    case 'ETIMEDOUT':
      return new NetworkError(`The network connection to ${peer} timed out (ETIMEDOUT) — is the host reachable from here?`, code, {
        cause: err,
      });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return new NetworkError(`There is no network route to ${peer} (${code}) — check your connection, VPN or proxy`, code, {
        cause: err,
      });
    case 'EADDRNOTAVAIL':
      return new NetworkError(`Cannot connect to ${peer}: the address is not available on this machine (${code})`, code, { cause: err });
    default: {
      const what = typeof e.message === 'string' && e.message !== '' ? e.message : String(err);
      return new NetworkError(`The request to ${ctx.target} failed: ${what}${code && !what.includes(code) ? ` (${code})` : ''}`, code, {
        cause: err,
      });
    }
  }
}

function hostOf(target: string): string {
  return target.replace(/^[a-z]+:\/\//, '').replace(/:\d+$/, '');
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'INVALID_CA',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

function isTlsCode(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_');
}

function tlsError(code: string, e: ErrorLike, ctx: TransportContext, err: unknown): TlsError {
  const host = hostOf(ctx.target);
  const trustHint =
    'if a company proxy or antivirus inspects HTTPS, add its root certificate with the NODE_EXTRA_CA_CERTS environment variable';
  let message: string;
  switch (code) {
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH': {
      const reason = typeof e.reason === 'string' ? `: ${e.reason}` : '';
      message = `The certificate of ${ctx.target} is not valid for the name ${host}${reason} — is the endpoint right?`;
      break;
    }
    case 'CERT_HAS_EXPIRED':
      message = `The certificate of ${ctx.target} has expired — check the endpoint, and this computer's clock`;
      break;
    case 'CERT_NOT_YET_VALID':
      message = `The certificate of ${ctx.target} is not valid yet — check this computer's clock`;
      break;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      message = `${ctx.target} presented a self-signed certificate, which is not trusted — ${trustHint}`;
      break;
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      message = `The certificate chain of ${ctx.target} ends in a self-signed root that is not trusted — ${trustHint}`;
      break;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_UNTRUSTED':
    case 'INVALID_CA':
      message = `The certificate of ${ctx.target} was issued by an unknown certificate authority (${code}) — ${trustHint}`;
      break;
    case 'CERT_REVOKED':
      message = `The certificate of ${ctx.target} has been revoked`;
      break;
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
    case 'ERR_SSL_PACKET_LENGTH_TOO_LONG':
      message = `The TLS handshake with ${ctx.target} failed (${code}) — the server may not speak HTTPS on this port; use http:// for a plain local server`;
      break;
    default:
      message = `The secure connection to ${ctx.target} failed (${code})${typeof e.message === 'string' ? `: ${e.message}` : ''}`;
      break;
  }
  return new TlsError(message, code, { cause: err });
}
