/**
 * Splits shell text into commands and words the way bash does for the commands people paste: quotes,
 * escapes, expansions of plain variables, brace expansion, tilde, comments, operators, redirections
 * and here-documents.
 *
 * It is written here rather than taken from shell-quote, the library the project used before,
 * because shell-quote gets several of these wrong in ways that change a pasted request: inside
 * double quotes it keeps the backslash before a backquote and before a line break, it ends a word
 * at `#` in the middle of it (`a#b`), it ignores `$"…"`, and it does not brace-expand. The table of
 * inputs in test/unit/debugger/shellWords.test.ts is checked against a real bash.
 *
 * What it does not do, on purpose: run anything. A command substitution (`$(…)`, backquotes,
 * `$((…))`) is reported instead of being expanded, and a `${…}` with an operator is kept as text
 * and reported as an unresolved reference. Globs are not expanded: a pattern that matches no file
 * stays as it is in bash too, which is what a pasted URL or JSON body needs.
 */

import { braceExpand, decodeBytes, Kind, type Char } from './braceExpansion';

/** How the words of one command ended: the operator after them, or `''` at the end of the text. */
export type ShellTerminator = '' | '\n' | ';' | '&' | '&&' | '||' | '|' | '|&' | ';;' | '(' | ')';

/** A redirection such as `> out.json` or `2>&1`, with its target word. */
export interface ShellRedirect {
  op: string;
  target: string;
  /** The text of a here-document (`<<EOF … EOF`), line breaks included. */
  hereDocument?: string;
  /** True when the here-document's delimiter was unquoted, so bash would expand `$NAME` in it. */
  expands?: boolean;
}

/** One simple command of the text. */
export interface ShellCommand {
  words: string[];
  redirects: ShellRedirect[];
  /** Variables that were referred to and had no value: kept in the words as `$NAME`. */
  unresolved: string[];
  /** Variables whose values were put in. */
  resolved: string[];
  /** True when the command contains `$(…)`, backquotes or `$((…))`, which are not run. */
  substitution: boolean;
  terminator: ShellTerminator;
  /** 1-based line of the text where the command starts. */
  line: number;
}

/** Options of {@link shellCommands}. */
export interface ShellWordsOptions {
  /** The value of a variable, or undefined to keep the reference as `$NAME` text. */
  variable?: (name: string) => string | undefined;
  /** The home directory for `~`; without it `~` stays as it is. */
  home?: string;
  /**
   * Joins a backslash followed by CR LF as a line continuation. Bash reads that backslash as
   * escaping the CR, but a command copied from a Windows editor means a continuation.
   */
  crlfContinuations?: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMETER = /[0-9@*#?$!-]/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const OPERATOR_CHARS = new Set([';', '&', '|', '(', ')', '<', '>']);

/** Splits shell text into commands and their words, as bash would before running them. */
export function shellCommands(text: string, options: ShellWordsOptions = {}): ShellCommand[] {
  return new Scanner(text, options).run();
}

class Scanner {
  private i = 0;
  private line = 1;
  private readonly commands: ShellCommand[] = [];
  private current!: ShellCommand;
  private word: Char[] = [];
  /** True once the word has any content, quotes or expansions. */
  private started = false;
  /** True once the word has quotes or an escape, so `''` makes an empty word while an empty `$X` makes none. */
  private quoted = false;
  /** True when the word holds bytes from `$'\xHH'` escapes, decoded as UTF-8 when it ends. */
  private hasBytes = false;
  private pendingRedirect: string | undefined;
  private readonly hereDocuments: Array<{ redirect: ShellRedirect; delimiter: string; stripTabs: boolean }> = [];
  /** Variables set by earlier commands of the text (`TOKEN=abc; curl …`), which later ones expand. */
  private readonly assigned = new Map<string, string>();

  constructor(
    private readonly text: string,
    private readonly options: ShellWordsOptions,
  ) {
    this.newCommand();
  }

  run(): ShellCommand[] {
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === '\\') {
        this.backslash();
      } else if (c === "'") {
        this.singleQuoted();
      } else if (c === '"') {
        this.i++;
        this.doubleQuoted();
      } else if (c === '$') {
        this.dollar(false);
      } else if (c === '`') {
        this.backquote();
      } else if (c === ' ' || c === '\t' || (c === '\r' && t[this.i + 1] === '\n')) {
        this.endWord();
        this.i++;
      } else if (c === '\n') {
        this.endWord();
        this.i++;
        this.endCommand('\n');
        this.readHereDocuments();
        this.line++;
      } else if (c === '#' && !this.started) {
        while (this.i < t.length && t[this.i] !== '\n') {
          this.i++;
        }
      } else if (OPERATOR_CHARS.has(c)) {
        this.operator();
      } else {
        this.push(c, Kind.Literal);
        this.i++;
      }
    }
    this.endWord();
    this.endCommand('');
    return this.commands.filter((cmd) => cmd.words.length > 0 || cmd.redirects.length > 0);
  }

