import * as vscode from 'vscode';
import type { ZodType } from 'zod';
import type { Log } from './log';
import { renderWebviewHtml } from './webviewHtml';

/** Which page a panel shows: its bundle under `dist/`, its stylesheets, and the zod schema of its messages. */
export interface PanelPage<In> {
  script: string;
  /** Paths inside the extension, such as `media/request.css`. */
  stylesheets: readonly string[];
  title: string;
  /** Parses every message from the page before the host acts on it. */
  schema: ZodType<In>;
  /** The name used in log lines, such as `panel` or `debugger`. */
  component: string;
}

/**
 * The host side of one webview panel: renders the page's HTML (strict CSP, fresh nonce), validates
 * every message from the page with the page's zod schema before {@link handle} sees it, posts typed
 * messages back, and disposes everything with the panel. Messages from a page are untrusted input:
 * a malformed one is logged and dropped.
 */
export abstract class PanelHost<In, Out> implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly page: PanelPage<In>,
    protected readonly log: Log,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'trtc.svg');
    panel.webview.html = renderWebviewHtml(panel.webview, extensionUri, {
      script: page.script,
      stylesheets: page.stylesheets,
      title: page.title,
      lang: vscode.env.language,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Handles one message from the page; public so integration tests can drive the protocol. */
  async receive(raw: unknown): Promise<void> {
    const parsed = this.page.schema.safeParse(raw);
    if (!parsed.success) {
      this.log.warn(this.page.component, `ignored a malformed message from the ${this.page.title} page: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return;
    }
    try {
      await this.handle(parsed.data);
    } catch (e) {
      const type = (parsed.data as { type?: unknown }).type;
      this.log.error(this.page.component, `handling ${typeof type === 'string' ? type : 'a message'} failed`, e);
      this.failed(e);
    }
  }

  /** Acts on a message that passed the schema. */
  protected abstract handle(message: In): Promise<void>;

  /** Tells the user that handling a message failed (the error is already logged). */
  protected abstract failed(error: unknown): void;

  /** Sends a message to the page. */
  post(message: Out): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
    this.panel.dispose();
  }
}
