import { classHistogram } from './classHistogram.js';
import type { FeatureStatistics } from './featureStatistics.js';
import { featureStatistics } from './featureStatistics.js';
import { frechetDistance } from './frechetDistance.js';
import { klToUniform } from './internal/classes.js';
import { checkOptions } from './internal/validate.js';
import type { KernelDistance, KernelDistanceOptions } from './kernelDistance.js';
import { kernelDistance } from './kernelDistance.js';
import { meanTopConfidence } from './meanTopConfidence.js';
import type { ClassifierOutputs } from './referenceClassifier.js';

/** Options of {@link imageMetrics}. */
export interface ImageMetricsOptions {
  /** Options of the KID computation (default 100 subsets of 1,000); `false` skips KID. */
  kid?: KernelDistanceOptions | false;
  /** Precomputed statistics of the reference features (saves recomputing them for every model). */
  referenceStatistics?: FeatureStatistics;
}

/**
 * The result of {@link imageMetrics}.
 *
 * @example
 * ```ts
 * const { frechetDistance, kernelDistance, classHistogramKl, classesPresent } = imageMetrics(fake, real);
 * ```
 */
export interface ImageMetrics {
  /** Fréchet distance of the samples' features to the reference features ({@link frechetDistance}). */
  readonly frechetDistance: number;
  /** KID mean ± std ({@link kernelDistance}); absent with `kid: false`. */
  readonly kernelDistance?: KernelDistance;
  /** KL of the predicted-class histogram to uniform, in nats ({@link classHistogramKl}). */
  readonly classHistogramKl: number;
  /** Predicted-class counts ({@link classHistogram}). */
  readonly classCounts: Int32Array;
  /** Classes predicted at least once. */
  readonly classesPresent: number;
  /** Mean top-class probability ({@link meanTopConfidence}). */
  readonly meanTopConfidence: number;
  /** The number of samples. */
  readonly count: number;
}

/**
 * Every classifier-based image metric of EVALUATION.md for one set of
 * samples, from the reference classifier's outputs on the samples and on a
 * reference set (real images): Fréchet distance and KID on the features,
 * class-histogram KL to uniform, classes present and mean top-class
 * confidence on the probabilities. Evaluate held-out real test images
 * against the same reference to get the floor.
 *
 * @param samples - `classify(…)` outputs for the samples (≥ 10,000 generated images in the protocol).
 * @param reference - `classify(…)` outputs for the reference images (e.g. the real training split).
 * @param options - `kid` (KID options or `false`), `referenceStatistics`.
 * @returns `{ frechetDistance, kernelDistance, classHistogramKl, classCounts, classesPresent, meanTopConfidence, count }`.
 * @throws as the metrics it calls (empty sets, mismatched feature dimensions, sets smaller than the KID subset size).
 *
 * @example
 * ```ts
 * const mnist = await loadReferenceClassifier('mnist');
 * const real = await mnist.classify(await loadMnist({ split: 'train', limit: 10_000 }));
 * const floor = imageMetrics(await mnist.classify(await loadMnist({ split: 'test' })), real);
 * const model = imageMetrics(await mnist.classify(generated), real);
 * ```
 */
export function imageMetrics(samples: ClassifierOutputs, reference: ClassifierOutputs, options: ImageMetricsOptions = {}): ImageMetrics {
  checkOptions('imageMetrics', options, ['kid', 'referenceStatistics']);
  for (const [name, value] of [['samples', samples], ['reference', reference]] as const) {
    if (value === null || typeof value !== 'object' || !('features' in value) || !('probabilities' in value)) {
      throw new TypeError(`imageMetrics: '${name}' must be the { probabilities, features } a classifier's classify() returns`);
    }
  }
  const classCounts = classHistogram(samples.probabilities);
  const kid = options.kid === false ? undefined : kernelDistance(samples.features, reference.features, options.kid ?? {});
  return {
    frechetDistance: frechetDistance(samples.features, options.referenceStatistics ?? featureStatistics(reference.features)),
    ...(kid === undefined ? {} : { kernelDistance: kid }),
    classHistogramKl: klToUniform(classCounts),
    classCounts,
    classesPresent: classCounts.reduce((n, c) => n + (c > 0 ? 1 : 0), 0),
    meanTopConfidence: meanTopConfidence(samples.probabilities),
    count: samples.count,
  };
}
