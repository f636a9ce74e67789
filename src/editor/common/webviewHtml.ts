import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The folders a webview may load from: the built bundles and the stylesheets, nothing else. */
export function webviewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** Options every panel of this extension uses: scripts on, resources limited to our folders. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: webviewResourceRoots(extensionUri), enableFindWidget: true };
}

/**
 * The HTML of a panel page: a strict Content-Security-Policy with a fresh nonce for every render,
 * every asset loaded through `asWebviewUri`, and one script bundle. Stylesheets are paths inside
 * the extension, such as `media/request.css`.
 */
export function renderWebviewHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  page: { script: string; stylesheets: readonly string[]; title: string; lang: string },
): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
  const csp = [
    "default-src 'none'",
    // No <base> and no form submissions: nothing in a page can redirect where its links or forms go.
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
${page.stylesheets.map((sheet) => `<link rel="stylesheet" nonce="${nonce}" href="${asset(...sheet.split('/'))}">`).join('\n')}
<title>${escapeText(page.title)}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${asset('dist', page.script)}"></script>
</body>
</html>`;
}

function escapeAttr(s: string): string {
  return s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
