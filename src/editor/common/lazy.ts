import * as vscode from 'vscode';

/**
 * A value built on first use and kept: the composition root wraps every feature in one, so a
 * feature's code (and the libraries it needs) is loaded the first time a command, view or panel of
 * that feature is used, never at activation. Concurrent first calls share one build; a failed
 * build is forgotten so the next use tries again.
 */
export interface Lazy<T> {
  (): Promise<T>;
  /** The value when it has been built, without building it. */
  readonly current: T | undefined;
}

/** Wraps a factory in a {@link Lazy}. */
export function lazy<T>(build: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | undefined;
  let value: T | undefined;
  const get = (() => {
    pending ??= build().then(
      (v) => {
        value = v;
        return v;
      },
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    );
    return pending;
  }) as Lazy<T>;
  Object.defineProperty(get, 'current', { get: () => value });
  return get;
}

/** A tree data provider that can also take part in drag and drop. */
export type TreeFeature<T> = vscode.TreeDataProvider<T> & Partial<vscode.TreeDragAndDropController<T>>;

/**
 * Stands in for a view's tree data provider (and drag-and-drop controller) until the feature that
 * owns the view is loaded: VS Code needs a provider when the view is created at activation, but the
 * real one, with the store behind it, is built only when the view first asks for its children.
 */
export class LazyTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.TreeDragAndDropController<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private subscription: vscode.Disposable | undefined;

  constructor(
    private readonly load: () => Promise<TreeFeature<T>>,
    readonly dragMimeTypes: readonly string[],
    readonly dropMimeTypes: readonly string[],
  ) {}

  private async real(): Promise<TreeFeature<T>> {
    const provider = await this.load();
    this.subscription ??= provider.onDidChangeTreeData?.((e) => this.changed.fire(e));
    return provider;
  }

  async getChildren(element?: T): Promise<T[]> {
    return ((await (await this.real()).getChildren(element)) ?? []) as T[];
  }

  async getTreeItem(element: T): Promise<vscode.TreeItem> {
    return (await this.real()).getTreeItem(element);
  }

  async getParent(element: T): Promise<T | undefined> {
    const provider = await this.real();
    return ((await provider.getParent?.(element)) ?? undefined) as T | undefined;
  }

  async handleDrag(source: readonly T[], data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    await (await this.real()).handleDrag?.(source, data, token);
  }

  async handleDrop(target: T | undefined, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    await (await this.real()).handleDrop?.(target, data, token);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}
