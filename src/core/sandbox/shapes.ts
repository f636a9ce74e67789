import { TEXT_TIME_OFFSET_SECONDS } from '../catalog/rules/moments';
import type { Gen } from './random';

/**
 * How activity on a TRTC application rises and falls, for sandbox series that look like real
 * traffic: an evening peak and a night trough over the day (Beijing time), busier weekends, and a
 * little noise, all drawn from the answer's seeded generator.
 */

const HOURLY: readonly number[] = [
  0.55, 0.38, 0.26, 0.18, 0.14, 0.13, 0.17, 0.28, 0.42, 0.52, 0.58, 0.62, 0.63, 0.6, 0.6, 0.62, 0.66, 0.72, 0.8, 0.9, 0.98, 1, 0.92, 0.75,
];
const HOURLY_MEAN = HOURLY.reduce((a, b) => a + b, 0) / HOURLY.length;

/** Monday first; weekends are busier. */
const WEEKDAY: readonly number[] = [0.92, 0.9, 0.93, 0.95, 1, 1.12, 1.1];

/** The local (Beijing) hour and weekday of a moment. */
function local(epochSeconds: number): { hour: number; minute: number; weekday: number } {
  const d = new Date((epochSeconds + TEXT_TIME_OFFSET_SECONDS) * 1000);
  return { hour: d.getUTCHours(), minute: d.getUTCMinutes(), weekday: (d.getUTCDay() + 6) % 7 };
}

/** The share of a day's activity happening at a moment, relative to the day's mean (about 0.2 to 1.7). */
export function hourFactor(epochSeconds: number): number {
  const { hour, minute } = local(epochSeconds);
  const a = HOURLY[hour]!;
  const b = HOURLY[(hour + 1) % 24]!;
  return (a + ((b - a) * minute) / 60) / HOURLY_MEAN;
}

/** How busy the day of a moment is against an average day. */
export function dayFactor(epochSeconds: number): number {
  return WEEKDAY[local(epochSeconds).weekday]!;
}

/** A value with up to `spread` (0.08 = ±8 %) of noise. */
export function jitter(g: Gen, value: number, spread = 0.08): number {
  return value * (1 - spread + 2 * spread * g.next());
}

/** Rounds to a number of decimals, for values the API writes with a few. */
export function round(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * A series that wanders around a level without leaving its bounds, for quality metrics sampled
 * every few seconds: each step moves a little towards the level and a little at random.
 */
export function walk(g: Gen, length: number, level: number, lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  let v = level;
  for (let i = 0; i < length; i++) {
    v += (level - v) * 0.2 + (g.next() - 0.5) * 2 * step;
    v = Math.min(hi, Math.max(lo, v));
    out.push(v);
  }
  return out;
}
