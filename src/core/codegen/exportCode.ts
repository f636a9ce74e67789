import { InputError } from '../errors';
import { assertTrustedEndpoint } from '../http/endpointPolicy';
import { toCurl } from './toCurl';
import { toGoSdk } from './toGoSdk';
import { toJavaSdk } from './toJavaSdk';
import { toNodeSdk } from './toNodeSdk';
import { toPythonSdk } from './toPythonSdk';
import { toTccli } from './toTccli';
import type { CodeFormat, CodeFormatInfo, ExportedCode, ExportInput, GeneratedCode } from './types';

/** Every export format, in menu order. */
export const CODE_FORMATS: readonly CodeFormatInfo[] = [
  { id: 'curl', label: 'curl', languageId: 'shellscript', fileExtension: 'sh', needsSignedRequest: true },
  { id: 'tccli', label: 'tccli', languageId: 'shellscript', fileExtension: 'sh', needsSignedRequest: false },
  { id: 'node', label: 'Node.js (tencentcloud-sdk-nodejs)', languageId: 'javascript', fileExtension: 'js', needsSignedRequest: false },
  { id: 'python', label: 'Python (tencentcloud-sdk-python)', languageId: 'python', fileExtension: 'py', needsSignedRequest: false },
  { id: 'go', label: 'Go (tencentcloud-sdk-go)', languageId: 'go', fileExtension: 'go', needsSignedRequest: false },
  { id: 'java', label: 'Java (tencentcloud-sdk-java)', languageId: 'java', fileExtension: 'java', needsSignedRequest: false },
];

/** Looks up a format by id, for command arguments and settings. */
export function findCodeFormat(id: string): CodeFormatInfo | undefined {
  return CODE_FORMATS.find((f) => f.id === id);
}

/**
 * Generates one export; curl needs the signed request, the others only the call and its target.
 * A target the policy does not trust is refused with an `UntrustedEndpointError`.
 */
export function exportCode(format: CodeFormat, input: ExportInput): ExportedCode {
  const info = findCodeFormat(format);
  if (!info) {
    throw new InputError(`Unknown export format "${format}". Use one of: ${CODE_FORMATS.map((f) => f.id).join(', ')}.`, 'format');
  }
  assertTrustedEndpoint(input.target.origin, input.policy);
  const opts = { sessionToken: input.sessionToken };
  let out: GeneratedCode;
  switch (info.id) {
    case 'curl':
      if (!input.signed) {
        throw new InputError('A curl command repeats one signed request: sign the request first.', 'signed');
      }
      out = toCurl(input.signed, input.target.origin, input.expiresAt === undefined ? {} : { expiresAt: input.expiresAt });
      break;
    case 'tccli':
      out = toTccli(input.spec, input.target, opts);
      break;
    case 'node':
      out = toNodeSdk(input.spec, input.target, opts);
      break;
    case 'python':
      out = toPythonSdk(input.spec, input.target, opts);
      break;
    case 'go':
      out = toGoSdk(input.spec, input.target, opts);
      break;
    case 'java':
      out = toJavaSdk(input.spec, input.target, opts);
      break;
  }
  return { format: info.id, languageId: info.languageId, text: out.text, notes: out.notes };
}
