import * as tf from '@tensorflow/tfjs';
import type { FlatMatrix } from './matrixLike.js';
import { toImageSource } from './internal/models.js';
import { checkInt, checkOneOf, checkOptions, checkPositive } from './internal/validate.js';

/**
 * Rows of float32 values, n × `shape[0]`: what {@link ReferenceClassifier.classify} returns.
 *
 * @example
 * ```ts
 * const { x, count, shape: [d] } = (await classifier.classify(images)).features;
 * ```
 */
export interface Float32Rows extends FlatMatrix {
  readonly x: Float32Array;
  readonly shape: readonly [number];
}

/**
 * The outputs of {@link ReferenceClassifier.classify} for n images.
 *
 * @example
 * ```ts
 * const { probabilities, features } = await classifier.classify(images);
 * frechetDistance(features, realStatistics);
 * ```
 */
export interface ClassifierOutputs {
  /** n × K softmax class probabilities. */
  readonly probabilities: Float32Rows;
  /** n × d features: the penultimate activations × `featureScale` (the input of FID and KID). */
  readonly features: Float32Rows;
  /** n. */
  readonly count: number;
}

/** Options of {@link ReferenceClassifier.classify}. */
export interface ClassifyOptions {
  /** The pixel range of the images you pass (default `'[-1,1]'`, tanh generators); `'[0,1]'` is mapped to [−1, 1]. */
  range?: '[-1,1]' | '[0,1]';
  /** Images per forward pass (default 500). */
  batchSize?: number;
}

/** Options of {@link referenceClassifier}. */
export interface ReferenceClassifierOptions {
  /** A name for logs (default the model's name). */
  name?: string;
  /** The layer whose output is the feature vector (default: the model metadata's `featureLayer`, else `'features'`). */
  featureLayer?: string;
  /** A constant the features are multiplied by (default: the model metadata's `featureScale`, else 1). */
  featureScale?: number;
}

/**
 * A classifier wrapped for evaluation: class probabilities and penultimate features of image batches.
 *
 * @example
 * ```ts
 * const classifier: ReferenceClassifier = await loadReferenceClassifier('mnist');
 * const out = await classifier.classify(images, { range: '[0,1]' });
 * ```
 */
export interface ReferenceClassifier {
  /** Its name, e.g. `'mnist'`. */
  readonly name: string;
  /** The underlying model: images `[n, h, w, c]` in [−1, 1] → `[n, K]` probabilities. */
  readonly model: tf.LayersModel;
  /** `[h, w, c]` it expects. */
  readonly inputShape: readonly [number, number, number];
  /** K. */
  readonly numClasses: number;
  /** d, the feature dimension. */
  readonly featureDim: number;
  /** s, the constant the penultimate activations are multiplied by to give the features. */
  readonly featureScale: number;
  /**
   * Classifies images: a tensor `[n, h, w, c]` or `{ x, count, shape }` (e.g. a
   * `@gankit/datasets` split). Grey images are repeated to 3 channels, and 3-channel
   * images averaged to grey, to fit the model. Tensors you pass are not disposed.
   */
  classify(images: tf.Tensor | FlatMatrix, options?: ClassifyOptions): Promise<ClassifierOutputs>;
  /** Frees the model's weights. */
  dispose(): void;
}

/**
 * Wraps a trained image classifier (softmax output, a named penultimate
 * layer) for the classifier-based metrics: one forward pass gives both the
 * class probabilities (class balance, confidence, conditional and
 * translation accuracy) and the penultimate features (Fréchet distance,
 * KID), in batches, as float32 rows. The features are the penultimate
 * activations times a constant s (the model's `featureScale` metadata):
 * gankit's classifiers set s = 1/√(E‖f‖²/d) on their training images, so
 * fᵀg/d is O(1), as for the Inception pool features KID's kernel
 * (fᵀg/d + 1)³ was designed for; raw ReLU features (E‖f‖²/d ≈ 10) make
 * that kernel heavy-tailed and KID noisy. FID scales by s². In Node, `loadReferenceClassifier`
 * returns gankit's committed MNIST and MNIST-M-style classifiers wrapped this
 * way; in the browser, load the same `model.json` with `tf.loadLayersModel` and wrap it.
 *
 * @param model - a `tf.LayersModel` from `[n, h, w, c]` images in [−1, 1] to `[n, K]` softmax probabilities.
 * @param options - `name`, `featureLayer` and `featureScale` (defaults from the model's user-defined metadata, else `'features'` and 1).
 * @returns a {@link ReferenceClassifier}.
 * @throws if the model has no such layer, is not an image model, or does not output a 2-D probability vector.
 *
 * @example
 * ```ts
 * const model = await tf.loadLayersModel('/classifiers/mnist/model.json');
 * const classifier = referenceClassifier(model, { name: 'mnist' });
 * const { probabilities, features } = await classifier.classify(images, { range: '[0,1]' });
 * ```
 */
