/**
 * TRTC server callbacks: the event catalog, realistic sample bodies in the layout TRTC sends, the
 * `Sign` check with a diagnosis of the usual mistakes, and a simulator that calls a local handler.
 */
export { CALLBACK_EVENTS, CALLBACK_GROUPS, findCallbackEvent, findCallbackGroup } from './callbackEvents';
export type { CallbackEvent, CallbackField, CallbackFieldType, CallbackGroup } from './callbackEvents';
export { signCallback, verifyCallback } from './callbackSignature';
export type { CallbackMistake, CallbackVerification, VerifyCallbackInput } from './callbackSignature';
export { sampleEvent } from './sampleEvent';
export type { SampleEventOptions } from './sampleEvent';
export { serializeCallbackBody } from './serializeCallbackBody';
export { simulateCallback, TRTC_CALLBACK_MAX_ANSWER_BYTES, TRTC_CALLBACK_TIMEOUT_MS } from './simulateCallback';
export type { SimulateCallbackInput, SimulateCallbackResult } from './simulateCallback';
