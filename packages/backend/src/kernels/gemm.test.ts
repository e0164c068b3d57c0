import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeError, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { gemmReady, setGemmEnabled } from './gemm.js';

/** Every way a product's shape exercises the kernel's tiles: 4×8 blocks, 1×4 and 1×1 remainders, k = 0. */
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 2, 5],
  [4, 8, 8],
  [5, 7, 9],
  [9, 13, 19],
  [16, 0, 12],
  [33, 31, 44],
  [256, 128, 128],
  // k over the kernel's block of 256: exactly one block, one more, and three with a partial last.
  [5, 256, 9],
  [4, 257, 8],
  [7, 600, 13],
  // m over the kernel's row block of 64, with a partial last block (one 4-row tile and 2 single rows).
  [70, 300, 13],
];

/** One product on the active backend: batched [batchA, m, k]·[batchB, k, n], optionally fused with a bias and ReLU. */
function product(m: number, k: number, n: number, batchA: number, batchB: number, fused: boolean, seed: number): Float32Array {
  return tf.tidy(() => {
    const a = tf.tensor3d(seededUniform(batchA * m * k, seed), [batchA, m, k]);
    const b = tf.tensor3d(seededUniform(batchB * k * n, seed + 1), [batchB, k, n]);
    const out = fused ? tf.fused.matMul({ a, b, bias: tf.tensor1d(seededUniform(n, seed + 2)), activation: 'relu' }) : tf.matMul(a, b);
    return out.dataSync() as Float32Array;
  });
}

