/*
 * Every id the extension uses, in one place: commands (`<ext>.<area>.<verb>`), views, context keys,
 * state and secret keys, panel types. Command ids are plain enums, not `const enum`s, because the
 * composition root registers each feature's commands from the list of its ids before the feature
 * itself is loaded.
 */

/** Commands of the extension as a whole. */
export enum CommandId {
  ShowLogs = 'trtcExplorer.showLogs',
  OpenSettings = 'trtcExplorer.openSettings',
  CopyRequestId = 'trtcExplorer.result.copyRequestId',
  TrustEndpoint = 'trtcExplorer.endpoints.trust',
  ManageEndpoints = 'trtcExplorer.endpoints.manage',
}

/** Commands of the API view (`trtcExplorer.api.*`). */
export enum CatalogCommandId {
  OpenAction = 'trtcExplorer.api.openAction',
  FindAction = 'trtcExplorer.api.findAction',
  FilterActions = 'trtcExplorer.api.filter',
  ClearFilter = 'trtcExplorer.api.clearFilter',
  OpenActionDocs = 'trtcExplorer.api.openDocs',
  DismissHint = 'trtcExplorer.api.dismissHint',
}

/** Commands of profiles, the region and the sandbox. */
export enum ProfileCommandId {
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
export enum HistoryCommandId {
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
export enum CollectionCommandId {
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

/** Commands of signature steps, the signature debugger and code export. */
export enum SignatureCommandId {
  ShowSignatureSteps = 'trtcExplorer.signature.showSteps',
  RevealSignatureSteps = 'trtcExplorer.signature.revealSteps',
  DebugSignature = 'trtcExplorer.signature.debug',
  ExportCode = 'trtcExplorer.code.export',
}

/** Commands of the result view: a result document's answer as a table or a chart. */
export enum ResultCommandId {
  ShowAsTable = 'trtcExplorer.result.showAsTable',
  ShowAsChart = 'trtcExplorer.result.showAsChart',
}

/** Commands of the callback and UserSig tools. */
export enum ToolCommandId {
  VerifyCallback = 'trtcExplorer.callbacks.verify',
  ShowCallbackEvents = 'trtcExplorer.callbacks.showEvents',
  SimulateCallback = 'trtcExplorer.callbacks.simulate',
  GenerateUserSig = 'trtcExplorer.usersig.generate',
  DecodeUserSig = 'trtcExplorer.usersig.decode',
  ForgetToolKeys = 'trtcExplorer.tools.forgetKeys',
}

/** The webview panel type of the signature debugger (also its serializer's key). */
export const DEBUGGER_PANEL_TYPE = 'trtcExplorer.signatureDebugger';

/** Context key listing the file names of open signature-steps documents, for the reveal button. */
export const STEPS_DOCS_CONTEXT = 'trtcExplorer.signatureStepDocs';

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

/** Keys of what the extension keeps in the editor's global state (see `state.ts`). */
export const enum GlobalStateKey {
  ActiveProfile = 'trtcExplorer.activeProfile',
  LastParams = 'trtcExplorer.lastParams',
  LastCallbackUrl = 'trtcExplorer.callbacks.lastUrl',
  LastSdkAppId = 'trtcExplorer.tools.lastSdkAppId',
  /** The user hid the API view's hint to add credentials. */
  HintDismissed = 'trtcExplorer.hintDismissed',
  /** The endpoints besides Tencent's the user trusted on this machine. */
  TrustedEndpoints = 'trtcExplorer.trustedEndpoints',
}

/** Keys of what the extension keeps per workspace (see `state.ts`). */
export const enum WorkspaceStateKey {
  Environment = 'trtcExplorer.environment',
  /** Where the form's Save (Ctrl+S) puts requests after the first time. */
  QuickSaveTarget = 'trtcExplorer.quickSaveTarget',
}

/** Keys of the extension's entries in the editor's secret storage. */
export const enum SecretKey {
  Profiles = 'trtcExplorer.profiles',
  ToolKeys = 'trtcExplorer.toolKeys',
}

/** Ids of the status bar items (they let users hide each one on its own). */
export const enum StatusBarItemId {
  Profile = 'trtcExplorer.profile',
  LastCall = 'trtcExplorer.lastCall',
  ClockSkew = 'trtcExplorer.clockSkew',
}

/** The mime type a history drag carries: a JSON {@link HistoryDragData}. The collections view accepts it. */
export const HISTORY_DRAG_MIME = 'application/vnd.code.tree.trtcexplorer.history';

/** What a history drag carries: the ids of the dragged entries. */
export interface HistoryDragData {
  entryIds: string[];
}

/** The mime type of a drag inside the collections view. */
export const COLLECTIONS_DRAG_MIME = 'application/vnd.code.tree.trtcexplorer.collections';
