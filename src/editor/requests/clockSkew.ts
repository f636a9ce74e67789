import * as vscode from 'vscode';

/** Beyond this the status bar warns: signatures expire five minutes after their timestamp. */
export const SKEW_WARNING_MS = 30_000;

/**
 * Tracks the difference between the server's clock (its `Date` header) and ours. The server's
 * second is assumed to fall halfway through the call, so latency does not count as skew; the
 * header's one-second resolution is the remaining error.
 */
export class ClockSkew implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<number | undefined>();
  /** Fires with the new offset in milliseconds (server minus local). */
  readonly onDidChange = this.changed.event;
  private offset: number | undefined;

  /** Records one measurement from a response. */
  observe(serverDateMs: number | undefined, startedAtMs: number, latencyMs: number): void {
    if (serverDateMs === undefined) {
      return;
    }
    const localMid = startedAtMs + latencyMs / 2;
    // The Date header is truncated to the second, so half a second is added to centre it.
    this.offset = serverDateMs + 500 - localMid;
    this.changed.fire(this.offset);
  }

  /** Server time minus local time in milliseconds, when measured. */
  get offsetMs(): number | undefined {
    return this.offset;
  }

  /** True when the measured skew is large enough to worry about. */
  get significant(): boolean {
    return this.offset !== undefined && Math.abs(this.offset) > SKEW_WARNING_MS;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
