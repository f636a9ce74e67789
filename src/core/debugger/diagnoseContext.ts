import type { TimestampInfo } from './findings';
import type { DiagnosisStep, PasteWarning } from './types';

/** What one signature method's diagnosis hands back to the common part. */
export interface MethodDiagnosis {
  steps: DiagnosisStep[];
  signatureMatches: boolean;
  reproduced: boolean;
  /** True when both signatures could be read and computed, so a mismatch says something about the key or the bytes. */
  compared: boolean;
  secretId?: string;
  timestamp?: TimestampInfo;
  timestampText?: string;
  tokenSent?: string;
  /** Things about the request the user should know that are not causes. */
  notes?: PasteWarning[];
}

/** Settings shared by both methods: the key to sign with and the service the request should name. */
export interface DiagnoseContext {
  /** The SecretKey, trimmed: the key the server holds. */
  key: string;
  service: string;
}
