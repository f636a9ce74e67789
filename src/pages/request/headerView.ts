import type { ActionView } from '../../shared/requestProtocol';
import { h, icon } from '../common/dom';
import type { Translate } from '../common/l10n';
import { plainText, withCodeSpans } from './plainText';

/** Host commands the header's link buttons trigger. */
export type HeaderCommand = 'openDocs' | 'openTwin';

/** The action's name, title, summary, badges, links and full description. */
export function headerView(action: ActionView, t: Translate, onCommand: (command: HeaderCommand) => void): HTMLElement {
  const link = (command: HeaderCommand, codicon: string, text: string, label: string): HTMLButtonElement =>
    h('button', { type: 'button', class: 'link-button', 'aria-label': label, title: label, on: { click: () => onCommand(command) } }, icon(codicon), h('span', null, text));
  const description = plainText(action.description);
  const title = plainText(action.title);
  const summary = plainText(action.summary);
  return h(
    'header',
    { class: 'header' },
    h(
      'div',
      { class: 'title-row' },
      h('h1', { class: 'action-name' }, action.name),
      action.readOnly
        ? h('span', { class: 'badge read-only', title: t('Only reads data; safe to call.') }, icon('eye'), h('span', null, t('read-only')))
        : h('span', { class: ['badge', 'changes-state', action.destructive && 'destructive'], title: t('Changes or ends something in your application.') }, icon(action.destructive ? 'warning' : 'edit'), h('span', null, t('changes state'))),
    ),
    title ? h('p', { class: 'action-title' }, withCodeSpans(title)) : null,
    summary && summary !== title ? h('p', { class: 'action-summary' }, withCodeSpans(summary)) : null,
    h(
      'div',
      { class: 'meta' },
      action.category ? h('span', { class: 'category' }, icon('folder'), h('span', null, action.category)) : null,
      h('span', { class: 'version muted' }, action.version),
      link('openDocs', 'book', t('Documentation'), t('Open the documentation of {0}', action.name)),
      action.twin ? link('openTwin', 'arrow-swap', action.twin, t('Open the twin action {0}', action.twin)) : null,
    ),
    description && description !== title ? h('details', { class: 'description' }, h('summary', null, t('Full description')), h('div', { class: 'description-text' }, withCodeSpans(description))) : null,
  );
}
