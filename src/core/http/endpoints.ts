import { isIP } from 'node:net';
import { InputError } from '../errors';

/** Which host a request goes to. `regional` uses `trtc.<region>.tencentcloudapi.com`. */
export type EndpointChoice =
  | { kind: 'nearest' }
  | { kind: 'regional' }
  | { kind: 'intl' }
  | { kind: 'custom'; url: string };

/** A region the TRTC API can be reached in, with the names people see in pickers. */
export interface RegionInfo {
  /** The region id used in host names and `X-TC-Region`, such as `ap-guangzhou`. */
  id: string;
  /** English display name. */
  en: string;
  /** Chinese display name. */
  zh: string;
}

/** The regional endpoints of the TRTC API, in the order of Tencent's endpoint table. */
export const REGIONS: readonly RegionInfo[] = [
  { id: 'ap-guangzhou', en: 'South China (Guangzhou)', zh: '华南地区(广州)' },
  { id: 'ap-shanghai', en: 'East China (Shanghai)', zh: '华东地区(上海)' },
  { id: 'ap-beijing', en: 'North China (Beijing)', zh: '华北地区(北京)' },
  { id: 'ap-chengdu', en: 'Southwest China (Chengdu)', zh: '西南地区(成都)' },
  { id: 'ap-chongqing', en: 'Southwest China (Chongqing)', zh: '西南地区(重庆)' },
  { id: 'ap-hongkong', en: 'Hong Kong, Macao, Taiwan (Hong Kong, China)', zh: '港澳台地区(中国香港)' },
  { id: 'ap-singapore', en: 'Southeast Asia (Singapore)', zh: '亚太东南(新加坡)' },
  { id: 'ap-bangkok', en: 'Southeast Asia (Bangkok)', zh: '亚太东南(曼谷)' },
  { id: 'ap-mumbai', en: 'South Asia (Mumbai)', zh: '亚太南部(孟买)' },
  { id: 'ap-seoul', en: 'Northeast Asia (Seoul)', zh: '亚太东北(首尔)' },
  { id: 'ap-tokyo', en: 'Northeast Asia (Tokyo)', zh: '亚太东北(东京)' },
  { id: 'na-ashburn', en: 'U.S. East Coast (Virginia)', zh: '美国东部(弗吉尼亚)' },
  { id: 'na-siliconvalley', en: 'U.S. West Coast (Silicon Valley)', zh: '美国西部(硅谷)' },
  { id: 'na-toronto', en: 'North America (Toronto)', zh: '北美地区(多伦多)' },
  { id: 'eu-frankfurt', en: 'Europe (Frankfurt)', zh: '欧洲地区(法兰克福)' },
];

/** The host that routes each call to the nearest region (China site). */
/** The TC3 service name of every TRTC host, the first label of `trtc.tencentcloudapi.com`. */
export const TRTC_SERVICE = 'trtc';

/** The API version every TRTC request carries. */
export const TRTC_VERSION = '2019-07-22';

export const NEAREST_HOST = 'trtc.tencentcloudapi.com';

/** The nearest-region host of the international site. */
export const INTL_HOST = 'trtc.intl.tencentcloudapi.com';

/** Display names of the nearest-region choice, for pickers that list it beside the regions. */
export const NEAREST_LABEL = { en: 'Nearest region (recommended)', zh: '就近接入(推荐)' } as const;

const REGION_BY_ID = new Map(REGIONS.map((r) => [r.id, r]));

/** Looks up a region by id; undefined when the id is not one of {@link REGIONS}. */
export function findRegion(id: string): RegionInfo | undefined {
  return REGION_BY_ID.get(id);
}

/** The regional host for a known region, such as `trtc.ap-guangzhou.tencentcloudapi.com`. */
export function regionHost(region: string): string {
  if (!REGION_BY_ID.has(region)) {
    throw new InputError(
      `Unknown region "${region}". Use one of: ${REGIONS.map((r) => r.id).join(', ')}`,
      'region',
    );
  }
  return `trtc.${region}.tencentcloudapi.com`;
}

