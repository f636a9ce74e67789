import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../errors';
import type { Credentials, Language } from '../signing/types';

/** The environment variable names tccli and the official SDKs read. */
export const ENV_SECRET_ID = 'TENCENTCLOUD_SECRET_ID';
export const ENV_SECRET_KEY = 'TENCENTCLOUD_SECRET_KEY';
export const ENV_SESSION_TOKEN = 'TENCENTCLOUD_SESSION_TOKEN';
/** tccli's variable for the default profile name. */
export const ENV_TCCLI_PROFILE = 'TCCLI_PROFILE';

/** Credentials with the defaults a source may carry alongside them. */
export interface SourcedCredentials {
  credentials: Credentials;
  region?: string;
  language?: Language;
  /** Where they came from, for messages: `environment` or the profile file's path. */
  source: string;
}

/** Credentials from TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SESSION_TOKEN, or undefined when unset. */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv = process.env): SourcedCredentials | undefined {
  const secretId = env[ENV_SECRET_ID];
  const secretKey = env[ENV_SECRET_KEY];
  if (!secretId && !secretKey) {
    return undefined;
  }
  if (!secretId || !secretKey) {
    const missing = secretId ? ENV_SECRET_KEY : ENV_SECRET_ID;
    throw new ConfigError(`${missing} is not set, but ${missing === ENV_SECRET_ID ? ENV_SECRET_KEY : ENV_SECRET_ID} is; set both`);
  }
  const token = env[ENV_SESSION_TOKEN];
  return { credentials: { secretId, secretKey, ...(token ? { token } : {}) }, source: 'environment' };
}

/** The folder tccli keeps its profiles in. */
export function tccliDirectory(home: string = os.homedir()): string {
  return path.join(home, '.tccli');
}

/** Profile names that have a `<name>.credential` file in tccli's folder, sorted. */
export function listTccliProfiles(home?: string): string[] {
  const dir = tccliDirectory(home);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.credential'))
    .map((n) => n.slice(0, -'.credential'.length))
    .sort();
}

function readJsonFile(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw new ConfigError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      return v as Record<string, unknown>;
    }
  } catch {
    // Reported below with the file name; the content may hold a key, so it is never echoed.
  }
  throw new ConfigError(`${file} is not a JSON object as tccli writes it`);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Reads tccli's `~/.tccli/<profile>.credential` (secretId, secretKey, token) and the region and
 * language from `<profile>.configure` (`_sys_param`). Role-based profiles are refused with a reason.
 */
export function readTccliProfile(profile: string, home?: string): SourcedCredentials {
  if (!/^[\w.-]+$/.test(profile)) {
    throw new ConfigError(`"${profile}" is not a valid tccli profile name`);
  }
  const dir = tccliDirectory(home);
  const credFile = path.join(dir, `${profile}.credential`);
  const cred = readJsonFile(credFile);
  if (!cred) {
    const known = listTccliProfiles(home);
    throw new ConfigError(
      `No tccli profile "${profile}" (${credFile} does not exist)` +
        (known.length ? `; profiles found: ${known.join(', ')}` : '; run `tccli configure` or set TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY'),
    );
  }
  if (cred.type === 'cvm-role' || str(cred.roleArn)) {
    throw new ConfigError(`tccli profile "${profile}" uses a role (CVM role or roleArn); only SecretId/SecretKey profiles are supported`);
  }
  const secretId = str(cred.secretId);
  const secretKey = str(cred.secretKey);
  if (!secretId || !secretKey) {
    throw new ConfigError(`${credFile} has no secretId/secretKey`);
  }
  const token = str(cred.token);
  const conf = readJsonFile(path.join(dir, `${profile}.configure`));
  const sys = (conf?._sys_param ?? conf) as Record<string, unknown> | undefined;
  const region = str(sys?.region);
  const language = str(sys?.language);
  return {
    credentials: { secretId, secretKey, ...(token ? { token } : {}) },
    ...(region ? { region } : {}),
    ...(language === 'zh-CN' || language === 'en-US' ? { language } : {}),
    source: credFile,
  };
}

/**
 * The credentials a command-line call uses: an explicit profile wins; otherwise the environment
 * variables; otherwise tccli's profile named by TCCLI_PROFILE or `default`.
 */
export function resolveCliCredentials(opts: { profile?: string; env?: NodeJS.ProcessEnv; home?: string }): SourcedCredentials {
  const env = opts.env ?? process.env;
  if (opts.profile) {
    return readTccliProfile(opts.profile, opts.home);
  }
  const fromEnv = credentialsFromEnvironment(env);
  if (fromEnv) {
    return fromEnv;
  }
  const name = env[ENV_TCCLI_PROFILE] || 'default';
  try {
    return readTccliProfile(name, opts.home);
  } catch (e) {
    if (!env[ENV_TCCLI_PROFILE] && e instanceof ConfigError && /does not exist/.test(e.message)) {
      throw new ConfigError(
        `No credentials: set ${ENV_SECRET_ID} and ${ENV_SECRET_KEY} (and ${ENV_SESSION_TOKEN} for temporary keys), ` +
          'pass --profile NAME for a tccli profile, or use --sandbox to try without credentials',
      );
    }
    throw e;
  }
}
