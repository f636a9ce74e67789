import { z } from 'zod';
import type { OutputSchema } from '../core/results/types';

/*
 * The message contract between the result panel's host side (src/editor/results/resultPanel.ts)
 * and its page (src/pages/result). Both sides import this file. Messages from the page are
 * untrusted input: the host parses every one with `fromResultPageSchema` before acting on it.
 *
 * Answers cross the boundary as JSON text, never as objects: postMessage's structured clone would
 * turn a 20-digit integer into a rounded double. CSV crosses as text and PNG as base64 text.
 */

/** The three ways the page shows an answer. */
export type ResultMode = 'table' | 'chart' | 'json';

/** One answer the page shows: a label for legends and headings, and the document's text. */
export interface ResultAnswer {
  label: string;
  /** The document's text as the editor shows it (JSON, possibly headed by `//` comment lines). */
  text: string;
}

/** Everything the page needs, sent in answer to `ready`. */
export interface ResultInit {
  title: string;
  /** The action the answers belong to, when known. */
  action?: string;
  /** One answer, or two of the same action to compare (the first is the newer). */
  answers: ResultAnswer[];
  /** The action's output members and structures, to type the columns. */
  schema?: OutputSchema;
  mode: ResultMode;
  /** Localized UI strings, keyed by their English text. */
  strings: Record<string, string>;
  /** The editor's display language, such as `en` or `zh-cn`. */
  locale: string;
}

/** Messages the host sends to the page. */
export type ToResultPage =
  | { type: 'init'; data: ResultInit }
  /** Switches the mode of an open page (the editor title actions do). */
  | { type: 'mode'; mode: ResultMode };

// CSV of a 10,000-row table stays far below this; anything larger is refused.
const MAX_TEXT = 64 * 1024 * 1024;
const fileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, 'a file name without folders or reserved characters');

/** Messages the page sends to the host, validated on arrival. */
export const fromResultPageSchema = z.discriminatedUnion('type', [
  /** The page has loaded and asks for its data. */
  z.object({ type: z.literal('ready') }),
  /** Save a table as CSV: the host asks where, then writes the text. */
  z.object({ type: z.literal('saveCsv'), fileName, csvText: z.string().max(MAX_TEXT) }),
  /** Save a chart as PNG: the host asks where, then writes the bytes. */
  z.object({
    type: z.literal('savePng'),
    fileName,
    pngBase64: z
      .string()
      .max(MAX_TEXT)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 text'),
  }),
  /** Copy text (a cell, a row or a table as CSV) to the clipboard. */
  z.object({ type: z.literal('copyText'), text: z.string().max(MAX_TEXT), what: z.enum(['cell', 'row', 'table']) }),
  /** The user switched modes; the host remembers it for the next answer it shows. */
  z.object({ type: z.literal('modeChanged'), mode: z.enum(['table', 'chart', 'json']) }),
]);

/** A message from the page, after validation. */
export type FromResultPage = z.infer<typeof fromResultPageSchema>;

/** The state the page keeps with `setState` (the host restores panels from their documents, not from this). */
export const resultPageStateSchema = z.object({
  mode: z.enum(['table', 'chart', 'json']).optional(),
  table: z.string().max(500).optional(),
  zone: z.enum(['local', 'utc']).optional(),
});

/** The page's persisted state. */
export type ResultPageState = z.infer<typeof resultPageStateSchema>;
