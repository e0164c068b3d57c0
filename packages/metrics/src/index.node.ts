/**
 * @packageDocumentation
 * Node entry of `@gankit/metrics`: everything in the browser entry, plus the
 * committed reference classifiers (MNIST and MNIST-M-style digits), read
 * from this package's `classifiers/` directory.
 */
export type {
  FlatMatrix,
  MatrixLike,
  MixtureModes,
  ModeCoverage,
  ModeCoverageOptions,
  SymmetricEigen,
  SymmetricEigenOptions,
  FeatureStatistics,
  KernelDistance,
  KernelDistanceOptions,
  ClassAccuracy,
  ModelLike,
  NegativeElbo,
  NegativeElboOptions,
  ClassifierOutputs,
  ClassifyOptions,
  Float32Rows,
  ReferenceClassifier,
  ReferenceClassifierOptions,
  ImageMetrics,
  ImageMetricsOptions,
} from './index.js';
export {
  modeCoverage,
  symmetricEigen,
  traceSqrtProduct,
  featureStatistics,
  frechetDistance,
  kernelDistance,
  classHistogram,
  classHistogramKl,
  meanTopConfidence,
  conditionalAccuracy,
  labelPreservation,
  negativeElbo,
  referenceClassifier,
  imageMetrics,
} from './index.js';

export { loadReferenceClassifier, referenceClassifierDirectory, REFERENCE_CLASSIFIER_NAMES } from './loadReferenceClassifier.js';
export type {
  LoadedReferenceClassifier,
  ReferenceClassifierName,
  ReferenceClassifierTraining,
} from './loadReferenceClassifier.js';
