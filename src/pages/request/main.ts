import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { App } from './app';
import { getVsCodeApi } from './vscodeApi';

/*
 * Entry point of the request panel's page (bundled to dist/webview.js). The page renders into
 * `#app`, asks the host for its data with `ready`, and talks to it only through the messages in
 * src/shared/requestProtocol.ts.
 */
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
new App(root, getVsCodeApi()).start();
