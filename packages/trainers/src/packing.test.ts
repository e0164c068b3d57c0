import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { NODE_BACKENDS, expectClose, useBackend } from '@gankit/test-utils';
import { ConditionalGanTrainer, GanTrainer } from './index.node.js';
import { packSamples } from './internal/packing.js';
import { mlp, nonSaturating } from './testing/fixtures.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

describe('packSamples (PacGAN packing)', () => {
  for (const backend of NODE_BACKENDS) {
    it(`${backend}: puts samples i·m … i·m+m−1 side by side on the last axis, for vectors and images`, async () => {
      await useBackend(backend);
      // Vectors: value = 10·sample + feature.
      const v = tf.tensor2d([0, 1, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51], [6, 2]);
      const pv = packSamples(v, 3);
      expect(pv.shape).toEqual([2, 6]);
      expect(Array.from(pv.dataSync())).toEqual([0, 1, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51]);
      // Images [4, 2, 2, 3]: value = 100·sample + 10·pixel + channel.
      const img = tf.tensor4d(Array.from({ length: 48 }, (_, i) => 100 * Math.floor(i / 12) + 10 * Math.floor((i % 12) / 3) + (i % 3)), [4, 2, 2, 3]);
      const pi = packSamples(img, 2);
      expect(pi.shape).toEqual([2, 2, 2, 6]);
      const got = pi.arraySync() as number[][][][];
      for (let b = 0; b < 2; b++) {
        for (let p = 0; p < 4; p++) {
          for (let c = 0; c < 6; c++) {
            const sample = 2 * b + Math.floor(c / 3);
            expect(got[b]![Math.floor(p / 2)]![p % 2]![c]).toBe(100 * sample + 10 * p + (c % 3));
          }
        }
      }
      expect(packSamples(v, 1)).toBe(v);
      tf.dispose([v, pv, img, pi]);
    });
  }
});

describe('GanTrainer packing', () => {
  it('one critic update equals SGD on the loss of the packed real and packed generated samples', async () => {
    const real = tf.tensor2d([[1, 2], [-1, 0.5], [0.3, -2], [2, 2]]);
    const z = tf.tensor2d([[0.5, -1], [1, 1], [-0.2, 0.4], [0.9, -0.7]]);
    const trainer = new GanTrainer({
      generator: mlp([2], [], 2, 3),
      discriminator: mlp([4], [5], 1, 4),
      loss: nonSaturating,
      packing: 2,
      criticSteps: 1,
      optimizers: { generator: tf.train.sgd(0.1), discriminator: tf.train.sgd(0.1) },
      latentDistribution: () => z.clone(),
      seed: 1,
    });
    expect(trainer.packing).toBe(2);
    const d = trainer.discriminator;
    const vars = d.trainableWeights.map((w) => w.read() as tf.Variable);
    // Expected: θ − 0.1 ∇θ L_D(D(pack(x)), D(pack(G(z)))), with D and G in training mode.
    const expected = tf.tidy(() => {
      const fake = trainer.generator.apply(z, { training: true }) as tf.Tensor;
      const packedReal = tf.reshape(real, [2, 4]);
      const packedFake = tf.reshape(fake, [2, 4]);
      const { grads } = tf.variableGrads(
        () => nonSaturating.discriminator(d.apply(packedReal, { training: true }) as tf.Tensor, d.apply(packedFake, { training: true }) as tf.Tensor) as tf.Scalar,
        vars,
      );
      return vars.map((v) => tf.keep(tf.sub(v, tf.mul(0.1, grads[v.name]!))));
    });
    await trainer.step({ x: real });
    vars.forEach((v, i) => expectClose(v, expected[i]!, { atol: 1e-6, rtol: 1e-5 }));
    tf.dispose([real, z, ...expected]);
    trainer.dispose();
  });

  it('packs images on the channel axis: a [8, 8, 2] critic trains on [8, 8, 1] samples with packing 2, with a flat tensor count', async () => {
    const g = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 64 }), tf.layers.reshape({ targetShape: [8, 8, 1] })] });
    const dIn = tf.input({ shape: [8, 8, 2] });
    const dOut = tf.layers.dense({ units: 1 }).apply(tf.layers.flatten().apply(tf.layers.conv2d({ filters: 2, kernelSize: 3 }).apply(dIn))) as tf.SymbolicTensor;
    const trainer = new GanTrainer({ generator: g, discriminator: tf.model({ inputs: dIn, outputs: dOut }), loss: nonSaturating, packing: 2, seed: 1 });
    const x = tf.randomUniform([6, 8, 8, 1], -1, 1, 'float32', 1);
    const logs = await trainer.step({ x });
    expect(Number.isFinite(logs.discriminatorLoss) && Number.isFinite(logs.generatorLoss)).toBe(true);
    // Packing leaks nothing: further steps leave the tensor count where the first left it.
    const after = tf.memory().numTensors;
    await trainer.step({ x });
    await trainer.step({ x });
    expect(tf.memory().numTensors).toBe(after);
    x.dispose();
    trainer.dispose();
  });

  it('refuses, naming the option, a discriminator without the packed shape, a bad degree, a batch it does not divide, and a conditional GAN', async () => {
    expect(() => new GanTrainer({ generator: mlp([2], [], 2, 1), discriminator: mlp([2], [4], 1, 2), loss: nonSaturating, packing: 4 })).toThrow(
      /'discriminator'.*takes \[2\], but packing 4 samples of shape \[2\] gives \[8\]/,
    );
    for (const bad of [0, 1.5, -2, '2']) {
      expect(() => new GanTrainer({ generator: mlp([2], [], 2, 1), discriminator: mlp([2], [4], 1, 2), loss: nonSaturating, packing: bad as number })).toThrow(/'packing'/);
    }
    const trainer = new GanTrainer({ generator: mlp([2], [], 2, 1), discriminator: mlp([6], [4], 1, 2), loss: nonSaturating, packing: 3, seed: 1 });
    const before = trainer.discriminator.getWeights().map((w) => w.dataSync().slice());
    const x = tf.zeros([8, 2]);
    await expect(trainer.step({ x })).rejects.toThrow(/'packing' is 3, which must divide the batch size, but a batch has 8 samples/);
    trainer.discriminator.getWeights().forEach((w, i) => expect(Array.from(w.dataSync())).toEqual(Array.from(before[i]!)));
    x.dispose();
    trainer.dispose();
    expect(
      () =>
        new ConditionalGanTrainer({
          generator: mlp([2, 3], [], 2, 1),
          discriminator: mlp([4, 3], [4], 1, 2),
          loss: nonSaturating,
          numClasses: 3,
          packing: 2,
        }),
    ).toThrow(/'packing' is 2, but packing is for unconditional GANs/);
  });
});
