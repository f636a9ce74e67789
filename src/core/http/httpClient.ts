import { rootCertificates } from 'node:tls';
import { Pool, ProxyAgent, type Dispatcher } from 'undici';
import { CancelledError, ExplorerError, InputError, RedirectError, ResponseTooLargeError, TimeoutError } from '../errors';
import { chooseProxy, type ProxySettings } from './proxy';
import { toTransportError, type TransportContext } from './transportErrors';

/** Limits of one call, in milliseconds; each phase maps to its own {@link TimeoutError}. */
export interface HttpTimeouts {
  /** TCP connect plus TLS handshake (and the proxy tunnel when there is one). */
  connectMs?: number;
  /** From sending the request until the response headers are complete. */
  headersMs?: number;
  /** The longest pause between two pieces of the response body. */
  bodyMs?: number;
  /** The whole call; none by default. */
  totalMs?: number;
}

/** Defaults for {@link HttpTimeouts}: generous, since some API calls take several seconds. */
export const DEFAULT_TIMEOUTS: Readonly<Required<Omit<HttpTimeouts, 'totalMs'>>> = {
  connectMs: 10_000,
  headersMs: 60_000,
  bodyMs: 30_000,
};

/** The default cap on a response body: 32 MB. The API's own answers are far smaller. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Options of an {@link HttpClient}; the proxy fields are described on {@link ProxySettings}. */
export interface HttpClientOptions extends ProxySettings {
  timeouts?: HttpTimeouts;
  maxResponseBytes?: number;
  /** Extra trusted root certificates (PEM), added to Node's built-in list. */
  ca?: string | Buffer | ReadonlyArray<string | Buffer>;
  /** How long an idle keep-alive connection stays open; undici's default (4 s) when omitted. */
  keepAliveTimeoutMs?: number;
  /** Most connections per origin; unlimited when omitted. */
  connections?: number;
}

/** One HTTP exchange as the caller describes it: the signed request plus limits. */
export interface HttpRequest {
  /** Scheme, host and port, such as `https://trtc.tencentcloudapi.com` (see `resolveEndpoint`). */
  origin: string;
  method: 'GET' | 'POST';
  /** Such as `/` or `/?Action=DismissRoom&...`. */
  pathAndQuery: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Cancels the call; the promise then rejects with {@link CancelledError}. */
  signal?: AbortSignal;
  /** Per-call overrides of the client's timeouts. */
  timeouts?: HttpTimeouts;
  /** Per-call override of the client's response size cap. */
  maxResponseBytes?: number;
}

/** What came back, fully read. */
export interface HttpResponse {
  status: number;
  statusText: string;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body decoded as UTF-8 (the API only speaks UTF-8). */
  bodyText: string;
  /** The size of the body in bytes, as received. */
  bytes: number;
  timing: {
    /** From the call until the response headers arrived. */
    headersMs: number;
    /** From the call until the last body byte arrived. */
    totalMs: number;
  };
  /** The server's `Date` header in epoch milliseconds, when present and valid. */
  serverDateMs?: number;
}

interface DispatcherEntry {
  dispatcher: Dispatcher;
  /** `host:port` for messages. */
  target: string;
  /** The proxy's display form (no credentials) when requests go through one. */
  proxy?: string;
  /**
   * True between the end of a response and the next turn of the event loop. undici only hands a
   * finished connection back to its pool one loop turn later (`setImmediate`), so a request sent in
   * that window would open a second connection; such a request waits for that turn instead.
   */
  releasing: boolean;
}

/**
 * Sends requests over one keep-alive connection pool per origin (undici), with per-phase timeouts,
 * cancellation, a response size cap, proxy support and typed errors. Redirects are never followed,
 * so a signed request only ever goes to the host it was signed for. Call {@link close} when done.
 */
export class HttpClient {
  private readonly entries = new Map<string, DispatcherEntry>();
  private readonly timeouts: Required<Omit<HttpTimeouts, 'totalMs'>> & Pick<HttpTimeouts, 'totalMs'>;
  private readonly maxResponseBytes: number;
  private readonly ca: Array<string | Buffer> | undefined;

