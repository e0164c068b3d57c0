import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { INSTANCE_NORM, INSTANCE_NORM_GRAD } from './instanceNorm.js';

/** x̂ and dx = r·(dy − mean(dy) − x̂·mean(dy·x̂)) by hand, in float64, for [n, s, c] data. */
function byHand(x: Float32Array, dy: Float32Array, [n, s, c]: number[], eps: number): { xh: Float64Array; dx: Float64Array } {
  const xh = new Float64Array(x.length);
  const dx = new Float64Array(x.length);
  for (let b = 0; b < n!; b++) {
    for (let k = 0; k < c!; k++) {
      const at = (p: number): number => (b * s! + p) * c! + k;
      let mean = 0;
      for (let p = 0; p < s!; p++) mean += x[at(p)]! / s!;
      let v = 0;
      for (let p = 0; p < s!; p++) v += (x[at(p)]! - mean) ** 2 / s!;
      const r = 1 / Math.sqrt(v + eps);
      let a = 0;
      let m = 0;
      for (let p = 0; p < s!; p++) {
        xh[at(p)] = (x[at(p)]! - mean) * r;
        a += dy[at(p)]! / s!;
        m += (dy[at(p)]! * xh[at(p)]!) / s!;
      }
      for (let p = 0; p < s!; p++) dx[at(p)] = r * (dy[at(p)]! - a - xh[at(p)]! * m);
    }
  }
  return { xh, dx };
}

describe('GankitInstanceNorm and GankitInstanceNormGrad (cpu and wasm)', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  // A conv feature map, a 1-D sequence (rank 3) and a rank-5 volume: S is the product of the middle axes.
  const shapes = [[4, 7, 7, 16], [2, 9, 3], [2, 2, 3, 2, 5]];
  for (const backend of ['cpu', 'wasm'] as const) {
    for (const shape of shapes) {
      it(`normalizes and differentiates ${JSON.stringify(shape)} on ${backend} as computed by hand`, async () => {
        await useBackend(backend);
        const size = tf.util.sizeFromShape(shape);
        const x = seededUniform(size, shape.length, -3, 5);
        const dy = seededUniform(size, shape.length + 1);
        const groups = [shape[0]!, size / shape[0]! / shape[shape.length - 1]!, shape[shape.length - 1]!];
        const expected = byHand(x, dy, groups, 1e-3);
        const run = (name: string, inputs: tf.NamedTensorMap): Float32Array =>
          tf.tidy(() => (tf.engine().runKernel(name, inputs, { epsilon: 1e-3 }) as tf.Tensor).dataSync() as Float32Array);
        expectClose(run(INSTANCE_NORM, { x: tf.tensor(x, shape) }), expected.xh, { rtol: 1e-5, atol: 1e-5 });
        expectClose(run(INSTANCE_NORM_GRAD, { dy: tf.tensor(dy, shape), x: tf.tensor(x, shape) }), expected.dx, { rtol: 1e-5, atol: 1e-5 });
      });
    }

    it(`rejects bad inputs on ${backend} before computing, naming the kernel, the argument and what was expected`, async () => {
      await useBackend(backend);
      const run = (name: string, inputs: tf.NamedTensorMap, epsilon = 1e-5): unknown => tf.tidy(() => tf.engine().runKernel(name, inputs, { epsilon }));
      expect(() => run(INSTANCE_NORM, { x: tf.zeros([4, 3]) })).toThrow(/GankitInstanceNorm: input 'x' must be a float32 tensor \[batch, …spatial, channels\] of rank ≥ 3, got float32 \[4,3\]/);
      expect(() => run(INSTANCE_NORM, { x: tf.zeros([1, 2, 3], 'int32') })).toThrow(/input 'x' must be a float32 tensor .* got int32 \[1,2,3\]/);
      expect(() => run(INSTANCE_NORM, { x: tf.zeros([1, 2, 3]) }, -1)).toThrow(/GankitInstanceNorm: attribute 'epsilon' must be a finite number ≥ 0, got -1/);
      expect(() => run(INSTANCE_NORM_GRAD, { dy: tf.zeros([1, 2, 4]), x: tf.zeros([1, 2, 3]) })).toThrow(
        /GankitInstanceNormGrad: inputs 'dy' \[1,2,4\] and 'x' \[1,2,3\] must have the same shape/,
      );
    });
  }
});
