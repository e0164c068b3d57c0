import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { expectClose } from '@gankit/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConditionalGanTrainer } from './conditionalGanTrainer.js';
import { GanTrainer } from './ganTrainer.js';
import { drawCodes, mutualInformationTerm, softmaxCrossEntropy } from './internal/auxiliaryHeads.js';
import { mlp, nonSaturating } from './testing/fixtures.js';

let initial = 'wasm';
beforeAll(async () => {
  initial = (await initBackend({ quiet: true })).backend;
});
afterAll(async () => {
  await tf.setBackend(initial);
});

const init = (seed: number): ReturnType<typeof tf.initializers.glorotUniform> => tf.initializers.glorotUniform({ seed });

/** A discriminator `[in] → hidden (ReLU) → [1]` plus heads of the given widths on the same hidden layer. */
function headedCritic(inputs: number, hidden: number, heads: number[], seed: number): tf.LayersModel {
  const x = tf.input({ shape: [inputs] });
  const h = tf.layers.dense({ units: hidden, activation: 'relu', kernelInitializer: init(seed) }).apply(x) as tf.SymbolicTensor;
  const outs = [1, ...heads].map((units, i) => tf.layers.dense({ units, kernelInitializer: init(seed + 1 + i) }).apply(h) as tf.SymbolicTensor);
  return tf.model({ inputs: x, outputs: outs });
}

/** A conditional generator `[z, one-hot label] → [2]` whose output ignores z (a frozen zero path), so its samples are a function of the label only. */
function labelOnlyGenerator(latent: number, classes: number, seed: number): tf.LayersModel {
  const z = tf.input({ shape: [latent] });
  const y = tf.input({ shape: [classes] });
  const fromZ = tf.layers.dense({ units: 2, useBias: false, kernelInitializer: 'zeros', trainable: false }).apply(z) as tf.SymbolicTensor;
  const fromY = tf.layers.dense({ units: 2, kernelInitializer: init(seed) }).apply(y) as tf.SymbolicTensor;
  return tf.model({ inputs: [z, y], outputs: tf.layers.add().apply([fromZ, fromY]) as tf.SymbolicTensor });
}

/** Three tight 2-D clusters on the unit circle; cluster c is class c. */
function clusters(n: number, seed: number): { x: tf.Tensor2D; labels: tf.Tensor1D } {
  return tf.tidy(() => {
    const labels = tf.randomUniformInt([n], 0, 3, seed);
    const angle = tf.mul(tf.cast(labels, 'float32'), (2 * Math.PI) / 3);
    const centres = tf.stack([tf.cos(angle), tf.sin(angle)], 1);
    return { x: tf.add(centres, tf.randomNormal([n, 2], 0, 0.05, 'float32', seed + 1)) as tf.Tensor2D, labels: labels as tf.Tensor1D };
  });
}

/** Index of the nearest cluster centre of each point. */
function nearestCluster(points: tf.Tensor): number[] {
  const p = points.arraySync() as number[][];
  return p.map(([a, b]) => {
    let best = 0;
    let dist = Infinity;
    for (let c = 0; c < 3; c++) {
      const d = (a! - Math.cos((2 * Math.PI * c) / 3)) ** 2 + (b! - Math.sin((2 * Math.PI * c) / 3)) ** 2;
      if (d < dist) [best, dist] = [c, d];
    }
    return best;
  });
}

const softplus = (v: number): number => Math.log1p(Math.exp(-Math.abs(v))) + Math.max(v, 0);
/** −log softmax(l)_c in float64. */
function crossEntropy(logits: number[], c: number): number {
  const m = Math.max(...logits);
  return -(logits[c]! - m - Math.log(logits.reduce((s, l) => s + Math.exp(l - m), 0)));
}

