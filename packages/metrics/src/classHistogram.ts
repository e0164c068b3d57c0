import type { MatrixLike } from './matrixLike.js';
import { argmaxRows, histogram } from './internal/classes.js';
import { toMatrix } from './internal/matrix.js';

/**
 * How many samples a classifier assigns to each class (arg max of each row;
 * the lower class on ties) — the class histogram whose balance
 * {@link classHistogramKl} measures; count the non-zero entries for
 * "classes present" (a mode-collapse check for MNIST generators).
 *
 * @param probabilities - n × K class probabilities (or logits: only the arg max is used), e.g. `classify(…).probabilities`.
 * @returns the K counts, summing to n.
 * @throws if `probabilities` is empty or holds a non-finite value.
 *
 * @example
 * ```ts
 * const counts = classHistogram(fake.probabilities);
 * const classesPresent = counts.filter((c) => c > 0).length; // 10 for a healthy MNIST GAN
 * ```
 */
export function classHistogram(probabilities: MatrixLike): Int32Array {
  const m = toMatrix('classHistogram', 'probabilities', probabilities);
  return histogram(argmaxRows(m), m.cols);
}
