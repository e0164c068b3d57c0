import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { dcganClassifier } from '@gankit/architectures';
import { loadMnist } from '@gankit/datasets';
import type { Examples } from '@gankit/datasets';
import { classifierAccuracy, trainSourceClassifier } from './sourceClassifier.js';

let digits: Examples;

beforeAll(async () => {
  await initBackend({ quiet: true });
  digits = await loadMnist({ split: 'train', range: '[-1,1]', limit: 640 });
});

const weights = (m: tf.LayersModel): number[] => m.weights.flatMap((w) => [...w.read().dataSync()]);
const classifier = (filters: number, seed = 7): tf.LayersModel => dcganClassifier({ imageSize: 28, channels: 1, numClasses: 10, filters, seed });
async function trained(seed: number, filters: number, epochs = 1): Promise<tf.LayersModel> {
  const f = classifier(filters);
  await trainSourceClassifier(f, digits, { seed, epochs });
  return f;
}

describe('digits-cycada’s source classifier', () => {
  it('learns real MNIST digits well above chance (3 epochs of 640), then is frozen', async () => {
    const f = await trained(1, 8, 3);
    expect(classifierAccuracy(f, digits)).toBeGreaterThan(0.5);
    expect(f.trainable).toBe(false);
    expect(f.trainableWeights).toHaveLength(0);
    f.dispose();
  });

  it('trains a seeded model to the same weights for the same seed (a resumed run rebuilds it), others for another seed, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const a = await trained(2, 4);
    const b = await trained(2, 4);
    const c = await trained(3, 4);
    expect(weights(b)).toEqual(weights(a));
    expect(weights(c)).not.toEqual(weights(a));
    for (const m of [a, b, c]) m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses unlabelled examples', async () => {
    const { labels: _, numClasses: __, ...unlabelled } = digits;
    await expect(trainSourceClassifier(classifier(4), unlabelled, { seed: 0 })).rejects.toThrow(/trainSourceClassifier: the examples must be labelled/);
  });
});
