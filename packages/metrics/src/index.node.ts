/**
 * @packageDocumentation
 * Node entry of `@gankit/metrics`: everything in the browser entry, plus the
 * committed reference classifiers (MNIST and MNIST-M-style digits), read
 * from this package's `classifiers/` directory.
 */
// The browser entry's public API, listed by name once, in index.ts (the DESIGN's "no export *"
// is kept there); re-exporting it whole here means the two lists cannot drift apart.
export * from './index.js';

export { loadReferenceClassifier, referenceClassifierDirectory, REFERENCE_CLASSIFIER_NAMES } from './loadReferenceClassifier.js';
export type {
  LoadedReferenceClassifier,
  ReferenceClassifierName,
  ReferenceClassifierTraining,
} from './loadReferenceClassifier.js';
