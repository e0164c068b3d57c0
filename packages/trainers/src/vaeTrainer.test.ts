import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose } from '@gankit/test-utils';
import { initBackend } from '@gankit/backend';
import { VaeTrainer } from './index.node.js';
import { mlp } from './testing/fixtures.js';
import { mnistImages } from './testing/mnist.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

describe('VaeTrainer learns', () => {
  it('raises the held-out ELBO on a 1,024-image MNIST subset from about −545 to above −230 nats in 100 steps', async () => {
    const train = tf.tensor2d(mnistImages(1024, 't10k'), [1024, 784]);
    const test = tf.tensor2d(mnistImages(256, 't10k', 1024), [256, 784]);
    const trainer = new VaeTrainer({ encoder: mlp([784], [128], 16, 1), decoder: mlp([8], [128], 784, 2), seed: 1 });
    const before = await trainer.evaluate(test);
    function* batches(): Generator<{ x: tf.Tensor }> {
      for (let i = 0; ; i = (i + 64) % 1024) yield { x: train.slice([i, 0], [64, 784]) };
    }
    const { history } = await trainer.fit(batches(), { steps: 100 });
    const after = await trainer.evaluate(test);
    tf.dispose([train, test]);
    expect(before.elbo).toBeLessThan(-400);
    expect(after.elbo).toBeGreaterThan(-230);
    expect(history.at(-1)!.elbo).toBeGreaterThan(history[0]!.elbo + 200);
  });
});

describe('VaeTrainer steps', () => {
  it('keeps tf.memory().numTensors flat over 100 steps', async () => {
    const trainer = new VaeTrainer({ encoder: mlp([6], [8], 4, 1), decoder: mlp([2], [8], 6, 2), seed: 3 });
    const counts: number[] = [];
    function* data(): Generator<{ x: tf.Tensor }> {
      for (let i = 0; ; i++) yield { x: tf.tidy(() => tf.randomUniform([8, 6], 0, 1, 'float32', i).round()) };
    }
    await trainer.fit(data(), { steps: 100, callbacks: [{ onStepEnd: () => void counts.push(tf.memory().numTensors) }] });
    expect(counts[99]).toBe(counts[0]);
    trainer.dispose();
  });

  it('logs ELBO = −(reconstruction + KL) with the Bernoulli and Gaussian KL formulas', async () => {
    // A linear encoder/decoder with known weights, so the terms can be computed by hand.
    const encoder = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, kernelInitializer: 'zeros', biasInitializer: tf.initializers.constant({ value: 0.5 }) })] });
    const decoder = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 2, kernelInitializer: 'zeros', biasInitializer: tf.initializers.constant({ value: 1 }) })] });
    const trainer = new VaeTrainer({ encoder, decoder, learningRate: 1e-9, seed: 1 });
    const x = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const logs = await trainer.step({ x });
    x.dispose();
    // mean = logVar = 0.5: KL = ½(e^0.5 + 0.25 − 1 − 0.5); logits are 1 whatever z is: NLL = softplus(−1) + softplus(1) per example.
    const kl = 0.5 * (Math.exp(0.5) + 0.25 - 1 - 0.5);
    const reconstruction = Math.log1p(Math.exp(-1)) + Math.log1p(Math.exp(1));
    expectClose(logs.kl, kl, { rtol: 1e-5 });
    expectClose(logs.reconstruction, reconstruction, { rtol: 1e-5 });
    expectClose(logs.elbo, -(kl + reconstruction), { rtol: 1e-5 });
    expectClose(logs.loss, kl + reconstruction, { rtol: 1e-5 });
  });

  it('weights the KL term by β in the loss', async () => {
    const make = (beta: number): VaeTrainer => new VaeTrainer({ encoder: mlp([6], [8], 4, 1), decoder: mlp([2], [8], 6, 2), beta, learningRate: 1e-9, seed: 1 });
    const x = tf.ones([4, 6]);
    const logs = await make(4).step({ x });
    x.dispose();
    expectClose(logs.loss, logs.reconstruction + 4 * logs.kl, { rtol: 1e-5 });
  });

  it('samples Bernoulli means in [0, 1] and reconstructs data', () => {
    const trainer = new VaeTrainer({ encoder: mlp([6], [8], 4, 1), decoder: mlp([2], [8], 6, 2), seed: 1 });
    const samples = trainer.sample(5);
    const x = tf.ones([3, 6]);
    const recon = trainer.reconstruct(x);
    expect(samples.shape).toEqual([5, 6]);
    expect(recon.shape).toEqual([3, 6]);
    expect(tf.min(samples).dataSync()[0]).toBeGreaterThanOrEqual(0);
    expect(tf.max(samples).dataSync()[0]).toBeLessThanOrEqual(1);
    tf.dispose([samples, x, recon]);
  });
});

describe('VaeTrainer refuses bad configuration before the first step', () => {
  it("names 'decoder' when its output does not match the encoder's input", () => {
    expect(() => new VaeTrainer({ encoder: mlp([6], [8], 4, 1), decoder: mlp([2], [8], 5, 2) })).toThrow(/option 'decoder' outputs \[5\], but the encoder takes data of shape \[6\]/);
  });

  it("names 'latentDim' when it does not match the decoder's input", () => {
    expect(() => new VaeTrainer({ encoder: mlp([6], [8], 4, 1), decoder: mlp([2], [8], 6, 2), latentDim: 3 })).toThrow(/option 'latentDim' is 3, but the decoder takes latent codes of size 2/);
  });

  it("names 'encoder' when it does not output [mean, logVar] of the latent size", () => {
    expect(() => new VaeTrainer({ encoder: mlp([6], [8], 3, 1), decoder: mlp([2], [8], 6, 2) })).toThrow(/option 'encoder' must output \[mean, logVar\]/);
  });

  it("names 'decoder' when the data does not match, and changes nothing", async () => {
    const trainer = new VaeTrainer({ encoder: mlp([6], [8], 4, 1), decoder: mlp([2], [8], 6, 2) });
    const x = tf.ones([2, 5]);
    await expect(trainer.step({ x })).rejects.toThrow(/option 'decoder' outputs \(and the encoder takes\) samples of shape \[6\]/);
    x.dispose();
    expect(trainer.stepCount).toBe(0);
  });
});
