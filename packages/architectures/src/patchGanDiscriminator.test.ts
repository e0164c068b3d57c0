import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { useBackend } from '@gankit/test-utils';
import { patchGanDiscriminator } from './index.js';
import { changedWeights, expectRejectedBeforeWeights, expectSaveLoadRoundTrip, outputShapes, sgdStep, snapshot, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('patchGanDiscriminator', () => {
  it.each([
    [28, 1, 2, 7],
    [28, 3, 3, 4],
    [32, 3, 2, 8],
    [64, 3, 3, 8],
    [256, 3, 3, 32],
  ])('maps %i px images with %i channels at depth %i to %i² patch logits', (imageSize, channels, layers, patches) => {
    const d = patchGanDiscriminator({ imageSize, channels, layers, filters: 4 });
    expect(d.inputs[0]!.shape).toEqual([null, imageSize, imageSize, channels]);
    expect(outputShapes(d)).toEqual([[null, patches, patches, 1]]);
  });

  it('is C64-C128-C256 (stride 2) - C512 (stride 1) - conv to 1, 4×4 kernels, by default', () => {
    const d = patchGanDiscriminator();
    const convs = d.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => {
      const c = l.getConfig();
      return `${(c['kernelSize'] as number[])[0]}s${(c['strides'] as number[])[0]}-${c['filters']}`;
    });
    expect(convs).toEqual(['4s2-64', '4s2-128', '4s2-256', '4s1-512', '4s1-1']);
    expect(d.layers.filter((l) => l.getClassName() === 'InstanceNormalization')).toHaveLength(3);
    expect(d.countParams()).toBe(2_763_841);
    expect(patchGanDiscriminator({ imageSize: 32, channels: 1, filters: 32, layers: 2 }).countParams()).toBe(166_433);
  });

  it('caps the filters at 8 × filters', () => {
    const d = patchGanDiscriminator({ imageSize: 64, filters: 2, layers: 5 });
    const filters = d.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => l.getConfig()['filters']);
    expect(filters).toEqual([2, 4, 8, 16, 16, 16, 1]);
  });

  it.each([
    ['batch', 'BatchNormalization'],
    ['layer', 'LayerNormalization'],
    ['none', undefined],
  ] as const)("supports normalization '%s'", (normalization, className) => {
    const kinds = patchGanDiscriminator({ imageSize: 32, filters: 4, layers: 2, normalization }).layers.map((l) => l.getClassName());
    expect(kinds.filter((k) => k.endsWith('Normalization'))).toEqual(className === undefined ? [] : [className, className]);
  });

  it('passes every conv layer through wrapLayer', () => {
    let calls = 0;
    patchGanDiscriminator({
      imageSize: 32,
      layers: 2,
      filters: 4,
      wrapLayer: (layer) => {
        calls++;
        return layer;
      },
    });
    expect(calls).toBe(4);
  });

  it('trains on wasm: one step changes every weight', async () => {
    await useBackend('wasm');
    const d = patchGanDiscriminator({ imageSize: 16, channels: 3, filters: 4, layers: 2, seed: 1 });
    const before = snapshot(d);
    sgdStep(d, () => tf.mean(tf.square(d.apply(uniform([2, 16, 16, 3], 1)) as tf.Tensor)) as tf.Scalar);
    expect(changedWeights(d, before)).toEqual(d.trainableWeights.map((w) => w.name));
  });

  it.each(['instance', 'batch'] as const)("saves through file:// and loads back with identical predictions ('%s')", async (normalization) => {
    const d = patchGanDiscriminator({ imageSize: 32, channels: 3, filters: 4, layers: 2, normalization });
    await expectSaveLoadRoundTrip(d, uniform([2, 32, 32, 3], 2));
  });

  it('rejects an image smaller than the depth allows, and an unknown normalization', () => {
    expectRejectedBeforeWeights(() => patchGanDiscriminator({ imageSize: 4, layers: 3 }), /option 'imageSize' must be an integer ≥ 8 \(2\^layers, with layers = 3\); got 4/);
    expectRejectedBeforeWeights(() => patchGanDiscriminator({ normalization: 'group' as never }), /option 'normalization' must be one of 'batch', 'layer', 'instance', 'none'; got 'group'/);
  });
});
