/**
 * Request signing for the Tencent Cloud API: TC3-HMAC-SHA256 and the legacy HmacSHA1/HmacSHA256.
 * `signRequest` is the entry point; the step functions are exported one by one so the signature
 * debugger can recompute each step of a pasted request on its own.
 */
export { decodeParams, encodeParams, rfc3986Encode, type ParamPair } from './encoding';
export { flattenParams } from './flattenParams';
export { legacySignature, legacySourceString, signLegacy, sortParams, type LegacySignArgs, type LegacySignMethod } from './legacy';
export {
  checkRequestSize,
  FORM_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  LEGACY_COMMON_PARAMS,
  legacyCommonParams,
  randomNonce,
  REQUEST_SIZE_LIMITS,
  requestSizeLimit,
  signRequest,
  validateSignInput,
} from './signRequest';
export {
  canonicalHeaders,
  canonicalRequest,
  DEFAULT_SIGNED_HEADERS,
  deriveTc3Keys,
  sha256Hex,
  signTc3,
  TC3_ALGORITHM,
  TC3_TERMINATOR,
  tc3Authorization,
  tc3CredentialScope,
  tc3Signature,
  tc3StringToSign,
  utcDate,
  type CanonicalHeaders,
  type CanonicalRequestParts,
  type Tc3Keys,
  type Tc3SignArgs,
} from './tc3';
export * from './types';
