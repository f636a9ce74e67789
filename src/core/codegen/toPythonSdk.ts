import { stringifyJson } from '../json';
import type { CallSpec } from '../requests/types';
import { commentLines, CREDENTIAL_ENV, sdkSettings } from './sdkSettings';
import { findSensitiveValues, withSensitiveReplaced } from './sensitiveValues';
import type { GeneratedCode, ResolvedTarget, SnippetOptions } from './types';

/**
 * A Python script for tencentcloud-sdk-python: the parameters are embedded as their exact JSON text
 * and loaded with `from_json_string`; Python's integers keep every digit.
 */
export function toPythonSdk(spec: CallSpec, target: ResolvedTarget, options: SnippetOptions = {}): GeneratedCode {
  const s = sdkSettings(spec, target);
  const notes = [...s.notes];
  const sensitive = findSensitiveValues(spec.params);
  const pkg = s.intlOnly ? 'tencentcloud-sdk-python-intl-en' : 'tencentcloud-sdk-python';
  if (s.intlOnly) {
    notes.push(`${s.action} is only in the international API: install ${pkg}, which has the same module names.`);
  }
  const json = stringifyJson(sensitive.length > 0 ? withSensitiveReplaced(spec.params, '') : spec.params);

  const lines: string[] = [];
  lines.push(`# ${s.action} with ${pkg} (pip install ${pkg}).`);
  lines.push(
    `# Credentials are read from the environment: ${CREDENTIAL_ENV.secretId}, ${CREDENTIAL_ENV.secretKey}${options.sessionToken ? `, ${CREDENTIAL_ENV.token}` : ''}.`,
  );
  if (sensitive.length > 0) {
    lines.push(`# So are the sensitive parameters: ${sensitive.map((v) => v.envVar).join(', ')}.`);
  }
  lines.push(...commentLines('#', notes));
  lines.push('import json', 'import os', '');
  lines.push('from tencentcloud.common import credential');
  lines.push('from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException');
  lines.push('from tencentcloud.common.profile.client_profile import ClientProfile');
  lines.push('from tencentcloud.common.profile.http_profile import HttpProfile');
  lines.push('from tencentcloud.trtc.v20190722 import models, trtc_client', '');
  lines.push(`PARAMS = ${pythonString(json)}`, '');
  lines.push('try:');
  const token = options.sessionToken ? `, os.environ.get(${JSON.stringify(CREDENTIAL_ENV.token)})` : '';
  lines.push(
    `    cred = credential.Credential(os.environ[${JSON.stringify(CREDENTIAL_ENV.secretId)}], os.environ[${JSON.stringify(CREDENTIAL_ENV.secretKey)}]${token})`,
  );
  const http: string[] = [];
  if (s.endpoint) {
    http.push(`endpoint=${JSON.stringify(s.endpoint)}`);
  }
  if (s.scheme === 'http') {
    http.push('protocol="http"');
  }
  if (s.httpMethod) {
    http.push(`reqMethod=${JSON.stringify(s.httpMethod)}`);
  }
  // The protocol must go to the constructor: HttpProfile copies it into its scheme only there.
  lines.push(`    http_profile = HttpProfile(${http.join(', ')})`);
  const profile = ['httpProfile=http_profile'];
  if (s.signMethod) {
    profile.push(`signMethod=${JSON.stringify(s.signMethod)}`);
  }
  if (s.language) {
    profile.push(`language=${JSON.stringify(s.language)}`);
  }
  lines.push(`    client_profile = ClientProfile(${profile.join(', ')})`);
  lines.push(`    client = trtc_client.TrtcClient(cred, ${JSON.stringify(s.region)}, client_profile)`, '');
  lines.push(`    req = models.${s.action}Request()`);
  if (sensitive.length > 0) {
    lines.push('    params = json.loads(PARAMS)');
    for (const v of sensitive) {
      const access = v.path.map((p) => `[${JSON.stringify(p)}]`).join('');
      lines.push(`    params${access} = os.environ[${JSON.stringify(v.envVar)}]`);
    }
    lines.push('    req.from_json_string(json.dumps(params))', '');
  } else {
    lines.push('    req.from_json_string(PARAMS)', '');
  }
  lines.push(`    resp = client.${s.action}(req)`);
  lines.push('    print(resp.to_json_string())');
  lines.push('except TencentCloudSDKException as err:');
  lines.push('    print(err)');
  lines.push('    raise SystemExit(1)');
  return { text: lines.join('\n') + '\n', notes };
}

/**
 * A Python literal for JSON text: a raw single-quoted string when the text has no single quote
 * (readable, and json.loads reads its backslashes itself), else a double-quoted literal. JSON string
 * escapes are valid Python escapes with the same meaning, so JSON.stringify makes a correct one.
 */
function pythonString(text: string): string {
  if (!/['\r\n]/.test(text) && !text.endsWith('\\')) {
    return `r'${text}'`;
  }
  return JSON.stringify(text);
}
