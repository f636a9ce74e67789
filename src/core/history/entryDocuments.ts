import { entryAsDocument } from './historyDocument';
import type { HistoryEntry } from './historyEntry';
import { isJsonObject, parseJson, stringifyJson, type JsonValue } from '../json';

/** The two documents "open a history entry" shows, as pretty-printed JSON texts. */
export interface EntryDocuments {
  /** Action, time, region, endpoint, profile, methods, source and the (redacted) parameters. */
  request: string;
  /** HTTP status, latency, RequestId, error and the body (`bodyText` when it was not JSON). */
  response: string;
}

/**
 * Splits an entry into a request document and a response document. Both come from the same text
 * as the compare view (`entryAsDocument`), so the fields and their order match, and big integers
 * keep every digit.
 */
export function entryDocuments(entry: HistoryEntry, body?: string): EntryDocuments {
  const whole = parseJson(entryAsDocument(entry, body));
  const part = (key: 'request' | 'response'): string => {
    const value: JsonValue = isJsonObject(whole) ? (whole[key] ?? null) : null;
    return stringifyJson(key === 'request' && isJsonObject(value) ? { id: entry.id, ...value } : value, 2) + '\n';
  };
  return { request: part('request'), response: part('response') };
}
