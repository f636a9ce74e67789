import { isJsonNumber, isJsonObject, numberText, parseJson, stringifyJson, type JsonValue } from '../json';
import { INTL_HOST, NEAREST_HOST, REGIONS } from '../http/endpoints';
import { CAUSES } from './causes';
import type { Option } from './searchMistakes';
import type { DiagnoseInput, LocalizedText } from './types';

/** One way a value could have been different when the user's code signed it. */
export interface Variant {
  value: string;
  /** Finishes the sentence "Your code hashed / signed …". */
  label: LocalizedText;
}

function add(out: Variant[], seen: Set<string>, value: string, en: string, zh: string): void {
  if (!seen.has(value)) {
    seen.add(value);
    out.push({ value, label: { en, zh } });
  }
}

interface JsonStyle {
  indent: string;
  itemSep: string;
  keySep: string;
  sortKeys: boolean;
  /** Escape every character outside printable ASCII as `\uXXXX`, as Python's ensure_ascii does. */
  ascii: boolean;
  /** Extra characters escaped as `\uXXXX`: Go escapes `<>&`, Gson also `='`. */
  escapeChars: string;
  /** PHP writes `/` as `\/`. */
  escapeSlash: boolean;
}

const MAX_RESERIALIZED = 1024 * 1024;

const COMPACT: JsonStyle = { indent: '', itemSep: ',', keySep: ':', sortKeys: false, ascii: false, escapeChars: '', escapeSlash: false };

function hex4(code: number): string {
  return '\\u' + code.toString(16).padStart(4, '0');
}

function writeString(s: string, style: JsonStyle): string {
  let out = JSON.stringify(s);
  if (style.escapeSlash) {
    out = out.replace(/\//g, '\\/');
  }
  if (style.escapeChars !== '') {
    out = out.replace(/[<>&=']/g, (c) => (style.escapeChars.includes(c) ? hex4(c.charCodeAt(0)) : c));
  }
  if (style.ascii) {
    out = out.replace(/[\u007f-\uffff]/g, (c) => hex4(c.charCodeAt(0)));
  }
  return out;
}

// Lays out lossless JSON in the styles of common serializers; numbers keep their exact digits.
function writeJson(value: JsonValue, style: JsonStyle, depth = 0): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (typeof value === 'string') {
    return writeString(value, style);
  }
  if (isJsonNumber(value)) {
    return numberText(value);
  }
  const inner = style.indent === '' ? '' : '\n' + style.indent.repeat(depth + 1);
  const outer = style.indent === '' ? '' : '\n' + style.indent.repeat(depth);
  const sep = style.indent === '' ? style.itemSep : ',';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return '[]';
    }
    return '[' + value.map((v) => inner + writeJson(v, style, depth + 1)).join(sep) + outer + ']';
  }
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    if (style.sortKeys) {
      keys.sort();
    }
    if (keys.length === 0) {
      return '{}';
    }
    return '{' + keys.map((k) => inner + writeString(k, style) + style.keySep + writeJson(value[k], style, depth + 1)).join(sep) + outer + '}';
  }
  throw new TypeError('value cannot be serialized as JSON');
}

/**
 * The bodies a client commonly hashes instead of the bytes it sends: small text changes first
 * (a line break added or lost, \u escapes, line endings), then the same JSON laid out by the
 * serializers of the usual languages. The exact body itself is not in the list.
 */
