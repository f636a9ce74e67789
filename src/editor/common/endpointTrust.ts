import * as vscode from 'vscode';
import { trustOrigins, type EndpointPolicy } from '../../core/http/endpointPolicy';

/**
 * The endpoints the editor may sign for and send to: Tencent's hosts plus the `trtcExplorer.endpoint`
 * user setting, which is machine-scoped so no workspace can set it. Read on every check, so a
 * changed setting applies to the next call without a reload.
 */
export function editorEndpointPolicy(): EndpointPolicy {
  return {
    isTrusted: (origin) => {
      const configured = vscode.workspace.getConfiguration('trtcExplorer').get<string>('endpoint', '');
      return trustOrigins(configured ? [configured] : [], '').isTrusted(origin);
    },
    howToTrust: () => vscode.l10n.t('Run “TRTC: Trust Endpoint…” to trust it.'),
  };
}
