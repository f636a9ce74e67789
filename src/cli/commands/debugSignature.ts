import { diagnoseSignature, formatDiagnosis, parsePastedRequest } from '../../core/debugger';
import { SESSION_TOKEN_VARIABLE } from '../../core/debugger/parseCurl';
import { ENV_SECRET_ID, ENV_SECRET_KEY, ENV_SESSION_TOKEN } from '../../core/credentials/credentialSources';
import { ConfigError, InputError } from '../../core/errors';
import { intOption, parseCommandArgs } from '../args';
import { readTextArg } from '../inputs';
import type { CliIo } from '../io';

export const DEBUG_SIGNATURE_USAGE = `Usage: trtc-explorer debug-signature <file|-> [options]

Reads the request your code sent — a curl command (read as bash reads it), a raw HTTP request,
headers and a body, a legacy URL or form — and recomputes every step of its signature. It searches
the usual client mistakes, one and two at a time, and gives a verdict with its certainty:
  correct     the signature verifies with this key
  reproduced  signing with the mistakes named gives exactly the signature sent
  likely      nothing reproduces it, but the request shows what is wrong
  unknown     no usual mistake reproduces it
with the first step that differs (local date instead of UTC, re-serialized body, unsigned header...).

The SecretKey is read from ${ENV_SECRET_KEY} (or the variable named by --key-env), never from the
command line. A curl command from \`trtc-explorer export --format curl\` reads the session token from
$${SESSION_TOKEN_VARIABLE} and sensitive parameters from $TRTC_...: their values are taken from
this environment when set, and named as references otherwise.

  --key-env VAR       environment variable holding the SecretKey (default ${ENV_SECRET_KEY})
  --secret-id ID      the SecretId the key belongs to (default ${ENV_SECRET_ID}, when set)
  --temporary         the keys are temporary: a session token must have been sent
  --service S         the service in the credential scope (default trtc)
  --now SECONDS       judge the timestamp against this time instead of the clock
  --language en|zh    language of the report
  --json              the whole diagnosis as JSON
Exit status: 0 the signature is correct for this key (and nothing else differs), 1 a difference
was found, 2 bad input.
`;

/** `trtc-explorer debug-signature`. */
export async function debugSignatureCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      'key-env': { type: 'string' },
      'secret-id': { type: 'string' },
      temporary: { type: 'boolean' },
      service: { type: 'string' },
      now: { type: 'string' },
      language: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    DEBUG_SIGNATURE_USAGE,
  );
  if (values.help) {
    io.stdout(DEBUG_SIGNATURE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new InputError(`Give the file holding the request, or - to read it from standard input\n${DEBUG_SIGNATURE_USAGE}`);
  }
  const source = positionals[0];
  const text = await readTextArg(source === '-' ? '@-' : `@${source}`, io);
  const keyVariable = values['key-env'] ?? ENV_SECRET_KEY;
  const secretKey = io.env[keyVariable];
  if (!secretKey) {
    throw new ConfigError(`No SecretKey: set ${keyVariable} to the SecretKey the request was signed with`);
  }
  const secretId = values['secret-id'] ?? io.env[ENV_SECRET_ID];
  const token = io.env[ENV_SESSION_TOKEN];
  const now = intOption(values.now, 'now', 0, 99_999_999_999);
  // Only the variables the explorer's own curl export writes are read from the environment, so a
  // pasted command never pulls unrelated values (other credentials) into the report.
  const variable = (name: string): string | undefined => (name === SESSION_TOKEN_VARIABLE || /^TRTC_[A-Z0-9_]+$/.test(name) ? io.env[name] || undefined : undefined);
  const diagnosis = diagnoseSignature(parsePastedRequest(text, { variable }), {
    secretKey,
    ...(secretId ? { secretId } : {}),
    ...(token ? { token } : {}),
    ...(values.temporary ? { temporary: true } : {}),
    ...(values.service ? { expectedService: values.service } : {}),
    ...(now !== undefined ? { now } : {}),
  });
  if (values.json) {
    io.stdout(JSON.stringify(diagnosis, null, 2) + '\n');
  } else {
    io.stdout(formatDiagnosis(diagnosis, { language: values.language === 'zh' || values.language === 'zh-CN' ? 'zh' : 'en' }));
  }
  return diagnosis.signatureMatches && !diagnosis.firstDifference ? 0 : 1;
}
