import type { InitData, PanelState, ProfileOption, RequestOptions } from '../../shared/requestProtocol';

/** How the page presents the parameters. */
export type EditorMode = 'form' | 'json';

/** What the page starts from after `init`: the host's data, or the page's own saved state. */
export interface StartingPoint {
  paramsText: string;
  options: RequestOptions;
  mode: EditorMode;
  requiredOnly: boolean;
  /** The saved state was used (its parameters or options differ from what the host knows). */
  restored: boolean;
}

const SIGN_METHODS: ReadonlyArray<RequestOptions['signMethod']> = ['TC3-HMAC-SHA256', 'HmacSHA256', 'HmacSHA1'];
const HTTP_METHODS: ReadonlyArray<RequestOptions['httpMethod']> = ['POST', 'GET'];
const LANGUAGES: ReadonlyArray<RequestOptions['language']> = ['zh-CN', 'en-US'];

function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

/**
 * Decides what the page shows after `init`. The saved state wins for the same action: it was
 * written on every keystroke, so after the webview is hidden and shown again, or after a window
 * reload, it is at least as recent as what the host last heard (parameters reach the host only
 * after a debounce). A saved profile that no longer exists falls back to the host's choice.
 */
export function startingPoint(init: InitData, saved: unknown): StartingPoint {
  const base: StartingPoint = { paramsText: init.paramsText, options: { ...init.options }, mode: 'form', requiredOnly: false, restored: false };
  if (typeof saved !== 'object' || saved === null) {
    return base;
  }
  const s = saved as Partial<Record<keyof PanelState, unknown>>;
  if (s.action !== init.action.name) {
    return base;
  }
  const out = { ...base };
  if (typeof s.paramsText === 'string') {
    out.paramsText = s.paramsText;
  }
  if (s.mode === 'form' || s.mode === 'json') {
    out.mode = s.mode;
  }
  if (typeof s.requiredOnly === 'boolean') {
    out.requiredOnly = s.requiredOnly;
  }
  const o = typeof s.options === 'object' && s.options !== null ? (s.options as Record<string, unknown>) : {};
  const options: RequestOptions = { ...init.options };
  if (typeof o.profile === 'string' && init.profiles.some((p) => p.name === o.profile)) {
    options.profile = o.profile;
  }
  if (typeof o.region === 'string' && o.region.length <= 64) {
    options.region = o.region;
  }
  if (isOneOf(SIGN_METHODS, o.signMethod)) {
    options.signMethod = o.signMethod;
  }
  if (isOneOf(HTTP_METHODS, o.httpMethod)) {
    options.httpMethod = o.httpMethod;
  }
  if (isOneOf(LANGUAGES, o.language)) {
    options.language = o.language;
  }
  out.options = options;
  out.restored = out.paramsText !== init.paramsText || !sameOptions(options, init.options);
  return out;
}

/** True when two option sets select the same things. */
export function sameOptions(a: RequestOptions, b: RequestOptions): boolean {
  return a.profile === b.profile && a.region === b.region && a.signMethod === b.signMethod && a.httpMethod === b.httpMethod && a.language === b.language;
}

/** The profile name the host uses for the sandbox, which needs no credentials. */
export const SANDBOX_PROFILE = '$sandbox';

/** Profiles that hold real credentials (everything but the sandbox entry). */
export function realProfiles(profiles: readonly ProfileOption[]): ProfileOption[] {
  return profiles.filter((p) => p.name !== SANDBOX_PROFILE);
}
