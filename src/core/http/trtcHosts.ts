import { INTL_HOST, NEAREST_HOST, TRTC_VERSION, type EndpointChoice } from './endpoints';

/** TRTC's API version, which every request carries in `X-TC-Version` or `Version`. */
export const TRTC_API_VERSION = TRTC_VERSION;

/** The host that routes to the nearest region (China site). */
export const TRTC_NEAREST_HOST = NEAREST_HOST;

/** The host of the international site. */
export const TRTC_INTL_HOST = INTL_HOST;

/**
 * The host of one region: `trtc.ap-guangzhou.tencentcloudapi.com`. Unlike `regionHost` of the HTTP
 * layer it does not check the region, because a saved request may name it as `{{Region}}`.
 */
export function regionalHost(region: string): string {
  return `trtc.${region}.tencentcloudapi.com`;
}

/** What a host name says about where a request goes. */
export type HostKind =
  | { kind: 'nearest' }
  | { kind: 'intl' }
  | { kind: 'regional'; region: string }
  /** Another Tencent Cloud service's API host, such as `cvm.tencentcloudapi.com`. */
  | { kind: 'otherService'; service: string }
  /** A `{{variable}}` standing for the host. */
  | { kind: 'variable' }
  | { kind: 'other' };

/** Classifies a host (with or without a port), case-insensitively. */
export function classifyHost(hostAndPort: string): HostKind {
  const variableRegion = /^trtc\.(\{\{\s*[\w.-]+\s*\}\})\.tencentcloudapi\.com$/i.exec(hostAndPort);
  if (variableRegion) {
    return { kind: 'regional', region: variableRegion[1] };
  }
  if (hostAndPort.includes('{{')) {
    return { kind: 'variable' };
  }
  const host = hostAndPort.replace(/:\d+$/, '').toLowerCase().replace(/\.$/, '');
  if (host === TRTC_NEAREST_HOST) {
    return { kind: 'nearest' };
  }
  if (host === TRTC_INTL_HOST) {
    return { kind: 'intl' };
  }
  const regional = /^trtc\.([a-z]+(?:-[a-z0-9]+)+)\.tencentcloudapi\.com$/.exec(host);
  if (regional) {
    return { kind: 'regional', region: regional[1] };
  }
  const other = /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)*tencentcloudapi\.com$/.exec(host);
  if (other) {
    return { kind: 'otherService', service: other[1] };
  }
  return { kind: 'other' };
}

/**
 * The origin a saved request's endpoint stands for (a `{{Region}}` region stays a reference in the
 * host), or undefined when it has none (the user's default applies) or it is regional without a region.
 */
export function endpointOrigin(endpoint: EndpointChoice | undefined, region: string | undefined): string | undefined {
  switch (endpoint?.kind) {
    case 'nearest':
      return `https://${TRTC_NEAREST_HOST}`;
    case 'intl':
      return `https://${TRTC_INTL_HOST}`;
    case 'regional':
      return region ? `https://${regionalHost(region)}` : undefined;
    case 'custom':
      return endpoint.url.replace(/\/+$/, '');
    default:
      return undefined;
  }
}
