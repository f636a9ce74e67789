import type { ActionView } from '../../shared/requestProtocol';
import { parsePath } from './fieldPath';
import type { FormModel, StructNode } from './formModel';
import { walkTree } from './formModel';
import { compactJson } from './paramsJson';

/*
 * What the form knows about where values came from: the samples *Fill required* / *Fill all* put in
 * (tagged until edited) and the fields the user touched (only their problems show before a Send).
 */

/** The sample values still unedited, path → compact JSON; an edited sample leaves for good. */
export class SampleMarks {
  private readonly map = new Map<string, string>();

  /** Replaces the samples (after a fill, or from the host or the saved state). */
  reset(samples: Record<string, string> | undefined): void {
    this.map.clear();
    for (const [path, json] of Object.entries(samples ?? {})) {
      if (typeof json === 'string') {
        this.map.set(path, json);
      }
    }
  }

  /** Drops the samples whose value is no longer the sample (edited in the form or the JSON). */
  prune(model: FormModel): void {
    for (const [path, json] of [...this.map]) {
      const segs = parsePath(path);
      const value = segs ? model.get(segs) : undefined;
      if (value === undefined || compactJson(value) !== json) {
        this.map.delete(path);
      }
    }
  }

  /** True when the row at `path` still shows a sample. */
  has(path: string): boolean {
    return this.map.has(path);
  }

  /** The unedited sample paths, in fill order. */
  paths(): string[] {
    return [...this.map.keys()];
  }

  /** The samples as a record, for the saved state. */
  toRecord(): Record<string, string> | undefined {
    return this.map.size > 0 ? Object.fromEntries(this.map) : undefined;
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

/** Issue codes that only say a value is still missing: shown once the field was touched or on Send. */
const UNTOUCHED_CODES = new Set(['missing', 'empty']);

/**
 * True when an issue is shown: anything about a value that is there, and "missing" or "empty" only
 * for a field the user touched (or everywhere, once Send was pressed).
 */
export function issueVisible(issue: { path: string; code: string }, touched: ReadonlySet<string>, all: boolean): boolean {
  if (all || !UNTOUCHED_CODES.has(issue.code)) {
    return true;
  }
  for (const path of touched) {
    if (issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`)) {
      return true;
    }
  }
  return false;
}

/**
 * Required inputs that are unset in the rendered tree (inside present or required groups), as the
 * page sees them before the host's validation answers: for the refusal of a state-changing Send.
 */
export function unsetRequired(tree: StructNode): string[] {
  const out: string[] = [];
  for (const node of walkTree(tree)) {
    if (node.path !== '' && node.required && !node.inArray && !node.present && node.kind !== 'struct') {
      out.push(node.path);
    }
  }
  return out;
}

/** True when a Send of this action needs every required field and no unedited samples. */
export function changesState(action: ActionView): boolean {
  return !action.readOnly;
}
