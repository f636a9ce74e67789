import { decodeParams, encodeParams, rfc3986Encode, sha256Hex, sortParams, type ParamPair } from '../signing';
import { CAUSES, type CauseText } from './causes';
import type { DiagnoseContext } from './diagnoseContext';
import { ENCODING_STYLES } from './encodingStyles';
import type { TimestampInfo } from './findings';
import type { Dimension, Option } from './searchMistakes';
import type { DiagnoseInput, LocalizedText, PastedRequest } from './types';
import { contentTypeVariants, hostVariants, payloadVariants, signingKeyOptions } from './variants';

/** What the TC3 diagnosis knows before it searches, and what the search varies around. */
export interface Tc3Facts {
  info: TimestampInfo;
  expectedDate: string;
  claimedDate: string;
  claimedService: string;
  scopeCause?: CauseText;
  serviceCause?: CauseText;
  /** The SignedHeaders names as written. */
  theirNames: string[];
  lowerNames: string[];
  /** The listed names, lower case, sorted, without repeats: what the code meant to sign. */
  baselineNames: string[];
  namesCause?: CauseText;
  /** The visible mistake in the SignedHeaders list, if any: what a different signed line means. */
  lineCause?: CauseText;
  theirLine: string;
  expectedLine: string;
  expectedPayloadHash: string;
  unsignedPayload: boolean;
  secretId?: string;
}

/** How code wrote the canonical header block: which names, how, and the signed line when it differs. */
export interface HeaderLayout {
  /** The names as written, in the order written. */
  names: string[];
  transform?: (value: string) => string;
  finalNewline: boolean;
  /** The SignedHeaders line of the canonical request, when the layout implies its own. */
  line?: string;
}

/** The values one choice of the search gives the signed headers. */
export interface HeaderValues {
  contentType: string;
  host: string;
  /** `lower` (as the documentation signs it) or `original`. */
  action: string;
}

/** Writes a canonical header block the way a layout says, values trimmed first. */
export function writeBlock(layout: HeaderLayout, headers: Record<string, string>, v: HeaderValues): string {
  let block = '';
  layout.names.forEach((name, i) => {
    const lower = name.toLowerCase();
    const raw = (lower === 'content-type' ? v.contentType : lower === 'host' ? v.host : (headers[lower] ?? '')).trim();
    let value = lower === 'x-tc-action' && v.action !== 'original' ? raw.toLowerCase() : raw;
    if (layout.transform) {
      value = layout.transform(value);
    }
    block += name + ':' + value + (i < layout.names.length - 1 || layout.finalNewline ? '\n' : '');
  });
  return block;
}

function sorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function words(en: string, zh: string): LocalizedText {
  return { en, zh };
}

// Headers that code signs by mistake when it signs "all headers": the ones it set itself.
const NOT_SIGNABLE = new Set(['authorization', 'content-length', 'connection', 'accept-encoding', 'user-agent', 'accept', 'expect', 'transfer-encoding']);

/**
 * The ways code writes the canonical headers wrong, each a layout with its cause. The first is the
 * documented layout over the names the request lists.
 */
