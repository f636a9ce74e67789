import type { IssueView } from '../../shared/requestProtocol';
import { h, icon, replaceChildren } from '../common/dom';
import { parsePath, type PathSeg } from './fieldPath';
import type { FormModel } from './formModel';
import { suggestionText } from './formViewParts';
import type { EditorMode } from './panelState';
import type { Translate } from '../common/l10n';

/**
 * Lists issues above the editor: those without an input in the form, or in JSON mode all of them.
 * An unknown key with a "did you mean" gets a button that renames it.
 */
export function renderIssueList(
  el: HTMLElement,
  list: readonly IssueView[],
  ctx: { t: Translate; mode: EditorMode; model: FormModel },
  onRename: (segs: PathSeg[], name: string) => void,
): void {
  if (list.length === 0) {
    el.hidden = true;
    el.replaceChildren();
    return;
  }
  const t = ctx.t;
  replaceChildren(
    el,
    h('p', { class: 'issue-list-title' }, icon('error'), h('span', null, ctx.mode === 'json' ? t('Problems found in the parameters:') : t('Problems not tied to a field shown in the form:'))),
    h(
      'ul',
      null,
      list.map((issue) => {
        const rename = renameTarget(ctx, issue);
        return h(
          'li',
          { class: 'listed-issue', data: { path: issue.path } },
          issue.path ? h('code', { class: 'issue-path' }, issue.path) : h('span', { class: 'issue-path muted' }, t('(request)')),
          h('span', null, ` ${issue.message}`),
          issue.suggestion ? h('span', { class: 'suggestion' }, ` ${suggestionText(t, issue.suggestion)}`) : null,
          issue.fix ? h('span', { class: 'fix muted' }, ` ${issue.fix}`) : null,
          rename
            ? h(
                'button',
                { type: 'button', class: 'link-button rename', on: { click: () => onRename(rename.segs, rename.name) } },
                icon('replace'),
                h('span', null, t('Rename to {0}', rename.name)),
              )
            : null,
        );
      }),
    ),
  );
  el.hidden = false;
}

/** A suggestion that names another member can be applied by renaming the unknown key. */
function renameTarget(ctx: { mode: EditorMode; model: FormModel }, issue: IssueView): { segs: PathSeg[]; name: string } | undefined {
  const name = issue.suggestion?.trim();
  const segs = parsePath(issue.path);
  if (ctx.mode !== 'form' || issue.code !== 'unknown' || !name || !/^[A-Za-z_]\w*$/.test(name) || !segs || typeof segs[segs.length - 1] !== 'string') {
    return undefined;
  }
  if (ctx.model.get(segs) === undefined || ctx.model.get([...segs.slice(0, -1), name]) !== undefined) {
    return undefined;
  }
  return { segs, name };
}
