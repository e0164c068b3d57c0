import * as tf from '@tensorflow/tfjs';
import { powerIterationStep, rayleighSigma, weightMatrix } from './internal/weightMatrix.js';
import { assertNumber, assertOptions, assertTensor } from './internal/validate.js';

/** Options of {@link spectralNormEstimate}. */
export interface SpectralNormEstimateOptions {
  /** Power iterations. Default 50. */
  iterations?: number;
  /** Kernel axis of the output channels (see {@link SpectralNormalization}). Default: the last axis. */
  outAxis?: number;
  /** Seed of the random start vector. Default 0 (passed to tfjs as seed + 1: tfjs treats a seed of 0 as "unseeded"). */
  seed?: number;
}

/**
 * Estimates the largest singular value σ(W) of a weight (a matrix, or a conv
 * kernel reshaped to one) by power iteration (Golub & Van Loan §8.2; as used by
 * Miyato et al. 2018):
 *
 *   v ← W u / ‖W u‖,  u ← Wᵀ v / ‖Wᵀ v‖,  σ ≈ vᵀ W u.
 *
 * Converges geometrically with ratio (σ₂/σ₁)², from below.
 *
 * @param weight - a rank ≥ 2 kernel.
 * @param options - `iterations` (50), `outAxis` (last), `seed` (0).
 * @returns the estimate of σ(W).
 *
 * @example
 * ```ts
 * const sigma = spectralNormEstimate(denseLayer.getWeights()[0]);
 * ```
 */
export function spectralNormEstimate(weight: tf.Tensor, options?: SpectralNormEstimateOptions): number {
  const fn = 'spectralNormEstimate';
  assertTensor(fn, 'weight', weight);
  assertOptions(fn, options, ['iterations', 'outAxis', 'seed']);
  if (weight.rank < 2) throw new Error(`${fn}: 'weight' must have rank ≥ 2, got shape [${weight.shape}]`);
  const iterations = options?.iterations ?? 50;
  assertNumber(fn, 'iterations', iterations, { min: 1, integer: true });
  const outAxis = options?.outAxis ?? weight.rank - 1;
  assertNumber(fn, 'outAxis', outAxis, { min: -weight.rank, max: weight.rank - 1, integer: true });
  return tf.tidy(() => {
    const w = weightMatrix(weight, outAxis);
    let u: tf.Tensor = tf.randomNormal([w.shape[1]], 0, 1, 'float32', (options?.seed ?? 0) + 1);
    let v: tf.Tensor = tf.zeros([w.shape[0]]);
    for (let i = 0; i < iterations; i++) {
      const next = powerIterationStep(w, u, 1e-12);
      u = next.u;
      v = next.v;
    }
    return rayleighSigma(w, u, v).dataSync()[0]!;
  });
}
