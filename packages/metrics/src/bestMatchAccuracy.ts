import type { MatrixLike } from './matrixLike.js';
import { toClassIndices } from './internal/classes.js';
import { maxWeightAssignment } from './internal/hungarian.js';
import { checkInt, checkOptions } from './internal/validate.js';

/** Options of {@link bestMatchAccuracy}. */
export interface BestMatchAccuracyOptions {
  /**
   * The number of codes k (the contingency table's rows). Default: the
   * largest code + 1, or the number of columns when `codes` are scores. Pass
   * it when a code may never occur, so `mapping` has one entry per code.
   */
  numCodes?: number;
  /**
   * The number of labels m (the table's columns). Default: the largest
   * label + 1, or the number of columns when `labels` are class scores.
   */
  numLabels?: number;
}

/**
 * The result of {@link bestMatchAccuracy}.
 *
 * @example
 * ```ts
 * const { accuracy, mapping } = bestMatchAccuracy(codes, labels);
 * console.log(`error ${(100 * (1 - accuracy)).toFixed(1)}%; code 0 draws ${mapping[0]}s`);
 * ```
 */
export interface BestMatchAccuracy {
  /** The fraction of samples whose code maps to their label under the best one-to-one map, in [0, 1]. */
  readonly accuracy: number;
  /** For each code c (length k), the label it is matched with, or −1 if it is unmatched (only when k > m). */
  readonly mapping: number[];
  /** The k × m contingency table: `contingency[c][l]` counts the samples drawn with code c and labelled l. */
  readonly contingency: number[][];
}

/**
 * Unsupervised-clustering accuracy of a categorical latent code: the
 * accuracy of the best **one-to-one** map from codes to labels,
 *
 *   ACC = max_σ (1/n) Σ_i [σ(c_i) = y_i] = max_σ (1/n) Σ_c N_{c,σ(c)},
 *
 * where N is the k × m contingency table N_{cl} = #{i : c_i = c, y_i = l}
 * and σ ranges over the injective maps between codes and labels (when
 * k > m, k − m codes stay unmatched and their samples count as errors;
 * when k < m, k labels are used). The maximum-weight assignment is solved
 * exactly by the Hungarian (Kuhn–Munkres) algorithm in O(max(k, m)³), not
 * greedily — a greedy map can be strictly worse.
 *
 * This is the measure behind InfoGAN's "5% error rate" for its 10-way
 * categorical code c₁ on MNIST (Chen et al. 2016, §7.2: each category of c₁
 * matched to a digit type), and the unsupervised clustering accuracy of
 * DEC (Xie et al. 2016). Two ways to get the pairs: the paper's — c_i is
 * the arg max of the recognition network Q(c₁ ∣ x) on labelled test digits
 * and y_i their true label — or generated samples, c_i the code each was
 * drawn with and y_i a reference classifier's label. Report 1 − ACC as the
 * error. Uniform codes independent of uniform labels give about
 * 1/max(k, m) — a little more, since the best map is chosen after seeing
 * the table (≈ 0.104 for k = m = 10 and n = 100,000).
 *
 * @param codes - the n codes the samples were drawn with: integers 0…k−1 (an array, typed array or rank-1 tensor), or n × k one-hot codes or code scores (arg max per row).
 * @param labels - the n labels a reference classifier assigned: integers 0…m−1, or n × m class probabilities or logits (arg max per row, the lower class on ties), e.g. `classify(…).probabilities`.
 * @param options - `numCodes` k and `numLabels` m, when they cannot be read off the inputs.
 * @returns `{ accuracy, mapping, contingency }`: the best-match accuracy, the map code → label (−1 for an unmatched code), and the table.
 * @throws if an input is empty, not integers in range, or non-finite; if the lengths differ; or if an option is not a positive integer or contradicts the scores' width. Tensors are read, never disposed.
 *
 * @example
 * ```ts
 * const codes = Int32Array.from({ length: 10_000 }, (_, i) => i % 10);
 * const images = generator.predict(tf.concat([tf.oneHot(tf.tensor1d(codes, 'int32'), 10), noise], 1)) as tf.Tensor4D;
 * const { accuracy, mapping } = bestMatchAccuracy(codes, (await mnist.classify(images)).probabilities);
 * // InfoGAN: 1 − accuracy ≈ 0.05; mapping[c] is the digit code c draws.
 * ```
 */
export function bestMatchAccuracy(
  codes: ArrayLike<number> | MatrixLike,
  labels: ArrayLike<number> | MatrixLike,
  options: BestMatchAccuracyOptions = {},
): BestMatchAccuracy {
  const fn = 'bestMatchAccuracy';
  checkOptions(fn, options, ['numCodes', 'numLabels']);
  const numCodes = options.numCodes === undefined ? undefined : checkInt(fn, 'numCodes', options.numCodes);
  const numLabels = options.numLabels === undefined ? undefined : checkInt(fn, 'numLabels', options.numLabels);
  const c = toClassIndices(fn, 'codes', codes, numCodes, 'numCodes');
  const y = toClassIndices(fn, 'labels', labels, numLabels, 'numLabels');
  const n = c.indices.length;
  if (y.indices.length !== n) {
    throw new RangeError(`${fn}: 'labels' has ${y.indices.length} entries but 'codes' has ${n}; they must match`);
  }

  const k = c.numClasses;
  const m = y.numClasses;
  const table = new Float64Array(k * m);
  for (let i = 0; i < n; i++) table[c.indices[i]! * m + y.indices[i]!]!++;

  const assignment = maxWeightAssignment(table, k, m);
  let matched = 0;
  for (let code = 0; code < k; code++) {
    const label = assignment[code]!;
    if (label >= 0) matched += table[code * m + label]!;
  }
  const contingency = Array.from({ length: k }, (_, code) => Array.from(table.subarray(code * m, (code + 1) * m)));
  return { accuracy: matched / n, mapping: Array.from(assignment), contingency };
}
