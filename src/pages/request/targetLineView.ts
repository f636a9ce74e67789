import type { TargetView } from '../../shared/requestProtocol';
import { h, icon, replaceChildren } from '../common/dom';
import type { Translate } from '../common/l10n';

/**
 * The line above the toolbar saying where Send goes: method, URL, region and profile. An endpoint
 * that is not Tencent Cloud's gets a loud badge (trusted or not), so a workspace or a setting that
 * points calls elsewhere is seen before anything is signed.
 */
export class TargetLineView {
  /** The rendered line. */
  readonly element: HTMLElement;

  constructor(private readonly t: Translate) {
    this.element = h('div', { class: 'target-line', id: 'target-line', role: 'status', 'aria-label': t('Where the request goes') });
  }

  /** Shows a target. */
  show(target: TargetView): void {
    const t = this.t;
    const badge = target.tencent
      ? null
      : h(
          'span',
          { class: ['tag', 'endpoint-badge', target.trusted ? 'trusted' : 'untrusted'], id: 'endpoint-badge', title: target.trusted ? t('This endpoint is not Tencent Cloud\'s; you trusted it on this machine.') : t('This endpoint is not Tencent Cloud\'s and is not trusted: nothing is signed or sent there.') },
          icon('warning'),
          h('span', null, target.trusted ? t('Not Tencent Cloud (trusted)') : t('Not Tencent Cloud — not trusted')),
        );
    replaceChildren(
      this.element,
      h('span', { class: 'target-method', id: 'target-method' }, target.method),
      h('code', { class: 'target-url', id: 'target-url' }, target.url),
      badge,
      h('span', { class: 'target-fact' }, h('span', { class: 'muted' }, t('Region')), ' ', h('span', { id: 'target-region' }, target.region || t('(none)'))),
      h(
        'span',
        { class: 'target-fact' },
        h('span', { class: 'muted' }, t('Profile')),
        ' ',
        h('span', { id: 'target-profile' }, target.profile),
        target.sandbox ? h('span', { class: 'tag sandbox' }, icon('beaker'), h('span', null, t('sandbox: nothing leaves the editor'))) : null,
      ),
    );
  }
}
