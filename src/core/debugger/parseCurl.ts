import { InputError } from '../errors';
import { readCurlArgs } from './curlArgs';
import { pasteWarning, splitUrl, type RequestParts } from './requestParts';
import { shellCommands, type ShellCommand } from './shellWords';

/** The environment variable the explorer's own curl export reads the session token from. */
export const SESSION_TOKEN_VARIABLE = 'TENCENTCLOUD_SESSION_TOKEN';

/** What {@link parseCurl} may know besides the text. */
export interface ParseCurlOptions {
  /** The value of a shell variable the command refers to, or undefined when it is not known. */
  variable?: (name: string) => string | undefined;
}

/** True for the first word of a curl command: `curl`, `/usr/bin/curl`, `curl.exe`. */
export function isCurlWord(word: string): boolean {
  return /(^|[/\\])curl(\.exe)?$/i.test(word);
}

/**
 * Parses a curl command line as bash would split it (quotes, `$'…'`, escapes, line continuations,
 * variables, brace expansion) and then as curl reads its options. A command that computes values
 * (`$(date +%s)`) is refused, because the values it sent are not in the paste; variables without
 * a known value are kept as `$NAME` text and listed in the request's `unresolvedVariables`.
 */
export function parseCurl(text: string, options: ParseCurlOptions = {}): RequestParts {
  if (/\^\r?\n/.test(text) && !/\\\r?\n/.test(text)) {
    throw new InputError(
      'This looks like a curl command for the Windows command prompt (lines end with ^). Copy it as "cURL (bash)" instead, or paste the raw HTTP request.',
    );
  }
  const commands = shellCommands(text, { ...(options.variable ? { variable: options.variable } : {}) });
  const index = commands.findIndex((c) => c.words.length > 0 && isCurlWord(c.words[0]));
  if (index < 0) {
    throw new InputError('The command does not start with curl; paste the whole curl command as you ran it.');
  }
  const command = commands[index];
  if (command.substitution) {
    throw new InputError(
      'The curl command computes part of the request with $(...) or backquotes, so the values it sent are not in the paste. Run it with --verbose, or print the command after the shell expands it, and paste that.',
    );
  }
  const warnings = [];
  if (commands.length > index + 1 || (command.terminator !== '' && command.terminator !== '\n')) {
    const op = command.terminator === '\n' || command.terminator === '' ? 'a line break' : `"${command.terminator}"`;
    warnings.push(
      pasteWarning(
        'ignored-after-operator',
        `Everything after ${op} is another command and was ignored.`,
        `${op === 'a line break' ? '换行' : `shell 运算符 ${op}`}之后是另一条命令，已忽略。`,
      ),
    );
  }
  if (command.unresolved.length > 0) {
    const names = command.unresolved.map((v) => '$' + v).join(', ');
    const onlyToken = command.unresolved.every((v) => v === SESSION_TOKEN_VARIABLE);
    warnings.push(
      onlyToken
        ? pasteWarning(
            'token-reference',
            `The command reads the session token from $${SESSION_TOKEN_VARIABLE} (as the explorer's own curl export writes it). The token is not signed, so the signature can be checked without it; give the token to compare it too.`,
            `命令从 $${SESSION_TOKEN_VARIABLE} 读取会话 Token（本工具导出的 curl 命令就是这样写的）。Token 不参与签名，没有它也能校验签名；提供 Token 即可一并比对。`,
          )
        : pasteWarning(
            'shell-variables',
            `The command uses shell variables (${names}) whose values are not known here, so they are read literally. Give their values, or paste the command with the values your shell put in; a signed value read literally cannot match.`,
            `命令中使用了 shell 变量（${names}），这里不知道它们的值，只能按字面处理。请提供它们的值，或粘贴变量替换后的命令；按字面处理的签名值无法匹配。`,
          ),
    );
  }
  const stdin = hereDocument(command);
  const curl = readCurlArgs(command.words.slice(1), stdin !== undefined ? { stdin } : {});
  warnings.push(...curl.warnings);
  if (curl.urls.length === 0) {
    throw new InputError('The curl command has no URL; paste the whole command, including https://trtc.tencentcloudapi.com/.');
  }
  if (curl.urls.length > 1) {
    warnings.push(
      pasteWarning(
        'multiple-urls',
        `The command names ${curl.urls.length} URLs; only the first, ${curl.urls[0].slice(0, 100)}, is used.`,
        `命令中有 ${curl.urls.length} 个 URL；只使用第一个：${curl.urls[0].slice(0, 100)}。`,
      ),
    );
  }
  let rawUrl = curl.urls[0];
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(rawUrl)) {
    warnings.push(
      pasteWarning('scheme-missing', 'The URL has no scheme, so curl used http://. The API only answers over https://.', 'URL 没有协议前缀，curl 会使用 http://。API 只接受 https://。'),
    );
    rawUrl = 'http://' + rawUrl;
  }
  const url = splitUrl(rawUrl);
  if (!url || url.authority === '') {
    throw new InputError(`The curl URL "${rawUrl.slice(0, 100)}" has no host.`);
  }
  const ignored = [...curl.ignored, ...curl.credentialOptions];
  if (ignored.length > 0) {
    warnings.push(
      pasteWarning(
        'ignored-options',
        `These curl options do not change the request that is signed and were ignored: ${ignored.join(', ')}.`,
        `以下 curl 选项不影响签名的请求内容，已忽略：${ignored.join('、')}。`,
      ),
    );
  }
  const query = [url.query, ...curl.extraQuery].filter((q) => q !== '').join('&');
  return {
    format: 'curl',
    method: curl.method,
    ...(url.scheme ? { scheme: url.scheme } : {}),
    authority: url.authority,
    path: url.path,
    query,
    headers: curl.headers,
    body: curl.body,
    warnings,
    ...(command.unresolved.length > 0 ? { unresolvedVariables: command.unresolved } : {}),
  };
}

/** The here-document fed to the command's standard input, for `-d @-`. */
function hereDocument(command: ShellCommand): string | undefined {
  const doc = command.redirects.find((r) => (r.op === '<<' || r.op === '<<-') && r.hereDocument !== undefined);
  if (doc) {
    return doc.hereDocument;
  }
  // A here-string (<<< word) is the word and a line break.
  const string = command.redirects.find((r) => r.op === '<<<');
  return string ? string.target + '\n' : undefined;
}
