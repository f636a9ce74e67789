/**
 * Ids of the signature, code-export, callback and UserSig commands, kept apart from the explorer's
 * own `CommandId` list so the two sets can grow without touching each other's files.
 */
export const enum ToolCommandId {
  ShowSignatureSteps = 'trtcExplorer.signature.showSteps',
  RevealSignatureSteps = 'trtcExplorer.signature.revealSteps',
  DebugSignature = 'trtcExplorer.signature.debug',
  ExportCode = 'trtcExplorer.code.export',
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
