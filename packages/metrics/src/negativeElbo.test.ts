import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { bernoulliReconstruction, gaussianKl } from '@gankit/losses';
import { seededUniform } from '@gankit/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { negativeElbo } from './negativeElbo.js';

const D = 28 * 28;
const images = (n: number, seed: number) => ({ x: seededUniform(n * D, seed, 0, 1), count: n, shape: [28, 28, 1] });

/** An encoder returning constant (μ, log σ²) for every image. */
const constantEncoder = (mean: number, logVar: number, latent = 4) => (x: tf.Tensor) => {
  const b = x.shape[0]!;
  return [tf.fill([b, latent], mean), tf.fill([b, latent], logVar)];
};

beforeAll(async () => {
  await initBackend();
});

describe('negativeElbo', () => {
  it('is D·log 2 nats for a decoder that outputs logits 0 (p = ½ per pixel) and a posterior equal to the prior', async () => {
    const decoder = (z: tf.Tensor) => tf.zeros([z.shape[0]!, D]);
    const result = await negativeElbo(constantEncoder(0, 0), decoder, images(70, 1), { batchSize: 32, importanceSamples: 3 });
    expect(result.kl).toBeCloseTo(0, 6);
    expect(result.reconstruction).toBeCloseTo(D * Math.log(2), 2);
    expect(result.negativeElbo).toBeCloseTo(D * Math.log(2), 2);
    // q = p(z) and p(x|z) does not depend on z, so every weight is p(x) and the bound is exact.
    expect(result.importanceWeighted).toBeCloseTo(D * Math.log(2), 2);
    expect(result.count).toBe(70);
  });

  it('has the closed-form KL ½ Σ (σ² + μ² − 1 − log σ²)', async () => {
    const decoder = (z: tf.Tensor) => tf.zeros([z.shape[0]!, D]);
    const result = await negativeElbo(constantEncoder(0.5, Math.log(0.25), 6), decoder, images(10, 2));
    expect(result.kl).toBeCloseTo(0.5 * 6 * (0.25 + 0.25 - 1 - Math.log(0.25)), 5);
    expect(result.importanceWeighted).toBeUndefined();
  });

  it('agrees with @gankit/losses bernoulliReconstruction + gaussianKl for a near-deterministic posterior', async () => {
    const x = images(40, 3);
    const encoderNet = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [28, 28, 1] }), tf.layers.dense({ units: 5, kernelInitializer: tf.initializers.glorotNormal({ seed: 1 }) })] });
    const decoder = tf.sequential({ layers: [tf.layers.dense({ inputShape: [5], units: D, kernelInitializer: tf.initializers.glorotNormal({ seed: 2 }) })] });
    const encoder = (t: tf.Tensor) => {
      const mean = encoderNet.predict(t) as tf.Tensor;
      return [mean, tf.fill(mean.shape, -40)]; // σ = e^{−20}: z = μ to float precision
    };
    const result = await negativeElbo(encoder, decoder, x);
    const [rec, kl] = tf.tidy(() => {
      const xs = tf.tensor4d(x.x, [40, 28, 28, 1]);
      const [mean, logVar] = encoder(xs) as [tf.Tensor, tf.Tensor];
      return [bernoulliReconstruction(decoder.predict(mean) as tf.Tensor, xs.reshape([40, D])), gaussianKl(mean, logVar)];
    });
    expect(result.reconstruction).toBeCloseTo(rec!.dataSync()[0]!, 2);
    expect(result.kl).toBeCloseTo(kl!.dataSync()[0]!, 2);
    tf.dispose([rec!, kl!]);
    encoderNet.dispose();
    decoder.dispose();
  });

  it('gives an importance-weighted bound below the ELBO for an imperfect posterior, and accepts probability decoders', async () => {
    const decoderNet = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: D, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) })] });
    const decoder = (z: tf.Tensor) => decoderNet.predict(z) as tf.Tensor;
    const result = await negativeElbo(constantEncoder(0.3, -1), decoder, images(50, 4), { importanceSamples: 20, decoderOutput: 'probabilities' });
    expect(result.importanceWeighted!).toBeLessThan(result.negativeElbo);
    const again = await negativeElbo(constantEncoder(0.3, -1), decoder, images(50, 4), { importanceSamples: 20, decoderOutput: 'probabilities' });
    expect(again.importanceWeighted).toBe(result.importanceWeighted);
    decoderNet.dispose();
  });

  it('reshapes images to a LayersModel encoder\'s input and leaks no tensors', async () => {
    const input = tf.input({ shape: [D] });
    const encoder = tf.model({ inputs: input, outputs: [tf.layers.dense({ units: 3 }).apply(input) as tf.SymbolicTensor, tf.layers.dense({ units: 3 }).apply(input) as tf.SymbolicTensor] });
    const decoder = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: D })] });
    const x = tf.tensor4d(images(20, 5).x, [20, 28, 28, 1]);
    const before = tf.memory().numTensors;
    const result = await negativeElbo(encoder, decoder, x, { batchSize: 8 });
    expect(Number.isFinite(result.negativeElbo)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(x.isDisposed).toBe(false);
    x.dispose();
    encoder.dispose();
    decoder.dispose();
  });

  it('throws for images outside [0, 1], mismatched decoders and empty sets, naming the argument', async () => {
    const decoder = (z: tf.Tensor) => tf.zeros([z.shape[0]!, D]);
    const signed = { x: seededUniform(2 * D, 6, -1, 1), count: 2, shape: [28, 28, 1] };
    await expect(negativeElbo(constantEncoder(0, 0), decoder, signed)).rejects.toThrow(/negativeElbo: 'images' must lie in \[0, 1\]/);
    await expect(negativeElbo(constantEncoder(0, 0), (z) => tf.zeros([z.shape[0]!, 10]), images(2, 7))).rejects.toThrow(/'decoder' must return 784 values per image/);
    await expect(negativeElbo(constantEncoder(0, 0), decoder, { x: new Float32Array(0), count: 0, shape: [28, 28, 1] })).rejects.toThrow(/'images' is empty/);
    await expect(negativeElbo(constantEncoder(0, 0), decoder, images(2, 8), { importanceSamples: 0 })).rejects.toThrow(/'importanceSamples' must be an integer ≥ 1/);
  });
});
