import { createHmac, timingSafeEqual } from 'node:crypto';
import { isJsonObject, parseJson, stringifyJson, type JsonValue } from '../json';
import { serializeCallbackBody } from './serializeCallbackBody';

/** The `Sign` header TRTC puts on a callback: base64 of HMAC-SHA256(key, raw body bytes). */
export function signCallback(body: Buffer | string, key: string): string {
  return createHmac('sha256', Buffer.from(key, 'utf8'))
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('base64');
}

/** What `verifyCallback` checks: the body as received, the `Sign` header, the console's callback key. */
export interface VerifyCallbackInput {
  body: Buffer | string;
  sign: string;
  key: string;
}

/** The usual ways a callback signature check goes wrong, each with a code the UI can key on. */
export type CallbackMistake =
  | 'reserialized-compact'
  | 'reserialized-pretty-2'
  | 'reserialized-pretty-4'
  | 'reserialized-pretty-tab'
  | 'reserialized-python'
  | 'reserialized-trtc'
  | 'keys-reordered'
  | 'trailing-newline-added'
  | 'trailing-newline-removed'
  | 'crlf-line-breaks'
  | 'lf-line-breaks'
  | 'literal-escapes'
  | 'escaped-line-breaks'
  | 'quoted-string'
  | 'key-whitespace'
  | 'sign-url-encoded'
  | 'sign-plus-as-space'
  | 'sign-base64url'
  | 'sign-hex';

/** The result of checking a callback signature, with an explanation when it fails. */
export interface CallbackVerification {
  valid: boolean;
  /** The correct `Sign` for the body exactly as given, with the key as given. */
  expected: string;
  /** The mistakes that together explain the mismatch; empty when valid or when nothing explains it. */
  mistakes: CallbackMistake[];
  /** Plain-language findings, most useful first. */
  diagnosis: string[];
}

interface Variant {
  mistake?: CallbackMistake;
  text: string;
}

const MESSAGES: Record<CallbackMistake, string> = {
  'reserialized-compact':
    'The Sign matches this JSON written compactly, with no spaces or line breaks. The JSON was parsed and written out again (for example with JSON.stringify or a framework body parser) between receiving and checking. Compute the signature over the raw request bytes, before any parsing.',
  'reserialized-pretty-2':
    'The Sign matches this JSON re-indented with 2 spaces. The JSON was parsed and pretty-printed again between receiving and checking. Compute the signature over the raw request bytes, before any parsing.',
  'reserialized-pretty-4':
    'The Sign matches this JSON re-indented with 4 spaces. The JSON was parsed and pretty-printed again between receiving and checking. Compute the signature over the raw request bytes, before any parsing.',
  'reserialized-pretty-tab':
    'The Sign matches this JSON re-indented with tabs in the usual "key": value style. The JSON was parsed and written out again between receiving and checking. Compute the signature over the raw request bytes, before any parsing.',
  'reserialized-python':
    'The Sign matches this JSON written with ", " and ": " separators, the default of Python\'s json.dumps. The JSON was parsed and written out again between receiving and checking. Compute the signature over the raw request bytes, before any parsing.',
  'reserialized-trtc':
    'The Sign matches this JSON in the layout TRTC sends (tab indentation and a tab after each colon), but the body you checked has a different layout: it was parsed and written out again after it arrived. Compute the signature over the raw request bytes, before any parsing.',
  'keys-reordered':
    'The Sign matches only when the keys are put in a different order. Something rebuilt the JSON and changed the key order (sorted keys, or a map type). Compute the signature over the raw request bytes, before any parsing.',
  'trailing-newline-added':
    'The Sign matches this body with a line break added at the end: the body you checked lost its final newline.',
  'trailing-newline-removed':
    'The Sign matches this body without its final line break: a newline was added at the end (by an editor, a logger, echo, or a file save). Sign the body exactly as received.',
  'crlf-line-breaks':
    'The Sign matches this body with its line breaks written as CR LF (Windows style): the line breaks were converted somewhere along the way.',
  'lf-line-breaks':
    'The Sign matches this body with CR LF line breaks turned into plain LF: the line breaks were converted (a Windows clipboard, an editor or git) after the body arrived.',
  'literal-escapes':
    'The body contains the two-character sequences \\n and \\t where TRTC sends real line breaks and tabs. It was probably copied from a log or a string literal. The signature is over the real characters, as in the raw request.',
  'escaped-line-breaks':
    'The Sign matches this body with its line breaks and tabs written as the escape sequences \\n and \\t. The signing side used an escaped copy of the body instead of the real bytes.',
  'quoted-string':
    'The body is a quoted JSON string; the Sign matches the text inside the quotes. Sign the raw body, not a string-encoded copy of it.',
  'key-whitespace':
    'The key has spaces or line breaks around it, and the Sign matches the key without them. Trim the key; a trailing newline from a file or an environment variable is the usual cause.',
  'sign-url-encoded':
    'The Sign was URL-encoded (%2B, %2F or %3D in place of +, / and =). Decode it before comparing; the header value itself is plain base64.',
  'sign-plus-as-space':
    'The Sign has spaces where "+" belongs: it went through URL or form decoding, which turns "+" into a space. Read the Sign header as is.',
  'sign-base64url':
    'The Sign is written in the URL-safe base64 alphabet ("-" and "_" instead of "+" and "/", padding dropped). TRTC sends standard base64; compare in that alphabet.',
  'sign-hex':
    'The Sign is a hexadecimal digest. TRTC sends the HMAC as base64 of the raw 32 digest bytes; encode those bytes with base64, not as hex.',
};

