import type { CallSpec } from './types';

/**
 * What fills in the parts of a call its spec leaves open, from the front end's settings: the spec's
 * own options, every one optional. The command line, for one, has no default language and omits
 * the region when neither `--region` nor the profile names one; the editor's region is the
 * session's choice, else the profile's, else the setting. Signed headers apply to TC3 only, as
 * the legacy methods sign every parameter instead.
 */
export type SpecDefaults = Omit<CallSpec, 'action' | 'params'>;

/**
 * The one place a call's spec is completed, for the form, history re-runs, collection runs and the
 * command line alike: what the spec says wins (a region typed in the form or saved in a request),
 * and each gap is filled from `defaults`. Signed headers are only set for TC3-HMAC-SHA256.
 */
export function completeSpec(spec: CallSpec, defaults: SpecDefaults): CallSpec {
  const out: CallSpec = { ...spec };
  const region = spec.region || defaults.region;
  if (region) out.region = region;
  const endpoint = spec.endpoint ?? defaults.endpoint;
  if (endpoint) out.endpoint = endpoint;
  const language = spec.language ?? defaults.language;
  if (language) out.language = language;
  const signMethod = spec.signMethod ?? defaults.signMethod;
  if (signMethod) out.signMethod = signMethod;
  const httpMethod = spec.httpMethod ?? defaults.httpMethod;
  if (httpMethod) out.httpMethod = httpMethod;
  const timeoutMs = spec.timeoutMs ?? defaults.timeoutMs;
  if (timeoutMs !== undefined) out.timeoutMs = timeoutMs;
  if ((out.signMethod ?? 'TC3-HMAC-SHA256') === 'TC3-HMAC-SHA256') {
    const signedHeaders = spec.signedHeaders ?? defaults.signedHeaders;
    if (signedHeaders) out.signedHeaders = signedHeaders;
  } else {
    delete out.signedHeaders;
  }
  return out;
}
