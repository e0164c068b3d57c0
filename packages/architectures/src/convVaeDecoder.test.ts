import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { useBackend } from '@gankit/test-utils';
import { convVaeDecoder, convVaeEncoder } from './index.js';
import { changedWeights, expectRejectedBeforeWeights, expectSaveLoadRoundTrip, outputShapes, snapshot, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('convVaeDecoder', () => {
  it.each([
    [28, 1],
    [32, 1],
    [32, 3],
    [64, 3],
  ])('maps a latent code to %i px logits with %i channels', (imageSize, channels) => {
    const d = convVaeDecoder({ imageSize, channels, filters: [4, 8], hiddenUnits: [16] });
    expect(d.inputs[0]!.shape).toEqual([null, 20]);
    expect(outputShapes(d)).toEqual([[null, imageSize, imageSize, channels]]);
  });

  it('has the documented parameter count and ends in a linear conv (logits)', () => {
    const d = convVaeDecoder();
    expect(d.countParams()).toBe(867_009);
    expect(d.layers.at(-1)!.getClassName()).toBe('Conv2D');
    expect(d.layers.at(-1)!.getConfig()['activation']).toBe('linear');
  });

  it('mirrors the encoder built with the same options, and the pair trains on wasm', async () => {
    await useBackend('wasm');
    const options = { imageSize: 16, filters: [4, 4], hiddenUnits: [8], latentDim: 2, seed: 1 };
    const encoder = convVaeEncoder(options);
    const decoder = convVaeDecoder(options);
    const x = uniform([2, 16, 16, 1], 1, 0, 1);
    const before = snapshot(decoder);
    const vars = [...encoder.trainableWeights, ...decoder.trainableWeights].map((w) => w.read() as tf.Variable);
    const optimizer = tf.train.sgd(0.1);
    optimizer.minimize(() => {
      const [mean] = encoder.apply(x) as tf.Tensor[];
      return tf.losses.sigmoidCrossEntropy(x, decoder.apply(mean!) as tf.Tensor) as tf.Scalar;
    }, false, vars);
    expect(changedWeights(decoder, before)).toEqual(decoder.trainableWeights.map((w) => w.name));
  });

  it('saves through file:// and loads back with identical predictions', async () => {
    await expectSaveLoadRoundTrip(convVaeDecoder({ imageSize: 32, channels: 3, filters: [4, 4], hiddenUnits: [], latentDim: 2 }), uniform([2, 2], 2));
  });

  it('rejects an image size the conv-transposes cannot reach', () => {
    expectRejectedBeforeWeights(() => convVaeDecoder({ imageSize: 28, filters: [8, 8, 8] }), /option 'imageSize' must be a positive multiple of 8, for 3 stride-2 layers \(e.g. 16, 32, 64, 128, 256\); got 28/);
  });
});