describe.each(['cpu', 'wasm'])('discriminator heads on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it.each([undefined, 0.4, 0])('ACGAN: the logged losses are the non-saturating losses plus λ_D·(CE(real) + φ·CE(fake)) and λ_G·CE(fake), by a float64 recomputation (generatedWeight φ = %s)', async (generatedWeight) => {
    const generator = labelOnlyGenerator(2, 3, 3);
    const discriminator = headedCritic(2, 8, [3], 7);
    const phi = generatedWeight ?? 1;
    const trainer = new ConditionalGanTrainer({ generator, discriminator, loss: nonSaturating, numClasses: 3, auxiliaryClassifier: { discriminatorWeight: 0.7, generatorWeight: 1.3, ...(generatedWeight === undefined ? {} : { generatedWeight }) }, seed: 2 });
    expect(trainer.auxiliaryClassifier).toBe(true);
    const { x, labels } = clusters(6, 11);
    const oneHot = tf.oneHot(labels, 3).toFloat();
    const run = (d: tf.LayersModel, input: tf.Tensor): number[][] => (d.predict(input) as tf.Tensor[]).map((t) => t.arraySync() as number[][]).reduce<number[][]>((rows, head, h) => head.map((r, i) => (h === 0 ? [...r] : [...rows[i]!, ...r])), []);
    const fakeBefore = generator.predict([tf.zeros([6, 2]), oneHot]) as tf.Tensor;
    const real = run(discriminator, x);
    const fake = run(discriminator, fakeBefore);
    const y = labels.arraySync() as number[];
    const mean = (f: (i: number) => number): number => y.reduce((s, _, i) => s + f(i), 0) / y.length;
    const adversarialD = mean((i) => softplus(-real[i]![0]!)) + mean((i) => softplus(fake[i]![0]!));
    const headD = 0.7 * (mean((i) => crossEntropy(real[i]!.slice(1), y[i]!)) + phi * mean((i) => crossEntropy(fake[i]!.slice(1), y[i]!)));

    const logs = await trainer.step({ x, labels });
    expectClose(logs.discriminatorAuxiliaryLoss!, headD, { rtol: 1e-5, atol: 1e-6 });
    expectClose(logs.discriminatorLoss, adversarialD + headD, { rtol: 1e-5, atol: 1e-6 });
    // The generator's update sees the updated discriminator and the generator before its own update.
    const after = run(discriminator, fakeBefore);
    const headG = 1.3 * mean((i) => crossEntropy(after[i]!.slice(1), y[i]!));
    expectClose(logs.generatorAuxiliaryLoss!, headG, { rtol: 1e-5, atol: 1e-6 });
    expectClose(logs.generatorLoss, mean((i) => softplus(-after[i]![0]!)) + headG, { rtol: 1e-5, atol: 1e-6 });
    tf.dispose([x, labels, oneHot, fakeBefore]);
    trainer.dispose();
  });

  it('keeps the tensor count flat across ACGAN and InfoGAN steps', async () => {
    const acgan = new ConditionalGanTrainer({ generator: mlp([2, 3], [8], 2, 61), discriminator: headedCritic(2, 8, [3], 62), loss: nonSaturating, numClasses: 3, auxiliaryClassifier: true, seed: 1 });
    const infogan = new GanTrainer({ generator: mlp([5], [8], 2, 63), discriminator: headedCritic(2, 8, [3, 1], 64), loss: nonSaturating, latentCodes: { categorical: [3], continuous: 1 }, seed: 1 });
    const { x, labels } = clusters(16, 71);
    await acgan.step({ x, labels });
    await infogan.step({ x });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await acgan.step({ x, labels });
      await infogan.step({ x });
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, labels]);
    acgan.dispose();
    infogan.dispose();
  });

  it('ACGAN: a generator trained against the class head draws each requested class at its own cluster', async () => {
    const generator = mlp([2, 3], [16], 2, 21);
    const discriminator = headedCritic(2, 16, [3], 31);
    const trainer = new ConditionalGanTrainer({ generator, discriminator, loss: nonSaturating, numClasses: 3, auxiliaryClassifier: true, learningRates: { generator: 5e-3, discriminator: 5e-3 }, seed: 4 });
    let k = 0;
    const batches = (function* () {
      for (;;) yield clusters(64, 100 + k++);
    })();
    await trainer.fit(batches, { steps: 300 });
    const requested = Array.from({ length: 90 }, (_, i) => i % 3);
    const samples = trainer.sample(90, { labels: requested });
    const hits = nearestCluster(samples).filter((c, i) => c === requested[i]).length;
    samples.dispose();
    expect(hits / 90).toBeGreaterThan(0.9);
    trainer.dispose();
  });

  it('InfoGAN: the categorical code alone comes to pick the cluster', async () => {
    // Latent [2 noise | one-hot 3]; Q head of 3 logits on the discriminator's body.
    const generator = mlp([5], [16], 2, 41);
    const discriminator = headedCritic(2, 16, [3], 51);
    const trainer = new GanTrainer({ generator, discriminator, loss: nonSaturating, latentCodes: { categorical: [3] }, learningRates: { generator: 5e-3, discriminator: 5e-3 }, seed: 6 });
    expect(trainer.latentCodes).toEqual({ noise: 2, categorical: [3], continuous: 0 });
    let k = 0;
    const batches = (function* () {
      for (;;) yield { x: clusters(64, 200 + k++).x };
    })();
    const { history } = await trainer.fit(batches, { steps: 300 });
    expect(history.at(-1)!.generatorAuxiliaryLoss).toBeLessThan(history[0]!.generatorAuxiliaryLoss!);
    // 60 samples per category, fresh noise: which cluster each category lands on.
    const codes = Array.from({ length: 180 }, (_, i) => Math.floor(i / 60));
    const latent = tf.tidy(() => tf.concat([tf.randomNormal([180, 2], 0, 1, 'float32', 9), tf.oneHot(tf.tensor1d(codes, 'int32'), 3).toFloat()], 1));
    const samples = trainer.generate(latent);
    const found = nearestCluster(samples);
    tf.dispose([latent, samples]);
    // Each category's majority cluster, and how many of its samples land there.
    const majority = [0, 1, 2].map((c) => {
      const counts = [0, 0, 0];
      found.slice(60 * c, 60 * c + 60).forEach((f) => counts[f]!++);
      return counts.indexOf(Math.max(...counts));
    });
    expect(new Set(majority).size).toBe(3);
    const agree = found.filter((f, i) => f === majority[codes[i]!]).length / 180;
    expect(agree).toBeGreaterThan(0.9);
    trainer.dispose();
  });
});