export function referenceClassifier(model: tf.LayersModel, options: ReferenceClassifierOptions = {}): ReferenceClassifier {
  const fn = 'referenceClassifier';
  checkOptions(fn, options, ['name', 'featureLayer', 'featureScale']);
  if (!(model instanceof tf.LayersModel)) throw new TypeError(`${fn}: 'model' must be a tf.LayersModel`);
  const metadata = (model.getUserDefinedMetadata() ?? {}) as { featureLayer?: unknown; featureScale?: unknown };
  const layerName = options.featureLayer ?? (typeof metadata.featureLayer === 'string' ? metadata.featureLayer : 'features');
  const featureScale = checkPositive(fn, 'featureScale', options.featureScale ?? (typeof metadata.featureScale === 'number' ? metadata.featureScale : 1));
  let featureOutput: tf.SymbolicTensor;
  try {
    featureOutput = model.getLayer(layerName).output as tf.SymbolicTensor;
  } catch {
    throw new RangeError(`${fn}: 'featureLayer' ${JSON.stringify(layerName)} is not a layer of the model (layers: ${model.layers.map((l) => l.name).join(', ')})`);
  }
  const input = model.inputs[0]!.shape;
  const output = model.outputs[0]!.shape;
  if (input.length !== 4 || input.slice(1).some((s) => s === null) || output.length !== 2 || featureOutput.shape.length !== 2) {
    throw new RangeError(`${fn}: 'model' must map [n, h, w, c] images to [n, K] probabilities, with a [n, d] feature layer`);
  }
  const inputShape = input.slice(1) as [number, number, number];
  const numClasses = output[1]!;
  const featureDim = featureOutput.shape[1]!;
  const both = tf.model({ inputs: model.inputs, outputs: [featureOutput, model.outputs[0]!] });
  const name = options.name ?? model.name;
  return {
    name,
    model,
    inputShape,
    numClasses,
    featureDim,
    featureScale,
    async classify(images, classifyOptions = {}) {
      const cfn = `${name}.classify`;
      checkOptions(cfn, classifyOptions, ['range', 'batchSize']);
      const range = checkOneOf(cfn, 'range', classifyOptions.range ?? '[-1,1]', ['[-1,1]', '[0,1]'] as const);
      const batchSize = checkInt(cfn, 'batchSize', classifyOptions.batchSize ?? 500);
      const source = toImageSource(cfn, 'images', images);
      const [h, w, c] = source.shape;
      if (source.shape.length !== 3 || h !== inputShape[0] || w !== inputShape[1] || (c !== 1 && c !== 3)) {
        throw new RangeError(`${cfn}: 'images' must be [n, ${inputShape[0]}, ${inputShape[1]}, 1 or 3], got images of shape [${source.shape.join(', ')}]`);
      }
      const n = source.count;
      const probabilities = new Float32Array(n * numClasses);
      const features = new Float32Array(n * featureDim);
      for (let start = 0; start < n; start += batchSize) {
        const size = Math.min(batchSize, n - start);
        const [f, p] = tf.tidy(() => {
          let x = source.batch(start, size);
          if (range === '[0,1]') x = tf.sub(tf.mul(x, 2), 1);
          if (c !== inputShape[2]) x = c === 3 ? tf.mean(x, 3, true) : tf.tile(x, [1, 1, 1, inputShape[2]]);
          const [raw, probs] = both.apply(x, { training: false }) as tf.Tensor[];
          return [featureScale === 1 ? raw! : tf.mul(raw!, featureScale), probs!];
        });
        features.set(await f!.data(), start * featureDim);
        probabilities.set(await p!.data(), start * numClasses);
        tf.dispose([f!, p!]);
      }
      return { probabilities: { x: probabilities, count: n, shape: [numClasses] }, features: { x: features, count: n, shape: [featureDim] }, count: n };
    },
    dispose() {
      model.dispose();
    },
  };
}
