import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { dcganGenerator } from './index.js';
import { expectRejectedBeforeWeights, expectSaveLoadRoundTrip, IMAGE_CASES, outputShapes, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('dcganGenerator', () => {
  it.each(IMAGE_CASES)('builds %i px images with %i channels', (imageSize, channels) => {
    const g = dcganGenerator({ imageSize, channels, filters: 8 });
    expect(g.inputs[0]!.shape).toEqual([null, 100]);
    expect(outputShapes(g)).toEqual([[null, imageSize, imageSize, channels]]);
  });

  it.each([
    [28, 7, 2],
    [32, 4, 3],
    [64, 4, 4],
  ])('reaches %i px from a %i px base through %i conv-transposes', (imageSize, base, doublings) => {
    const g = dcganGenerator({ imageSize, filters: 8 });
    const convTs = g.layers.filter((l) => l.getClassName() === 'Conv2DTranspose');
    expect(convTs).toHaveLength(doublings);
    const reshape = g.layers.find((l) => l.getClassName() === 'Reshape')!;
    expect((reshape.output as tf.SymbolicTensor).shape.slice(1, 3)).toEqual([base, base]);
  });

  it('defaults to the speed workload: dense 100→7·7·128, BN, lrelu, convT 5×5/2→64, BN, lrelu, convT 5×5/2→1, tanh', () => {
    const g = dcganGenerator();
    const kinds = g.layers.map((l) => l.getClassName());
    expect(kinds).toEqual([
      'InputLayer',
      'Dense',
      'Reshape',
      'BatchNormalization',
      'LeakyReLU',
      'Conv2DTranspose',
      'BatchNormalization',
      'LeakyReLU',
      'Conv2DTranspose',
      'Activation',
    ]);
    const kernels = g.layers.filter((l) => l.getWeights().length > 0 && l.getClassName() !== 'BatchNormalization').map((l) => l.getWeights()[0]!.shape);
    expect(kernels).toEqual([
      [100, 7 * 7 * 128],
      [5, 5, 64, 128],
      [5, 5, 1, 64],
    ]);
    expect((g.layers[4]!.getConfig() as { alpha: number }).alpha).toBeCloseTo(0.2);
    expect(g.layers[9]!.getConfig()['activation']).toBe('tanh');
  });

  it('has the documented parameter counts', () => {
    expect(dcganGenerator().countParams()).toBe(834_369);
    expect(dcganGenerator({ imageSize: 32, channels: 3 }).countParams()).toBe(1_440_195);
    expect(dcganGenerator({ imageSize: 64, channels: 3 }).countParams()).toBe(5_128_643);
  });

  it('draws weights from N(0, 0.02)', () => {
    const kernel = dcganGenerator().layers[1]!.getWeights()[0]!;
    const { mean, variance } = tf.moments(kernel);
    expect(mean.dataSync()[0]!).toBeCloseTo(0, 3);
    expect(Math.sqrt(variance.dataSync()[0]!)).toBeCloseTo(0.02, 3);
  });

  it('outputs images in [−1, 1]', () => {
    const g = dcganGenerator({ filters: 8 });
    const images = g.predict(tf.mul(uniform([4, 100], 1), 50)) as tf.Tensor;
    expect(images.min().dataSync()[0]!).toBeGreaterThanOrEqual(-1);
    expect(images.max().dataSync()[0]!).toBeLessThanOrEqual(1);
  });

  it('is reproducible with a seed', () => {
    const z = uniform([2, 100], 2);
    const a = dcganGenerator({ filters: 8, seed: 7 }).predict(z) as tf.Tensor;
    const b = dcganGenerator({ filters: 8, seed: 7 }).predict(z) as tf.Tensor;
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
  });

  it('saves through file:// and loads back with identical predictions', async () => {
    const g = dcganGenerator({ imageSize: 32, channels: 3, filters: 8 });
    await expectSaveLoadRoundTrip(g, uniform([3, 100], 3));
  });

  it("with hiddenUnits adds dense z→h (no bias), batch norm and the activation before the projection: InfoGAN's MNIST generator", () => {
    const g = dcganGenerator({ latentDim: 74, hiddenUnits: 1024, kernelSize: 4, activation: 'relu', seed: 3 });
    const kinds = g.layers.map((l) => l.getClassName());
    expect(kinds.slice(0, 7)).toEqual(['InputLayer', 'Dense', 'BatchNormalization', kinds[3], 'Dense', 'Reshape', 'BatchNormalization']);
    expect(kinds[3]).toBe(kinds[7]); // the hidden layer's activation is the body's (ReLU here)
    const kernels = g.layers.filter((l) => l.getWeights().length > 0 && l.getClassName() !== 'BatchNormalization').map((l) => l.getWeights()[0]!.shape);
    expect(kernels).toEqual([
      [74, 1024],
      [1024, 7 * 7 * 128],
      [4, 4, 64, 128],
      [4, 4, 1, 64],
    ]);
    expect(g.layers[1]!.getWeights()).toHaveLength(1); // no bias: batch norm's offset replaces it
    // By hand: the two denses; batch norms (γ, β, moving mean and variance) over the 1,024 units, then per channel of the
    // reshaped projection (128) and of the first convT (64); the convT kernels; the last convT's bias.
    const byHand = 74 * 1024 + 4 * 1024 + 1024 * 6272 + 4 * 128 + 4 * 4 * 64 * 128 + 4 * 64 + 4 * 4 * 64 + 1;
    expect(g.countParams()).toBe(byHand);
    expect(outputShapes(g)).toEqual([[null, 28, 28, 1]]);
  });

  it('with hiddenUnits and batchNorm false, gives the hidden dense a bias and no normalization', () => {
    const g = dcganGenerator({ filters: 4, hiddenUnits: 16, batchNorm: false });
    expect(g.layers.map((l) => l.getClassName()).slice(0, 4)).toEqual(['InputLayer', 'Dense', 'LeakyReLU', 'Dense']);
    expect(g.layers[1]!.getWeights().map((w) => w.shape)).toEqual([[100, 16], [16]]);
  });

  it('rejects a negative, fractional or non-number hiddenUnits, naming the option, before making weights', () => {
    for (const bad of [-1, 1.5, '8']) {
      expectRejectedBeforeWeights(() => dcganGenerator({ hiddenUnits: bad as never }), /dcganGenerator: option 'hiddenUnits' must be an integer ≥ 0; got/);
    }
  });

  it('rejects an image size it cannot reach, naming the option and the allowed sizes', () => {
    expectRejectedBeforeWeights(() => dcganGenerator({ imageSize: 30 }), /dcganGenerator: option 'imageSize' must be a base size 4…7 doubled at least once: 28 \(7·2²\), 32 \(4·2³\), 64 \(4·2⁴\).*; got 30/);
  });

  it('rejects 0 channels before making weights', () => {
    expectRejectedBeforeWeights(() => dcganGenerator({ channels: 0 }), /option 'channels' must be an integer ≥ 1 \(1 for grayscale, 3 for RGB\); got 0/);
  });

  it('rejects an unknown activation and an unknown option', () => {
    expectRejectedBeforeWeights(() => dcganGenerator({ activation: 'swish' as never }), /option 'activation' must be one of 'relu', 'leakyRelu', .*; got 'swish'/);
    expectRejectedBeforeWeights(() => dcganGenerator({ imagesize: 28 } as never), /unknown option 'imagesize'; known options are latentDim, imageSize/);
  });
});
