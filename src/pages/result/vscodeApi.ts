import type { FromResultPage, ResultPageState } from '../../shared/resultProtocol';

/** The part of VS Code's webview API the result page uses. */
export interface ResultHost {
  postMessage(message: FromResultPage): void;
  getState(): ResultPageState | undefined;
  setState(state: ResultPageState): void;
}

declare function acquireVsCodeApi(): ResultHost;

/** The webview API, acquired once (VS Code refuses a second call). */
export function getResultHost(): ResultHost {
  return acquireVsCodeApi();
}
