import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { mlpVaeDecoder } from './index.js';
import { expectRejectedBeforeWeights, expectSaveLoadRoundTrip, outputShapes, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('mlpVaeDecoder', () => {
  it('maps a latent of 20 through 400 ReLU units to 784 logits by default', () => {
    const d = mlpVaeDecoder();
    expect(d.inputs[0]!.shape).toEqual([null, 20]);
    expect(outputShapes(d)).toEqual([[null, 784]]);
    expect(d.countParams()).toBe(322_784);
  });

  it('returns logits: no activation after the last dense layer', () => {
    const d = mlpVaeDecoder();
    const last = d.layers.at(-1)!;
    expect(last.getClassName()).toBe('Dense');
    expect(last.getConfig()['activation']).toBe('linear');
    const out = d.predict(tf.mul(uniform([2, 20], 1), 30)) as tf.Tensor;
    const outside = tf.logicalOr(tf.less(out, 0), tf.greater(out, 1));
    expect(tf.any(outside).dataSync()[0]).toBe(1);
  });

  it('saves through file:// and loads back with identical predictions', async () => {
    await expectSaveLoadRoundTrip(mlpVaeDecoder({ latentDim: 3, hiddenUnits: [8], outputDim: 12 }), uniform([4, 3], 2));
  });

  it('rejects a negative width before making weights', () => {
    expectRejectedBeforeWeights(() => mlpVaeDecoder({ hiddenUnits: [-400] }), /mlpVaeDecoder: option 'hiddenUnits' must be an array of positive integers; got \[-400\]/);
  });
});
