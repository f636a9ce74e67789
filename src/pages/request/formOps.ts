import { formatPath, type PathSeg } from './fieldPath';
import type { FormModel } from './formModel';
import type { FormOp } from './formView';

/**
 * Applies a structural edit asked for by a button of the form; returns the row (and the button in
 * it) that should have the focus afterwards, so keyboard users stay where they were.
 */
export function applyFormOp(model: FormModel, collapsed: Set<string>, op: FormOp): { focusPath: string; focusAction?: string } {
  const path = formatPath(op.segs);
  let focusPath = path;
  let focusAction: string | undefined;
  switch (op.op) {
    case 'add-struct':
      model.addStruct(op.segs);
      collapsed.delete(path);
      break;
    case 'unset':
      model.unset(op.segs);
      break;
    case 'add-item': {
      const index = model.addItem(op.segs);
      collapsed.delete(path);
      if (index !== undefined) {
        focusPath = formatPath([...op.segs, index]);
      }
      break;
    }
    case 'remove-item': {
      model.unset(op.segs);
      const parent = op.segs.slice(0, -1);
      const index = op.segs[op.segs.length - 1] as number;
      const list = model.get(parent);
      const left = Array.isArray(list) ? list.length : 0;
      focusPath = left > 0 ? formatPath([...parent, Math.min(index, left - 1)]) : formatPath(parent);
      focusAction = left > 0 ? 'remove-item' : 'add-item';
      break;
    }
    case 'move': {
      const index = model.moveItem(op.segs, op.delta);
      if (index !== undefined) {
        focusPath = formatPath([...op.segs.slice(0, -1), index]);
        focusAction = op.delta < 0 ? 'move-up' : 'move-down';
      }
      break;
    }
    case 'rename':
      model.renameKey(op.segs, op.name);
      focusPath = formatPath([...op.segs.slice(0, -1), op.name]);
      break;
  }
  return focusAction ? { focusPath, focusAction } : { focusPath };
}

/** Expands the collapsed groups around a row so it can take focus; true when any was collapsed. */
export function expandAround(collapsed: Set<string>, segs: readonly PathSeg[]): boolean {
  let changed = false;
  for (let i = 1; i < segs.length; i++) {
    if (collapsed.delete(formatPath(segs.slice(0, i)))) {
      changed = true;
    }
  }
  return changed;
}

/** Re-renders inside `container` and gives the focus (and the text selection) back to the same input. */
export function withFocusKept(container: HTMLElement, render: () => void): void {
  const active = document.activeElement as HTMLInputElement | null;
  const activeId = active?.id && container.contains(active) ? active.id : undefined;
  let selection: [number | null, number | null] = [null, null];
  try {
    selection = [active?.selectionStart ?? null, active?.selectionEnd ?? null];
  } catch {
    // Date and number inputs have no text selection to keep.
  }
  render();
  if (activeId) {
    const again = document.getElementById(activeId) as HTMLInputElement | null;
    again?.focus();
    if (again && selection[0] !== null && selection[1] !== null) {
      try {
        again.setSelectionRange(selection[0], selection[1]);
      } catch {
        // Not a text input any more; the focus alone is kept.
      }
    }
  }
}
