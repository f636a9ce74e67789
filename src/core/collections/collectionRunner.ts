import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { findAction } from '../catalog/catalog';
import type { ValidationIssue } from '../catalog/issues';
import { validateParams } from '../catalog/validate';
import { ApiError, CancelledError, ExplorerError, InputError } from '../errors';
import type { JsonValue } from '../json';
import type { CallResult, CallSpec } from '../requests/types';
import { evaluateAssertions, type AssertionResult, type AssertionSubject } from './assertions';
import type { Collection } from './collectionFormat';
import { listRequests, requireItem, type RequestEntry } from './collectionTree';
import type { Environment } from './environmentFormat';
import { resolveRequest, type SecretResolver, type VariableContext } from './variables';

/** How one request ended: its checks held, a check failed, it could not be run, or it was not run. */
export type RunStatus = 'passed' | 'failed' | 'errored' | 'skipped';

/** One request's outcome in a run. */
export interface RunRequestResult {
  requestId: string;
  name: string;
  action: string;
  /** Names of the folders above the request, from the top down. */
  path: string[];
  status: RunStatus;
  assertions: AssertionResult[];
  /** Present when the call reached the API (an API error included). */
  callResult?: CallResult;
  /** Why the request errored or was skipped. `kind` is an ExplorerError kind, or `internal`. */
  error?: { kind: string; message: string };
  durationMs: number;
}

/** The outcome of a run, with counts and one result per selected request in collection order. */
export interface RunSummary {
  collectionName: string;
  environmentName?: string;
  startedAt: string;
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  durationMs: number;
  /** True when the run was cancelled before every request finished. */
  cancelled: boolean;
  results: RunRequestResult[];
}

/** Reported while a run goes, so a progress bar or a log can follow it. */
export type RunProgress =
  | { type: 'requestStarted'; index: number; total: number; requestId: string; name: string; path: string[] }
  | { type: 'requestFinished'; index: number; total: number; result: RunRequestResult };

/**
 * Checks a resolved request before it is sent. Issues of severity `error` keep it from being sent:
 * the request ends `errored` with them as its error. Requests with an `error` assertion are not
 * checked, since the API's error is what they test. See {@link ruleValidator}.
 */
export type ValidateCall = (spec: CallSpec) => readonly ValidationIssue[];

/**
 * The check the editor and the command line run before each request of a collection: the action's
 * parameters and TRTC's documented rules (room-id twins, RoomIdType, query windows against the
 * clock, the region), as a form and `call` check them. A request naming an action the catalog does
 * not know is left to the API, which answers it with its own error.
 */
export function ruleValidator(options: { region?: string; now?: () => number } = {}): ValidateCall {
  return (spec) => {
    if (!findAction(spec.action)) return [];
    const region = spec.region ?? options.region;
    return validateParams(spec.action, spec.params, { ...(region ? { region } : {}), ...(options.now ? { now: options.now() } : {}) });
  };
}

/** Sends one resolved call. The real one signs and sends; tests pass one that talks to a local server. */
export type ExecuteCall = (spec: CallSpec, signal: AbortSignal) => Promise<CallResult>;

/** Everything {@link runCollection} needs. */
export interface RunOptions {
  collection: Collection;
  /** Run only the requests inside this folder (at any depth). */
  folderId?: string;
  /** Run only this request. */
  requestId?: string;
  environment?: Environment;
  secrets?: SecretResolver;
  /** Variable values that win over the environment. */
  overrides?: Record<string, JsonValue>;
  execute: ExecuteCall;
  signal?: AbortSignal;
  onProgress?: (event: RunProgress) => void;
  /** How many requests may be in flight at once; 1 (the default) runs them strictly in order. */
  concurrency?: number;
  /** Stop after the first request that fails or errors; the rest are skipped. */
  bail?: boolean;
  /** Clock and random sources for dynamic variables; tests fix them. */
  variableSources?: Pick<VariableContext, 'now' | 'randomInt' | 'uuid'>;
  /** Refuses requests whose parameters break the rules before they are sent; without it every request is sent. */
  validate?: ValidateCall;
}

/** The requests a run covers: the whole collection, one folder's subtree, or one request. */
export function selectRequests(collection: Collection, selection: { folderId?: string; requestId?: string }): RequestEntry[] {
  if (selection.requestId !== undefined) {
    const found = requireItem(collection, selection.requestId);
    if (found.item.type !== 'request') {
      throw new InputError(`"${found.item.name}" is a folder; pass it as folderId to run everything inside it`);
    }
    return [{ request: found.item, path: found.ancestors.map((f) => f.name) }];
  }
  if (selection.folderId !== undefined) {
    const found = requireItem(collection, selection.folderId);
    if (found.item.type !== 'folder') {
      throw new InputError(`"${found.item.name}" is a request, not a folder; pass it as requestId to run it`);
    }
    return listRequests(found.item.items, [...found.ancestors.map((f) => f.name), found.item.name]);
  }
  return listRequests(collection.items);
}

