/**
 * Masks a secret for display: keeps a short prefix and suffix so a user can tell keys apart,
 * hides the rest. Short values are hidden completely.
 */
export function maskSecret(value: string, keep = 4): string {
  if (value.length <= keep * 3) {
    return '*'.repeat(Math.max(value.length, 8));
  }
  return value.slice(0, keep) + '*'.repeat(value.length - keep * 2) + value.slice(-keep);
}

/** Replaces every occurrence of each secret in `text` by its masked form. */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) {
      out = out.split(s).join(maskSecret(s));
    }
  }
  return out;
}
