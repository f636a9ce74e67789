import type * as vscode from 'vscode';
import { GlobalStateKey, WorkspaceStateKey } from './ids';

/** What each global-state key holds. Every key the extension stores is listed here, with its type. */
export interface GlobalStateShape {
  /** The name of the active profile, or the sandbox's pseudo-profile name. */
  [GlobalStateKey.ActiveProfile]: string;
  /** Each action's last parameters as JSON text, sensitive values removed, oldest first. */
  [GlobalStateKey.LastParams]: Record<string, string>;
  /** The URL the callback simulator last sent to. */
  [GlobalStateKey.LastCallbackUrl]: string;
  /** The SDKAppID the UserSig tools last used. */
  [GlobalStateKey.LastSdkAppId]: string;
  /** True once the user hid the API view's hint to add credentials. */
  [GlobalStateKey.HintDismissed]: boolean;
  /** Origins besides Tencent's the user trusted, after a confirmation naming each. */
  [GlobalStateKey.TrustedEndpoints]: string[];
}

/** What each workspace-state key holds. */
export interface WorkspaceStateShape {
  /** The environment selected for `{{variables}}` in this workspace. */
  [WorkspaceStateKey.Environment]: string;
  /** The collection (and folder) the form's Save last put a request into. */
  [WorkspaceStateKey.QuickSaveTarget]: { ref: { scope: 'workspace' | 'user'; file: string }; folderId?: string };
}

/**
 * A Memento whose keys and value types are fixed by a shape, so a misspelt key or a value of the
 * wrong type is a compile error instead of a silently lost preference.
 */
export class TypedState<Shape> {
  constructor(private readonly memento: vscode.Memento) {}

  /** The stored value, or undefined when nothing is stored. */
  get<K extends keyof Shape & string>(key: K): Shape[K] | undefined {
    return this.memento.get<Shape[K]>(key);
  }

  /** Stores a value; undefined removes the key. */
  update<K extends keyof Shape & string>(key: K, value: Shape[K] | undefined): Thenable<void> {
    return this.memento.update(key, value);
  }

  /** Every key stored with its value, for tests that check what is kept. */
  entries(): Array<[string, unknown]> {
    return this.memento.keys().map((k) => [k, this.memento.get(k)]);
  }
}

/** The extension's global state (per user, across workspaces). */
export type GlobalState = TypedState<GlobalStateShape>;

/** The extension's state of the open workspace. */
export type WorkspaceState = TypedState<WorkspaceStateShape>;
