import type * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { ConditionalGanTrainer, GanTrainer, sampleGridCallback } from '../index.node.js';
import { gaussian1d, labelledMixture, mlp, nonSaturating, stream } from '../testing/fixtures.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

const gan = (): GanTrainer => new GanTrainer({ generator: mlp([2], [4], 1, 1), discriminator: mlp([1], [4], 1, 2), loss: nonSaturating, ema: true, seed: 1 });

describe('sampleGridCallback', () => {
  it('hands samples from fixed latent codes at the start, every n steps and at the end, then disposes them', async () => {
    const seen: Array<{ step: number; shape: number[]; first: number }> = [];
    const kept: tf.Tensor[] = [];
    const grids = sampleGridCallback(
      (samples, step) => {
        seen.push({ step, shape: samples.shape, first: samples.dataSync()[0]! });
        kept.push(samples);
      },
      { every: 2, count: 6 },
    );
    await gan().fit(stream(gaussian1d(0, 1), 8, 1), { steps: 5, callbacks: [grids] });
    expect(seen.map((s) => s.step)).toEqual([0, 2, 4, 5]);
    expect(seen.every((s) => s.shape.join() === '6,1')).toBe(true);
    expect(kept.every((t) => t.isDisposed)).toBe(true);
  });

  it('does not change the training run', async () => {
    const losses = async (withGrids: boolean): Promise<number[]> =>
      (await gan().fit(stream(gaussian1d(0, 1), 8, 1), { steps: 4, callbacks: withGrids ? [sampleGridCallback(() => {}, { every: 1 })] : [] })).history.map((l) => l.generatorLoss);
    expect(await losses(true)).toEqual(await losses(false));
  });

  it('labels conditional samples i mod numClasses by default', async () => {
    const trainer = new ConditionalGanTrainer({ generator: mlp([2, 3], [4], 2, 1), discriminator: mlp([2, 3], [4], 1, 2), loss: nonSaturating, numClasses: 3, seed: 1 });
    const shapes: number[][] = [];
    await trainer.fit(stream(labelledMixture([[0, 0], [1, 1], [2, 2]], 0.1), 8, 1), {
      steps: 1,
      callbacks: [sampleGridCallback((s) => void shapes.push(s.shape), { count: 9 })],
    });
    expect(shapes).toEqual([
      [9, 2],
      [9, 2],
    ]);
  });
});
