import type { ServerAnswer } from '../../core/debugger';
import { isJsonObject } from '../../core/json';
import { prepareCall, TRTC_SERVICE, TRTC_VERSION, type PreparedCall } from '../../core/requests/callExecutor';
import { completeSpec, type SpecDefaults } from '../../core/requests/completeSpec';
import type { CallResult, CallSpec } from '../../core/requests/types';
import type { Credentials, SignatureTrace, SignedRequest } from '../../core/signing/types';
import { resolveEndpoint } from '../../core/http/endpoints';
import type { ResolvedTarget } from '../../core/codegen';
import { SANDBOX_PROFILE } from '../common/ids';
import type { EndpointPolicy } from '../../core/http/endpointPolicy';
import { credentialsOf, type CredentialStore, type Profile } from '../credentials/credentialStore';

/**
 * What the request form, the error notification and the history pass to the signature and export
 * commands: the call as described, and when it was sent, its result and the profile it used.
 */
export interface CallArgs {
  spec: CallSpec;
  result?: CallResult;
  /** A profile name, or the sandbox's pseudo-profile name. */
  profile?: string;
}

/**
 * Reads command arguments that claim to be {@link CallArgs}. Commands can be run from keybindings
 * and other extensions with anything as argument, so the shape is checked before it is trusted.
 */
export function asCallArgs(raw: unknown): CallArgs | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const spec = r.spec as Record<string, unknown> | undefined;
  if (typeof spec !== 'object' || spec === null || typeof spec.action !== 'string' || !/^[A-Za-z][A-Za-z0-9]{0,99}$/.test(spec.action) || !isJsonObject(spec.params)) {
    return undefined;
  }
  const result = r.result as Record<string, unknown> | undefined;
  const validResult = typeof result === 'object' && result !== null && typeof result.sandbox === 'boolean' && typeof result.startedAt === 'string';
  return {
    spec: spec as unknown as CallSpec,
    ...(validResult ? { result: result as unknown as CallResult } : {}),
    ...(typeof r.profile === 'string' ? { profile: r.profile } : {}),
  };
}

/** Credentials anyone may see: they sign a request for reading, never one that would be accepted. */
export const EXAMPLE_CREDENTIALS: Credentials = { secretId: 'AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00', secretKey: 'ExampleSecretKeyNotARealKey000000' };

/** A request signed for the signature tools, with where its keys came from. */
export interface SigningContext {
  spec: CallSpec;
  prepared: PreparedCall;
  /** `call`: the signature the call was sent with; `fresh`: signed just now for this document. */
  origin: 'call' | 'fresh';
  /** The profile whose keys signed it (for a call: the profile whose SecretId the call carries). */
  profile?: Profile;
  /** True when no profile was available and the example keys were used. */
  example: boolean;
  /** The server's refusal, for a call that failed with an API error. */
  server?: ServerAnswer;
}

/** What building a signing context needs from the extension. */
export interface SigningDeps {
  credentials: CredentialStore;
  /** The `X-TC-RequestClient` value the controller sends, so rebuilt headers equal the sent ones. */
  requestClient: string;
  /** Which endpoints may be signed for. */
  policy: EndpointPolicy;
  /** What completes a spec the caller left open (endpoint, region, methods), for the profile that signs. */
  defaults: (profile: Profile | undefined) => SpecDefaults;
  now?: () => number;
}

/** The SecretId a trace was signed with, read from the Authorization header or the parameters. */
export function secretIdOfTrace(trace: SignatureTrace): string | undefined {
  if (trace.method === 'TC3-HMAC-SHA256') {
    return /Credential=([^/,\s]+)\//.exec(trace.authorization)?.[1];
  }
  return trace.sortedParams.find(([k]) => k === 'SecretId')?.[1];
}

/**
 * Finds the profile a call was signed with: the one named, if its SecretId matches the trace;
 * otherwise any profile with the trace's SecretId. Without a trace, the named profile or the
 * active one.
 */
