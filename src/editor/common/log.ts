import * as vscode from 'vscode';
import { redactSecrets } from '../../core/redact';

/**
 * The extension's one log channel. Every line passes through a scrubber that masks any secret the
 * credential store has registered, as a second line of defence behind never logging them at all.
 */
export class Log implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly secrets = new Set<string>();

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** Registers values that must never appear in the log (SecretKeys, tokens). */
  registerSecrets(values: Array<string | undefined>): void {
    for (const v of values) {
      if (v) {
        this.secrets.add(v);
      }
    }
  }

  private scrub(message: string): string {
    return this.secrets.size ? redactSecrets(message, [...this.secrets]) : message;
  }

  trace(component: string, message: string): void {
    this.channel.trace(`[${component}] ${this.scrub(message)}`);
  }

  info(component: string, message: string): void {
    this.channel.info(`[${component}] ${this.scrub(message)}`);
  }

  warn(component: string, message: string): void {
    this.channel.warn(`[${component}] ${this.scrub(message)}`);
  }

  error(component: string, message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}` : error ? String(error) : '';
    this.channel.error(`[${component}] ${this.scrub(message)}${detail ? `\n${this.scrub(detail)}` : ''}`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
