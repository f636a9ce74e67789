import { maskSecret } from '../redact';
import type { LegacyTrace, SignedRequest, Tc3Trace } from './types';

/** One step of a signature, in order, with a sentence on what it is. */
export interface TraceStep {
  /** Stable key, also the field name in `--json` output. */
  key: string;
  title: string;
  explanation: string;
  value: string;
  /** Derived from the SecretKey: masked unless the user asks to reveal it. */
  secret?: boolean;
}

/** The steps of a signature in the order they are computed, ending with what was sent. */
export function traceSteps(signed: Pick<SignedRequest, 'trace' | 'headers'>, options: { revealDerivedKeys?: boolean } = {}): TraceStep[] {
  const steps = signed.trace.method === 'TC3-HMAC-SHA256' ? tc3Steps(signed.trace) : legacySteps(signed.trace);
  const headerLines = Object.entries(signed.headers)
    .map(([k, v]) => `${k}: ${k.toLowerCase() === 'x-tc-token' ? maskSecret(v) : v}`)
    .join('\n');
  steps.push({
    key: 'headers',
    title: 'Headers sent',
    explanation: 'The request headers as they go on the wire; a session token is shown masked.',
    value: headerLines,
  });
  return steps.map((s) => (s.secret && !options.revealDerivedKeys ? { ...s, value: maskSecret(s.value, 6) } : s));
}

function tc3Steps(t: Tc3Trace): TraceStep[] {
  return [
    {
      key: 'hashedPayload',
      title: 'Hashed payload',
      explanation: 'SHA-256 of the exact body bytes sent (the empty string for GET), in lower-case hex.',
      value: t.hashedPayload,
    },
    {
      key: 'canonicalRequest',
      title: 'Canonical request',
      explanation:
        'Method, path, query string, the signed headers as lower-case name:value lines sorted by name, the list of signed header names, and the payload hash, joined by newlines.',
      value: t.canonicalRequest,
    },
    {
      key: 'hashedCanonicalRequest',
      title: 'Hashed canonical request',
      explanation: 'SHA-256 of the canonical request, in lower-case hex.',
      value: t.hashedCanonicalRequest,
    },
    {
      key: 'credentialScope',
      title: 'Credential scope',
      explanation: `The UTC calendar date of the timestamp ${t.timestamp}, the service and "tc3_request". The date must be UTC, not local time.`,
      value: t.credentialScope,
    },
    {
      key: 'stringToSign',
      title: 'String to sign',
      explanation: 'The algorithm name, the timestamp, the credential scope and the hashed canonical request, one per line.',
      value: t.stringToSign,
    },
    {
      key: 'secretDate',
      title: 'Derived key: SecretDate',
      explanation: 'HMAC-SHA256 of the date, keyed with "TC3" followed by the SecretKey.',
      value: t.secretDate,
      secret: true,
    },
    {
      key: 'secretService',
      title: 'Derived key: SecretService',
      explanation: 'HMAC-SHA256 of the service name, keyed with SecretDate.',
      value: t.secretService,
      secret: true,
    },
    {
      key: 'secretSigning',
      title: 'Derived key: SecretSigning',
      explanation: 'HMAC-SHA256 of "tc3_request", keyed with SecretService: the key that signs.',
      value: t.secretSigning,
      secret: true,
    },
    {
      key: 'signature',
      title: 'Signature',
      explanation: 'HMAC-SHA256 of the string to sign, keyed with SecretSigning, in lower-case hex.',
      value: t.signature,
    },
    {
      key: 'authorization',
      title: 'Authorization header',
      explanation: 'The algorithm, the SecretId with the credential scope, the signed header names and the signature.',
      value: t.authorization,
    },
  ];
}

function legacySteps(t: LegacyTrace): TraceStep[] {
  return [
    {
      key: 'sortedParams',
      title: 'Parameters, flattened and sorted',
      explanation:
        'Every parameter, the common ones included, with nested values flattened to names like Filters.0.Name, sorted by name in byte order. Values are raw, not URL-encoded.',
      value: t.sortedParams.map(([k, v]) => `${k}=${v}`).join('\n'),
    },
    {
      key: 'sourceString',
      title: 'Source string',
      explanation: 'The HTTP method, the host, the path, "?" and the sorted name=value pairs joined by "&".',
      value: t.sourceString,
    },
    {
      key: 'signature',
      title: 'Signature',
      explanation: `${t.method === 'HmacSHA256' ? 'HMAC-SHA256' : 'HMAC-SHA1'} of the source string keyed with the SecretKey, in Base64.`,
      value: t.signature,
    },
    {
      key: 'encodedParams',
      title: t.httpMethod === 'GET' ? 'Query string sent' : 'Form body sent',
      explanation: 'Every value URL-encoded exactly once (RFC 3986, upper-case hex), the Signature included.',
      value: t.encodedParams,
    },
  ];
}

/**
 * Makes invisible characters visible so two texts that look alike can be told apart: newlines end
 * in ⏎, tabs show as →, carriage returns as ␍, non-breaking and zero-width spaces as ⍽ and ␣⃠, and
 * trailing spaces as ·.
 */
export function showInvisibles(text: string): string {
  return text
    .replace(/\r/g, '␍')
    .replace(/\t/g, '→')
    .replace(/\u00a0/g, '⍽')
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '␣⃠')
    .replace(/ +(?=\n|$)/g, (m) => '·'.repeat(m.length))
    .replace(/\n/g, '⏎\n');
}

/** The trace's steps as one object (`sign --json`): step keys to values, plus the method. */
export function traceAsJson(signed: Pick<SignedRequest, 'trace' | 'headers'>, options?: { revealDerivedKeys?: boolean }): Record<string, string | number> {
  const out: Record<string, string | number> = { method: signed.trace.method, httpMethod: signed.trace.httpMethod, timestamp: signed.trace.timestamp };
  if (signed.trace.method !== 'TC3-HMAC-SHA256') {
    out.nonce = signed.trace.nonce;
  }
  for (const s of traceSteps(signed, options)) {
    out[s.key] = s.value;
  }
  return out;
}
