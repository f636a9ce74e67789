import type { LocalizedText } from '../catalog/errorCodes';
import type { SignMethod } from '../signing/types';

export type { LocalizedText };

/** The shape the pasted text was recognized as; `trace` is one of our own signed requests. */
export type PasteFormat = 'curl' | 'http' | 'headers' | 'url' | 'form' | 'trace';

/** One request header as pasted, in its original case. */
export interface PastedHeader {
  name: string;
  /** The value with the surrounding spaces HTTP ignores removed. */
  value: string;
  /** True when the paste did not show this header but the client sends it anyway (curl's Host, its default Content-Type). */
  implied?: boolean;
}

/** Something about the paste the user should know, because it may change what was really sent. */
export interface PasteWarning extends LocalizedText {
  code: string;
}

/** A request as the user's code sent it, recovered from a paste. */
export interface PastedRequest {
  format: PasteFormat;
  /** Upper case. */
  method: string;
  scheme?: 'http' | 'https';
  /** The `Host` header as sent, with the port when the client sent one. */
  host: string;
  /** The path exactly as sent, such as `/`. */
  path: string;
  /** The query string exactly as sent, without `?`; empty when there is none. */
  query: string;
  /** In the order pasted, original case kept. */
  headers: PastedHeader[];
  /** Lower-case header name to value (the first occurrence), for lookups. */
  headerMap: Record<string, string>;
  /** The body exactly as pasted: every byte counts, a final line break included. */
  body: string;
  /** TC3 when there is an Authorization header, a legacy method when there is a Signature parameter. */
  signMethod: SignMethod | 'unknown';
  warnings: PasteWarning[];
  /**
   * Line breaks at the end of `body` that may not have been sent: a raw HTTP paste ends with them
   * and has no Content-Length that counts them. The debugger checks the body with and without them.
   */
  uncertainTail?: string;
  /** Shell variables a curl command refers to whose values were not known; they are in the text as `$NAME`. */
  unresolvedVariables?: string[];
}

/** What the paste parser may know besides the text. */
export interface ParseOptions {
  /**
   * The value of a shell variable a curl command refers to (the session token of the explorer's own
   * curl export, `$TENCENTCLOUD_SESSION_TOKEN`), or undefined when it is not known.
   */
  variable?: (name: string) => string | undefined;
}

/** Keys of the recomputed steps, in the order they are shown. */
export type StepKey =
  | 'authorization'
  | 'params'
  | 'secretId'
  | 'timestamp'
  | 'credentialScope'
  | 'signedHeaders'
  | 'canonicalHeaders'
  | 'hashedPayload'
  | 'canonicalRequest'
  | 'stringToSign'
  | 'derivedKeys'
  | 'signatureMethod'
  | 'sortedParams'
  | 'sourceString'
  | 'signature'
  | 'clock'
  | 'token';

/**
 * `ok`: the request's value equals the correct one. `differs`: it does not. `unknown`: the request
 * does not show this value and no hypothesis reproduced it. `skipped`: it could not be computed.
 */
export type StepStatus = 'ok' | 'differs' | 'unknown' | 'skipped';

/** One step of the signature, recomputed from the pasted bytes and compared with the request's own. */
export interface DiagnosisStep {
  key: StepKey;
  title: LocalizedText;
  /** The correct value for this request. Derived keys appear only as their first 8 hex digits. */
  expected: string;
  /** The request's value: read from it, or recovered by reproducing its signature. */
  actual?: string;
  status: StepStatus;
  note?: LocalizedText;
}

/** How sure a cause is: `certain` reproduces the request's signature exactly or is a plain fact about the request. */
export type Confidence = 'certain' | 'likely' | 'possible';

/**
 * How sure the verdict is. `correct`: the signature verifies with the SecretKey given.
 * `reproduced`: it does not, and signing with the mistakes named gives exactly the request's
 * signature. `likely`: nothing reproduced it, but the request plainly shows what is wrong.
 * `unknown`: nothing reproduced it and nothing visible explains it.
 */
export type Certainty = 'correct' | 'reproduced' | 'likely' | 'unknown';

