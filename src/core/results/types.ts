import type { FieldInfo, StructInfo } from '../catalog/types';
import type { JsonObject } from '../json';

/*
 * The model of a result view: the tables and charts an answer reads as. It is plain data, so the
 * command line prints it, and the result page (which has no catalog) builds it from the answer
 * text and the action's output structures that the host sends along.
 */

/** A text in both languages the extension ships. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** What the result view knows about an action's answer: its output members and their structures. */
export interface OutputSchema {
  action: string;
  fields: FieldInfo[];
  structs: Record<string, StructInfo>;
}

/** How a column's cells are shown, sorted and written. */
export type ColumnKind = 'string' | 'integer' | 'float' | 'boolean' | 'time' | 'array' | 'json';

/** How a time column holds its moments: Unix seconds, Unix milliseconds, or text as the server wrote it. */
export type TimeUnit = 's' | 'ms' | 'text';

/** One column of a {@link ResultTable}. */
export interface Column {
  /** The key of the cell in each row: the member name, dotted for members of nested objects. */
  key: string;
  label: string;
  kind: ColumnKind;
  /** Time columns only. */
  time?: TimeUnit;
  /** A unit of measure for numbers, such as `min`, `bps`, `%`. */
  unit?: string;
  /** Array columns whose elements are objects: each cell opens as a sub-table of this structure. */
  struct?: string;
  /** Array columns whose elements are objects: true (cells open as sub-tables). */
  nested?: boolean;
}

/** An array of objects of the answer (or a table derived from one) as rows and typed columns. */
export interface ResultTable {
  /** Stable within one view: the JSON path for arrays of the answer, a name for derived tables. */
  id: string;
  title: Bilingual;
  /** Where the rows come from, such as `RoomList` or `Data.Series[0]`. */
  path: string;
  columns: Column[];
  /** Cells keyed by {@link Column.key}; values stay lossless (big integers keep their digits). */
  rows: JsonObject[];
  /** True when the view built the table (a pivot, parsed CSV, flattened points), not the API. */
  derived?: boolean;
}

/** One line or set of bars: a value per x position, `null` where it has none. */
export interface ChartSeries {
  label: string;
  /** The user, peer or room the series belongs to, for legends that group by it. */
  group?: string;
  /** The metric or usage key. */
  metric?: string;
  values: Array<number | null>;
  /** Sum of the values, for usage series. */
  total?: number;
}

/** A set of series drawn against one y axis: every series of a panel has the same unit. */
export interface ChartPanel {
  title: Bilingual;
  /** Empty for plain counts. */
  unit: string;
  series: ChartSeries[];
}

/** How the x axis reads. */
export type XKind = 'time' | 'day' | 'category';

/** One event on a timeline. */
export interface TimelineEvent {
  /** Index into {@link ChartSpec.lanes}. */
  lane: number;
  /** Unix seconds, fractions allowed. */
  t: number;
  label: string;
  detail?: string;
}

/** A chart as the page draws it: series aligned on one x axis, in one or more panels. */
export interface ChartSpec {
  id: string;
  title: Bilingual;
  kind: 'bars' | 'lines' | 'timeline';
  xKind: XKind;
  /**
   * For `time` and `day`: Unix seconds. Times the server wrote as text without a zone (usage
   * `TimeKey`s) are placed as if they were UTC and `xZone` is `utc`, so the axis shows them
   * exactly as written. For `category`: 0, 1, 2...
   */
  x: number[];
  xZone: 'utc' | 'local';
  /** For `category` charts: the label at each x. */
  categories?: string[];
  panels: ChartPanel[];
  /** Timelines only: one lane per user or peer, and the events on them. */
  lanes?: string[];
  events?: TimelineEvent[];
  /** The id of the table that holds the same data. */
  table?: string;
}

/** A table the user may plot by picking a time column and numeric columns. */
export interface PlotCandidate {
  table: string;
  timeColumns: string[];
  valueColumns: string[];
  /** Text columns that can split the rows into one series each (user, peer, room). */
  groupColumns: string[];
}

/** Whether the answer has something to show, and if not, why. */
export type ViewStatus = 'ok' | 'empty' | 'error' | 'invalid';

/** Everything the result view shows for one answer. */
export interface ResultView {
  action?: string;
  status: ViewStatus;
  /** The API's error, for `error` views. */
  error?: { code: string; message: string };
  requestId?: string;
  /** Why there is no chart (or nothing at all), in plain words. */
  reason?: Bilingual;
  /** The answer's main list first. */
  tables: ResultTable[];
  charts: ChartSpec[];
  plottable: PlotCandidate[];
}
