import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { onBoth } from './onBoth.fixture.js';

describe('wasm Slice (gankit kernel) matches cpu exactly', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  // [shape, begin, size]: short and long innermost runs, whole trailing axes merged, −1 sizes, leading size-1 axes, empty, scalar-like.
  const cases: [number[], number[], number[]][] = [
    [[256, 1, 52, 1], [0, 0, 0, 0], [-1, 1, 50, 1]], // the mixture generator's cropping2D
    [[256, 1, 52, 1], [0, 0, 50, 0], [-1, -1, 2, -1]],
    [[4, 7, 5, 3], [1, 2, 1, 1], [2, 3, 3, 1]], // one channel of NHWC: runs of 1
    [[4, 7, 5, 3], [0, 2, 0, 0], [4, 3, 5, 3]], // whole rows: runs of 15 floats merged
    [[4, 7, 5, 3], [1, 0, 0, 0], [2, 7, 5, 3]], // contiguous
    [[3, 40], [1, 3], [2, 30]], // a long run copied with set
    [[2, 3, 4, 5, 6], [1, 0, 2, 1, 3], [1, 3, 2, 4, 3]], // rank 5
    [[6], [2], [3]],
    [[2, 3], [1, 1], [0, 2]], // empty
    [[1, 1, 9, 1], [0, 0, 4, 0], [1, 1, 1, 1]],
  ];
  for (const [shape, begin, size] of cases) {
    it(`slices ${JSON.stringify(shape)} at ${JSON.stringify(begin)} size ${JSON.stringify(size)} for float32, int32 and bool`, async () => {
      const values = seededUniform(tf.util.sizeFromShape(shape), shape.length + begin[0]!);
      for (const dtype of ['float32', 'int32', 'bool'] as const) {
        const input = dtype === 'float32' ? Array.from(values) : dtype === 'int32' ? Array.from(values, (v) => Math.round(v * 100)) : Array.from(values, (v) => v > 0);
        const [cpu, wasm] = await onBoth(() => tf.tidy(() => tf.slice(tf.tensor(input, shape, dtype), begin, size)));
        expect([wasm!.shape, wasm!.dtype]).toEqual([cpu!.shape, cpu!.dtype]);
        expect(Array.from(wasm!.data)).toEqual(Array.from(cpu!.data));
      }
    });
  }

  it('slices a 1-D tensor, and strings through the stock kernel', async () => {
    await useBackend('wasm');
    expect(tf.slice(tf.tensor1d([5, 6, 7]), [1], [1]).arraySync()).toEqual([6]);
    expect(tf.slice(tf.tensor1d(['a', 'b', 'c'], 'string'), [1], [2]).arraySync()).toEqual(['b', 'c']);
  });

  it('gives the gradient of a sliced 4-D tensor as on cpu (Slice’s gradient pads; the layer case of cropping2D)', async () => {
    const x = seededUniform(2 * 1 * 6 * 1, 9);
    const [cpu, wasm] = await onBoth(() =>
      tf.tidy(() => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.slice(t, [0, 0, 1, 0], [-1, 1, 4, 1]), tf.range(1, 9).reshape([2, 1, 4, 1]))))(tf.tensor(x, [2, 1, 6, 1]))),
    );
    expect(Array.from(wasm!.data)).toEqual(Array.from(cpu!.data));
    expect(Array.from(cpu!.data)).toEqual([0, 1, 2, 3, 4, 0, 0, 5, 6, 7, 8, 0]);
  });
});
