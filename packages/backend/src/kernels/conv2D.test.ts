import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import type { ConvCase as Case } from './convCase.fixture.js';

// C_in ≥ 8, C_out ≥ 8 and small: the column form; the others: XNNPACK (the stock kernel).
const cases: Case[] = [
  { name: 'columns: resnet 3x3 s1 valid', x: [3, 9, 9, 8], k: [3, 3], outC: 12, strides: [1, 1], pad: 'valid' },
  { name: 'columns: 3x3 s2 same, odd size', x: [2, 13, 11, 9], k: [3, 3], outC: 8, strides: [2, 2], pad: 'same' },
  { name: 'columns: 4x3 kernel, strides 2×3, explicit padding wider than the window', x: [2, 7, 8, 10], k: [4, 3], outC: 9, strides: [2, 3], pad: [[0, 0], [5, 1], [3, 4], [0, 0]] },
  { name: 'stock: 3 input channels', x: [2, 12, 12, 3], k: [7, 7], outC: 16, strides: [1, 1], pad: 'valid' },
  { name: 'stock: 3 output channels', x: [2, 12, 12, 16], k: [7, 7], outC: 3, strides: [1, 1], pad: 'valid' },
];

function run(c: Case, xVals: Float32Array, wVals: Float32Array, bVals: Float32Array, activation: 'linear' | 'relu' | 'elu' | undefined): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(xVals, c.x);
    const filter = tf.tensor4d(wVals, [c.k[0], c.k[1], c.x[3], c.outC]);
    const y = activation === undefined ? tf.conv2d(x, filter, c.strides, c.pad) : tf.fused.conv2d({ x, filter, strides: c.strides, pad: c.pad, bias: tf.tensor1d(bVals), activation });
    return y.dataSync() as Float32Array;
  });
}

describe('wasm Conv2D and FusedConv2D (column form or XNNPACK) match the cpu backend', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  for (const [i, c] of cases.entries()) {
    for (const activation of [undefined, 'linear', 'relu', 'elu'] as const) {
      it(`${c.name}, ${activation === undefined ? 'Conv2D' : `FusedConv2D with bias and ${activation}`}: relative error ≤ 1e-5`, async () => {
        const xVals = seededUniform(tf.util.sizeFromShape(c.x), 500 + i);
        const wVals = seededUniform(c.k[0] * c.k[1] * c.x[3] * c.outC, 600 + i);
        const bVals = seededUniform(c.outC, 700 + i);
        await useBackend('cpu');
        const expected = run(c, xVals, wVals, bVals, activation);
        await useBackend('wasm');
        const before = tf.memory().numTensors;
        const actual = run(c, xVals, wVals, bVals, activation);
        expect(tf.memory().numTensors).toBe(before);
        expect(actual.length).toBe(expected.length);
        expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-5);
        if (activation === 'relu') expect(Math.min(...actual)).toBe(0);
      });
    }
  }
});
