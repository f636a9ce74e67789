import {
  canonicalHeaders,
  canonicalRequest,
  decodeParams,
  deriveTc3Keys,
  encodeParams,
  rfc3986Encode,
  sha256Hex,
  sortParams,
  TC3_ALGORITHM,
  TC3_TERMINATOR,
  tc3CredentialScope,
  tc3Signature,
  tc3StringToSign,
  utcDate,
  type Tc3Keys,
} from '../signing';
import { CAUSES, reproducedNote, type CauseText } from './causes';
import { checkSecretId, checkTimestamp, step, type Findings, type TimestampInfo } from './findings';
import { searchMistakes, type Dimension, type Option } from './searchMistakes';
import type { DiagnoseInput, DiagnosisStep, LocalizedText, PastedRequest } from './types';
import { contentTypeVariants, hostVariants, payloadVariants, signingKeyOptions } from './variants';

/** What one signature method's diagnosis hands back to the common part. */
export interface MethodDiagnosis {
  steps: DiagnosisStep[];
  signatureMatches: boolean;
  reproduced: boolean;
  /** True when both signatures could be read and computed, so a mismatch says something about the key or the bytes. */
  compared: boolean;
  secretId?: string;
  timestamp?: TimestampInfo;
  timestampText?: string;
  tokenSent?: string;
}

/** Settings shared by both methods: the key to sign with and the service the request should name. */
export interface DiagnoseContext {
  /** The SecretKey, trimmed: the key the server holds. */
  key: string;
  service: string;
}

interface ParsedAuthorization {
  algorithm: string;
  credential?: string;
  signedHeaders?: string;
  signature?: string;
  problemsEn: string[];
  problemsZh: string[];
  /** The header as it should be written with the same parts. */
  canonical: string;
}

function parseAuthorization(raw: string): ParsedAuthorization {
  const value = raw.trim();
  const space = value.search(/\s/);
  const algorithm = space < 0 ? value : value.slice(0, space);
  const rest = space < 0 ? '' : value.slice(space).trim();
  const en: string[] = [];
  const zh: string[] = [];
  if (algorithm !== TC3_ALGORITHM) {
    en.push(`It starts with ${JSON.stringify(algorithm.slice(0, 40))} instead of "${TC3_ALGORITHM}".`);
    zh.push(`它以 ${JSON.stringify(algorithm.slice(0, 40))} 开头，而不是 "${TC3_ALGORITHM}"。`);
  }
  // The credential is read up to the next separator, white space included, so a SecretId with a
  // stray tab or space is reported as such rather than as a broken header.
  const credential = /(?:^|[\s,;])Credential=(.*?)(?=\s*[,;]|\s+(?:SignedHeaders|Signature)=|\s*$)/.exec(rest)?.[1];
  const signedHeadersRaw = /(?:^|[\s,;])SignedHeaders=([^,]*?)\s*(?=,|;?\s*Signature=|$)/.exec(rest)?.[1];
  const signature = /(?:^|[\s,;])Signature=([^,;\s]*)/.exec(rest)?.[1];
  for (const [name, found] of [
    ['Credential', credential],
    ['SignedHeaders', signedHeadersRaw],
    ['Signature', signature],
  ] as const) {
    if (found === undefined) {
      const otherCase = new RegExp(`${name}=`, 'i').test(rest);
      en.push(otherCase ? `"${name}=" is written in another letter case.` : `It has no "${name}=" part.`);
      zh.push(otherCase ? `"${name}=" 的大小写不对。` : `缺少 "${name}=" 部分。`);
    }
  }
  if (signedHeadersRaw !== undefined && /\s/.test(signedHeadersRaw)) {
    en.push(`SignedHeaders contains spaces (${JSON.stringify(signedHeadersRaw)}).`);
    zh.push(`SignedHeaders 中含有空格（${JSON.stringify(signedHeadersRaw)}）。`);
  }
  const signedHeaders = signedHeadersRaw?.replace(/\s+/g, '');
  const canonical = `${TC3_ALGORITHM} Credential=${credential ?? '<SecretId>/<date>/<service>/tc3_request'}, SignedHeaders=${signedHeaders ?? 'content-type;host'}, Signature=${signature ?? '<signature>'}`;
  if (en.length === 0 && value !== canonical) {
    const detailEn = /;\s*(SignedHeaders|Signature)=/.test(rest)
      ? 'The parts are separated by ";" instead of ", ".'
      : /,(?! )/.test(rest) || /,\s{2,}/.test(rest)
        ? 'The parts must be separated by a comma and exactly one space (", ").'
        : 'The spacing differs from the required layout.';
    const detailZh = /;\s*(SignedHeaders|Signature)=/.test(rest)
      ? '各部分之间用了 ";" 而不是 ", "。'
      : /,(?! )/.test(rest) || /,\s{2,}/.test(rest)
        ? '各部分之间必须用一个逗号加一个空格（", "）分隔。'
        : '空格与规定的格式不一致。';
    en.push(detailEn);
    zh.push(detailZh);
  }
  return { algorithm, credential, signedHeaders, signature, problemsEn: en, problemsZh: zh, canonical };
}

