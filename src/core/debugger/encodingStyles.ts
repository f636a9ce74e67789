import { rfc3986Encode } from '../signing/encoding';
import type { LocalizedText } from './types';

/** One way client code commonly percent-encodes a value, with words that finish "encoded …". */
export interface EncodingStyle {
  id: string;
  encode: (text: string) => string;
  label: LocalizedText;
}

function safe(encode: (s: string) => string): (s: string) => string {
  return (s) => {
    try {
      return encode(s);
    } catch {
      // A lone surrogate has no UTF-8 form; such a value is left as it is.
      return s;
    }
  };
}

const upper = safe(rfc3986Encode);
const lowerHex = (s: string): string => upper(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
// Python's quote_plus and Go's QueryEscape: the unreserved characters stay, a space is "+".
const form = safe((s) => rfc3986Encode(s).replace(/%20/g, '+'));
// Java's URLEncoder and PHP's urlencode: "*" stays, "~" is encoded, a space is "+".
const java = safe((s) => rfc3986Encode(s).replace(/%20/g, '+').replace(/%2A/g, '*').replace(/~/g, '%7E'));
const uriComponent = safe(encodeURIComponent);

/**
 * The encodings of one value that client code produces instead of RFC 3986 with upper-case hex,
 * exactly once: lower-case hex, form style ("+" for a space) in two flavours, encodeURIComponent
 * (which leaves `!'()*`), and twice.
 */
export const ENCODING_STYLES: readonly EncodingStyle[] = [
  { id: 'once', encode: upper, label: { en: 'once (RFC 3986, upper-case hex)', zh: '一次（RFC 3986，大写十六进制）' } },
  { id: 'lower', encode: lowerHex, label: { en: 'with lower-case percent escapes (%2f instead of %2F)', zh: '使用小写的百分号转义（%2f 而不是 %2F）' } },
  { id: 'form', encode: form, label: { en: 'form style, a space as "+" (quote_plus, QueryEscape)', zh: '按表单方式编码，空格写成 "+"（quote_plus、QueryEscape）' } },
  { id: 'java', encode: java, label: { en: 'form style as Java\'s URLEncoder and PHP\'s urlencode do ("+" for a space, "*" kept, "~" encoded)', zh: '按 Java URLEncoder / PHP urlencode 的表单方式（空格为 "+"，保留 "*"，编码 "~"）' } },
  { id: 'uri', encode: uriComponent, label: { en: 'with encodeURIComponent, which leaves ! \' ( ) * unencoded', zh: '用 encodeURIComponent 编码（不编码 ! \' ( ) *）' } },
  { id: 'twice', encode: (s) => upper(upper(s)), label: { en: 'twice', zh: '两次' } },
];

/** Decodes one percent-encoded component, `+` as a space when asked; undefined when it is malformed. */
export function decodeComponent(text: string, plusAsSpace = false): string | undefined {
  try {
    return decodeURIComponent(plusAsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return undefined;
  }
}
