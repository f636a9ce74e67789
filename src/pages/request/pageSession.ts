import type { InitData, IssueView, PanelState, ProfileOption, RequestOptions, ResultSummary } from '../../shared/requestProtocol';
import { h } from '../common/dom';
import type { Translate } from '../common/l10n';
import type { FormModel } from './formModel';
import type { PlacedIssues, StructNode } from './formTypes';
import type { FormView } from './formView';
import type { JsonEditor } from './jsonEditor';
import type { EditorMode } from './panelState';
import type { JsonTextError } from './paramsJson';
import type { ResultView } from './resultView';
import { issueVisible, SampleMarks } from './sampleMarks';
import { persistableParams } from './secretState';
import { TargetLineView } from './targetLineView';
import type { ToolbarView } from './toolbarView';

/** Everything that exists only once `init` has arrived. */
export interface Session {
  init: InitData;
  t: Translate;
  model: FormModel;
  options: RequestOptions;
  profiles: ProfileOption[];
  mode: EditorMode;
  requiredOnly: boolean;
  /** The parameters exactly as they will be sent: the form's output or the JSON editor's text. */
  paramsText: string;
  jsonError?: JsonTextError;
  issues: IssueView[];
  tree: StructNode;
  placed: PlacedIssues;
  /** The form was not re-rendered after a JSON edit yet (it is hidden in JSON mode). */
  formStale: boolean;
  collapsed: Set<string>;
  /** Rows edited since "Required only" was turned on: they stay visible while being cleared. */
  kept: Set<string>;
  sending: boolean;
  result?: ResultSummary;
  /** Unedited samples of the last fill, tagged in the form and refused in a state-changing Send. */
  samples: SampleMarks;
  /** Fields the user edited: their "missing" and "empty" problems show before any Send. */
  touched: Set<string>;
  /** Send was pressed: every problem shows from now on. */
  showAll: boolean;
  targetLine: TargetLineView;
  status: HTMLElement;
  form: FormView;
  json: JsonEditor;
  toolbar: ToolbarView;
  resultView: ResultView;
  issueList: HTMLElement;
  formBanner: HTMLElement;
  formPane: HTMLElement;
  jsonPane: HTMLElement;
}

/** The issues shown now: problems of values, and "missing" only for touched fields or after Send. */
export function visibleIssues(s: Session): IssueView[] {
  return s.issues.filter((i) => issueVisible(i, s.touched, s.showAll));
}

/** Why a state-changing Send was refused, naming the fields. */
export function refusalText(t: Translate, missing: string[], samples: string[]): string {
  const parts = [
    missing.length > 0 ? t('Required and unset: {0}.', missing.join(', ')) : '',
    samples.length > 0 ? t('Still holding a sample nobody edited: {0}.', samples.join(', ')) : '',
  ];
  return `${t('This action changes state, and it is never sent with a value you did not type.')} ${parts.filter(Boolean).join(' ')}`;
}

/** What the page saves with `setState`: never a secret (the state is written to disk). */
export function persistedState(s: Session): PanelState {
  const paramsText = persistableParams(s.init.action, s.paramsText);
  const samples = s.samples.toRecord();
  return {
    action: s.init.action.name,
    ...(paramsText !== undefined ? { paramsText } : {}),
    options: { ...s.options },
    mode: s.mode,
    requiredOnly: s.requiredOnly,
    ...(s.touched.size > 0 ? { touched: [...s.touched].slice(0, 5000) } : {}),
    ...(samples ? { samples } : {}),
  };
}

/** The touched fields and samples of a saved state, when it is usable. */
export function savedMarks(saved: unknown, action: string): { touched: string[]; samples?: Record<string, string> } {
  const o = typeof saved === 'object' && saved !== null ? (saved as { action?: unknown; touched?: unknown; samples?: unknown }) : {};
  if (o.action !== action) {
    return { touched: [] };
  }
  const touched = Array.isArray(o.touched) ? o.touched.filter((x): x is string => typeof x === 'string') : [];
  const samples = typeof o.samples === 'object' && o.samples !== null && !Array.isArray(o.samples) ? (o.samples as Record<string, string>) : undefined;
  return { touched, ...(samples ? { samples } : {}) };
}

/** The parts of the page besides the form, JSON editor, toolbar and result, and the marks restored with the state. */
export function pageParts(init: InitData, t: Translate, model: FormModel, marks: ReturnType<typeof savedMarks>, form: FormView, json: JsonEditor) {
  const targetLine = new TargetLineView(t);
  if (init.target) {
    targetLine.show(init.target);
  }
  const samples = new SampleMarks();
  // The host's record wins (it is alive while the page was hidden); after a reload, the saved one.
  samples.reset(init.samples ?? marks.samples);
  samples.prune(model);
  const formBanner = h('div', { class: 'banner', hidden: true, role: 'status' });
  return {
    targetLine,
    status: h('p', { class: 'form-status', id: 'form-status', role: 'status', hidden: true }),
    samples,
    touched: new Set<string>(marks.touched),
    issueList: h('div', { class: 'issue-list', id: 'issue-list', hidden: true, tabindex: '-1' }),
    formBanner,
    formPane: h('div', { class: 'pane form-pane', id: 'form-pane' }, formBanner, form.element),
    jsonPane: h('div', { class: 'pane json-pane', id: 'json-pane' }, json.element),
  };
}

/** The issues of a `validation` message that have the shape the page shows; anything else is dropped. */
export function wellFormedIssues(issues: unknown[]): IssueView[] {
  return issues.filter(
    (i): i is IssueView =>
      typeof i === 'object' && i !== null && typeof (i as IssueView).path === 'string' && typeof (i as IssueView).message === 'string' && typeof (i as IssueView).code === 'string',
  );
}
