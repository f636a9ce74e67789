import { maskSecret } from '../core/redact';
import { hideSecrets, secretForms, type SecretForms } from '../core/requests/requestText';
import type { CallSpec } from '../core/requests/types';
import { REDACTED } from '../core/sensitive';

/**
 * Hides, in what a command prints, the secrets it handled: the session token and the values of
 * sensitive parameters (storage keys, UserSigs), in every form they take, including where a server
 * echoed them back in an answer or an error message. Terminals and CI logs keep what they are
 * shown, so these values are sent to the API and printed nowhere.
 */
export class OutputScrubber {
  private readonly specs: CallSpec[] = [];
  private forms: SecretForms | undefined;

  constructor(private readonly token?: string) {}

  /** Adds the sensitive parameter values of a call. */
  add(spec: CallSpec): void {
    this.specs.push(spec);
    this.forms = undefined;
  }

  /** The text with every secret replaced: the token by its masked form, parameter values by `<redacted>`. */
  hide(text: string): string {
    this.forms ??= this.build();
    return hideSecrets(text, this.forms);
  }

  private build(): SecretForms {
    const replacements: SecretForms['replacements'] = [];
    const token = this.token;
    if (token) {
      replacements.push(...secretForms({ action: '', params: {} }, token, maskSecret(token), REDACTED).replacements);
    }
    for (const spec of this.specs) {
      replacements.push(...secretForms(spec, undefined, '', REDACTED).replacements);
    }
    replacements.sort((a, b) => b[0].length - a[0].length);
    return { replacements };
  }
}
