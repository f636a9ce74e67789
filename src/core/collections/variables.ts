import { randomInt, randomUUID } from 'node:crypto';
import { InputError } from '../errors';
import { isJsonNumber, isJsonObject, mapJsonStrings, numberText, stringifyJson, type JsonObject, type JsonValue } from '../json';
import type { CallSpec, EndpointChoice } from '../requests/types';
import type { RequestItem } from './collectionFormat';
import type { Environment } from './environmentFormat';
import { cloneJson } from './jsonValues';

/**
 * Supplies the values of secret variables, which never live in environment files. The extension
 * backs it with VS Code's SecretStorage; the command line with `TRTC_VAR_<NAME>` environment variables.
 */
export interface SecretResolver {
  get(environmentName: string, variableName: string): Promise<string | undefined>;
  /** Optional: how the user can provide a missing value, used in the "unresolved" message. */
  missingHint?(environmentName: string, variableName: string): string;
}

/** The process environment variable that holds a secret for the command line: `TRTC_VAR_USER_SIG` for `User.Sig`. */
export function secretEnvVarName(variableName: string): string {
  return `TRTC_VAR_${variableName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** The command line's resolver: reads `TRTC_VAR_<NAME>` whatever the environment's name. */
export function processEnvSecretResolver(env: Record<string, string | undefined> = process.env): SecretResolver {
  return {
    get: async (_environmentName, variableName) => env[secretEnvVarName(variableName)],
    missingHint: (_environmentName, variableName) => `set ${secretEnvVarName(variableName)}`,
  };
}

/** An in-memory resolver keyed by environment then variable name, for tests and one-off runs. */
export function memorySecretResolver(values: Record<string, Record<string, string>>): SecretResolver {
  return { get: async (environmentName, variableName) => values[environmentName]?.[variableName] };
}

/** The built-in `{{$name}}` variables, with what each one produces. */
export const DYNAMIC_VARIABLES: Readonly<Record<string, string>> = {
  $timestamp: 'the current time in Unix seconds; a number when it is the whole value',
  $isoDate: 'the current time as an ISO 8601 UTC string, such as "2026-08-21T09:30:00.000Z"',
  $randomInt: 'a random integer from 0 to 1000; a number when it is the whole value; new at each occurrence',
  $uuid: 'a random version 4 UUID; new at each occurrence',
};

/** One `{{Name}}` occurrence and where it is. */
export interface VariableReference {
  name: string;
  /** `params.StorageParams.CloudStorage.SecretKey`, `region` or `endpoint.url`. */
  location: string;
}

/** A variable that could not be resolved, with every place it is used and why. */
export interface MissingVariable {
  name: string;
  reason: string;
  usedAt: string[];
}

/** Thrown before a call when some `{{Name}}` has no value; the message lists each one and where it is used. */
export class UnresolvedVariablesError extends InputError {
  constructor(readonly missing: MissingVariable[]) {
    super(
      (missing.length === 1 ? '1 variable cannot be resolved:' : `${missing.length} variables cannot be resolved:`) +
        missing.map((m) => `\n  {{${m.name}}}: ${m.reason}; used in ${m.usedAt.join(', ')}`).join(''),
      missing[0]?.usedAt[0],
    );
  }
}

const REFERENCE = /\{\{\s*(\$?[\w.-]+)\s*\}\}/g;
const WHOLE_REFERENCE = /^\{\{\s*(\$?[\w.-]+)\s*\}\}$/;

function locationOf(base: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${base}[${key}]`;
  }
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

function scan(value: JsonValue, location: string, out: VariableReference[]): void {
  if (typeof value === 'string') {
    for (const m of value.matchAll(REFERENCE)) {
      out.push({ name: m[1], location });
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => scan(v, locationOf(location, i), out));
  } else if (isJsonObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      scan(v, locationOf(location, k), out);
    }
  }
}

/** Every variable reference a request uses, in its params, region and custom endpoint URL. */
export function findVariableReferences(request: Pick<RequestItem, 'params' | 'region' | 'endpoint'>): VariableReference[] {
  const out: VariableReference[] = [];
  scan(request.params, 'params', out);
  if (request.region !== undefined) {
    scan(request.region, 'region', out);
  }
  if (request.endpoint?.kind === 'custom') {
    scan(request.endpoint.url, 'endpoint.url', out);
  }
  return out;
}

/** Where variable values come from when a request is resolved. */
export interface VariableContext {
  environment?: Environment;
  secrets?: SecretResolver;
  /** Values that win over the environment, such as `--var Name=value` on the command line. */
  overrides?: Record<string, JsonValue>;
  /** Clock for `$timestamp` and `$isoDate`; tests fix it. */
  now?: () => Date;
  /** Source of `$randomInt`. */
  randomInt?: () => number;
  /** Source of `$uuid`. */
  uuid?: () => string;
}

