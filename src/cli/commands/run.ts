import fs from 'node:fs';
import path from 'node:path';
import { parseCollection, parseEnvironment, processEnvSecretResolver, runCollection, formatReport, EnvironmentStore, findItem, ruleValidator, type Environment } from '../../core/collections';
import { resolveCliCredentials } from '../../core/credentials/credentialSources';
import { InputError } from '../../core/errors';
import { UntrustedEndpointError } from '../../core/http/endpointPolicy';
import { HttpClient } from '../../core/http/httpClient';
import { CallExecutor, defaultRetries, sandboxCall } from '../../core/requests/callExecutor';
import { pacedCall, RateLimiter } from '../../core/requests/pacing';
import type { CallResult, CallSpec } from '../../core/requests/types';
import { choiceOption, intOption, parseCommandArgs } from '../args';
import { cliEndpointPolicy, endpointOption } from '../callOptions';
import { recordCliHistory } from '../history';
import type { CliIo } from '../io';
import { OutputScrubber } from '../outputScrub';
import { writeAtomically } from '../files';

export const RUN_USAGE = `Usage: trtc-explorer run <collection.json> [options]

Runs the saved requests of a collection and checks their assertions. For CI: exit status 0 when
every assertion holds, 1 when any request fails or errors, 2 for bad input or a request refused
because its endpoint is not trusted.

  --env NAME                    environment from .trtc/environments beside the collection
  --env-file FILE               environment from a file
  --folder NAME|ID              run only this folder
  --request NAME|ID             run only this request
  --reporter text|json|junit    report format (default text)
  --output FILE                 write the report to FILE instead of stdout
  --endpoint URL|nearest|regional|intl
                                send every request there (e.g. a local mock); a URL you type
                                here is trusted
  --allow-endpoint URL          let requests use this endpoint as the files say (repeatable).
                                Any other endpoint that is not Tencent Cloud's, named by the
                                collection, an environment or a variable, is refused: the
                                request is not signed or sent, and the run exits with 2
  --profile NAME                a tccli profile for credentials (default: environment variables)
  --sandbox                     answer from the catalog; no credentials, no network
  --bail                        stop at the first failing request
  --concurrency N               run up to N requests at once (1 to 64; default 1). Requests
                                start in collection order and the report keeps that order.
                                Each action gets at most the calls per second its documentation
                                allows (20 for most, 5 for the usage queries; 20 where it says
                                nothing), counted over any second, retries included; a
                                RequestLimitExceeded answer is retried up to 4 times after an
                                exponential backoff with jitter. Requests share no state (a
                                collection has no captured variables), so any of them may run
                                beside any other: keep the default for a collection whose
                                requests must follow one another (create, then delete)
  --no-validate                 send requests even when their parameters break the catalog's rules
  --history                     record the calls in the editor's history
Secret variables come from environment variables named TRTC_VAR_<NAME>.
`;

