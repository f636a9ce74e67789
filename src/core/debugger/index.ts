/**
 * The signature debugger: reads the request a user's code sent (curl, raw HTTP, headers and body, a
 * legacy URL or form), recomputes every step of its signature with the signing core, names the first
 * step that differs and the mistake behind it, and formats the result as text.
 */
export { CAUSES, describeDuration, type CauseText } from './causes';
export { diagnoseFromTrace, requestFromSigned, type ServerAnswer } from './diagnoseFromTrace';
export { DEFAULT_SERVICE, diagnoseSignature } from './diagnoseSignature';
export { formatDiagnosis, type FormatDiagnosisOptions } from './formatDiagnosis';
export { parsePastedRequest } from './parsePastedRequest';
export { ASSUMED_HOST } from './requestParts';
export * from './types';
