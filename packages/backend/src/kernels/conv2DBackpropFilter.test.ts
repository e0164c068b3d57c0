import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import type { ConvCase as Case } from './convCase.fixture.js';

const cases: Case[] = [
  { name: '3x3 s1 same, batch 2, 3→4 ch', x: [2, 9, 9, 3], k: [3, 3], outC: 4, strides: [1, 1], pad: 'same' },
  { name: '3x3 s1 valid', x: [2, 9, 9, 3], k: [3, 3], outC: 4, strides: [1, 1], pad: 'valid' },
  { name: '3x3 s2 same', x: [2, 9, 9, 3], k: [3, 3], outC: 4, strides: [2, 2], pad: 'same' },
  { name: '3x3 s2 valid (unused last row/col)', x: [2, 10, 10, 3], k: [3, 3], outC: 4, strides: [2, 2], pad: 'valid' },
  { name: '3x3 s3 same', x: [3, 11, 11, 2], k: [3, 3], outC: 5, strides: [3, 3], pad: 'same' },
  { name: '2x2 s3 valid (gaps between taps)', x: [2, 11, 11, 2], k: [2, 2], outC: 3, strides: [3, 3], pad: 'valid' },
  { name: '4x4 s2 same on odd size (asymmetric same padding)', x: [2, 7, 7, 3], k: [4, 4], outC: 2, strides: [2, 2], pad: 'same' },
  { name: 'rectangular kernel, mixed strides', x: [2, 8, 11, 3], k: [3, 2], outC: 4, strides: [1, 2], pad: 'same' },
  { name: 'explicit asymmetric padding', x: [2, 8, 8, 2], k: [3, 3], outC: 3, strides: [2, 1], pad: [[0, 0], [1, 2], [0, 1], [0, 0]] },
  { name: 'batch 1, 1 channel in and out', x: [1, 6, 6, 1], k: [3, 3], outC: 1, strides: [1, 1], pad: 'same' },
  { name: 'many channels 16→8', x: [2, 6, 6, 16], k: [3, 3], outC: 8, strides: [2, 2], pad: 'same' },
  { name: 'DCGAN D first layer 5x5 s2 same, 28×28×1→64', x: [4, 28, 28, 1], k: [5, 5], outC: 64, strides: [2, 2], pad: 'same' },
  { name: 'DCGAN D second layer 5x5 s2 same, 14×14×64→128', x: [2, 14, 14, 64], k: [5, 5], outC: 128, strides: [2, 2], pad: 'same' },
  // C_in ≥ 8: the column form when C_out ≥ 8, XNNPACK below.
  { name: 'columns, C_in ≥ 8: 3x4 kernel, strides 2×1, explicit padding', x: [2, 9, 8, 8], k: [3, 4], outC: 8, strides: [2, 1], pad: [[0, 0], [1, 2], [2, 0], [0, 0]] },
  { name: 'columns, C_in ≥ 8: padding wider than the window', x: [2, 6, 7, 9], k: [3, 3], outC: 10, strides: [2, 2], pad: [[0, 0], [3, 0], [4, 2], [0, 0]] },
  { name: 'columns, C_in ≥ 8: resnet block 3x3 s1 valid', x: [3, 9, 9, 12], k: [3, 3], outC: 12, strides: [1, 1], pad: 'valid' },
  { name: 'XNNPACK: 16 → 3 channels, 7x7 valid', x: [2, 12, 12, 16], k: [7, 7], outC: 3, strides: [1, 1], pad: 'valid' },
  { name: 'kernel as large as the input', x: [2, 5, 5, 2], k: [5, 5], outC: 2, strides: [1, 1], pad: 'valid' },
];

function filterGradient(c: Case, xVals: Float32Array, dyVals: Float32Array, dyShape: number[]): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(xVals, c.x);
    const dy = tf.tensor(dyVals, dyShape);
    const out = tf.engine().runKernel(
      tf.Conv2DBackpropFilter,
      { x, dy },
      { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: [c.k[0], c.k[1], c.x[3], c.outC] } as unknown as tf.NamedAttrMap,
    ) as tf.Tensor;
    return out.dataSync() as Float32Array;
  });
}

describe('wasm Conv2DBackpropFilter matches the cpu backend', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  for (const [i, c] of cases.entries()) {
    it(`${c.name}: relative error ≤ 1e-4`, async () => {
      const filterShape: [number, number, number, number] = [c.k[0], c.k[1], c.x[3], c.outC];
      const convInfo = tf.backend_util.computeConv2DInfo(c.x, filterShape, c.strides, 1, c.pad);
      const dyShape = convInfo.outShape;
      const xVals = seededUniform(tf.util.sizeFromShape(c.x), 100 + i);
      const dyVals = seededUniform(tf.util.sizeFromShape(dyShape), 200 + i);
      await useBackend('cpu');
      const expected = filterGradient(c, xVals, dyVals, dyShape);
      await useBackend('wasm');
      const before = tf.memory().numTensors;
      const actual = filterGradient(c, xVals, dyVals, dyShape);
      expect(tf.memory().numTensors).toBe(before);
      expect(actual.length).toBe(tf.util.sizeFromShape(filterShape));
      expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-4);
    });
  }

  it('the gradients of conv2d and conv2dTranspose with respect to their filters match cpu', async () => {
    const x = seededUniform(2 * 7 * 7 * 3, 1);
    const f = seededUniform(3 * 3 * 3 * 4, 2);
    const ft = seededUniform(3 * 3 * 2 * 3, 3);
    const run = (): Float32Array[] =>
      tf.tidy(() => {
        const xs = tf.tensor4d(x, [2, 7, 7, 3]);
        const g = tf.grads((w: tf.Tensor) => tf.conv2d(xs, w as tf.Tensor4D, 2, 'same').square().sum());
        const gt = tf.grads((w: tf.Tensor) =>
          tf.conv2dTranspose(xs, w as tf.Tensor4D, [2, 14, 14, 2], 2, 'same').square().sum(),
        );
        const [dw] = g([tf.tensor4d(f, [3, 3, 3, 4])]);
        const [dwt] = gt([tf.tensor4d(ft, [3, 3, 2, 3])]);
        return [dw!.dataSync() as Float32Array, dwt!.dataSync() as Float32Array];
      });
    await useBackend('cpu');
    const [cpuConv, cpuConvT] = run();
    await useBackend('wasm');
    const [wasmConv, wasmConvT] = run();
    expect(relativeError(wasmConv!, cpuConv!)).toBeLessThanOrEqual(1e-4);
    expect(relativeError(wasmConvT!, cpuConvT!)).toBeLessThanOrEqual(1e-4);
  });
});
