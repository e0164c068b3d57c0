import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { useBackend } from '@gankit/test-utils';
import { conditionalDcganGenerator } from './index.js';
import { changedWeights, expectRejectedBeforeWeights, expectSaveLoadRoundTrip, labels, outputShapes, sgdStep, snapshot, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('conditionalDcganGenerator', () => {
  it.each([
    [28, 1],
    [32, 3],
    [64, 3],
  ])('takes [z, label] to %i px images with %i channels', (imageSize, channels) => {
    const g = conditionalDcganGenerator({ imageSize, channels, filters: 8 });
    expect(g.inputs.map((i) => i.shape)).toEqual([
      [null, 100],
      [null, 1],
    ]);
    expect(outputShapes(g)).toEqual([[null, imageSize, imageSize, channels]]);
  });

  it('has the documented parameter count (28 px, one-hot)', () => {
    expect(conditionalDcganGenerator().countParams()).toBe(897_189);
  });

  it('concatenates a fixed one-hot code to z by default', () => {
    const g = conditionalDcganGenerator({ numClasses: 4, filters: 8 });
    const embedding = g.layers.find((l) => l.getClassName() === 'Embedding')!;
    expect(embedding.trainable).toBe(false);
    expect(embedding.getWeights()[0]!.arraySync()).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
    const concat = g.layers.find((l) => l.getClassName() === 'Concatenate')!;
    expect((concat.output as tf.SymbolicTensor).shape).toEqual([null, 104]);
  });

  it('generates different images for different labels from the same z', () => {
    const g = conditionalDcganGenerator({ numClasses: 3, filters: 8, seed: 1 });
    const z = tf.tile(uniform([1, 100], 1), [3, 1]);
    const images = g.predict([z, labels(3, 3)]) as tf.Tensor;
    const [a, b] = tf.split(images, 3).map((t) => t.dataSync());
    expect(a!.some((v, i) => v !== b![i])).toBe(true);
  });

  it('trains its learned label embedding on wasm (a gradient step changes it)', async () => {
    await useBackend('wasm');
    const g = conditionalDcganGenerator({ numClasses: 3, filters: 4, labelEncoding: 'embedding', embeddingDim: 5, seed: 2 });
    const embedding = g.layers.find((l) => l.getClassName() === 'Embedding')!;
    expect(embedding.getWeights()[0]!.shape).toEqual([3, 5]);
    const before = snapshot(embedding);
    sgdStep(g, () => tf.mean(tf.square(g.apply([uniform([6, 100], 3), labels(6, 3)], { training: true }) as tf.Tensor)) as tf.Scalar);
    expect(changedWeights(embedding, before)).toHaveLength(1);
  });

  it.each(['oneHot', 'embedding'] as const)("saves through file:// and loads back with identical predictions ('%s')", async (labelEncoding) => {
    const g = conditionalDcganGenerator({ numClasses: 3, filters: 4, labelEncoding });
    await expectSaveLoadRoundTrip(g, [uniform([3, 100], 4), labels(3, 3)]);
  });

  it('rejects bad label options, naming them and the allowed values, before making weights', () => {
    expectRejectedBeforeWeights(() => conditionalDcganGenerator({ numClasses: 1 }), /option 'numClasses' must be an integer ≥ 2; got 1/);
    expectRejectedBeforeWeights(() => conditionalDcganGenerator({ labelEncoding: 'hash' as never }), /option 'labelEncoding' must be one of 'oneHot', 'embedding'; got 'hash'/);
  });
});
