import * as vscode from 'vscode';
import { isTencentOrigin } from '../../core/http/endpointPolicy';
import { resolveEndpoint } from '../../core/http/endpoints';
import { settingsDefaults } from '../common/config';
import type { EndpointTrust } from '../common/endpointTrust';
import { SANDBOX_PROFILE } from '../common/ids';
import type { RequestOptions, TargetView } from '../../shared/requestProtocol';

/**
 * Where a form's request goes, for the line above its toolbar: the method, the endpoint URL the
 * settings choose, the region and the profile. A custom endpoint is judged by the same trust policy
 * that every signing path checks, so the line and the refusal agree.
 */
export function describeTarget(options: RequestOptions, trust: Pick<EndpointTrust, 'policy'>): TargetView {
  const sandbox = options.profile === SANDBOX_PROFILE;
  const profile = sandbox ? vscode.l10n.t('Sandbox (no credentials)') : options.profile;
  let url: string;
  let tencent = true;
  let trusted = true;
  try {
    const endpoint = resolveEndpoint(settingsDefaults().endpoint, options.region);
    url = `${endpoint.origin}/`;
    tencent = isTencentOrigin(endpoint.origin);
    trusted = tencent || trust.policy.isTrusted(endpoint.origin);
  } catch (e) {
    // A custom endpoint that is not a usable URL: the line says so, and nothing can be sent.
    url = e instanceof Error ? e.message : String(e);
    tencent = false;
    trusted = false;
  }
  return { method: options.httpMethod, url, region: options.region, profile, sandbox, tencent, trusted };
}
