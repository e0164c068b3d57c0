import type { MatrixLike } from './matrixLike.js';
import { toMatrix } from './internal/matrix.js';

/**
 * The mean over samples of the classifier's top-class probability,
 * (1/n) Σ_i max_k p_ik — how confidently the reference classifier
 * recognises generated samples as some digit (the "confidence" half of the
 * Inception Score's intuition, Salimans et al. 2016, without its
 * exponentiated KL). 1/K for noise the classifier cannot place, near 1
 * for crisp samples; report it next to the real test split's value.
 *
 * @param probabilities - n × K class probabilities (softmax outputs; each row in [0, 1] summing to 1 ± 1e-3).
 * @returns the mean top-class probability, in [1/K, 1].
 * @throws if `probabilities` is empty, non-finite, or its rows are not probability vectors (e.g. logits).
 *
 * @example
 * ```ts
 * meanTopConfidence([[0.9, 0.1], [0.6, 0.4]]); // 0.75
 * ```
 */
export function meanTopConfidence(probabilities: MatrixLike): number {
  const fn = 'meanTopConfidence';
  const { data, rows, cols } = toMatrix(fn, 'probabilities', probabilities);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let max = 0;
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const p = data[r * cols + c]!;
      if (p < 0 || p > 1 + 1e-6) {
        throw new RangeError(`${fn}: 'probabilities' row ${r} has the value ${p}, outside [0, 1]; pass softmax outputs, not logits`);
      }
      sum += p;
      if (p > max) max = p;
    }
    if (Math.abs(sum - 1) > 1e-3) throw new RangeError(`${fn}: 'probabilities' row ${r} sums to ${sum}, not 1; pass softmax outputs`);
    total += max;
  }
  return total / rows;
}
