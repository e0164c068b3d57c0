import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { useBackend } from '@gankit/test-utils';
import { cycleGanGenerator } from './index.js';
import { changedWeights, expectRejectedBeforeWeights, expectSaveLoadRoundTrip, outputShapes, sgdStep, snapshot, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

const SMALL = { filters: 4, residualBlocks: 2 };

describe('cycleGanGenerator', () => {
  it.each([
    [28, 1, 3],
    [32, 3, 1],
    [64, 3, 3],
    [256, 3, 3],
  ])('translates %i px images from %i to %i channels', (imageSize, inChannels, outChannels) => {
    const g = cycleGanGenerator({ imageSize, inChannels, outChannels, ...SMALL });
    expect(g.inputs[0]!.shape).toEqual([null, imageSize, imageSize, inChannels]);
    expect(outputShapes(g)).toEqual([[null, imageSize, imageSize, outChannels]]);
  });

  it('is c7s1-k, d2k, d4k, R4k × n, u2k, uk, c7s1-out with reflection padding and instance norm', () => {
    const g = cycleGanGenerator({ imageSize: 32, filters: 8, residualBlocks: 3 });
    const convs = g.layers.filter((l) => l.getClassName().startsWith('Conv2D'));
    const summary = convs.map((l) => {
      const c = l.getConfig();
      return `${l.getClassName() === 'Conv2D' ? 'c' : 't'}${(c['kernelSize'] as number[])[0]}s${(c['strides'] as number[])[0]}-${c['filters']}`;
    });
    expect(summary).toEqual(['c7s1-8', 'c3s2-16', 'c3s2-32', ...Array(6).fill('c3s1-32'), 't3s2-16', 't3s2-8', 'c7s1-3']);
    const kinds = g.layers.map((l) => l.getClassName());
    expect(kinds.filter((k) => k === 'ReflectionPadding2D')).toHaveLength(2 + 2 * 3);
    expect(kinds.filter((k) => k === 'InstanceNormalization')).toHaveLength(5 + 2 * 3);
    expect(kinds.filter((k) => k === 'Add')).toHaveLength(3);
    expect(g.layers.at(-1)!.getConfig()['activation']).toBe('tanh');
  });

  it('uses 9 residual blocks at 256 px and 6 below, and has the documented parameter counts', () => {
    const adds = (m: tf.LayersModel): number => m.layers.filter((l) => l.getClassName() === 'Add').length;
    const big = cycleGanGenerator();
    expect(adds(big)).toBe(9);
    expect(big.countParams()).toBe(11_378_179);
    const mid = cycleGanGenerator({ imageSize: 128 });
    expect(adds(mid)).toBe(6);
    expect(mid.countParams()).toBe(7_837_699);
    expect(cycleGanGenerator({ imageSize: 32, inChannels: 1, outChannels: 3, filters: 32, residualBlocks: 6 }).countParams()).toBe(1_961_923);
  });

  it('trains on wasm: one step changes every weight', async () => {
    await useBackend('wasm');
    const g = cycleGanGenerator({ imageSize: 16, inChannels: 1, outChannels: 1, ...SMALL, affineNorm: true, seed: 1 });
    const x = uniform([2, 16, 16, 1], 1);
    const before = snapshot(g);
    sgdStep(g, () => tf.mean(tf.abs(tf.sub(g.apply(x) as tf.Tensor, tf.mul(x, 0.5)))) as tf.Scalar);
    expect(changedWeights(g, before)).toEqual(g.trainableWeights.map((w) => w.name));
  });

  it('saves through file:// and loads back with identical predictions (custom layers included)', async () => {
    const g = cycleGanGenerator({ imageSize: 28, inChannels: 1, outChannels: 3, ...SMALL, affineNorm: true });
    const classes = await expectSaveLoadRoundTrip(g, uniform([2, 28, 28, 1], 2));
    expect(classes).toContain('InstanceNormalization');
    expect(classes).toContain('ReflectionPadding2D');
  });

  it('rejects an image size not divisible by 4, naming the allowed sizes, before making weights', () => {
    expectRejectedBeforeWeights(() => cycleGanGenerator({ imageSize: 30 }), /cycleGanGenerator: option 'imageSize' must be a positive multiple of 4, for 2 stride-2 layers \(e\.g\. 16, 28, 32, 64, 128, 256\); got 30/);
  });

  it('rejects 0 channels and negative residual blocks', () => {
    expectRejectedBeforeWeights(() => cycleGanGenerator({ outChannels: 0 }), /option 'outChannels' must be an integer ≥ 1/);
    expectRejectedBeforeWeights(() => cycleGanGenerator({ residualBlocks: -1 }), /option 'residualBlocks' must be an integer ≥ 0; got -1/);
  });
});
