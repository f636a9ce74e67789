import { InputError } from '../errors';
import { INTL_HOST, NEAREST_HOST, REGIONS, resolveEndpoint } from './endpoints';

/**
 * Which endpoints may receive a signed request. Every path that signs or sends asks one of these
 * first (`prepareCall` does, so the executor, `sign`, code export and the signature steps all do),
 * and it is asked about the endpoint after `{{variables}}` were resolved, so a value from a file
 * cannot smuggle a host past it.
 */
export interface EndpointPolicy {
  /** True when requests may be signed for and sent to this origin (`https://host[:port]`). */
  isTrusted(origin: string): boolean;
  /** One sentence telling the user how to trust the origin, for the refusal message. */
  howToTrust(origin: string): string;
}

/** Tencent's own TRTC origins: the nearest host, the international host and the known regions' hosts. */
export const TENCENT_ORIGINS: ReadonlySet<string> = new Set([
  `https://${NEAREST_HOST}`,
  `https://${INTL_HOST}`,
  ...REGIONS.map((r) => `https://trtc.${r.id}.tencentcloudapi.com`),
]);

/** True for one of {@link TENCENT_ORIGINS}, compared as origins (case and a default port do not matter). */
export function isTencentOrigin(origin: string): boolean {
  return TENCENT_ORIGINS.has(canonicalOrigin(origin) ?? '');
}

/**
 * An origin in the one spelling every comparison uses: lower-case host, no default port, no
 * trailing slash. Undefined for text that is not an http(s) URL.
 */
export function canonicalOrigin(url: string): string | undefined {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The origin of an endpoint the user wants to trust, checked like any custom endpoint (HTTPS, or
 * HTTP on this machine; no path, query or credentials). Throws an `InputError` naming the problem.
 */
export function trustableOrigin(url: string): string {
  return resolveEndpoint({ kind: 'custom', url }).origin;
}

/** Tencent's hosts and nothing else: what a front end starts from before the user trusts anything. */
export function tencentOnly(howToTrust: (origin: string) => string = defaultHowToTrust): EndpointPolicy {
  return { isTrusted: isTencentOrigin, howToTrust };
}

/** Tencent's hosts plus the given origins (URLs are reduced to their origin). */
export function trustOrigins(origins: Iterable<string>, howToTrust: string | ((origin: string) => string)): EndpointPolicy {
  const trusted = new Set<string>();
  for (const o of origins) {
    const c = canonicalOrigin(o);
    if (c) trusted.add(c);
  }
  const how = typeof howToTrust === 'string' ? () => howToTrust : howToTrust;
  return {
    isTrusted: (origin) => {
      const c = canonicalOrigin(origin);
      return c !== undefined && (TENCENT_ORIGINS.has(c) || trusted.has(c));
    },
    howToTrust: how,
  };
}

function defaultHowToTrust(origin: string): string {
  return `Add ${origin} to the trusted endpoints first.`;
}

/**
 * A request was refused before it was signed because its endpoint is not trusted. The message
 * names the endpoint and how to trust it; an `InputError`, so the command line exits with 2.
 */
export class UntrustedEndpointError extends InputError {
  /** The same refusal in Chinese, for front ends that show the user's language. */
  readonly zh: string;

  constructor(
    /** The refused origin, such as `https://gateway.example.com`. */
    readonly origin: string,
    /** How to trust it, as the policy said. */
    readonly howToTrust: string,
  ) {
    super(
      `The endpoint ${origin} is not trusted, so nothing was signed for it or sent to it: ` +
        `only Tencent Cloud's TRTC hosts are used unless you trust another one. ${howToTrust}`,
      'endpoint',
    );
    this.zh = `终端节点 ${origin} 未被信任，因此没有为它签名，也没有向它发送任何内容：除非您信任其他主机，否则只使用腾讯云的 TRTC 主机。${howToTrust}`;
  }
}

/** Throws an {@link UntrustedEndpointError} unless the policy trusts the origin. */
export function assertTrustedEndpoint(origin: string, policy: EndpointPolicy): void {
  if (!policy.isTrusted(origin)) {
    throw new UntrustedEndpointError(origin, policy.howToTrust(origin));
  }
}
