import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, seededUniform } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { onBoth } from './onBoth.fixture.js';

describe('wasm Tile, Sum, Mean and LeakyRelu (gankit kernels) match cpu', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  const tiles: [number[], number[]][] = [
    [[1, 1, 1, 64], [64, 14, 14, 1]],
    [[3], [4]],
    [[2, 3], [1, 1]],
    [[2, 3], [3, 2]],
    [[2, 1, 3], [2, 5, 1]],
    [[4, 2, 3, 2, 2], [1, 2, 1, 3, 2]],
    [[2, 3], [0, 2]],
  ];
  for (const [shape, reps] of tiles) {
    it(`tiles ${JSON.stringify(shape)} by ${JSON.stringify(reps)} exactly, for float32, int32 and bool`, async () => {
      const values = seededUniform(tf.util.sizeFromShape(shape), shape.length + reps[0]!);
      for (const dtype of ['float32', 'int32', 'bool'] as const) {
        const input = dtype === 'float32' ? Array.from(values) : dtype === 'int32' ? Array.from(values, (v) => Math.round(v * 100)) : Array.from(values, (v) => v > 0);
        const [cpu, wasm] = await onBoth(() => tf.tidy(() => tf.tile(tf.tensor(input, shape, dtype), reps)));
        expect([wasm!.shape, wasm!.dtype, wasm!.data.length]).toEqual([cpu!.shape, cpu!.dtype, cpu!.data.length]);
        // Element by element (toEqual on 800k values is slow): the count of differences must be 0.
        expect(wasm!.data.filter((v, i) => v !== cpu!.data[i]).length).toBe(0);
      }
    });
  }

  const sums: [number[], number | number[], boolean][] = [
    [[64, 14, 14, 64], [0, 1, 2], false],
    [[6, 5], 0, false],
    [[6, 5], [0], true],
    [[2, 3, 4], [1, 0], true],
    [[2, 3, 4], [-3, -2], false],
    [[2, 3, 4], [1, 2], false],
    [[2, 3, 4], [0, 2], false],
    [[2, 3, 4], [0, 1, 2], false],
    [[0, 3], 0, false],
  ];
  for (const [shape, axis, keepDims] of sums) {
    it(`sums and averages ${JSON.stringify(shape)} over ${JSON.stringify(axis)}${keepDims ? ' keeping dims' : ''} to float32 rounding`, async () => {
      const values = seededUniform(tf.util.sizeFromShape(shape), shape.length + 7);
      for (const op of [tf.sum, tf.mean]) {
        const [cpu, wasm] = await onBoth(() => tf.tidy(() => op(tf.tensor(values, shape), axis, keepDims)));
        expect(wasm!.shape).toEqual(cpu!.shape);
        if (cpu!.data.some(Number.isNaN)) expect(Array.from(wasm!.data)).toEqual(Array.from(cpu!.data)); // the mean of no rows
        else expect(relativeError(Float32Array.from(wasm!.data), Float32Array.from(cpu!.data))).toBeLessThanOrEqual(1e-5);
      }
    });
  }

  for (const alpha of [0.2, 0, 0.999, 1.5, -0.3]) {
    it(`leaky ReLU with α ${alpha}: x > 0 ? x : α·x in float32 exactly, NaN and −0 included, and cpu's values to rounding`, async () => {
      const special = [Number.NaN, -0, 0, -1e-30, 1e30, -Infinity, Infinity];
      const values = [...special, ...Array.from(seededUniform(1003 - special.length, 3), (v) => v * 4 - 2)];
      const cases: [number[], number[]][] = [
        [values, [1003]],
        [Array.from(seededUniform(64 * 14 * 14 * 64, 4), (v) => v - 0.5), [64, 14, 14, 64]],
      ];
      for (const [data, shape] of cases) {
        const [cpu, wasm] = await onBoth(() => tf.tidy(() => tf.leakyRelu(tf.tensor(data, shape), alpha)));
        expect(wasm!.shape).toEqual(cpu!.shape);
        // The float32 definition (α and every product rounded to float32); Object.is: NaN equals NaN, −0 differs from +0.
        const a = Math.fround(alpha);
        const exact = Array.from(Float32Array.from(data), (x) => (x > 0 ? x : Math.fround(a * x)));
        expect(wasm!.data.filter((v, i) => !Object.is(v, exact[i])).length).toBe(0);
        // cpu multiplies by α in double precision before rounding: equal to float32 rounding.
        const finite = (d: Float64Array): Float32Array => Float32Array.from(d, (v) => (Number.isFinite(v) ? v : 0));
        expect(relativeError(finite(wasm!.data), finite(cpu!.data))).toBeLessThanOrEqual(1e-6);
        expect(Array.from(wasm!.data, Number.isNaN)).toEqual(Array.from(cpu!.data, Number.isNaN));
      }
    });
  }

  // Every remainder of the 4-wide pass (inner mod 4 = 0…3, and inner < 4), NaN and ±∞ among the values.
  for (const [rows, inner] of [[256, 128], [7, 1], [5, 3], [9, 5], [3, 6], [33, 131], [1, 4]] as const) {
    it(`sums and averages [${rows}, ${inner}] over axis 0 exactly as a float64 loop rounded once`, async () => {
      const values = Array.from(seededUniform(rows * inner, rows + inner), (v) => (v - 0.5) * 1e3);
      if (rows * inner > 8) [values[3], values[inner + 1], values[5]] = [Number.NaN, Infinity, -Infinity];
      const x = Float32Array.from(values);
      for (const mean of [false, true]) {
        const [, wasm] = await onBoth(() => tf.tidy(() => (mean ? tf.mean : tf.sum)(tf.tensor(x, [rows, inner]), 0)));
        const acc = new Float64Array(inner);
        for (let r = 0; r < rows; r++) for (let j = 0; j < inner; j++) acc[j]! += x[r * inner + j]!;
        const exact = Float32Array.from(acc, (v) => (mean ? v / rows : v));
        expect(wasm!.shape).toEqual([inner]);
        expect(Array.from(wasm!.data).filter((v, j) => !Object.is(v, exact[j])).length).toBe(0);
      }
    });
  }

  it('sums int32 through the stock kernel, exactly', async () => {
    const [cpu, wasm] = await onBoth(() => tf.tidy(() => tf.sum(tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32'), 0)));
    expect([wasm!.shape, wasm!.dtype, Array.from(wasm!.data)]).toEqual([[2], 'int32', [9, 12]]);
    expect(wasm).toEqual(cpu);
  });
});
