import { isJsonObject, stringifyJson, type JsonValue } from '../json';
import type { CallSpec } from '../requests/types';
import { commentLines, CREDENTIAL_ENV, sdkSettings } from './sdkSettings';
import { findSensitiveValues, pathText, withSensitiveReplaced } from './sensitiveValues';
import type { GeneratedCode, ResolvedTarget, SnippetOptions } from './types';

const GO_FIELD = /^[A-Z][A-Za-z0-9_]*$/;

/**
 * A Go program for tencentcloud-sdk-go. The parameters are embedded as their exact JSON text and
 * loaded with `FromJsonString`, which decodes into the request's own typed fields (uint64, int64...),
 * so the values are exactly those of the JSON.
 */
export function toGoSdk(spec: CallSpec, target: ResolvedTarget, options: SnippetOptions = {}): GeneratedCode {
  const s = sdkSettings(spec, target);
  const notes = [...s.notes];
  const sensitive = findSensitiveValues(spec.params);
  const repo = s.intlOnly ? 'github.com/tencentcloud/tencentcloud-sdk-go-intl-en' : 'github.com/tencentcloud/tencentcloud-sdk-go';
  if (s.intlOnly) {
    notes.push(`${s.action} is only in the international API, so the international Go SDK is imported.`);
  }
  const json = stringifyJson(sensitive.length > 0 ? withSensitiveReplaced(spec.params, '') : spec.params);
  // The SDK's serializer drops an empty slice when it runs with the omitempty behaviour (older
  // releases always did, and a program may switch it on), so an empty list the user gave would
  // vanish from the request, which is not the same request as one without the field.
  const emptyLists = emptyListPaths(spec.params);
  if (emptyLists.length > 0) {
    notes.push(
      `The empty list${emptyLists.length > 1 ? 's' : ''} ${emptyLists.join(', ')} ${emptyLists.length > 1 ? 'are' : 'is'} sent as [] because the program sets ` +
        'json.OmitBehaviour = json.OmitNil, which needs tencentcloud-sdk-go v1.0.885 or later; older versions leave an empty list out.',
    );
  }

  const lines: string[] = [];
  lines.push(`// ${s.action} with tencentcloud-sdk-go (go get ${repo}/tencentcloud/trtc).`);
  lines.push(
    `// Credentials are read from the environment: ${CREDENTIAL_ENV.secretId}, ${CREDENTIAL_ENV.secretKey}${options.sessionToken ? `, ${CREDENTIAL_ENV.token}` : ''}.`,
  );
  if (sensitive.length > 0) {
    lines.push(`// So are the sensitive parameters: ${sensitive.map((v) => v.envVar).join(', ')}.`);
  }
  lines.push(...commentLines('//', notes));
  lines.push('package main', '');
  lines.push('import (', '\t"fmt"', '\t"os"', '');
  lines.push(`\t"${repo}/tencentcloud/common"`);
  if (emptyLists.length > 0) {
    lines.push(`\ttcjson "${repo}/tencentcloud/common/json"`);
  }
  lines.push(`\t"${repo}/tencentcloud/common/profile"`);
  lines.push(`\ttrtc "${repo}/tencentcloud/trtc/v20190722"`);
  lines.push(')', '');
  lines.push(`const params = ${goString(json)}`, '');
  lines.push('func main() {');
  if (emptyLists.length > 0) {
    lines.push('\t// Send empty lists as [] instead of leaving them out.', '\ttcjson.OmitBehaviour = tcjson.OmitNil', '');
  }
  if (options.sessionToken) {
    lines.push(
      `\tcredential := common.NewTokenCredential(os.Getenv("${CREDENTIAL_ENV.secretId}"), os.Getenv("${CREDENTIAL_ENV.secretKey}"), os.Getenv("${CREDENTIAL_ENV.token}"))`,
    );
  } else {
    lines.push(`\tcredential := common.NewCredential(os.Getenv("${CREDENTIAL_ENV.secretId}"), os.Getenv("${CREDENTIAL_ENV.secretKey}"))`);
  }
  lines.push('\tcpf := profile.NewClientProfile()');
  if (s.endpoint) {
    lines.push(`\tcpf.HttpProfile.Endpoint = ${goString(s.endpoint)}`);
  }
  if (s.scheme === 'http') {
    lines.push('\tcpf.HttpProfile.Scheme = "HTTP"');
  }
  if (s.httpMethod) {
    lines.push(`\tcpf.HttpProfile.ReqMethod = "${s.httpMethod}"`);
  }
  if (s.signMethod) {
    lines.push(`\tcpf.SignMethod = "${s.signMethod}"`);
  }
  if (s.language) {
    lines.push(`\tcpf.Language = "${s.language}"`);
  }
  lines.push(`\tclient, err := trtc.NewClient(credential, ${goString(s.region)}, cpf)`);
  lines.push('\tif err != nil {', '\t\tfmt.Fprintln(os.Stderr, err)', '\t\tos.Exit(1)', '\t}', '');
  lines.push(`\trequest := trtc.New${s.action}Request()`);
  lines.push('\tif err := request.FromJsonString(params); err != nil {', '\t\tfmt.Fprintln(os.Stderr, err)', '\t\tos.Exit(1)', '\t}');
  for (const v of sensitive) {
    if (v.path.every((p) => typeof p === 'number' || GO_FIELD.test(p))) {
      const access = v.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
      lines.push(`\trequest${access} = common.StringPtr(os.Getenv("${v.envVar}"))`);
    } else {
      lines.push(`\t// Set ${pathText(v.path)} from os.Getenv("${v.envVar}") here.`);
    }
  }
  lines.push('');
  lines.push(`\tresponse, err := client.${s.action}(request)`);
  lines.push('\tif err != nil {', '\t\tfmt.Fprintln(os.Stderr, err)', '\t\tos.Exit(1)', '\t}');
  lines.push('\tfmt.Println(response.ToJsonString())');
  lines.push('}');
  return { text: lines.join('\n') + '\n', notes };
}

/** Where the parameters hold an empty list, as `Field.Sub[0].List` paths. */
function emptyListPaths(value: JsonValue, path = ''): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return [path || '(parameters)'];
    }
    return value.flatMap((v, i) => emptyListPaths(v, `${path}[${i}]`));
  }
  if (isJsonObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => emptyListPaths(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/**
 * A Go string literal: plain double quotes for simple text, a raw literal for JSON (readable, no
 * escaping), and an escaped interpreted literal when neither fits.
 */
function goString(text: string): string {
  if (/^[^"\\\x00-\x1f\x7f]*$/.test(text) && isWellFormed(text)) {
    return `"${text}"`;
  }
  if (!text.includes('`') && !text.includes('\r') && isWellFormed(text)) {
    return '`' + text + '`';
  }
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') {
      out += '\\' + ch;
    } else if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\r') {
      out += '\\r';
    } else if (ch === '\t') {
      out += '\\t';
    } else if (c < 0x20 || c === 0x7f) {
      out += '\\x' + c.toString(16).padStart(2, '0');
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate has no UTF-8 form; Go source must be valid UTF-8, so it becomes U+FFFD.
      out += '\\uFFFD';
    } else {
      out += ch;
    }
  }
  return out + '"';
}

function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
