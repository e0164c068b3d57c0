import * as tf from '@tensorflow/tfjs';

/** Anything numeric a test compares: a number, an array (nested or typed) or a tensor. */
export type Numeric = number | ArrayLike<number> | number[][] | tf.Tensor;

/** Tolerances: |actual − expected| ≤ atol + rtol·|expected|, element-wise. */
export interface Tolerance {
  rtol?: number;
  atol?: number;
}

/** Flattens a {@link Numeric} into a plain array of numbers (reads tensors synchronously). */
export function toFlat(value: Numeric): number[] {
  if (typeof value === 'number') return [value];
  if (value instanceof tf.Tensor) return Array.from(value.dataSync());
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'number') out.push(v);
    else if (v != null && typeof (v as ArrayLike<number>).length === 'number') {
      for (let i = 0; i < (v as ArrayLike<unknown>).length; i++) walk((v as ArrayLike<unknown>)[i]);
    } else throw new Error(`toFlat: not numeric: ${String(v)}`);
  };
  walk(value);
  return out;
}

/**
 * Asserts two numeric values agree element-wise within tolerances, and says
 * where and by how much they differ when they do not.
 */
export function expectClose(actual: Numeric, expected: Numeric, tol: Tolerance = {}): void {
  const rtol = tol.rtol ?? 1e-5;
  const atol = tol.atol ?? 1e-6;
  const a = toFlat(actual);
  const e = toFlat(expected);
  if (a.length !== e.length) {
    throw new Error(`expectClose: lengths differ: actual ${a.length}, expected ${e.length}`);
  }
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    const ei = e[i]!;
    if (Number.isNaN(ai) || Number.isNaN(ei)) {
      if (Number.isNaN(ai) && Number.isNaN(ei)) continue;
      worst = i;
      worstExcess = Infinity;
      break;
    }
    const excess = Math.abs(ai - ei) - (atol + rtol * Math.abs(ei));
    if (excess > worstExcess) {
      worstExcess = excess;
      worst = i;
    }
  }
  if (worst >= 0) {
    throw new Error(
      `expectClose: element ${worst} of ${a.length}: actual ${a[worst]}, expected ${e[worst]} ` +
        `(|diff| ${Math.abs(a[worst]! - e[worst]!)} > atol ${atol} + rtol ${rtol}·|expected|)`,
    );
  }
}

/** ‖actual − expected‖∞ / max(‖expected‖∞, tiny): one number for "how far off, relative to scale". */
export function relativeError(actual: Numeric, expected: Numeric): number {
  const a = toFlat(actual);
  const e = toFlat(expected);
  if (a.length !== e.length) throw new Error(`relativeError: lengths differ: ${a.length} vs ${e.length}`);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - e[i]!));
    scale = Math.max(scale, Math.abs(e[i]!));
  }
  return diff / Math.max(scale, 1e-30);
}
