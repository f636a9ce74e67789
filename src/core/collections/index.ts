// The collections core: file formats, stores, variables, assertions, the runner, reporters and the
// Postman and curl importers. The VS Code tree and commands build on these exports.
export * from './collectionFormat';
export * from './issuePath';
export * from './secretPlan';
export * from './collectionTree';
export * from './environmentFormat';
export * from './jsonFileStore';
export * from './collectionStore';
export * from './environmentStore';
export * from './variables';
export * from './jsonPath';
export * from './jsonValues';
export * from './assertions';
export * from './collectionRunner';
export * from './reporters';
export * from '../http/trtcHosts';
export * from './httpRequestImport';
export * from './postman';
export * from './curlImport';
export * from './importSummary';
export { readSigningScript, type SigningScript } from './postmanScript';
export * from './jsonSchemas';
export { compileSafePattern, MAX_PATTERN_LENGTH, MAX_MATCH_INPUT_LENGTH } from './safeRegex';