  private newCommand(): void {
    this.current = { words: [], redirects: [], unresolved: [], resolved: [], substitution: false, terminator: '', line: this.line };
  }

  private push(c: string, k: Kind): void {
    this.begin();
    this.word.push({ c, k });
  }

  private pushText(s: string, k: Kind): void {
    this.begin();
    for (const c of s) {
      this.word.push({ c, k });
    }
  }

  /** Marks the word as started, and the command as starting on this line when it is its first word. */
  private begin(): void {
    if (!this.started && this.current.words.length === 0 && this.current.redirects.length === 0) {
      this.current.line = this.line;
    }
    this.started = true;
  }

  private backslash(): void {
    const t = this.text;
    const next = t[this.i + 1];
    if (next === '\n') {
      this.i += 2;
      this.line++;
      return;
    }
    if (next === '\r' && t[this.i + 2] === '\n' && this.options.crlfContinuations !== false) {
      this.i += 3;
      this.line++;
      return;
    }
    if (next === undefined) {
      this.i++;
      return;
    }
    this.quoted = true;
    this.push(next, Kind.Quoted);
    this.i += 2;
  }

  private singleQuoted(): void {
    const t = this.text;
    const end = t.indexOf("'", this.i + 1);
    const stop = end < 0 ? t.length : end;
    const body = t.slice(this.i + 1, stop);
    this.countLines(body);
    this.quoted = true;
    this.pushText(body, Kind.Quoted);
    this.i = end < 0 ? t.length : end + 1;
  }

