import fs from 'node:fs';
import path from 'node:path';
import { verifyCallback } from '../../core/callbacks';
import { CODE_FORMATS, exportCode, type CodeFormat } from '../../core/codegen';
import { resolveCliCredentials } from '../../core/credentials/credentialSources';
import { ConfigError, InputError } from '../../core/errors';
import { prepareCall, TRTC_SERVICE, TRTC_VERSION } from '../../core/requests/callExecutor';
import { resolveEndpoint } from '../../core/http/endpoints';
import { decodeUserSig, describePrivileges, genUserSig, privilegeMapFromNames, verifyUserSig, PRIVILEGE_BITS } from '../../core/usersig';
import { choiceOption, intOption, parseCommandArgs } from '../args';
import { readTextArg } from '../inputs';
import { readRequest, REQUEST_OPTIONS, REQUEST_OPTIONS_USAGE } from '../callOptions';
import type { CliIo } from '../io';

export const EXPORT_USAGE = `Usage: trtc-explorer export <Action> --format curl|tccli|node|python|go|java [options]

Prints the call as a signed curl command (valid for five minutes), a tccli command, or a
Node.js, Python, Go or Java program using Tencent Cloud's official SDK, which reads the
credentials from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY when it runs.

  --format F                    ${CODE_FORMATS.map((f) => f.id).join(', ')}
${REQUEST_OPTIONS_USAGE}
  --temporary                   the SDK programs also read TENCENTCLOUD_SESSION_TOKEN
Only curl signs now, so only curl needs credentials.
`;

/** `trtc-explorer export`. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...REQUEST_OPTIONS, format: { type: 'string' }, temporary: { type: 'boolean' } }, EXPORT_USAGE);
  if (values.help) {
    io.stdout(EXPORT_USAGE);
    return 0;
  }
  const format = choiceOption(values.format, 'format', CODE_FORMATS.map((f) => f.id)) as CodeFormat | undefined;
  if (!format) {
    throw new InputError(`--format is required: one of ${CODE_FORMATS.map((f) => f.id).join(', ')}`);
  }
  const { spec, policy } = await readRequest(values, positionals, io, EXPORT_USAGE);
  const endpoint = resolveEndpoint(spec.endpoint ?? { kind: 'nearest' }, spec.region);
  const target = { origin: endpoint.origin, host: endpoint.host, ...(spec.region ? { region: spec.region } : {}), version: TRTC_VERSION, service: TRTC_SERVICE };
  let signed;
  let temporary = !!values.temporary;
  if (format === 'curl') {
    const sourced = resolveCliCredentials({ ...(values.profile ? { profile: values.profile } : {}), env: io.env, home: io.home });
    temporary ||= !!sourced.credentials.token;
    signed = prepareCall(spec, { credentials: sourced.credentials, timestamp: Math.floor(io.now() / 1000), policy }).signed;
  }
  const out = exportCode(format, { spec, target, policy, ...(signed ? { signed } : {}), ...(temporary ? { sessionToken: true } : {}) });
  io.stdout(out.text.endsWith('\n') ? out.text : `${out.text}\n`);
  return 0;
}

export const USERSIG_USAGE = `Usage:
  trtc-explorer usersig gen --sdkappid N --userid U [--expire SECONDS] [--key-env VAR | --key @file]
                            [--room-id N | --str-room-id S] [--privileges enterRoom,receiveAudio,... | --privilege-map N] [--json]
  trtc-explorer usersig decode <UserSig|@file|-> [--key-env VAR | --key @file] [--sdkappid N] [--userid U] [--json]

Generates a UserSig (TLSSigAPIv2) or, with a room, a PrivateMapKey-carrying UserSig; decodes any
UserSig and, given the key, checks it. The key is read from an environment variable (default
TRTC_SDKAPPID_KEY) or a file, never from the command line, where other users could see it.
Privileges: ${PRIVILEGE_BITS.map((b) => b.name).join(', ')}.
`;

async function readKey(values: { key?: string; 'key-env'?: string }, io: CliIo, required: boolean): Promise<string | undefined> {
  if (values.key !== undefined) {
    if (!values.key.startsWith('@')) {
      throw new InputError('--key takes @file (or @- for standard input); a key typed on the command line ends up in shell history. Use --key-env VAR instead');
    }
    return (await readTextArg(values.key, io)).trim();
  }
  const variable = values['key-env'] ?? 'TRTC_SDKAPPID_KEY';
  const key = io.env[variable];
  if (!key && required) {
    throw new ConfigError(`No key: set ${variable} to the application's secret key (TRTC console → Application → Server-side key), or pass --key @file`);
  }
  return key || undefined;
}

/** `trtc-explorer usersig gen|decode`. */
export async function usersigCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseCommandArgs(
    rest,
    {
      sdkappid: { type: 'string' },
      userid: { type: 'string' },
      expire: { type: 'string' },
      key: { type: 'string' },
      'key-env': { type: 'string' },
      'room-id': { type: 'string' },
      'str-room-id': { type: 'string' },
      privileges: { type: 'string' },
      'privilege-map': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USERSIG_USAGE,
  );
  if (values.help || (sub !== 'gen' && sub !== 'decode')) {
    io.stdout(USERSIG_USAGE);
    return values.help ? 0 : 2;
  }
  const sdkAppId = intOption(values.sdkappid, 'sdkappid', 1, 0xffffffff);
  if (sub === 'gen') {
    if (sdkAppId === undefined || !values.userid) {
      throw new InputError(`usersig gen needs --sdkappid and --userid\n${USERSIG_USAGE}`);
    }
    const key = (await readKey(values, io, true))!;
    const expireSeconds = intOption(values.expire, 'expire', 1, 10 * 365 * 86400) ?? 86400 * 7;
    const roomId = intOption(values['room-id'], 'room-id', 1, 0xffffffff);
    const strRoomId = values['str-room-id'];
    if (roomId !== undefined && strRoomId !== undefined) {
      throw new InputError('Give --room-id or --str-room-id, not both');
    }
    const privilegeMap =
      intOption(values['privilege-map'], 'privilege-map', 0, 255) ??
      (values.privileges ? privilegeMapFromNames(values.privileges.split(',').map((s) => s.trim()).filter(Boolean)) : undefined);
    if ((roomId !== undefined || strRoomId !== undefined) !== (privilegeMap !== undefined)) {
      throw new InputError('A PrivateMapKey needs both a room (--room-id or --str-room-id) and privileges (--privileges or --privilege-map)');
    }
    const result = genUserSig({
      sdkAppId,
      key,
      userId: values.userid,
      expireSeconds,
      now: io.now(),
      ...(privilegeMap !== undefined ? { privateMapKey: { ...(roomId !== undefined ? { roomId } : {}), ...(strRoomId !== undefined ? { strRoomId } : {}), privilegeMap } } : {}),
    });
    if (values.json) {
      io.stdout(JSON.stringify({ userSig: result.userSig, expiresAt: result.expiresAt, document: result.document }, null, 2) + '\n');
    } else {
      io.stdout(`${result.userSig}\n`);
      io.stderr(`valid until ${result.expiresAt}${privilegeMap !== undefined ? `; room privileges: ${describePrivileges(privilegeMap).text}` : ''}\n`);
    }
    return 0;
  }
  const input = positionals[0];
  if (!input) {
    throw new InputError(`usersig decode needs the UserSig, @file or - for standard input\n${USERSIG_USAGE}`);
  }
  const text = input === '-' || input.startsWith('@') ? (await readTextArg(input === '-' ? '@-' : input, io)).trim() : input;
  const key = await readKey(values, io, false);
  const decoded = decodeUserSig(text);
  const verification = key
    ? verifyUserSig(text, { key, now: io.now(), ...(sdkAppId !== undefined ? { sdkAppId } : {}), ...(values.userid ? { userId: values.userid } : {}) })
    : undefined;
  if (values.json) {
    io.stdout(JSON.stringify({ decoded, ...(verification ? { valid: verification.valid, reasons: verification.reasons, warnings: verification.warnings } : {}) }, null, 2) + '\n');
  } else {
    io.stdout(`UserId:    ${decoded.identifier}\nSDKAppID:  ${decoded.sdkappid}\nIssued:    ${new Date(decoded.time * 1000).toISOString()}\nExpires:   ${decoded.expiresAt}${decoded.time + decoded.expire < io.now() / 1000 ? ' (expired)' : ''}\nVersion:   ${decoded.version}\n`);
    if (decoded.userbuf) {
      io.stdout(`Room:      ${decoded.userbuf.strRoomId ?? decoded.userbuf.roomId}\nPrivileges: ${decoded.userbuf.privileges.text} (map ${decoded.userbuf.privilegeMap}), until ${decoded.userbuf.expiresAt}\n`);
    }
    if (verification) {
      io.stdout(verification.valid ? 'Verification: valid for this key\n' : `Verification: INVALID\n${verification.reasons.map((r) => `  - ${r}\n`).join('')}`);
      for (const w of verification.warnings) {
        io.stdout(`  note: ${w}\n`);
      }
    } else {
      io.stdout('Verification: not checked (no key; set TRTC_SDKAPPID_KEY or pass --key-env/--key)\n');
    }
  }
  return verification && !verification.valid ? 1 : 0;
}

