import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The folders the result page may load from: the built bundles and the stylesheets, nothing else. */
export function resultResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

function escapeAttr(s: string): string {
  return s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The result page's HTML: a strict Content-Security-Policy (nothing by default, no base URL or
 * form targets, scripts only with this render's nonce, styles and fonts only from the extension),
 * every asset through `asWebviewUri`, and one script bundle.
 */
export function resultHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: { title: string; lang: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
  const csp = [
    "default-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(page.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="vscode-codicon-stylesheet" nonce="${nonce}" href="${asset('dist', 'codicons', 'codicon.css')}">
<link rel="stylesheet" nonce="${nonce}" href="${asset('dist', 'result.css')}">
<link rel="stylesheet" nonce="${nonce}" href="${asset('media', 'result.css')}">
<title>${escapeAttr(page.title)}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${asset('dist', 'result.js')}"></script>
</body>
</html>`;
}
