import * as tf from '@tensorflow/tfjs';
import { loadMnist } from '@gankit/datasets';
import { mnistImageMetrics } from '../internal/images.js';

/**
 * The real-data floors of the MNIST tasks: 10,000 held-out real digits (the
 * first 10,000 of the training split, never used by the test-split
 * statistics) scored exactly like generated samples — the unconditional image
 * metrics against the test split, and the reference classifier's accuracy
 * on them for their own labels (what a perfect conditional generator would score).
 *
 * @returns metrics per task title of {@link TASKS}.
 */
export async function measureMnistFloors(): Promise<Record<string, Record<string, number>>> {
  const train = await loadMnist({ split: 'train', range: '[-1,1]', limit: 10_000 });
  const images = tf.tensor4d(train.x, [train.count, 28, 28, 1]);
  try {
    const { conditionalAccuracy, ...unconditional } = await mnistImageMetrics(images, '[-1,1]', train.labels!);
    return {
      'MNIST unconditional (DCGAN, WGAN-GP)': unconditional,
      'Conditional GAN on MNIST': { conditionalAccuracy: conditionalAccuracy!, samples: train.count },
    };
  } finally {
    images.dispose();
  }
}
