import { stringifyJson } from '../json';
import type { CallSpec } from '../requests/types';
import { commentLines, CREDENTIAL_ENV, hasIntegerBeyondInt64, sdkSettings } from './sdkSettings';
import { findSensitiveValues, pathText, withSensitiveReplaced } from './sensitiveValues';
import type { GeneratedCode, ResolvedTarget, SnippetOptions } from './types';

const JAVA_MEMBER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A Java program for tencentcloud-sdk-java: the parameters are embedded as their exact JSON text and
 * loaded with `fromJsonString` into the request model.
 */
export function toJavaSdk(spec: CallSpec, target: ResolvedTarget, options: SnippetOptions = {}): GeneratedCode {
  const s = sdkSettings(spec, target);
  const notes = [...s.notes];
  const sensitive = findSensitiveValues(spec.params);
  const artifact = s.intlOnly ? 'com.tencentcloudapi:tencentcloud-sdk-java-intl-en' : 'com.tencentcloudapi:tencentcloud-sdk-java-trtc';
  if (s.intlOnly) {
    notes.push(`${s.action} is only in the international API: use the tencentcloud-sdk-java-intl-en artifact, which has the same packages.`);
  }
  if (hasIntegerBeyondInt64(spec.params)) {
    notes.push('Some integers are beyond the range of Java\'s long, which the SDK models use; they cannot be sent from Java.');
  }
  const json = stringifyJson(sensitive.length > 0 ? withSensitiveReplaced(spec.params, '') : spec.params);
  const req = `${s.action}Request`;
  const resp = `${s.action}Response`;

  const lines: string[] = [];
  lines.push(`// ${s.action} with tencentcloud-sdk-java (Maven: ${artifact}).`);
  lines.push(
    `// Credentials are read from the environment: ${CREDENTIAL_ENV.secretId}, ${CREDENTIAL_ENV.secretKey}${options.sessionToken ? `, ${CREDENTIAL_ENV.token}` : ''}.`,
  );
  if (sensitive.length > 0) {
    lines.push(`// So are the sensitive parameters: ${sensitive.map((v) => v.envVar).join(', ')}.`);
  }
  lines.push(...commentLines('//', notes));
  lines.push('import com.tencentcloudapi.common.Credential;');
  lines.push('import com.tencentcloudapi.common.exception.TencentCloudSDKException;');
  lines.push('import com.tencentcloudapi.common.profile.ClientProfile;');
  lines.push('import com.tencentcloudapi.common.profile.HttpProfile;');
  if (s.language) {
    lines.push('import com.tencentcloudapi.common.profile.Language;');
  }
  lines.push('import com.tencentcloudapi.trtc.v20190722.TrtcClient;');
  lines.push(`import com.tencentcloudapi.trtc.v20190722.models.${req};`);
  lines.push(`import com.tencentcloudapi.trtc.v20190722.models.${resp};`, '');
  lines.push(`public class ${s.action} {`);
  lines.push(`    private static final String PARAMS = ${javaString(json)};`, '');
  lines.push('    public static void main(String[] args) {');
  lines.push('        try {');
  const token = options.sessionToken ? `, System.getenv("${CREDENTIAL_ENV.token}")` : '';
  lines.push(
    `            Credential cred = new Credential(System.getenv("${CREDENTIAL_ENV.secretId}"), System.getenv("${CREDENTIAL_ENV.secretKey}")${token});`,
  );
  lines.push('            HttpProfile httpProfile = new HttpProfile();');
  if (s.endpoint) {
    lines.push(`            httpProfile.setEndpoint(${javaString(s.endpoint)});`);
  }
  if (s.scheme === 'http') {
    lines.push('            httpProfile.setProtocol(HttpProfile.REQ_HTTP);');
  }
  if (s.httpMethod) {
    lines.push('            httpProfile.setReqMethod(HttpProfile.REQ_GET);');
  }
  lines.push('            ClientProfile clientProfile = new ClientProfile();');
  lines.push('            clientProfile.setHttpProfile(httpProfile);');
  if (s.signMethod) {
    lines.push(`            clientProfile.setSignMethod(${s.signMethod === 'HmacSHA1' ? 'ClientProfile.SIGN_SHA1' : 'ClientProfile.SIGN_SHA256'});`);
  }
  if (s.language) {
    lines.push(`            clientProfile.setLanguage(${s.language === 'en-US' ? 'Language.EN_US' : 'Language.ZH_CN'});`);
  }
  lines.push(`            TrtcClient client = new TrtcClient(cred, ${javaString(s.region)}, clientProfile);`, '');
  lines.push(`            ${req} req = ${req}.fromJsonString(PARAMS, ${req}.class);`);
  for (const v of sensitive) {
    const names = v.path.filter((p): p is string => typeof p === 'string');
    if (!names.every((p) => JAVA_MEMBER.test(p))) {
      lines.push(`            // Set ${pathText(v.path)} from System.getenv("${v.envVar}") here.`);
      continue;
    }
    let access = 'req';
    v.path.slice(0, -1).forEach((p) => {
      access += typeof p === 'number' ? `[${p}]` : `.get${p}()`;
    });
    const last = v.path[v.path.length - 1];
    if (typeof last === 'number') {
      lines.push(`            ${access}[${last}] = System.getenv("${v.envVar}");`);
    } else {
      lines.push(`            ${access}.set${last}(System.getenv("${v.envVar}"));`);
    }
  }
  lines.push(`            ${resp} resp = client.${s.action}(req);`);
  lines.push(`            System.out.println(${resp}.toJsonString(resp));`);
  lines.push('        } catch (TencentCloudSDKException e) {');
  lines.push('            System.err.println(e.toString());');
  lines.push('            System.exit(1);');
  lines.push('        }');
  lines.push('    }');
  lines.push('}');
  return { text: lines.join('\n') + '\n', notes };
}

/**
 * A Java string literal in plain ASCII, so the source compiles whatever encoding javac assumes.
 * Java turns `\uXXXX` into characters before it reads the source, so a `\u000a` would end the line
 * inside the literal: control characters use octal escapes, and only characters outside ASCII (which
 * can never be a quote, a backslash or a line break) use `\uXXXX`.
 */
function javaString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const c = text.charCodeAt(i);
    if (ch === '"' || ch === '\\') {
      out += '\\' + ch;
    } else if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\r') {
      out += '\\r';
    } else if (ch === '\t') {
      out += '\\t';
    } else if (c < 0x20 || c === 0x7f) {
      out += '\\' + c.toString(8).padStart(3, '0');
    } else if (c > 0x7f) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else {
      out += ch;
    }
  }
  return out + '"';
}
