import * as vscode from 'vscode';
import { showInvisibles, traceSteps, type TraceStep } from '../../core/signing/traceSteps';
import { hideSecrets, secretForms } from '../../core/requests/requestText';
import type { SigningContext } from './signingContext';

/** A step's title and explanation in the editor's language; the core's English is the fallback. */
function localizedStep(step: TraceStep, timestamp: number, method: string): { title: string; explanation: string } {
  switch (step.key) {
    case 'hashedPayload':
      return { title: vscode.l10n.t('Hashed payload'), explanation: vscode.l10n.t('SHA-256 of the exact body bytes sent (the empty string for GET), in lower-case hex.') };
    case 'canonicalRequest':
      return {
        title: vscode.l10n.t('Canonical request'),
        explanation: vscode.l10n.t(
          'The method, the path, the query string, the signed headers as lower-case name:value lines sorted by name, the list of signed header names and the payload hash, one per line.',
        ),
      };
    case 'hashedCanonicalRequest':
      return { title: vscode.l10n.t('Hashed canonical request'), explanation: vscode.l10n.t('SHA-256 of the canonical request, in lower-case hex.') };
    case 'credentialScope':
      return {
        title: vscode.l10n.t('Credential scope'),
        explanation: vscode.l10n.t('The calendar date of timestamp {0} in UTC (never local time), the service name and "tc3_request".', timestamp),
      };
    case 'stringToSign':
      return { title: vscode.l10n.t('String to sign'), explanation: vscode.l10n.t('The algorithm name, the timestamp, the credential scope and the hashed canonical request, one per line.') };
    case 'secretDate':
      return { title: vscode.l10n.t('Derived key: SecretDate'), explanation: vscode.l10n.t('HMAC-SHA256 of the date, keyed with "TC3" followed by the SecretKey.') };
    case 'secretService':
      return { title: vscode.l10n.t('Derived key: SecretService'), explanation: vscode.l10n.t('HMAC-SHA256 of the service name, keyed with SecretDate.') };
    case 'secretSigning':
      return { title: vscode.l10n.t('Derived key: SecretSigning'), explanation: vscode.l10n.t('HMAC-SHA256 of "tc3_request", keyed with SecretService: the key that signs.') };
    case 'signature':
      return method === 'TC3-HMAC-SHA256'
        ? { title: vscode.l10n.t('Signature'), explanation: vscode.l10n.t('HMAC-SHA256 of the string to sign, keyed with SecretSigning, in lower-case hex.') }
        : { title: vscode.l10n.t('Signature'), explanation: vscode.l10n.t('{0} of the source string, keyed with the SecretKey, in Base64.', method === 'HmacSHA256' ? 'HMAC-SHA256' : 'HMAC-SHA1') };
    case 'authorization':
      return { title: vscode.l10n.t('Authorization header'), explanation: vscode.l10n.t('The algorithm, the SecretId with the credential scope, the signed header names and the signature.') };
    case 'sortedParams':
      return {
        title: vscode.l10n.t('Parameters, flattened and sorted'),
        explanation: vscode.l10n.t('Every parameter, common ones included, nested values flattened to names such as Filters.0.Name, sorted by name byte by byte; values are not URL-encoded here.'),
      };
    case 'sourceString':
      return { title: vscode.l10n.t('Source string'), explanation: vscode.l10n.t('The HTTP method, the host, the path, "?" and the sorted name=value pairs joined with "&".') };
    case 'encodedParams':
      return {
        title: step.title === 'Query string sent' ? vscode.l10n.t('Query string sent') : vscode.l10n.t('Form body sent'),
        explanation: vscode.l10n.t('Every value URL-encoded exactly once (RFC 3986, upper-case hex), the Signature included.'),
      };
    case 'headers':
      return { title: vscode.l10n.t('Headers sent'), explanation: vscode.l10n.t('The request headers as they went on the wire.') };
    default:
      return { title: step.title, explanation: step.explanation };
  }
}

