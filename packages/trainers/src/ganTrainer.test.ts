import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { GanTrainer } from './index.node.js';
import type { TrainerCallback } from './index.node.js';
import { gaussian1d, gradientPenalty, mlp, moments, nonSaturating, stream, wasserstein } from './testing/fixtures.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

/** Records tf.memory().numTensors after every step. */
function tensorCounter(): TrainerCallback & { counts: number[] } {
  const counts: number[] = [];
  return { counts, onStepEnd: () => void counts.push(tf.memory().numTensors) };
}

describe('GanTrainer learns', () => {
  it('fits a 1-D Gaussian N(3, 0.5²): sample mean within 0.2 and std within 0.1 after 1000 steps', async () => {
    // A linear generator can represent the target exactly; the discriminator is an MLP.
    const trainer = new GanTrainer({
      generator: mlp([1], [], 1, 10),
      discriminator: mlp([1], [32, 32], 1, 15),
      loss: nonSaturating,
      learningRates: { generator: 4e-3, discriminator: 4e-3 },
      ema: 0.99,
      seed: 1,
    });
    await trainer.fit(stream(gaussian1d(3, 0.5), 256, 1), { steps: 1000 });
    const samples = trainer.sample(5000);
    const { mean, std } = moments(samples);
    samples.dispose();
    expect(Math.abs(mean - 3)).toBeLessThan(0.2);
    expect(Math.abs(std - 0.5)).toBeLessThan(0.1);
  });

  it("WGAN-GP: the critic's Wasserstein estimate falls as the generator improves", async () => {
    const trainer = new GanTrainer({
      generator: mlp([2], [], 1, 10),
      discriminator: mlp([1], [16, 16], 1, 15),
      loss: wasserstein,
      penalties: [gradientPenalty(10)],
      learningRates: { generator: 5e-3, discriminator: 5e-3 },
      seed: 1,
    });
    expect(trainer.preset).toBe('wgan-gp');
    const before = trainer.sample(2000, { seed: 1 });
    const distanceBefore = Math.abs(moments(before).mean - 1.5);
    before.dispose();
    const { history } = await trainer.fit(stream(gaussian1d(1.5, 0.5), 64, 1), { steps: 150 });
    const w = history.map((l) => l.wassersteinEstimate!);
    const avg = (a: number[]): number => a.reduce((x, y) => x + y, 0) / a.length;
    const early = Math.max(...[0, 15, 30, 45, 60].map((i) => avg(w.slice(i, i + 15))));
    const late = avg(w.slice(-15));
    const after = trainer.sample(2000, { seed: 1 });
    const distanceAfter = Math.abs(moments(after).mean - 1.5);
    after.dispose();
    expect(distanceAfter).toBeLessThan(0.75 * distanceBefore);
    expect(late).toBeLessThan(0.75 * early);
    expect(late).toBeGreaterThan(0);
  });
});

