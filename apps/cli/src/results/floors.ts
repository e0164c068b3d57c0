import * as tf from '@tensorflow/tfjs';
import { loadMnist } from '@gankit/datasets';
import { labelPreservation, loadReferenceClassifier } from '@gankit/metrics';
import { mnistImageMetrics } from '../internal/images.js';
import { loadDigitDomains } from '../internal/translation.js';

/** What the MNIST floor rows score, as the table names it. */
export const MNIST_FLOOR_WHAT = '10,000 held-out real test digits';

/** What the translation floor row scores, as the table names it. */
export const TRANSLATION_FLOOR_WHAT = 'the real test digits of the target domain (a perfect translator)';

/**
 * The real-data floors of the MNIST tasks: the 10,000 test digits — held out
 * from the generators' training data, from the reference statistics (the
 * training split) and from the reference classifier's training — scored
 * exactly like 10,000 generated samples: the unconditional image metrics
 * against the training split, and the reference classifier's accuracy on
 * them for their own labels (what a perfect conditional generator would
 * score, i.e. the classifier's test accuracy).
 *
 * @param limit - score only the first `limit` test digits (default: all 10,000), for quick runs.
 * @param referenceLimit - compare with only the first `referenceLimit` training digits (default: all 60,000), for quick runs.
 * @returns metrics per task title of {@link TASKS}.
 */
export async function measureMnistFloors(limit?: number, referenceLimit?: number): Promise<Record<string, Record<string, number>>> {
  const reference = referenceLimit === undefined ? undefined : await loadMnist({ split: 'train', range: '[-1,1]', limit: referenceLimit });
  const test = await loadMnist({ split: 'test', range: '[-1,1]', ...(limit !== undefined ? { limit } : {}) });
  const images = tf.tensor4d(test.x, [test.count, 28, 28, 1]);
  try {
    const { conditionalAccuracy, ...unconditional } = await mnistImageMetrics(images, '[-1,1]', { labels: test.labels!, ...(reference !== undefined ? { reference } : {}) });
    return {
      'MNIST unconditional (DCGAN, WGAN-GP)': unconditional,
      'Conditional GAN on MNIST': { conditionalAccuracy: conditionalAccuracy!, samples: test.count },
    };
  } finally {
    images.dispose();
  }
}

/**
 * The real-data floor of the translation task: what a perfect translator
 * would score. Test image `i` of domain A and of domain B is the same digit
 * (`digitDomains`, seed 0 as the recipes use), so a perfect A→B translation
 * of A's test split is B's test split: the A→B column's floor is the MNIST-M
 * classifier's accuracy on B's real test digits, the B→A column's the MNIST
 * classifier's on A's — each reference classifier's held-out test accuracy
 * on its own domain. (The cycle errors' floor is 0 by definition.)
 *
 * @param limit - score only the first `limit` test digits of each domain (default: all 10,000), for quick runs.
 * @returns the floor metrics under the translation task's column keys.
 */
export async function measureTranslationFloor(limit?: number): Promise<Record<string, number>> {
  const domains = await loadDigitDomains(0, limit);
  const result: Record<string, number> = { samples: domains.a.test.count };
  for (const [key, examples, name] of [
    ['labelPreservationAtoB', domains.b.test, 'mnistm'],
    ['labelPreservationBtoA', domains.a.test, 'mnist'],
  ] as const) {
    const classifier = await loadReferenceClassifier(name);
    const images = tf.tensor4d(examples.x, [examples.count, ...(examples.shape as [number, number, number])]);
    try {
      const out = await classifier.classify(images, { range: '[-1,1]' });
      result[key] = labelPreservation(out.probabilities, examples.labels!).accuracy;
    } finally {
      images.dispose();
      classifier.dispose();
    }
  }
  return result;
}
