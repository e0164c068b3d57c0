import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { useBackend } from '@gankit/test-utils';
import { mlpDiscriminator } from './index.js';
import { changedWeights, expectRejectedBeforeWeights, expectSaveLoadRoundTrip, outputShapes, sgdStep, snapshot, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('mlpDiscriminator', () => {
  it('maps 2-D points through three ReLU layers of 128 to one logit by default', () => {
    const d = mlpDiscriminator();
    expect(d.inputs[0]!.shape).toEqual([null, 2]);
    expect(outputShapes(d)).toEqual([[null, 1]]);
    expect(d.layers.filter((l) => l.getClassName() === 'Dense').map((l) => l.getConfig()['units'])).toEqual([128, 128, 128, 1]);
    expect(d.countParams()).toBe(33_537);
  });

  it('builds any input size and widths, including no hidden layer', () => {
    expect(outputShapes(mlpDiscriminator({ inputDim: 784, hiddenUnits: [64] }))).toEqual([[null, 1]]);
    expect(mlpDiscriminator({ inputDim: 3, hiddenUnits: [] }).countParams()).toBe(4);
  });

  it('passes every dense layer through wrapLayer', () => {
    const seen: number[] = [];
    mlpDiscriminator({
      wrapLayer: (layer) => {
        seen.push(layer.getConfig()['units'] as number);
        return layer;
      },
    });
    expect(seen).toEqual([128, 128, 128, 1]);
  });

  it('trains on wasm: one step changes every weight', async () => {
    await useBackend('wasm');
    const d = mlpDiscriminator({ hiddenUnits: [8, 8], activation: 'leakyRelu', seed: 1 });
    const before = snapshot(d);
    sgdStep(d, () => tf.mean(tf.square(d.apply(uniform([16, 2], 1)) as tf.Tensor)) as tf.Scalar);
    expect(changedWeights(d, before)).toEqual(d.trainableWeights.map((w) => w.name));
  });

  it('saves through file:// and loads back with identical predictions', async () => {
    await expectSaveLoadRoundTrip(mlpDiscriminator({ hiddenUnits: [16, 16], activation: 'leakyRelu' }), uniform([5, 2], 2));
  });

  it('rejects a negative width and an unknown activation, naming the allowed values', () => {
    expectRejectedBeforeWeights(() => mlpDiscriminator({ hiddenUnits: [-4] }), /option 'hiddenUnits' must be an array of positive integers; got \[-4\]/);
    expectRejectedBeforeWeights(() => mlpDiscriminator({ activation: 'gelu' as never }), /option 'activation' must be one of 'relu', 'leakyRelu', 'tanh', 'elu', 'selu', 'sigmoid', 'linear'; got 'gelu'/);
  });

  it('inputScale s scores x as the same network scores s·x, and survives save/load', async () => {
    const plain = mlpDiscriminator({ hiddenUnits: [8], seed: 4 });
    const scaled = mlpDiscriminator({ hiddenUnits: [8], seed: 4, inputScale: 1 / 2.828 });
    const x = uniform([5, 2], 3);
    const a = (plain.predict(tf.mul(x, 1 / 2.828)) as tf.Tensor).dataSync();
    const b = (scaled.predict(x) as tf.Tensor).dataSync();
    b.forEach((v, i) => expect(Math.abs(v - a[i]!)).toBeLessThan(1e-5));
    await expectSaveLoadRoundTrip(scaled, x);
  });

  it('rejects an inputScale that is not a positive number', () => {
    expectRejectedBeforeWeights(() => mlpDiscriminator({ inputScale: -1 }), /mlpDiscriminator: option 'inputScale' must be a finite number > 0; got -1/);
  });
});
