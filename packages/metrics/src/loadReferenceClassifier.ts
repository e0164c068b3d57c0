import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReferenceClassifier } from './referenceClassifier.js';
import { referenceClassifier } from './referenceClassifier.js';
import { checkOneOf } from './internal/validate.js';

/**
 * The committed reference classifiers: `'mnist'` (MNIST digits) and `'mnistm'` (MNIST-M-style digits, domain B of `digitDomains`).
 *
 * @example
 * ```ts
 * const name: ReferenceClassifierName = 'mnistm';
 * ```
 */
export type ReferenceClassifierName = 'mnist' | 'mnistm';

/**
 * The names accepted by {@link loadReferenceClassifier}.
 *
 * @example
 * ```ts
 * for (const name of REFERENCE_CLASSIFIER_NAMES) console.log((await loadReferenceClassifier(name)).training.testAccuracy);
 * ```
 */
export const REFERENCE_CLASSIFIER_NAMES: readonly ReferenceClassifierName[] = ['mnist', 'mnistm'];

/** How a committed reference classifier was trained: `classifiers/<name>/training.json`, written by the training script. */
export interface ReferenceClassifierTraining {
  /** The training data. */
  readonly data: string;
  /** Training images. */
  readonly trainCount: number;
  /** The seed of initialization and shuffling. */
  readonly seed: number;
  /** Epochs over the training images. */
  readonly epochs: number;
  /** The backend it was trained on. */
  readonly backend: string;
  /** Trainable parameters. */
  readonly parameters: number;
  /** Wall time of training, in seconds. */
  readonly seconds: number;
  /** Accuracy on the full 10,000-image test split. */
  readonly testAccuracy: number;
  /** s, the feature scale calibrated on the first 10,000 training images (see `referenceClassifier`). */
  readonly featureScale: number;
}

/**
 * A {@link ReferenceClassifier} loaded from the committed weights, with its training record.
 *
 * @example
 * ```ts
 * const mnist = await loadReferenceClassifier('mnist');
 * mnist.training.testAccuracy; // 0.9926
 * ```
 */
export interface LoadedReferenceClassifier extends ReferenceClassifier {
  /** The training record committed with the weights. */
  readonly training: ReferenceClassifierTraining;
  /** The directory holding `model.json`, `weights.bin` and `training.json`. */
  readonly directory: string;
}

/**
 * The directory of a committed reference classifier (Node only):
 * `classifiers/<name>/` of this package, holding `model.json`, `weights.bin`
 * (float32, ≈ 0.74 MB) and `training.json`.
 *
 * @param name - `'mnist'` or `'mnistm'`.
 * @returns the absolute directory path.
 *
 * @example
 * ```ts
 * const model = await tf.loadLayersModel(`file://${referenceClassifierDirectory('mnist')}/model.json`);
 * ```
 */
export function referenceClassifierDirectory(name: ReferenceClassifierName): string {
  checkOneOf('referenceClassifierDirectory', 'name', name, REFERENCE_CLASSIFIER_NAMES);
  return fileURLToPath(new URL(`../classifiers/${name}/`, import.meta.url));
}

/**
 * Loads one of gankit's committed reference classifiers (Node only), the
 * stand-in for Inception in EVALUATION.md's image metrics, since no Inception
 * weights exist offline. Both are LeNet-style CNNs (LeCun et al. 1998): conv
 * 5×5·32 → max-pool → conv 5×5·64 → max-pool → dense 128 (ReLU, the
 * **features**) → dense 10 → softmax, trained on images in [−1, 1] by
 * `classifiers/trainClassifier.ts` (seeded; `pnpm --filter @gankit/metrics
 * train:classifiers` regenerates them):
 *
 * - `'mnist'`: the 60,000 MNIST training digits; 1 channel.
 * - `'mnistm'`: domain B of `digitDomains({ seed: 0 })` (MNIST-M-style, 3 channels) —
 *   the target-domain classifier for A→B label preservation.
 *
 * Their test accuracies are in `training.testAccuracy`. Reads the files
 * directly (no `file://` router needed) and runs on the active tfjs backend.
 *
 * @param name - `'mnist'` or `'mnistm'`.
 * @returns the classifier, with `classify(images)` → probabilities and 128-d features, and its training record.
 * @throws if `name` is unknown or the weights are missing (run the training script).
 *
 * @example
 * ```ts
 * import { initBackend } from '@gankit/backend';
 * import { loadReferenceClassifier, frechetDistance, classHistogramKl } from '@gankit/metrics';
 * await initBackend();
 * const mnist = await loadReferenceClassifier('mnist');
 * const fake = await mnist.classify(generated); // [n, 28, 28, 1] in [−1, 1]
 * classHistogramKl(fake.probabilities);
 * ```
 */
export async function loadReferenceClassifier(name: ReferenceClassifierName): Promise<LoadedReferenceClassifier> {
  const fn = 'loadReferenceClassifier';
  checkOneOf(fn, 'name', name, REFERENCE_CLASSIFIER_NAMES);
  const directory = referenceClassifierDirectory(name);
  const files = ['model.json', 'weights.bin', 'training.json'].map((f) => `${directory}${f}`);
  for (const file of files) {
    if (!existsSync(file)) throw new Error(`${fn}: ${file} is missing; run \`pnpm --filter @gankit/metrics train:${name}\``);
  }
  const modelJson = JSON.parse(readFileSync(files[0]!, 'utf8')) as tf.io.ModelJSON;
  const bin = readFileSync(files[1]!);
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData, userDefinedMetadata: modelJson.userDefinedMetadata }));
  const training = JSON.parse(readFileSync(files[2]!, 'utf8')) as ReferenceClassifierTraining;
  return { ...referenceClassifier(model, { name }), training, directory };
}