export function payloadVariants(body: string): Variant[] {
  const out: Variant[] = [];
  const seen = new Set<string>([body]);
  if (/\r?\n$/.test(body)) {
    add(out, seen, body.replace(/\r?\n$/, ''), 'the body without its final line break', '去掉末尾换行后的请求体');
  }
  add(out, seen, body + '\n', 'the body with a line break at the end', '末尾多一个换行的请求体');
  if (body.includes('\r\n')) {
    add(out, seen, body.replace(/\r\n/g, '\n'), 'the body with LF line breaks where CR LF was sent', '把 CRLF 换行换成 LF 的请求体');
  }
  if (/(^|[^\r])\n/.test(body)) {
    add(out, seen, body.replace(/\r?\n/g, '\r\n'), 'the body with CR LF line breaks where LF was sent', '把 LF 换行换成 CRLF 的请求体');
  }
  if (/\\u[0-9a-fA-F]{4}/.test(body)) {
    const unescaped = body.replace(/(\\+)u([0-9a-fA-F]{4})/g, (m, slashes: string, hex: string) =>
      slashes.length % 2 === 1 ? slashes.slice(1) + String.fromCharCode(parseInt(hex, 16)) : m,
    );
    add(out, seen, unescaped, 'the body with its \\uXXXX escapes written as the characters themselves (raw UTF-8)', '把 \\uXXXX 转义写成字符本身（原始 UTF-8）的请求体');
  }
  if (/[\u007f-\uffff]/.test(body)) {
    add(out, seen, body.replace(/[\u007f-\uffff]/g, (c) => hex4(c.charCodeAt(0))), 'the body with non-ASCII characters written as \\uXXXX escapes', '把非 ASCII 字符写成 \\uXXXX 转义的请求体');
  }

  let parsed: JsonValue | undefined;
  // Re-serializing a body in fifteen styles costs fifteen passes over it; past a megabyte the
  // small textual variants above are tried alone, so a large request is still diagnosed quickly.
  if (body.length <= MAX_RESERIALIZED) {
    try {
      parsed = parseJson(body);
    } catch {
      parsed = undefined;
    }
  }
  if (parsed !== undefined && (isJsonObject(parsed) || Array.isArray(parsed))) {
    const styles: Array<[Partial<JsonStyle>, string, string]> = [
      [{}, 'compact JSON (no spaces or line breaks, as JSON.stringify writes it)', '紧凑 JSON（无空格和换行，与 JSON.stringify 相同）'],
      [{ itemSep: ', ', keySep: ': ', ascii: true }, 'JSON as Python\'s json.dumps writes it (", " and ": " separators, non-ASCII as \\uXXXX)', 'Python json.dumps 默认格式的 JSON（", " 与 ": " 分隔，非 ASCII 转为 \\uXXXX）'],
      [{ itemSep: ', ', keySep: ': ' }, 'JSON as json.dumps(ensure_ascii=False) writes it (", " and ": " separators)', 'json.dumps(ensure_ascii=False) 格式的 JSON（", " 与 ": " 分隔）'],
      [{ ascii: true }, 'compact JSON with non-ASCII characters as \\uXXXX escapes', '非 ASCII 字符转为 \\uXXXX 的紧凑 JSON'],
      [{ indent: '  ', keySep: ': ' }, 'JSON indented with 2 spaces', '缩进 2 个空格的 JSON'],
      [{ indent: '    ', keySep: ': ' }, 'JSON indented with 4 spaces', '缩进 4 个空格的 JSON'],
      [{ indent: '\t', keySep: ': ' }, 'JSON indented with tabs', '用制表符缩进的 JSON'],
      [{ indent: '  ', keySep: ': ', ascii: true }, 'JSON indented with 2 spaces and non-ASCII as \\uXXXX (json.dumps(indent=2))', '缩进 2 个空格且非 ASCII 转为 \\uXXXX 的 JSON（json.dumps(indent=2)）'],
      [{ indent: '    ', keySep: ': ', ascii: true }, 'JSON indented with 4 spaces and non-ASCII as \\uXXXX (json.dumps(indent=4))', '缩进 4 个空格且非 ASCII 转为 \\uXXXX 的 JSON（json.dumps(indent=4)）'],
      [{ sortKeys: true }, 'compact JSON with the keys in alphabetical order', '键按字母排序的紧凑 JSON'],
      [{ sortKeys: true, itemSep: ', ', keySep: ': ', ascii: true }, 'JSON with the keys in alphabetical order as json.dumps(sort_keys=True) writes it', 'json.dumps(sort_keys=True) 格式、键按字母排序的 JSON'],
      [{ sortKeys: true, indent: '  ', keySep: ': ' }, 'JSON with the keys in alphabetical order, indented with 2 spaces', '键按字母排序、缩进 2 个空格的 JSON'],
      [{ escapeChars: '<>&' }, 'JSON with <, > and & escaped as \\u003c, \\u003e and \\u0026 (Go\'s encoding/json)', '把 <、>、& 转义为 \\u003c、\\u003e、\\u0026 的 JSON（Go 的 encoding/json）'],
      [{ escapeChars: "<>&='" }, 'JSON with <, >, &, = and \' escaped as \\uXXXX (Gson)', '把 <、>、&、=、\' 转义为 \\uXXXX 的 JSON（Gson）'],
      [{ ascii: true, escapeSlash: true }, 'JSON with non-ASCII as \\uXXXX and / as \\/ (PHP json_encode)', '非 ASCII 转为 \\uXXXX 且 / 写成 \\/ 的 JSON（PHP json_encode）'],
    ];
    for (const [style, en, zh] of styles) {
      add(out, seen, writeJson(parsed, { ...COMPACT, ...style }), en, zh);
    }
  }
  add(out, seen, '', 'an empty body (the hash was taken before the body was set)', '空请求体（在设置请求体之前就计算了哈希）');
  add(out, seen, '[object Object]', 'the text "[object Object]" (an object turned into a string instead of JSON)', '文本 "[object Object]"（对象被直接转成字符串而不是 JSON）');
  add(out, seen, stringifyJson(body), 'the body as a quoted JSON string (serialized twice)', '被再次序列化成带引号字符串的请求体');
  return out;
}

