import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { ConditionalGanTrainer } from './index.node.js';
import type { Penalty } from './index.node.js';
import { gradientPenalty, labelledMixture, mlp, nonSaturating, stream, wasserstein } from './testing/fixtures.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

const CENTRES = [
  [2, 0],
  [0, 2],
  [-2, 0],
  [0, -2],
] as const;

/** A conditional MLP whose label input is [1] (a class index) — the layout of @gankit/architectures. */
function indexConditioned(first: number, out: number, seed: number): tf.LayersModel {
  const x = tf.input({ shape: [first] });
  const label = tf.input({ shape: [1] });
  const oneHot = tf.layers.flatten().apply(
    tf.layers.embedding({ inputDim: 4, outputDim: 4, embeddingsInitializer: tf.initializers.identity({ gain: 1 }), trainable: false }).apply(label),
  ) as tf.SymbolicTensor;
  const h = tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed }) }).apply(
    tf.layers.concatenate().apply([x, oneHot]),
  ) as tf.SymbolicTensor;
  const o = tf.layers.dense({ units: out, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, label], outputs: o });
}

describe('ConditionalGanTrainer learns', () => {
  it("puts each label's samples near that label's mode of a labelled 2-D mixture (≥ 90% within 0.5)", async () => {
    const trainer = new ConditionalGanTrainer({
      generator: mlp([2, 4], [32, 32], 2, 10),
      discriminator: mlp([2, 4], [32, 32], 1, 15),
      loss: nonSaturating,
      numClasses: 4,
      learningRates: { generator: 2e-3, discriminator: 2e-3 },
      ema: 0.99,
      seed: 1,
    });
    await trainer.fit(stream(labelledMixture(CENTRES, 0.1), 128, 1), { steps: 250 });
    for (let k = 0; k < 4; k++) {
      const samples = trainer.sample(200, { labels: Array(200).fill(k) });
      const points = samples.arraySync() as number[][];
      samples.dispose();
      const near = points.filter(([x, y]) => Math.hypot(x! - CENTRES[k]![0], y! - CENTRES[k]![1]) < 0.5).length / points.length;
      expect(near, `label ${k}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('ConditionalGanTrainer steps', () => {
  it('keeps tf.memory().numTensors flat over 100 steps with a penalty and EMA', async () => {
    const trainer = new ConditionalGanTrainer({
      generator: mlp([2, 4], [8], 2, 1),
      discriminator: mlp([2, 4], [8], 1, 2),
      loss: wasserstein,
      penalties: [gradientPenalty(10)],
      criticSteps: 2,
      ema: true,
      numClasses: 4,
      seed: 3,
    });
    const counts: number[] = [];
    await trainer.fit(stream(labelledMixture(CENTRES, 0.1), 16, 3), { steps: 100, callbacks: [{ onStepEnd: () => void counts.push(tf.memory().numTensors) }] });
    expect(counts[99]).toBe(counts[0]);
    trainer.dispose();
  });

  it('feeds class indices [n, 1] to networks whose label input is [1] (embedding layouts)', async () => {
    const trainer = new ConditionalGanTrainer({ generator: indexConditioned(2, 2, 1), discriminator: indexConditioned(2, 1, 2), loss: nonSaturating, numClasses: 4, seed: 1 });
    const x = tf.ones([4, 2]);
    const labels = tf.tensor1d([0, 1, 2, 3], 'int32');
    const logs = await trainer.step({ x, labels });
    expect(Number.isFinite(logs.generatorLoss)).toBe(true);
    const samples = trainer.sample(3, { labels: [3, 2, 1] });
    expect(samples.shape).toEqual([3, 2]);
    tf.dispose([x, labels, samples]);
  });

  it('accepts one-hot labels from the data as well as indices', async () => {
    const trainer = new ConditionalGanTrainer({ generator: mlp([2, 4], [4], 2, 1), discriminator: mlp([2, 4], [4], 1, 2), loss: nonSaturating, numClasses: 4, seed: 1 });
    const x = tf.ones([4, 2]);
    const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 4).toFloat();
    await expect(trainer.step({ xs: x, labels })).resolves.toMatchObject({ step: 1 });
    tf.dispose([x, labels]);
  });

  it('hands penalties [x, labels] for real and fake samples', async () => {
    const seen: string[] = [];
    const spy: Penalty = (critic, real, fake) => {
      seen.push(`${Array.isArray(real) ? real.map((t) => t.shape.join('x')).join('+') : 'tensor'} / ${Array.isArray(fake) ? fake.length : 'tensor'}`);
      return tf.mul(0, tf.mean((critic as (i: tf.Tensor[]) => tf.Tensor)(real as tf.Tensor[]))) as tf.Scalar;
    };
    const trainer = new ConditionalGanTrainer({ generator: mlp([2, 4], [4], 2, 1), discriminator: mlp([2, 4], [4], 1, 2), loss: nonSaturating, penalties: [spy], numClasses: 4, seed: 1 });
    const x = tf.ones([3, 2]);
    const labels = tf.tensor1d([0, 1, 2], 'int32');
    await trainer.step({ x, labels });
    tf.dispose([x, labels]);
    expect(seen).toEqual(['3x2+3x4 / 2']);
  });
});

describe('ConditionalGanTrainer refuses bad configuration before the first step', () => {
  it("names 'numClasses' when it is missing", () => {
    expect(() => new ConditionalGanTrainer({ generator: mlp([2, 4], [4], 2, 1), discriminator: mlp([2, 4], [4], 1, 2), loss: nonSaturating } as never)).toThrow(
      /option 'numClasses' must be an integer ≥ 2, got undefined/,
    );
  });

  it("names 'generator' when its label input is neither [1] nor [numClasses]", () => {
    expect(() => new ConditionalGanTrainer({ generator: mlp([2, 3], [4], 2, 1), discriminator: mlp([2, 4], [4], 1, 2), loss: nonSaturating, numClasses: 4 })).toThrow(
      /option 'generator' must take \[noise or sample, label\].*its second input is \[3\]/,
    );
  });

  it("names 'generator' when it takes a single input", () => {
    expect(() => new ConditionalGanTrainer({ generator: mlp([2], [4], 2, 1), discriminator: mlp([2, 4], [4], 1, 2), loss: nonSaturating, numClasses: 4 })).toThrow(
      /option 'generator' must take 2 inputs/,
    );
  });

  it('rejects a batch without labels', async () => {
    const trainer = new ConditionalGanTrainer({ generator: mlp([2, 4], [4], 2, 1), discriminator: mlp([2, 4], [4], 1, 2), loss: nonSaturating, numClasses: 4 });
    const x = tf.ones([2, 2]);
    await expect(trainer.step({ x })).rejects.toThrow(/every batch needs 'labels'/);
    x.dispose();
  });
});
