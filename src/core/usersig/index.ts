/**
 * UserSig and PrivateMapKey tools: generate, decode and verify TLSSigAPIv2 sigs, and explain
 * privilege maps. Byte-compatible with the official tls-sig-api-v2 libraries.
 */
export {
  checkSdkAppId,
  checkUserId,
  decodeUserbuf,
  decodeUserSig,
  formatDuration,
  fromTlsBase64,
  genPrivateMapKey,
  genUserSig,
  toTlsBase64,
  verifyUserSig,
} from './userSig';
export type {
  DecodedUserbuf,
  DecodedUserSig,
  GenPrivateMapKeyInput,
  GenPrivateMapKeyResult,
  GenUserSigInput,
  GenUserSigResult,
  PrivateMapKeyOptions,
  UserSigDocument,
  UserSigVerification,
  VerifyUserSigOptions,
} from './userSig';
export { ALL_PRIVILEGES, PRIVILEGE_BITS, checkPrivilegeMap, describePrivileges, privilegeMapFromNames } from './privileges';
export type { PrivilegeBit, PrivilegeDescription } from './privileges';
