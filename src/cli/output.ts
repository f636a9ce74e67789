import { InputError } from '../core/errors';
import { stringifyJson, type JsonObject } from '../core/json';
import { formatAnswer, OUTPUT_FORMATS, type OutputFormat } from '../core/results/answerOutput';
import { outputSchema } from '../core/results/outputSchema';

/** The `--output` option's usage line, shared by the commands that print answers. */
export const OUTPUT_USAGE = '  --output json|table|csv        json (default); table: aligned columns of the main list; csv: RFC 4180';

/** Reads `--output`; json when absent. */
export function outputFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'json';
  const hit = OUTPUT_FORMATS.find((f) => f === value.toLowerCase());
  if (!hit) {
    throw new InputError(`--output must be one of ${OUTPUT_FORMATS.join(', ')}, not "${value}"`);
  }
  return hit;
}

/**
 * An answer's `Response` object as the command prints it: JSON (big integers exact), aligned
 * columns of its main list, or CSV of that list. Typed with the action's output structures.
 */
export function answerText(response: JsonObject, action: string, format: OutputFormat): string {
  if (format === 'json') {
    return stringifyJson(response, 2) + '\n';
  }
  const schema = outputSchema(action);
  return formatAnswer(response, format, { action, ...(schema ? { schema } : {}) });
}
