import { lookupErrorCode } from '../../core/catalog/errorCodes';
import { resolveCliCredentials } from '../../core/credentials/credentialSources';
import { ApiError, InputError } from '../../core/errors';
import { HttpClient } from '../../core/http/httpClient';
import { stringifyJson } from '../../core/json';
import { CallExecutor, defaultRetries, sandboxCall } from '../../core/requests/callExecutor';
import type { CallResult, CallSpec } from '../../core/requests/types';
import { parseCommandArgs } from '../args';
import { readRequest, reportValidation, REQUEST_OPTIONS, REQUEST_OPTIONS_USAGE } from '../callOptions';
import type { CliIo } from '../io';
import { recordCliHistory } from '../history';
import { answerText, outputFormat, OUTPUT_USAGE } from '../output';
import { OutputScrubber } from '../outputScrub';

export const CALL_USAGE = `Usage: trtc-explorer call <Action> [options]

Signs and sends one call, prints the Response object as JSON on stdout.
Exit status: 0 success, 1 API error, 2 bad input, 3 network, timeout or TLS failure.

${REQUEST_OPTIONS_USAGE}
  --sandbox                     answer from the catalog: no credentials, no network
  --history                     record the call in the history the editor shows
  --retries N                   retries of transient failures (default: 2 for read-only actions, else 0)
${OUTPUT_USAGE}
`;

/** `trtc-explorer call`: validate, sign, send, print. */
export async function callCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...REQUEST_OPTIONS, sandbox: { type: 'boolean' }, history: { type: 'boolean' }, retries: { type: 'string' }, output: { type: 'string' } },
    CALL_USAGE,
  );
  if (values.help) {
    io.stdout(CALL_USAGE);
    return 0;
  }
  // The sandbox answers from the catalog, so it needs a known action even with --no-validate.
  const { action, spec, policy } = await readRequest(values, positionals, io, CALL_USAGE, { knownAction: !!values.sandbox, now: io.now() });
  const format = outputFormat(values.output);
  const maxRetries = values.retries === undefined ? defaultRetries(action) : Number(values.retries);
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 5) {
    throw new InputError(`--retries must be a whole number from 0 to 5, not "${values.retries}"`);
  }

  let result: CallResult;
  let profileName: string | undefined;
  let resolvedSpec: CallSpec | undefined;
  let scrub = new OutputScrubber();
  scrub.add(spec);
  if (values.sandbox) {
    result = sandboxCall(spec, { now: io.now });
    io.stderr('note: sandbox answer, generated from the catalog; nothing was sent to Tencent Cloud\n');
  } else {
    const sourced = resolveCliCredentials({ ...(values.profile ? { profile: values.profile } : {}), env: io.env, home: io.home });
    profileName = values.profile ?? (sourced.source === 'environment' ? 'environment' : undefined);
    scrub = new OutputScrubber(sourced.credentials.token);
    scrub.add(spec);
    resolvedSpec = {
      ...spec,
      ...(spec.region ? {} : sourced.region ? { region: sourced.region } : {}),
      ...(spec.language ? {} : sourced.language ? { language: sourced.language } : {}),
    };
    // The profile's region is known only now; the action may not run there.
    if (!values['no-validate'] && !spec.region && resolvedSpec.region) {
      reportValidation(action, spec.params, { region: resolvedSpec.region });
    }
    const http = new HttpClient({ env: io.env });
    try {
      const executor = new CallExecutor({ http, policy, now: io.now, requestClient: 'TRTC-API-Explorer-CLI' });
      result = await executor.call(resolvedSpec, {
        credentials: sourced.credentials,
        maxRetries,
        onRetry: (attempt, reason, delay) => io.stderr(`retry ${attempt}/${maxRetries} after ${reason} (waiting ${delay} ms)\n`),
      });
    } catch (e) {
      if (values.history) {
        await recordCliHistory(io, resolvedSpec, { error: e, profile: profileName });
      }
      if (e instanceof ApiError) {
        throw new ApiError(e.code, scrub.hide(e.apiMessage), e.requestId, e.httpStatus);
      }
      throw e;
    } finally {
      await http.close();
    }
  }
  if (values.history) {
    // The resolved spec carries the region and language a tccli profile supplied.
    await recordCliHistory(io, resolvedSpec ?? spec, { result, profile: profileName });
  }
  // A server may echo a credential back; the terminal and CI logs do not get it.
  if (result.error) {
    io.stdout(scrub.hide(stringifyJson(result.response, 2)) + '\n');
    throw new ApiError(result.error.code, scrub.hide(result.error.message), result.requestId, result.httpStatus);
  }
  io.stdout(scrub.hide(answerText(result.response, action, format)));
  return 0;
}

/** The lines printed on stderr for an API error: code, message, RequestId, and what to do. */
export function describeApiError(e: ApiError, language: 'en' | 'zh' = 'en'): string {
  const info = lookupErrorCode(e.code);
  const lines = [`API error ${e.code}: ${e.apiMessage}`];
  if (e.requestId) {
    lines.push(`RequestId: ${e.requestId}`);
  }
  if (info) {
    const general = info.code !== e.code ? ` (general meaning of ${info.code})` : '';
    lines.push(`What it means${general}: ${info.explanation[language]}`);
    lines.push(`What to do: ${info.nextStep[language]}`);
  }
  return lines.join('\n') + '\n';
}