export function headerLayouts(req: PastedRequest, f: Tc3Facts): Map<string, { layout: HeaderLayout; cause?: CauseText }> {
  const out = new Map<string, { layout: HeaderLayout; cause?: CauseText }>();
  const base = f.baselineNames;
  const add = (id: string, layout: HeaderLayout, cause?: CauseText): void => {
    if (!out.has(id)) {
      out.set(id, cause ? { layout, cause } : { layout });
    }
  };
  add('spec', { names: base, finalNewline: true });
  if (f.namesCause) {
    add('verbatim', { names: f.theirNames, finalNewline: true }, f.namesCause);
    if (f.lowerNames.join(';') !== base.join(';') && f.theirNames.join(';') !== f.lowerNames.join(';')) {
      add('listed', { names: f.lowerNames, finalNewline: true }, f.namesCause);
    }
  }
  const sentCase = base.map((n) => req.headers.find((h) => h.name.toLowerCase() === n && !h.implied)?.name ?? n);
  if (sentCase.join(';') !== base.join(';')) {
    add('sentCase', { names: sentCase, finalNewline: true }, CAUSES.canonicalHeadersNotNormalized(words('with the header names in the case they were sent instead of lower case', '头名保持了发送时的大小写，而不是小写')));
  }
  const listed = f.theirLine;
  for (const name of base) {
    add(`omit:${name}`, { names: base.filter((n) => n !== name), finalNewline: true }, CAUSES.signedHeaderListedNotSigned(listed, [name]));
  }
  const sent = sorted(req.headers.map((h) => h.name.toLowerCase())).filter((n) => !base.includes(n) && !NOT_SIGNABLE.has(n));
  for (const name of sent) {
    add(`extra:${name}`, { names: sorted([...base, name]), finalNewline: true }, CAUSES.signedHeaderSignedNotListed(listed, [name]));
  }
  const defaults = ['content-type', 'host'];
  if (base.join(';') !== defaults.join(';') && defaults.every((n) => req.headerMap[n] !== undefined)) {
    add('defaultSet', { names: defaults, finalNewline: true, line: defaults.join(';') }, CAUSES.signedHeaderListedNotSigned(listed, base.filter((n) => !defaults.includes(n))));
  }
  if (base.join(';') === defaults.join(';') && req.headerMap['x-tc-action'] !== undefined) {
    const withAction = [...defaults, 'x-tc-action'];
    add('actionSet', { names: withAction, finalNewline: true, line: withAction.join(';') }, CAUSES.signedHeaderSignedNotListed(listed, ['x-tc-action']));
  }
  add('leadingSpace', { names: base, finalNewline: true, transform: (v) => ' ' + v }, CAUSES.canonicalHeadersNotNormalized(words('with the space after each colon kept (the values were not trimmed)', '保留了冒号后的空格（值没有去掉首尾空格）')));
  add('noFinalNewline', { names: base, finalNewline: false }, CAUSES.canonicalHeadersNotNormalized(words('joined with "\\n" and no line break after the last one', '用 "\\n" 连接，最后一行后面没有换行')));
  if (base.some((n) => (req.headerMap[n] ?? '') !== (req.headerMap[n] ?? '').toLowerCase())) {
    add('valuesLower', { names: base, finalNewline: true, transform: (v) => v.toLowerCase() }, CAUSES.canonicalHeadersNotNormalized(words('with the values in lower case as well as the names', '把值也转成了小写（应只转换头名）')));
  }
  return out;
}

/** The query strings code puts in the canonical request of a GET instead of the one it sends. */
export function queryOptions(query: string): Option[] {
  const options: Option[] = [{ value: query }];
  if (query === '') {
    return options;
  }
  const add = (value: string, en: string, zh: string): void => {
    if (!options.some((o) => o.value === value)) {
      options.push({ value, cause: CAUSES.queryDiffers({ en, zh }) });
    }
  };
  add('?' + query, 'the query string with its leading "?"', '带有开头 "?" 的查询串');
  let pairs: ParamPair[] | undefined;
  try {
    pairs = decodeParams(query);
  } catch {
    pairs = undefined;
  }
  if (pairs) {
    add(pairs.map(([k, v]) => k + '=' + v).join('&'), 'the query parameters with raw, unencoded values', '未编码原始值组成的查询串');
    for (const style of ENCODING_STYLES) {
      const encoded = pairs.map(([k, v]) => rfc3986Encode(k) + '=' + style.encode(v)).join('&');
      add(encoded, `the query values encoded ${style.label.en}`, `查询串的值编码方式为：${style.label.zh}`);
    }
    try {
      add(encodeParams(sortParams(pairs)), 'the query parameters sorted by name and re-encoded', '按名称排序并重新编码的查询串');
    } catch {
      // A value that cannot be encoded (a lone surrogate) has no re-encoded form to try.
    }
    const plus = query.includes('+') ? pairs.map(([k, v]) => k + '=' + v.replace(/\+/g, ' ')).join('&') : undefined;
    if (plus !== undefined) {
      add(plus, 'the query values decoded with "+" as a space', '把 "+" 解码为空格后的查询串值');
    }
  }
  add('', 'an empty query string', '空查询串');
  return options;
}

/**
 * The parts of a TC3 signature that the usual mistakes change, each with the request's own value
 * first. The order decides which explanation wins among equally simple ones.
 */