describe('GanTrainer steps', () => {
  it('keeps tf.memory().numTensors flat over 100 steps with a penalty, a constraint and EMA', async () => {
    const trainer = new GanTrainer({
      generator: mlp([2], [8], 2, 1),
      discriminator: mlp([2], [8], 1, 2),
      loss: wasserstein,
      penalties: [gradientPenalty(10)],
      constraints: [{ apply: (vars) => tf.tidy(() => vars.forEach((v) => v.assign(tf.clipByValue(v, -1, 1)))) }],
      criticSteps: 2,
      ema: true,
      seed: 3,
    });
    const counter = tensorCounter();
    const sampleGrid: TrainerCallback = { onStepEnd: (l) => void (l.step % 10 === 0 && trainer.sample(4).dispose()) };
    await trainer.fit(stream((n, r) => ({ x: Array.from({ length: n }, () => [r(), r()]) }), 16, 3), { steps: 100, callbacks: [counter, sampleGrid] });
    expect(counter.counts).toHaveLength(100);
    expect(counter.counts[99]).toBe(counter.counts[0]);
    trainer.dispose();
  });

  it('logs losses, penalty, Wasserstein estimate, gradient norms and seconds per step', async () => {
    const trainer = new GanTrainer({ generator: mlp([2], [4], 1, 1), discriminator: mlp([1], [4], 1, 2), loss: wasserstein, penalties: [gradientPenalty(10)], seed: 1 });
    const x = tf.randomNormal([8, 1], 0, 1, 'float32', 1);
    const logs = await trainer.step({ x });
    x.dispose();
    expect(Object.keys(logs).sort()).toEqual(
      ['step', 'discriminatorLoss', 'generatorLoss', 'penalty', 'wassersteinEstimate', 'discriminatorGradNorm', 'generatorGradNorm', 'secondsPerStep'].sort(),
    );
    expect(logs.step).toBe(1);
    expect(logs.penalty).toBeGreaterThan(0);
    expect(logs.secondsPerStep).toBeGreaterThan(0);
    for (const v of Object.values(logs)) expect(Number.isFinite(v)).toBe(true);
  });

  // Losses multiplied by 0 have zero gradients, and Adam moves no variable whose gradient is zero.
  const snapshot = (m: tf.LayersModel): number[][] => m.getWeights().map((w) => Array.from(w.dataSync()));

  it("a generator update leaves the discriminator's weights alone", async () => {
    const generator = mlp([2], [4], 1, 1);
    const discriminator = mlp([1], [4], 1, 2);
    const loss = { ...nonSaturating, discriminator: (r: tf.Tensor, f: tf.Tensor) => tf.mul(0, tf.add(tf.sum(r), tf.sum(f))) as tf.Scalar };
    const trainer = new GanTrainer({ generator, discriminator, loss, seed: 1 });
    const [d0, g0] = [snapshot(discriminator), snapshot(generator)];
    const x = tf.ones([4, 1]);
    await trainer.step({ x });
    x.dispose();
    expect(snapshot(discriminator)).toEqual(d0);
    expect(snapshot(generator)).not.toEqual(g0);
  });

  it("a critic update leaves the generator's weights alone", async () => {
    const generator = mlp([2], [4], 1, 1);
    const discriminator = mlp([1], [4], 1, 2);
    const loss = { ...nonSaturating, generator: (f: tf.Tensor) => tf.mul(0, tf.sum(f)) as tf.Scalar };
    const trainer = new GanTrainer({ generator, discriminator, loss, seed: 1 });
    const [d0, g0] = [snapshot(discriminator), snapshot(generator)];
    const x = tf.ones([4, 1]);
    await trainer.step({ x });
    x.dispose();
    expect(snapshot(generator)).toEqual(g0);
    expect(snapshot(discriminator)).not.toEqual(d0);
  });

  it('runs the same with the same seed and initial weights', async () => {
    const run = async (): Promise<number[]> => {
      const trainer = new GanTrainer({ generator: mlp([2], [4], 1, 1), discriminator: mlp([1], [4], 1, 2), loss: nonSaturating, seed: 5 });
      const { history } = await trainer.fit(stream(gaussian1d(0, 1), 8, 5), { steps: 5 });
      return history.map((l) => l.generatorLoss);
    };
    expect(await run()).toEqual(await run());
  });

  it("pulls one real batch per critic update in fit, and reuses a single batch given to step()", async () => {
    const trainer = new GanTrainer({ generator: mlp([2], [4], 1, 1), discriminator: mlp([1], [4], 1, 2), loss: wasserstein, preset: 'wgan', seed: 1 });
    expect(trainer.batchesPerStep).toBe(5);
    let pulled = 0;
    const data = (function* () {
      for (;;) {
        pulled++;
        yield { x: tf.ones([4, 1]) };
      }
    })();
    await trainer.fit(data, { steps: 2 });
    expect(pulled).toBe(10);
    const x = tf.ones([4, 1]);
    await trainer.step({ x });
    expect(x.isDisposed).toBe(false);
    x.dispose();
  });
});

