import { resolveCliCredentials } from '../../core/credentials/credentialSources';
import { InputError } from '../../core/errors';
import { prepareCall } from '../../core/requests/callExecutor';
import { traceAsJson, traceSteps } from '../../core/signing/traceSteps';
import { parseCommandArgs, intOption } from '../args';
import { readRequest, REQUEST_OPTIONS, REQUEST_OPTIONS_USAGE } from '../callOptions';
import type { CliIo } from '../io';

export const SIGN_USAGE = `Usage: trtc-explorer sign <Action> [options]

Signs a call without sending it and prints every step of the signature.

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
  const prepared = prepareCall(
    { ...spec, ...(spec.region ? {} : sourced.region ? { region: sourced.region } : {}) },
    {
      credentials: sourced.credentials,
      timestamp: timestamp ?? Math.floor(io.now() / 1000),
      policy,
      ...(nonce !== undefined ? { nonce } : {}),
      ...(values.host ? { hostOverride: values.host } : {}),
    },
  );
  const reveal = { revealDerivedKeys: !!values['reveal-derived-keys'] };
  if (values.json) {
    io.stdout(JSON.stringify({ url: prepared.endpoint.origin + prepared.signed.pathAndQuery, ...traceAsJson(prepared.signed, reveal), body: prepared.signed.body }, null, 2) + '\n');
    return 0;
  }
  io.stdout(`${prepared.signed.trace.method} signature of ${action} for ${prepared.endpoint.origin}\n\n`);
  for (const step of traceSteps(prepared.signed, reveal)) {
    io.stdout(`== ${step.title}\n   ${step.explanation}\n${indent(step.value)}\n\n`);
  }
  if (prepared.signed.body) {
    io.stdout(`== Body\n${indent(prepared.signed.body)}\n`);
  }
  return 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `   ${l}`)
    .join('\n');
}