/** A Markdown code fence longer than any run of backticks in the value, so no value can close it early. */
function fenced(value: string): string {
  const longest = Math.max(2, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const shown = showInvisibles(value).replace(/\n$/, '');
  return `${fence}text\n${shown === '' ? vscode.l10n.t('(empty)') : shown}\n${fence}`;
}

/** Options of {@link signatureStepsDocument}. */
export interface StepsDocumentOptions {
  /** Show the derived signing keys in full, after the user confirmed. */
  revealDerivedKeys?: boolean;
}

/**
 * The signature of a request as a Markdown document: one heading per step, a sentence on what the
 * step is, and its value with invisible characters made visible. Derived keys are masked unless
 * revealed; the session token and sensitive parameter values are never shown.
 */
export function signatureStepsDocument(ctx: SigningContext, options: StepsDocumentOptions = {}): string {
  const { signed, endpoint } = ctx.prepared;
  const trace = signed.trace;
  const token = ctx.profile?.token;
  const forms = secretForms(ctx.spec, token, vscode.l10n.t('<session token, not shown>'), vscode.l10n.t('<sensitive value, not shown>'));
  const steps = traceSteps(signed, { revealDerivedKeys: options.revealDerivedKeys === true }).map((s) => {
    let value = hideSecrets(s.value, forms);
    if (s.key === 'headers') {
      // The core shows a masked token; this document leaves out even its ends.
      value = value.replace(/^(x-tc-token:\s*).*$/gim, `$1${vscode.l10n.t('<session token, not shown>')}`);
    }
    return { ...s, value };
  });
  const when = new Date(trace.timestamp * 1000).toISOString().replace('.000Z', 'Z');
  const lines: string[] = [];
  lines.push(`# ${vscode.l10n.t('Signature steps: {0}', ctx.spec.action)}`, '');
  lines.push(`${trace.method} · ${trace.httpMethod} · ${endpoint.origin} · ${vscode.l10n.t('timestamp {0} ({1})', trace.timestamp, when)}`, '');
  if (ctx.origin === 'fresh') {
    lines.push(
      ctx.example
        ? `> ${vscode.l10n.t('This is a fresh signature made just now with example keys, because no profile is set up: it shows every step, but the server would refuse it.')}`
        : `> ${vscode.l10n.t('This is a fresh signature made just now with the keys of profile "{0}": the call itself was not signed (sandbox) or its signature was not kept.', ctx.profile?.name ?? '')}`,
      '',
    );
  } else {
    lines.push(`> ${vscode.l10n.t('These are the exact values the call was signed with at {0}.', when)}`, '');
    if (ctx.server) {
      lines.push(`> ${vscode.l10n.t('The server answered {0}.', ctx.server.code)}`, '');
    }
  }
  if (trace.method === 'TC3-HMAC-SHA256') {
    lines.push(
      `> ${options.revealDerivedKeys ? vscode.l10n.t('The derived keys are shown in full. Each one can sign any trtc request of this day (UTC): do not share this document.') : vscode.l10n.t('The derived keys are masked; "Reveal Derived Keys" in the editor title shows them after a confirmation.')}`,
      '',
    );
  }
  lines.push(`> ${vscode.l10n.t('Invisible characters are shown: ⏎ line break, → tab, ␍ carriage return, · trailing space, ⍽ no-break space.')}`, '');
  steps.forEach((step, i) => {
    const { title, explanation } = localizedStep(step, trace.timestamp, trace.method);
    lines.push(`## ${i + 1}. ${title}`, '', explanation, '', fenced(step.value), '');
  });
  if (signed.body !== '') {
    lines.push(`## ${steps.length + 1}. ${vscode.l10n.t('Body sent')}`, '', vscode.l10n.t('The exact bytes that were hashed or sent; values of sensitive parameters are not shown here, but the hashes above cover them.'), '');
    lines.push(fenced(hideSecrets(signed.body, forms)), '');
  }
  return lines.join('\n');
}
