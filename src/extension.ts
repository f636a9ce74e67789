import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('TRTC API Explorer', { log: true });
  context.subscriptions.push(log, vscode.commands.registerCommand('trtcExplorer.showLogs', () => log.show()));
}

export function deactivate(): void {}
