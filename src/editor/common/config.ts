import * as vscode from 'vscode';
import type { SpecDefaults } from '../../core/requests/completeSpec';
import type { EndpointChoice } from '../../core/requests/types';
import type { HttpMethod, Language, SignedHeadersMode, SignMethod } from '../../core/signing/types';

/** Setting keys under the `trtcExplorer` section. */
export const enum SettingKey {
  DefaultRegion = 'defaultRegion',
  Language = 'language',
  SignMethod = 'signMethod',
  HttpMethod = 'httpMethod',
  SignedHeaders = 'signedHeaders',
  TimeoutMs = 'timeoutMs',
  Endpoint = 'endpoint',
  Site = 'site',
  Proxy = 'proxy',
  HistoryMaxEntries = 'history.maxEntries',
  HistoryMaxBodyBytes = 'history.maxBodyBytes',
  ConfirmProduction = 'confirmProduction',
}

const SECTION = 'trtcExplorer';

/** The extension's settings, read in one place with their defaults. */
export interface ExplorerConfig {
  defaultRegion: string;
  /** `auto` follows the editor's display language. */
  language: Language | 'auto';
  signMethod: SignMethod;
  httpMethod: HttpMethod;
  signedHeaders: SignedHeadersMode;
  timeoutMs: number;
  /** A custom endpoint URL (machine scope), or '' for the Tencent hosts. */
  endpoint: string;
  /** Which Tencent host: the nearest (`cn`), the region's own host, or the international site. */
  site: 'nearest' | 'regional' | 'intl';
  /** Proxy URL (application scope); '' uses the editor's http.proxy and the environment. */
  proxy: string;
  historyMaxEntries: number;
  historyMaxBodyBytes: number;
  /** Ask before state-changing calls with a production profile. */
  confirmProduction: boolean;
}

/** Reads the current settings. Machine- and application-scoped ones ignore workspace values by design. */
export function readConfig(): ExplorerConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  const editorProxy = vscode.workspace.getConfiguration('http').get<string>('proxy', '');
  return {
    defaultRegion: c.get<string>(SettingKey.DefaultRegion, 'ap-guangzhou'),
    language: c.get<Language | 'auto'>(SettingKey.Language, 'auto'),
    signMethod: c.get<SignMethod>(SettingKey.SignMethod, 'TC3-HMAC-SHA256'),
    httpMethod: c.get<HttpMethod>(SettingKey.HttpMethod, 'POST'),
    signedHeaders: c.get<SignedHeadersMode>(SettingKey.SignedHeaders, 'content-type;host'),
    timeoutMs: c.get<number>(SettingKey.TimeoutMs, 30_000),
    endpoint: c.get<string>(SettingKey.Endpoint, ''),
    site: c.get<'nearest' | 'regional' | 'intl'>(SettingKey.Site, 'nearest'),
    proxy: c.get<string>(SettingKey.Proxy, '') || editorProxy,
    historyMaxEntries: c.get<number>(SettingKey.HistoryMaxEntries, 5000),
    historyMaxBodyBytes: c.get<number>(SettingKey.HistoryMaxBodyBytes, 1024 * 1024),
    confirmProduction: c.get<boolean>(SettingKey.ConfirmProduction, true),
  };
}

/** True when a configuration change touches one of our settings (or the editor's proxy). */
export function affectsExplorer(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION) || e.affectsConfiguration('http.proxy');
}

/** The API language: the setting, or the editor's display language when `auto`. */
export function effectiveLanguage(config: ExplorerConfig): Language {
  if (config.language !== 'auto') {
    return config.language;
  }
  return isChineseUi() ? 'zh-CN' : 'en-US';
}

/** True when the editor runs in Chinese, so catalog texts prefer the Chinese descriptions. */
export function isChineseUi(): boolean {
  return vscode.env.language.toLowerCase().startsWith('zh');
}

/** Where calls go by the settings: the endpoint override, else the chosen Tencent host. */
export function configuredEndpoint(config: ExplorerConfig): EndpointChoice {
  if (config.endpoint) {
    return { kind: 'custom', url: config.endpoint };
  }
  return config.site === 'intl' ? { kind: 'intl' } : config.site === 'regional' ? { kind: 'regional' } : { kind: 'nearest' };
}

/**
 * What the settings say about every call a spec leaves open: where it goes, its language, methods,
 * signed headers, time limit and region. Callers put the session's region over `region`.
 */
export function settingsDefaults(config: ExplorerConfig = readConfig()): Required<SpecDefaults> {
  return {
    region: config.defaultRegion,
    endpoint: configuredEndpoint(config),
    language: effectiveLanguage(config),
    signMethod: config.signMethod,
    httpMethod: config.httpMethod,
    signedHeaders: config.signedHeaders,
    timeoutMs: config.timeoutMs,
  };
}
