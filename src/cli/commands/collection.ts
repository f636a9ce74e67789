import fs from 'node:fs';
import path from 'node:path';
import { toCurl } from '../../core/codegen/toCurl';
import { catalogCoercion } from '../../core/collections/catalogCoercion';
import {
  curlImportSummary,
  EnvironmentStore,
  fileNameFor,
  fromCurl,
  fromPostman,
  listRequests,
  parseCollection,
  parseEnvironment,
  postmanImportSummary,
  processEnvSecretResolver,
  resolveRequest,
  secretEnvVarName,
  serializeCollection,
  serializeEnvironment,
  toPostman,
  COLLECTION_FORMAT_VERSION,
  type Collection,
  type Environment,
  type ExtractedSecret,
} from '../../core/collections';
import { resolveCliCredentials } from '../../core/credentials/credentialSources';
import { InputError } from '../../core/errors';
import { assertTrustedEndpoint, trustOrigins, type EndpointPolicy } from '../../core/http/endpointPolicy';
import { resolveEndpoint } from '../../core/http/endpoints';
import { stringifyJson } from '../../core/json';
import { prepareCall } from '../../core/requests/callExecutor';
import { choiceOption, parseCommandArgs } from '../args';
import { allowedOrigins } from '../callOptions';
import type { CliIo } from '../io';
import { writeAtomically } from '../files';

export const COLLECTION_USAGE = `Usage:
  trtc-explorer collection export <collection.json> --format postman|curl [--env NAME] [--out FILE]
                                  [--allow-endpoint URL]... [--profile NAME]
  trtc-explorer collection import <file> [--format postman|curl] --out <collection.json> [--force]

export   writes a Postman Collection v2.1 (signed in Postman by its pre-request script, with the
         keys you set there) or a shell script of curl commands signed now with this tool's
         credentials (valid for five minutes), as the editor's export does.
import   reads a Postman collection (requests signed by a TC3 pre-request script become native
         requests) or text with curl commands (or the API Explorer's signature steps) and writes
         a collection file. What was left out, dropped or not trusted is listed on stderr.

  --format F            postman or curl (import: guessed from the file when omitted)
  --env NAME            environment from .trtc/environments beside the collection
  --env-file FILE       environment from a file
  --out FILE            where to write; export: stdout when omitted. Written whole or not at all
  --allow-endpoint URL  trust this custom endpoint for the export (repeatable); a request sent to a
                        host that is not Tencent Cloud's is refused otherwise
  --profile NAME        a tccli profile for curl's credentials (default: environment variables)
  --force               import: replace --out if it exists
Nothing an import brings in is trusted. Secret variables are never written: set TRTC_VAR_<NAME>
when running the collection. Exit status: 0 done, 2 bad input.
`;

