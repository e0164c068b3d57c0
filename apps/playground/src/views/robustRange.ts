/** What {@link robustRange} chose, and what falls outside it. */
export interface RobustRange {
  /** The axis's lower end (padded). */
  readonly lo: number;
  /** The axis's upper end (padded). */
  readonly hi: number;
  /** The smallest finite value (may be below `lo`). */
  readonly min: number;
  /** The largest finite value (may be above `hi`). */
  readonly max: number;
  /** Whether some values lie above `hi` (drawn clipped, with a marker). */
  readonly clippedAbove: boolean;
  /** Whether some values lie below `lo`. */
  readonly clippedBelow: boolean;
}

/** Options of {@link robustRange}. */
export interface RobustRangeOptions {
  /** The quantile the range starts from at the bottom (default 0.02). */
  readonly lowQuantile?: number;
  /** The quantile it starts from at the top (default 0.98). */
  readonly highQuantile?: number;
  /**
   * Values beyond a quantile by at most this fraction of the inter-quantile
   * span are still shown, so a range is clipped only by real outliers (such as
   * the first steps' loss peak), never by a few ordinary points (default 0.5).
   */
  readonly slack?: number;
  /** Padding added on each side, as a fraction of the range (default 0.06). */
  readonly pad?: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const i = Math.floor(pos);
  const f = pos - i;
  return i + 1 < sorted.length ? sorted[i]! + f * (sorted[i + 1]! - sorted[i]!) : sorted[i]!;
}

/**
 * A y range for noisy training curves that one early spike cannot flatten:
 * from the 2nd to the 98th percentile of all finite values, widened to the
 * true minimum or maximum when it lies within half the percentiles' span of
 * them, padded by 6%. What is left outside is reported, so the chart can mark
 * the clipped peaks rather than hide them.
 *
 * @param lines - the values of each line (non-finite values are skipped).
 * @param options - the quantiles, the slack and the padding.
 * @returns the range, the finite extremes, and whether either end clips.
 *
 * @example
 * ```ts
 * const values = [40, 25, 9, ...Array.from({ length: 200 }, (_, i) => 1 + Math.sin(i) / 10)];
 * robustRange([values]); // ≈ { lo: 0.84, hi: 1.16, max: 40, clippedAbove: true, … }
 * ```
 */
export function robustRange(lines: ReadonlyArray<ArrayLike<number>>, options: RobustRangeOptions = {}): RobustRange {
  const { lowQuantile = 0.02, highQuantile = 0.98, slack = 0.5, pad = 0.06 } = options;
  const all: number[] = [];
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const v = line[i]!;
      if (Number.isFinite(v)) all.push(v);
    }
  }
  if (all.length === 0) return { lo: 0, hi: 1, min: Number.NaN, max: Number.NaN, clippedAbove: false, clippedBelow: false };
  all.sort((a, b) => a - b);
  const min = all[0]!;
  const max = all[all.length - 1]!;
  const qlo = quantile(all, lowQuantile);
  const qhi = quantile(all, highQuantile);
  // A flat line still gets a visible span: a tenth of its magnitude, or 1 around 0.
  const span = qhi > qlo ? qhi - qlo : Math.max(Math.abs(qhi) * 0.1, 1e-6);
  let lo = min >= qlo - slack * span ? min : qlo;
  let hi = max <= qhi + slack * span ? max : qhi;
  if (!(hi > lo)) {
    const half = span / 2;
    [lo, hi] = [lo - half, hi + half];
  }
  const margin = (hi - lo) * pad;
  return { lo: lo - margin, hi: hi + margin, min, max, clippedAbove: max > hi + margin, clippedBelow: min < lo - margin };
}
