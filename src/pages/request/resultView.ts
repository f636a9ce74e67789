import type { ResultSummary } from '../../shared/requestProtocol';
import { h, icon, replaceChildren, type Child } from '../common/dom';
import type { Translate } from '../common/l10n';

/** Host commands the result header's buttons trigger. */
export type ResultCommand = 'copyRequestId' | 'showSignature' | 'debugSignature' | 'showResult' | 'showTable' | 'showChart' | 'keepSamples';

/** The line under the action bar that shows progress and the outcome of the last call. */
export class ResultView {
  /** The live region holding the progress indicator or the outcome. */
  readonly element: HTMLElement;

  constructor(
    private readonly t: Translate,
    private readonly locale: string,
    private readonly onCommand: (command: ResultCommand) => void,
  ) {
    this.element = h('section', { class: 'result', id: 'result', 'aria-live': 'polite', 'aria-label': t('Result'), hidden: true });
  }

  /** Shows that a request is in flight. */
  showSending(): void {
    replaceChildren(
      this.element,
      h('div', { class: 'result-line sending' }, h('vscode-progress-ring', { class: 'ring', 'aria-label': this.t('Sending') }), h('span', null, this.t('Sending…'))),
    );
    this.element.className = 'result sending';
    this.element.hidden = false;
  }

  /** Shows the outcome of a call. */
  showResult(r: ResultSummary): void {
    const t = this.t;
    const outcome: Record<ResultSummary['outcome'], [string, string]> = {
      ok: ['pass-filled', t('OK')],
      'api-error': ['error', r.errorCode ? t('API error {0}', r.errorCode) : t('API error')],
      failed: ['error', t('Failed')],
      cancelled: ['circle-slash', r.refused ? t('Not sent') : t('Cancelled')],
    };
    const [iconName, text] = outcome[r.outcome];
    const facts: Child[] = [
      h('span', { class: `outcome ${r.outcome}`, id: 'result-outcome' }, icon(iconName), h('span', null, text)),
      r.httpStatus !== undefined ? h('span', { class: 'fact' }, t('HTTP {0}', r.httpStatus)) : null,
      r.latencyMs !== undefined ? h('span', { class: 'fact' }, t('{0} ms', this.formatNumber(r.latencyMs))) : null,
      r.sandbox ? h('span', { class: 'tag sandbox' }, icon('beaker'), h('span', null, t('sandbox'))) : null,
      r.requestId
        ? h(
            'span',
            { class: 'fact request-id' },
            h('span', { class: 'muted' }, t('RequestId')),
            h('code', { id: 'result-request-id' }, r.requestId),
            this.button('copyRequestId', 'copy', t('Copy RequestId'), true),
          )
        : null,
    ];
    const details: Child[] = [
      r.message ? h('p', { class: 'result-message' }, r.message) : null,
      r.explanation ? h('p', { class: 'explanation' }, h('strong', null, t('What it means:')), ` ${r.explanation}`) : null,
      r.nextStep ? h('p', { class: 'next-step' }, h('strong', null, t('What to do:')), ` ${r.nextStep}`) : null,
    ];
    const answered = r.outcome === 'ok' || r.outcome === 'api-error';
    const buttons: Child[] = r.refused
      ? [
          r.refused.samples.length > 0
            ? this.button('keepSamples', 'check-all', t('Keep samples: use {0} as typed', r.refused.samples.join(', ')))
            : null,
        ]
      : [
          answered ? this.button('showResult', 'json', t('Open JSON')) : null,
          r.outcome === 'ok' ? this.button('showTable', 'table', t('Show as Table')) : null,
          r.outcome === 'ok' ? this.button('showChart', 'graph-line', t('Show as Chart')) : null,
          this.button('showSignature', 'key', t('Show signature steps')),
          r.signatureRelated ? this.button('debugSignature', 'debug', t('Debug signature')) : null,
        ];
    replaceChildren(this.element, h('div', { class: 'result-line' }, facts), details, h('div', { class: 'result-buttons' }, buttons));
    this.element.className = `result ${r.outcome}`;
    this.element.hidden = false;
  }

  private formatNumber(n: number): string {
    try {
      return new Intl.NumberFormat(this.locale || undefined).format(n);
    } catch {
      return String(n);
    }
  }

  private button(command: ResultCommand, iconName: string, text: string, iconOnly = false): HTMLButtonElement {
    const b = iconOnly
      ? h('button', { type: 'button', class: 'icon-button', 'aria-label': text, title: text, data: { command } }, icon(iconName))
      : h('button', { type: 'button', class: 'link-button', id: `result-${command}`, data: { command } }, icon(iconName), h('span', null, text));
    b.addEventListener('click', () => this.onCommand(command));
    return b;
  }
}
