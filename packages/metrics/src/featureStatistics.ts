import type { MatrixLike } from './matrixLike.js';
import { statisticsOf } from './internal/statistics.js';

/**
 * The mean and covariance of a feature set in float64: what the Fréchet
 * distance compares. Compute it once for a reference set (e.g. the real
 * test images) and pass it to {@link frechetDistance} for every model.
 *
 * @example
 * ```ts
 * const real = featureStatistics(realFeatures);
 * real.dim; // 128
 * ```
 */
export interface FeatureStatistics {
  /** μ, the per-dimension mean (length d). */
  readonly mean: Float64Array;
  /** Σ, the d × d covariance, row-major, with the unbiased 1/(n − 1) normalization. */
  readonly covariance: Float64Array;
  /** The feature dimension d. */
  readonly dim: number;
  /** The number of feature vectors n. */
  readonly count: number;
}

/**
 * Mean μ = (1/n) Σ_i x_i and unbiased covariance Σ = (1/(n−1)) Σ_i (x_i − μ)(x_i − μ)ᵀ
 * of n feature vectors, in float64 (two passes: centre, then accumulate), as
 * `numpy.cov(features, rowvar=False)` computes them in the reference FID code
 * (Heusel et al. 2017; torch-fidelity).
 *
 * @param features - n × d feature vectors, n ≥ 2 (rows of a tensor, arrays, or `{ x, count, shape }`).
 * @returns `{ mean, covariance, dim, count }`.
 * @throws if `features` is empty, has fewer than 2 rows, or holds a non-finite value.
 *
 * @example
 * ```ts
 * const { mean, covariance } = featureStatistics([[0, 0], [2, 0], [0, 2], [2, 2]]);
 * mean;       // [1, 1]
 * covariance; // [4/3, 0, 0, 4/3]
 * ```
 */
export function featureStatistics(features: MatrixLike): FeatureStatistics {
  return statisticsOf('featureStatistics', 'features', features);
}