function asText(value: JsonValue): string {
  if (typeof value === 'string') {
    return value;
  }
  if (isJsonNumber(value)) {
    return numberText(value);
  }
  if (value === null || typeof value === 'boolean') {
    return String(value);
  }
  return stringifyJson(value);
}

/**
 * Looks up every variable a request uses and returns the call to make. A string that is exactly one
 * reference (`"{{SdkAppId}}"`) becomes the variable's value with its type (a number stays a number, a
 * big integer keeps its digits); a reference inside a longer string (`"room-{{RoomId}}"`) is replaced
 * by the value's text. Every missing variable is reported at once, with where it is used.
 */
export async function resolveRequest(request: RequestItem, context: VariableContext = {}): Promise<CallSpec> {
  const references = findVariableReferences(request);
  const values = new Map<string, JsonValue>();
  const missing = new Map<string, MissingVariable>();
  const env = context.environment;
  for (const ref of references) {
    if (ref.name.startsWith('$')) {
      if (!Object.prototype.hasOwnProperty.call(DYNAMIC_VARIABLES, ref.name)) {
        addMissing(missing, ref, `not a built-in variable (those are ${Object.keys(DYNAMIC_VARIABLES).join(', ')})`);
      }
      continue;
    }
    if (values.has(ref.name)) {
      continue;
    }
    if (missing.has(ref.name)) {
      addMissing(missing, ref, '');
      continue;
    }
    if (context.overrides && Object.prototype.hasOwnProperty.call(context.overrides, ref.name)) {
      values.set(ref.name, context.overrides[ref.name]);
      continue;
    }
    const def = env && Object.prototype.hasOwnProperty.call(env.variables, ref.name) ? env.variables[ref.name] : undefined;
    if (!env) {
      addMissing(missing, ref, 'no environment is selected');
    } else if (!def) {
      addMissing(missing, ref, `not defined in environment "${env.name}"`);
    } else if (def.secret) {
      const secret = context.secrets ? await context.secrets.get(env.name, ref.name) : undefined;
      if (secret === undefined) {
        const hint = context.secrets?.missingHint?.(env.name, ref.name);
        addMissing(missing, ref, `secret with no stored value${hint ? ` (${hint})` : ''}`);
      } else {
        values.set(ref.name, secret);
      }
    } else if (def.value === undefined) {
      addMissing(missing, ref, `defined in environment "${env.name}" without a value`);
    } else {
      values.set(ref.name, def.value);
    }
  }
  if (missing.size > 0) {
    throw new UnresolvedVariablesError([...missing.values()]);
  }

  const now = context.now?.() ?? new Date();
  const dynamic = (name: string): JsonValue => {
    switch (name) {
      case '$timestamp':
        return Math.floor(now.getTime() / 1000);
      case '$isoDate':
        return now.toISOString();
      case '$randomInt':
        return context.randomInt?.() ?? randomInt(0, 1001);
      default:
        return context.uuid?.() ?? randomUUID();
    }
  };
  const lookup = (name: string): JsonValue => (name.startsWith('$') ? dynamic(name) : values.get(name)!);
  const substitute = (value: JsonValue): JsonValue =>
    mapJsonStrings(value, (text) => {
      if (!text.includes('{{')) {
        return text;
      }
      const whole = WHOLE_REFERENCE.exec(text);
      if (whole) {
        return cloneJson(lookup(whole[1]));
      }
      return text.replace(REFERENCE, (_m, name: string) => asText(lookup(name)));
    });

  const spec: CallSpec = { action: request.action, params: substitute(request.params) as JsonObject };
  if (request.region !== undefined) {
    spec.region = asText(substitute(request.region));
  }
  if (request.endpoint !== undefined) {
    spec.endpoint =
      request.endpoint.kind === 'custom'
        ? ({ kind: 'custom', url: asText(substitute(request.endpoint.url)) } satisfies EndpointChoice)
        : { ...request.endpoint };
  }
  if (request.language !== undefined) {
    spec.language = request.language;
  }
  if (request.signMethod !== undefined) {
    spec.signMethod = request.signMethod;
  }
  if (request.httpMethod !== undefined) {
    spec.httpMethod = request.httpMethod;
  }
  if (request.signedHeaders !== undefined) {
    spec.signedHeaders = request.signedHeaders;
  }
  if (request.timeoutMs !== undefined) {
    spec.timeoutMs = request.timeoutMs;
  }
  return spec;
}

function addMissing(missing: Map<string, MissingVariable>, ref: VariableReference, reason: string): void {
  const known = missing.get(ref.name);
  if (known) {
    if (!known.usedAt.includes(ref.location)) {
      known.usedAt.push(ref.location);
    }
  } else {
    missing.set(ref.name, { name: ref.name, reason, usedAt: [ref.location] });
  }
}