/**
 * Checks a callback's `Sign` header. When it does not match, tries the usual mistakes one by one
 * (re-serialized JSON, changed line breaks, escaped text, a padded key, a re-encoded Sign) and
 * names the one that explains the difference.
 */
export function verifyCallback(input: VerifyCallbackInput): CallbackVerification {
  const bodyBytes = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const expected = signCallback(bodyBytes, input.key);
  const given = input.sign.trim();
  if (sameText(given, expected)) {
    return { valid: true, expected, mistakes: [], diagnosis: ['The Sign matches the body: the callback is authentic and unchanged.'] };
  }

  const signs = signVariants(given);
  const keys: Array<{ mistake?: CallbackMistake; key: string }> = [{ key: input.key }];
  if (input.key.trim() !== input.key && input.key.trim() !== '') {
    keys.push({ mistake: 'key-whitespace', key: input.key.trim() });
  }
  const bodyText = bodyBytes.toString('utf8');
  const bodies: Variant[] = [{ text: bodyText }, ...bodyVariants(bodyText)];

  const cache = new Map<string, string>();
  for (const s of signs) {
    for (const [ki, k] of keys.entries()) {
      for (const [bi, b] of bodies.entries()) {
        const id = `${ki}|${bi}`;
        let digest = cache.get(id);
        if (digest === undefined) {
          digest = signCallback(bi === 0 ? bodyBytes : b.text, k.key);
          cache.set(id, digest);
        }
        if (sameText(s.value, digest)) {
          const mistakes = [s.mistake, k.mistake, b.mistake].filter((m): m is CallbackMistake => m !== undefined);
          if (mistakes.length === 0) {
            continue;
          }
          return { valid: false, expected, mistakes, diagnosis: mistakes.map((m) => MESSAGES[m]) };
        }
      }
    }
  }
  return { valid: false, expected, mistakes: [], diagnosis: unexplained(given, input.key, bodyText) };
}

function signVariants(sign: string): Array<{ mistake?: CallbackMistake; value: string }> {
  const out: Array<{ mistake?: CallbackMistake; value: string }> = [{ value: sign }];
  if (/%[0-9A-Fa-f]{2}/.test(sign)) {
    try {
      out.push({ mistake: 'sign-url-encoded', value: decodeURIComponent(sign) });
    } catch {
      // A malformed escape means it was not URL-encoding after all.
    }
  }
  if (sign.includes(' ')) {
    out.push({ mistake: 'sign-plus-as-space', value: sign.replace(/ /g, '+') });
  }
  if (/^[A-Za-z0-9_-]+=*$/.test(sign) && /[-_]|^[^=]*$/.test(sign)) {
    const std = sign.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    out.push({ mistake: 'sign-base64url', value: std + '='.repeat((4 - (std.length % 4)) % 4) });
  }
  if (/^[0-9A-Fa-f]{64}$/.test(sign)) {
    out.push({ mistake: 'sign-hex', value: Buffer.from(sign, 'hex').toString('base64') });
  }
  return out;
}

