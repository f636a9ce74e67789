import { tableToCsv } from '../../core/results/csv';
import { cellText, filterRowIndexes, nestedTable, scalarText, sortedRowIndexes } from '../../core/results/tableModel';
import type { Column, OutputSchema, ResultTable } from '../../core/results/types';
import { button, h, icon } from '../common/dom';
import { t } from './l10n';
import type { ResultHost } from './vscodeApi';

/** Height of one table row in CSS pixels; `media/result.css` gives rows exactly this height. */
export const ROW_HEIGHT = 24;
// Rows rendered above and below the visible ones, so a fast scroll does not show blank rows.
const OVERSCAN = 12;

/** What the table view needs from the page. */
export interface TableViewOptions {
  tables: ResultTable[];
  schema?: OutputSchema;
  host: ResultHost;
  zh: boolean;
  /** Base of file names the CSV is saved under, such as the action name. */
  fileBase: string;
  /** The table shown first (restored state), by id. */
  initialTable?: string;
  zone: 'local' | 'utc';
  onStateChange: (state: { table: string; zone: 'local' | 'utc' }) => void;
}

/** A file name without characters the host refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').slice(0, 180) || 'result';
}

/**
 * Every list of an answer as a sortable, filterable table. Only the rows in view (plus a margin)
 * are in the DOM, so 10,000 rows scroll as smoothly as ten; nested lists open as sub-tables with a
 * way back. Cells, rows and the whole table can be copied as CSV, and the table saved as CSV.
 */
export class TableView {
  readonly element = h('section', { class: 'table-view' });
  private readonly stack: ResultTable[] = [];
  private order: number[] = [];
  private sortKey: string | undefined;
  private sortDesc = false;
  private filter = '';
  private selected: { row: number; col: number } | undefined;
  private zone: 'local' | 'utc';
  private scroller!: HTMLDivElement;
  private body!: HTMLTableSectionElement;
  private count!: HTMLSpanElement;
  private rendered = { first: -1, last: -1 };

  constructor(private readonly opts: TableViewOptions) {
    this.zone = opts.zone;
    const first = opts.tables.find((x) => x.id === opts.initialTable) ?? opts.tables[0];
    if (first) this.stack.push(first);
    this.build();
  }

  /** The table in view. */
  get current(): ResultTable | undefined {
    return this.stack[this.stack.length - 1];
  }

  private label(table: ResultTable): string {
    return this.opts.zh ? table.title.zh : table.title.en;
  }

