/**
 * @packageDocumentation
 * Evaluation for gankit, in the browser and in Node: 2-D mode coverage
 * (VEEGAN/PacGAN), precision/recall/density/coverage from nearest neighbours,
 * Fréchet distance and KID on classifier features (with a
 * float64 Jacobi eigendecomposition, which tfjs lacks), class balance and
 * confidence, conditional and translation accuracy, the best-match
 * (unsupervised-clustering) accuracy of a categorical code, and the VAE
 * negative ELBO. The Node entry adds the committed reference classifiers.
 */
export type { FlatMatrix, MatrixLike } from './matrixLike.js';

export { modeCoverage } from './modeCoverage.js';
export type { MixtureModes, ModeCoverage, ModeCoverageOptions } from './modeCoverage.js';

export { symmetricEigen } from './symmetricEigen.js';
export type { SymmetricEigen, SymmetricEigenOptions } from './symmetricEigen.js';
export { traceSqrtProduct } from './traceSqrtProduct.js';
export { featureStatistics } from './featureStatistics.js';
export type { FeatureStatistics } from './featureStatistics.js';
export { frechetDistance } from './frechetDistance.js';
export { kernelDistance } from './kernelDistance.js';
export type { KernelDistance, KernelDistanceOptions } from './kernelDistance.js';
export { precisionRecallDensityCoverage } from './precisionRecallDensityCoverage.js';
export type { PrecisionRecallDensityCoverage, PrecisionRecallDensityCoverageOptions } from './precisionRecallDensityCoverage.js';

export { classHistogram } from './classHistogram.js';
export { classHistogramKl } from './classHistogramKl.js';
export { meanTopConfidence } from './meanTopConfidence.js';
export { conditionalAccuracy } from './conditionalAccuracy.js';
export type { ClassAccuracy } from './conditionalAccuracy.js';
export { labelPreservation } from './labelPreservation.js';
export { bestMatchAccuracy } from './bestMatchAccuracy.js';
export type { BestMatchAccuracy, BestMatchAccuracyOptions } from './bestMatchAccuracy.js';
export { negativeElbo } from './negativeElbo.js';
export type { ModelLike, NegativeElbo, NegativeElboOptions } from './negativeElbo.js';

export { referenceClassifier } from './referenceClassifier.js';
export type {
  ClassifierOutputs,
  ClassifyOptions,
  Float32Rows,
  ReferenceClassifier,
  ReferenceClassifierOptions,
} from './referenceClassifier.js';
export { imageMetrics } from './imageMetrics.js';
export type { ImageMetrics, ImageMetricsOptions } from './imageMetrics.js';
