/** Every command id, in one place (`<ext>.<area>.<verb>`). */
export const enum CommandId {
  ShowLogs = 'trtcExplorer.showLogs',
  OpenSettings = 'trtcExplorer.openSettings',
  OpenAction = 'trtcExplorer.api.openAction',
  FindAction = 'trtcExplorer.api.findAction',
  FilterActions = 'trtcExplorer.api.filter',
  ClearFilter = 'trtcExplorer.api.clearFilter',
  OpenActionDocs = 'trtcExplorer.api.openDocs',
  CopyRequestId = 'trtcExplorer.result.copyRequestId',
  AddProfile = 'trtcExplorer.profile.add',
  EditProfile = 'trtcExplorer.profile.edit',
  SwitchProfile = 'trtcExplorer.profile.switch',
  RemoveProfile = 'trtcExplorer.profile.remove',
  ImportEnvProfile = 'trtcExplorer.profile.importEnvironment',
  ImportTccliProfile = 'trtcExplorer.profile.importTccli',
  SwitchRegion = 'trtcExplorer.region.switch',
  UseSandbox = 'trtcExplorer.sandbox.use',
}

/** View ids contributed in package.json. */
export const enum ViewId {
  Container = 'trtcExplorer',
  Api = 'trtcExplorer.api',
  History = 'trtcExplorer.history',
  Collections = 'trtcExplorer.collections',
}

/** Context keys used in `when` clauses. */
export const enum ContextKey {
  HasProfiles = 'trtcExplorer.hasProfiles',
  SandboxActive = 'trtcExplorer.sandboxActive',
  ApiFiltered = 'trtcExplorer.apiFiltered',
}

/** The virtual document scheme of result and trace documents. */
export const RESULT_SCHEME = 'trtc-result';
/** The webview panel type of request forms (also the serializer's key). */
export const REQUEST_PANEL_TYPE = 'trtcExplorer.request';
/** The name of the sandbox pseudo-profile: generated answers, no credentials, no network. */
export const SANDBOX_PROFILE = '$sandbox';
