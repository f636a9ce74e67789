import { findAction } from '../catalog/catalog';
import { isJsonObject, isLosslessNumber, type JsonValue } from '../json';
import type { CallSpec } from '../requests/types';
import type { ResolvedTarget } from './types';

/** The host every SDK uses when no endpoint is set. */
export const DEFAULT_SDK_HOST = 'trtc.tencentcloudapi.com';

/** Environment variables every snippet reads credentials from. */
export const CREDENTIAL_ENV = {
  secretId: 'TENCENTCLOUD_SECRET_ID',
  secretKey: 'TENCENTCLOUD_SECRET_KEY',
  token: 'TENCENTCLOUD_SESSION_TOKEN',
} as const;

/** Everything about a call that the SDK snippets turn into client settings. */
export interface SdkSettings {
  action: string;
  region: string;
  /** Set when the host is not the SDKs' default. */
  endpoint?: string;
  /** `http` only for plain-HTTP custom endpoints such as a local stand-in. */
  scheme: 'http' | 'https';
  /** Set when it differs from the SDKs' default `TC3-HMAC-SHA256`. */
  signMethod?: 'HmacSHA1' | 'HmacSHA256';
  /** Set for GET; POST is the default. */
  httpMethod?: 'GET';
  language?: 'zh-CN' | 'en-US';
  /** The action exists only in the international SDK packages. */
  intlOnly: boolean;
  /** Caveats that apply to every SDK, written as comments. */
  notes: string[];
}

/** Works out the client settings for a call, and what the SDKs cannot reproduce. */
export function sdkSettings(spec: CallSpec, target: ResolvedTarget): SdkSettings {
  const scheme = target.origin.startsWith('http://') ? 'http' : 'https';
  const isDefaultHost = target.host === DEFAULT_SDK_HOST && scheme === 'https';
  const notes: string[] = [];
  const s: SdkSettings = {
    action: spec.action,
    region: target.region ?? spec.region ?? '',
    scheme,
    intlOnly: availability(spec.action) === 'intl',
    notes,
  };
  if (!isDefaultHost) {
    s.endpoint = target.host;
  }
  if (spec.signMethod && spec.signMethod !== 'TC3-HMAC-SHA256') {
    s.signMethod = spec.signMethod;
  }
  if (spec.httpMethod === 'GET') {
    s.httpMethod = 'GET';
  }
  if (spec.language) {
    s.language = spec.language;
  }
  if (spec.signedHeaders === 'content-type;host;x-tc-action') {
    notes.push('The SDKs always sign the headers content-type;host; they cannot also sign x-tc-action.');
  }
  if (hasImpreciseDecimal(spec.params)) {
    notes.push('Some decimals have more digits than a double holds; the SDK sends the nearest double instead.');
  }
  return s;
}

function availability(action: string): string | undefined {
  try {
    return findAction(action)?.availability;
  } catch {
    // Without catalog data the snippet still works for actions the CN SDK knows.
    return undefined;
  }
}

/** True when some number is a decimal that a double cannot hold exactly. */
function hasImpreciseDecimal(value: JsonValue): boolean {
  if (isLosslessNumber(value)) {
    return !/^-?\d+$/.test(value.value);
  }
  if (Array.isArray(value)) {
    return value.some(hasImpreciseDecimal);
  }
  if (isJsonObject(value)) {
    return Object.values(value).some(hasImpreciseDecimal);
  }
  return false;
}

/** True when some integer is beyond the range of a signed 64-bit integer (Java's `long`). */
export function hasIntegerBeyondInt64(value: JsonValue): boolean {
  if (isLosslessNumber(value)) {
    return /^-?\d+$/.test(value.value) && (BigInt(value.value) > 9223372036854775807n || BigInt(value.value) < -9223372036854775808n);
  }
  if (Array.isArray(value)) {
    return value.some(hasIntegerBeyondInt64);
  }
  if (isJsonObject(value)) {
    return Object.values(value).some(hasIntegerBeyondInt64);
  }
  return false;
}

/** Lines of a comment block, wrapped at about 100 columns, with the language's comment marker. */
export function commentLines(marker: string, paragraphs: readonly string[], indent = ''): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    let line = '';
    for (const word of p.split(' ')) {
      if (line !== '' && indent.length + marker.length + 1 + line.length + 1 + word.length > 100) {
        out.push(`${indent}${marker} ${line}`);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    out.push(`${indent}${marker} ${line}`);
  }
  return out;
}