  private build(): void {
    const table = this.current;
    this.element.replaceChildren();
    if (!table) return;
    const toolbar = h('div', { class: 'toolbar' });
    if (this.stack.length > 1) {
      toolbar.append(button(t('Back'), 'arrow-left', () => this.back(), { class: 'tool back' }), h('span', { class: 'crumb' }, table.path));
    } else if (this.opts.tables.length > 1) {
      const select = h(
        'select',
        { class: 'table-select', 'aria-label': t('Lists'), on: { change: (e) => this.open((e.target as HTMLSelectElement).value) } },
        this.opts.tables.map((x) => h('option', { value: x.id, selected: x.id === table.id }, `${this.label(x)} (${rowsText(x.rows.length)})`)),
      );
      toolbar.append(select);
    } else {
      toolbar.append(h('span', { class: 'crumb' }, this.label(table)));
    }
    const filter = h('input', { class: 'filter', type: 'search', placeholder: t('Filter rows'), 'aria-label': t('Filter rows'), value: this.filter });
    filter.addEventListener('input', () => {
      this.filter = filter.value;
      this.refresh();
    });
    const zone = h(
      'select',
      { class: 'zone', 'aria-label': t('Times'), title: t('Times'), on: { change: (e) => this.setZone((e.target as HTMLSelectElement).value === 'utc' ? 'utc' : 'local') } },
      h('option', { value: 'local', selected: this.zone === 'local' }, t('Local')),
      h('option', { value: 'utc', selected: this.zone === 'utc' }, t('UTC')),
    );
    this.count = h('span', { class: 'count', 'aria-live': 'polite' });
    toolbar.append(
      filter,
      this.count,
      h('span', { class: 'spacer' }),
      zone,
      button(t('Copy cell'), 'copy', () => this.copyCell(), { class: 'tool copy-cell' }),
      button(t('Copy row'), 'list-flat', () => this.copyRow(), { class: 'tool copy-row' }),
      button(t('Copy table as CSV'), 'clippy', () => this.copyTable(), { class: 'tool copy-table' }),
      button(t('Save as CSV…'), 'save', () => this.saveCsv(), { class: 'tool save-csv' }),
    );
    const colgroup = h('colgroup', null, table.columns.map((c) => widthCol(table, c)));
    const head = h(
      'tr',
      null,
      table.columns.map((c) =>
        h(
          'th',
          { scope: 'col', class: isNumeric(c) ? 'num' : '', title: columnTitle(c), data: { key: c.key }, tabindex: '0', 'aria-sort': this.sortKey === c.key ? (this.sortDesc ? 'descending' : 'ascending') : 'none', on: { click: () => this.sort(c.key), keydown: (e) => (e as KeyboardEvent).key === 'Enter' && this.sort(c.key) } },
          c.unit ? `${c.label} (${c.unit})` : c.label,
          this.sortKey === c.key ? icon(this.sortDesc ? 'arrow-down' : 'arrow-up') : null,
        ),
      ),
    );
    this.body = h('tbody');
    const grid = h('table', { class: 'grid', role: 'grid', 'aria-rowcount': String(table.rows.length + 1) }, colgroup, h('thead', null, head), this.body);
    this.scroller = h('div', { class: 'table-scroll', tabindex: '0' }, grid);
    this.scroller.addEventListener('scroll', () => this.renderRows());
    this.scroller.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'c' && this.selected) {
        e.preventDefault();
        this.copyCell();
      }
    });
    this.element.append(toolbar, this.scroller);
    this.refresh();
  }

  /** Recomputes the filtered and sorted order and renders from the top. */
  private refresh(): void {
    const table = this.current!;
    const filtered = this.filter.trim() ? filterRowIndexes(table, this.filter) : undefined;
    this.order = this.sortKey ? sortedRowIndexes(table, this.sortKey, this.sortDesc, filtered) : (filtered ?? table.rows.map((_, i) => i));
    this.count.textContent = this.order.length === table.rows.length ? rowsText(table.rows.length) : t('{0} of {1} rows', this.order.length, table.rows.length);
    this.selected = undefined;
    this.rendered = { first: -1, last: -1 };
    this.scroller.scrollTop = 0;
    this.renderRows();
  }

  /** Puts the rows in view (and a margin) in the DOM, with spacer rows standing in for the rest. */
  private renderRows(): void {
    const table = this.current!;
    const viewport = this.scroller.clientHeight || 600;
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.order.length, first + Math.ceil(viewport / ROW_HEIGHT) + 2 * OVERSCAN);
    if (first === this.rendered.first && last === this.rendered.last) return;
    this.rendered = { first, last };
    const rows: HTMLTableRowElement[] = [];
    const top = h('tr', { class: 'pad', 'aria-hidden': 'true' });
    top.style.height = `${first * ROW_HEIGHT}px`;
    rows.push(top);
    for (let i = first; i < last; i++) rows.push(this.row(table, i));
    const bottom = h('tr', { class: 'pad', 'aria-hidden': 'true' });
    bottom.style.height = `${(this.order.length - last) * ROW_HEIGHT}px`;
    rows.push(bottom);
    if (this.order.length === 0) {
      rows.splice(1, 0, h('tr', { class: 'empty' }, h('td', { colspan: String(table.columns.length) }, table.rows.length ? t('No rows match the filter.') : t('Nothing to show'))));
    }
    this.body.replaceChildren(...rows);
  }

  private row(table: ResultTable, position: number): HTMLTableRowElement {
    const index = this.order[position]!;
    const data = table.rows[index]!;
    const tr = h('tr', { 'aria-rowindex': String(position + 2), data: { index: String(index) } });
    table.columns.forEach((c, ci) => {
      const v = data[c.key];
      let td: HTMLTableCellElement;
      if (c.nested && Array.isArray(v)) {
        td = h('td', null, h('button', { type: 'button', class: 'nested', title: t('Open the {0} rows of this cell', v.length), on: { click: () => this.openNested(index, c.key) } }, rowsText(v.length), icon('chevron-right')));
      } else {
        const text = cellText(c, v, this.zone);
        td = h('td', { class: isNumeric(c) ? 'num' : c.kind === 'time' ? 'time' : '' }, text);
        if (c.kind === 'time' && c.time !== 'text' && v !== undefined && v !== null) {
          td.title = `${cellText(c, v, this.zone === 'local' ? 'utc' : 'local')} ${this.zone === 'local' ? 'UTC' : t('Local')} · ${scalarText(v)}`;
        } else if (text.length > 30) {
          td.title = text;
        }
      }
      if (this.selected?.row === index && this.selected.col === ci) td.classList.add('selected');
      td.addEventListener('click', () => this.select(index, ci));
      tr.append(td);
    });
    if (this.selected?.row === index) tr.classList.add('selected-row');
    return tr;
  }

  private select(row: number, col: number): void {
    this.selected = { row, col };
    for (const el of this.body.querySelectorAll('.selected, .selected-row')) el.classList.remove('selected', 'selected-row');
    const tr = this.body.querySelector(`tr[data-index="${row}"]`);
    tr?.classList.add('selected-row');
    tr?.children[col]?.classList.add('selected');
  }

  private sort(key: string): void {
    if (this.sortKey !== key) {
      this.sortKey = key;
      this.sortDesc = false;
    } else if (!this.sortDesc) {
      this.sortDesc = true;
    } else {
      this.sortKey = undefined;
    }
    this.build();
  }

  private setZone(zone: 'local' | 'utc'): void {
    this.zone = zone;
    this.rendered = { first: -1, last: -1 };
    this.renderRows();
    this.opts.onStateChange({ table: this.stack[0]!.id, zone });
  }

  private open(id: string): void {
    const next = this.opts.tables.find((x) => x.id === id);
    if (!next) return;
    this.stack.splice(0, this.stack.length, next);
    this.resetView();
    this.opts.onStateChange({ table: id, zone: this.zone });
  }

  private openNested(rowIndex: number, key: string): void {
    const sub = nestedTable(this.current!, rowIndex, key, this.opts.schema);
    if (!sub) return;
    this.stack.push(sub);
    this.resetView();
  }

  private back(): void {
    this.stack.pop();
    this.resetView();
  }

  private resetView(): void {
    this.sortKey = undefined;
    this.filter = '';
    this.build();
  }

  private copyCell(): void {
    const table = this.current!;
    if (!this.selected) return;
    const c = table.columns[this.selected.col]!;
    const v = table.rows[this.selected.row]?.[c.key];
    this.opts.host.postMessage({ type: 'copyText', what: 'cell', text: c.nested ? scalarText(v) : cellText(c, v, this.zone) });
  }

  private copyRow(): void {
    if (!this.selected) return;
    this.opts.host.postMessage({ type: 'copyText', what: 'row', text: tableToCsv(this.current!, [this.selected.row]) });
  }

  private copyTable(): void {
    this.opts.host.postMessage({ type: 'copyText', what: 'table', text: tableToCsv(this.current!, this.order) });
  }

  private saveCsv(): void {
    const table = this.current!;
    this.opts.host.postMessage({ type: 'saveCsv', fileName: safeFileName(`${this.opts.fileBase}-${table.id}.csv`), csvText: tableToCsv(table, this.order) });
  }
}

function rowsText(n: number): string {
  return n === 1 ? t('1 row') : t('{0} rows', n.toLocaleString());
}

function isNumeric(c: Column): boolean {
  return c.kind === 'integer' || c.kind === 'float';
}

function columnTitle(c: Column): string {
  return `${c.key} · ${c.kind === 'time' ? `time (${c.time === 's' ? 'Unix s' : c.time === 'ms' ? 'Unix ms' : 'text'})` : c.kind}`;
}

/** A column width from the label and the first rows' texts, in `ch`, so the layout does not jump while scrolling. */
function widthCol(table: ResultTable, c: Column): HTMLTableColElement {
  let len = c.label.length + (c.unit ? c.unit.length + 3 : 0) + 2;
  if (c.kind === 'time' && c.time !== 'text') len = Math.max(len, 19);
  else if (c.nested) len = Math.max(len, 10);
  else for (let i = 0; i < Math.min(table.rows.length, 100); i++) len = Math.max(len, scalarText(table.rows[i]![c.key]).length);
  const col = h('col');
  col.style.width = `${Math.min(48, Math.max(6, len)) + 2}ch`;
  return col;
}