/** `trtc-explorer collection export|import`: the editor's collection export and import, scriptable. */
export async function collectionCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseCommandArgs(
    rest,
    {
      format: { type: 'string' },
      env: { type: 'string' },
      'env-file': { type: 'string' },
      out: { type: 'string' },
      'allow-endpoint': { type: 'string', multiple: true },
      profile: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    COLLECTION_USAGE,
  );
  if (values.help || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(COLLECTION_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new InputError(`Give one file\n${COLLECTION_USAGE}`);
  }
  if (sub === 'export') {
    return exportCollection(positionals[0], values, io);
  }
  if (sub === 'import') {
    return importCollection(positionals[0], values, io);
  }
  throw new InputError(`Unknown subcommand "${sub ?? ''}": use collection export or collection import\n${COLLECTION_USAGE}`);
}

interface Values {
  format?: string;
  env?: string;
  'env-file'?: string;
  out?: string;
  'allow-endpoint'?: string[];
  profile?: string;
  force?: boolean;
}

async function exportCollection(file: string, values: Values, io: CliIo): Promise<number> {
  const format = choiceOption(values.format, 'format', ['postman', 'curl'] as const);
  if (!format) {
    throw new InputError('--format is required: postman or curl');
  }
  const source = path.resolve(io.cwd, file);
  const collection = parseCollection(readFile(source), path.relative(io.cwd, source) || source);
  const environment = await loadEnvironment(values, source, io);
  const policy = exportPolicy(values['allow-endpoint']);
  let text: string;
  if (format === 'postman') {
    text = stringifyJson(toPostman(collection, environment, { isTrusted: (origin) => policy.isTrusted(origin) }), 2) + '\n';
  } else {
    text = await curlScript(collection, environment, policy, values, io);
  }
  if (values.out) {
    const out = path.resolve(io.cwd, values.out);
    writeAtomically(out, text);
    io.stderr(
      format === 'postman'
        ? `Exported "${collection.name}" to ${out}. In Postman, set the collection variables secretId and secretKey; requests are signed when they are sent.\n`
        : `Exported "${collection.name}" as signed curl commands to ${out}; the signatures expire five minutes from now.\n`,
    );
  } else {
    io.stdout(text);
  }
  return 0;
}

/**
 * Every request signed now with the CLI's credentials, as the editor's "Export as curl" writes them:
 * one block per request, a request that cannot be signed named with the reason. A request for an
 * untrusted host refuses the whole export before anything is signed.
 */
async function curlScript(collection: Collection, environment: Environment | undefined, policy: EndpointPolicy, values: Values, io: CliIo): Promise<string> {
  const secrets = processEnvSecretResolver(io.env);
  const entries = listRequests(collection.items);
  const resolved = [];
  for (const { request, path: folders } of entries) {
    const title = [...folders, request.name].join(' / ');
    try {
      const spec = await resolveRequest(request, { ...(environment ? { environment } : {}), secrets });
      resolved.push({ title, spec });
    } catch (e) {
      resolved.push({ title, error: (e as Error).message.replace(/\n/g, ' ') });
      continue;
    }
    // Checked for every request before anything is signed, so an untrusted host refuses the whole export.
    const last = resolved[resolved.length - 1];
    if ('spec' in last && last.spec) {
      assertTrustedEndpoint(resolveEndpoint(last.spec.endpoint ?? { kind: 'nearest' }, last.spec.region).origin, policy);
    }
  }
  const sourced = resolveCliCredentials({ ...(values.profile ? { profile: values.profile } : {}), env: io.env, home: io.home });
  const timestamp = Math.floor(io.now() / 1000);
  const blocks: string[] = ['#!/bin/sh', `# ${collection.name}: signed with ${values.profile ? `profile "${values.profile}"` : 'the credentials of the environment'}`];
  for (const r of resolved) {
    if ('error' in r) {
      blocks.push('', `# ${r.title}: not exported: ${r.error}`);
      io.stderr(`note: ${r.title} was not exported: ${r.error}\n`);
      continue;
    }
    const spec = { ...r.spec, region: r.spec.region || sourced.region || undefined };
    if (!spec.region) {
      delete spec.region;
    }
    try {
      const { endpoint, signed } = prepareCall(spec, { credentials: sourced.credentials, timestamp, policy });
      blocks.push('', `# ${r.title}`, toCurl(signed, endpoint.origin).text.trimEnd());
    } catch (e) {
      blocks.push('', `# ${r.title}: not exported: ${(e as Error).message.replace(/\n/g, ' ')}`);
      io.stderr(`note: ${r.title} was not exported: ${(e as Error).message}\n`);
    }
  }
  return blocks.join('\n') + '\n';
}

async function importCollection(file: string, values: Values, io: CliIo): Promise<number> {
  if (!values.out) {
    throw new InputError(`--out is required: the collection file to write\n${COLLECTION_USAGE}`);
  }
  const source = path.resolve(io.cwd, file);
  const text = readFile(source);
  const format = choiceOption(values.format, 'format', ['postman', 'curl'] as const) ?? (looksLikePostman(text) ? 'postman' : 'curl');
  const out = path.resolve(io.cwd, values.out);
  if (fs.existsSync(out) && !values.force) {
    throw new InputError(`${out} already exists; pass --force to replace it`);
  }
  let collection: Collection;
  let environment: Environment | undefined;
  let secrets: ExtractedSecret[];
  let details: string[];
  let skipped: number;
  if (format === 'postman') {
    const result = fromPostman(text, { coerce: catalogCoercion });
    collection = result.collection;
    environment = result.environment;
    secrets = result.secrets;
    details = postmanImportSummary(result);
    skipped = result.skipped.length;
  } else {
    const result = fromCurl(text, { coerce: catalogCoercion });
    details = curlImportSummary(result);
    skipped = result.commands.filter((c) => c.skipReason).length;
    if (result.requests.length === 0) {
      throw new InputError(`No TRTC request was found in the curl text. ${details.join('; ')}`);
    }
    collection = { version: COLLECTION_FORMAT_VERSION, name: path.basename(source).replace(/\.[^.]*$/, '') || 'Imported from curl', items: result.requests };
    secrets = result.secrets;
  }
  const imported = listRequests(collection.items).length;
  const files: Array<[string, string]> = [[out, serializeCollection(collection)]];
  const envOut = environment ? environmentPath(out, environment) : undefined;
  if (environment && envOut && !fs.existsSync(envOut)) {
    files.push([envOut, serializeEnvironment(environment)]);
  }
  for (const [target, content] of files) {
    writeAtomically(target, content);
  }
  io.stderr(`Imported ${imported} requests into ${out} (${skipped} skipped).\n`);
  if (environment) {
    io.stderr(
      envOut && files.some(([f]) => f === envOut)
        ? `Wrote the collection's variables to environment "${environment.name}" at ${envOut}.\n`
        : `The collection's variables were not written: ${envOut ? `${envOut} already exists` : 'put the collection in .trtc/collections to keep them in .trtc/environments'}.\n`,
    );
  }
  for (const line of details) {
    io.stderr(`  ${line}\n`);
  }
  const names = [...new Set(secrets.map((s) => s.name))];
  if (names.length > 0) {
    io.stderr(`Sensitive values were not written; the requests refer to secret variables. Set ${names.map(secretEnvVarName).join(', ')} when running them.\n`);
  }
  return 0;
}

function looksLikePostman(text: string): boolean {
  try {
    const json = JSON.parse(text.replace(/^\uFEFF/, '')) as { info?: unknown; item?: unknown };
    return typeof json === 'object' && json !== null && 'info' in json && Array.isArray(json.item);
  } catch {
    return false;
  }
}

/** A collection in `.trtc/collections/` keeps its environment in `.trtc/environments/`, as the editor does. */
function environmentPath(collectionFile: string, environment: Environment): string | undefined {
  const dir = path.dirname(collectionFile);
  return path.basename(dir) === 'collections' ? path.join(dir, '..', 'environments', fileNameFor(environment.name)) : undefined;
}

/** Tencent's TRTC hosts and every --allow-endpoint: what an export may sign for. */
function exportPolicy(allowed: readonly string[] | undefined): EndpointPolicy {
  return trustOrigins(allowedOrigins(allowed), (origin) => `Pass --allow-endpoint ${origin} if you trust it.`);
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}


async function loadEnvironment(values: Values, collectionFile: string, io: CliIo): Promise<Environment | undefined> {
  if (values['env-file']) {
    const f = path.resolve(io.cwd, values['env-file']);
    return parseEnvironment(readFile(f), values['env-file']);
  }
  if (!values.env) {
    return undefined;
  }
  const dir = path.join(path.dirname(collectionFile), '..', 'environments');
  const store = new EnvironmentStore({ roots: [{ scope: 'workspace', dir, label: path.relative(io.cwd, dir) || dir }] });
  return (await store.findByName(values.env)).environment;
}
