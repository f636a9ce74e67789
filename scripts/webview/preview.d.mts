// Types of the preview harness (preview.mjs) for the page tests written in TypeScript.
import type { Browser, Page } from 'playwright-core';
import type { FromWebview, InitData, PanelState, ToWebview } from '../../src/shared/protocol';

/** The repository root. */
export declare const repoRoot: string;
/** Where Chromium is expected. */
export declare const chromiumPath: string;
/** The flags Chromium is launched with. */
export declare const chromiumArgs: string[];
/** The error message when Chromium is missing. */
export declare const missingChromiumMessage: string;

/** Bundles the page like esbuild.mjs does, into another folder. */
export declare function buildBundle(outdir: string, options?: { production?: boolean }): Promise<{ file: string; bytes: number }>;
/** Writes everything the page loads into a folder. */
export declare function preparePage(dir?: string): Promise<{ dir: string; bundleBytes: number }>;
/** The HTML of a panel page, as the host renders it, plus the harness's theme and fake host. */
export declare function pageHtml(options: { origin: string; theme?: ThemeName; init?: InitData; lang?: string }): string;
/** Serves the prepared folder on 127.0.0.1. */
export declare function startServer(dir: string): Promise<{ origin: string; addPage(html: string): string; close(): Promise<void> }>;
/** Launches Debian's Chromium headless. */
export declare function launchChromium(): Promise<Browser>;

/** The themes the preview provides. */
export type ThemeName = 'light' | 'dark' | 'hc';

/** One open request panel. */
export declare class Panel {
  readonly page: Page;
  /** Messages the page posted, in order. */
  readonly messages: FromWebview[];
  /** Console errors, uncaught exceptions, CSP violations and failed loads. */
  readonly problems: string[];
  /** Console warnings. */
  readonly warnings: string[];
  /** The last state saved with setState. */
  readonly state: PanelState | undefined;
  waitForMessage<T extends FromWebview>(predicate: (m: FromWebview) => m is T, options?: { from?: number; timeoutMs?: number; label?: string }): Promise<T>;
  waitForMessage(predicate: (m: FromWebview) => boolean, options?: { from?: number; timeoutMs?: number; label?: string }): Promise<FromWebview>;
  send(message: ToWebview): Promise<void>;
  ofType<K extends FromWebview['type']>(type: K): Array<Extract<FromWebview, { type: K }>>;
  close(): Promise<void>;
}

/** A browser and a server with the page prepared. */
export declare class Harness {
  static start(): Promise<Harness>;
  readonly bundleBytes: number;
  open(options?: { init?: InitData; theme?: ThemeName; width?: number; height?: number; waitForRender?: boolean }): Promise<Panel>;
  close(): Promise<void>;
}
