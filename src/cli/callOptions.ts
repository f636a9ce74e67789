import { validateParams, type ValidateOptions } from '../core/catalog/validate';
import { findAction } from '../core/catalog/catalog';
import { InputError } from '../core/errors';
import { trustableOrigin, trustOrigins, type EndpointPolicy } from '../core/http/endpointPolicy';
import { findRegion } from '../core/http/endpoints';
import type { JsonObject } from '../core/json';
import type { CallSpec, EndpointChoice } from '../core/requests/types';
import { HTTP_METHODS, LANGUAGES, SIGN_METHODS, SIGNED_HEADERS_MODES } from '../core/signing/types';
import { choiceOption, intOption } from './args';
import { readParams } from './inputs';
import type { CliIo } from './io';
import { checkAction } from './actionName';

export { checkAction };

/** Options shared by `call`, `sign` and `export`. */
export const REQUEST_OPTIONS = {
  params: { type: 'string', short: 'p' },
  region: { type: 'string', short: 'r' },
  endpoint: { type: 'string' },
  'allow-endpoint': { type: 'string', multiple: true },
  language: { type: 'string' },
  'sign-method': { type: 'string' },
  'http-method': { type: 'string' },
  'signed-headers': { type: 'string' },
  profile: { type: 'string' },
  timeout: { type: 'string' },
  'no-validate': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The usage lines of the shared request options. */
export const REQUEST_OPTIONS_USAGE = `  --params JSON|@file.json|@-   request parameters (a JSON object)
  --region R                    X-TC-Region, e.g. ap-guangzhou (omitted when not given)
  --endpoint URL|nearest|regional|intl
                                where to send: the nearest host (default), the region's host,
                                the international host, or a URL (HTTPS; HTTP only for loopback);
                                a URL you type here is trusted
  --allow-endpoint URL          trust this endpoint as well (repeatable); any other endpoint
                                that is not Tencent Cloud's is refused before anything is signed
  --language zh-CN|en-US        language of error messages
  --sign-method TC3-HMAC-SHA256|HmacSHA256|HmacSHA1
  --http-method POST|GET
  --signed-headers content-type;host[;x-tc-action]
  --profile NAME                a tccli profile (~/.tccli/NAME.credential)
  --timeout MS                  whole-call time limit
  --no-validate                 send even when the parameters do not match the catalog`;

type RequestValues = Partial<Record<keyof typeof REQUEST_OPTIONS, string | boolean | string[]>>;

/** Parses `--endpoint`: a keyword or a URL. */
export function endpointOption(value: string | undefined): EndpointChoice | undefined {
  if (value === undefined) {
    return undefined;
  }
  const v = value.trim();
  if (v === 'nearest' || v === 'regional' || v === 'intl') {
    return { kind: v };
  }
  if (/^[a-z]+:\/\//i.test(v)) {
    return { kind: 'custom', url: v };
  }
  throw new InputError(`--endpoint must be nearest, regional, intl or a URL such as https://trtc.tencentcloudapi.com, not "${value}"`);
}

/** What the command line says about an endpoint it refuses. */
export function cliHowToTrust(origin: string): string {
  return `Pass --allow-endpoint ${origin} to use it as the files say, or --endpoint ${origin} to send every request there.`;
}

/** The origins of the `--allow-endpoint` URLs; a URL that cannot be trusted is an error naming it. */
export function allowedOrigins(allowed: readonly string[] | undefined): string[] {
  const origins: string[] = [];
  for (const url of allowed ?? []) {
    try {
      origins.push(trustableOrigin(url));
    } catch (e) {
      throw new InputError(`--allow-endpoint ${url}: ${(e as Error).message}`);
    }
  }
  return origins;
}

/**
 * The endpoints a command may sign for and send to: Tencent Cloud's TRTC hosts, the URL given with
 * `--endpoint` (the user typed it) and every `--allow-endpoint`. Everything else, whatever a
 * collection, an environment or an imported file names, is refused.
 */
export function cliEndpointPolicy(endpoint: EndpointChoice | undefined, allowed: readonly string[] | undefined): EndpointPolicy {
  const origins = allowedOrigins(allowed);
  if (endpoint?.kind === 'custom') {
    origins.push(trustableOrigin(endpoint.url));
  }
  return trustOrigins(origins, cliHowToTrust);
}

/** Checks a region id's shape; unknown but well-formed regions pass with a warning. */
export function regionOption(value: string | undefined, warn: (m: string) => void): string | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  if (!/^[a-z]{2,3}-[a-z]+(-\d+)?$/.test(value)) {
    throw new InputError(`--region "${value}" is not a region id such as ap-guangzhou`);
  }
  if (!findRegion(value)) {
    warn(`note: ${value} is not one of the regions this tool knows; sending it anyway\n`);
  }
  return value;
}


