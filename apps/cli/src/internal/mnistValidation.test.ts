import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { acganDiscriminator, conditionalDcganGenerator, dcganDiscriminator, dcganGenerator } from '@gankit/architectures';
import { loadMnist } from '@gankit/datasets';
import type { Batch, Examples } from '@gankit/datasets';
import { nonSaturatingLoss } from '@gankit/losses';
import { ConditionalGanTrainer, GanTrainer } from '@gankit/trainers';
import type { RecipeRun } from '../recipes/recipe.js';
import { mnistConditionalParts, mnistGanParts, VALIDATION_SAMPLES } from './images.js';
import { validationSize } from './holdOut.js';

let digits: Examples;

beforeAll(async () => {
  await initBackend({ quiet: true });
  digits = await loadMnist({ split: 'train', range: '[-1,1]', limit: 300 });
});

const trainer = (): GanTrainer =>
  new GanTrainer({
    generator: dcganGenerator({ imageSize: 28, channels: 1, filters: 8, seed: 1 }),
    discriminator: dcganDiscriminator({ imageSize: 28, channels: 1, filters: 8, normalization: 'none', seed: 2 }),
    loss: nonSaturatingLoss(),
    seed: 1,
  });

/** Each image as a string of all its pixels: which digit of the set it is. */
const keys = (x: Float32Array, count: number): string[] => Array.from({ length: count }, (_, i) => Array.from(x.subarray(i * 784, (i + 1) * 784)).join(','));

/** The keys of every digit in the first `count` training batches of `parts`. */
function digitsSeen(parts: Omit<RecipeRun, 'trainer'>, count: number): Set<string> {
  const batches = parts.batches(0) as Iterator<Batch>;
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const batch = batches.next().value as Batch;
    for (const k of keys(batch.xs.dataSync() as Float32Array, batch.xs.shape[0]!)) seen.add(k);
    tf.dispose(batch);
  }
  return seen;
}

describe('the MNIST GAN recipes’ held-out digits (mnistGanParts)', () => {
  it('never trains on the last validationSize digits, and validate() scores samples against exactly those', async () => {
    const t = trainer();
    const parts = mnistGanParts(t, digits, 30, 5, true);
    const held = new Set(keys(digits.x.subarray((digits.count - validationSize(digits.count)) * 784), validationSize(digits.count)));
    const trainKeys = new Set(keys(digits.x, digits.count - validationSize(digits.count)));
    expect(validationSize(digits.count)).toBe(30);
    expect([trainKeys.size, held.size]).toEqual([270, 30]); // distinct images, so the keys tell them apart
    const seen = digitsSeen(parts, 27);
    // Three epochs of the 270 training digits (9 batches of 30 each): all of them, and none held out.
    expect([...seen].filter((k) => held.has(k) && !trainKeys.has(k))).toEqual([]);
    expect(seen.size).toBe(trainKeys.size);
    const before = tf.memory().numTensors;
    const v = await parts.validate!();
    expect(tf.memory().numTensors).toBe(before);
    expect(v['samples']).toBe(VALIDATION_SAMPLES);
    expect(Number.isFinite(v['fid'])).toBe(true);
    expect(v['classHistogramKl']).toBeGreaterThanOrEqual(0);
  });

  it('trains on every digit and offers no validate() without the hold-out', () => {
    const t = trainer();
    const parts = mnistGanParts(t, digits, 30, 5);
    expect(parts.validate).toBeUndefined();
    const seen = digitsSeen(parts, 10);
    // One epoch of 10 batches of 30: all 300 digits.
    expect(seen).toEqual(new Set(keys(digits.x, digits.count)));
  });
});

const conditionalTrainer = (): ConditionalGanTrainer =>
  new ConditionalGanTrainer({
    generator: conditionalDcganGenerator({ imageSize: 28, channels: 1, numClasses: 10, filters: 8, seed: 1 }),
    discriminator: acganDiscriminator({ imageSize: 28, channels: 1, numClasses: 10, filters: 8, normalization: 'none', seed: 2 }),
    loss: nonSaturatingLoss(),
    numClasses: 10,
    auxiliaryClassifier: { generatedWeight: 0 },
    seed: 1,
  });

describe('the conditional MNIST recipes’ held-out digits (mnistConditionalParts)', () => {
  it('never trains on the last validationSize digits, and validate() scores samples for labels 0…9 against them', async () => {
    const t = conditionalTrainer();
    const parts = mnistConditionalParts(t, digits, 30, 5, true);
    const n = validationSize(digits.count);
    const held = new Set(keys(digits.x.subarray((digits.count - n) * 784), n));
    const trainKeys = new Set(keys(digits.x, digits.count - n));
    const seen = digitsSeen(parts, 27);
    expect([...seen].filter((k) => held.has(k) && !trainKeys.has(k))).toEqual([]);
    expect(seen.size).toBe(trainKeys.size);
    // The labels travel with their digits: every batch's labels are those of its images.
    const labelOf = new Map(Array.from({ length: digits.count }, (_, i) => [keys(digits.x.subarray(i * 784), 1)[0]!, digits.labels![i]!]));
    const batch = (parts.batches(0) as Iterator<Batch>).next().value as Batch;
    const got = Array.from(batch.labels!.dataSync());
    expect(got).toEqual(keys(batch.xs.dataSync() as Float32Array, batch.xs.shape[0]!).map((k) => labelOf.get(k)));
    tf.dispose(batch);
    const before = tf.memory().numTensors;
    const v = await parts.validate!();
    expect(tf.memory().numTensors).toBe(before);
    expect(v['samples']).toBe(VALIDATION_SAMPLES);
    expect(v['conditionalAccuracy']).toBeGreaterThanOrEqual(0);
    expect(v['conditionalAccuracy']).toBeLessThanOrEqual(1);
    expect(Number.isFinite(v['fid'])).toBe(true);
    // Its own latent seed: not the 10,000 scored samples' first 2,000.
    const scored = await parts.evaluate({ samples: VALIDATION_SAMPLES });
    expect(scored['conditionalAccuracy']).not.toBe(v['conditionalAccuracy']);
  });

  it('trains on every digit and offers no validate() without the hold-out', () => {
    const parts = mnistConditionalParts(conditionalTrainer(), digits, 30, 5);
    expect(parts.validate).toBeUndefined();
    expect(digitsSeen(parts, 10)).toEqual(new Set(keys(digits.x, digits.count)));
  });
});