export function tc3Dimensions(
  req: PastedRequest,
  input: DiagnoseInput,
  ctx: DiagnoseContext,
  f: Tc3Facts,
  layouts: ReadonlyMap<string, { layout: HeaderLayout; cause?: CauseText }>,
): Dimension[] {
  const headers = req.headerMap;
  const dims: Dimension[] = [];

  const payload: Option[] = [{ value: f.expectedPayloadHash }];
  const seenHashes = new Set([f.expectedPayloadHash]);
  const addPayload = (text: string, label: LocalizedText): void => {
    const hash = sha256Hex(text);
    if (!seenHashes.has(hash)) {
      seenHashes.add(hash);
      payload.push({ value: hash, cause: CAUSES.payloadDiffers(label) });
    }
  };
  if (f.unsignedPayload) {
    addPayload(req.body, {
      en: 'the body, although X-TC-Content-SHA256: UNSIGNED-PAYLOAD tells the server to hash the text UNSIGNED-PAYLOAD',
      zh: '请求体本身，而 X-TC-Content-SHA256: UNSIGNED-PAYLOAD 要求服务端对文本 UNSIGNED-PAYLOAD 求哈希',
    });
  } else {
    addPayload('UNSIGNED-PAYLOAD', {
      en: 'the text UNSIGNED-PAYLOAD, without sending the header X-TC-Content-SHA256: UNSIGNED-PAYLOAD',
      zh: '文本 UNSIGNED-PAYLOAD，却没有发送 X-TC-Content-SHA256: UNSIGNED-PAYLOAD 头',
    });
  }
  for (const v of payloadVariants(req.body)) {
    addPayload(v.value, v.label);
  }
  if (req.method === 'GET' && req.query !== '') {
    addPayload(req.query, { en: 'the query string (a GET hashes an empty payload)', zh: '查询串（GET 请求应对空字符串求哈希）' });
  }
  dims.push({ name: 'payload', options: payload });

  const sentType = (headers['content-type'] ?? '').trim();
  const contentType: Option[] = [{ value: sentType }];
  if (f.lowerNames.includes('content-type')) {
    for (const v of contentTypeVariants(sentType)) {
      contentType.push({ value: v.value, cause: CAUSES.contentTypeDiffers(v.value, sentType) });
    }
  }
  dims.push({ name: 'contentType', options: contentType });

  const host: Option[] = [{ value: req.host }];
  if (f.lowerNames.includes('host')) {
    for (const v of hostVariants(req.host, headers['x-tc-region']?.trim(), f.claimedService)) {
      host.push({ value: v.value, cause: CAUSES.hostDiffers(v.value, req.host, v.label.en, v.label.zh) });
    }
  }
  dims.push({ name: 'host', options: host });

  const action = (headers['x-tc-action'] ?? '').trim();
  const actionOptions: Option[] = [{ value: 'lower' }];
  if (f.lowerNames.includes('x-tc-action') && action !== action.toLowerCase()) {
    actionOptions.push({ value: 'original', cause: CAUSES.actionValueCase(action) });
  }
  dims.push({ name: 'action', options: actionOptions });

  dims.push({ name: 'layout', options: [...layouts].map(([id, l]) => (l.cause ? { value: id, cause: l.cause } : { value: id })) });

  const lines: Option[] = [{ value: f.theirLine }];
  for (const alt of f.lineCause ? [f.baselineNames.join(';'), f.expectedLine] : []) {
    if (!lines.some((l) => l.value === alt)) {
      lines.push({ value: alt, cause: f.lineCause });
    }
  }
  dims.push({ name: 'signedLine', options: lines });

  dims.push({ name: 'key', options: signingKeyOptions(input, ctx, f.secretId) });

  const tsOptions: Option[] = [{ value: f.info.text }];
  const addTs = (value: string, cause: CauseText): void => {
    if (!tsOptions.some((t) => t.value === value)) {
      tsOptions.push({ value, cause });
    }
  };
  const n = Number(f.info.text);
  if (f.info.milliseconds) {
    addTs(String(Math.floor(n / 1000)), CAUSES.timestampSignedDiffers(String(Math.floor(n / 1000)), f.info.text));
    addTs(String(Math.round(n / 1000)), CAUSES.timestampSignedDiffers(String(Math.round(n / 1000)), f.info.text));
  } else if (Number.isSafeInteger(n)) {
    for (const d of [-1, 1, -2, 2]) {
      addTs(String(n + d), CAUSES.timestampSignedDiffers(String(n + d), f.info.text));
    }
    addTs(String(n * 1000), CAUSES.timestampMilliseconds(String(n * 1000)));
  }
  dims.push({ name: 'timestamp', options: tsOptions });

  dims.push({ name: 'query', options: queryOptions(req.query) });

  const other = req.method === 'POST' ? 'GET' : 'POST';
  dims.push({ name: 'method', options: [{ value: req.method }, { value: other, cause: CAUSES.methodDiffers(other, req.method) }] });
  const uri: Option[] = [{ value: req.path }];
  for (const alt of ['/', '']) {
    if (alt !== req.path) {
      uri.push({ value: alt, cause: CAUSES.pathDiffers(alt, req.path) });
    }
  }
  dims.push({ name: 'uri', options: uri });

  const dateOptions: Option[] = [{ value: f.claimedDate }];
  if (f.expectedDate !== f.claimedDate) {
    dateOptions.push({ value: f.expectedDate, cause: f.scopeCause ?? CAUSES.scopeDateWrong(f.claimedDate, f.expectedDate) });
  }
  dims.push({ name: 'date', options: dateOptions });

  const serviceOptions: Option[] = [{ value: f.claimedService }];
  if (f.claimedService !== ctx.service) {
    serviceOptions.push({ value: ctx.service, cause: f.serviceCause ?? CAUSES.scopeServiceWrong(f.claimedService, ctx.service) });
  }
  dims.push({ name: 'service', options: serviceOptions });
  return dims;
}
