import type { MatrixLike } from './matrixLike.js';
import { checkCols, toMatrix } from './internal/matrix.js';
import type { Matrix } from './internal/matrix.js';
import { checkInt, checkOptions } from './internal/validate.js';

/** Options of {@link precisionRecallDensityCoverage}. */
export interface PrecisionRecallDensityCoverageOptions {
  /** k of the k-nearest-neighbour balls (default 5, Naeem et al.'s choice). An integer ≥ 1, below both set sizes. */
  k?: number;
}

/**
 * The four nearest-neighbour measures of {@link precisionRecallDensityCoverage}.
 *
 * @example
 * ```ts
 * const { precision, recall, density, coverage } = precisionRecallDensityCoverage(validation, samples);
 * ```
 */
export interface PrecisionRecallDensityCoverage {
  /** Fidelity: the fraction of generated points inside some real point's k-NN ball, in [0, 1]. */
  readonly precision: number;
  /** Diversity: the fraction of real points inside some generated point's k-NN ball, in [0, 1]. */
  readonly recall: number;
  /** Fidelity, robust to real outliers: the mean number of real k-NN balls a generated point lies in, divided by k (1 in expectation for equal distributions; can exceed 1). */
  readonly density: number;
  /** Diversity, robust to generated outliers: the fraction of real points whose k-NN ball holds at least one generated point, in [0, 1]. */
  readonly coverage: number;
  /** The k used. */
  readonly k: number;
}

/** Squared distance to the k-th nearest other row of `m`, for every row (its own zero distance is skipped). */
function kthNeighbourRadii(m: Matrix, k: number): Float64Array {
  const { data, rows, cols } = m;
  const radii = new Float64Array(rows);
  const best = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    best.fill(Infinity);
    for (let j = 0; j < rows; j++) {
      if (j === i) continue;
      let d = 0;
      for (let c = 0; c < cols; c++) {
        const t = data[i * cols + c]! - data[j * cols + c]!;
        d += t * t;
      }
      if (d >= best[k - 1]!) continue;
      let p = k - 1;
      while (p > 0 && best[p - 1]! > d) {
        best[p] = best[p - 1]!;
        p--;
      }
      best[p] = d;
    }
    radii[i] = best[k - 1]!;
  }
  return radii;
}

/**
 * Precision, recall, density and coverage of generated samples against real
 * ones, from k-nearest-neighbour balls (Kynkäänniemi et al. 2019, "Improved
 * Precision and Recall Metric for Assessing Generative Models"; Naeem et al.
 * 2020, "Reliable Fidelity and Diversity Metrics for Generative Models").
 *
 * With real points X = {x_i} (N of them), generated points Y = {y_j} (M),
 * NND_k(x_i) the distance from x_i to its k-th nearest other real point and
 * B(x, r) the closed ball of radius r at x:
 *
 *   precision = (1/M) Σ_j 1[∃ i: y_j ∈ B(x_i, NND_k(x_i))]
 *   recall    = (1/N) Σ_i 1[∃ j: x_i ∈ B(y_j, NND_k(y_j))]
 *   density   = (1/(kM)) Σ_j Σ_i 1[y_j ∈ B(x_i, NND_k(x_i))]
 *   coverage  = (1/N) Σ_i 1[∃ j: y_j ∈ B(x_i, NND_k(x_i))]
 *
 * Precision and density ask how much of the generated set looks real;
 * recall and coverage how much of the real set the generator reaches.
 * Density and coverage use only the real balls, so a few generated outliers
 * cannot inflate them. They need no labels and no knowledge of how the real
 * data was made, so they can be computed on a validation split of the
 * training data to select checkpoints. Exact (all pairs, float64):
 * O((N + M)² · d) time, for sets of a few thousand rows, or of features.
 *
 * @param real - N × d real points (a tensor, rows, or `{ x, count, shape }`).
 * @param generated - M × d generated points of the same dimension.
 * @param options - `k` (default 5).
 * @returns precision, recall, density and coverage.
 * @throws if a set is empty, non-finite, of another dimension, or `k` is not an integer in [1, min(N, M) − 1].
 *
 * @example
 * ```ts
 * import { precisionRecallDensityCoverage } from '@gankit/metrics';
 * const validation = gridOfGaussians().sample(2500, 999); // held out from training
 * const samples = trainer.sample(2500, { seed: 1 });
 * const { density, coverage } = precisionRecallDensityCoverage(validation, samples);
 * samples.dispose();
 * ```
 */
export function precisionRecallDensityCoverage(
  real: MatrixLike,
  generated: MatrixLike,
  options?: PrecisionRecallDensityCoverageOptions,
): PrecisionRecallDensityCoverage {
  const fn = 'precisionRecallDensityCoverage';
  checkOptions(fn, options, ['k']);
  const k = checkInt(fn, 'k', options?.k ?? 5, 1);
  const x = toMatrix(fn, 'real', real);
  const y = toMatrix(fn, 'generated', generated);
  checkCols(fn, 'generated', y, x.cols, 'real');
  if (k >= x.rows || k >= y.rows) {
    throw new RangeError(`${fn}: 'k' must be below both set sizes (real ${x.rows}, generated ${y.rows}), got ${k}`);
  }
  const realRadii = kthNeighbourRadii(x, k);
  const fakeRadii = kthNeighbourRadii(y, k);
  const cols = x.cols;
  const realCovered = new Uint8Array(x.rows);
  const realReached = new Uint8Array(x.rows);
  let precise = 0;
  let balls = 0;
  for (let j = 0; j < y.rows; j++) {
    let inside = 0;
    for (let i = 0; i < x.rows; i++) {
      let d = 0;
      for (let c = 0; c < cols; c++) {
        const t = x.data[i * cols + c]! - y.data[j * cols + c]!;
        d += t * t;
      }
      if (d <= realRadii[i]!) {
        inside++;
        realCovered[i] = 1;
      }
      if (d <= fakeRadii[j]!) realReached[i] = 1;
    }
    balls += inside;
    if (inside > 0) precise++;
  }
  const sum = (a: Uint8Array): number => a.reduce((s, v) => s + v, 0);
  return {
    precision: precise / y.rows,
    recall: sum(realReached) / x.rows,
    density: balls / (k * y.rows),
    coverage: sum(realCovered) / x.rows,
    k,
  };
}