  constructor(private readonly options: HttpClientOptions = {}) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...definedOnly(options.timeouts) };
    for (const [name, value] of Object.entries(this.timeouts)) {
      checkPositive(value, `timeouts.${name}`);
    }
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    checkPositive(this.maxResponseBytes, 'maxResponseBytes');
    const extra = options.ca === undefined ? [] : Array.isArray(options.ca) ? [...options.ca] : [options.ca as string | Buffer];
    this.ca = extra.length > 0 ? [...rootCertificates, ...extra] : undefined;
  }

  /** Sends one request and reads the whole answer; rejects with a typed {@link ExplorerError}. */
  send(req: HttpRequest): Promise<HttpResponse> {
    const signal = req.signal;
    if (signal?.aborted) {
      return Promise.reject(cancelledBy(signal));
    }
    const t = req.timeouts;
    const connectMs = t?.connectMs ?? this.timeouts.connectMs;
    const headersMs = t?.headersMs ?? this.timeouts.headersMs;
    const bodyMs = t?.bodyMs ?? this.timeouts.bodyMs;
    const totalMs = t?.totalMs ?? this.timeouts.totalMs;
    const maxBytes = req.maxResponseBytes ?? this.maxResponseBytes;
    let entry: DispatcherEntry;
    try {
      entry = this.entryFor(req.origin, connectMs);
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<HttpResponse>((resolve, reject) => {
      const collector = new ResponseCollector(
        resolve,
        reject,
        entry,
        { target: entry.target, proxy: entry.proxy, connectMs, headersMs, bodyMs },
        maxBytes,
        signal,
        totalMs,
      );
      const options: Dispatcher.DispatchOptions = {
        origin: req.origin,
        path: req.pathAndQuery,
        method: req.method,
        // ProxyAgent adds a host header to the object it is given, so it gets a copy.
        headers: entry.proxy ? { ...req.headers } : req.headers,
        body: req.body ?? null,
        headersTimeout: headersMs,
        bodyTimeout: bodyMs,
      };
      if (entry.releasing) {
        setImmediate(() => collector.start(entry.dispatcher, options));
      } else {
        collector.start(entry.dispatcher, options);
      }
    });
  }

  /** Closes every pooled connection. The client stays usable; later calls open new connections. */
  async close(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((e) => e.dispatcher.close().catch(() => e.dispatcher.destroy())));
  }

  /** How the client will reach an origin: directly or through which proxy (for logs and diagnostics). */
  describeRoute(origin: string): { target: string; proxy?: string } {
    const { target, proxy } = this.entryFor(origin, this.timeouts.connectMs);
    return proxy ? { target, proxy } : { target };
  }

  private entryFor(origin: string, connectMs: number): DispatcherEntry {
    const key = connectMs === this.timeouts.connectMs ? origin : `${origin} ${connectMs}`;
    const existing = this.entries.get(key);
    if (existing) {
      return existing;
    }
    const entry = this.createEntry(origin, connectMs);
    this.entries.set(key, entry);
    return entry;
  }

  private createEntry(origin: string, connectMs: number): DispatcherEntry {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new InputError(`"${maskUserInfo(origin)}" is not a valid origin: expected a form such as https://trtc.tencentcloudapi.com`, 'endpoint');
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin.replace(/\/$/, '')) {
      throw new InputError(`"${maskUserInfo(origin)}" is not an origin: expected scheme, host and optional port only`, 'endpoint');
    }
    const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
    const target = `${url.hostname}:${port}`;
    const common = {
      headersTimeout: this.timeouts.headersMs,
      bodyTimeout: this.timeouts.bodyMs,
      ...(this.options.keepAliveTimeoutMs !== undefined ? { keepAliveTimeout: this.options.keepAliveTimeoutMs } : {}),
      ...(this.options.connections !== undefined ? { connections: this.options.connections } : {}),
    };
    const tls = { timeout: connectMs, ...(this.ca ? { ca: this.ca } : {}) };
    const proxy = chooseProxy(url, this.options);
    if (proxy) {
      const dispatcher = new ProxyAgent({
        uri: proxy.url,
        ...common,
        proxyTls: { timeout: connectMs },
        requestTls: tls,
      });
      return { dispatcher, target, proxy: proxy.display, releasing: false };
    }
    return { dispatcher: new Pool(origin, { ...common, connect: tls }), target, releasing: false };
  }
}

/**
 * Collects one response through undici's dispatch handler interface: no intermediate stream, the
 * size cap checked on every chunk, and every failure mapped to a typed error exactly once.
 */
