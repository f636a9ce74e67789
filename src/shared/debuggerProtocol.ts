import { z } from 'zod';

/*
 * The message contract between the signature debugger's host side (src/editor/signature/debuggerPanel.ts)
 * and its page (src/pages/debugger). Both sides import this file. Messages from the page are
 * untrusted input: the host parses every one with `fromDebuggerSchema` before acting on it.
 *
 * The SecretKey travels in one direction only: the page sends what the user typed with `diagnose`,
 * and nothing the host sends back ever contains it. A profile's key never reaches the page at all:
 * the page asks for `diagnoseWithProfile` and the host looks the key up itself.
 */

/** How a recomputed step compares with the request's own value. */
export type StepStatusView = 'ok' | 'differs' | 'unknown' | 'skipped';

/** One recomputed step, localized. */
export interface StepView {
  key: string;
  title: string;
  status: StepStatusView;
  /** The correct value for this request (derived keys cut to 8 hex digits). */
  expected: string;
  /** The request's value, when it shows one or a mistake reproduced it. */
  actual?: string;
  note?: string;
}

/** A cause of the failure, localized, most likely first. */
export interface CauseView {
  id: string;
  title: string;
  explanation: string;
  fix: string;
  confidence: 'certain' | 'likely' | 'possible';
  /** Part of the computation that gave exactly the request's signature. */
  reproduced?: boolean;
  /** The step the cause shows up in. */
  step?: string;
}

/** Everything the page shows about one diagnosis; holds no secret. */
export interface DiagnosisView {
  signMethod: string;
  /** `ok`: the signature is right for this key; `wrong`: it is not; `none`: the request carries no signature. */
  verdict: 'ok' | 'wrong' | 'none';
  /** A usual mistake reproduced the request's signature exactly. */
  reproduced: boolean;
  /**
   * How sure the verdict is: `correct` (it verifies with the key), `reproduced` (the mistakes named
   * give exactly the request's signature), `likely` (the request plainly shows what is wrong),
   * `unknown` (no usual mistake reproduces it).
   */
  certainty: 'correct' | 'reproduced' | 'likely' | 'unknown';
  /** The verdict in one sentence, starting with its certainty. */
  headline: string;
  summary: string;
  steps: StepView[];
  firstDifference?: { key: string; title: string; expected: string; actual?: string };
  causes: CauseView[];
  warnings: string[];
  /** Whose key was used, in words: "the key you entered", "profile "dev"'s key". */
  keySource: string;
}

/** A request to start from: the failing call, signed request rebuilt as raw HTTP. */
export interface PrefillView {
  /** Changes whenever the host prefills a new request, so the page can tell it from one it saw. */
  id: string;
  text: string;
  /** Where the text comes from, in words. */
  note: string;
  /** The profile whose key the host can diagnose with; the key itself stays in the host. */
  profile?: string;
}

/** What the page needs to render, in answer to `ready`. */
export interface DebuggerInit {
  /** Localized page strings keyed by their English text. */
  strings: Record<string, string>;
  locale: string;
  prefill?: PrefillView;
  /** The last diagnosis of this panel, so it survives the page being hidden and shown again. */
  diagnosis?: DiagnosisView;
}

/** Messages the host sends to the page. */
export type ToDebugger =
  | { type: 'init'; data: DebuggerInit }
  | { type: 'prefill'; prefill: PrefillView }
  | { type: 'diagnosing' }
  | { type: 'diagnosis'; diagnosis: DiagnosisView }
  | { type: 'error'; message: string };

// A pasted request may carry a TC3 body of up to 10 MB, the API's own limit.
const pastedText = z.string().max(11 * 1024 * 1024);

/** Messages the page sends to the host, validated on arrival. */
export const fromDebuggerSchema = z.discriminatedUnion('type', [
  /** The page has loaded and asks for its data. */
  z.object({ type: z.literal('ready') }),
  /** Diagnose the pasted request with the key the user typed (kept in memory only). */
  z.object({
    type: z.literal('diagnose'),
    text: pastedText,
    secretKey: z.string().min(1).max(1024),
    secretId: z.string().max(256).optional(),
    temporary: z.boolean().optional(),
  }),
  /** Diagnose the pasted request with the prefilled profile's key, which only the host knows. */
  z.object({ type: z.literal('diagnoseWithProfile'), text: pastedText }),
  /** Open the last diagnosis as a plain-text document (to save or share; it holds no secret). */
  z.object({ type: z.literal('openReport') }),
]);

/** A message from the page, after validation. */
export type FromDebugger = z.infer<typeof fromDebuggerSchema>;

/**
 * What the page keeps with `setState`: the paste and the optional inputs, never the SecretKey.
 * Restored by the page after a reload; the serializer only checks that it is sane.
 */
export const debuggerStateSchema = z.object({
  text: pastedText.optional(),
  secretId: z.string().max(256).optional(),
  temporary: z.boolean().optional(),
  /** The prefill the text came from, so the same prefill does not overwrite later edits. */
  prefillId: z.string().max(100).optional(),
});

/** The page's persisted state. */
export type DebuggerState = z.infer<typeof debuggerStateSchema>;
