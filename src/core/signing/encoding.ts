import { InputError } from '../errors';

/** A flattened request parameter: its dotted name (`Filters.0.Name`) and its raw text value. */
export type ParamPair = [name: string, value: string];

// encodeURIComponent already leaves exactly RFC 3986's unreserved set alone, except for these five
// sub-delimiters, which RFC 3986 wants encoded when they carry data.
const SUB_DELIMS = /[!'()*]/g;
const HAS_SUB_DELIM = /[!'()*]/;
const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;

function hexEscape(char: string): string {
  return '%' + char.charCodeAt(0).toString(16).toUpperCase();
}

/**
 * Percent-encodes text the way the API documents it for query strings and form bodies: UTF-8, every
 * byte outside `A-Z a-z 0-9 - _ . ~` as `%XY` with upper-case hex. Use it exactly once per value.
 */
export function rfc3986Encode(text: string): string {
  // Most names and many values need no encoding at all; skipping the work for them halves the cost.
  if (UNRESERVED_ONLY.test(text)) {
    return text;
  }
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    // encodeURIComponent throws only for a lone UTF-16 surrogate, which has no UTF-8 form.
    throw new InputError('The text contains an unpaired UTF-16 surrogate, which cannot be sent as UTF-8; remove or complete it');
  }
  return HAS_SUB_DELIM.test(encoded) ? encoded.replace(SUB_DELIMS, hexEscape) : encoded;
}

/**
 * Joins parameters as `name=value&...`, both sides {@link rfc3986Encode}d, in the given order: the
 * query string of a GET request or the body of a form POST.
 */
export function encodeParams(pairs: readonly ParamPair[]): string {
  let out = '';
  for (let i = 0; i < pairs.length; i++) {
    const [name, value] = pairs[i];
    let piece: string;
    try {
      piece = rfc3986Encode(name) + '=' + rfc3986Encode(value);
    } catch (e) {
      if (e instanceof InputError) {
        throw new InputError(`Parameter ${name}: ${e.message}`, name);
      }
      throw e;
    }
    out += i === 0 ? piece : '&' + piece;
  }
  return out;
}

/**
 * Splits an encoded query string or form body back into raw pairs, in order. The inverse of
 * {@link encodeParams}; a `+` stays a plus sign because the API's encoding never uses it for space.
 */
export function decodeParams(encoded: string): ParamPair[] {
  const pairs: ParamPair[] = [];
  if (encoded === '') {
    return pairs;
  }
  const pieces = encoded.split('&');
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    const eq = piece.indexOf('=');
    const name = eq < 0 ? piece : piece.slice(0, eq);
    const value = eq < 0 ? '' : piece.slice(eq + 1);
    try {
      pairs.push([decodeURIComponent(name), decodeURIComponent(value)]);
    } catch {
      // The value is left out of the message on purpose: it may be a token or another secret.
      throw new InputError(`Parameter ${i + 1} (${name.slice(0, 60)}) has a malformed percent-encoding (a % not followed by two hex digits, or bytes that are not UTF-8)`);
    }
  }
  return pairs;
}
