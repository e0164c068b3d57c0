import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import type { ConvCase as Case } from './convCase.fixture.js';

const cases: Case[] = [
  { name: '3x3 s1 same', x: [2, 7, 7, 3], k: [3, 3], outC: 4, strides: [1, 1], pad: 'same' },
  { name: '3x3 s1 valid', x: [2, 7, 7, 3], k: [3, 3], outC: 4, strides: [1, 1], pad: 'valid' },
  { name: '3x3 s2 same, odd size', x: [2, 9, 9, 3], k: [3, 3], outC: 4, strides: [2, 2], pad: 'same' },
  { name: '4x4 s2 same, even size', x: [2, 8, 8, 3], k: [4, 4], outC: 5, strides: [2, 2], pad: 'same' },
  { name: '3x3 s2 valid, rows never reached', x: [2, 10, 10, 2], k: [3, 3], outC: 3, strides: [2, 2], pad: 'valid' },
  { name: '2x2 s3 valid (gaps)', x: [2, 11, 11, 2], k: [2, 2], outC: 3, strides: [3, 3], pad: 'valid' },
  { name: '5x5 s3 same', x: [1, 10, 10, 2], k: [5, 5], outC: 3, strides: [3, 3], pad: 'same' },
  { name: 'rectangular 3x5 kernel s2 same', x: [2, 8, 9, 2], k: [3, 5], outC: 3, strides: [2, 2], pad: 'same' },
  { name: 'explicit asymmetric padding s2', x: [2, 8, 8, 2], k: [3, 3], outC: 3, strides: [2, 2], pad: [[0, 0], [2, 1], [0, 2], [0, 0]] },
  { name: 'unequal strides (column form)', x: [2, 8, 9, 2], k: [3, 3], outC: 3, strides: [1, 2], pad: 'same' },
  { name: 'batch 1, 1 channel each way', x: [1, 6, 6, 1], k: [3, 3], outC: 1, strides: [2, 2], pad: 'same' },
  // s²·C_in < 8 or unequal strides: one GEMM and a scatter-add (col2im).
  { name: 'columns: 1 channel, 3x3 s2 valid', x: [2, 9, 9, 1], k: [3, 3], outC: 5, strides: [2, 2], pad: 'valid' },
  { name: 'columns: 1 channel, 2x2 s3 valid (gaps)', x: [2, 11, 11, 1], k: [2, 2], outC: 4, strides: [3, 3], pad: 'valid' },
  { name: 'columns: unequal strides 2x3, explicit padding', x: [2, 9, 10, 3], k: [3, 4], outC: 4, strides: [2, 3], pad: [[0, 0], [1, 2], [2, 0], [0, 0]] },
  { name: 'columns: 1 channel, 5x5 s1 same', x: [2, 6, 6, 1], k: [5, 5], outC: 3, strides: [1, 1], pad: 'same' },
  // C_in ≥ 8: one convolution per phase with only its own taps.
  { name: 'by phase: 3x3 s2 same, odd size', x: [2, 9, 9, 8], k: [3, 3], outC: 5, strides: [2, 2], pad: 'same' },
  { name: 'by phase: 4x4 s2 same, even size', x: [2, 8, 8, 9], k: [4, 4], outC: 6, strides: [2, 2], pad: 'same' },
  { name: 'by phase: 3x3 s2 valid, rows never reached', x: [2, 10, 10, 8], k: [3, 3], outC: 3, strides: [2, 2], pad: 'valid' },
  { name: 'by phase: 2x2 s3 valid (phases without taps)', x: [2, 11, 11, 8], k: [2, 2], outC: 3, strides: [3, 3], pad: 'valid' },
  { name: 'by phase: rectangular 3x5 kernel s2 same', x: [2, 8, 9, 10], k: [3, 5], outC: 3, strides: [2, 2], pad: 'same' },
  { name: 'by phase: explicit asymmetric padding s2', x: [2, 8, 8, 8], k: [3, 3], outC: 3, strides: [2, 2], pad: [[0, 0], [2, 1], [0, 2], [0, 0]] },
  { name: 'by phase: padded far past the image (dy rows beyond every phase)', x: [2, 6, 7, 8], k: [3, 3], outC: 3, strides: [2, 2], pad: [[0, 0], [0, 5], [3, 4], [0, 0]] },
  { name: 'by phase: 5x5 s2 same, odd size (phases of unequal extent)', x: [2, 13, 11, 8], k: [5, 5], outC: 4, strides: [2, 2], pad: 'same' },
  { name: 'by phase: 5x5 s3 same', x: [1, 10, 10, 12], k: [5, 5], outC: 4, strides: [3, 3], pad: 'same' },
  { name: 'by phase: 3x3 s1 same (one phase)', x: [2, 7, 7, 8], k: [3, 3], outC: 4, strides: [1, 1], pad: 'same' },
  { name: 'by phase, stride 1 direct: 3x3 valid', x: [2, 7, 7, 8], k: [3, 3], outC: 4, strides: [1, 1], pad: 'valid' },
  { name: 'by phase, stride 1 direct: 4x2 kernel, explicit asymmetric padding', x: [2, 7, 6, 9], k: [4, 2], outC: 4, strides: [1, 1], pad: [[0, 0], [0, 3], [1, 0], [0, 0]] },
  { name: 'by phase, stride 1 padded beyond the kernel (interleaved)', x: [2, 6, 6, 8], k: [3, 3], outC: 4, strides: [1, 1], pad: [[0, 0], [3, 0], [0, 4], [0, 0]] },
  // C_out ≥ 8 and a small column matrix: the column form.
  { name: 'columns, C_out ≥ 8: resnet block 3x3 s1 valid', x: [3, 9, 9, 12], k: [3, 3], outC: 12, strides: [1, 1], pad: 'valid' },
  { name: 'columns, C_out ≥ 8: 3x3 s2 same', x: [2, 14, 14, 16], k: [3, 3], outC: 32, strides: [2, 2], pad: 'same' },
  { name: 'columns, C_out ≥ 8: padding wider than the window', x: [2, 6, 7, 9], k: [3, 3], outC: 10, strides: [2, 2], pad: [[0, 0], [3, 0], [4, 2], [0, 0]] },
  { name: 'DCGAN G convT1: 7²×128 → 14²×64, 5x5 s2', x: [4, 14, 14, 64], k: [5, 5], outC: 128, strides: [2, 2], pad: 'same' },
  { name: 'DCGAN G convT2: 14²×64 → 28²×1, 5x5 s2', x: [4, 28, 28, 1], k: [5, 5], outC: 64, strides: [2, 2], pad: 'same' },
];

