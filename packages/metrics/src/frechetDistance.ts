import type { FeatureStatistics } from './featureStatistics.js';
import type { MatrixLike } from './matrixLike.js';
import { statisticsOf } from './internal/statistics.js';
import { traceSqrtOfProduct } from './internal/traceSqrt.js';

/**
 * The Fréchet distance between two feature sets, each summarized as a
 * Gaussian N(μ, Σ) — FID (Heusel et al. 2017, "GANs Trained by a Two
 * Time-Scale Update Rule Converge to a Local Nash Equilibrium") on whatever
 * features you pass; gankit uses the penultimate layer of its reference
 * classifiers (see `loadReferenceClassifier`), since no Inception weights exist offline:
 *
 *   d² = ‖μ₁ − μ₂‖² + Tr Σ₁ + Tr Σ₂ − 2 Tr √(Σ₁Σ₂),
 *
 * with means and unbiased covariances in float64 ({@link featureStatistics})
 * and Tr √(Σ₁Σ₂) from the eigenvalues of Σ₁Σ₂, as torch-fidelity computes it
 * (see {@link traceSqrtProduct}). Identical sets give 0 up to rounding (the
 * value is not clamped, so it may be ≈ −1e-12). The estimate is biased
 * upwards for small n: compare numbers computed with the same n (EVALUATION.md: 10,000).
 *
 * @param a - the first set: n₁ × d features (n₁ ≥ 2), or its {@link FeatureStatistics}.
 * @param b - the second set: n₂ × d features, or its statistics.
 * @returns the squared Fréchet distance d² (in squared feature units).
 * @throws if a set is empty, has fewer than 2 rows, holds non-finite values, or the dimensions differ.
 *
 * @example
 * ```ts
 * const classifier = await loadReferenceClassifier('mnist');
 * const real = await classifier.classify(testImages);
 * const fake = await classifier.classify(generated);
 * const fid = frechetDistance(fake.features, featureStatistics(real.features));
 * ```
 */
export function frechetDistance(a: MatrixLike | FeatureStatistics, b: MatrixLike | FeatureStatistics): number {
  const fn = 'frechetDistance';
  const s1 = toStatistics(fn, 'a', a);
  const s2 = toStatistics(fn, 'b', b);
  if (s1.dim !== s2.dim) throw new RangeError(`${fn}: 'a' has dimension ${s1.dim} but 'b' has ${s2.dim}; they must match`);
  const d = s1.dim;
  let meanTerm = 0;
  let traces = 0;
  for (let i = 0; i < d; i++) {
    const diff = s1.mean[i]! - s2.mean[i]!;
    meanTerm += diff * diff;
    traces += s1.covariance[i * d + i]! + s2.covariance[i * d + i]!;
  }
  return meanTerm + traces - 2 * traceSqrtOfProduct(Float64Array.from(s1.covariance), s2.covariance, d);
}

function isStatistics(x: unknown): x is FeatureStatistics {
  return x !== null && typeof x === 'object' && 'mean' in x && 'covariance' in x;
}

function toStatistics(fn: string, name: string, x: MatrixLike | FeatureStatistics): FeatureStatistics {
  if (!isStatistics(x)) return statisticsOf(fn, name, x);
  const { mean, covariance, dim } = x;
  if (!Number.isInteger(dim) || dim < 1 || mean?.length !== dim || covariance?.length !== dim * dim) {
    throw new RangeError(`${fn}: '${name}' statistics must have a mean of length dim and a dim × dim covariance (dim ${String(dim)})`);
  }
  return x;
}