export async function profileForCall(store: CredentialStore, name: string | undefined, trace?: SignatureTrace): Promise<Profile | undefined> {
  const named = name && name !== SANDBOX_PROFILE ? await store.get(name) : undefined;
  if (!trace) {
    return named ?? (await store.active());
  }
  const id = secretIdOfTrace(trace);
  if (named && named.secretId === id) {
    return named;
  }
  const active = await store.active();
  if (active && active.secretId === id) {
    return active;
  }
  for (const summary of await store.list()) {
    const p = await store.get(summary.name);
    if (p && p.secretId === id) {
      return p;
    }
  }
  return undefined;
}

/**
 * The signed request behind a call. With a trace, the request is rebuilt from the spec at the
 * trace's timestamp and then given the trace's own signature, so headers and body are exactly
 * what was sent even when the profile's keys changed since. Without one (sandbox answers, history
 * entries, a form not sent yet), it is signed now with the profile's keys, or the example keys.
 */
export async function signingContext(deps: SigningDeps, args: CallArgs): Promise<SigningContext> {
  const trace = args.result?.trace;
  const profile = await profileForCall(deps.credentials, args.profile, trace);
  const spec = completeSpec(args.spec, deps.defaults(profile));
  if (trace) {
    const secretId = secretIdOfTrace(trace) ?? EXAMPLE_CREDENTIALS.secretId;
    const credentials = profile ? credentialsOf(profile) : { ...EXAMPLE_CREDENTIALS, secretId };
    const rebuilt = prepareCall(spec, {
      credentials,
      timestamp: trace.timestamp,
      policy: deps.policy,
      ...(trace.method !== 'TC3-HMAC-SHA256' ? { nonce: trace.nonce } : {}),
      requestClient: deps.requestClient,
    });
    const error = args.result?.error;
    return {
      spec,
      prepared: { endpoint: rebuilt.endpoint, signed: withTrace(rebuilt.signed, trace) },
      origin: 'call',
      ...(profile ? { profile } : {}),
      example: false,
      ...(error ? { server: { code: error.code, message: error.message, ...(args.result?.serverDateMs !== undefined ? { serverDateMs: args.result.serverDateMs } : {}) } } : {}),
    };
  }
  const now = deps.now ?? Date.now;
  const prepared = prepareCall(spec, {
    credentials: profile ? credentialsOf(profile) : EXAMPLE_CREDENTIALS,
    timestamp: Math.floor(now() / 1000),
    policy: deps.policy,
    requestClient: deps.requestClient,
  });
  return { spec, prepared, origin: 'fresh', ...(profile ? { profile } : {}), example: !profile };
}

/** Puts a recorded trace's signature on a request rebuilt from the same inputs. */
function withTrace(signed: SignedRequest, trace: SignatureTrace): SignedRequest {
  if (trace.method === 'TC3-HMAC-SHA256') {
    const headers = { ...signed.headers };
    const name = Object.keys(headers).find((k) => k.toLowerCase() === 'authorization') ?? 'Authorization';
    headers[name] = trace.authorization;
    return { ...signed, headers, body: trace.payload, trace };
  }
  if (trace.httpMethod === 'GET') {
    const q = signed.pathAndQuery.indexOf('?');
    return { ...signed, pathAndQuery: `${q < 0 ? signed.pathAndQuery : signed.pathAndQuery.slice(0, q)}?${trace.encodedParams}`, trace };
  }
  return { ...signed, body: trace.encodedParams, trace };
}

/** Where exports of a call go: its endpoint, region, service and version. */
export function targetOf(spec: CallSpec): ResolvedTarget {
  const endpoint = resolveEndpoint(spec.endpoint ?? { kind: 'nearest' }, spec.region);
  return { origin: endpoint.origin, host: endpoint.host, ...(spec.region ? { region: spec.region } : {}), version: TRTC_VERSION, service: TRTC_SERVICE };
}