/** The request's signature as lower-case hex, and how it was written when that is not the required form. */
function normalizeTc3Signature(sig: string | undefined): { hex?: string; form?: LocalizedText } {
  if (sig === undefined || sig === '') {
    return {};
  }
  if (/^[0-9a-f]{64}$/.test(sig)) {
    return { hex: sig };
  }
  if (/^[0-9a-fA-F]{64}$/.test(sig)) {
    return { hex: sig.toLowerCase(), form: { en: 'upper-case hexadecimal', zh: '大写十六进制' } };
  }
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(sig)) {
    const bytes = Buffer.from(sig.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) {
      return { hex: bytes.toString('hex'), form: { en: 'Base64', zh: 'Base64 编码' } };
    }
  }
  return { form: { en: `${sig.length} characters that are not 64 hexadecimal digits`, zh: `${sig.length} 个字符，而不是 64 位十六进制数` } };
}

// The preferred reading of a time-zone offset, so a date one day ahead is explained as UTC+8
// (the most common local time of TRTC users) rather than any other zone that also fits.
const PREFERRED_OFFSETS = [8, 9, 7, 5.5, 3, 1, 2, 10, -5, -8, -4, -7, -6, -3, 12, -10, 14, 13, 11, 6, 4, 5, -1, -2, -9, -11, -12];

function localOffsetFor(date: string, seconds: number): string | undefined {
  const fits: number[] = [];
  for (let quarter = -12 * 4; quarter <= 14 * 4; quarter++) {
    if (utcDate(seconds + quarter * 900) === date) {
      fits.push(quarter / 4);
    }
  }
  if (fits.length === 0 || fits.includes(0)) {
    return undefined;
  }
  const best = PREFERRED_OFFSETS.find((o) => fits.includes(o)) ?? fits[0];
  const hours = Math.trunc(Math.abs(best));
  const minutes = Math.round((Math.abs(best) - hours) * 60);
  return `UTC${best < 0 ? '-' : '+'}${hours}${minutes ? ':' + String(minutes).padStart(2, '0') : ''}`;
}

function prefixes(keys: Tc3Keys): string {
  return [
    `SecretDate    ${keys.secretDate.toString('hex').slice(0, 8)}…`,
    `SecretService ${keys.secretService.toString('hex').slice(0, 8)}…`,
    `SecretSigning ${keys.secretSigning.toString('hex').slice(0, 8)}…`,
  ].join('\n');
}

