/**
 * Code export: a curl command for one signed request, a tccli command, and runnable SDK snippets for
 * Node.js, Python, Go and Java. Secrets are always read from environment variables.
 */
export { CODE_FORMATS, exportCode, findCodeFormat } from './exportCode';
export { SESSION_TOKEN_ENV, toCurl } from './toCurl';
export type { CurlOptions } from './toCurl';
export { toGoSdk } from './toGoSdk';
export { toJavaSdk } from './toJavaSdk';
export { toNodeSdk } from './toNodeSdk';
export { toPythonSdk } from './toPythonSdk';
export { toTccli } from './toTccli';
export { CREDENTIAL_ENV, DEFAULT_SDK_HOST } from './sdkSettings';
export { EnvVarNamer, findSensitiveValues, pathText } from './sensitiveValues';
export type { JsonPath, SensitiveValue, TextSegment } from './sensitiveValues';
export { shellConcat, shellQuote } from './shellQuote';
export type { CodeFormat, CodeFormatInfo, ExportedCode, ExportInput, GeneratedCode, ResolvedTarget, SnippetOptions } from './types';
