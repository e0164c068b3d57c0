import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { mlpMixtureGenerator } from './index.js';
import { expectRejectedBeforeWeights, expectSaveLoadRoundTrip, outputShapes } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

/** Latents of category `c` (of k) with the given noise rows. */
function latents(k: number, c: number, noise: number[][]): tf.Tensor2D {
  return tf.tensor2d(noise.map((z) => [...Array.from({ length: k }, (_, i) => (i === c ? 1 : 0)), ...z]));
}

describe('mlpMixtureGenerator', () => {
  it('maps [onehot(K), z] to samples: K + d inputs, a table of K centres and one offset network', () => {
    const g = mlpMixtureGenerator({ categories: 5, noiseDim: 3, hiddenUnits: [8], seed: 1 });
    expect(g.inputs[0]!.shape).toEqual([null, 8]);
    expect(outputShapes(g)).toEqual([[null, 2]]);
    const centres = g.layers.find((l) => l.name === 'mlpMixtureGenerator_centres')!;
    expect(centres.getWeights().map((w) => w.shape)).toEqual([[5, 2]]);
  });

  it('keeps every sample of a category within s·r of its centre, however large the noise', () => {
    const [k, r, s] = [4, 0.25, 2.828];
    const g = mlpMixtureGenerator({ categories: k, noiseDim: 2, hiddenUnits: [16, 16], maxOffset: r, outputScale: s, seed: 2 });
    const centres = g.layers.find((l) => l.name === 'mlpMixtureGenerator_centres')!.getWeights()[0]!.arraySync() as number[][];
    const noise = Array.from({ length: 64 }, (_, i) => [100 * Math.sin(i * 1.7), -100 * Math.cos(i * 2.3)]);
    for (let c = 0; c < k; c++) {
      const out = tf.tidy(() => (g.predict(latents(k, c, noise)) as tf.Tensor).arraySync() as number[][]);
      for (const [x, y] of out) {
        expect(Math.abs(x! / s - centres[c]![0]!)).toBeLessThanOrEqual(r + 1e-6);
        expect(Math.abs(y! / s - centres[c]![1]!)).toBeLessThanOrEqual(r + 1e-6);
      }
    }
  });

  it('with noiseDim 0 maps each category to one point', () => {
    const g = mlpMixtureGenerator({ categories: 3, noiseDim: 0, hiddenUnits: [4], seed: 3 });
    const out = tf.tidy(() => (g.predict(latents(3, 1, [[], []])) as tf.Tensor).arraySync() as number[][]);
    expect(out[0]).toEqual(out[1]);
  });

  it('saves through file:// and loads back with identical predictions', async () => {
    await expectSaveLoadRoundTrip(mlpMixtureGenerator({ categories: 3, hiddenUnits: [8], outputScale: 2, seed: 4 }), latents(3, 2, [[0.5, -1], [2, 0.1]]));
  });

  it('names a missing or out-of-range option before making weights', () => {
    expectRejectedBeforeWeights(() => mlpMixtureGenerator({} as never), /mlpMixtureGenerator: option 'categories' must be an integer ≥ 2; got NaN/);
    expectRejectedBeforeWeights(() => mlpMixtureGenerator({ categories: 4, maxOffset: 0 }), /option 'maxOffset' must be a finite number > 0; got 0/);
    expectRejectedBeforeWeights(() => mlpMixtureGenerator({ categories: 4, latentDim: 9 } as never), /mlpMixtureGenerator: unknown option 'latentDim'/);
  });
});