/** Stable identifiers of every cause the debugger can name. */
export type CauseId =
  | 'no-signature'
  | 'authorization-format'
  | 'signature-encoding'
  | 'secretid-whitespace'
  | 'secretid-mismatch'
  | 'keys-swapped'
  | 'secretkey-whitespace'
  | 'secretkey-wrong'
  | 'key-disabled'
  | 'timestamp-missing'
  | 'timestamp-format'
  | 'timestamp-milliseconds'
  | 'timestamp-signed-differs'
  | 'timestamp-expired'
  | 'scope-date-local-time'
  | 'scope-date-wrong'
  | 'scope-service-wrong'
  | 'scope-format'
  | 'signed-headers-case'
  | 'signed-headers-unsorted'
  | 'signed-header-not-sent'
  | 'signed-headers-missing-required'
  | 'signed-header-listed-not-signed'
  | 'signed-header-signed-not-listed'
  | 'canonical-headers-not-normalized'
  | 'unresolved-variables'
  | 'content-type-differs'
  | 'content-type-missing'
  | 'host-differs'
  | 'action-value-case'
  | 'payload-differs'
  | 'query-differs'
  | 'method-differs'
  | 'path-differs'
  | 'token-missing'
  | 'token-mismatch'
  | 'token-unverifiable'
  | 'legacy-missing-param'
  | 'legacy-malformed-encoding'
  | 'legacy-params-unsorted'
  | 'legacy-signed-encoded'
  | 'legacy-double-encoded'
  | 'legacy-unflattened-param'
  | 'legacy-method-lowercase'
  | 'legacy-path'
  | 'legacy-missing-question-mark'
  | 'legacy-sha256-without-method'
  | 'legacy-sha1-with-sha256-method'
  | 'legacy-signature-method-invalid'
  | 'legacy-signature-not-encoded'
  | 'legacy-signature-double-encoded'
  | 'legacy-extra-question-mark'
  | 'legacy-plus-in-value';

/** A plain-words reason for the failure, with what to change. */
export interface Cause {
  id: CauseId;
  title: LocalizedText;
  explanation: LocalizedText;
  fix: LocalizedText;
  confidence: Confidence;
  /** The step this cause shows up in, when there is one. */
  step?: StepKey;
  /** True when the cause is one of the mistakes that, signed with, gave exactly the request's signature. */
  reproduced?: boolean;
}

/** The first step whose value differs, with both values. */
export interface FirstDifference {
  key: StepKey;
  title: LocalizedText;
  expected: string;
  actual?: string;
}

/** Everything the debugger found about one request. Holds no secret: derived keys are cut to 8 hex digits. */
export interface Diagnosis {
  signMethod: SignMethod | 'unknown';
  /** True when the request's signature equals the one computed from its own bytes with the SecretKey given. */
  signatureMatches: boolean;
  /** True when a hypothesis reproduced the request's signature exactly, so its intermediate values are known. */
  reproduced: boolean;
  /** How sure the verdict is; the page shows it next to the verdict. */
  certainty: Certainty;
  /** The verdict in one sentence, starting with its certainty. */
  verdict: LocalizedText;
  summary: LocalizedText;
  steps: DiagnosisStep[];
  firstDifference?: FirstDifference;
  /** Most likely first. */
  causes: Cause[];
  warnings: PasteWarning[];
}

/** What the user tells the debugger besides the request. The SecretKey stays in memory and is never returned. */
export interface DiagnoseInput {
  secretKey: string;
  /** The SecretId the SecretKey belongs to, to check the one in the request. */
  secretId?: string;
  /** The session token of temporary credentials, to check the one in the request. */
  token?: string;
  /** True when the user says the keys are temporary (STS), which requires a token. */
  temporary?: boolean;
  /** Unix seconds the request was sent at or the server answered; defaults to the current time. */
  now?: number;
  /** The TC3 service name the request should carry; `trtc` unless debugging another product's request. */
  expectedService?: string;
  /** The error code the server answered, such as `AuthFailure.SignatureFailure`. */
  errorCode?: string;
}