function bodyVariants(text: string): Variant[] {
  const out: Variant[] = [];
  const add = (mistake: CallbackMistake, variant: string): void => {
    if (variant !== text && !out.some((v) => v.text === variant)) {
      out.push({ mistake, text: variant });
    }
  };
  // Small textual changes come first: they explain a mismatch more precisely than a re-serialization
  // that happens to produce the same bytes.
  add('trailing-newline-added', text + '\n');
  if (/\r?\n$/.test(text)) {
    add('trailing-newline-removed', text.replace(/\r?\n$/, ''));
  }
  if (/(^|[^\r])\n/.test(text)) {
    add('crlf-line-breaks', text.replace(/\r?\n/g, '\r\n'));
  }
  if (text.includes('\r\n')) {
    add('lf-line-breaks', text.replace(/\r\n/g, '\n'));
  }
  if (/\\[nt]/.test(text)) {
    add('literal-escapes', unescapeLayout(text));
  }
  if (/[\n\t]/.test(text)) {
    add('escaped-line-breaks', text.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t'));
  }
  let parsed: JsonValue | undefined;
  try {
    parsed = parseJson(text);
  } catch {
    parsed = undefined;
  }
  if (parsed !== undefined && (isJsonObject(parsed) || Array.isArray(parsed))) {
    add('reserialized-trtc', serializeCallbackBody(parsed));
    add('reserialized-compact', stringifyJson(parsed));
    add('reserialized-pretty-2', stringifyJson(parsed, 2));
    add('reserialized-pretty-4', stringifyJson(parsed, 4));
    add('reserialized-pretty-tab', stringifyJson(parsed, '\t'));
    add('reserialized-python', pythonDumps(parsed));
    const sorted = sortKeys(parsed);
    add('keys-reordered', stringifyJson(sorted));
    add('keys-reordered', serializeCallbackBody(sorted));
    add('keys-reordered', stringifyJson(sorted, 2));
  }
  if (parsed !== undefined && typeof parsed === 'string') {
    add('quoted-string', parsed);
  }
  return out;
}

/**
 * Turns the escape sequences a log or string literal shows back into the characters they stand for.
 * A doubled backslash stays one literal backslash, so escapes inside JSON strings survive.
 */
function unescapeLayout(text: string): string {
  return text.replace(/\\(\\|n|t|r)/g, (m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : m));
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (isJsonObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const k of Object.keys(value).sort()) {
      out[k] = sortKeys(value[k]);
    }
    return out;
  }
  return value;
}

/** `json.dumps(obj)` with Python's default separators, for the mistake of re-serializing in Python. */
function pythonDumps(value: JsonValue): string {
  if (Array.isArray(value)) {
    return '[' + value.map(pythonDumps).join(', ') + ']';
  }
  if (isJsonObject(value)) {
    return '{' + Object.entries(value).map(([k, v]) => `${asciiJsonString(k)}: ${pythonDumps(v)}`).join(', ') + '}';
  }
  if (typeof value === 'string') {
    return asciiJsonString(value);
  }
  return stringifyJson(value);
}

/** Python escapes every non-ASCII character as `\uXXXX` by default. */
function asciiJsonString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function unexplained(sign: string, key: string, bodyText: string): string[] {
  const out = [
    'The Sign does not match this body with this key, and none of the usual mistakes (re-serialized JSON, changed line breaks or escapes, a padded key, a re-encoded Sign) explains it.',
  ];
  if (!/^[A-Za-z0-9+/]{43}=$/.test(sign)) {
    out.push(
      `The Sign is ${sign.length} characters long and does not look like a base64 SHA-256 HMAC, which is 44 characters ending in "=". Check that you copied the whole Sign header.`,
    );
  }
  if (!/^[A-Za-z0-9]{1,32}$/.test(key.trim())) {
    out.push(
      'The key is not 1 to 32 letters and digits, which is what the console accepts for a callback key. Make sure it is the callback key, not the API SecretKey or the UserSig secret key.',
    );
  } else {
    out.push(
      'Check that the key is the callback key configured for this kind of callback in the TRTC console (not the API SecretKey or the UserSig key), and that the body is the raw request body.',
    );
  }
  try {
    parseJson(bodyText);
  } catch {
    out.push('The body is not valid JSON, so it is not a complete callback body; it may be truncated.');
  }
  return out;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
