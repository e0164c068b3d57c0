import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { NODE_BACKENDS, useBackend } from '@gankit/test-utils';
import { resumeDifference } from './testing/translationResume.js';
import { CheckpointMismatchError, CycleGanTrainer } from './index.node.js';
import type { CycleGanStepLogs } from './index.node.js';
import { ImagePool } from './internal/imagePool.js';
import { Rng } from './internal/rng.js';
import { nonSaturating } from './testing/fixtures.js';
import { critic, cycleGanOptions, meanAbsDiff, pixelNet, squares, unpairedBatch, unpairedData } from './testing/translation.js';

let dir: string;

beforeAll(async () => {
  await initBackend({ quiet: true });
  dir = mkdtempSync(path.join(tmpdir(), 'gankit-translation-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('CycleGanTrainer learns', () => {
  it('lowers the cycle error and translates squares into their colour inversions (40 steps)', async () => {
    const trainer = new CycleGanTrainer(cycleGanOptions());
    const { history } = await trainer.fit(unpairedData(), { steps: 40 });
    const cycle = history.map((l) => l.cycle);
    expect(mean(cycle.slice(-5))).toBeLessThan(0.5 * mean(cycle.slice(0, 5)));
    const a = squares(16, 12345);
    const b = tf.neg(squares(16, 54321));
    const ab = trainer.translate(a, 'AtoB');
    const ba = trainer.translate(b, 'BtoA');
    const inverse = (x: tf.Tensor): tf.Tensor => tf.neg(x);
    const [invA, invB] = [inverse(a), inverse(b)];
    expect(meanAbsDiff(ab, invA)).toBeLessThan(0.5 * meanAbsDiff(ab, a));
    expect(meanAbsDiff(ba, invB)).toBeLessThan(0.5 * meanAbsDiff(ba, b));
    tf.dispose([a, b, ab, ba, invA, invB]);
    trainer.dispose();
  });
});

describe('CycleGanTrainer steps', () => {
  it('logs both adversarial terms, the cycle and identity errors, both discriminator losses, the rate and the time', async () => {
    const trainer = new CycleGanTrainer(cycleGanOptions());
    const batch = unpairedBatch(0);
    const logs: CycleGanStepLogs = await trainer.step(batch);
    expect(Object.keys(logs).sort()).toEqual(
      ['cycle', 'cycleA', 'cycleB', 'discriminatorLossA', 'discriminatorLossB', 'generatorAdversarialA', 'generatorAdversarialB', 'generatorLoss', 'identity', 'learningRate', 'secondsPerStep', 'step'].sort(),
    );
    for (const v of Object.values(logs)) expect(Number.isFinite(v)).toBe(true);
    expect(logs.cycle).toBeCloseTo(logs.cycleA + logs.cycleB, 5);
    expect(logs.identity).toBeGreaterThan(0);
    // generatorLoss = advA + advB + 10·cycle + 5·identity (the defaults).
    expect(logs.generatorLoss).toBeCloseTo(logs.generatorAdversarialA + logs.generatorAdversarialB + 10 * logs.cycle + 5 * logs.identity, 3);
    tf.dispose([batch.a as tf.Tensor, batch.b as tf.Tensor]);
    trainer.dispose();
  });

  it('accepts { x } / { xs } batch objects for each domain', async () => {
    const trainer = new CycleGanTrainer(cycleGanOptions());
    const { a, b } = unpairedBatch(0) as { a: tf.Tensor; b: tf.Tensor };
    const logs = await trainer.step({ a: { x: a }, b: { xs: b } });
    expect(logs.step).toBe(1);
    tf.dispose([a, b]);
    trainer.dispose();
  });

  it('keeps tf.memory().numTensors flat over 24 steps (pools full)', async () => {
    const trainer = new CycleGanTrainer(cycleGanOptions({ poolSize: 8 }));
    const counts: number[] = [];
    await trainer.fit(unpairedData(0, 4), { steps: 26, callbacks: [{ onStepEnd: () => void counts.push(tf.memory().numTensors) }] });
    expect(counts[25]).toBe(counts[2]);
    trainer.dispose();
  });

  it('decays the learning rate linearly to 0 after the start step', async () => {
    const trainer = new CycleGanTrainer(cycleGanOptions({ learningRate: 1e-3, learningRateDecay: { start: 2, steps: 4 } }));
    const { history } = await trainer.fit(unpairedData(0, 2), { steps: 7 });
    const rates = history.map((l) => l.learningRate);
    [1e-3, 1e-3, 1e-3, 7.5e-4, 5e-4, 2.5e-4, 0].forEach((r, i) => expect(rates[i]).toBeCloseTo(r, 9));
    trainer.dispose();
  });

  it('trains with any adversarial loss object', async () => {
    const trainer = new CycleGanTrainer(cycleGanOptions({ loss: nonSaturating, identityWeight: 0 }));
    const { history } = await trainer.fit(unpairedData(0, 2), { steps: 2 });
    expect(history[1]!.identity).toBe(0);
    expect(Number.isFinite(history[1]!.generatorLoss)).toBe(true);
    trainer.dispose();
  });
});

describe('CycleGanTrainer configuration', () => {
  const rgb = (seed: number): tf.LayersModel =>
    tf.sequential({ layers: [tf.layers.dense({ inputShape: [8, 8, 1], units: 3 })], name: `rgb${seed}` });
  const gray = (): tf.LayersModel => tf.sequential({ layers: [tf.layers.dense({ inputShape: [8, 8, 3], units: 1 })] });

  it('refuses the identity term (default or explicit) when the domains have different channels, naming the option', () => {
    const options = { generatorAB: rgb(1), generatorBA: gray(), discriminatorA: critic(1), discriminatorB: critic(2, 3) };
    expect(() => new CycleGanTrainer(options)).toThrow(/option 'identityWeight' is 5 \(the default, 0.5 × cycleWeight\).*domain A has 1 and domain B 3: pass identityWeight: 0/);
    expect(() => new CycleGanTrainer({ ...options, identityWeight: 1 })).toThrow(/option 'identityWeight' is 1,/);
    expect(() => new CycleGanTrainer({ ...options, identityWeight: 0 })).not.toThrow();
  });

  it('refuses mismatched networks, unknown options and bad values before any step', () => {
    expect(() => new CycleGanTrainer(cycleGanOptions({ discriminatorB: critic(3, 3) }))).toThrow(/option 'discriminatorB' takes \[8,8,3\], but domain B images are \[8,8,1\]/);
    expect(() => new CycleGanTrainer({ ...cycleGanOptions(), cycleWieght: 1 } as never)).toThrow(/unknown option 'cycleWieght'/);
    expect(() => new CycleGanTrainer(cycleGanOptions({ poolSize: -1 }))).toThrow(/option 'poolSize' must be an integer ≥ 0/);
    expect(() => new CycleGanTrainer(cycleGanOptions({ loss: {} as never }))).toThrow(/option 'loss' must be an adversarial loss/);
    expect(() => new CycleGanTrainer(cycleGanOptions({ learningRateDecay: { start: 0, steps: 0 } }))).toThrow(/option 'learningRateDecay.steps' must be an integer ≥ 1/);
    expect(() => new CycleGanTrainer(cycleGanOptions({ generatorAB: 'g' as never }))).toThrow(/option 'generatorAB' must be a tf.LayersModel/);
  });

  it('refuses bad batches and translations with clear errors, and has no latent codes to sample', async () => {
    const trainer = new CycleGanTrainer(cycleGanOptions({ generatorAB: pixelNet(1) }));
    const a = squares(2, 1);
    await expect(trainer.step({ x: a } as never)).rejects.toThrow(/a batch must be \{ a, b \}/);
    await expect(trainer.step({ a, b: tf.zeros([2, 4, 4, 1]) } as never)).rejects.toThrow(/domain B images must be \[n, \.\.\.\[8,8,1\]\]/);
    expect(() => trainer.translate(a, 'AtoC' as never)).toThrow(/direction must be 'AtoB' or 'BtoA'/);
    expect(() => trainer.sample(2)).toThrow(/use translate\(images, 'AtoB' \| 'BtoA'\)/);
    expect(trainer.stepCount).toBe(0);
    a.dispose();
    trainer.dispose();
  });
});

describe('ImagePool (the reference history buffer)', () => {
  it('stores the first images, then returns a stored one for about half of the new ones', () => {
    const pool = new ImagePool(4);
    const rng = Rng.fromSeed(1);
    const first = tf.tidy(() => pool.query(tf.range(0, 4).reshape([4, 1]), rng));
    expect(Array.from(first.dataSync())).toEqual([0, 1, 2, 3]);
    let swapped = 0;
    for (let k = 1; k <= 50; k++) {
      const out = tf.tidy(() => pool.query(tf.fill([4, 1], 100 + k), rng));
      swapped += Array.from(out.dataSync()).filter((v) => v !== 100 + k).length;
      out.dispose();
    }
    expect(swapped).toBeGreaterThan(70);
    expect(swapped).toBeLessThan(130);
    expect(pool.count).toBe(4);
    first.dispose();
    pool.clear();
  });
});

describe('CycleGanTrainer checkpoints', () => {
  it('resume exactly on cpu and wasm: 2N steps equal N steps, save, load in a new process, N more (the history pools, the decayed rate; within 1e-6)', async () => {
    const worst = await resumeDifference('cyclegan', dir, 4, NODE_BACKENDS);
    for (const backend of NODE_BACKENDS) expect(worst[backend], backend).toBeLessThanOrEqual(1e-6);
    await useBackend('wasm');
  });
});

describe('CycleGanTrainer checkpoints (in process)', () => {
  it('refuse a checkpoint of a different pool size or cycle weight, naming the differences', async () => {
    const trainer = new CycleGanTrainer(cycleGanOptions({ poolSize: 4 }));
    await trainer.fit(unpairedData(0, 2), { steps: 1 });
    await trainer.save(`file://${dir}/mismatch`);
    const other = new CycleGanTrainer(cycleGanOptions({ poolSize: 5, cycleWeight: 5 }));
    const error = await other.load(`file://${dir}/mismatch`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointMismatchError);
    expect(String((error as Error).message)).toMatch(/structure.poolSize: checkpoint 4, this trainer 5/);
    expect(String((error as Error).message)).toMatch(/hyperparameters.cycleWeight: checkpoint 10, this trainer 5/);
    expect(other.stepCount).toBe(0);
    trainer.dispose();
    other.dispose();
  });
});

describe('CycleGanTrainer.translate', () => {
  it('translates large sets a chunk at a time, with the same result and no leaked tensors', () => {
    const trainer = new CycleGanTrainer(cycleGanOptions());
    const a = squares(7, 4242);
    const whole = trainer.translate(a, 'AtoB');
    (trainer as unknown as { translateChunk: number }).translateChunk = 3;
    const before = tf.memory().numTensors;
    const chunked = trainer.translate(a, 'AtoB');
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(chunked.shape).toEqual(whole.shape);
    expect(tf.max(tf.abs(tf.sub(chunked, whole))).dataSync()[0]).toBeLessThan(1e-6);
    tf.dispose([a, whole, chunked]);
    trainer.dispose();
  });
});
