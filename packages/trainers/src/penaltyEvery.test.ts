import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { expectClose } from '@gankit/test-utils';
import { GanTrainer } from './index.js';
import type { GanTrainerOptions, Penalty } from './index.js';
import { gaussian1d, gradientPenalty, memoryHandler, mlp, stream, wasserstein } from './testing/fixtures.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

const options = (penalties: Penalty[], penaltyEvery?: number): GanTrainerOptions => ({
  generator: mlp([2], [4], 1, 1),
  discriminator: mlp([1], [4], 1, 2),
  loss: wasserstein,
  penalties,
  criticSteps: 2,
  ...(penaltyEvery === undefined ? {} : { penaltyEvery }),
  seed: 3,
});

describe('GanTrainer penaltyEvery (lazy regularization)', () => {
  it('runs the penalties on critic updates 0, k, 2k, … of the run, weighted by k', async () => {
    let calls = 0;
    const constant: Penalty = () => {
      calls++;
      return tf.scalar(0.5);
    };
    const trainer = new GanTrainer(options([constant], 3));
    const { history } = await trainer.fit(stream(gaussian1d(1, 1), 8, 1), { steps: 3 });
    // Critic updates 0–5 (2 per step); the penalty runs on 0 and 3 as 3 × 0.5. The log is the mean of a step's 2 updates.
    expect(calls).toBe(2);
    expect(history.map((l) => l.penalty)).toEqual([0.75, 0.75, 0]);
    trainer.dispose();
  });

  it('an update that takes the penalty is the update with λ·k; penaltyEvery 1 is the default', async () => {
    const lazy = new GanTrainer({ ...options([gradientPenalty(1)], 2), criticSteps: 1 });
    const weighted = new GanTrainer({ ...options([gradientPenalty(2)]), criticSteps: 1 });
    const every = new GanTrainer({ ...options([gradientPenalty(2)], 1), criticSteps: 1 });
    for (const t of [lazy, weighted, every]) await t.fit(stream(gaussian1d(1, 1), 8, 1), { steps: 1 });
    const weights = (t: GanTrainer): number[] => t.discriminator.getWeights().flatMap((w) => Array.from(w.dataSync()));
    expectClose(weights(lazy), weights(weighted), { rtol: 1e-6, atol: 1e-7 });
    expect(weights(every)).toEqual(weights(weighted));
    for (const t of [lazy, weighted, every]) t.dispose();
  });

  it('resumes exactly, keeping the pattern of the run (counted in critic updates)', async () => {
    const a = new GanTrainer(options([gradientPenalty(1)], 3));
    await a.fit(stream(gaussian1d(1, 1), 8, 1), { steps: 2 });
    const handler = memoryHandler();
    await a.save(handler);
    const b = new GanTrainer(options([gradientPenalty(1)], 3));
    await b.load(handler);
    const next = async (t: GanTrainer): Promise<number[]> => (await t.fit(stream(gaussian1d(1, 1), 8, 2), { steps: 3 })).history.flatMap((l) => [l.discriminatorLoss, l.generatorLoss, l.penalty ?? NaN]);
    const [fromA, fromB] = [await next(a), await next(b)];
    expect(fromB).toEqual(fromA);
    // Steps 2–4 hold critic updates 4–9: the penalty on 6 and 9, i.e. in steps 3 and 4 only.
    expect([fromA[2], fromA[5]! > 0, fromA[8]! > 0]).toEqual([0, true, true]);
    a.dispose();
    b.dispose();
  });

  it('names a bad penaltyEvery before training', () => {
    expect(() => new GanTrainer(options([gradientPenalty(1)], 0))).toThrow(/penaltyEvery/);
    expect(() => new GanTrainer(options([gradientPenalty(1)], 1.5))).toThrow(/penaltyEvery/);
    expect(() => new GanTrainer({ ...options([], 2), preset: 'dcgan' })).toThrow("GanTrainer: option 'penaltyEvery' is 2, but there are no penalties to apply lazily");
  });
});
