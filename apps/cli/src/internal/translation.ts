import * as tf from '@tensorflow/tfjs';
import { digitDomains } from '@gankit/datasets';
import type { Batch, DigitDomains, Examples } from '@gankit/datasets';
import { labelPreservation, loadReferenceClassifier } from '@gankit/metrics';
import type { BatchSource, UnpairedBatch } from '@gankit/trainers';
import type { RecipeRun, SampleJson } from '../recipes/recipe.js';
import { imageBatches, imagesToJson, writeImages } from './images.js';

/** A trainer that translates between the two domains (CycleGanTrainer, UnitTrainer). */
export interface Translator {
  translate(images: tf.Tensor, direction: 'AtoB' | 'BtoA'): tf.Tensor;
  readonly batchesPerStep: number;
}

/** The two digit domains as the translation recipes use them: both 3-channel in [−1, 1], 28×28 (`limit`: only the first images of each split, for quick runs). */
export async function loadDigitDomains(seed: number, limit?: number): Promise<DigitDomains> {
  return digitDomains({ seed, range: '[-1,1]', channelsA: 3, ...(limit !== undefined ? { limit } : {}) });
}

/**
 * Endless unpaired batches {a, b}: each domain is its own seeded, shuffled,
 * resumable `Dataset` stream (seed and seed + 1), zipped; resumable by batch count.
 */
export function unpairedBatches(domains: DigitDomains, batchSize: number, seed: number, completed: number): BatchSource<UnpairedBatch> {
  const a = imageBatches(domains.a.train, batchSize, seed, completed);
  const b = imageBatches(domains.b.train, batchSize, seed + 1, completed);
  return (function* () {
    for (;;) yield { a: a.next().value as Batch, b: b.next().value as Batch };
  })();
}

const firstN = (e: Examples, n: number): tf.Tensor4D =>
  tf.tensor4d(e.x.subarray(0, n * e.shape.reduce((a, b) => a * b, 1)), [n, ...(e.shape as [number, number, number])]);

/**
 * The EVALUATION.md translation metrics on the test split: translate A→B and
 * B→A, classify each result with the classifier of its target domain, report
 * the accuracy against the source labels (label preservation), and the mean
 * L1 cycle-reconstruction error.
 */
export async function translationMetrics(trainer: Translator, domains: DigitDomains, samples: number): Promise<Record<string, number>> {
  const n = Math.min(samples, domains.a.test.count, domains.b.test.count);
  const mnist = await loadReferenceClassifier('mnist');
  const mnistm = await loadReferenceClassifier('mnistm');
  const result: Record<string, number> = { samples: n };
  for (const [direction, source, target, classifier] of [
    ['AtoB', domains.a.test, 'B', mnistm],
    ['BtoA', domains.b.test, 'A', mnist],
  ] as const) {
    const images = firstN(source, n);
    const translated = trainer.translate(images, direction);
    const back = trainer.translate(translated, direction === 'AtoB' ? 'BtoA' : 'AtoB');
    const out = await classifier.classify(translated, { range: '[-1,1]' });
    result[`labelPreservation${direction}`] = labelPreservation(out.probabilities, source.labels!.subarray(0, n)).accuracy;
    result[`cycleL1${direction === 'AtoB' ? 'ABA' : 'BAB'}`] = tf.tidy(() => tf.mean(tf.abs(tf.sub(back, images))).dataSync()[0]!);
    void target;
    tf.dispose([images, translated, back]);
  }
  mnist.dispose();
  mnistm.dispose();
  return result;
}

/** The RecipeRun parts both translation recipes share. `sample` shows test digits of A translated to B. */
export function translationParts(trainer: RecipeRun['trainer'] & Translator, domains: DigitDomains, batchSize: number, seed: number): Omit<RecipeRun, 'trainer'> {
  return {
    pictureSamples: 100,
    translate: (images, direction) => trainer.translate(images, direction),
    batches: (done) => unpairedBatches(domains, batchSize, seed, done * trainer.batchesPerStep),
    sample: (n) => tf.tidy(() => trainer.translate(firstN(domains.a.test, Math.min(n, domains.a.test.count)), 'AtoB')),
    writePicture: async (s, file) => {
      const images = s.rank === 4 ? s : tf.reshape(s, [-1, 28, 28, 3]);
      await writeImages(images.slice(0, Math.min(images.shape[0]!, 100)), file, '[-1,1]');
    },
    toJson: (s): SampleJson => imagesToJson(s, '[-1,1]'),
    evaluate: (options) => translationMetrics(trainer, domains, options?.samples ?? 10_000),
  };
}
