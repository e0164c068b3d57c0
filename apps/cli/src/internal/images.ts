import * as tf from '@tensorflow/tfjs';
import { Dataset, loadMnist, writeImageGrid } from '@gankit/datasets';
import type { BatchIterator, Examples, PixelRange } from '@gankit/datasets';
import { conditionalAccuracy, imageMetrics, loadReferenceClassifier } from '@gankit/metrics';
import type { RecipeRun, SampleJson } from '../recipes/recipe.js';
import { holdOut, validationSize } from './holdOut.js';

/**
 * Endless shuffled batches of an image set, resumable: after `completedBatches`
 * batches it starts at (epoch, batch) = divmod(completedBatches, batches per epoch).
 */
export function imageBatches(examples: Examples, batchSize: number, seed: number, completedBatches: number, labels: 'int32' | 'none' = 'none'): BatchIterator {
  const dataset = new Dataset(examples);
  const perEpoch = dataset.batchesPerEpoch(batchSize, true);
  return dataset.batches({
    batchSize,
    seed,
    epochs: Infinity,
    dropRemainder: true,
    labels,
    start: { epoch: Math.floor(completedBatches / perEpoch), batch: completedBatches % perEpoch },
  });
}

/** Writes image samples as one grid PNG. */
export async function writeImages(samples: tf.Tensor, file: string, range: PixelRange): Promise<void> {
  await writeImageGrid(file, samples, { range });
}

/** Images as JSON: NHWC in [0, 1]. */
export function imagesToJson(samples: tf.Tensor, range: PixelRange, labels?: number[]): SampleJson {
  const data = tf.tidy(() => (range === '[-1,1]' ? tf.div(tf.add(samples, 1), 2) : samples).clipByValue(0, 1).dataSync());
  return { shape: samples.shape, data: Array.from(data), ...(labels !== undefined ? { labels } : {}) };
}

/**
 * The EVALUATION.md image metrics of generated samples against real MNIST
 * training digits (by default all 60,000 of the training split, the data the
 * generators learn from): classifier-feature FID and KID, class-histogram KL
 * to uniform, mean top-class confidence. Given `labels` (one per sample), also
 * the classifier's accuracy for them (`conditionalAccuracy`), from the same
 * classification. The real-data floor scores the held-out test split the
 * same way (`pnpm results --floors`, results/floors.ts).
 *
 * @param options - `labels` for conditional accuracy; `reference`, the real
 * digits to compare with in `range` (a run trained with `--limit` passes its
 * own smaller training set).
 */
export async function mnistImageMetrics(
  samples: tf.Tensor,
  range: PixelRange,
  options: { labels?: ArrayLike<number>; reference?: Examples } = {},
): Promise<Record<string, number>> {
  const classifier = await loadReferenceClassifier('mnist');
  const train = options.reference ?? (await loadMnist({ split: 'train', range }));
  const real = tf.tensor4d(train.x, [train.count, 28, 28, 1]);
  const realOut = await classifier.classify(real, { range });
  const fakeOut = await classifier.classify(samples, { range });
  real.dispose();
  const m = imageMetrics(fakeOut, realOut, samples.shape[0]! >= 1000 && train.count >= 1000 ? {} : { kid: false });
  classifier.dispose();
  const { labels } = options;
  return {
    fid: m.frechetDistance,
    ...(m.kernelDistance !== undefined ? { kid: m.kernelDistance.mean } : {}),
    classHistogramKl: m.classHistogramKl,
    classesPresent: m.classesPresent,
    meanTopConfidence: m.meanTopConfidence,
    ...(labels !== undefined ? { conditionalAccuracy: conditionalAccuracy(fakeOut.probabilities, labels).accuracy } : {}),
    samples: m.count,
  };
}

/** Samples {@link mnistGanParts}' `validate` draws per measurement, with a latent seed of their own (not the scored 10,000's). */
export const VALIDATION_SAMPLES = 2000;

/**
 * The RecipeRun parts an unconditional image GAN on MNIST shares: batches,
 * sampling, pictures, JSON, metrics (against all of `mnist`).
 *
 * With `holdOutValidation`, the last {@link validationSize} training digits
 * are never trained on, and `validate` scores {@link VALIDATION_SAMPLES}
 * samples against them with the same classifier-feature metrics (`fid`,
 * `classHistogramKl`, …): what a recipe's checkpoint selection monitors.
 */
