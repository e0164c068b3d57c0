/**
 * Test helpers: float64 reference arithmetic (JavaScript numbers are
 * doubles) to compare the float32 losses against, and central differences of
 * such references to check their gradients.
 */
import type * as tf from '@tensorflow/tfjs';

/** Reads a scalar tensor and disposes it. */
export function value(s: tf.Scalar): number {
  const v = s.dataSync()[0]!;
  s.dispose();
  return v;
}

/** The arithmetic mean. */
export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** log(1 + eˣ), evaluated stably. */
export const softplus = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

/** log Σ eˣ, evaluated stably. */
export function logSumExp(xs: readonly number[]): number {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((acc, x) => acc + Math.exp(x - m), 0));
}

/** log softmax(l)_j for every j. */
export const logSoftmax = (l: readonly number[]): number[] => l.map((x) => x - logSumExp(l));

/**
 * Central differences of a float64 function of a vector,
 * (f(x + h·e_k) − f(x − h·e_k)) / 2h for every k. In double precision with
 * h = 1e-6 the truncation and rounding errors are both around 1e-10 for
 * smooth functions of order 1, far below float32 resolution.
 */
export function centralDifferences(f: (x: number[]) => number, x: readonly number[], h = 1e-6): number[] {
  return x.map((_, k) => {
    const plus = [...x];
    const minus = [...x];
    plus[k]! += h;
    minus[k]! -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}
