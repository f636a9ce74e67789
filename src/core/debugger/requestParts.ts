import { decodeParams, type ParamPair } from '../signing/encoding';
import type { SignMethod } from '../signing/types';
import type { PastedHeader, PastedRequest, PasteFormat, PasteWarning } from './types';

/** The host assumed when a paste shows neither a Host header nor a URL. */
export const ASSUMED_HOST = 'trtc.tencentcloudapi.com';

/** What a paste parser recovers before the common finishing touches. */
export interface RequestParts {
  format: PasteFormat;
  /** As given; upper-cased later. Undefined when the paste has no method. */
  method?: string;
  scheme?: 'http' | 'https';
  /** `host[:port]` from a URL, when the paste has one. */
  authority?: string;
  path: string;
  query: string;
  headers: PastedHeader[];
  body: string;
  warnings: PasteWarning[];
  /** Shell variables of a curl command whose values were not known. */
  unresolvedVariables?: string[];
}

/** A warning in both languages. */
export function pasteWarning(code: string, en: string, zh: string): PasteWarning {
  return { code, en, zh };
}

/** Splits `scheme://authority/path?query#fragment` by hand, so the path and query keep their exact bytes. */
export function splitUrl(url: string): { scheme?: 'http' | 'https'; authority: string; path: string; query: string } | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/.exec(url);
  if (!m) {
    return undefined;
  }
  const scheme = m[1].toLowerCase();
  // User information (`user:pass@`) is never part of the Host header.
  const authority = m[2].replace(/^.*@/, '');
  return {
    scheme: scheme === 'http' || scheme === 'https' ? scheme : undefined,
    authority,
    path: m[3] === '' ? '/' : m[3],
    query: m[4] ?? '',
  };
}

/** The host a client puts in the Host header for a URL authority: the default port of the scheme is left out, as curl and browsers do. */
export function hostFromAuthority(authority: string, scheme: 'http' | 'https' | undefined): { host: string; droppedPort: boolean } {
  const lower = authority.toLowerCase();
  const defaultPort = scheme === 'http' ? ':80' : ':443';
  if (lower.endsWith(defaultPort)) {
    return { host: authority.slice(0, -defaultPort.length), droppedPort: true };
  }
  return { host: authority, droppedPort: false };
}

