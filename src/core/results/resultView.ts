import { mapperFor } from './actionMappings';
import { plotCandidate } from './chartSeries';
import { readAnswer, type Answer } from './readAnswer';
import { tablesOfAnswer } from './tableModel';
import type { Bilingual, OutputSchema, PlotCandidate, ResultTable, ResultView } from './types';

/** What the view is built for: the action (when the answer does not say) and its output structures. */
export interface ViewOptions {
  action?: string;
  schema?: OutputSchema;
}

const NOTHING: Bilingual = { en: 'The answer holds single values only, no list or series to draw: see it as JSON.', zh: '应答只有单个取值，没有可绘制的列表或序列：请以 JSON 查看。' };
const PICK: Bilingual = { en: 'This answer has no chart of its own: choose a time column and the values to plot.', zh: '此应答没有预设图表：请选择时间列和要绘制的数值列。' };

/**
 * The tables and charts of an answer. The action's explicit mapping (see `ACTION_MAPPINGS`)
 * comes first; every array of objects of the answer is a table too, and tables with a time
 * column and numbers are offered for plotting. An API error, an empty answer and a document that
 * is not an answer each get a view that says why nothing is drawn.
 */
export function buildResultView(answer: Answer, options: ViewOptions = {}): ResultView {
  const action = options.action ?? answer.action ?? options.schema?.action;
  const base = { ...(action ? { action } : {}), ...(answer.requestId ? { requestId: answer.requestId } : {}) };
  if (!answer.response) {
    return {
      ...base,
      status: 'invalid',
      reason: { en: `This document is not an answer of the TRTC API (${answer.problem ?? 'no Response'}).`, zh: `此文档不是 TRTC API 的应答（${answer.problem ?? '没有 Response'}）。` },
      tables: [],
      charts: [],
      plottable: [],
    };
  }
  if (answer.error) {
    return {
      ...base,
      status: 'error',
      error: answer.error,
      reason: { en: `The API answered with the error ${answer.error.code}, so there is nothing to draw.`, zh: `API 返回了错误 ${answer.error.code}，没有可绘制的数据。` },
      tables: [],
      charts: [],
      plottable: [],
    };
  }
  const schema = options.schema && (!action || options.schema.action.toLowerCase() === action.toLowerCase()) ? options.schema : undefined;
  const generic = tablesOfAnswer(answer.response, schema);
  const mapped = mapperFor(action)?.(answer.response, action!) ?? { tables: [], charts: [] };
  const tables: ResultTable[] = [...mapped.tables, ...generic];
  if (mapped.main) {
    const i = tables.findIndex((t) => t.id === mapped.main);
    if (i > 0) tables.unshift(...tables.splice(i, 1));
  }
  const plottable = tables.map(plotCandidate).filter((c): c is PlotCandidate => !!c);
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  const status = tables.length > 0 && rows === 0 && mapped.charts.length === 0 ? 'empty' : 'ok';
  const reason = mapped.charts.length ? undefined : (mapped.noChart ?? (status === 'empty' ? { en: 'The answer has no rows: the lists are empty for what was asked.', zh: '应答没有数据行：所查询的列表为空。' } : plottable.length ? PICK : NOTHING));
  return { ...base, status, ...(reason ? { reason } : {}), tables, charts: mapped.charts, plottable };
}

/** {@link buildResultView} of a document's text. */
export function resultViewOfText(text: string, options: ViewOptions = {}): ResultView {
  return buildResultView(readAnswer(text), options);
}