describe('GanTrainer presets', () => {
  it("uses DCGAN's Adam(2e-4, β1 0.5) and one critic step for a non-saturating loss", () => {
    const trainer = new GanTrainer({ generator: mlp([2], [4], 1, 1), discriminator: mlp([1], [4], 1, 2), loss: nonSaturating });
    expect(trainer.preset).toBe('dcgan');
    expect(trainer.criticSteps).toBe(1);
    expect(trainer.generatorOptimizer.getConfig()).toMatchObject({ learningRate: 2e-4, beta1: 0.5 });
  });

  it("uses WGAN's RMSprop(5e-5), 5 critic steps and clips the critic to ±0.01 for a Wasserstein loss without penalty", async () => {
    const discriminator = mlp([1], [4], 1, 2);
    const trainer = new GanTrainer({ generator: mlp([2], [4], 1, 1), discriminator, loss: wasserstein });
    expect(trainer.preset).toBe('wgan');
    expect(trainer.criticSteps).toBe(5);
    expect(trainer.discriminatorOptimizer.getClassName()).toBe('RMSProp');
    expect(trainer.discriminatorOptimizer.getConfig()).toMatchObject({ learningRate: 5e-5 });
    const x = tf.ones([4, 1]);
    await trainer.step({ x });
    x.dispose();
    for (const w of discriminator.trainableWeights) expect(tf.max(tf.abs(w.read())).dataSync()[0]).toBeLessThanOrEqual(0.01 + 1e-7);
  });

  it("uses WGAN-GP's Adam(1e-4, β (0, 0.9)) and 5 critic steps for a Wasserstein loss with a penalty", () => {
    const trainer = new GanTrainer({ generator: mlp([2], [4], 1, 1), discriminator: mlp([1], [4], 1, 2), loss: wasserstein, penalties: [gradientPenalty()] });
    expect(trainer.preset).toBe('wgan-gp');
    expect(trainer.criticSteps).toBe(5);
    expect(trainer.discriminatorOptimizer.getConfig()).toMatchObject({ learningRate: 1e-4, beta1: 0, beta2: 0.9 });
  });

  it('takes separate learning rates for the two networks (TTUR)', () => {
    const trainer = new GanTrainer({ generator: mlp([2], [4], 1, 1), discriminator: mlp([1], [4], 1, 2), loss: nonSaturating, learningRates: { generator: 1e-4, discriminator: 4e-4 } });
    expect(trainer.generatorOptimizer.getConfig()).toMatchObject({ learningRate: 1e-4 });
    expect(trainer.discriminatorOptimizer.getConfig()).toMatchObject({ learningRate: 4e-4 });
  });
});

describe('GanTrainer refuses bad configuration before the first step', () => {
  const base = (): ConstructorParameters<typeof GanTrainer>[0] => ({ generator: mlp([2], [4], 1, 1), discriminator: mlp([1], [4], 1, 2), loss: nonSaturating });

  it("names 'criticSteps' when it is below 1", () => {
    expect(() => new GanTrainer({ ...base(), criticSteps: 0 })).toThrow(/option 'criticSteps' must be an integer ≥ 1, got 0/);
  });

  it("names 'loss' when the loss lacks a method", () => {
    const loss = { discriminator: nonSaturating.discriminator } as unknown as typeof nonSaturating;
    expect(() => new GanTrainer({ ...base(), loss })).toThrow(/option 'loss' must be an object with methods .*missing generator/);
  });

  it("names 'latentDim' when it does not match the generator's input", () => {
    expect(() => new GanTrainer({ ...base(), latentDim: 3 })).toThrow(/option 'latentDim' is 3, but the generator's latent input has size 2/);
  });

  it("names 'generator' when its samples do not match the data, and changes nothing", async () => {
    const options = base();
    const trainer = new GanTrainer(options);
    const before = options.discriminator.getWeights().map((w) => Array.from(w.dataSync()));
    const x = tf.ones([4, 3]);
    await expect(trainer.step({ x })).rejects.toThrow(/option 'generator' outputs samples of shape \[1\], but the data \(batch x\) has samples of shape \[3\]/);
    x.dispose();
    expect(trainer.stepCount).toBe(0);
    expect(options.discriminator.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
  });

  it("names 'generator' when the discriminator cannot take its samples", () => {
    expect(() => new GanTrainer({ ...base(), discriminator: mlp([2], [4], 1, 2) })).toThrow(/option 'generator' outputs samples of shape \[1\], but the discriminator takes \[2\]/);
  });

  it("names 'penalties' when the WGAN-GP preset has no penalty", () => {
    expect(() => new GanTrainer({ ...base(), loss: wasserstein, preset: 'wgan-gp' })).toThrow(/option 'penalties' is empty/);
  });

  it('names a misspelt option', () => {
    expect(() => new GanTrainer({ ...base(), critcSteps: 2 } as never)).toThrow(/unknown option 'critcSteps'/);
  });

  it("names 'optimizers' when both networks share one optimizer", () => {
    const opt = tf.train.adam();
    expect(() => new GanTrainer({ ...base(), optimizers: { generator: opt, discriminator: opt } })).toThrow(/option 'optimizers' must hold two different/);
  });

  it("names 'penalties[0]' when a penalty returns a non-scalar", async () => {
    const trainer = new GanTrainer({ ...base(), penalties: [(_c, real) => tf.zerosLike(real as tf.Tensor) as tf.Scalar] });
    const x = tf.ones([4, 1]);
    await expect(trainer.step({ x })).rejects.toThrow(/option 'penalties\[0\]'.*must return a scalar tensor, got shape \[4,1\]/);
    x.dispose();
  });
});
