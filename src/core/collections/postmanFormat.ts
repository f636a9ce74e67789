import { stringifyJson, type JsonValue } from '../json';

// What the Postman export and import share: the file's schema, the variables an export declares,
// the names of dynamic variables on both sides, and the marker of our own signing script.

/** The `info.schema` of a Postman Collection v2.1 file. */
export const POSTMAN_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** The collection variable every exported request's URL starts with. */
export const POSTMAN_ENDPOINT_VARIABLE = 'trtc_endpoint';

/** Collection variables for the signing keys: exported empty, filled in by the user inside Postman. */
export const POSTMAN_CREDENTIAL_VARIABLES = ['secretId', 'secretKey', 'sessionToken'] as const;

/** Our built-in variables and Postman's equivalents. */
export const DYNAMIC_TO_POSTMAN: Record<string, string> = {
  $timestamp: '$timestamp',
  $isoDate: '$isoTimestamp',
  $randomInt: '$randomInt',
  $uuid: '$guid',
};
/** Postman's dynamic variables and ours. */
export const DYNAMIC_FROM_POSTMAN: Record<string, string> = {
  $timestamp: '$timestamp',
  $isoTimestamp: '$isoDate',
  $randomInt: '$randomInt',
  $guid: '$uuid',
  $randomUUID: '$uuid',
};

/** Marks the script as ours so an import of our own export does not warn about it. */
/** Marks the script as ours so an import of our own export does not warn about it. */
export const SCRIPT_MARKER = 'TRTC API Explorer: TC3-HMAC-SHA256 signing';

/** Renames `{{$name}}` dynamic variables with a table (ours to Postman's or back). */
export function mapDynamicNames(text: string, table: Record<string, string>): string {
  return text.replace(/\{\{\s*(\$[\w.-]+)\s*\}\}/g, (m, name: string) => (table[name] ? `{{${table[name]}}}` : m));
}

/** A Postman variable value as text. */
export function variableText(value: JsonValue): string {
  return typeof value === 'string' ? value : stringifyJson(value);
}

