import { isJsonObject, isLosslessNumber, numberText, type JsonObject, type JsonValue } from '../json';
import type { CallSpec } from '../requests/types';
import { commentLines, CREDENTIAL_ENV, sdkSettings } from './sdkSettings';
import { findSensitiveValues, pathText, type JsonPath } from './sensitiveValues';
import type { GeneratedCode, ResolvedTarget, SnippetOptions } from './types';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A runnable Node.js script for tencentcloud-sdk-nodejs. Integers beyond 2^53 are written as BigInt
 * literals, which the SDK's JSON writer sends as their exact digits; sensitive parameters are read
 * from environment variables.
 */
export function toNodeSdk(spec: CallSpec, target: ResolvedTarget, options: SnippetOptions = {}): GeneratedCode {
  const s = sdkSettings(spec, target);
  const notes = [...s.notes];
  const sensitive = new Map(findSensitiveValues(spec.params).map((v) => [pathText(v.path), v.envVar]));
  if (s.endpoint && !s.signMethod && s.endpoint.split('.')[0] !== 'trtc') {
    notes.push(
      `This SDK takes the signing service name from the first label of the endpoint ("${s.endpoint.split('.')[0]}" here, not "trtc") and signs the host without its port, so a server that checks signatures strictly may reject the request.`,
    );
  }
  if (s.intlOnly) {
    notes.push(`${s.action} is only in the international API, so the generic client.request is used instead of a named method.`);
  }

  const lines: string[] = [];
  lines.push(`// ${s.action} with tencentcloud-sdk-nodejs (npm install tencentcloud-sdk-nodejs).`);
  lines.push(
    `// Credentials are read from the environment: ${CREDENTIAL_ENV.secretId}, ${CREDENTIAL_ENV.secretKey}${options.sessionToken ? `, ${CREDENTIAL_ENV.token}` : ''}.`,
  );
  if (sensitive.size > 0) {
    lines.push(`// So are the sensitive parameters: ${[...sensitive.values()].join(', ')}.`);
  }
  lines.push(...commentLines('//', notes));
  lines.push('const tencentcloud = require("tencentcloud-sdk-nodejs");', '');
  lines.push('const TrtcClient = tencentcloud.trtc.v20190722.Client;', '');
  lines.push('const client = new TrtcClient({');
  lines.push('  credential: {');
  lines.push(`    secretId: process.env.${CREDENTIAL_ENV.secretId},`);
  lines.push(`    secretKey: process.env.${CREDENTIAL_ENV.secretKey},`);
  if (options.sessionToken) {
    lines.push(`    token: process.env.${CREDENTIAL_ENV.token},`);
  }
  lines.push('  },');
  lines.push(`  region: ${JSON.stringify(s.region)},`);
  const profile: string[] = [];
  if (s.signMethod) {
    profile.push(`    signMethod: ${JSON.stringify(s.signMethod)},`);
  }
  if (s.language) {
    profile.push(`    language: ${JSON.stringify(s.language)},`);
  }
  const http: string[] = [];
  if (s.endpoint) {
    http.push(`      endpoint: ${JSON.stringify(s.endpoint)},`);
  }
  if (s.scheme === 'http') {
    http.push('      protocol: "http://",');
  }
  if (s.httpMethod) {
    http.push(`      reqMethod: ${JSON.stringify(s.httpMethod)},`);
  }
  if (http.length > 0) {
    profile.push('    httpProfile: {', ...http, '    },');
  }
  if (profile.length > 0) {
    lines.push('  profile: {', ...profile, '  },');
  }
  lines.push('});', '');
  lines.push(`const params = ${jsLiteral(spec.params, [], '', sensitive)};`, '');
  const call = s.intlOnly ? `client.request(${JSON.stringify(s.action)}, params)` : `client.${s.action}(params)`;
  lines.push(`${call}.then(`);
  lines.push('  (data) => {');
  lines.push('    // The SDK reads answers with JSON.parse, so integers beyond 2^53 in the answer lose their last digits.');
  lines.push('    console.log(JSON.stringify(data, null, 2));');
  lines.push('  },');
  lines.push('  (err) => {');
  lines.push('    console.error("error", err);');
  lines.push('    process.exitCode = 1;');
  lines.push('  },');
  lines.push(');');
  return { text: lines.join('\n') + '\n', notes };
}

function jsLiteral(value: JsonValue, path: JsonPath, indent: string, sensitive: Map<string, string>): string {
  const env = sensitive.get(pathText(path));
  if (env !== undefined && path.length > 0) {
    return `process.env.${env}`;
  }
  if (value === null || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    return numberText(value);
  }
  if (isLosslessNumber(value)) {
    // BigInt keeps every digit; the SDK serializes it with json-bigint as a plain JSON number.
    return /^-?\d+$/.test(value.value) ? `${value.value}n` : value.value;
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return '[]';
    }
    return `[\n${value.map((v, i) => inner + jsLiteral(v, [...path, i], inner, sensitive)).join(',\n')},\n${indent}]`;
  }
  if (isJsonObject(value)) {
    const entries = Object.entries(value as JsonObject);
    if (entries.length === 0) {
      return '{}';
    }
    const body = entries
      .map(([k, v]) => `${inner}${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${jsLiteral(v, [...path, k], inner, sensitive)}`)
      .join(',\n');
    return `{\n${body},\n${indent}}`;
  }
  return 'null';
}
