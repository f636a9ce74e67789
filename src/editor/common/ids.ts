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

/** Commands of the history view (`trtcExplorer.history.*`). */
export const enum HistoryCommandId {
  Refresh = 'trtcExplorer.history.refresh',
  Filter = 'trtcExplorer.history.filter',
  ClearFilter = 'trtcExplorer.history.clearFilter',
  Open = 'trtcExplorer.history.open',
  Rerun = 'trtcExplorer.history.rerun',
  LoadInForm = 'trtcExplorer.history.loadInForm',
  SaveToCollection = 'trtcExplorer.history.saveToCollection',
  Delete = 'trtcExplorer.history.delete',
  CopyRequestId = 'trtcExplorer.history.copyRequestId',
  SelectForCompare = 'trtcExplorer.history.selectForCompare',
  CompareWithSelected = 'trtcExplorer.history.compareWithSelected',
  Compare = 'trtcExplorer.history.compare',
  Clear = 'trtcExplorer.history.clear',
  Export = 'trtcExplorer.history.export',
  CopyFolderPath = 'trtcExplorer.history.copyFolderPath',
  ShowSignatureSteps = 'trtcExplorer.history.showSignatureSteps',
  DebugSignature = 'trtcExplorer.history.debugSignature',
  ExportCode = 'trtcExplorer.history.exportCode',
}

/** Commands of the collections view and of environments. */
export const enum CollectionCommandId {
  Refresh = 'trtcExplorer.collections.refresh',
  SaveRequest = 'trtcExplorer.collections.saveRequest',
  NewCollection = 'trtcExplorer.collections.newCollection',
  NewFolder = 'trtcExplorer.collections.newFolder',
  Rename = 'trtcExplorer.collections.rename',
  Duplicate = 'trtcExplorer.collections.duplicate',
  Move = 'trtcExplorer.collections.move',
  Delete = 'trtcExplorer.collections.delete',
  OpenRequest = 'trtcExplorer.collections.openRequest',
  OpenFile = 'trtcExplorer.collections.openFile',
  Run = 'trtcExplorer.collections.run',
  OpenRunResult = 'trtcExplorer.collections.openRunResult',
  ShowRunReport = 'trtcExplorer.collections.showRunReport',
  DismissRun = 'trtcExplorer.collections.dismissRun',
  ExportPostman = 'trtcExplorer.collections.exportPostman',
  ExportCurl = 'trtcExplorer.collections.exportCurl',
  ImportPostman = 'trtcExplorer.collections.importPostman',
  ImportCurl = 'trtcExplorer.collections.importCurl',
  SelectEnvironment = 'trtcExplorer.environments.select',
  NewEnvironment = 'trtcExplorer.environments.create',
  OpenEnvironment = 'trtcExplorer.environments.open',
  SetSecret = 'trtcExplorer.environments.setSecret',
  ClearSecret = 'trtcExplorer.environments.clearSecret',
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
  HistoryFiltered = 'trtcExplorer.historyFiltered',
  HasHistory = 'trtcExplorer.hasHistory',
  HistoryCompareSelected = 'trtcExplorer.historyCompareSelected',
  HasCollections = 'trtcExplorer.hasCollections',
  /** Set once a call got an answer, to complete the walkthrough's last step. */
  HasCalled = 'trtcExplorer.hasCalled',
}

/** The virtual document scheme of result and trace documents. */
export const RESULT_SCHEME = 'trtc-result';
/** The webview panel type of request forms (also the serializer's key). */
export const REQUEST_PANEL_TYPE = 'trtcExplorer.request';
/** The name of the sandbox pseudo-profile: generated answers, no credentials, no network. */
export const SANDBOX_PROFILE = '$sandbox';
