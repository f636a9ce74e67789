import type * as vscode from 'vscode';
import type { EndpointTrust } from '../common/endpointTrust';
import type { Log } from '../common/log';
import type { ResultDocuments } from '../common/resultDocuments';
import type { GlobalState } from '../common/state';
import type { CredentialStore } from '../credentials/credentialStore';
import type { ExplorerSession } from '../credentials/session';
import { ClockSkew } from './clockSkew';
import { ParamMemory } from './paramMemory';
import { RequestController, type ControllerActions } from './requestController';
import { RequestPanels, type PanelActions } from './requestPanel';

/** What the requests feature is built from. */
export interface RequestsDeps {
  extensionUri: vscode.Uri;
  log: Log;
  credentials: CredentialStore;
  session: ExplorerSession;
  results: ResultDocuments;
  globalState: GlobalState;
  version: string;
  trust: EndpointTrust;
  /** What the controller and the forms offer besides calls, implemented by other features. */
  actions: ControllerActions & PanelActions;
}

/** Calls and the request forms: the controller every call goes through, the clock-skew measurement and the open forms. */
export interface RequestsFeature extends vscode.Disposable {
  controller: RequestController;
  clock: ClockSkew;
  panels: RequestPanels;
  memory: ParamMemory;
}

/** Builds the requests feature; the HTTP client is created on the first real call. */
export function createRequestsFeature(deps: RequestsDeps): RequestsFeature {
  const clock = new ClockSkew();
  const controller = new RequestController({ credentials: deps.credentials, results: deps.results, clock, log: deps.log, version: deps.version, session: deps.session, trust: deps.trust, actions: deps.actions });
  const memory = new ParamMemory(deps.globalState);
  const panels = new RequestPanels({ extensionUri: deps.extensionUri, log: deps.log, credentials: deps.credentials, session: deps.session, controller, memory, actions: deps.actions, trust: deps.trust });
  return {
    controller,
    clock,
    panels,
    memory,
    dispose: () => {
      panels.dispose();
      controller.dispose();
      clock.dispose();
    },
  };
}
