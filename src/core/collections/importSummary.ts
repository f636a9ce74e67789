import type { CurlImportResult } from './curlImport';
import type { PostmanImportResult } from './postman';

export { untrustedEndpointWarning } from './httpRequestImport';

/** The lines of a Postman import's details, as the editor lists them and the command line prints them. */
export function postmanImportSummary(result: PostmanImportResult): string[] {
  return [
    ...result.skipped.map((s) => `Skipped ${[...s.path, s.name].join(' / ')}: ${s.reason}`),
    ...result.dropped.map((d) => `Left out (credentials are never imported): ${d}`),
    ...result.warnings,
  ];
}

/** The lines of a curl import's details, as the editor lists them and the command line prints them. */
export function curlImportSummary(result: CurlImportResult): string[] {
  return result.commands.flatMap((c) => [
    ...(c.skipReason ? [`command ${c.index}: ${c.skipReason}`] : []),
    ...c.dropped.map((d) => `command ${c.index}: left out ${d}`),
    ...c.warnings.map((w) => `command ${c.index}: ${w}`),
  ]);
}
