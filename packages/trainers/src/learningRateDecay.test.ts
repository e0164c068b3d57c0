import type * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { GanTrainer } from './index.js';
import type { GanTrainerOptions } from './index.js';
import { gaussian1d, memoryHandler, mlp, nonSaturating, stream } from './testing/fixtures.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

const options = (): GanTrainerOptions => ({
  generator: mlp([2], [4], 1, 1),
  discriminator: mlp([1], [4], 1, 2),
  loss: nonSaturating,
  learningRates: { generator: 1e-2, discriminator: 4e-2 },
  learningRateDecay: { start: 2, steps: 4 },
  seed: 5,
});

describe('GanTrainer learningRateDecay', () => {
  it('trains step t at lr·(1 − max(0, t − start)/steps), down to 0, for both networks', async () => {
    const trainer = new GanTrainer(options());
    const rates: number[][] = [];
    const rateOf = (o: tf.Optimizer): number => (o as unknown as { learningRate: number }).learningRate;
    await trainer.fit(stream(gaussian1d(1, 1), 8, 1), {
      steps: 8,
      callbacks: [{ onStepEnd: () => void rates.push([rateOf(trainer.generatorOptimizer), rateOf(trainer.discriminatorOptimizer)]) }],
    });
    const factors = [1, 1, 1, 0.75, 0.5, 0.25, 0, 0];
    rates.forEach(([g, d], t) => {
      expect(g).toBeCloseTo(1e-2 * factors[t]!, 12);
      expect(d).toBeCloseTo(4e-2 * factors[t]!, 12);
    });
    // At rate 0 the weights stop moving.
    const before = trainer.generator.getWeights().map((w) => Array.from(w.dataSync()));
    await trainer.fit(stream(gaussian1d(1, 1), 8, 2), { steps: 1 });
    expect(trainer.generator.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
    trainer.dispose();
  });

  it('resumes exactly from a checkpoint taken mid-decay', async () => {
    const a = new GanTrainer(options());
    await a.fit(stream(gaussian1d(1, 1), 8, 1), { steps: 3 });
    const handler = memoryHandler();
    await a.save(handler);
    const b = new GanTrainer(options());
    await b.load(handler);
    const next = async (t: GanTrainer): Promise<number[]> => (await t.fit(stream(gaussian1d(1, 1), 8, 2), { steps: 3 })).history.flatMap((l) => [l.discriminatorLoss, l.generatorLoss]);
    expect(await next(b)).toEqual(await next(a));
    a.dispose();
    b.dispose();
  });

  it('names a bad schedule before training', () => {
    expect(() => new GanTrainer({ ...options(), learningRateDecay: { start: -1, steps: 4 } })).toThrow(/learningRateDecay\.start/);
    expect(() => new GanTrainer({ ...options(), learningRateDecay: { start: 0, steps: 0 } })).toThrow(/learningRateDecay\.steps/);
    expect(() => new GanTrainer({ ...options(), learningRateDecay: 5 as never })).toThrow(/learningRateDecay' must be \{ start, steps \}/);
  });
});
