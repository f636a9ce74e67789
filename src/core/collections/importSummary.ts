import type { RequestItem } from './collectionFormat';
import type { CurlImportResult } from './curlImport';
import type { PostmanImportResult } from './postman';
import { classifyHost } from '../http/trtcHosts';

/**
 * The warning an imported request gets when its custom endpoint is not a Tencent Cloud host: the
 * request is kept with that endpoint, but nothing an import brings in is trusted, so the endpoint is
 * not used until the user trusts it. A loopback stand-in is as foreign to an import as any other
 * host, so it is named too; Tencent Cloud hosts are not.
 */
export function untrustedEndpointWarning(request: RequestItem): { url: string; warning: string } | undefined {
  if (request.endpoint?.kind !== 'custom') {
    return undefined;
  }
  const url = request.endpoint.url;
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? url;
  const kind = classifyHost(host).kind;
  if (kind !== 'other' && kind !== 'variable') {
    return undefined;
  }
  return {
    url,
    warning: `its endpoint ${url} is not a Tencent Cloud host: the request keeps it, but it is NOT trusted and will not be used until you trust it (importing trusts nothing)`,
  };
}

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
