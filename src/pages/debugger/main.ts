import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { DebuggerApp, type DebuggerVsCodeApi } from './debuggerApp';

/*
 * Entry point of the signature debugger's page (bundled to dist/debugger.js). The page renders into
 * `#app`, asks the host for its data with `ready`, and talks to it only through the messages in
 * src/shared/debuggerProtocol.ts.
 */
declare function acquireVsCodeApi(): DebuggerVsCodeApi;

const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
new DebuggerApp(root, acquireVsCodeApi()).start();
