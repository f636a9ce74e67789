import type { CallResult, CallSpec } from './types';

/** Where a call came from, for the history. */
export type CallSource = 'form' | 'collection' | 'rerun';

/**
 * One finished call as every listener sees it: the spec as sent (defaults applied), how it ended
 * (an answer, an API error included, or a failure), where it came from and the profile it used
 * (`sandbox` for generated answers).
 */
export interface FinishedCall {
  spec: CallSpec;
  outcome: { result: CallResult; error?: undefined } | { result?: undefined; error: unknown };
  source: CallSource;
  profile?: string;
}

/** Keeps finished calls; the history store implements it for the editor and the command line. */
export interface CallRecorder {
  record(call: FinishedCall): Promise<void>;
}
