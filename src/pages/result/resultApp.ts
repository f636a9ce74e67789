import { plotTable } from '../../core/results/chartSeries';
import { compareViews } from '../../core/results/compareCharts';
import { readAnswer } from '../../core/results/readAnswer';
import { buildResultView } from '../../core/results/resultView';
import type { Bilingual, ChartSpec, ResultView } from '../../core/results/types';
import type { ResultInit, ResultMode, ResultPageState, ToResultPage } from '../../shared/resultProtocol';
import { ChartView } from './chartView';
import { h, icon } from '../common/dom';
import { setStrings, t } from './l10n';
import { safeFileName, TableView } from './tableView';
import type { ResultHost } from './vscodeApi';

/**
 * The saved state, checked by hand: the page bundles no schema library (zod would probe for
 * `eval`, which the Content Security Policy refuses), and anything unexpected is dropped.
 */
function pageState(raw: unknown): ResultPageState {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    ...(s.mode === 'table' || s.mode === 'chart' || s.mode === 'json' ? { mode: s.mode } : {}),
    ...(typeof s.table === 'string' && s.table.length <= 500 ? { table: s.table } : {}),
    ...(s.zone === 'local' || s.zone === 'utc' ? { zone: s.zone } : {}),
  };
}

/** Shift in plain words: whole days when it is whole days, else hours. */
function shiftText(seconds: number): string {
  const abs = Math.abs(seconds);
  const sign = seconds < 0 ? '−' : '+';
  if (abs % 86_400 === 0) return `${sign}${abs / 86_400} d`;
  if (abs % 3_600 === 0) return `${sign}${abs / 3_600} h`;
  return `${sign}${Math.round(abs / 60)} min`;
}

/**
 * The result page: one answer (or two to compare) in Table, Chart and JSON modes. It builds the
 * view from the answer text with the same core code the command line uses, so both show the
 * same tables; the host only sends text and the action's output structures.
 */
