import { getCatalog } from '../../core/catalog/catalog';
import { CODE_FORMATS } from '../../core/codegen';
import { InputError } from '../../core/errors';
import { REGIONS } from '../../core/http/endpoints';
import { REQUEST_OPTIONS } from '../callOptions';
import type { CliIo } from '../io';
import { OUTPUT_FORMATS } from '../../core/results/answerOutput';

export const COMPLETION_USAGE = `Usage: trtc-explorer completion bash|zsh|fish

Prints a shell completion script: commands, their options, action names from the catalog, regions,
and tccli profile names, read from ~/.tccli when you press Tab. Install it with, for example:
  bash   trtc-explorer completion bash > ~/.local/share/bash-completion/completions/trtc-explorer
  zsh    trtc-explorer completion zsh > "\${fpath[1]}/_trtc-explorer"   (or source it from ~/.zshrc)
  fish   trtc-explorer completion fish > ~/.config/fish/completions/trtc-explorer.fish
`;

const REQUEST = Object.keys(REQUEST_OPTIONS).filter((o) => o !== 'help');

/**
 * Every command and its options, as the completion offers them. Kept next to the completion rather
 * than derived from the commands, whose options live inside them; a test checks each one against
 * the command's own --help and its parser.
 */
export const COMPLETION_COMMANDS: Record<string, { options: string[]; actions?: boolean; subcommands?: string[] }> = {
  call: { options: [...REQUEST, 'sandbox', 'history', 'retries'], actions: true },
  sign: { options: [...REQUEST, 'host', 'timestamp', 'nonce', 'json', 'reveal-derived-keys'], actions: true },
  export: { options: [...REQUEST, 'format', 'temporary'], actions: true },
  list: { options: ['category', 'json'] },
  describe: { options: ['json', 'language'], actions: true },
  skeleton: { options: ['all'], actions: true },
  explain: { options: ['language'] },
  run: { options: ['env', 'env-file', 'folder', 'request', 'reporter', 'output', 'endpoint', 'allow-endpoint', 'profile', 'sandbox', 'bail', 'concurrency', 'no-validate', 'history'] },
  collection: { options: ['format', 'env', 'env-file', 'out', 'allow-endpoint', 'profile', 'force'], subcommands: ['export', 'import'] },
  usersig: { options: ['sdkappid', 'userid', 'expire', 'key', 'key-env', 'room-id', 'str-room-id', 'privileges', 'privilege-map', 'json'], subcommands: ['gen', 'decode'] },
  'verify-callback': { options: ['sign', 'key', 'key-env'] },
  'debug-signature': { options: ['key-env', 'secret-id', 'temporary', 'service', 'now', 'language', 'json'] },
  history: { options: ['action', 'status', 'code', 'since', 'until', 'source', 'limit', 'output', 'format', 'out'], subcommands: ['list', 'show', 'export'] },
  completion: { options: [], subcommands: ['bash', 'zsh', 'fish'] },
};

/** Values an option takes, offered after it; `@file` means file names, `@profile` tccli profiles. */
const OPTION_VALUES: Record<string, string[] | '@file' | '@profile'> = {
  profile: '@profile',
  region: REGIONS.map((r) => r.id),
  endpoint: ['nearest', 'regional', 'intl'],
  language: ['en', 'zh', 'zh-CN', 'en-US'],
  'sign-method': ['TC3-HMAC-SHA256', 'HmacSHA256', 'HmacSHA1'],
  'http-method': ['POST', 'GET'],
  'signed-headers': ['content-type;host', 'content-type;host;x-tc-action'],
  reporter: ['text', 'json', 'junit'],
  status: ['ok', 'error'],
  source: ['form', 'collection', 'cli', 'rerun'],
  params: '@file',
  out: '@file',
  'env-file': '@file',
  key: '@file',
};

/** `--format` differs by command. */
function formatValues(command: string): string[] {
  if (command === 'export') {
    return CODE_FORMATS.map((f) => f.id);
  }
  if (command === 'history') {
    return ['json', 'jsonl'];
  }
  return ['postman', 'curl'];
}

/** `--output` is a report file for `run`, an answer format for `call` and `history`. */
function outputValues(command: string): string[] | '@file' {
  return command === 'run' ? '@file' : [...OUTPUT_FORMATS];
}

/** `trtc-explorer completion bash|zsh|fish`. */
export function completionCommand(args: string[], io: CliIo): number {
  const shell = args[0];
  if (shell === '--help' || shell === '-h' || shell === undefined) {
    io.stdout(COMPLETION_USAGE);
    return shell === undefined ? 2 : 0;
  }
  if (args.length > 1) {
    throw new InputError(`Expected one shell, got ${args.join(' ')}\n${COMPLETION_USAGE}`);
  }
  const actions = getCatalog().actions.map((a) => a.name);
  switch (shell) {
    case 'bash':
      io.stdout(bashScript(actions));
      return 0;
    case 'zsh':
      io.stdout(zshScript(actions));
      return 0;
    case 'fish':
      io.stdout(fishScript(actions));
      return 0;
    default:
      throw new InputError(`No completion for "${shell}": use bash, zsh or fish\n${COMPLETION_USAGE}`);
  }
}

