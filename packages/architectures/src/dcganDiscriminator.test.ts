import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { useBackend } from '@gankit/test-utils';
import { dcganDiscriminator } from './index.js';
import { changedWeights, expectRejectedBeforeWeights, expectSaveLoadRoundTrip, IMAGE_CASES, outputShapes, sgdStep, snapshot, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('dcganDiscriminator', () => {
  it.each(IMAGE_CASES)('takes %i px images with %i channels to one logit', (imageSize, channels) => {
    const d = dcganDiscriminator({ imageSize, channels, filters: 8 });
    expect(d.inputs[0]!.shape).toEqual([null, imageSize, imageSize, channels]);
    expect(outputShapes(d)).toEqual([[null, 1]]);
  });

  it('defaults to the speed workload: conv 5×5/2→64, lrelu, conv 5×5/2→128, lrelu, dense→1', () => {
    const d = dcganDiscriminator();
    expect(d.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'Conv2D', 'LeakyReLU', 'Conv2D', 'LeakyReLU', 'Flatten', 'Dense']);
    expect(d.layers.filter((l) => l.getWeights().length > 0).map((l) => l.getWeights()[0]!.shape)).toEqual([
      [5, 5, 1, 64],
      [5, 5, 64, 128],
      [7 * 7 * 128, 1],
    ]);
    expect(d.countParams()).toBe(212_865);
  });

  it('has the documented parameter counts at 32 and 64 px and with normalization', () => {
    expect(dcganDiscriminator({ imageSize: 32, channels: 3 }).countParams()).toBe(1_033_345);
    expect(dcganDiscriminator({ imageSize: 64, channels: 3 }).countParams()).toBe(4_314_753);
    expect(dcganDiscriminator({ normalization: 'batch' }).countParams()).toBe(213_249);
    expect(dcganDiscriminator({ normalization: 'layer' }).countParams()).toBe(225_409);
  });

  it.each([
    ['batch', 'BatchNormalization'],
    ['layer', 'LayerNormalization'],
  ] as const)("with normalization '%s' normalizes every conv but the first", (normalization, className) => {
    const d = dcganDiscriminator({ imageSize: 64, filters: 8, normalization });
    const kinds = d.layers.map((l) => l.getClassName());
    expect(kinds.filter((k) => k === className)).toHaveLength(3);
    expect(kinds.indexOf(className)).toBeGreaterThan(kinds.indexOf('Conv2D') + 1);
  });

  it('passes every dense and conv layer through wrapLayer and uses what it returns', () => {
    const seen: string[] = [];
    const replacements: tf.layers.Layer[] = [];
    const d = dcganDiscriminator({
      filters: 8,
      wrapLayer: (layer) => {
        seen.push(layer.getClassName());
        const config = layer.getConfig();
        const copy = layer.getClassName() === 'Dense' ? tf.layers.dense({ units: 1 }) : tf.layers.conv2d({ ...(config as object), name: undefined } as never);
        replacements.push(copy);
        return copy;
      },
    });
    expect(seen).toEqual(['Conv2D', 'Conv2D', 'Dense']);
    for (const r of replacements) expect(d.layers).toContain(r);
  });

  it.each([
    ['batch', ['BatchNormalization'], false],
    ['layer', ['LayerNormalization'], true],
    ['none', [], true],
  ] as const)("with hiddenUnits and normalization '%s', adds dense → normalization → leaky ReLU 0.2 between the convs and the logit", (normalization, norm, bias) => {
    const d = dcganDiscriminator({ filters: 8, normalization, hiddenUnits: 32, kernelSize: 4 });
    const kinds = d.layers.map((l) => l.getClassName());
    expect(kinds.slice(kinds.indexOf('Flatten'))).toEqual(['Flatten', 'Dense', ...norm, 'LeakyReLU', 'Dense']);
    const hidden = d.layers[kinds.indexOf('Flatten') + 1]!;
    expect(hidden.getWeights().map((w) => w.shape)).toEqual(bias ? [[7 * 7 * 16, 32], [32]] : [[7 * 7 * 16, 32]]);
    expect((d.layers.at(-2)!.getConfig() as { alpha: number }).alpha).toBeCloseTo(0.2);
    expect(d.layers.at(-1)!.getWeights()[0]!.shape).toEqual([32, 1]);
    expect(outputShapes(d)).toEqual([[null, 1]]);
  });

  it("has the parameter count computed by hand for InfoGAN's MNIST body (4×4 convs, batch norm, hidden 1,024)", () => {
    const d = dcganDiscriminator({ kernelSize: 4, normalization: 'batch', hiddenUnits: 1024 });
    // conv 64 (+bias), conv 128 (no bias) + BN(128), dense 6272→1024 (no bias) + BN(1024), dense 1024→1 (+bias); BN counts γ, β, mean, variance.
    const byHand = 4 * 4 * 64 + 64 + 4 * 4 * 64 * 128 + 4 * 128 + 6272 * 1024 + 4 * 1024 + 1024 + 1;
    expect(d.countParams()).toBe(byHand);
  });

  it('passes the hidden dense through wrapLayer too, between the convs and the logit', () => {
    const seen: string[] = [];
    dcganDiscriminator({ filters: 4, hiddenUnits: 8, wrapLayer: (layer) => (seen.push(`${layer.getClassName()}:${String(layer.getConfig()['units'] ?? layer.getConfig()['filters'])}`), layer) });
    expect(seen).toEqual(['Conv2D:4', 'Conv2D:8', 'Dense:8', 'Dense:1']);
  });

  it('trains on wasm with a hidden layer: one step changes every weight', async () => {
    await useBackend('wasm');
    const d = dcganDiscriminator({ imageSize: 28, filters: 4, normalization: 'batch', hiddenUnits: 16, seed: 2 });
    const before = snapshot(d);
    const x = uniform([4, 28, 28, 1], 6);
    sgdStep(d, () => tf.mean(tf.square(d.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar);
    expect(changedWeights(d, before)).toEqual(d.trainableWeights.map((w) => w.name));
  });

  it('rejects a negative or fractional hiddenUnits, naming the option, before making weights', () => {
    expectRejectedBeforeWeights(() => dcganDiscriminator({ hiddenUnits: -4 }), /dcganDiscriminator: option 'hiddenUnits' must be an integer ≥ 0; got -4/);
    expectRejectedBeforeWeights(() => dcganDiscriminator({ hiddenUnits: 2.5 }), /option 'hiddenUnits' must be an integer ≥ 0; got 2.5/);
  });

  it('rejects a wrapLayer that does not return a layer', () => {
    expect(() => dcganDiscriminator({ filters: 8, wrapLayer: (() => undefined) as never })).toThrow(/option 'wrapLayer' must return a tf.layers.Layer/);
  });

  it.each(['none', 'batch', 'layer'] as const)("trains on wasm with normalization '%s': one step changes every weight", async (normalization) => {
    await useBackend('wasm');
    const d = dcganDiscriminator({ imageSize: 28, filters: 4, normalization, seed: 1 });
    const before = snapshot(d);
    const x = uniform([4, 28, 28, 1], 4);
    sgdStep(d, () => tf.mean(tf.square(d.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar);
    expect(changedWeights(d, before)).toEqual(d.trainableWeights.map((w) => w.name));
  });

  it.each(['none', 'batch', 'layer'] as const)("saves through file:// and loads back with identical predictions (normalization '%s')", async (normalization) => {
    const d = dcganDiscriminator({ imageSize: 32, channels: 3, filters: 4, normalization });
    await expectSaveLoadRoundTrip(d, uniform([3, 32, 32, 3], 5));
  });

  it('rejects an unknown normalization, naming the allowed values, before making weights', () => {
    expectRejectedBeforeWeights(
      () => dcganDiscriminator({ normalization: 'instance' as never }),
      /dcganDiscriminator: option 'normalization' must be one of 'batch', 'layer', 'none'; got 'instance'/,
    );
  });

  it('rejects 0 channels and an unreachable image size before making weights', () => {
    expectRejectedBeforeWeights(() => dcganDiscriminator({ channels: 0 }), /option 'channels' must be an integer ≥ 1/);
    expectRejectedBeforeWeights(() => dcganDiscriminator({ imageSize: 100 }), /option 'imageSize' must be a base size 4…7 doubled at least once.*; got 100/);
  });
});
