import * as tf from '@tensorflow/tfjs';
import { digitDomains, writeImageGrid } from '@gankit/datasets';
import type { Batch, DigitDomains, Examples } from '@gankit/datasets';
import { labelPreservation, loadReferenceClassifier } from '@gankit/metrics';
import type { BatchSource, UnpairedBatch } from '@gankit/trainers';
import type { RecipeRun, SampleJson } from '../recipes/recipe.js';
import { holdOut, validationSize } from './holdOut.js';
import { imageBatches, imagesToJson } from './images.js';

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
  try {
    const result = await labelPreservationBothWays(trainer, domains.a.test, domains.b.test, n, { mnist, mnistm }, true);
    return { samples: n, ...result };
  } finally {
    mnist.dispose();
    mnistm.dispose();
  }
}

type ReferenceClassifier = Awaited<ReturnType<typeof loadReferenceClassifier>>;

/**
 * Label preservation of the first n digits of `a` translated A→B (scored by
 * the MNIST-M-style classifier) and of `b` translated B→A (by the MNIST
 * classifier), with the L1 cycle errors if `cycle`.
 */
async function labelPreservationBothWays(
  trainer: Translator,
  a: Examples,
  b: Examples,
  n: number,
  classifiers: { mnist: ReferenceClassifier; mnistm: ReferenceClassifier },
  cycle: boolean,
): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const [direction, source, classifier] of [
    ['AtoB', a, classifiers.mnistm],
    ['BtoA', b, classifiers.mnist],
  ] as const) {
    const images = firstN(source, n);
    const translated = trainer.translate(images, direction);
    const out = await classifier.classify(translated, { range: '[-1,1]' });
    result[`labelPreservation${direction}`] = labelPreservation(out.probabilities, source.labels!.subarray(0, n)).accuracy;
    if (cycle) {
      const back = trainer.translate(translated, direction === 'AtoB' ? 'BtoA' : 'AtoB');
      result[`cycleL1${direction === 'AtoB' ? 'ABA' : 'BAB'}`] = tf.tidy(() => tf.mean(tf.abs(tf.sub(back, images))).dataSync()[0]!);
      back.dispose();
    }
    tf.dispose([images, translated]);
  }
  return result;
}

/** Columns of a translation picture: one test digit per column. */
const PICTURE_COLUMNS = 10;

/**
 * The rows of a translation picture, as one NHWC batch for a 10-column grid:
 * per group of 10 test digits, four rows — A's digits, their A→B
 * translations (`translatedAtoB`, the first m of A's test split translated),
 * B's digits, and their B→A translations — so each column shows one digit
 * both ways. A short last group is padded with black.
 */
export function translationPictureRows(trainer: Translator, domains: DigitDomains, translatedAtoB: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const m = translatedAtoB.shape[0];
    const a = firstN(domains.a.test, m);
    const b = firstN(domains.b.test, m);
    const ba = trainer.translate(b, 'BtoA') as tf.Tensor4D;
    const rows: tf.Tensor4D[] = [];
    for (let start = 0; start < m; start += PICTURE_COLUMNS) {
      const k = Math.min(PICTURE_COLUMNS, m - start);
      for (const t of [a, translatedAtoB, b, ba]) {
        const row = t.slice([start, 0, 0, 0], [k, -1, -1, -1]);
        rows.push(k === PICTURE_COLUMNS ? row : tf.concat([row, tf.fill([PICTURE_COLUMNS - k, ...row.shape.slice(1)] as [number, number, number, number], -1)]));
      }
    }
    return tf.concat(rows);
  });
}

/**
 * The RecipeRun parts both translation recipes share. `sample` gives test
 * digits of A translated to B; its picture shows them beside their sources,
 * with B's test digits translated back to A ({@link translationPictureRows}).
 *
 * With `holdOutValidation`, the last {@link validationSize} training digits of
 * each domain are never trained on, and `validate` scores label preservation
 * on them both ways (`labelPreservationAtoB`, `labelPreservationBtoA` and
 * their minimum `labelPreservationMin`), for checkpoint selection.
 */
export function translationParts(
  trainer: RecipeRun['trainer'] & Translator,
  domains: DigitDomains,
  batchSize: number,
  seed: number,
  holdOutValidation = false,
): Omit<RecipeRun, 'trainer'> {
  let training = domains;
  let validation: { a: Examples; b: Examples } | undefined;
  if (holdOutValidation) {
    const n = validationSize(Math.min(domains.a.train.count, domains.b.train.count));
    const a = holdOut(domains.a.train, n);
    const b = holdOut(domains.b.train, n);
    training = { a: { ...domains.a, train: a.train }, b: { ...domains.b, train: b.train } };
    validation = { a: a.held, b: b.held };
  }
  let classifiers: Promise<{ mnist: ReferenceClassifier; mnistm: ReferenceClassifier }> | undefined;
  return {
    pictureSamples: 30,
    translate: (images, direction) => trainer.translate(images, direction),
    batches: (done) => unpairedBatches(training, batchSize, seed, done * trainer.batchesPerStep),
    sample: (n) => tf.tidy(() => trainer.translate(firstN(domains.a.test, Math.min(n, domains.a.test.count)), 'AtoB')),
    writePicture: async (s, file) => {
      const translated = (s.rank === 4 ? s : tf.reshape(s, [-1, 28, 28, 3])) as tf.Tensor4D;
      const rows = tf.tidy(() => translationPictureRows(trainer, domains, translated.slice(0, Math.min(translated.shape[0], 100))));
      try {
        await writeImageGrid(file, rows, { range: '[-1,1]', columns: PICTURE_COLUMNS });
      } finally {
        rows.dispose();
        if (translated !== s) translated.dispose();
      }
    },
    toJson: (s): SampleJson => imagesToJson(s, '[-1,1]'),
    evaluate: (options) => translationMetrics(trainer, domains, options?.samples ?? 10_000),
    ...(validation !== undefined
      ? {
          validate: async () => {
            const held = validation!;
            classifiers ??= Promise.all([loadReferenceClassifier('mnist'), loadReferenceClassifier('mnistm')]).then(([mnist, mnistm]) => ({ mnist, mnistm }));
            const r = await labelPreservationBothWays(trainer, held.a, held.b, held.a.count, await classifiers, false);
            return { ...r, labelPreservationMin: Math.min(r['labelPreservationAtoB']!, r['labelPreservationBtoA']!) };
          },
        }
      : {}),
  };
}