function sortedUnique(names: string[]): string[] {
  return [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One signing computed from explicit pieces; the debugger's counterpart of signTc3 for values that may be wrong. */
interface Chain {
  block: string;
  signedLine: string;
  hashedPayload: string;
  canonicalRequest: string;
  stringToSign: string;
  keys: Tc3Keys;
  signature: string;
}

/**
 * Recomputes a TC3-HMAC-SHA256 signature from the pasted request, compares every value the request
 * shows, and when the signature differs, searches the usual mistakes for the one that reproduces it.
 */
export function diagnoseTc3(req: PastedRequest, input: DiagnoseInput, ctx: DiagnoseContext, findings: Findings): MethodDiagnosis {
  const steps: DiagnosisStep[] = [];
  const headers = req.headerMap;
  const auth = parseAuthorization(headers.authorization ?? '');

  if (auth.problemsEn.length > 0) {
    findings.add(CAUSES.authorizationFormat(auth.problemsEn, auth.problemsZh), 'fact');
  }
  const sig = normalizeTc3Signature(auth.signature);
  steps.push(step('authorization', auth.problemsEn.length > 0 ? 'differs' : 'ok', auth.canonical, headers.authorization));

  const credentialParts = auth.credential?.split('/') ?? [];
  const secretId = credentialParts[0];
  steps.push(checkSecretId(secretId, input, findings));

  const ts = checkTimestamp(headers['x-tc-timestamp'], findings);
  steps.push(ts.step);
  const info = ts.info;

  const expectedDate = info?.seconds !== undefined ? utcDate(info.seconds) : undefined;
  const claimedDate = credentialParts[1];
  const claimedService = credentialParts[2];
  const claimedTerminator = credentialParts[3];
  const expectedScope = tc3CredentialScope(expectedDate ?? 'YYYY-MM-DD', ctx.service);
  let scopeCause: CauseText | undefined;
  let serviceCause: CauseText | undefined;
  if (auth.credential !== undefined) {
    const actualScope = credentialParts.slice(1).join('/');
    if (credentialParts.length !== 4 || claimedTerminator !== TC3_TERMINATOR) {
      findings.add(
        CAUSES.scopeFormat(
          `The credential is ${JSON.stringify(actualScope)} after the SecretId: ${credentialParts.length - 1} parts where date, service and "${TC3_TERMINATOR}" are expected.`,
          `凭证中 SecretId 之后是 ${JSON.stringify(actualScope)}：有 ${credentialParts.length - 1} 段，而应为日期、服务名和 "${TC3_TERMINATOR}" 三段。`,
        ),
        'fact',
      );
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(claimedDate)) {
      findings.add(
        CAUSES.scopeFormat(`The date ${JSON.stringify(claimedDate)} is not written YYYY-MM-DD.`, `日期 ${JSON.stringify(claimedDate)} 不是 YYYY-MM-DD 格式。`),
        'fact',
      );
    } else if (expectedDate !== undefined && claimedDate !== expectedDate) {
      const offset = info?.seconds !== undefined ? localOffsetFor(claimedDate, info.seconds) : undefined;
      scopeCause = offset ? CAUSES.scopeDateLocalTime(claimedDate, expectedDate, offset) : CAUSES.scopeDateWrong(claimedDate, expectedDate);
      findings.add(scopeCause, 'visible');
    }
    if (claimedService !== undefined && claimedService !== ctx.service) {
      serviceCause = CAUSES.scopeServiceWrong(claimedService, ctx.service);
      findings.add(serviceCause, 'visible');
    }
    steps.push(step('credentialScope', actualScope === expectedScope ? 'ok' : 'differs', expectedScope, actualScope));
  } else {
    steps.push(step('credentialScope', 'skipped', expectedScope));
  }

  // Signed headers: what the request lists, and the list it should have given the headers it sends.
  const theirLine = auth.signedHeaders ?? '';
  const theirNames = theirLine.split(';').filter((n) => n !== '');
  const lowerNames = theirNames.map((n) => n.toLowerCase());
  const present = (name: string): boolean => headers[name] !== undefined;
  const notSent = sortedUnique(lowerNames.filter((n) => !present(n)));
  const missingRequired = ['content-type', 'host'].filter((n) => !lowerNames.includes(n));
  const expectedNames = sortedUnique([...lowerNames.filter(present), 'content-type', 'host']);
  const expectedHeaders = canonicalHeaders(expectedNames.map((n) => [n, headers[n] ?? ''] as const));
  const baselineNames = sortedUnique(lowerNames);
  let namesCause: CauseText | undefined;
  let lineCause: CauseText | undefined;
  if (auth.signedHeaders !== undefined) {
    if (theirNames.some((n) => n !== n.toLowerCase())) {
      namesCause = CAUSES.signedHeadersCase(theirLine);
      findings.add(namesCause, 'fact');
    } else if (lowerNames.join(';') !== baselineNames.join(';')) {
      namesCause = CAUSES.signedHeadersUnsorted(theirLine, baselineNames.join(';'));
      findings.add(namesCause, 'fact');
    }
    lineCause = namesCause;
    if (notSent.length > 0) {
      const c = CAUSES.signedHeaderNotSent(notSent);
      lineCause ??= c;
      findings.add(c, 'fact');
    }
    if (missingRequired.length > 0) {
      const c = CAUSES.signedHeadersMissingRequired(missingRequired);
      lineCause ??= c;
      findings.add(c, 'fact');
    }
    steps.push(step('signedHeaders', theirLine === expectedHeaders.signedHeaders ? 'ok' : 'differs', expectedHeaders.signedHeaders, theirLine));
  } else {
    steps.push(step('signedHeaders', 'skipped', expectedHeaders.signedHeaders));
  }
  if (!present('content-type')) {
    findings.add(CAUSES.contentTypeMissing(), 'fact');
  }

  const unsignedPayload = (headers['x-tc-content-sha256'] ?? '').trim() === 'UNSIGNED-PAYLOAD';
  const expectedPayloadHash = sha256Hex(unsignedPayload ? 'UNSIGNED-PAYLOAD' : req.body);
  const result: MethodDiagnosis = {
    steps,
    signatureMatches: false,
    reproduced: false,
    compared: false,
    secretId,
    timestamp: info,
    timestampText: headers['x-tc-timestamp'],
    tokenSent: headers['x-tc-token'],
  };

  if (info === undefined || expectedDate === undefined) {
    for (const key of ['canonicalHeaders', 'hashedPayload', 'canonicalRequest', 'stringToSign', 'derivedKeys', 'signature'] as const) {
      const expected = key === 'canonicalHeaders' ? expectedHeaders.canonicalHeaders : key === 'hashedPayload' ? expectedPayloadHash : '';
      steps.push(step(key, key === 'canonicalHeaders' || key === 'hashedPayload' ? 'unknown' : 'skipped', expected, key === 'signature' ? auth.signature : undefined));
    }
    return result;
  }

  const keyCache = new Map<string, Tc3Keys>();
  const keysFor = (key: string, date: string, service: string): Tc3Keys => {
    const id = key + '\u0000' + date + '\u0000' + service;
    let keys = keyCache.get(id);
    if (!keys) {
      keys = deriveTc3Keys(key, date, service);
      keyCache.set(id, keys);
    }
    return keys;
  };
  const chain = (p: {
    method: string;
    uri: string;
    query: string;
    block: string;
    signedLine: string;
    hashedPayload: string;
    timestamp: string;
    key: string;
    date: string;
    service: string;
  }): Chain => {
    const request = canonicalRequest({
      httpMethod: p.method,
      canonicalUri: p.uri,
      canonicalQueryString: p.query,
      canonicalHeaders: p.block,
      signedHeaders: p.signedLine,
      hashedPayload: p.hashedPayload,
    });
    const stringToSign = tc3StringToSign(p.timestamp, tc3CredentialScope(p.date, p.service), sha256Hex(request));
    const keys = keysFor(p.key, p.date, p.service);
    return {
      block: p.block,
      signedLine: p.signedLine,
      hashedPayload: p.hashedPayload,
      canonicalRequest: request,
      stringToSign,
      keys,
      signature: tc3Signature(keys.secretSigning, stringToSign),
    };
  };

  const expected = chain({
    method: req.method,
    uri: req.path,
    query: req.query,
    block: expectedHeaders.canonicalHeaders,
    signedLine: expectedHeaders.signedHeaders,
    hashedPayload: expectedPayloadHash,
    timestamp: info.text,
    key: ctx.key,
    date: expectedDate,
    service: ctx.service,
  });

  if (sig.form !== undefined) {
    const required: LocalizedText = { en: 'It must be the HMAC-SHA256 digest as 64 lower-case hexadecimal digits.', zh: '它必须是 HMAC-SHA256 摘要的 64 位小写十六进制。' };
    findings.add(
      sig.hex === expected.signature
        ? CAUSES.signatureEncoding(
            sig.form.en + ', and its bytes are the correct signature',
            sig.form.zh + '，其字节本身是正确的签名',
            required,
          )
        : CAUSES.signatureEncoding(sig.form.en, sig.form.zh, required),
      'fact',
    );
  }

  const signatureMatches = sig.hex === expected.signature;
  let theirs: Chain | undefined = signatureMatches ? expected : undefined;
  let reproduced = false;

  if (!signatureMatches && sig.hex !== undefined) {
    const dims = tc3Dimensions(req, input, ctx, {
      info,
      expectedDate,
      claimedDate: claimedDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(claimedDate) ? claimedDate : expectedDate,
      claimedService: claimedService !== undefined && claimedService !== '' ? claimedService : ctx.service,
      scopeCause,
      serviceCause,
      theirNames,
      lowerNames,
      baselineNames,
      namesCause,
      lineCause,
      theirLine,
      expectedLine: expectedHeaders.signedHeaders,
      expectedPayloadHash,
      unsignedPayload,
      secretId,
    });
    const blockFor = (c: Record<string, string>): string => {
      const valueOf = (lower: string): string => (lower === 'content-type' ? c.contentType : lower === 'host' ? c.host : (headers[lower] ?? ''));
      if (c.names === 'spec' && c.action !== 'original') {
        return canonicalHeaders(baselineNames.map((n) => [n, valueOf(n)] as const)).canonicalHeaders;
      }
      // The mistaken layouts are written out directly: canonicalHeaders always normalizes, and
      // these reproduce code that did not.
      const names = c.names === 'verbatim' ? theirNames : c.names === 'listed' ? lowerNames : baselineNames;
      let block = '';
      for (const name of names) {
        const lower = name.toLowerCase();
        const raw = valueOf(lower).trim();
        const value = lower === 'x-tc-action' && c.action !== 'original' ? raw.toLowerCase() : raw;
        block += (c.names === 'verbatim' ? name : lower) + ':' + value + '\n';
      }
      return block;
    };
    const target = sig.hex;
    // searchMistakes stops at the first choice that passes, so the chain computed for it is kept.
    let matched: ReturnType<typeof chain> | undefined;
    const match = searchMistakes(dims, (c) => {
      const s = chain({
        method: c.method,
        uri: c.uri,
        query: c.query,
        block: blockFor(c),
        signedLine: c.signedLine,
        hashedPayload: c.payload,
        timestamp: c.timestamp,
        key: c.key,
        date: c.date,
        service: c.service,
      });
      matched = s;
      return s.signature === target;
    });
    if (match && matched) {
      reproduced = true;
      theirs = matched;
      for (const cause of match.causes) {
        findings.add(reproducedNote(cause), 'reproduced');
      }
    }
  }

  const compare = (key: 'canonicalHeaders' | 'hashedPayload' | 'canonicalRequest' | 'stringToSign' | 'derivedKeys', exp: string, act: string | undefined): void => {
    if (act === undefined) {
      steps.push(step(key, 'unknown', exp));
    } else {
      steps.push(step(key, act === exp ? 'ok' : 'differs', exp, act));
    }
  };
  compare('canonicalHeaders', expected.block, theirs?.block);
  compare('hashedPayload', expected.hashedPayload, theirs?.hashedPayload);
  compare('canonicalRequest', expected.canonicalRequest, theirs?.canonicalRequest);
  compare('stringToSign', expected.stringToSign, theirs?.stringToSign);
  compare('derivedKeys', prefixes(expected.keys), theirs ? prefixes(theirs.keys) : undefined);
  steps.push(step('signature', signatureMatches ? 'ok' : 'differs', expected.signature, auth.signature));

  result.signatureMatches = signatureMatches;
  result.reproduced = reproduced;
  result.compared = sig.hex !== undefined;
  return result;
}

interface Tc3Facts {
  info: TimestampInfo;
  expectedDate: string;
  claimedDate: string;
  claimedService: string;
  scopeCause?: CauseText;
  serviceCause?: CauseText;
  theirNames: string[];
  lowerNames: string[];
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

// The parts of a TC3 signature that the usual mistakes change, each with the request's own value
// first. The order decides which explanation wins among equally simple ones.
function tc3Dimensions(req: PastedRequest, input: DiagnoseInput, ctx: DiagnoseContext, f: Tc3Facts): Dimension[] {
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
  dims.push({ name: 'payload', options: payload });

  const sentType = headers['content-type'] ?? '';
  const contentType: Option[] = [{ value: sentType.trim() }];
  if (f.lowerNames.includes('content-type')) {
    for (const v of contentTypeVariants(sentType.trim())) {
      contentType.push({ value: v.value, cause: CAUSES.contentTypeDiffers(v.value, sentType.trim()) });
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

  const names: Option[] = [{ value: 'spec' }];
  if (f.namesCause) {
    names.push({ value: 'verbatim', cause: f.namesCause });
    if (f.lowerNames.join(';') !== f.baselineNames.join(';') && f.theirNames.join(';') !== f.lowerNames.join(';')) {
      names.push({ value: 'listed', cause: f.namesCause });
    }
  }
  dims.push({ name: 'names', options: names });

  const lines: Option[] = [{ value: f.theirLine }];
  for (const alt of f.lineCause ? [f.baselineNames.join(';'), f.expectedLine] : []) {
    if (!lines.some((l) => l.value === alt)) {
      lines.push({ value: alt, cause: f.lineCause });
    }
  }
  dims.push({ name: 'signedLine', options: lines });

  const keyOptions = signingKeyOptions(input, ctx, f.secretId);
  dims.push({ name: 'key', options: keyOptions });

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

  const queryOptions: Option[] = [{ value: req.query }];
  if (req.query !== '') {
    let pairs;
    try {
      pairs = decodeParams(req.query);
    } catch {
      pairs = undefined;
    }
    const addQuery = (value: string, en: string, zh: string): void => {
      if (!queryOptions.some((o) => o.value === value)) {
        queryOptions.push({ value, cause: CAUSES.queryDiffers({ en, zh }) });
      }
    };
    if (pairs) {
      addQuery(pairs.map(([k, v]) => k + '=' + v).join('&'), 'the query parameters with raw, unencoded values', '未编码原始值组成的查询串');
      try {
        addQuery(encodeParams(pairs), 'the query string encoded again in another way', '以另一种方式重新编码的查询串');
        addQuery(encodeParams(sortParams(pairs)), 'the query parameters sorted by name and re-encoded', '按名称排序并重新编码的查询串');
      } catch {
        // A value that cannot be encoded (a lone surrogate) has no re-encoded form to try.
      }
      addQuery(pairs.map(([k, v]) => rfc3986Encode(k) + '=' + encodeURIComponent(v)).join('&'), 'the query string encoded with encodeURIComponent', '用 encodeURIComponent 编码的查询串');
    }
    addQuery('', 'an empty query string', '空查询串');
  }
  dims.push({ name: 'query', options: queryOptions });

  const other = req.method === 'POST' ? 'GET' : 'POST';
  dims.push({ name: 'method', options: [{ value: req.method }, { value: other, cause: CAUSES.methodDiffers(other, req.method) }] });
  const uri: Option[] = [{ value: req.path }];
  if (req.path !== '/') {
    uri.push({ value: '/', cause: CAUSES.pathDiffers('/', req.path) });
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
