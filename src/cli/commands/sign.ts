import { resolveCliCredentials } from '../../core/credentials/credentialSources';
import { InputError } from '../../core/errors';
import { maskSecret } from '../../core/redact';
import { prepareCall } from '../../core/requests/callExecutor';
import { hideSecrets, secretForms } from '../../core/requests/requestText';
import { traceAsJson, traceSteps } from '../../core/signing/traceSteps';
import { parseCommandArgs, intOption } from '../args';
import { readRequest, REQUEST_OPTIONS, REQUEST_OPTIONS_USAGE } from '../callOptions';
import type { CliIo } from '../io';

export const SIGN_USAGE = `Usage: trtc-explorer sign <Action> [options]

Signs a call without sending it and prints every step of the signature. A session token and
sensitive parameter values (storage keys, UserSigs) are shown masked in every step.

${REQUEST_OPTIONS_USAGE}
  --host H                      sign for this Host header instead of the endpoint's
  --timestamp N                 fixed X-TC-Timestamp (Unix seconds), to reproduce a signature
  --nonce N                     fixed Nonce (legacy methods)
  --json                        one JSON object with a field per step
  --reveal-derived-keys         show the derived signing keys instead of masking them
`;

/** `trtc-explorer sign`: the whole signature trace of a call, reproducible with fixed time and nonce. */
export async function signCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      ...REQUEST_OPTIONS,
      host: { type: 'string' },
      timestamp: { type: 'string' },
      nonce: { type: 'string' },
      json: { type: 'boolean' },
      'reveal-derived-keys': { type: 'boolean' },
    },
    SIGN_USAGE,
  );
  if (values.help) {
    io.stdout(SIGN_USAGE);
    return 0;
  }
  const { action, spec, policy } = await readRequest(values, positionals, io, SIGN_USAGE);
  const timestamp = intOption(values.timestamp, 'timestamp', 0, 99_999_999_999);
  const nonce = intOption(values.nonce, 'nonce', 1, 2 ** 53 - 1);
  if (values.host !== undefined && !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(values.host)) {
    throw new InputError(`--host must be a host name with an optional port, not "${values.host}"`);
  }
  const sourced = resolveCliCredentials({ ...(values.profile ? { profile: values.profile } : {}), env: io.env, home: io.home });
  const fullSpec = { ...spec, ...(spec.region ? {} : sourced.region ? { region: sourced.region } : {}) };
  const prepared = prepareCall(
    fullSpec,
    {
      credentials: sourced.credentials,
      timestamp: timestamp ?? Math.floor(io.now() / 1000),
      policy,
      ...(nonce !== undefined ? { nonce } : {}),
      ...(values.host ? { hostOverride: values.host } : {}),
    },
  );
  const reveal = { revealDerivedKeys: !!values['reveal-derived-keys'] };
  // The legacy methods carry the token as a parameter, so it shows in the sorted parameters, the
  // source string, the encoded form and the URL or body, in plain and URL-encoded forms: all masked.
  const token = sourced.credentials.token;
  const forms = secretForms(fullSpec, token, token ? maskSecret(token) : '', '<sensitive value, not shown>');
  const hide = (text: string): string => hideSecrets(text, forms);
  if (values.json) {
    const steps = Object.fromEntries(Object.entries(traceAsJson(prepared.signed, reveal)).map(([k, v]) => [k, typeof v === 'string' ? hide(v) : v]));
    const out = { url: hide(prepared.endpoint.origin + prepared.signed.pathAndQuery), ...steps, body: hide(prepared.signed.body) };
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  io.stdout(`${prepared.signed.trace.method} signature of ${action} for ${prepared.endpoint.origin}\n\n`);
  for (const step of traceSteps(prepared.signed, reveal)) {
    io.stdout(`== ${step.title}\n   ${step.explanation}\n${indent(hide(step.value))}\n\n`);
  }
  if (prepared.signed.body) {
    io.stdout(`== Body\n${indent(hide(prepared.signed.body))}\n`);
  }
  return 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `   ${l}`)
    .join('\n');
}
