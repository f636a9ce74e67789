import {
  canonicalHeaders,
  canonicalRequest,
  deriveTc3Keys,
  sha256Hex,
  TC3_TERMINATOR,
  tc3CredentialScope,
  tc3Signature,
  tc3StringToSign,
  utcDate,
  type Tc3Keys,
} from '../signing';
import { CAUSES, reproducedNote, type CauseText } from './causes';
import type { DiagnoseContext, MethodDiagnosis } from './diagnoseContext';
import { checkSecretId, checkTimestamp, step, type Findings } from './findings';
import { searchMistakes } from './searchMistakes';
import { normalizeTc3Signature, parseAuthorization } from './tc3Authorization';
import { headerLayouts, tc3Dimensions, writeBlock, type HeaderLayout } from './tc3Mistakes';
import type { DiagnoseInput, DiagnosisStep, LocalizedText, PastedRequest } from './types';

export type { DiagnoseContext, MethodDiagnosis } from './diagnoseContext';

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
  const chain = (
    p: {
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
    },
    hashes?: Map<string, string>,
  ): Chain => {
    const request = canonicalRequest({
      httpMethod: p.method,
      canonicalUri: p.uri,
      canonicalQueryString: p.query,
      canonicalHeaders: p.block,
      signedHeaders: p.signedLine,
      hashedPayload: p.hashedPayload,
    });
    let hashed = hashes?.get(request);
    if (hashed === undefined) {
      hashed = sha256Hex(request);
      hashes?.set(request, hashed);
    }
    const stringToSign = tc3StringToSign(p.timestamp, tc3CredentialScope(p.date, p.service), hashed);
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
    const rightBytes = sig.hex === expected.signature;
    findings.add(
      rightBytes
        ? CAUSES.signatureEncoding(sig.form.en + ', and its bytes are the correct signature', sig.form.zh + '，其字节本身是正确的签名', required)
        : CAUSES.signatureEncoding(sig.form.en, sig.form.zh, required),
      // Base64 of the right bytes is reproduced exactly by writing the digest in that form.
      rightBytes && !/^[0-9a-fA-F]{64}$/.test(auth.signature ?? '') ? 'reproduced' : 'fact',
    );
  }

  // Upper-case hex still names the right digest; Base64 is another string the server cannot read
  // as a TC3 signature, so with the right bytes it counts as a reproduced mistake, not a match.
  const bytesMatch = sig.hex === expected.signature;
  const signatureMatches = bytesMatch && (sig.form === undefined || /^[0-9a-fA-F]{64}$/.test(auth.signature ?? ''));
  let theirs: Chain | undefined = bytesMatch ? expected : undefined;
  let reproduced = bytesMatch && !signatureMatches;

  if (!bytesMatch && sig.hex !== undefined) {
    const facts = {
      info,
      expectedDate,
      claimedDate: claimedDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(claimedDate) ? claimedDate : expectedDate,
      claimedService: claimedService !== undefined && claimedService !== '' ? claimedService : ctx.service,
      ...(scopeCause ? { scopeCause } : {}),
      ...(serviceCause ? { serviceCause } : {}),
      theirNames,
      lowerNames,
      baselineNames,
      ...(namesCause ? { namesCause } : {}),
      ...(lineCause ? { lineCause } : {}),
      theirLine,
      expectedLine: expectedHeaders.signedHeaders,
      expectedPayloadHash,
      unsignedPayload,
      ...(secretId !== undefined ? { secretId } : {}),
    };
    const layouts = headerLayouts(req, facts);
    const dims = tc3Dimensions(req, input, ctx, facts, layouts);
    const target = sig.hex;
    // The canonical request's hash is shared by every choice that differs only in how it is
    // signed (key, timestamp, date, service), so it is computed once per request text.
    const hashes = new Map<string, string>();
    let tried: Chain | undefined;
    const match = searchMistakes(dims, (c) => {
      const layout = (layouts.get(c.layout) ?? layouts.get('spec')!).layout as HeaderLayout;
      const block = writeBlock(layout, headers, { contentType: c.contentType, host: c.host, action: c.action });
      tried = chain(
        {
          method: c.method,
          uri: c.uri,
          query: c.query,
          block,
          signedLine: layout.line ?? c.signedLine,
          hashedPayload: c.payload,
          timestamp: c.timestamp,
          key: c.key,
          date: c.date,
          service: c.service,
        },
        hashes,
      );
      return tried.signature === target;
    });
    if (match && tried) {
      reproduced = true;
      theirs = tried;
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