/** Where a request goes: the origin to connect to and the `Host` header to sign. */
export interface ResolvedEndpoint {
  /** Scheme, host and non-default port, no trailing slash: `https://trtc.tencentcloudapi.com`. */
  origin: string;
  /** The `Host` header value, with the port when it is not the scheme's default. */
  host: string;
  /** True when the user typed the URL (a stand-in server, a gateway), false for Tencent's hosts. */
  custom: boolean;
}

/**
 * True for host names that can only mean this machine: 127.0.0.0/8, ::1 and `localhost`
 * (including `*.localhost`). Accepts IPv6 with or without brackets.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) {
    return true;
  }
  const family = isIP(h);
  if (family === 4) {
    return h.startsWith('127.');
  }
  if (family === 6) {
    if (h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h) || h === '0:0:0:0:0:0:0:1') {
      return true;
    }
    // An IPv4-mapped loopback address such as ::ffff:127.0.0.1.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    return mapped !== null && mapped[1].startsWith('127.');
  }
  return false;
}

/**
 * Turns the user's endpoint choice into an origin and a `Host` header. `regional` needs a known
 * region; a custom URL must be HTTPS (plain HTTP only for this machine), with no path, query,
 * fragment or credentials, because the API always lives at `/` and keys never go in URLs.
 */
export function resolveEndpoint(choice: EndpointChoice, region?: string): ResolvedEndpoint {
  switch (choice.kind) {
    case 'nearest':
      return { origin: `https://${NEAREST_HOST}`, host: NEAREST_HOST, custom: false };
    case 'intl':
      return { origin: `https://${INTL_HOST}`, host: INTL_HOST, custom: false };
    case 'regional': {
      if (!region) {
        throw new InputError(
          'A regional endpoint needs a region: choose one (for example ap-guangzhou) or use the nearest-region endpoint',
          'region',
        );
      }
      const host = regionHost(region);
      return { origin: `https://${host}`, host, custom: false };
    }
    case 'custom':
      return resolveCustomEndpoint(choice.url);
  }
}

function resolveCustomEndpoint(raw: string): ResolvedEndpoint {
  const text = raw.trim();
  if (text === '') {
    throw new InputError('The custom endpoint is empty: enter a URL such as https://trtc.example.com', 'endpoint');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(
      `The custom endpoint "${describeForError(text)}" is not a valid URL: write it with its scheme, such as https://trtc.example.com`,
      'endpoint',
    );
  }
  // Checked first so that no later message repeats a URL that carries a password.
  if (url.username !== '' || url.password !== '') {
    throw new InputError(
      'The custom endpoint must not contain a user name or password: credentials are sent as a signature, never in the URL',
      'endpoint',
    );
  }
  const shown = `${url.protocol}//${url.host}`;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`The custom endpoint must start with https:// (got ${url.protocol}//)`, 'endpoint');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError(
      `The custom endpoint ${shown} uses plain http://, which would send signed requests unencrypted: use https://, ` +
        'or http:// only for a server on this machine (localhost, 127.0.0.1, ::1)',
      'endpoint',
    );
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new InputError(
      `The custom endpoint must not have a path (got "${url.pathname}"): the API is always served at /, so use ${shown}`,
      'endpoint',
    );
  }
  if (url.search !== '' || text.includes('?')) {
    throw new InputError(`The custom endpoint must not have a query string: use ${shown}`, 'endpoint');
  }
  if (url.hash !== '' || text.includes('#')) {
    throw new InputError(`The custom endpoint must not have a fragment: use ${shown}`, 'endpoint');
  }
  // URL already drops a port equal to the scheme's default, so `host` carries only a real one.
  return { origin: url.origin, host: url.host, custom: true };
}

/** Keeps error messages short and free of anything that looks like a password. */
function describeForError(text: string): string {
  const masked = text.replace(/\/\/[^/@]*@/, '//***@');
  return masked.length > 80 ? `${masked.slice(0, 77)}...` : masked;
}
