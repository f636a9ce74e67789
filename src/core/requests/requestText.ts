import { isJsonObject } from '../json';
import { maskSecret } from '../redact';
import type { CallSpec } from './types';
import { isSensitiveField } from '../sensitive';
import { rfc3986Encode } from '../signing/encoding';
import type { SignedRequest } from '../signing/types';

/*
 * Texts made from a signed request for the signature tools, with its secrets kept out: the raw
 * HTTP form the debugger is prefilled with, and the replacements that hide a session token and
 * sensitive parameter values in a steps document. Plain Node, so it is unit-tested without VS Code.
 */

/** A text and the secret values found in a request, each with the forms it can take on the wire. */
export interface SecretForms {
  /** Pairs of [text as it appears, replacement], longest first. */
  replacements: Array<[string, string]>;
}

/**
 * The secrets a signed request can show: the session token and the values of sensitive parameters
 * (storage keys, UserSigs), in plain, JSON-escaped and URL-encoded forms. Values shorter than four
 * characters are left alone, since replacing them would garble unrelated text.
 */
export function secretForms(spec: CallSpec, token: string | undefined, tokenLabel: string, sensitiveLabel: string): SecretForms {
  const out: Array<[string, string]> = [];
  const add = (value: string, label: string): void => {
    if (value.length < 4) {
      return;
    }
    const forms = new Set([value, JSON.stringify(value).slice(1, -1), safe(() => rfc3986Encode(value)), safe(() => encodeURIComponent(value))]);
    for (const f of forms) {
      if (f && f.length >= 4) {
        out.push([f, label]);
      }
    }
  };
  if (token) {
    add(token, tokenLabel);
  }
  const walk = (value: unknown, sensitive: boolean): void => {
    if (Array.isArray(value)) {
      value.forEach((v) => walk(v, sensitive));
    } else if (isJsonObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        walk(v, sensitive || isSensitiveField(k));
      }
    } else if (sensitive && typeof value === 'string') {
      add(value, sensitiveLabel);
    }
  };
  walk(spec.params, false);
  out.sort((a, b) => b[0].length - a[0].length);
  return { replacements: out };
}

/** Replaces every secret form in a text. */
export function hideSecrets(text: string, forms: SecretForms): string {
  let out = text;
  for (const [secret, label] of forms.replacements) {
    if (out.includes(secret)) {
      out = out.split(secret).join(label);
    }
  }
  return out;
}

function safe(fn: () => string): string | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/**
 * The request as raw HTTP (request line, headers, blank line, body) for the debugger's paste box,
 * with the session token masked. `masks` lists [masked, original] pairs so the host can put the
 * token back before diagnosing a paste that still contains the mask; the page never sees it.
 */
export function rawHttpRequest(signed: SignedRequest, token: string | undefined): { text: string; masks: Array<[string, string]> } {
  const lines = [`${signed.method} ${signed.pathAndQuery} HTTP/1.1`, ...Object.entries(signed.headers).map(([k, v]) => `${k}: ${v}`)];
  let text = `${lines.join('\n')}\n\n${signed.body}`;
  const masks: Array<[string, string]> = [];
  if (token && token.length >= 4) {
    const forms = [...new Set([token, safe(() => rfc3986Encode(token)), safe(() => encodeURIComponent(token))])].filter((f): f is string => !!f);
    forms.sort((a, b) => b.length - a.length);
    for (const form of forms) {
      if (text.includes(form)) {
        const masked = `${maskSecret(form)}(masked)`;
        text = text.split(form).join(masked);
        masks.push([masked, form]);
      }
    }
  }
  return { text, masks };
}

/** Puts masked values back, host side, before a paste is diagnosed. */
export function unmask(text: string, masks: ReadonlyArray<[string, string]>): string {
  let out = text;
  for (const [masked, original] of masks) {
    out = out.split(masked).join(original);
  }
  return out;
}
