import type { FromWebview, PanelState } from '../../shared/requestProtocol';

/** The part of VS Code's webview API the page uses; obtained once through `acquireVsCodeApi()`. */
export interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The webview API; VS Code allows acquiring it only once per page, so main.ts calls this once. */
export function getVsCodeApi(): VsCodeApi {
  return acquireVsCodeApi();
}
