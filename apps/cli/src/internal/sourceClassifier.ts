import * as tf from '@tensorflow/tfjs';
import { Dataset } from '@gankit/datasets';
import type { Examples } from '@gankit/datasets';

/** Options of {@link trainSourceClassifier}. */
export interface SourceClassifierOptions {
  /** Seeds the shuffling. */
  seed: number;
  /** Passes over the examples (default 1). */
  epochs?: number;
  /** Default 64. */
  batchSize?: number;
}

/**
 * Trains CyCADA's source classifier f_S (Hoffman et al. 2018) in place on
 * labelled source-domain images — softmax cross-entropy, Adam 1e-3, batch
 * 64, seeded shuffling, so a model built with seeded weights comes out the
 * same on one backend (a resumed run rebuilds it exactly) — then freezes it
 * (`trainable = false`; it may come in frozen, as a trainer's configuration
 * that records it should see it the same before and after). Use a classifier that is not one of the reference
 * classifiers of `@gankit/metrics` that the recipes are scored with, and
 * never show it a test image.
 *
 * @param model - a classifier of the examples' images to class logits, e.g. `dcganClassifier`.
 * @param examples - labelled images [n, h, w, c] with `numClasses`.
 * @param options - seed, epochs (1), batchSize (64).
 */
export async function trainSourceClassifier(model: tf.LayersModel, examples: Examples, options: SourceClassifierOptions): Promise<void> {
  const { seed, epochs = 1, batchSize = 64 } = options;
  if (examples.labels === undefined || examples.numClasses === undefined) throw new Error('trainSourceClassifier: the examples must be labelled (labels and numClasses)');
  model.trainable = true;
  const optimizer = tf.train.adam(1e-3);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const batches = new Dataset(examples).batches({ batchSize, seed, epochs, dropRemainder: true, labels: 'oneHot' });
  let done = 0;
  for (const batch of batches) {
    optimizer.minimize(() => tf.losses.softmaxCrossEntropy(batch.labels!, model.apply(batch.xs, { training: true }) as tf.Tensor) as tf.Scalar, false, variables);
    tf.dispose([batch.xs, batch.labels!]);
    // Let the event loop breathe now and then (progress output, signals).
    if (++done % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  optimizer.dispose();
  model.trainable = false;
}

/**
 * The classifier's accuracy on labelled images, read in chunks of 500.
 *
 * @returns the fraction of images whose argmax logit is their label.
 */
export function classifierAccuracy(model: tf.LayersModel, examples: Examples): number {
  const size = examples.shape.reduce((a, b) => a * b, 1);
  let correct = 0;
  for (let start = 0; start < examples.count; start += 500) {
    const count = Math.min(500, examples.count - start);
    const predicted = tf.tidy(() => tf.argMax(model.predict(tf.tensor(examples.x.subarray(start * size, (start + count) * size), [count, ...examples.shape])) as tf.Tensor, 1).dataSync());
    for (let i = 0; i < count; i++) if (predicted[i] === examples.labels![start + i]) correct += 1;
  }
  return correct / examples.count;
}
