/**
 * Test fixtures: tiny models, local losses and a WGAN-GP penalty matching the
 * trainers' structural interfaces (the real ones live in @gankit/losses), and
 * seeded data streams. Not part of the build.
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '@gankit/test-utils';
import { GanTrainer } from '../ganTrainer.js';
import type { AdversarialLoss, Critic, Penalty, TrainingBatch } from '../types.js';

/** Non-saturating GAN loss on logits, softplus form (Goodfellow et al. 2014). */
export const nonSaturating: AdversarialLoss = {
  name: 'non-saturating',
  discriminator: (real, fake) => tf.tidy(() => tf.add(tf.mean(tf.softplus(tf.neg(real))), tf.mean(tf.softplus(fake))) as tf.Scalar),
  generator: (fake) => tf.tidy(() => tf.mean(tf.softplus(tf.neg(fake))) as tf.Scalar),
};

/** Wasserstein critic loss (Arjovsky et al. 2017). */
export const wasserstein: AdversarialLoss = {
  name: 'wasserstein',
  discriminator: (real, fake) => tf.tidy(() => tf.sub(tf.mean(fake), tf.mean(real)) as tf.Scalar),
  generator: (fake) => tf.tidy(() => tf.neg(tf.mean(fake)) as tf.Scalar),
};

function callCritic(critic: Critic, inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  return typeof critic === 'function' ? critic(inputs) : (critic.apply(inputs, { training: true }) as tf.Tensor);
}

/** A tiny WGAN-GP gradient penalty λ·E[(‖∇D(x̂)‖ − 1)²] (Gulrajani et al. 2017), interpolating x only. */
export function gradientPenalty(lambda = 10): Penalty {
  return (critic, real, fake, context) =>
    tf.tidy(() => {
      const [xr, labels] = Array.isArray(real) ? [real[0]!, real[1]] : [real, undefined];
      const xf = Array.isArray(fake) ? fake[0]! : fake;
      const n = xr.shape[0]!;
      const epsShape = [n, ...xr.shape.slice(1).map(() => 1)];
      const eps = context?.uniform ? context.uniform(epsShape) : tf.randomUniform(epsShape);
      const xhat = tf.add(xr, tf.mul(eps, tf.sub(xf, xr)));
      const grad = tf.grad((x: tf.Tensor) => tf.sum(callCritic(critic, labels ? [x, labels] : x)))(xhat);
      const axes = Array.from({ length: grad.rank - 1 }, (_, i) => i + 1);
      const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), axes), 1e-12));
      return tf.mul(lambda, tf.mean(tf.square(tf.sub(norm, 1)))) as tf.Scalar;
    });
}

/** A seeded glorot initializer. */
const init = (seed: number): ReturnType<typeof tf.initializers.glorotUniform> => tf.initializers.glorotUniform({ seed });

/** An MLP `in → hidden… → out` with ReLU hidden layers (a functional model, for conditional variants). */
export function mlp(inputs: number[], hidden: number[], out: number, seed: number, outActivation?: 'sigmoid'): tf.LayersModel {
  const ins = inputs.map((d) => tf.input({ shape: [d] }));
  let h: tf.SymbolicTensor = ins.length === 1 ? ins[0]! : (tf.layers.concatenate().apply(ins) as tf.SymbolicTensor);
  hidden.forEach((units, i) => {
    h = tf.layers.dense({ units, activation: 'relu', kernelInitializer: init(seed + i) }).apply(h) as tf.SymbolicTensor;
  });
  const o = tf.layers.dense({ units: out, kernelInitializer: init(seed + 99), ...(outActivation ? { activation: outActivation } : {}) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: ins, outputs: o });
}

/** The smallest GAN the callback and checkpoint tests train: 1-D data, a 2-D latent, 4-unit MLPs, seed 1. */
export function tinyGan(loss: AdversarialLoss = nonSaturating): GanTrainer {
  return new GanTrainer({ generator: mlp([2], [4], 1, 1), discriminator: mlp([1], [4], 1, 2), loss, seed: 1 });
}

/** An endless stream of batches from `sample(n, rand)` (JS-side, seeded), each new tensors. */
export function* stream(sample: (n: number, rand: () => number) => { x: number[][]; labels?: number[] }, batchSize: number, seed: number): Generator<TrainingBatch> {
  const rand = mulberry32(seed);
  for (;;) {
    const { x, labels } = sample(batchSize, rand);
    yield labels ? { x: tf.tensor2d(x), labels: tf.tensor1d(labels, 'int32') } : { x: tf.tensor2d(x) };
  }
}

/** A standard normal from a uniform source (Box–Muller). */
export function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Samples of N(mean, std²) in 1-D. */
export function gaussian1d(mean: number, std: number) {
  return (n: number, rand: () => number) => ({ x: Array.from({ length: n }, () => [mean + std * gaussian(rand)]) });
}

/** A labelled 2-D mixture: label k is a Gaussian at `centres[k]`. */
export function labelledMixture(centres: ReadonlyArray<readonly [number, number]>, std: number) {
  return (n: number, rand: () => number) => {
    const labels = Array.from({ length: n }, () => Math.floor(rand() * centres.length));
    const x = labels.map((k) => [centres[k]![0] + std * gaussian(rand), centres[k]![1] + std * gaussian(rand)]);
    return { x, labels };
  };
}

/** Mean and standard deviation of a tensor's values. */
export function moments(t: tf.Tensor): { mean: number; std: number } {
  const v = Array.from(t.dataSync() as Float32Array);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return { mean, std };
}

/** An IOHandler that keeps the artifacts in memory (a copy, so later saves cannot alias them). */
export function memoryHandler(): tf.io.IOHandler & { artifacts?: tf.io.ModelArtifacts } {
  const handler: tf.io.IOHandler & { artifacts?: tf.io.ModelArtifacts } = {
    async save(artifacts) {
      handler.artifacts = JSON.parse(JSON.stringify({ ...artifacts, weightData: undefined })) as tf.io.ModelArtifacts;
      handler.artifacts.weightData = new tf.io.CompositeArrayBuffer(artifacts.weightData!).slice();
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
    async load() {
      return handler.artifacts!;
    },
  };
  return handler;
}