export const VERIFY_CALLBACK_USAGE = `Usage: trtc-explorer verify-callback [--sign S] [--key-env VAR | --key @file] <body-file|->

Checks the Sign header of a TRTC callback: Sign = base64(HMAC-SHA256(callback key, raw body)).
The body must be the bytes exactly as received (save the raw request body; do not re-serialize
it). Without --sign, prints the Sign the body should carry. The key comes from an environment
variable (default TRTC_CALLBACK_KEY) or a file.
Exit status: 0 the Sign matches, 1 it does not, 2 bad input.
`;

/** `trtc-explorer verify-callback`. */
export async function verifyCallbackCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { sign: { type: 'string' }, key: { type: 'string' }, 'key-env': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    VERIFY_CALLBACK_USAGE,
  );
  if (values.help || positionals.length !== 1) {
    io.stdout(VERIFY_CALLBACK_USAGE);
    return values.help ? 0 : 2;
  }
  const key = (await readKey({ ...values, 'key-env': values['key-env'] ?? 'TRTC_CALLBACK_KEY' }, io, true))!;
  const source = positionals[0];
  let body: Buffer;
  if (source === '-') {
    body = Buffer.from(await io.readStdin(), 'utf8');
  } else {
    const file = path.resolve(io.cwd, source);
    try {
      body = fs.readFileSync(file);
    } catch (e) {
      throw new InputError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
  }
  if (!values.sign) {
    const result = verifyCallback({ body, sign: '', key });
    io.stdout(`${result.expected}\n`);
    return 0;
  }
  const result = verifyCallback({ body, sign: values.sign, key });
  if (result.valid) {
    io.stdout('Sign matches: the callback is authentic.\n');
    return 0;
  }
  io.stdout(`Sign does NOT match.\n  expected: ${result.expected}\n  received: ${values.sign}\n`);
  for (const line of result.diagnosis) {
    io.stdout(`  - ${line}\n`);
  }
  return 1;
}
