/** Tick positions for an axis and the step between them. */
export interface Ticks {
  /** Tick values inside [lo, hi], ascending, multiples of `step`. */
  readonly values: number[];
  /** 1, 2 or 5 × a power of ten. */
  readonly step: number;
}

/** The 1–2–5 steps around a magnitude, ascending. */
function candidates(raw: number): number[] {
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [0.1, 0.2, 0.5, 1, 2, 5, 10].map((m) => m * mag);
}

function ticksWithStep(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  for (let k = first; k <= last; k++) {
    const v = k * step;
    // k × step, rounded to the step's decimals, so 0.1 × 3 is 0.3 and not 0.30000000000000004.
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

/**
 * "Nice" ticks for [lo, hi]: multiples of 1, 2 or 5 × 10ⁿ, the step nearest
 * (hi − lo) / count, so about `count` of them (the rule of Heckbert's "Nice
 * numbers for graph labels", Graphics Gems 1990), made finer while fewer than
 * `minCount` fall inside, so a short axis still gets labels.
 *
 * @param lo - the axis's lower end.
 * @param hi - its upper end (> lo).
 * @param count - about how many ticks are wanted (default 5).
 * @param minCount - at least this many inside [lo, hi] (default 3).
 * @returns the tick values and their step.
 *
 * @example
 * ```ts
 * niceTicks(-0.3, 2.7, 5); // { values: [0, 0.5, 1, 1.5, 2, 2.5], step: 0.5 }
 * ```
 */
export function niceTicks(lo: number, hi: number, count = 5, minCount = 3): Ticks {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) return { values: [], step: Number.NaN };
  const raw = (hi - lo) / Math.max(1, count);
  const steps = candidates(raw);
  // The 1-2-5 step nearest the raw step (on a log scale), then smaller ones until enough ticks fall inside.
  let i = 0;
  for (let j = 1; j < steps.length; j++) if (Math.abs(Math.log(steps[j]! / raw)) < Math.abs(Math.log(steps[i]! / raw))) i = j;
  let values = ticksWithStep(lo, hi, steps[i]!);
  while (values.length < minCount && i > 0) {
    i--;
    values = ticksWithStep(lo, hi, steps[i]!);
  }
  return { values, step: steps[i]! };
}

/**
 * A tick's label with as many decimals as its step needs (0.25 for step 0.05,
 * 1,500 for step 500), switching to exponent notation beyond 10⁶ or below 10⁻³.
 *
 * @param value - the tick value.
 * @param step - the step between ticks.
 * @returns the label.
 *
 * @example
 * ```ts
 * tickLabel(0.25, 0.05); // '0.25'
 * tickLabel(1500, 500);  // '1,500'
 * ```
 */
export function tickLabel(value: number, step: number): string {
  if (value === 0) return '0';
  const a = Math.abs(value);
  if (a >= 1e6 || a < 1e-3) return value.toExponential(Math.max(0, Math.min(3, -Math.floor(Math.log10(step)) + Math.floor(Math.log10(a)))));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
