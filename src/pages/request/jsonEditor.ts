import { h, icon, replaceChildren } from '../common/dom';
import type { Translate } from '../common/l10n';
import type { JsonTextError } from './paramsJson';

const INDENT = '  ';

/**
 * The raw JSON editor: a monospace textarea with line numbers. Tab indents by two spaces; since
 * that would trap keyboard users, Escape releases the next Tab to move focus as usual. The
 * textarea grows with its content (via `rows`, so no inline style is needed) and the page
 * scrolls, which keeps the line numbers aligned without syncing two scroll positions.
 */
export class JsonEditor {
  /** The editor with its gutter, error line and notes. */
  readonly element: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly gutter: HTMLElement;
  private readonly errorLine: HTMLElement;
  private readonly note: HTMLElement;
  private lineCount = 0;
  private errorRow = 0;
  private releaseTab = false;

  constructor(
    private readonly t: Translate,
    private readonly onText: (text: string) => void,
  ) {
    this.textarea = h('textarea', {
      id: 'json-editor',
      class: 'json-text',
      spellcheck: 'false',
      autocomplete: 'off',
      autocapitalize: 'off',
      wrap: 'off',
      'aria-label': t('Parameters as JSON'),
      'aria-describedby': 'json-error json-help',
    });
    this.gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
    this.errorLine = h('div', { class: 'json-error', id: 'json-error', role: 'status', hidden: true });
    this.note = h('div', { class: 'json-note', hidden: true });
    this.element = h(
      'div',
      { class: 'json-editor' },
      h('div', { class: 'json-frame' }, this.gutter, this.textarea),
      this.errorLine,
      this.note,
      h('p', { class: 'muted json-help', id: 'json-help' }, t('Tab inserts two spaces; press Escape, then Tab, to move on.')),
    );
    this.textarea.addEventListener('input', () => {
      this.layout();
      this.onText(this.textarea.value);
    });
    this.textarea.addEventListener('keydown', (e) => this.keydown(e));
    this.textarea.addEventListener('blur', () => {
      this.releaseTab = false;
    });
  }

  /** The text in the editor. */
  get value(): string {
    return this.textarea.value;
  }

  /** Replaces the text (after a form edit or a host message); the caret goes to the start. */
  setText(text: string): void {
    if (this.textarea.value !== text) {
      this.textarea.value = text;
      this.layout();
    }
  }

  /** Shows where the JSON is broken, or clears the error. */
  showError(error: JsonTextError | undefined): void {
    if (!error) {
      this.errorLine.setAttribute('hidden', '');
      this.errorLine.replaceChildren();
      this.textarea.removeAttribute('aria-invalid');
      this.setErrorRow(0);
      return;
    }
    const where = this.t('Line {0}, column {1}', error.line, error.column);
    const what =
      error.code === 'empty'
        ? this.t('Enter a JSON object, for example {}.')
        : error.code === 'not-object'
          ? this.t('The parameters must be a JSON object ({ … }).')
          : error.detail;
    replaceChildren(this.errorLine, icon('error'), h('span', null, `${where}: ${what}`), h('span', { class: 'muted' }, ` ${this.t('The form keeps the last valid parameters.')}`));
    this.errorLine.removeAttribute('hidden');
    this.textarea.setAttribute('aria-invalid', 'true');
    this.setErrorRow(error.line);
  }

  /** Lists keys the form does not know, which stay in the JSON. */
  showUnknownKeys(paths: readonly string[]): void {
    if (paths.length === 0) {
      this.note.setAttribute('hidden', '');
      this.note.replaceChildren();
      return;
    }
    replaceChildren(this.note, icon('warning'), h('span', null, this.t('Not parameters of this action (kept as typed): {0}', paths.join(', '))));
    this.note.removeAttribute('hidden');
  }

  /** Focuses the textarea. */
  focus(): void {
    this.textarea.focus();
  }

  private layout(): void {
    const lines = this.textarea.value.split('\n').length;
    // One spare row keeps the last line clear of a horizontal scrollbar.
    this.textarea.rows = Math.max(lines + 1, 8);
    if (lines !== this.lineCount) {
      this.lineCount = lines;
      const rows: HTMLElement[] = [];
      for (let i = 1; i <= lines; i++) {
        rows.push(h('div', { class: i === this.errorRow ? 'error' : undefined }, String(i)));
      }
      this.gutter.replaceChildren(...rows);
    }
  }

  private setErrorRow(line: number): void {
    this.gutter.children[this.errorRow - 1]?.classList.remove('error');
    this.errorRow = line;
    this.gutter.children[line - 1]?.classList.add('error');
  }

  private keydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      this.releaseTab = true;
      return;
    }
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      if (this.releaseTab) {
        this.releaseTab = false;
        return;
      }
      e.preventDefault();
      if (e.shiftKey) {
        this.outdent();
      } else {
        this.insert(INDENT);
      }
      return;
    }
    this.releaseTab = false;
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
      const ta = this.textarea;
      const before = ta.value.slice(0, ta.selectionStart);
      const line = before.slice(before.lastIndexOf('\n') + 1);
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      const opens = /[[{]\s*$/.test(line);
      e.preventDefault();
      this.insert(`\n${indent}${opens ? INDENT : ''}`);
    }
  }

  /** Inserts text at the caret through the editing command, so undo still works. */
  private insert(text: string): void {
    const ta = this.textarea;
    // execCommand is the one way to edit a textarea that keeps the browser's undo stack.
    const done = text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, text);
    if (!done) {
      ta.setRangeText(text, ta.selectionStart, ta.selectionEnd, 'end');
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  private outdent(): void {
    const ta = this.textarea;
    const start = ta.value.lastIndexOf('\n', ta.selectionStart - 1) + 1;
    const lead = /^ {1,2}/.exec(ta.value.slice(start))?.[0];
    if (lead) {
      const caret = ta.selectionStart;
      ta.setSelectionRange(start, start + lead.length);
      this.insert('');
      const back = Math.max(start, caret - lead.length);
      ta.setSelectionRange(back, back);
    }
  }
}
