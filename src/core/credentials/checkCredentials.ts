import type { Credentials } from '../signing/types';

/** A problem found in keys as they were entered, before any request is made. */
export interface CredentialIssue {
  field: 'secretId' | 'secretKey' | 'token';
  severity: 'error' | 'warning';
  code: 'empty' | 'whitespace' | 'quotes' | 'swapped' | 'prefix' | 'length' | 'characters';
  message: string;
}

const KEY_CHARS = /^[A-Za-z0-9]+$/;

/**
 * Checks keys the way a careful colleague would before the first call: whitespace picked up by
 * copy and paste, quotes, SecretId and SecretKey swapped, a SecretId without the `AKID` prefix,
 * unusual lengths or characters. Messages never repeat the key itself.
 */
export function checkCredentials(c: Credentials): CredentialIssue[] {
  const issues: CredentialIssue[] = [];
  const check = (field: 'secretId' | 'secretKey', value: string, label: string) => {
    if (value === '') {
      issues.push({ field, severity: 'error', code: 'empty', message: `${label} is empty` });
      return;
    }
    if (value !== value.trim()) {
      issues.push({ field, severity: 'error', code: 'whitespace', message: `${label} has leading or trailing whitespace (often picked up by copy and paste)` });
    }
    if (/^["'`].*["'`]$/.test(value.trim())) {
      issues.push({ field, severity: 'error', code: 'quotes', message: `${label} is wrapped in quotes; paste the key without them` });
    } else if (!KEY_CHARS.test(value.trim())) {
      issues.push({ field, severity: 'warning', code: 'characters', message: `${label} contains characters other than letters and digits` });
    }
  };
  check('secretId', c.secretId, 'SecretId');
  check('secretKey', c.secretKey, 'SecretKey');
  const id = c.secretId.trim();
  const key = c.secretKey.trim();
  if (id && key) {
    if (!id.startsWith('AKID') && key.startsWith('AKID')) {
      issues.push({ field: 'secretId', severity: 'error', code: 'swapped', message: 'SecretId and SecretKey look swapped: the SecretKey starts with AKID, which is how SecretIds start' });
    } else if (!id.startsWith('AKID')) {
      issues.push({ field: 'secretId', severity: 'warning', code: 'prefix', message: 'SecretId does not start with AKID, as Tencent Cloud API SecretIds do' });
    }
    if (id.startsWith('AKID') && (id.length < 32 || id.length > 40)) {
      issues.push({ field: 'secretId', severity: 'warning', code: 'length', message: `SecretId is ${id.length} characters long; they are usually 36` });
    }
    if (!key.startsWith('AKID') && (key.length < 30 || key.length > 40)) {
      issues.push({ field: 'secretKey', severity: 'warning', code: 'length', message: `SecretKey is ${key.length} characters long; they are usually 32` });
    }
  }
  if (c.token !== undefined && c.token !== c.token.trim()) {
    issues.push({ field: 'token', severity: 'error', code: 'whitespace', message: 'Session token has leading or trailing whitespace' });
  }
  return issues;
}