function bashFunction(actions: string[]): string {
  const commands = Object.keys(COMPLETION_COMMANDS);
  const optionCases = commands
    .map((c) => `    ${c}) opts="${COMPLETION_COMMANDS[c].options.map((o) => `--${o}`).concat('--help').join(' ')}" ;;`)
    .join('\n');
  const valueCases = Object.entries(OPTION_VALUES)
    .map(([o, v]) => {
      const reply = v === '@file' ? 'COMPREPLY=( $(compgen -f -- "$cur") )' : v === '@profile' ? 'COMPREPLY=( $(compgen -W "$(_trtc_explorer_profiles)" -- "$cur") )' : `COMPREPLY=( $(compgen -W "${v.join(' ')}" -- "$cur") )`;
      return `    --${o}) ${reply}; return 0 ;;`;
    })
    .join('\n');
  const withActions = commands.filter((c) => COMPLETION_COMMANDS[c].actions).join('|');
  const withSubcommands = commands
    .filter((c) => COMPLETION_COMMANDS[c].subcommands)
    .map((c) => `    ${c}) subs="${COMPLETION_COMMANDS[c].subcommands!.join(' ')}" ;;`)
    .join('\n');
  return `_trtc_explorer_actions="${actions.join(' ')}"

# tccli keeps one <name>.credential file per profile; read when Tab is pressed, never cached.
_trtc_explorer_profiles() {
  local f
  for f in "$HOME"/.tccli/*.credential; do
    [ -e "$f" ] || continue
    f="\${f##*/}"
    printf '%s\\n' "\${f%.credential}"
  done
}

_trtc_explorer() {
  local cur prev cmd opts subs
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.join(' ')} --help --version" -- "$cur") )
    return 0
  fi
  cmd="\${COMP_WORDS[1]}"
  case "$prev" in
    --format)
      case "$cmd" in
        export) COMPREPLY=( $(compgen -W "${formatValues('export').join(' ')}" -- "$cur") ) ;;
        history) COMPREPLY=( $(compgen -W "${formatValues('history').join(' ')}" -- "$cur") ) ;;
        *) COMPREPLY=( $(compgen -W "${formatValues('collection').join(' ')}" -- "$cur") ) ;;
      esac
      return 0 ;;
    --output)
      if [ "$cmd" = run ]; then COMPREPLY=( $(compgen -f -- "$cur") ); else COMPREPLY=( $(compgen -W "${OUTPUT_FORMATS.join(' ')}" -- "$cur") ); fi
      return 0 ;;
${valueCases}
  esac
  subs=""
  case "$cmd" in
${withSubcommands}
  esac
  if [ -n "$subs" ] && [ "$COMP_CWORD" -eq 2 ]; then
    COMPREPLY=( $(compgen -W "$subs" -- "$cur") )
    return 0
  fi
  case "$cmd" in
${optionCases}
    *) return 0 ;;
  esac
  if [[ "$cur" != -* ]]; then
    case "$cmd" in
      ${withActions}) COMPREPLY=( $(compgen -W "$_trtc_explorer_actions" -- "$cur") ); return 0 ;;
      run|collection|debug-signature|verify-callback) COMPREPLY=( $(compgen -f -- "$cur") ); return 0 ;;
    esac
  fi
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  return 0
}
`;
}

function bashScript(actions: string[]): string {
  return `# bash completion for trtc-explorer (trtc-explorer completion bash)\n${bashFunction(actions)}complete -F _trtc_explorer trtc-explorer\n`;
}

// zsh runs the same function through its bash-completion layer, so both shells offer the same words.
function zshScript(actions: string[]): string {
  return `#compdef trtc-explorer
# zsh completion for trtc-explorer (trtc-explorer completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bashFunction(actions)}complete -F _trtc_explorer trtc-explorer
`;
}

function fishQuote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishScript(actions: string[]): string {
  const commands = Object.keys(COMPLETION_COMMANDS);
  const lines = [
    '# fish completion for trtc-explorer (trtc-explorer completion fish)',
    'function __trtc_explorer_profiles',
    '    for f in ~/.tccli/*.credential',
    '        basename $f .credential',
    '    end',
    'end',
    'complete -c trtc-explorer -f',
    `complete -c trtc-explorer -n __fish_use_subcommand -a ${fishQuote(commands.join(' '))}`,
  ];
  for (const c of commands) {
    const def = COMPLETION_COMMANDS[c];
    const when = `-n ${fishQuote(`__fish_seen_subcommand_from ${c}`)}`;
    if (def.subcommands) {
      lines.push(`complete -c trtc-explorer ${when} -a ${fishQuote(def.subcommands.join(' '))}`);
    }
    if (def.actions) {
      lines.push(`complete -c trtc-explorer ${when} -a ${fishQuote(actions.join(' '))}`);
    }
    for (const o of def.options) {
      const v = o === 'format' ? formatValues(c) : o === 'output' ? outputValues(c) : OPTION_VALUES[o];
      const values = v === undefined ? '' : v === '@file' ? ' -r -F' : v === '@profile' ? " -r -a '(__trtc_explorer_profiles)'" : ` -r -a ${fishQuote(v.join(' '))}`;
      lines.push(`complete -c trtc-explorer ${when} -l ${o}${values}`);
    }
  }
  return lines.join('\n') + '\n';
}
