import type { MatrixLike } from './matrixLike.js';
import { argmaxRows, histogram, klToUniform } from './internal/classes.js';
import { toMatrix } from './internal/matrix.js';

/**
 * KL divergence, in nats, of the predicted-class histogram of generated
 * samples from the uniform distribution over the K classes:
 *
 *   KL(p̂ ‖ U) = Σ_k p̂_k log(K p̂_k) = log K − H(p̂),   p̂_k = #{i : arg max_j p_ij = k} / n,
 *
 * with 0 · log 0 = 0. 0 when the generator makes every class equally often;
 * log K (2.303 for 10 classes) when every sample is one class. A balance
 * check for unconditional generators on class-balanced data such as MNIST
 * (EVALUATION.md: ≤ 0.05 is the target; the 10,000 real test digits give 0.0018
 * under the `'mnist'` reference classifier).
 * Uses the classifier's hard decisions (see {@link classHistogram}), so it
 * works on logits too.
 *
 * @param probabilities - n × K class probabilities (or logits) of the samples.
 * @returns KL(p̂ ‖ U) in nats, in [0, log K].
 * @throws if `probabilities` is empty or holds a non-finite value.
 *
 * @example
 * ```ts
 * const fake = await classifier.classify(generated);
 * classHistogramKl(fake.probabilities); // e.g. 0.012
 * ```
 */
export function classHistogramKl(probabilities: MatrixLike): number {
  const m = toMatrix('classHistogramKl', 'probabilities', probabilities);
  return klToUniform(histogram(argmaxRows(m), m.cols));
}