/** Builds the call spec from parsed option values. */
export function callSpecFrom(action: string, params: JsonObject, v: RequestValues, warn: (m: string) => void): CallSpec {
  const region = regionOption(v.region as string | undefined, warn);
  const endpoint = endpointOption(v.endpoint as string | undefined);
  const language = choiceOption(v.language as string | undefined, 'language', LANGUAGES);
  const signMethod = choiceOption(v['sign-method'] as string | undefined, 'sign-method', SIGN_METHODS);
  const httpMethod = choiceOption(v['http-method'] as string | undefined, 'http-method', HTTP_METHODS);
  const signedHeaders = choiceOption(v['signed-headers'] as string | undefined, 'signed-headers', SIGNED_HEADERS_MODES);
  const timeoutMs = intOption(v.timeout as string | undefined, 'timeout', 1, 3_600_000);
  if (signedHeaders && signMethod && signMethod !== 'TC3-HMAC-SHA256') {
    throw new InputError('--signed-headers applies to TC3-HMAC-SHA256 only; the legacy methods sign every parameter instead');
  }
  return {
    action,
    params,
    ...(region ? { region } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(language ? { language } : {}),
    ...(signMethod ? { signMethod } : {}),
    ...(httpMethod ? { httpMethod } : {}),
    ...(signedHeaders ? { signedHeaders } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}

/**
 * Throws an InputError listing every validation issue that refuses the request, with its path and
 * what to do, or returns when there is none. Warnings (a probable mistake that a correct request can
 * also show) are printed and do not stop it. `options` carries the region and clock the rules of
 * TRTC's documentation check against.
 */
export function reportValidation(action: string, params: CallSpec['params'], options: Pick<ValidateOptions, 'region' | 'now'> = {}, warn?: (m: string) => void): void {
  if (!findAction(action)) {
    return;
  }
  const issues = validateParams(action, params, options);
  const line = (i: (typeof issues)[number]) =>
    `  ${i.path || '(request)'}: ${i.message}${i.code === 'unknown' && i.suggestion ? ` (did you mean ${i.suggestion}?)` : i.fix ? ` ${i.fix.en}` : ''}`;
  for (const w of issues.filter((i) => i.severity === 'warning')) {
    warn?.(`note: ${line(w).trim()}\n`);
  }
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) {
    return;
  }
  throw new InputError(
    `The parameters do not match ${action} (${errors.length} problem${errors.length > 1 ? 's' : ''}):\n${errors.map(line).join('\n')}\n` +
      'Fix them, or pass --no-validate to send anyway.',
  );
}

/**
 * The request that `call`, `sign` and `export` describe: one action, `--params` and the shared
 * options, validated against the catalog and TRTC's documented rules unless `--no-validate` (exit
 * status 2 before anything is sent), with the endpoint policy of `--endpoint` and `--allow-endpoint`.
 * `knownAction` insists on an action of the catalog even without validation; `now` also checks
 * query windows against how long the data is kept.
 */
export async function readRequest(
  values: RequestValues,
  positionals: string[],
  io: CliIo,
  usage: string,
  options: { knownAction?: boolean; now?: number } = {},
): Promise<{ action: string; spec: CallSpec; policy: EndpointPolicy }> {
  if (positionals.length > 1) {
    throw new InputError(`Expected one action, got ${positionals.length}: ${positionals.join(' ')}\n${usage}`);
  }
  const validate = !values['no-validate'];
  const action = checkAction(positionals[0], validate || !!options.knownAction);
  const params = await readParams(values.params as string | undefined, io);
  const spec = callSpecFrom(action, params, values, io.stderr);
  const policy = cliEndpointPolicy(spec.endpoint, values['allow-endpoint'] as string[] | undefined);
  if (validate) {
    reportValidation(action, params, { ...(spec.region ? { region: spec.region } : {}), ...(options.now !== undefined ? { now: options.now } : {}) }, io.stderr);
  }
  return { action, spec, policy };
}