function backpropInput(c: Case, dyVals: Float32Array, dyShape: number[], wVals: Float32Array): Float32Array {
  return tf.tidy(() => {
    const dy = tf.tensor(dyVals, dyShape);
    const filter = tf.tensor4d(wVals, [c.k[0], c.k[1], c.x[3], c.outC]);
    const out = tf.engine().runKernel(
      tf.Conv2DBackpropInput,
      { dy, filter },
      { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined, inputShape: c.x } as unknown as tf.NamedAttrMap,
    ) as tf.Tensor;
    return out.dataSync() as Float32Array;
  });
}

describe('wasm Conv2DBackpropInput (sub-pixel decomposition) matches the cpu backend', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  for (const [i, c] of cases.entries()) {
    it(`${c.name}: relative error ≤ 1e-4`, async () => {
      const filterShape: [number, number, number, number] = [c.k[0], c.k[1], c.x[3], c.outC];
      const dyShape = tf.backend_util.computeConv2DInfo(c.x, filterShape, c.strides, 1, c.pad).outShape;
      const dyVals = seededUniform(tf.util.sizeFromShape(dyShape), 300 + i);
      const wVals = seededUniform(tf.util.sizeFromShape(filterShape), 400 + i);
      await useBackend('cpu');
      const expected = backpropInput(c, dyVals, dyShape, wVals);
      await useBackend('wasm');
      const before = tf.memory().numTensors;
      const actual = backpropInput(c, dyVals, dyShape, wVals);
      expect(tf.memory().numTensors).toBe(before);
      expect(actual.length).toBe(tf.util.sizeFromShape(c.x));
      expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-4);
    });
  }

  it('conv2dTranspose and the input gradient of conv2d use it and match cpu', async () => {
    const x = seededUniform(2 * 5 * 5 * 4, 11);
    const w = seededUniform(3 * 3 * 2 * 4, 12);
    const run = (): Float32Array[] =>
      tf.tidy(() => {
        const xs = tf.tensor4d(x, [2, 5, 5, 4]);
        const ws = tf.tensor4d(w, [3, 3, 2, 4]);
        const y = tf.conv2dTranspose(xs, ws, [2, 10, 10, 2], 2, 'same');
        const dx = tf.grad((t: tf.Tensor) => tf.sum(tf.square(tf.conv2d(t as tf.Tensor4D, tf.transpose(ws, [0, 1, 3, 2]) as tf.Tensor4D, 2, 'same'))))(
          tf.tensor4d(seededUniform(2 * 10 * 10 * 4, 13), [2, 10, 10, 4]),
        );
        return [y.dataSync() as Float32Array, dx.dataSync() as Float32Array];
      });
    await useBackend('cpu');
    const [yCpu, dxCpu] = run();
    await useBackend('wasm');
    const [yWasm, dxWasm] = run();
    expect(relativeError(yWasm!, yCpu!)).toBeLessThanOrEqual(1e-4);
    expect(relativeError(dxWasm!, dxCpu!)).toBeLessThanOrEqual(1e-4);
  });
});
