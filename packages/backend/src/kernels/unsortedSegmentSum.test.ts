import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, relativeError, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';

describe('wasm UnsortedSegmentSum', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  it('sums rows into segments, dropping ids outside [0, numSegments)', async () => {
    await useBackend('wasm');
    const out = tf.tidy(() =>
      tf.unsortedSegmentSum(tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]), tf.tensor1d([2, 0, 2, -1, 5], 'int32'), 3).arraySync(),
    );
    expect(out).toEqual([[3, 4], [0, 0], [6, 8]]);
  });

  it('matches cpu on a 3-D input', async () => {
    const x = seededUniform(4 * 5 * 6, 7);
    const ids = Int32Array.from({ length: 4 }, (_, i) => (i * 7) % 3);
    const run = (): Float32Array =>
      tf.tidy(() => tf.unsortedSegmentSum(tf.tensor3d(x, [4, 5, 6]), tf.tensor1d(ids, 'int32'), 3).dataSync() as Float32Array);
    await useBackend('cpu');
    const expected = run();
    await useBackend('wasm');
    expect(relativeError(run(), expected)).toBeLessThanOrEqual(1e-6);
  });

  it('lets an embedding layer train on wasm, with the same gradient as cpu', async () => {
    const grads: Float32Array[] = [];
    for (const backend of ['cpu', 'wasm'] as const) {
      await useBackend(backend);
      const g = tf.tidy(() => {
        const layer = tf.layers.embedding({ inputDim: 10, outputDim: 4, embeddingsInitializer: tf.initializers.constant({ value: 0.5 }) });
        const labels = tf.tensor2d([[1], [3], [1], [9]], [4, 1], 'int32');
        const weights = tf.tensor3d(seededUniform(16, 3), [4, 1, 4]);
        layer.apply(labels); // build
        const { grads: vg } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(labels) as tf.Tensor, weights)) as tf.Scalar);
        return Object.values(vg)[0]!.dataSync() as Float32Array;
      });
      grads.push(g);
    }
    expectClose(grads[1]!, grads[0]!, { rtol: 1e-6, atol: 1e-7 });
    // Row 1 was used twice, rows 0, 2 never: the gradient is a segment sum, not a copy.
    const row = (r: number): number[] => Array.from(grads[1]!.slice(r * 4, r * 4 + 4));
    expect(row(0)).toEqual([0, 0, 0, 0]);
    expect(row(1).some((v) => v !== 0)).toBe(true);
  });
});