function errorInfo(e: unknown): { kind: string; message: string } {
  if (e instanceof ExplorerError) {
    return { kind: e.kind, message: e.message };
  }
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/** Rejects with CancelledError as soon as the signal fires, even if `promise` ignores it. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    return Promise.reject(new CancelledError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * Runs the selected requests of a collection: resolves each one's variables, calls `execute`,
 * evaluates its assertions. A failed assertion makes it `failed`; a transport failure, an unresolved
 * variable or any other error thrown makes it `errored`; an API error answer is not an error of the
 * run but an outcome the assertions judge (without assertions it fails the implicit success check).
 * Cancelling stops at once: the request in flight and those not started are `skipped`.
 */
export async function runCollection(options: RunOptions): Promise<RunSummary> {
  const entries = selectRequests(options.collection, options);
  const total = entries.length;
  const controller = new AbortController();
  const outer = options.signal;
  const forward = (): void => controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
  if (outer?.aborted) {
    controller.abort();
  }
  const signal = controller.signal;
  const startedAt = new Date().toISOString();
  const runStart = performance.now();
  const results: Array<RunRequestResult | undefined> = new Array(total).fill(undefined);
  let bailed = false;
  let next = 0;

  const runOne = async (index: number): Promise<RunRequestResult> => {
    const { request, path } = entries[index];
    const base = { requestId: request.id, name: request.name, action: request.action, path };
    options.onProgress?.({ type: 'requestStarted', index, total, requestId: request.id, name: request.name, path });
    const start = performance.now();
    const elapsed = (): number => performance.now() - start;
    let spec: CallSpec;
    try {
      spec = await resolveRequest(request, {
        environment: options.environment,
        secrets: options.secrets,
        overrides: options.overrides,
        ...options.variableSources,
      });
    } catch (e) {
      return { ...base, status: 'errored', assertions: [], error: errorInfo(e), durationMs: elapsed() };
    }
    if (signal.aborted) {
      return { ...base, status: 'skipped', assertions: [], error: errorInfo(new CancelledError()), durationMs: elapsed() };
    }
    // A request that asserts an API error is meant to break the rules, so it goes out as written.
    const expectsError = request.assertions?.some((a) => a.type === 'error') ?? false;
    const refused = expectsError ? [] : (options.validate?.(spec).filter((i) => i.severity === 'error') ?? []);
    if (refused.length) {
      const list = refused.map((i) => `${i.path || '(request)'}: ${i.message}${i.fix ? ` ${i.fix.en}` : ''}`).join('; ');
      return { ...base, status: 'errored', assertions: [], error: { kind: 'input', message: `Not sent: ${list}` }, durationMs: elapsed() };
    }
    let callResult: CallResult | undefined;
    let subject: AssertionSubject;
    try {
      callResult = await raceAbort(options.execute(spec, signal), signal);
      subject = callResult;
    } catch (e) {
      if (signal.aborted) {
        return { ...base, status: 'skipped', assertions: [], error: errorInfo(new CancelledError()), durationMs: elapsed() };
      }
      if (e instanceof ApiError) {
        // Some executors throw API errors instead of returning them; the assertions still judge them.
        subject = {
          response: { Error: { Code: e.code, Message: e.apiMessage }, ...(e.requestId ? { RequestId: e.requestId } : {}) },
          error: { code: e.code, message: e.apiMessage },
          latencyMs: elapsed(),
        };
      } else {
        return { ...base, status: 'errored', assertions: [], error: errorInfo(e), durationMs: elapsed() };
      }
    }
    const assertions = evaluateAssertions(request.assertions, subject);
    const out: RunRequestResult = {
      ...base,
      status: assertions.every((a) => a.passed) ? 'passed' : 'failed',
      assertions,
      durationMs: elapsed(),
    };
    if (callResult) {
      out.callResult = callResult;
    }
    return out;
  };

  const worker = async (): Promise<void> => {
    while (!signal.aborted && !bailed && next < total) {
      const index = next++;
      let r: RunRequestResult;
      try {
        r = await runOne(index);
      } catch (e) {
        const { request, path } = entries[index];
        r = { requestId: request.id, name: request.name, action: request.action, path, status: 'errored', assertions: [], error: errorInfo(e), durationMs: 0 };
      }
      results[index] = r;
      options.onProgress?.({ type: 'requestFinished', index, total, result: r });
      if (options.bail && (r.status === 'failed' || r.status === 'errored')) {
        bailed = true;
      }
    }
  };

  const concurrency = Math.max(1, Math.min(Math.floor(options.concurrency ?? 1), total || 1));
  // Every request in flight listens to the run's signal a few times over (the race here, the
  // executor, a pacing wait), and removes its listeners when it ends: not a leak, so Node's
  // warning at more than 10 listeners is raised to what the concurrency needs.
  setMaxListeners(Math.max(10, concurrency * 8), signal);
  try {
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
  } finally {
    outer?.removeEventListener('abort', forward);
  }

  const cancelled = signal.aborted;
  const final: RunRequestResult[] = results.map((r, index) => {
    if (r) {
      return r;
    }
    const { request, path } = entries[index];
    return {
      requestId: request.id,
      name: request.name,
      action: request.action,
      path,
      status: 'skipped',
      assertions: [],
      error: cancelled ? errorInfo(new CancelledError('The run was cancelled')) : { kind: 'bail', message: 'Not run: an earlier request failed and the run stops at the first failure' },
      durationMs: 0,
    };
  });
  const count = (s: RunStatus): number => final.filter((r) => r.status === s).length;
  const summary: RunSummary = {
    collectionName: options.collection.name,
    startedAt,
    total,
    passed: count('passed'),
    failed: count('failed'),
    errored: count('errored'),
    skipped: count('skipped'),
    durationMs: performance.now() - runStart,
    cancelled,
    results: final,
  };
  if (options.environment) {
    summary.environmentName = options.environment.name;
  }
  return summary;
}