describe('the heads’ terms', () => {
  it('draws one-hot categories uniformly and continuous codes in [−1, 1)', () => {
    const heads = { kind: 'codes' as const, categorical: [4, 2], continuous: 3, weight: 1, continuousWeight: 1 };
    let state = 1;
    const uniform = (shape: number[]): tf.Tensor =>
      tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => ((state = (state * 48271) % 2147483647) / 2147483647)), shape);
    const c = drawCodes(heads, 4000, uniform);
    expect(c.shape).toEqual([4000, 9]);
    const v = c.arraySync() as number[][];
    v.forEach((row) => {
      expect(row.slice(0, 4).reduce((a, b) => a + b, 0)).toBe(1);
      expect(row.slice(4, 6).reduce((a, b) => a + b, 0)).toBe(1);
      row.slice(6).forEach((u) => expect(u >= -1 && u < 1).toBe(true));
    });
    const freq = [0, 1, 2, 3].map((j) => v.filter((r) => r[j] === 1).length / 4000);
    freq.forEach((f) => expectClose(f, 0.25, { atol: 0.03 }));
    c.dispose();
  });

  it('−λ·L_I: cross-entropy per categorical code plus the Gaussian negative log-density (σ = 1) of the continuous codes, by float64 hand computation', () => {
    const heads = { kind: 'codes' as const, categorical: [3], continuous: 2, weight: 0.5, continuousWeight: 0.25 };
    const codes = tf.tensor2d([
      [0, 1, 0, 0.3, -0.6],
      [1, 0, 0, -0.9, 0.2],
    ]);
    const logits = [
      [0.2, 1.5, -0.3],
      [2.0, 0.1, 0.4],
    ];
    const means = [
      [0.1, -0.2],
      [-0.5, 0.5],
    ];
    const got = tf.tidy(() => mutualInformationTerm(heads, codes, [tf.tensor2d(logits), tf.tensor2d(means)]).dataSync()[0]!);
    const ce = (crossEntropy(logits[0]!, 1) + crossEntropy(logits[1]!, 0)) / 2;
    const c = codes.arraySync();
    const nll = [0, 1].map((i) => [0, 1].reduce((s, j) => s + 0.5 * (c[i]![3 + j]! - means[i]![j]!) ** 2 + 0.5 * Math.log(2 * Math.PI), 0));
    expectClose(got, 0.5 * ce + 0.25 * ((nll[0]! + nll[1]!) / 2), { rtol: 1e-6 });
    const sce = tf.tidy(() => softmaxCrossEntropy(tf.tensor2d(logits), tf.tensor2d([[0, 1, 0], [1, 0, 0]])).dataSync()[0]!);
    expectClose(sce, ce, { rtol: 1e-6 });
    codes.dispose();
  });

  it('rejects heads that do not fit, naming the option, before any training', () => {
    const g = mlp([5], [4], 2, 1);
    expect(() => new GanTrainer({ generator: g, discriminator: mlp([2], [4], 1, 2), loss: nonSaturating, latentCodes: { categorical: [3] } })).toThrow(
      /GanTrainer: option 'discriminator' must have 2 outputs \(the adversarial score \[1\], then Q heads of widths 3\), it has 1/,
    );
    expect(() => new GanTrainer({ generator: g, discriminator: headedCritic(2, 4, [4], 3), loss: nonSaturating, latentCodes: { categorical: [3] } })).toThrow(/option 'discriminator' output 1 must be \[3\]/);
    expect(() => new GanTrainer({ generator: mlp([3], [4], 2, 1), discriminator: headedCritic(2, 4, [3], 3), loss: nonSaturating, latentCodes: { categorical: [3] } })).toThrow(
      /option 'latentCodes' take 3 latent values, so the generator's latent input must be a vector \[noise \+ 3\] with noise ≥ 1/,
    );
    expect(() => new GanTrainer({ generator: g, discriminator: headedCritic(2, 4, [3], 3), loss: nonSaturating, latentCodes: { categorical: [1] } })).toThrow(/option 'latentCodes.categorical' must be an array of category counts/);
    expect(() => new GanTrainer({ generator: g, discriminator: headedCritic(2, 4, [3], 3), loss: nonSaturating, latentCodes: {} })).toThrow(/option 'latentCodes' has no code/);
    expect(() => new GanTrainer({ generator: g, discriminator: headedCritic(2, 4, [3], 3), loss: nonSaturating, latentCodes: { categorical: [3], lambda: 1 } as never })).toThrow(/option 'latentCodes' has unknown key 'lambda'/);
    const cg = labelOnlyGenerator(2, 3, 1);
    expect(() => new ConditionalGanTrainer({ generator: cg, discriminator: headedCritic(2, 4, [3], 3), loss: nonSaturating, numClasses: 3 })).toThrow(/option 'discriminator' must take 2 inputs/);
    expect(() => new ConditionalGanTrainer({ generator: cg, discriminator: headedCritic(2, 4, [4], 3), loss: nonSaturating, numClasses: 3, auxiliaryClassifier: true })).toThrow(/output 1 must be \[3\] \(class logits\)/);
    expect(() => new ConditionalGanTrainer({ generator: cg, discriminator: headedCritic(2, 4, [3], 3), loss: nonSaturating, numClasses: 3, auxiliaryClassifier: { discriminatorWeight: -1 } })).toThrow(
      /option 'auxiliaryClassifier.discriminatorWeight'/,
    );
    expect(() => new ConditionalGanTrainer({ generator: cg, discriminator: headedCritic(2, 4, [3], 3), loss: nonSaturating, numClasses: 3, auxiliaryClassifier: { generatedWeight: Number.NaN } })).toThrow(
      /option 'auxiliaryClassifier.generatedWeight'/,
    );
    expect(() => new ConditionalGanTrainer({ generator: cg, discriminator: headedCritic(2, 4, [3], 3), loss: nonSaturating, numClasses: 3, latentCodes: { categorical: [3] } } as never)).toThrow(/option 'latentCodes' is for GanTrainer/);
    expect(() => new GanTrainer({ generator: g, discriminator: headedCritic(2, 4, [3], 3), loss: nonSaturating, auxiliaryClassifier: true } as never)).toThrow(/unknown option 'auxiliaryClassifier'/);
  });
});
