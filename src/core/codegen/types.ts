import type { EndpointPolicy } from '../http/endpointPolicy';
import type { CallSpec } from '../requests/types';
import type { SignedRequest } from '../signing/types';

/** Where a call goes, after the endpoint choice and region are resolved. */
export interface ResolvedTarget {
  /** Scheme and host, such as `https://trtc.tencentcloudapi.com` or `http://127.0.0.1:8443`. */
  origin: string;
  /** The `Host` header: `trtc.tencentcloudapi.com`, `trtc.ap-guangzhou.tencentcloudapi.com`, `127.0.0.1:8443`. */
  host: string;
  region?: string;
  /** `2019-07-22`. */
  version: string;
  /** `trtc`. */
  service: string;
}

/** The export formats, each a text the user can copy or save. */
export type CodeFormat = 'curl' | 'tccli' | 'node' | 'python' | 'go' | 'java';

/** What the editor needs to show an export: a label, a VS Code language id, a file extension. */
export interface CodeFormatInfo {
  id: CodeFormat;
  label: string;
  /** VS Code language id of the generated text. */
  languageId: 'shellscript' | 'javascript' | 'python' | 'go' | 'java';
  fileExtension: string;
  /** curl reproduces one signed request and needs it; the others sign at run time. */
  needsSignedRequest: boolean;
}

/** Options shared by every SDK snippet. */
export interface SnippetOptions {
  /** Read a session token from `TENCENTCLOUD_SESSION_TOKEN` too (temporary credentials). */
  sessionToken?: boolean;
}

/** Everything `exportCode` may need; `signed` and `expiresAt` only for curl. */
export interface ExportInput extends SnippetOptions {
  spec: CallSpec;
  target: ResolvedTarget;
  /**
   * Which endpoints an export may name. A curl command carries a signature for its host and an SDK
   * program sends the user's keys there when it runs, so an untrusted target is refused.
   */
  policy: EndpointPolicy;
  signed?: SignedRequest;
  /** When the signature stops being accepted; defaults to the signing time plus 5 minutes. */
  expiresAt?: Date | number;
}

/** A generated text and the caveats it also states in comments. */
export interface GeneratedCode {
  text: string;
  notes: string[];
}

/** A generated text with what the user should know about it. */
export interface ExportedCode {
  format: CodeFormat;
  languageId: CodeFormatInfo['languageId'];
  text: string;
  /** Caveats also written as comments in the text, for showing next to it. */
  notes: string[];
}
