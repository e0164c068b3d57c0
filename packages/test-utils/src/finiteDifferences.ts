import * as tf from '@tensorflow/tfjs';

/**
 * Central finite differences of a scalar function of some variables:
 *   ∂f/∂θ_k ≈ (f(θ + h·e_k) − f(θ − h·e_k)) / 2h
 * for every element of every variable (restored afterwards). O(h²) truncation
 * error; in float32 choose h around 1e-3…1e-2 for values of order 1.
 *
 * With `markKinks`, elements where the forward and backward one-sided
 * differences disagree (f is not differentiable, or jumps, within ±h) are
 * returned as NaN, so a caller can leave them out of a comparison.
 */
export function finiteDifferenceGradient(
  f: () => number,
  variables: tf.Variable[],
  h = 1e-3,
  options: { markKinks?: boolean } = {},
): Float32Array[] {
  const f0 = options.markKinks === true ? f() : 0;
  return variables.map((v) => {
    const base = v.dataSync().slice() as Float32Array;
    const grad = new Float32Array(base.length);
    for (let k = 0; k < base.length; k++) {
      const plus = base.slice();
      plus[k] = base[k]! + h;
      tf.tidy(() => v.assign(tf.tensor(plus, v.shape)));
      const fPlus = f();
      const minus = base.slice();
      minus[k] = base[k]! - h;
      tf.tidy(() => v.assign(tf.tensor(minus, v.shape)));
      const fMinus = f();
      grad[k] = (fPlus - fMinus) / (2 * h);
      if (options.markKinks === true) {
        // Across a kink of a piecewise-linear function f may jump: the two one-sided
        // differences then disagree by far more than the O(h·f'') of a smooth f.
        const forward = (fPlus - f0) / h;
        const backward = (f0 - fMinus) / h;
        if (Math.abs(forward - backward) > 0.5 * Math.max(Math.abs(forward), Math.abs(backward)) + 1e-2) grad[k] = Number.NaN;
      }
    }
    tf.tidy(() => v.assign(tf.tensor(base, v.shape)));
    return grad;
  });
}

/**
 * The derivative of f along a direction d of all variables at once:
 *   D_d f ≈ (f(θ + h·d) − f(θ − h·d)) / 2h,
 * cheap for large models where per-element differences would be too slow.
 */
export function finiteDifferenceDirectional(
  f: () => number,
  variables: tf.Variable[],
  direction: Float32Array[],
  h = 1e-3,
): number {
  const bases = variables.map((v) => v.dataSync().slice() as Float32Array);
  const shift = (sign: number): void => {
    variables.forEach((v, i) => {
      const b = bases[i]!;
      const d = direction[i]!;
      const moved = new Float32Array(b.length);
      for (let k = 0; k < b.length; k++) moved[k] = b[k]! + sign * h * d[k]!;
      tf.tidy(() => v.assign(tf.tensor(moved, v.shape)));
    });
  };
  shift(1);
  const fPlus = f();
  shift(-1);
  const fMinus = f();
  variables.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(bases[i]!, v.shape))));
  return (fPlus - fMinus) / (2 * h);
}