  /** Reads a double-quoted string; `this.i` is just after the opening quote. */
  private doubleQuoted(): void {
    const t = this.text;
    this.quoted = true;
    this.begin();
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') {
        const next = t[this.i + 1];
        if (next === '\n') {
          this.i += 2;
          this.line++;
        } else if (next === '\r' && t[this.i + 2] === '\n' && this.options.crlfContinuations !== false) {
          this.i += 3;
          this.line++;
        } else if (next === '$' || next === '`' || next === '"' || next === '\\') {
          this.push(next, Kind.Quoted);
          this.i += 2;
        } else {
          this.push('\\', Kind.Quoted);
          this.i++;
        }
        continue;
      }
      if (c === '$') {
        this.dollar(true);
        continue;
      }
      if (c === '`') {
        this.backquote();
        continue;
      }
      if (c === '\n') {
        this.line++;
      }
      this.push(c, Kind.Quoted);
      this.i++;
    }
  }

  private dollar(inDouble: boolean): void {
    const t = this.text;
    const next = t[this.i + 1];
    if (!inDouble && next === "'") {
      this.ansiC();
      return;
    }
    if (!inDouble && next === '"') {
      // $"…" is a string to translate with the locale; without a translation it is "…".
      this.i += 2;
      this.doubleQuoted();
      return;
    }
    if (next === '(') {
      this.current.substitution = true;
      this.skipBalanced('(', ')', this.i + 1);
      return;
    }
    if (next === '{') {
      const close = t.indexOf('}', this.i + 2);
      if (close < 0) {
        this.pushText(t.slice(this.i), Kind.Quoted);
        this.i = t.length;
        return;
      }
      const inner = t.slice(this.i + 2, close);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(inner)) {
        this.expand(inner, inDouble, '${' + inner + '}');
      } else {
        this.unresolved(inner.replace(/[^A-Za-z0-9_].*$/, '') || inner, '${' + inner + '}');
      }
      this.i = close + 1;
      return;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = this.i + 1;
      while (j < t.length && NAME_CHAR.test(t[j])) {
        j++;
      }
      const name = t.slice(this.i + 1, j);
      this.expand(name, inDouble, '$' + name);
      this.i = j;
      return;
    }
    if (next !== undefined && SPECIAL_PARAMETER.test(next)) {
      this.expand(next, inDouble, '$' + next);
      this.i += 2;
      return;
    }
    this.push('$', inDouble ? Kind.Quoted : Kind.Literal);
    this.i++;
  }

  private expand(name: string, inDouble: boolean, text: string): void {
    const value = this.assigned.get(name) ?? this.options.variable?.(name);
    if (value === undefined) {
      this.unresolved(name, text);
      return;
    }
    if (!this.current.resolved.includes(name)) {
      this.current.resolved.push(name);
    }
    this.pushText(value, inDouble ? Kind.Quoted : Kind.Expanded);
  }

  private unresolved(name: string, text: string): void {
    if (!this.current.unresolved.includes(name)) {
      this.current.unresolved.push(name);
    }
    this.pushText(text, Kind.Quoted);
  }

  private backquote(): void {
    this.current.substitution = true;
    const end = this.text.indexOf('`', this.i + 1);
    this.i = end < 0 ? this.text.length : end + 1;
    this.begin();
  }

  private skipBalanced(open: string, close: string, from: number): void {
    let depth = 0;
    let j = from;
    for (; j < this.text.length; j++) {
      if (this.text[j] === open) {
        depth++;
      } else if (this.text[j] === close && --depth === 0) {
        break;
      }
    }
    this.i = j + 1;
    this.begin();
  }

  /** `$'…'`: bash's ANSI-C quoting, with its escapes. */
  private ansiC(): void {
    const t = this.text;
    let j = this.i + 2;
    this.quoted = true;
    this.begin();
    while (j < t.length && t[j] !== "'") {
      const c = t[j];
      if (c !== '\\' || j + 1 >= t.length) {
        if (c === '\n') {
          this.line++;
        }
        this.push(c, Kind.Quoted);
        j++;
        continue;
      }
      const e = t[j + 1];
      j += 2;
      const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
      if (simple[e] !== undefined) {
        this.push(simple[e], Kind.Quoted);
      } else if (/[0-7]/.test(e)) {
        let digits = e;
        while (digits.length < 3 && /[0-7]/.test(t[j] ?? '')) {
          digits += t[j++];
        }
        this.pushByte(parseInt(digits, 8) & 0xff);
      } else if (e === 'x' && /[0-9A-Fa-f]/.test(t[j] ?? '')) {
        let digits = '';
        while (digits.length < 2 && /[0-9A-Fa-f]/.test(t[j] ?? '')) {
          digits += t[j++];
        }
        this.pushByte(parseInt(digits, 16));
      } else if ((e === 'u' || e === 'U') && /[0-9A-Fa-f]/.test(t[j] ?? '')) {
        let digits = '';
        const max = e === 'u' ? 4 : 8;
        while (digits.length < max && /[0-9A-Fa-f]/.test(t[j] ?? '')) {
          digits += t[j++];
        }
        const code = parseInt(digits, 16);
        this.pushText(code <= 0x10ffff ? String.fromCodePoint(code) : '\\' + e + digits, Kind.Quoted);
      } else if (e === 'c' && j < t.length) {
        const ch = t[j++];
        this.push(String.fromCharCode(ch.toUpperCase().charCodeAt(0) & 0x1f), Kind.Quoted);
      } else {
        this.push('\\', Kind.Quoted);
        this.push(e, Kind.Quoted);
      }
    }
    this.i = j + 1;
  }

  // Bytes from octal and hex escapes are collected as UTF-8 and decoded when the word ends, so
  // $'\xe6\x9c\xaa' gives the character those bytes encode, as bash in a UTF-8 locale does.
  private pushByte(byte: number): void {
    this.push(String.fromCharCode(0xe000 + byte), Kind.Quoted);
    this.hasBytes = true;
  }

  private operator(): void {
    const t = this.text;
    const c = t[this.i];
    const two = t.slice(this.i, this.i + 2);
    const three = t.slice(this.i, this.i + 3);
    if (c === '<' || c === '>' || (c === '&' && t[this.i + 1] === '>')) {
      // A word of digits right before a redirection is the file descriptor it applies to.
      const fd = this.word.length > 0 && this.word.every((ch) => ch.k === Kind.Literal && /\d/.test(ch.c)) ? this.word.map((ch) => ch.c).join('') : '';
      if (fd === '') {
        this.endWord();
      } else {
        this.word = [];
        this.started = false;
        this.quoted = false;
      }
      let op = ['<<-', '&>>'].includes(three) ? three : ['<<', '>>', '>&', '<&', '&>', '>|', '<>'].includes(two) ? two : c;
      if (op === '<<' && t[this.i + 2] === '<') {
        op = '<<<';
      }
      this.i += op.length;
      this.pendingRedirect = fd + op;
      return;
    }
    this.endWord();
    const op = ['&&', '||', ';;', '|&'].includes(two) ? two : c;
    this.i += op.length;
    this.endCommand(op as ShellTerminator);
  }

  private endWord(): void {
    if (!this.started) {
      return;
    }
    let chars = this.word;
    if (this.hasBytes) {
      chars = decodeBytes(chars);
      this.hasBytes = false;
    }
    const quoted = this.quoted;
    this.word = [];
    this.started = false;
    this.quoted = false;
    const words = this.finishWord(chars, quoted);
    if (this.pendingRedirect !== undefined) {
      const redirect: ShellRedirect = { op: this.pendingRedirect, target: words[0] ?? '' };
      this.current.redirects.push(redirect);
      if (redirect.op === '<<' || redirect.op === '<<-') {
        // The body is kept as written; with an unquoted delimiter bash would also expand $NAME and
        // backslashes in it, which the caller is told about.
        redirect.expands = !quoted;
        this.hereDocuments.push({ redirect, delimiter: redirect.target, stripTabs: redirect.op === '<<-' });
      }
      this.pendingRedirect = undefined;
      for (const w of words.slice(1)) {
        this.current.words.push(w);
      }
      return;
    }
    for (const w of words) {
      this.current.words.push(w);
    }
  }

  /** Brace expansion, tilde expansion, then field splitting of unquoted variables. */
  private finishWord(chars: Char[], quoted: boolean): string[] {
    const expanded = braceExpand(chars);
    const out: string[] = [];
    for (const w of expanded) {
      let word = w;
      if (this.options.home !== undefined && word[0]?.c === '~' && word[0].k === Kind.Literal && (word.length === 1 || word[1].c === '/')) {
        word = [...[...this.options.home].map((c) => ({ c, k: Kind.Quoted })), ...word.slice(1)];
      }
      if (!word.some((ch) => ch.k === Kind.Expanded)) {
        if (word.length > 0 || quoted) {
          out.push(word.map((ch) => ch.c).join(''));
        }
        continue;
      }
      // Only the characters that came from an unquoted variable split the word; an expansion that
      // is empty and alone makes no word at all.
      let piece = '';
      let pieceStarted = false;
      for (const ch of word) {
        if (ch.k === Kind.Expanded && /[ \t\n]/.test(ch.c)) {
          if (pieceStarted) {
            out.push(piece);
          }
          piece = '';
          pieceStarted = false;
        } else {
          piece += ch.c;
          pieceStarted = true;
        }
      }
      if (pieceStarted) {
        out.push(piece);
      }
    }
    // A word that was only an empty unquoted expansion disappears; an empty quoted one stays.
    return out.length === 0 && quoted ? [''] : out;
  }

  private endCommand(terminator: ShellTerminator): void {
    if (this.pendingRedirect !== undefined) {
      this.current.redirects.push({ op: this.pendingRedirect, target: '' });
      this.pendingRedirect = undefined;
    }
    this.current.terminator = terminator;
    this.commands.push(this.current);
    // A command of assignments only (`TOKEN=abc` or `export TOKEN=abc`) sets the variables for
    // the commands after it, as the shell would.
    const words = this.current.words[0] === 'export' ? this.current.words.slice(1) : this.current.words;
    if (words.length > 0 && words.every((w) => ASSIGNMENT.test(w))) {
      for (const w of words) {
        const eq = w.indexOf('=');
        this.assigned.set(w.slice(0, eq), w.slice(eq + 1));
      }
    }
    this.newCommand();
  }

  /** After a line break: the bodies of the here-documents opened on the line just ended. */
  private readHereDocuments(): void {
    const t = this.text;
    for (const doc of this.hereDocuments.splice(0)) {
      let body = '';
      while (this.i < t.length) {
        const end = t.indexOf('\n', this.i);
        const lineEnd = end < 0 ? t.length : end;
        let lineText = t.slice(this.i, lineEnd);
        if (lineText.endsWith('\r')) {
          lineText = lineText.slice(0, -1);
        }
        this.i = end < 0 ? t.length : end + 1;
        this.line++;
        const compared = doc.stripTabs ? lineText.replace(/^\t+/, '') : lineText;
        if (compared === doc.delimiter) {
          break;
        }
        body += compared + '\n';
      }
      doc.redirect.hereDocument = body;
    }
  }

  private countLines(s: string): void {
    for (const c of s) {
      if (c === '\n') {
        this.line++;
      }
    }
  }
}
