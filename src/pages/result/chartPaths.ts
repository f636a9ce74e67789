import type uPlot from 'uplot';

/** The smallest distance between neighbouring x values, in x units (1 when there is only one). */
export function minStep(xs: ArrayLike<number>): number {
  let step = Infinity;
  for (let i = 1; i < xs.length; i++) step = Math.min(step, xs[i]! - xs[i - 1]!);
  return Number.isFinite(step) && step > 0 ? step : 1;
}

/**
 * A uPlot path builder for grouped bars: series `slot` of `slots` takes its share of each x's
 * column, so several usage keys stand side by side per day instead of hiding each other.
 */
export function groupedBars(slot: number, slots: number): uPlot.Series.PathBuilder {
  return (u, seriesIdx, idx0, idx1) => {
    const xs = u.data[0] as number[];
    const ys = u.data[seriesIdx] as Array<number | null | undefined>;
    const step = minStep(xs);
    const colPx = Math.abs(u.valToPos(xs[0]! + step, 'x', true) - u.valToPos(xs[0]!, 'x', true)) * 0.8;
    const bar = Math.max(1, colPx / slots);
    const base = u.valToPos(0, 'y', true);
    const fill = new Path2D();
    for (let i = idx0; i <= idx1; i++) {
      const v = ys[i];
      if (v === null || v === undefined) continue;
      const left = u.valToPos(xs[i]!, 'x', true) - colPx / 2 + slot * bar;
      const top = u.valToPos(v, 'y', true);
      fill.rect(Math.round(left), Math.min(top, base), Math.max(1, Math.round(bar) - 1), Math.abs(base - top));
    }
    return { stroke: fill, fill };
  };
}
