import { classifyHost } from '../http/trtcHosts';
import { entryParams, type HistoryEntry } from './historyEntry';
import type { CallSpec, EndpointChoice } from '../requests/types';

/**
 * The endpoint choice that reaches a recorded origin again. Tencent's own hosts map back to their
 * choice (nearest, international, a region's host), so a re-run goes through the same resolution
 * as a new call; any other origin (a stand-in, a gateway) is replayed as a custom URL.
 */
export function endpointChoiceFromOrigin(origin: string, region?: string): EndpointChoice {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return { kind: 'custom', url: origin };
  }
  if (url.protocol === 'https:' && url.port === '') {
    const host = classifyHost(url.host);
    if (host.kind === 'nearest' || host.kind === 'intl') {
      return { kind: host.kind };
    }
    // A regional host only stands for itself when the call's region names the same region.
    if (host.kind === 'regional' && (region === undefined || region === host.region)) {
      return { kind: 'regional' };
    }
  }
  return { kind: 'custom', url: url.origin };
}

/**
 * Rebuilds the call a history entry recorded, for a re-run: same action, parameters, region,
 * endpoint and methods. It is signed again when sent, with the current time. Redacted values read
 * `<redacted>`; callers check `entry.redactedPaths` before sending.
 */
export function entryCallSpec(entry: HistoryEntry): CallSpec {
  const spec: CallSpec = {
    action: entry.action,
    params: entryParams(entry),
    endpoint: endpointChoiceFromOrigin(entry.endpoint, entry.region),
    signMethod: entry.signMethod,
    httpMethod: entry.httpMethod,
  };
  const hostRegion = regionOfRegionalOrigin(entry.endpoint);
  const region = entry.region ?? hostRegion;
  if (region) {
    spec.region = region;
  }
  return spec;
}

function regionOfRegionalOrigin(origin: string): string | undefined {
  try {
    const host = classifyHost(new URL(origin).host);
    return host.kind === 'regional' ? host.region : undefined;
  } catch {
    return undefined;
  }
}
