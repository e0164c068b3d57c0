import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { categoricalLatent, GanTrainer } from './index.js';
import type { RandomSource } from './index.js';
import { mlp, nonSaturating } from './testing/fixtures.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

/** A seeded random source like the trainer's. */
function source(seed: number): RandomSource {
  let k = 0;
  return {
    normal: (shape) => tf.randomNormal(shape, 0, 1, 'float32', seed * 1000 + k++),
    uniform: (shape, lo = 0, hi = 1) => tf.randomUniform(shape, lo, hi, 'float32', seed * 1000 + k++),
  };
}

describe('categoricalLatent', () => {
  it('draws [onehot(c), z]: one 1 per row, every category about 1/K of the time, z ~ N(0, σ²)', () => {
    const n = 20_000;
    const sample = categoricalLatent({ categories: 5, noiseDim: 3, noiseStd: 0.5 });
    const latent = sample([n, 8], source(1));
    expect(latent.shape).toEqual([n, 8]);
    const v = latent.arraySync() as number[][];
    latent.dispose();
    const counts = new Array<number>(5).fill(0);
    let sum = 0;
    let sumSq = 0;
    for (const row of v) {
      const code = row.slice(0, 5);
      expect(code.filter((x) => x === 1)).toHaveLength(1);
      expect(code.filter((x) => x === 0)).toHaveLength(4);
      counts[code.indexOf(1)]! += 1;
      for (const x of row.slice(5)) {
        sum += x;
        sumSq += x * x;
      }
    }
    // Binomial std of a count: √(n·p(1−p)) ≈ 57; 5σ bounds.
    for (const c of counts) expect(Math.abs(c - n / 5)).toBeLessThan(5 * Math.sqrt((n * 4) / 25));
    const m = sum / (3 * n);
    expect(Math.abs(m)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(sumSq / (3 * n) - m * m) - 0.5)).toBeLessThan(0.02);
  });

  it('with noiseDim 0 draws the one-hot code alone', () => {
    const latent = categoricalLatent({ categories: 3, noiseDim: 0 })([4, 3], source(2));
    expect((latent.sum(1).arraySync() as number[]).every((s) => s === 1)).toBe(true);
    latent.dispose();
  });

  it("feeds a GanTrainer: samples are reproducible by seed, and it trains a step without leaking tensors", async () => {
    const trainer = new GanTrainer({
      generator: mlp([12], [8], 2, 1),
      discriminator: mlp([2], [8], 1, 2),
      loss: nonSaturating,
      latentDim: 12,
      latentDistribution: categoricalLatent({ categories: 10 }),
      seed: 3,
    });
    const [a, b, c] = [trainer.sample(6, { seed: 1 }), trainer.sample(6, { seed: 1 }), trainer.sample(6, { seed: 2 })];
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    tf.dispose([a, b, c]);
    const batches = (function* () {
      for (let i = 0; ; i++) yield { x: tf.randomNormal([8, 2], 0, 1, 'float32', i) };
    })();
    await trainer.fit(batches, { steps: 1 });
    const before = tf.memory().numTensors;
    await trainer.fit(batches, { steps: 2 });
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  });

  it('names the option that is out of range, and the latent size a trainer must use', () => {
    expect(() => categoricalLatent({ categories: 1 })).toThrow("categoricalLatent: 'categories' must be an integer ≥ 2; got 1");
    expect(() => categoricalLatent({ categories: 4, noiseDim: -1 })).toThrow("categoricalLatent: 'noiseDim' must be an integer ≥ 0; got -1");
    expect(() => categoricalLatent({ categories: 4, noiseStd: 0 })).toThrow("categoricalLatent: 'noiseStd' must be a finite number > 0; got 0");
    expect(() => categoricalLatent({ categories: 4, classes: 3 } as never)).toThrow("categoricalLatent: unknown option 'classes'");
    expect(() => categoricalLatent({ categories: 4 })([2, 5], source(3))).toThrow('pass latentDim: 6');
  });
});