export class ResultApp {
  private init: ResultInit | undefined;
  private views: ResultView[] = [];
  private mode: ResultMode = 'table';
  private state: ResultPageState;
  private charts: ChartView[] = [];
  private readonly content = h('main', { class: 'content' });
  private readonly modes = new Map<ResultMode, HTMLButtonElement>();
  private resizeTimer: number | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: ResultHost,
  ) {
    this.state = pageState(host.getState());
  }

  /** Listens for the host and asks for the data. */
  start(): void {
    window.addEventListener('message', (e: MessageEvent) => this.receive(e.data as ToResultPage));
    window.addEventListener('resize', () => {
      clearTimeout(this.resizeTimer);
      this.resizeTimer = window.setTimeout(() => this.charts.forEach((c) => c.resize()), 100);
    });
    // A theme change swaps the body's classes: charts draw on a canvas, so they are drawn again.
    new MutationObserver(() => this.mode === 'chart' && this.charts.forEach((c) => c.draw())).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    this.host.postMessage({ type: 'ready' });
  }

  private receive(m: ToResultPage): void {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'init') {
      this.init = m.data;
      setStrings(m.data.strings);
      document.documentElement.lang = m.data.locale;
      this.views = m.data.answers.map((a) => {
        const answer = readAnswer(a.text);
        const action = m.data.action ?? answer.action;
        return buildResultView(answer, { ...(action ? { action } : {}), ...(m.data.schema ? { schema: m.data.schema } : {}) });
      });
      this.render(this.state.mode ?? m.data.mode);
    } else if (m.type === 'mode' && this.init) {
      this.setMode(m.mode);
    }
  }

  private get zh(): boolean {
    return (this.init?.locale ?? 'en').toLowerCase().startsWith('zh');
  }

  private text(b: Bilingual): string {
    return this.zh ? b.zh : b.en;
  }

  private get fileBase(): string {
    return safeFileName(this.init?.action ?? this.views[0]?.action ?? 'result');
  }

  private render(mode: ResultMode): void {
    const init = this.init!;
    const bar = h('nav', { class: 'modes', role: 'tablist' });
    for (const [m, label, glyph] of [
      ['table', t('Table'), 'table'],
      ['chart', t('Chart'), 'graph'],
      ['json', t('JSON'), 'json'],
    ] as const) {
      const b = h('button', { type: 'button', role: 'tab', id: `mode-${m}`, class: 'mode', on: { click: () => this.setMode(m) } }, icon(glyph), h('span', null, label));
      this.modes.set(m, b);
      bar.append(b);
    }
    const title = init.answers.length > 1 ? t('Compare: {0} and {1}', init.answers[0]!.label, init.answers[1]!.label) : init.title;
    this.root.replaceChildren(h('header', { class: 'page-header' }, h('h1', null, title), bar), this.content);
    this.setMode(mode);
  }

  private setMode(mode: ResultMode): void {
    const changed = mode !== this.mode;
    this.mode = mode;
    for (const [m, b] of this.modes) {
      b.setAttribute('aria-selected', String(m === mode));
      b.classList.toggle('active', m === mode);
    }
    this.saveState({ mode });
    if (changed) this.host.postMessage({ type: 'modeChanged', mode });
    for (const c of this.charts) c.destroy();
    this.charts = [];
    this.content.replaceChildren();
    if (mode === 'table') this.showTables();
    else if (mode === 'chart') this.showCharts();
    else this.showJson();
  }

  private saveState(patch: ResultPageState): void {
    this.state = { ...this.state, ...patch };
    this.host.setState(this.state);
  }

  /** A box that says why there is nothing to show, with the API error when there is one. */
  private notice(heading: string, view: ResultView): HTMLElement {
    return h(
      'div',
      { class: `notice ${view.status}`, role: 'status' },
      h('strong', null, heading),
      view.reason ? h('p', null, this.text(view.reason)) : null,
      view.error ? h('p', { class: 'error-message' }, `${view.error.code}: ${view.error.message}`) : null,
      view.requestId ? h('p', { class: 'request-id' }, `RequestId: ${view.requestId}`) : null,
    );
  }

  private showTables(): void {
    this.views.forEach((view, i) => {
      if (this.views.length > 1) this.content.append(h('h2', { class: 'answer-label' }, this.init!.answers[i]!.label));
      if (!view.tables.length) {
        this.content.append(this.notice(t('Nothing to show'), view));
        return;
      }
      const table = new TableView({
        tables: view.tables,
        ...(this.init!.schema ? { schema: this.init!.schema } : {}),
        host: this.host,
        zh: this.zh,
        fileBase: this.fileBase,
        ...(this.state.table ? { initialTable: this.state.table } : {}),
        zone: this.state.zone ?? 'local',
        onStateChange: (s) => this.saveState(s),
      });
      this.content.append(table.element);
    });
  }

  private showCharts(): void {
    const views = this.views;
    const note = this.content;
    const specs: Array<{ spec: ChartSpec; note?: string }> = [];
    if (views.length > 1) {
      const labels = [this.init!.answers[0]!.label, this.init!.answers[1]!.label] as const;
      const overlaid = compareViews(views[0]!, views[1]!, labels);
      for (const o of overlaid) specs.push({ spec: o, ...(o.shiftSeconds ? { note: t('{0} is moved by {1} so that both answers start together.', labels[1], shiftText(o.shiftSeconds)) } : {}) });
      if (!overlaid.length) note.append(h('div', { class: 'notice empty', role: 'status' }, h('strong', null, t('Nothing to draw')), h('p', null, t('The two answers have no chart in common to overlay.'))));
    } else {
      for (const c of views[0]?.charts ?? []) specs.push({ spec: c });
    }
    if (specs.length) {
      note.append(h('p', { class: 'hint' }, t('Drag across a chart to zoom in on a time range; double-click to zoom out. Click a legend entry to hide or show its series.')));
    } else if (views.length === 1) {
      note.append(this.notice(t('Nothing to draw'), views[0]!));
    }
    for (const s of specs) this.addChart(s.spec, s.note);
    const view = views[0];
    if (view && views.length === 1 && view.plottable.length) this.content.append(this.plotForm(view));
  }

  private addChart(spec: ChartSpec, note?: string, before?: Element): void {
    const chart = new ChartView(spec, { zh: this.zh, fileBase: this.fileBase, savePng: (fileName, pngBase64) => this.host.postMessage({ type: 'savePng', fileName, pngBase64 }) }, note);
    this.charts.push(chart);
    if (before) this.content.insertBefore(chart.element, before);
    else this.content.append(chart.element);
    chart.draw();
  }

  /** Lets the user plot any table with a time column: which time, which values, split by what. */
  private plotForm(view: ResultView): HTMLElement {
    const form = h('details', { class: 'plot-form', open: view.charts.length === 0 });
    const tableSel = h('select', { class: 'plot-table', 'aria-label': t('Lists') });
    const timeSel = h('select', { class: 'plot-time', 'aria-label': t('Time column') });
    const groupSel = h('select', { class: 'plot-group', 'aria-label': t('Split by') });
    const values = h('div', { class: 'plot-values', role: 'group', 'aria-label': t('Values') });
    const message = h('p', { class: 'plot-message', 'aria-live': 'polite' });
    for (const c of view.plottable) {
      const table = view.tables.find((x) => x.id === c.table)!;
      tableSel.append(h('option', { value: c.table }, this.text(table.title)));
    }
    const fill = () => {
      const c = view.plottable.find((p) => p.table === tableSel.value) ?? view.plottable[0]!;
      timeSel.replaceChildren(...c.timeColumns.map((k) => h('option', { value: k }, k)));
      groupSel.replaceChildren(h('option', { value: '' }, t('(none)')), ...c.groupColumns.map((k) => h('option', { value: k }, k)));
      values.replaceChildren(...c.valueColumns.map((k, i) => h('label', null, h('input', { type: 'checkbox', value: k, checked: i === 0 }), ` ${k}`)));
    };
    tableSel.addEventListener('change', fill);
    fill();
    const plot = () => {
      const table = view.tables.find((x) => x.id === tableSel.value) ?? view.tables.find((x) => x.id === view.plottable[0]!.table)!;
      const chosen = [...values.querySelectorAll('input:checked')].map((i) => (i as HTMLInputElement).value);
      const spec = chosen.length ? plotTable(table, { time: timeSel.value, values: chosen, ...(groupSel.value ? { group: groupSel.value } : {}) }) : undefined;
      if (!spec) {
        message.textContent = t('Select a time column and at least one value column.');
        return;
      }
      message.textContent = '';
      this.addChart(spec, undefined, form);
    };
    form.append(
      h('summary', null, t('Plot columns')),
      h('div', { class: 'plot-row' }, h('label', null, t('Lists'), ' ', tableSel), h('label', null, t('Time column'), ' ', timeSel), h('label', null, t('Split by'), ' ', groupSel)),
      h('div', { class: 'plot-row' }, h('span', null, t('Values')), values),
      h('button', { type: 'button', class: 'primary plot', on: { click: plot } }, t('Plot')),
      message,
    );
    return form;
  }

  private showJson(): void {
    this.init!.answers.forEach((a) => {
      if (this.init!.answers.length > 1) this.content.append(h('h2', { class: 'answer-label' }, a.label));
      this.content.append(h('pre', { class: 'json', tabindex: '0' }, a.text));
    });
  }
}