/** Content types a client may have signed instead of the one it sent. */
export function contentTypeVariants(sent: string): Variant[] {
  const out: Variant[] = [];
  const seen = new Set<string>([sent]);
  const base = sent.split(';', 1)[0].trim();
  const mediaTypes = [base, 'application/json', 'application/x-www-form-urlencoded'].filter((m) => m !== '');
  for (const media of mediaTypes) {
    for (const value of [media, media + '; charset=utf-8', media + ';charset=utf-8', media + '; charset=UTF-8', media + ';charset=UTF-8']) {
      add(out, seen, value, value, value);
    }
  }
  add(out, seen, sent.toLowerCase(), sent.toLowerCase(), sent.toLowerCase());
  add(out, seen, '', 'an empty value', '空值');
  return out;
}

/** Hosts a client may have signed instead of the Host it sent, with a sentence on how that happens. */
export function hostVariants(sent: string, region: string | undefined, service: string): Variant[] {
  const out: Variant[] = [];
  const seen = new Set<string>([sent]);
  const port = /:(\d+)$/.exec(sent);
  const bare = port ? sent.slice(0, -port[0].length) : sent;
  if (port) {
    add(out, seen, bare, 'The port was left out of the signed host, but the Host header sent has it.', '签名的 host 没有端口，而发送的 Host 头带有端口。');
  } else {
    add(out, seen, sent + ':443', 'The signed host includes :443, but clients leave the default port out of the Host header.', '签名的 host 带有 :443，而客户端发送 Host 头时会省略默认端口。');
  }
  add(out, seen, 'https://' + sent, 'The whole URL was signed in place of the host.', '签名时用了整个 URL 而不是 host。');
  add(out, seen, sent.toLowerCase(), 'The host was signed in another letter case.', '签名的 host 大小写不同。');
  const regional = 'A regional host and the nearest-region host are different strings: the signature must name the host the request really goes to.';
  const regionalZh = '地域域名和就近接入域名是不同的字符串：签名中的 host 必须是请求实际发往的域名。';
  add(out, seen, NEAREST_HOST, regional, regionalZh);
  add(out, seen, INTL_HOST, 'The international-site host and the China-site host are different strings: the signature must name the host the request really goes to.', '国际站域名与中国站域名是不同的字符串：签名中的 host 必须是请求实际发往的域名。');
  const regions = region ? [region, ...REGIONS.map((r) => r.id).filter((r) => r !== region)] : REGIONS.map((r) => r.id);
  for (const r of regions) {
    add(out, seen, `trtc.${r}.tencentcloudapi.com`, regional, regionalZh);
  }
  if (service !== 'trtc' && /^[a-z0-9-]+$/.test(service)) {
    add(out, seen, `${service}.tencentcloudapi.com`, 'The host of another product was signed (often left over from sample code).', '签名中用了其他产品的域名（常是示例代码遗留）。');
  }
  return out;
}

/**
 * The keys a client may have signed with: the SecretKey as the server holds it first, then the same
 * key with the characters that files, environment variables and .env quoting add, then the SecretId
 * (keys swapped).
 */
export function signingKeyOptions(input: DiagnoseInput, ctx: { key: string }, secretIdSent: string | undefined): Option[] {
  const options: Option[] = [{ value: ctx.key }];
  const add = (value: string, cause: Option['cause']): void => {
    if (value !== '' && !options.some((k) => k.value === value)) {
      options.push({ value, cause });
    }
  };
  if (input.secretKey !== ctx.key) {
    add(input.secretKey, CAUSES.secretKeyWhitespace('with the spaces or line breaks it has in your configuration', '带有配置中的空格或换行'));
  }
  for (const extra of keyExtras(ctx.key)) {
    add(extra.value, CAUSES.secretKeyWhitespace(extra.en, extra.zh));
  }
  const swapped = CAUSES.keysSwapped({
    en: 'Your code signed with the SecretId as the key. The SecretKey is the signing key; the SecretId only goes in the credential.',
    zh: '代码把 SecretId 当作签名密钥。签名密钥应是 SecretKey，SecretId 只放在凭证中。',
  });
  if (input.secretId) {
    add(input.secretId.trim(), swapped);
  }
  if (secretIdSent) {
    add(secretIdSent, swapped);
  }
  return options;
}

function keyExtras(key: string): Array<{ value: string; en: string; zh: string }> {
  return [
    { value: key + '\n', en: 'with a line break at the end', zh: '末尾带有换行' },
    { value: key + '\r\n', en: 'with a Windows line break (CR LF) at the end', zh: '末尾带有 Windows 换行（CR LF）' },
    { value: key + ' ', en: 'with a space at the end', zh: '末尾带有空格' },
    { value: ' ' + key, en: 'with a space in front', zh: '开头带有空格' },
    { value: '"' + key + '"', en: 'wrapped in double quotes', zh: '带有双引号' },
    { value: "'" + key + "'", en: 'wrapped in single quotes', zh: '带有单引号' },
  ];
}
