import { TC3_ALGORITHM } from '../signing/tc3';
import type { LocalizedText } from './types';

/** The parts of a TC3 Authorization header, with what is wrong with how it is written. */
export interface ParsedAuthorization {
  algorithm: string;
  credential?: string;
  signedHeaders?: string;
  signature?: string;
  problemsEn: string[];
  problemsZh: string[];
  /** The header as it should be written with the same parts. */
  canonical: string;
}

/** Reads an Authorization header leniently, naming every deviation from the required layout. */
export function parseAuthorization(raw: string): ParsedAuthorization {
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
export function normalizeTc3Signature(sig: string | undefined): { hex?: string; form?: LocalizedText } {
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