/** The raw text that carries the legacy parameters: the query string of a GET, the form body of a POST. */
export function legacyParamText(req: Pick<PastedRequest, 'method' | 'query' | 'body' | 'headerMap'>): { text: string; where: 'query' | 'body' } {
  if (req.method === 'GET') {
    return { text: req.query, where: 'query' };
  }
  const contentType = (req.headerMap['content-type'] ?? '').toLowerCase();
  const bodyLooksLikeForm = /^[^{[\s][^=&\s]*=/.test(req.body);
  if (req.body !== '' && (contentType.startsWith('application/x-www-form-urlencoded') || bodyLooksLikeForm)) {
    return { text: req.body, where: 'body' };
  }
  return { text: req.query, where: 'query' };
}

/** Decoded legacy parameters, or undefined when the text is not valid percent-encoding. */
export function tryDecodeParams(text: string): ParamPair[] | undefined {
  try {
    return decodeParams(text);
  } catch {
    return undefined;
  }
}

function detectSignMethod(req: Omit<PastedRequest, 'signMethod'>): SignMethod | 'unknown' {
  if (req.headerMap.authorization !== undefined) {
    return 'TC3-HMAC-SHA256';
  }
  const { text } = legacyParamText(req);
  const pairs = tryDecodeParams(text);
  const names = pairs ? pairs.map((p) => p[0]) : text.split('&').map((p) => p.split('=', 1)[0]);
  if (names.includes('Signature')) {
    const method = pairs?.find((p) => p[0] === 'SignatureMethod')?.[1];
    return method === 'HmacSHA256' ? 'HmacSHA256' : 'HmacSHA1';
  }
  return 'unknown';
}

/**
 * Turns parsed parts into a {@link PastedRequest}: resolves the method and the host (a Host header
 * wins over the URL), adds the Host header the client sends implicitly, and warns about a body whose
 * length or final line break makes its exact bytes doubtful.
 */
export function finishRequest(parts: RequestParts): PastedRequest {
  const warnings = parts.warnings;
  const headers = parts.headers;
  const headerMap: Record<string, string> = {};
  const seen = new Set<string>();
  for (const h of headers) {
    const lower = h.name.toLowerCase();
    if (seen.has(lower)) {
      warnings.push(
        pasteWarning(
          'duplicate-header',
          `The header ${h.name} appears more than once; the first value is used.`,
          `请求头 ${h.name} 出现了多次，这里使用第一个值。`,
        ),
      );
      continue;
    }
    seen.add(lower);
    headerMap[lower] = h.value;
  }

  let method: string;
  if (parts.method !== undefined) {
    method = parts.method.toUpperCase();
    if (parts.method !== method) {
      warnings.push(
        pasteWarning(
          'method-lowercase',
          `The method is written "${parts.method}"; HTTP methods are upper case, so it is read as ${method}.`,
          `请求方法写成了 "${parts.method}"；HTTP 方法应为大写，这里按 ${method} 处理。`,
        ),
      );
    }
  } else {
    method = parts.body !== '' ? 'POST' : 'GET';
    warnings.push(
      pasteWarning(
        'method-assumed',
        `The paste has no request line, so the method is taken to be ${method} (${parts.body !== '' ? 'there is a body' : 'there is no body'}).`,
        `粘贴内容没有请求行，因此按 ${method} 处理（${parts.body !== '' ? '有请求体' : '没有请求体'}）。`,
      ),
    );
  }

  let host = headerMap.host;
  if (host === undefined && parts.authority !== undefined && parts.authority !== '') {
    const resolved = hostFromAuthority(parts.authority, parts.scheme);
    host = resolved.host;
    if (resolved.droppedPort) {
      warnings.push(
        pasteWarning(
          'default-port-dropped',
          `The URL names the default port; clients such as curl leave it out of the Host header, so the host is taken as ${host}.`,
          `URL 中写了默认端口；curl 等客户端发送 Host 头时会省略它，因此主机按 ${host} 处理。`,
        ),
      );
    }
    headers.push({ name: 'Host', value: host, implied: true });
    headerMap.host = host;
  }
  if (host === undefined) {
    host = ASSUMED_HOST;
    warnings.push(
      pasteWarning(
        'host-assumed',
        `The paste shows no Host header and no URL, so the host is assumed to be ${ASSUMED_HOST}. Add the Host header if your code sent another one.`,
        `粘贴内容既没有 Host 头也没有 URL，因此假定主机为 ${ASSUMED_HOST}。如果代码发往其他主机，请补上 Host 头。`,
      ),
    );
    headers.push({ name: 'Host', value: host, implied: true });
    headerMap.host = host;
  }

  if (method === 'GET' && parts.body !== '') {
    warnings.push(
      pasteWarning(
        'get-with-body',
        'The request is a GET but has a body; GET requests carry their parameters in the query string and hash an empty payload.',
        '这是 GET 请求却带有请求体；GET 请求的参数放在查询串中，签名时哈希的是空字符串。',
      ),
    );
  }
  const settled = settleBody(parts, headerMap['content-length'], warnings);

  const request = {
    format: parts.format,
    method,
    ...(parts.scheme ? { scheme: parts.scheme } : {}),
    host,
    path: parts.path === '' ? '/' : parts.path,
    query: parts.query,
    headers,
    headerMap,
    body: settled.body,
    warnings,
    ...(settled.uncertainTail !== undefined ? { uncertainTail: settled.uncertainTail } : {}),
    ...(parts.unresolvedVariables ? { unresolvedVariables: parts.unresolvedVariables } : {}),
  };
  return { ...request, signMethod: detectSignMethod(request) };
}

/**
 * The body the server read, as far as the paste tells. A Content-Length shorter than the pasted body
 * is what the server reads, when only line breaks follow it: those came from copying. A raw HTTP
 * paste that ends with line breaks and has no Content-Length leaves them uncertain; the debugger
 * then checks the body with and without them. A curl command says exactly what it sends.
 */
function settleBody(parts: RequestParts, contentLength: string | undefined, warnings: PasteWarning[]): { body: string; uncertainTail?: string } {
  const body = parts.body;
  const bytes = Buffer.byteLength(body, 'utf8');
  const trailing = /(?:\r?\n)+$/.exec(body)?.[0];
  const declared = contentLength !== undefined && /^\d+$/.test(contentLength.trim()) ? Number(contentLength.trim()) : undefined;
  const pasted = parts.format === 'http' || parts.format === 'headers';
  if (declared !== undefined && declared !== bytes) {
    const head = Buffer.from(body, 'utf8').subarray(0, declared).toString('utf8');
    const rest = body.slice(head.length);
    if (declared < bytes && Buffer.byteLength(head, 'utf8') === declared && /^[\r\n]+$/.test(rest)) {
      warnings.push(
        pasteWarning(
          'content-length-mismatch',
          `Content-Length says ${declared} bytes but the pasted body has ${bytes}: the line break${rest.length > 1 ? 's' : ''} after them came from copying. The server reads ${declared} bytes, so those are the body checked.`,
          `Content-Length 为 ${declared} 字节，而粘贴的请求体有 ${bytes} 字节：多出的换行是复制时带上的。服务端只读取 ${declared} 字节，因此按这些字节校验。`,
        ),
      );
      return { body: head };
    }
    warnings.push(
      pasteWarning(
        'content-length-mismatch',
        `Content-Length says ${declared} bytes but the pasted body has ${bytes}: the body pasted is not exactly the one sent. Paste the exact body.`,
        `Content-Length 为 ${declared} 字节，而粘贴的请求体有 ${bytes} 字节：粘贴的请求体与实际发送的不完全相同。请粘贴原样的请求体。`,
      ),
    );
    return { body };
  }
  if (trailing === undefined) {
    return { body };
  }
  if (declared !== undefined) {
    warnings.push(
      pasteWarning(
        'body-trailing-newline',
        'The body ends with a line break, and Content-Length counts it: it was sent and is part of the signed bytes.',
        '请求体以换行结尾，Content-Length 也计入了它：它确实被发送，属于签名的字节。',
      ),
    );
    return { body };
  }
  if (!pasted || trailing === body) {
    warnings.push(
      pasteWarning(
        'body-trailing-newline',
        'The body ends with a line break; the command sends it, so it is part of the signed bytes.',
        '请求体以换行结尾；命令会发送它，因此它属于签名的字节。',
      ),
    );
    return { body };
  }
  warnings.push(
    pasteWarning(
      'body-trailing-newline',
      'The body ends with a line break and there is no Content-Length to say whether it was sent or came from copying. The signature is checked both ways; the result says which one it was computed over.',
      '请求体以换行结尾，而没有 Content-Length 说明它是被发送的还是复制时带上的。签名按两种情况都做了校验，结果会说明签名是按哪一种计算的。',
    ),
  );
  return { body, uncertainTail: trailing };
}
