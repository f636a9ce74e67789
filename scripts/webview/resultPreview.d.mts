// Types of the result page harness (resultPreview.mjs) for the page tests and benchmarks written in TypeScript.
import type { Page } from 'playwright-core';
import type { FromResultPage, ResultInit, ResultPageState, ToResultPage } from '../../src/shared/resultProtocol';
import type { ThemeName } from './preview.mjs';

/** One open result panel. */
export declare class ResultPanel {
  readonly page: Page;
  /** Messages the page posted, in order. */
  readonly messages: FromResultPage[];
  /** Console errors, uncaught exceptions, CSP violations and failed loads. */
  readonly problems: string[];
  /** Console warnings. */
  readonly warnings: string[];
  /** The last state saved with setState. */
  readonly state: ResultPageState | undefined;
  waitForMessage<T extends FromResultPage>(predicate: (m: FromResultPage) => m is T, options?: { from?: number; timeoutMs?: number; label?: string }): Promise<T>;
  send(message: ToResultPage): Promise<void>;
  close(): Promise<void>;
}

/** Bundles the result page like esbuild.mjs does, into another folder. */
export declare function buildResultBundle(outdir: string, options?: { production?: boolean }): Promise<{ bytes: number }>;
/** The HTML of the result page, as the host renders it, plus the harness's theme and fake host. */
export declare function resultPageHtml(options: { origin: string; theme?: ThemeName; init?: ResultInit; script?: string }): string;

/** A browser and a server with the result page prepared. */
export declare class ResultHarness {
  static start(): Promise<ResultHarness>;
  readonly bundleBytes: number;
  /** `script: 'blank.js'` loads the page without its bundle; `waitFor: ''` returns without waiting for a render. */
  open(options?: { init?: ResultInit; theme?: ThemeName; width?: number; height?: number; script?: string; waitFor?: string }): Promise<ResultPanel>;
  close(): Promise<void>;
}