/** `trtc-explorer run`: a collection in CI. */
export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      env: { type: 'string' },
      'env-file': { type: 'string' },
      folder: { type: 'string' },
      request: { type: 'string' },
      reporter: { type: 'string' },
      output: { type: 'string' },
      endpoint: { type: 'string' },
      'allow-endpoint': { type: 'string', multiple: true },
      profile: { type: 'string' },
      sandbox: { type: 'boolean' },
      bail: { type: 'boolean' },
      concurrency: { type: 'string' },
      'no-validate': { type: 'boolean' },
      history: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    RUN_USAGE,
  );
  if (values.help) {
    io.stdout(RUN_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new InputError(`Give one collection file\n${RUN_USAGE}`);
  }
  const concurrency = intOption(values.concurrency, 'concurrency', 1, 64) ?? 1;
  const reporter = choiceOption(values.reporter, 'reporter', ['text', 'json', 'junit'] as const) ?? 'text';
  const file = path.resolve(io.cwd, positionals[0]);
  const collection = parseCollection(readFile(file), path.relative(io.cwd, file) || file);
  const environment = await loadEnvironment(values.env, values['env-file'], file, io);
  const folderId = values.folder ? itemId(collection, values.folder, 'folder') : undefined;
  const requestId = values.request ? itemId(collection, values.request, 'request') : undefined;
  const endpoint = endpointOption(values.endpoint);
  const policy = cliEndpointPolicy(endpoint, values['allow-endpoint']);

  const http = values.sandbox ? undefined : new HttpClient({ env: io.env });
  const credentials = values.sandbox ? undefined : resolveCliCredentials({ ...(values.profile ? { profile: values.profile } : {}), env: io.env, home: io.home });
  const executor = http ? new CallExecutor({ http, policy, now: io.now, requestClient: 'TRTC-API-Explorer-CLI' }) : undefined;
  // Calls that reach the API are paced per action at every concurrency, since even one at a time
  // can outrun a limit of 5 per second; the sandbox answers locally and needs no pacing. The margin
  // keeps calls sent a second apart from arriving closer together after network jitter.
  const limiter = executor ? new RateLimiter({ marginMs: 50 }) : undefined;
  // Requests refused for their endpoint make the run exit with 2, like any other bad input.
  let refused = 0;
  const scrub = new OutputScrubber(credentials?.credentials.token);
  try {
    const summary = await runCollection({
      collection,
      ...(folderId ? { folderId } : {}),
      ...(requestId ? { requestId } : {}),
      ...(environment ? { environment } : {}),
      secrets: processEnvSecretResolver(io.env),
      ...(values.bail ? { bail: true } : {}),
      concurrency,
      ...(values['no-validate'] ? {} : { validate: ruleValidator({ ...(credentials?.region ? { region: credentials.region } : {}), now: io.now }) }),
      execute: async (spec: CallSpec, signal: AbortSignal) => {
        scrub.add(spec);
        const withDefaults: CallSpec = {
          ...spec,
          ...(endpoint ? { endpoint } : {}),
          ...(spec.region ? {} : credentials?.region ? { region: credentials.region } : {}),
        };
        let result: CallResult;
        try {
          result =
            executor && limiter
              ? await pacedCall(withDefaults, (s, sig) => executor.call(s, { credentials: credentials!.credentials, ...(sig ? { signal: sig } : {}), maxRetries: 0 }), {
                  limiter,
                  signal,
                  transientRetries: defaultRetries(spec.action),
                  onRetry: ({ attempt, reason, delayMs }) => io.stderr(`note: ${spec.action} (${reason}): retry ${attempt} in ${delayMs} ms\n`),
                })
              : sandboxCall(withDefaults, { now: io.now });
        } catch (e) {
          if (e instanceof UntrustedEndpointError) {
            refused++;
          }
          throw e;
        }
        if (values.history) {
          await recordCliHistory(io, withDefaults, { result, profile: values.sandbox ? 'sandbox' : values.profile ?? 'environment' });
        }
        return result;
      },
    });
    // The resolved requests carry the secret variables' values; a server may echo them back.
    const report = scrub.hide(formatReport(summary, reporter));
    if (values.output) {
      const out = path.resolve(io.cwd, values.output);
      writeAtomically(out, report);
      io.stderr(`${summary.passed} passed, ${summary.failed} failed, ${summary.errored} errored, ${summary.skipped} skipped in ${summary.durationMs} ms; report written to ${out}\n`);
    } else {
      io.stdout(report.endsWith('\n') ? report : `${report}\n`);
    }
    if (refused > 0) {
      io.stderr(`${refused} request${refused === 1 ? ' was' : 's were'} refused because ${refused === 1 ? 'its endpoint is' : 'their endpoints are'} not trusted; nothing was sent there\n`);
      return 2;
    }
    return summary.failed + summary.errored > 0 || summary.cancelled ? 1 : 0;
  } finally {
    await http?.close();
  }
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

async function loadEnvironment(name: string | undefined, envFile: string | undefined, collectionFile: string, io: CliIo): Promise<Environment | undefined> {
  if (envFile) {
    const f = path.resolve(io.cwd, envFile);
    return parseEnvironment(readFile(f), envFile);
  }
  if (!name) {
    return undefined;
  }
  // Collections live in .trtc/collections; their environments beside them in .trtc/environments.
  const dir = path.join(path.dirname(collectionFile), '..', 'environments');
  const store = new EnvironmentStore({ roots: [{ scope: 'workspace', dir, label: path.relative(io.cwd, dir) || dir }] });
  return (await store.findByName(name)).environment;
}

function itemId(collection: ReturnType<typeof parseCollection>, nameOrId: string, kind: 'folder' | 'request'): string {
  if (findItem(collection, nameOrId)?.item.type === kind) {
    return nameOrId;
  }
  const matches: string[] = [];
  const walk = (items: (typeof collection)['items']) => {
    for (const item of items) {
      if (item.type === kind && item.name === nameOrId) {
        matches.push(item.id);
      }
      if (item.type === 'folder') {
        walk(item.items);
      }
    }
  };
  walk(collection.items);
  if (matches.length === 1) {
    return matches[0];
  }
  throw new InputError(matches.length ? `Several ${kind}s are named "${nameOrId}"; use the id instead` : `No ${kind} named or with id "${nameOrId}" in the collection`);
}
