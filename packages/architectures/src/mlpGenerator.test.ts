import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { mlpGenerator } from './index.js';
import { expectRejectedBeforeWeights, expectSaveLoadRoundTrip, outputShapes, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('mlpGenerator', () => {
  it('maps 2-D noise through three ReLU layers of 128 to 2-D points by default', () => {
    const g = mlpGenerator();
    expect(g.inputs[0]!.shape).toEqual([null, 2]);
    expect(outputShapes(g)).toEqual([[null, 2]]);
    const dense = g.layers.filter((l) => l.getClassName() === 'Dense').map((l) => l.getConfig()['units']);
    expect(dense).toEqual([128, 128, 128, 2]);
    expect(g.countParams()).toBe(33_666);
  });

  it('builds any latent, hidden and output sizes', () => {
    const g = mlpGenerator({ latentDim: 16, hiddenUnits: [32, 8], outputDim: 784, outputActivation: 'tanh' });
    expect(g.inputs[0]!.shape).toEqual([null, 16]);
    expect(outputShapes(g)).toEqual([[null, 784]]);
    expect(g.layers.at(-1)!.getConfig()['activation']).toBe('tanh');
  });

  it('puts batch norm before each hidden activation when asked, dropping the dense bias', () => {
    const g = mlpGenerator({ batchNorm: true, activation: 'leakyRelu' });
    const kinds = g.layers.map((l) => l.getClassName());
    expect(kinds.slice(1, 4)).toEqual(['Dense', 'BatchNormalization', 'LeakyReLU']);
    expect(kinds.filter((k) => k === 'BatchNormalization')).toHaveLength(3);
    expect(g.layers[1]!.getWeights()).toHaveLength(1);
  });

  it('saves through file:// and loads back with identical predictions (with batch norm)', async () => {
    await expectSaveLoadRoundTrip(mlpGenerator({ batchNorm: true, hiddenUnits: [16, 16] }), uniform([5, 2], 1));
  });

  it('rejects a negative width, naming the option, before making weights', () => {
    expectRejectedBeforeWeights(() => mlpGenerator({ hiddenUnits: [128, -1] }), /mlpGenerator: option 'hiddenUnits' must be an array of positive integers; got \[128, -1\]/);
  });

  it('rejects a zero output size and a non-boolean batchNorm', () => {
    expectRejectedBeforeWeights(() => mlpGenerator({ outputDim: 0 }), /option 'outputDim' must be an integer ≥ 1; got 0/);
    expectRejectedBeforeWeights(() => mlpGenerator({ batchNorm: 'yes' as never }), /option 'batchNorm' must be true or false; got 'yes'/);
  });

  it('outputScale s multiplies the output of the same network by s, and survives save/load', async () => {
    const plain = mlpGenerator({ hiddenUnits: [8], seed: 4 });
    const scaled = mlpGenerator({ hiddenUnits: [8], seed: 4, outputScale: 2.828 });
    expect(scaled.countParams()).toBe(plain.countParams());
    const z = uniform([5, 2], 3);
    const a = (plain.predict(z) as tf.Tensor).dataSync();
    const b = (scaled.predict(z) as tf.Tensor).dataSync();
    b.forEach((v, i) => expect(Math.abs(v - 2.828 * a[i]!)).toBeLessThan(1e-5));
    await expectSaveLoadRoundTrip(scaled, z);
  });

  it('rejects an outputScale that is not a positive number', () => {
    expectRejectedBeforeWeights(() => mlpGenerator({ outputScale: 0 }), /mlpGenerator: option 'outputScale' must be a finite number > 0; got 0/);
  });

  it('predicts without leaking tensors', () => {
    const g = mlpGenerator({ hiddenUnits: [8] });
    const z = uniform([4, 2], 2);
    const before = tf.memory().numTensors;
    tf.dispose(g.predict(z));
    expect(tf.memory().numTensors).toBe(before);
  });
});
