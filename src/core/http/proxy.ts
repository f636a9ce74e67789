import { BlockList, isIP } from 'node:net';
import { ConfigError } from '../errors';
import { isLoopbackHost } from './endpoints';

/** How the client picks a proxy: an explicit setting, the environment, and the bypass list. */
export interface ProxySettings {
  /**
   * A proxy URL (`http://proxy.corp:3128`; `host:port` means `http://host:port`) that overrides the
   * environment, `false` to never use a proxy, or undefined/empty to follow `HTTPS_PROXY` and friends.
   * This is where the editor's `http.proxy` setting goes.
   */
  proxy?: string | false;
  /** Hosts that bypass the proxy; overrides `NO_PROXY` when given. A string (comma or space separated) or a list. */
  noProxy?: string | readonly string[];
  /** Environment to read proxy variables from; `process.env` when omitted (tests pass their own). */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Send requests to this machine (localhost, 127.0.0.0/8, ::1) through the proxy too. Off by default:
   * a corporate proxy cannot reach the user's local stand-in server.
   */
  proxyLoopback?: boolean;
}

/** One parsed `NO_PROXY` entry. */
export interface NoProxyRule {
  /** Lower-case host or domain without a leading dot; `*` matches everything. */
  host: string;
  /** 0 matches every port. */
  port: number;
  /** Set for CIDR entries such as `10.0.0.0/8`. */
  block?: BlockList;
}

/** The proxy chosen for one target, with a description that is safe to show (no credentials). */
export interface ProxyChoice {
  url: string;
  display: string;
}

/**
 * Picks the proxy for a target origin, or undefined to connect directly. The explicit `proxy`
 * setting wins over the environment; for https targets the environment is `HTTPS_PROXY`,
 * `https_proxy`, then `HTTP_PROXY`, `http_proxy`; for http targets only the last two. `NO_PROXY`
 * (or `noProxy`) applies either way, and this machine is never proxied unless `proxyLoopback` is set.
 */
export function chooseProxy(target: URL, settings: ProxySettings = {}): ProxyChoice | undefined {
  if (settings.proxy === false) {
    return undefined;
  }
  const env = settings.env ?? process.env;
  const explicit = typeof settings.proxy === 'string' ? settings.proxy.trim() : '';
  const raw = explicit !== '' ? explicit : proxyFromEnv(target.protocol, env);
  if (raw === undefined) {
    return undefined;
  }
  const hostname = target.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!settings.proxyLoopback && isLoopbackHost(hostname)) {
    return undefined;
  }
  const port = target.port !== '' ? Number(target.port) : target.protocol === 'https:' ? 443 : 80;
  const rules = parseNoProxy(settings.noProxy ?? env.NO_PROXY ?? env.no_proxy ?? '');
  if (bypassesProxy(hostname, port, rules)) {
    return undefined;
  }
  return normalizeProxyUrl(raw, explicit !== '' ? 'the proxy setting' : 'the proxy environment variable');
}

function proxyFromEnv(protocol: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const names = protocol === 'https:' ? ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] : ['HTTP_PROXY', 'http_proxy'];
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) {
      return value;
    }
  }
  return undefined;
}

/**
 * Parses a `NO_PROXY` value: entries separated by commas or spaces; `*` bypasses everything;
 * `example.com` and `.example.com` (or `*.example.com`) match that domain and its subdomains, as
 * curl, Go and undici do; `host:port` limits an entry to one port; `10.0.0.0/8` matches an IP range.
 */
export function parseNoProxy(value: string | readonly string[]): NoProxyRule[] {
  const entries = typeof value === 'string' ? value.split(/[\s,]+/) : value.flatMap((v) => v.split(/[\s,]+/));
  const rules: NoProxyRule[] = [];
  for (const rawEntry of entries) {
    const entry = rawEntry.trim().toLowerCase();
    if (entry === '') {
      continue;
    }
    if (entry === '*') {
      rules.push({ host: '*', port: 0 });
      continue;
    }
    const cidr = /^([0-9a-f.:]+)\/(\d{1,3})$/.exec(entry);
    if (cidr && isIP(cidr[1]) !== 0) {
      const block = new BlockList();
      const family = isIP(cidr[1]) === 4 ? 'ipv4' : 'ipv6';
      try {
        block.addSubnet(cidr[1], Number(cidr[2]), family);
        rules.push({ host: entry, port: 0, block });
      } catch {
        // A prefix length out of range cannot match anything; ignore it as curl does.
      }
      continue;
    }
    let host = entry;
    let port = 0;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed) {
      host = bracketed[1];
      port = bracketed[2] ? Number(bracketed[2]) : 0;
    } else {
      const withPort = /^(.*[^:]):(\d+)$/.exec(entry);
      // A bare IPv6 address such as ::1 has colons but no port.
      if (withPort && isIP(entry) !== 6) {
        host = withPort[1];
        port = Number(withPort[2]);
      }
    }
    host = host.replace(/^\*?\./, '').replace(/\.$/, '');
    if (host !== '') {
      rules.push({ host, port });
    }
  }
  return rules;
}

/** True when a host and port match one of the parsed `NO_PROXY` rules. */
export function bypassesProxy(hostname: string, port: number, rules: readonly NoProxyRule[]): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  const family = isIP(host);
  for (const rule of rules) {
    if (rule.host === '*') {
      return true;
    }
    if (rule.port !== 0 && rule.port !== port) {
      continue;
    }
    if (rule.block) {
      if (family !== 0 && rule.block.check(host, family === 4 ? 'ipv4' : 'ipv6')) {
        return true;
      }
      continue;
    }
    if (host === rule.host || (family === 0 && host.endsWith(`.${rule.host}`))) {
      return true;
    }
  }
  return false;
}

/** Validates a proxy URL and returns it with a display form that hides any user name and password. */
export function normalizeProxyUrl(raw: string, source = 'the proxy setting'): ProxyChoice {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError(`${capitalize(source)} is not a valid URL (${maskProxyText(raw)}): use a form such as http://proxy.example.com:3128`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${capitalize(source)} uses ${url.protocol}// which is not supported: use an http:// or https:// proxy`);
  }
  if (url.hostname === '') {
    throw new ConfigError(`${capitalize(source)} has no host name: use a form such as http://proxy.example.com:3128`);
  }
  return { url: url.href, display: `${url.protocol}//${url.host}` };
}

function maskProxyText(text: string): string {
  const masked = text.replace(/^([^@/]*\/\/)?[^@/]*@/, (_m, scheme: string | undefined) => `${scheme ?? ''}***@`);
  return masked.length > 80 ? `${masked.slice(0, 77)}...` : masked;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
