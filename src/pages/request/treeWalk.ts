import type { IssueView } from '../../shared/requestProtocol';
import { normalizePath } from './fieldPath';
import type { FormNode, PlacedIssues, StructNode } from './formTypes';

/* Walking the rows of a form: placing issues on them and finding unknown keys. */

/** Every row of a tree, depth first, for placing issues and finding inputs. */
export function* walkTree(node: FormNode): Generator<FormNode> {
  yield node;
  if (node.kind === 'struct') {
    for (const c of node.children) {
      yield* walkTree(c);
    }
  } else if (node.kind === 'array') {
    for (const c of node.items) {
      yield* walkTree(c);
    }
  }
}

/**
 * Sorts validation issues onto the rows that show them: an issue whose path names a rendered input
 * goes there; everything else (unknown keys, rows hidden by the filter, the request as a whole) is
 * listed at the top of the form.
 */
export function placeIssues(tree: StructNode, issues: readonly IssueView[]): PlacedIssues {
  // Unknown keys are listed at the top (with their "did you mean"), not at their flagged row:
  // the row has no input to fix them in.
  const rows = new Set<string>();
  for (const node of walkTree(tree)) {
    if (node.path !== '' && !(node.kind === 'raw' && node.reason === 'unknown-key')) {
      rows.add(node.path);
    }
  }
  const byPath = new Map<string, IssueView[]>();
  const unplaced: IssueView[] = [];
  for (const issue of issues) {
    const path = normalizePath(issue.path);
    if (path !== undefined && rows.has(path)) {
      const list = byPath.get(path) ?? [];
      list.push(issue);
      byPath.set(path, list);
    } else {
      unplaced.push(issue);
    }
  }
  return { byPath, unplaced };
}

/** Paths of the unknown keys in a tree, for the note under the JSON editor. */
export function unknownKeys(tree: StructNode): string[] {
  const out: string[] = [];
  for (const node of walkTree(tree)) {
    if (node.kind === 'raw' && node.reason === 'unknown-key') {
      out.push(node.path);
    }
  }
  return out;
}
