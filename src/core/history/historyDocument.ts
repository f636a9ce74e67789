import { parseAnswerJson, stringifyJson, type JsonObject, type JsonValue } from '../json';
import { entryParams, HISTORY_SCHEMA_VERSION, type HistoryEntry } from './historyEntry';

const EXPORT_FORMAT = 'trtc-api-explorer/history-export';

/**
 * A versioned JSON document of entries (in the order given) with their parameters as JSON and their
 * full bodies, for sharing or a bug report. Sensitive values were redacted when they were recorded.
 */
export async function historyExport(entries: readonly HistoryEntry[], bodyOf: (id: string) => Promise<string | undefined>, now: Date): Promise<string> {
  const docs: JsonObject[] = [];
  for (const entry of entries) {
    const { paramsJson: _paramsJson, response, ...rest } = entry;
    const doc: JsonObject = { ...(rest as unknown as JsonObject), params: entryParams(entry) };
    if (response) {
      doc.response = { size: response.size, body: (await bodyOf(entry.id)) ?? null };
    }
    docs.push(doc);
  }
  const exported = { format: EXPORT_FORMAT, schemaVersion: HISTORY_SCHEMA_VERSION, exportedAt: now.toISOString(), count: docs.length, entries: docs };
  return stringifyJson(exported, 2) + '\n';
}

/**
 * One entry and its response body (from `HistoryStore.getResponseBody`) as a pretty-printed JSON
 * document (request, then response), for "compare two entries"
 * in a diff editor. Keys come in a fixed order and absent values are written as `null`, so two
 * documents line up field by field; big integers keep their digits. A body that is not JSON is
 * kept as text under `bodyText`.
 */
export function entryAsDocument(entry: HistoryEntry, body?: string): string {
  const request: JsonObject = {
    action: entry.action,
    time: entry.time,
    region: entry.region ?? null,
    endpoint: entry.endpoint,
    profile: entry.profile ?? null,
    signMethod: entry.signMethod,
    httpMethod: entry.httpMethod,
    source: entry.source,
    sandbox: entry.sandbox,
    params: entryParams(entry),
    redactedParams: entry.redactedPaths,
  };
  const response: JsonObject = {
    httpStatus: entry.httpStatus ?? null,
    latencyMs: entry.latencyMs ?? null,
    requestId: entry.requestId ?? null,
    error: entry.error ? { code: entry.error.code, message: entry.error.message } : null,
    ...bodyFields(body),
  };
  return stringifyJson({ id: entry.id, request, response }, 2) + '\n';
}

function bodyFields(body: string | undefined): JsonObject {
  if (body === undefined) {
    return { body: null };
  }
  let parsed: JsonValue;
  try {
    parsed = parseAnswerJson(body);
  } catch {
    return { body: null, bodyText: body };
  }
  return { body: parsed };
}