export function mnistGanParts(trainer: RecipeRun['trainer'], mnist: Examples, batchSize: number, seed: number, holdOutValidation = false): Omit<RecipeRun, 'trainer'> {
  const { train, held } = trainingSplit(mnist, holdOutValidation);
  return {
    pictureSamples: 100,
    batches: (done) => imageBatches(train, batchSize, seed, done * trainer.batchesPerStep),
    sample: (n, o) => trainer.sample(n, o.seed === undefined ? {} : { seed: o.seed }),
    writePicture: (s, file) => writeImages(s.slice(0, Math.min(s.shape[0]!, 100)), file, '[-1,1]'),
    toJson: (s) => imagesToJson(s, '[-1,1]'),
    evaluate: (options) => scoreSamples(trainer.sample(options?.samples ?? 10_000, { seed: 4242 }), { reference: mnist }),
    ...(held !== undefined ? { validate: () => scoreSamples(trainer.sample(VALIDATION_SAMPLES, { seed: 977 }), { reference: held }) } : {}),
  };
}

/** The digits a recipe trains on and, with `holdOutValidation`, the last {@link validationSize} it holds out for checkpoint selection. */
function trainingSplit(mnist: Examples, holdOutValidation: boolean): { train: Examples; held: Examples | undefined } {
  return holdOutValidation ? holdOut(mnist, validationSize(mnist.count)) : { train: mnist, held: undefined };
}

/** {@link mnistImageMetrics} of generated samples in [-1, 1], which it then disposes (also when scoring throws). */
async function scoreSamples(samples: tf.Tensor, options: { labels?: ArrayLike<number>; reference: Examples }): Promise<Record<string, number>> {
  try {
    return await mnistImageMetrics(samples, '[-1,1]', options);
  } finally {
    samples.dispose();
  }
}

/**
 * The RecipeRun parts a conditional image GAN on MNIST shares (mnist-cgan,
 * mnist-acgan): labelled batches, samples for requested labels (`--label L`,
 * else 0…9 in turn), pictures, JSON with labels, and the metrics of 10,000
 * samples for labels 0…9 in turn (conditional accuracy, classifier FID, …).
 *
 * With `holdOutValidation`, the last {@link validationSize} training digits
 * are never trained on, and `validate` scores {@link VALIDATION_SAMPLES}
 * samples for labels 0…9 in turn (a latent seed of their own) with the same
 * metrics, FID and class KL against the held-out digits:
 * `conditionalAccuracy` is what a recipe's checkpoint selection monitors.
 */
export function mnistConditionalParts(trainer: RecipeRun['trainer'], mnist: Examples, batchSize: number, seed: number, holdOutValidation = false): Omit<RecipeRun, 'trainer'> {
  const labelsFor = (n: number, label?: number): number[] => Array.from({ length: n }, (_, i) => label ?? i % 10);
  const { train, held } = trainingSplit(mnist, holdOutValidation);
  const scored = (count: number, latentSeed: number, reference: Examples): Promise<Record<string, number>> => {
    const labels = labelsFor(count);
    return scoreSamples(trainer.sample(count, { labels, seed: latentSeed }), { labels, reference });
  };
  return {
    pictureSamples: 100,
    batches: (done) => imageBatches(train, batchSize, seed, done * trainer.batchesPerStep, 'int32'),
    sample: (n, o) => trainer.sample(n, { labels: labelsFor(n, o.label), ...(o.seed === undefined ? {} : { seed: o.seed }) }),
    writePicture: (s, file) => writeImages(s.slice(0, Math.min(s.shape[0]!, 100)), file, '[-1,1]'),
    toJson: (s, labels) => imagesToJson(s, '[-1,1]', labels ?? labelsFor(s.shape[0]!)),
    evaluate: (options) => scored(options?.samples ?? 10_000, 4242, mnist),
    ...(held !== undefined ? { validate: () => scored(VALIDATION_SAMPLES, 977, held) } : {}),
  };
}