class ResponseCollector implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private abortReason: ExplorerError | undefined;
  private settled = false;
  private status = 0;
  private statusText = '';
  private headers: Record<string, string> = {};
  private headersAt = 0;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly startedAt = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private readonly onAbort: (() => void) | undefined;

  constructor(
    private readonly resolve: (r: HttpResponse) => void,
    private readonly reject: (e: unknown) => void,
    private readonly entry: DispatcherEntry,
    private readonly ctx: TransportContext,
    private readonly maxBytes: number,
    private readonly signal: AbortSignal | undefined,
    totalMs: number | undefined,
  ) {
    if (signal) {
      this.onAbort = () => this.fail(cancelledBy(signal));
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
    if (totalMs !== undefined) {
      this.timer = setTimeout(() => this.fail(new TimeoutError('total', totalMs)), totalMs);
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.abortReason) {
      controller.abort(this.abortReason);
    }
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage?: string,
  ): void {
    if (statusCode < 200) {
      return;
    }
    this.headersAt = performance.now();
    this.status = statusCode;
    this.statusText = statusMessage ?? '';
    const flat: Record<string, string> = {};
    for (const name in headers) {
      const v = headers[name];
      if (v !== undefined) {
        flat[name] = typeof v === 'string' ? v : v.join(', ');
      }
    }
    this.headers = flat;
    if (statusCode >= 300 && statusCode < 400) {
      this.fail(new RedirectError(statusCode, flat.location ?? ''), controller);
      return;
    }
    const length = flat['content-length'];
    if (length !== undefined && Number(length) > this.maxBytes) {
      this.fail(new ResponseTooLargeError(this.maxBytes), controller);
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) {
      return;
    }
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      this.fail(new ResponseTooLargeError(this.maxBytes), controller);
      return;
    }
    this.chunks.push(chunk);
  }

  /** Hands the request to undici unless the call already ended (cancelled while waiting its turn). */
  start(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions): void {
    if (this.settled) {
      return;
    }
    try {
      dispatcher.dispatch(options, this);
    } catch (err) {
      // Most dispatchers report bad options through onResponseError, but some throw instead.
      this.onResponseError(undefined, err as Error);
    }
  }

  onResponseEnd(): void {
    if (this.settled) {
      return;
    }
    this.settle();
    const entry = this.entry;
    if (!entry.releasing) {
      entry.releasing = true;
      setImmediate(() => {
        entry.releasing = false;
      });
    }
    const end = performance.now();
    const body = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
    const response: HttpResponse = {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      bodyText: body.toString('utf8'),
      bytes: this.size,
      timing: { headersMs: this.headersAt - this.startedAt, totalMs: end - this.startedAt },
    };
    const date = this.headers.date;
    if (date !== undefined) {
      const ms = Date.parse(date);
      if (Number.isFinite(ms)) {
        response.serverDateMs = ms;
      }
    }
    this.resolve(response);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, err: Error): void {
    if (this.settled) {
      return;
    }
    this.settle();
    this.reject(toTransportError(err, this.ctx));
  }

  /** Settles with a typed error now and tells undici to drop the exchange (and its connection). */
  private fail(err: ExplorerError, controller = this.controller): void {
    if (this.settled) {
      return;
    }
    this.settle();
    this.reject(err);
    if (controller) {
      if (!controller.aborted) {
        controller.abort(err);
      }
    } else {
      // Not on a connection yet (still queued or connecting): undici aborts it when it starts.
      this.abortReason = err;
    }
  }

  private settle(): void {
    this.settled = true;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
    }
    if (this.onAbort && this.signal) {
      this.signal.removeEventListener('abort', this.onAbort);
    }
  }
}

/** A caller that aborts with one of our typed errors (a whole-call timeout, say) keeps that error. */
function cancelledBy(signal: AbortSignal): ExplorerError {
  const reason: unknown = signal.reason;
  if (reason instanceof ExplorerError) {
    return reason;
  }
  return new CancelledError();
}

/** Hides anything before an `@` in the authority, so a password typed into a URL is never echoed. */
function maskUserInfo(text: string): string {
  return text.replace(/\/\/[^/@]*@/, '//***@');
}

function definedOnly(t: HttpTimeouts | undefined): HttpTimeouts {
  const out: HttpTimeouts = {};
  if (t) {
    for (const [k, v] of Object.entries(t) as Array<[keyof HttpTimeouts, number | undefined]>) {
      if (v !== undefined) {
        out[k] = v;
      }
    }
  }
  return out;
}

function checkPositive(value: number | undefined, name: string): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new InputError(`${name} must be a positive number of ${name === 'maxResponseBytes' ? 'bytes' : 'milliseconds'} (got ${value})`, name);
  }
}
