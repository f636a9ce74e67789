import { createHmac } from 'node:crypto';
import { InputError } from '../errors';
import { encodeParams, type ParamPair } from './encoding';
import type { HttpMethod, LegacyTrace } from './types';

/** The two legacy (v1) signature methods. */
export type LegacySignMethod = 'HmacSHA1' | 'HmacSHA256';

function compareNames(a: ParamPair, b: ParamPair): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * A copy of the parameters sorted by name in plain code-unit order, the order the legacy source
 * string needs (so `Ids.12` comes before `Ids.2`). Values never take part in the order.
 */
export function sortParams(pairs: readonly ParamPair[]): ParamPair[] {
  return pairs.slice().sort(compareNames);
}

/**
 * The legacy source string: `METHOD + host + path + '?' + name=value&...` over parameters already
 * sorted, with raw (not percent-encoded) values.
 */
export function legacySourceString(httpMethod: HttpMethod | string, host: string, path: string, sortedParams: readonly ParamPair[]): string {
  let query = '';
  for (let i = 0; i < sortedParams.length; i++) {
    const piece = sortedParams[i][0] + '=' + sortedParams[i][1];
    query += i === 0 ? piece : '&' + piece;
  }
  return httpMethod.toUpperCase() + host + path + '?' + query;
}

/** Base64 HMAC of the source string keyed with the SecretKey, with SHA-1 or SHA-256. */
export function legacySignature(secretKey: string, sourceString: string, method: LegacySignMethod): string {
  return createHmac(method === 'HmacSHA256' ? 'sha256' : 'sha1', secretKey)
    .update(sourceString)
    .digest('base64');
}

/** Inputs of {@link signLegacy}: every parameter of one request, common ones included. */
export interface LegacySignArgs {
  secretKey: string;
  /** The hash to use; the server itself decides by the `SignatureMethod` parameter (SHA-1 when absent). */
  signMethod: LegacySignMethod;
  httpMethod: HttpMethod;
  host: string;
  /** Defaults to `/`. */
  path?: string;
  /**
   * All parameters with raw values, in any order: the action's own (flattened) and the common ones
   * (`Action`, `Version`, `Timestamp`, `Nonce`, `SecretId`...), but not `Signature`.
   */
  params: readonly ParamPair[];
}

/**
 * Computes a legacy HmacSHA1/HmacSHA256 signature over exact parameters and returns every
 * intermediate value. The encoded output lists the parameters in sorted order with `Signature` in
 * its sorted place, each value percent-encoded once.
 */
export function signLegacy(args: LegacySignArgs): LegacyTrace {
  return signSortedLegacy(args, sortParams(args.params));
}

/** {@link signLegacy} over a list the caller owns and has already sorted, to skip a copy. */
export function signSortedLegacy(args: LegacySignArgs, sortedParams: ParamPair[]): LegacyTrace {
  let timestamp: number | undefined;
  let nonce: number | undefined;
  let signatureAt = sortedParams.length;
  for (let i = 0; i < sortedParams.length; i++) {
    const name = sortedParams[i][0];
    if (name === 'Timestamp') {
      timestamp = Number(sortedParams[i][1]);
    } else if (name === 'Nonce') {
      nonce = Number(sortedParams[i][1]);
    } else if (name === 'Signature') {
      throw new InputError('The parameters to sign already contain Signature; remove it before signing', 'Signature');
    }
    if (signatureAt === sortedParams.length && name > 'Signature') {
      signatureAt = i;
    }
  }
  if (timestamp === undefined || !Number.isSafeInteger(timestamp)) {
    throw new InputError('A legacy signature needs a Timestamp parameter holding Unix seconds', 'Timestamp');
  }
  if (nonce === undefined || !Number.isSafeInteger(nonce)) {
    throw new InputError('A legacy signature needs a Nonce parameter holding an integer', 'Nonce');
  }
  const path = args.path ?? '/';
  const sourceString = legacySourceString(args.httpMethod, args.host, path, sortedParams);
  const signature = legacySignature(args.secretKey, sourceString, args.signMethod);
  const withSignature = sortedParams.slice(0, signatureAt);
  withSignature.push(['Signature', signature]);
  for (let i = signatureAt; i < sortedParams.length; i++) {
    withSignature.push(sortedParams[i]);
  }
  return {
    method: args.signMethod,
    httpMethod: args.httpMethod,
    timestamp,
    nonce,
    sortedParams,
    sourceString,
    signature,
    encodedParams: encodeParams(withSignature),
  };
}