describe("gankit's SIMD gemm on wasm", () => {
  beforeAll(async () => {
    const info = await initBackend({ quiet: true });
    expect(info.patches.kernels).toContain('BatchMatMul and _FusedMatMul (gankit SIMD gemm)');
  });
  afterAll(async () => {
    setGemmEnabled(true);
    await useBackend('wasm');
  });

  it('is compiled against the backend memory and used', async () => {
    await useBackend('wasm');
    expect(gemmReady(tf.backend() as BackendWasm)).toBe(true);
  });

  for (const [m, k, n] of SHAPES) {
    it(`${m}×${k}·${k}×${n}, plain and fused with bias + ReLU, with batch broadcasting: matches cpu`, async () => {
      const cases: [number, number, boolean][] = [
        [1, 1, false],
        [1, 1, true],
        [3, 3, false],
        [3, 1, true],
        [1, 2, false],
      ];
      const run = (): Float32Array[] => cases.map(([ba, bb, fused], i) => product(m, k, n, ba, bb, fused, 10 * i + m + k + n));
      await useBackend('cpu');
      const expected = run();
      await useBackend('wasm');
      const before = tf.memory().numTensors;
      const actual = run();
      expect(tf.memory().numTensors).toBe(before);
      actual.forEach((v, i) => {
        expect(v.length).toBe(expected[i]!.length);
        expect(relativeError(v, expected[i]!)).toBeLessThanOrEqual(1e-5);
      });
    });
  }

  it('gives the numbers of the stock kernel where that is right, and fixes its batched bias', async () => {
    await useBackend('wasm');
    const run = (): Float32Array[] => [product(33, 31, 44, 1, 1, true, 7), product(33, 31, 44, 2, 2, false, 8), product(33, 31, 44, 2, 2, true, 9)];
    const ours = run();
    setGemmEnabled(false);
    const stock = run();
    setGemmEnabled(true);
    expect(relativeError(ours[0]!, stock[0]!)).toBeLessThanOrEqual(1e-5);
    expect(relativeError(ours[1]!, stock[1]!)).toBeLessThanOrEqual(1e-5);
    // tfjs-wasm 4.22's batched path adds bias[min(i·n + j, n − 1)]: right for the first row only.
    // (The cpu backend, and the comparisons above, agree with this kernel.)
    expect(relativeError(ours[2]!, stock[2]!)).toBeGreaterThan(0.01);
  });

  it('takes rank-2 operands and broadcasts rank-4 batch axes, as tfjs does', async () => {
    const run = (): { shape: number[]; data: Float32Array }[] =>
      tf.tidy(() =>
        [
          tf.matMul(tf.tensor2d(seededUniform(6 * 5, 1), [6, 5]), tf.tensor2d(seededUniform(5 * 9, 2), [5, 9])),
          tf.matMul(tf.tensor2d(seededUniform(6 * 5, 3), [6, 5]), tf.tensor3d(seededUniform(2 * 5 * 9, 4), [2, 5, 9])),
          tf.matMul(tf.tensor4d(seededUniform(2 * 3 * 6 * 5, 5), [2, 3, 6, 5]), tf.tensor4d(seededUniform(2 * 3 * 5 * 9, 6), [2, 3, 5, 9])),
          tf.matMul(tf.tensor3d(seededUniform(3 * 6 * 5, 7), [3, 6, 5]), tf.tensor4d(seededUniform(5 * 9, 8), [1, 1, 5, 9])),
          tf.matMul(tf.tensor2d(seededUniform(6 * 5, 9), [6, 5]), tf.tensor2d(seededUniform(9 * 5, 10), [9, 5]), false, true),
        ].map((t) => ({ shape: t.shape, data: t.dataSync() as Float32Array })),
      );
    await useBackend('cpu');
    const expected = run();
    await useBackend('wasm');
    run().forEach((v, i) => {
      expect(v.shape).toEqual(expected[i]!.shape);
      expect(relativeError(v.data, expected[i]!.data)).toBeLessThanOrEqual(1e-5);
    });
  });

  // [70, 700, 11]: k and row blocks and a 3-column remainder; then narrow outputs (1–3 columns, taken four rows
  // at a time) with row remainders, k over a block, A as is and given transposed.
  const SEQUENTIAL: [number, number, number, boolean][] = [
    [70, 700, 11, false],
    [7, 300, 1, false],
    [7, 300, 1, true],
    [9, 5, 2, false],
    [9, 5, 2, true],
    [6, 260, 3, true],
  ];
  for (const [m, k, n, ta] of SEQUENTIAL) {
    it(`${m}×${k}·${k}×${n}${ta ? ' with A given transposed' : ''}: sums over k in ascending order in float32, bit-for-bit the sequential sum`, async () => {
      await useBackend('wasm');
      const a = seededUniform(m * k, 31 + n);
      const b = seededUniform(k * n, 32 + n);
      const bias = seededUniform(n, 33 + n);
      const expected = new Float32Array(m * n);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let acc = 0;
          for (let p = 0; p < k; p++) acc = Math.fround(acc + Math.fround(a[i * k + p]! * b[p * n + j]!));
          expected[i * n + j] = Math.max(0, Math.fround(acc + bias[j]!));
        }
      }
      const actual = tf.tidy(() => {
        const x = ta ? tf.transpose(tf.tensor2d(a, [m, k])) : tf.tensor2d(a, [m, k]);
        return tf.fused.matMul({ a: x, b: tf.tensor2d(b, [k, n]), transposeA: ta, bias: tf.tensor1d(bias), activation: 'relu' }).dataSync();
      });
      expect(Array.from(actual)).toEqual(Array.from(expected));
    });
  }

  // Transposed operands are read in place (B's panels packed, A's columns loaded as vectors): shapes with every
  // tile and panel remainder (n mod 8 = 5, 3, 1; m mod 4; k mod 4 and k over a block of 256).
  const TRANSPOSED: [number, number, number][] = [
    [1, 1, 1],
    [5, 7, 13],
    [8, 4, 8],
    [9, 301, 19],
    [33, 31, 44],
    [70, 258, 11],
    [4, 1, 3],
  ];
  for (const [m, k, n] of TRANSPOSED) {
    it(`${m}×${k}·${k}×${n} with A, B or both given transposed: bit-for-bit the product of the transposed copies, and matches cpu`, async () => {
      const run = (explicit: boolean): Float32Array[] =>
        tf.tidy(() => {
          const results: Float32Array[] = [];
          let seed = m + k + n;
          for (const [ta, tb] of [[true, false], [false, true], [true, true]] as const) {
            for (const [batchA, batchB, fused] of [[1, 1, false], [2, 2, true], [1, 3, false], [3, 1, true]] as const) {
              const a = tf.tensor3d(seededUniform(batchA * m * k, seed++), ta ? [batchA, k, m] : [batchA, m, k]);
              const b = tf.tensor3d(seededUniform(batchB * k * n, seed++), tb ? [batchB, n, k] : [batchB, k, n]);
              const bias = tf.tensor1d(seededUniform(n, seed++));
              // The explicit form transposes on the backend first, then multiplies untransposed.
              const [x, y, flagA, flagB] = explicit ? [ta ? tf.transpose(a, [0, 2, 1]) : a, tb ? tf.transpose(b, [0, 2, 1]) : b, false, false] : [a, b, ta, tb];
              const out = fused ? tf.fused.matMul({ a: x, b: y, transposeA: flagA, transposeB: flagB, bias, activation: 'relu' }) : tf.matMul(x, y, flagA, flagB);
              results.push(out.dataSync() as Float32Array);
            }
          }
          return results;
        });
      await useBackend('cpu');
      const expected = run(false);
      await useBackend('wasm');
      const before = tf.memory().numTensors;
      const inPlace = run(false);
      const copies = run(true);
      expect(tf.memory().numTensors).toBe(before);
      inPlace.forEach((v, i) => {
        expect(Array.from(v)).toEqual(Array.from(copies[i]!));
        expect(relativeError(v, expected[i]!)).toBeLessThanOrEqual(1e-5);
      });
    });
  }

  it('propagates NaN through ReLU, as the cpu backend does', async () => {
    await useBackend('wasm');
    for (const n of [8, 4, 3, 1]) {
      const out = tf.tidy(() => {
        const a = tf.tensor2d([Number.NaN, 1, 1, 1], [4, 1]);
        return tf.fused.matMul({ a, b: tf.ones([1, n]), activation: 'relu' }).dataSync();
      });
      expect(Number.isNaN(out[0])).toBe(true);
      expect(out[n]).toBe(1);
    }
  });

  it('leaves activations it does not fuse (elu, prelu) to the stock kernel', async () => {
    const run = (): Float32Array[] =>
      tf.tidy(() => {
        const a = tf.tensor2d(seededUniform(5 * 6, 1), [5, 6]);
        const b = tf.tensor2d(seededUniform(6 * 9, 2), [6, 9]);
        return [
          tf.fused.matMul({ a, b, activation: 'elu' }).dataSync() as Float32Array,
          tf.fused.matMul({ a, b, activation: 'prelu', preluActivationWeights: tf.fill([9], 0.1) }).dataSync() as Float32Array,
        ];
      });
    await useBackend('cpu');
    const expected = run();
    await useBackend('wasm');
    run().forEach((v, i) => expect(relativeError(v, expected[i]!)).toBeLessThanOrEqual(1e-5));
  });
});
