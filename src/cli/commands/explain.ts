import { lookupErrorCode } from '../../core/catalog/errorCodes';
import { InputError } from '../../core/errors';
import { parseCommandArgs } from '../args';
import type { CliIo } from '../io';

// `explain` loads the error table alone, not the signer, code export or UserSig of the other tools.

export const EXPLAIN_USAGE = `Usage: trtc-explorer explain <ErrorCode> [--language en|zh]

Explains an API error code (e.g. AuthFailure.SignatureFailure) and what to do about it.
`;

/** `trtc-explorer explain`. */
export function explainCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, { language: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, EXPLAIN_USAGE);
  if (values.help || positionals.length !== 1) {
    io.stdout(EXPLAIN_USAGE);
    return values.help ? 0 : 2;
  }
  const code = positionals[0];
  const info = lookupErrorCode(code);
  if (!info) {
    throw new InputError(`No explanation for "${code}": it is neither a common Tencent Cloud error code nor a TRTC one`);
  }
  const lang = values.language === 'zh' || values.language === 'zh-CN' ? 'zh' : 'en';
  if (info.code !== code) {
    io.stdout(`${code} has no entry of its own; the general meaning of ${info.code}:\n`);
  }
  io.stdout(`${info.code} (${info.scope === 'common' ? 'common error code' : 'TRTC error code'})\n`);
  io.stdout(`What it means: ${info.explanation[lang]}\nWhat to do: ${info.nextStep[lang]}\n`);
  if (info.signature) {
    io.stdout('Signature-related: `trtc-explorer debug-signature` finds the step that goes wrong.\n');
  }
  return 0;
}
