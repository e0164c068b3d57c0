import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';

interface Case {
  name: string;
  x: [number, number, number, number];
  k: [number, number];
  mult: number;
  strides: [number, number];
  dilations: [number, number];
  pad: 'same' | 'valid';
}

const cases: Case[] = [
  { name: '3x3 s1 same, multiplier 1', x: [2, 7, 7, 3], k: [3, 3], mult: 1, strides: [1, 1], dilations: [1, 1], pad: 'same' },
  { name: '3x3 s2 valid, multiplier 2', x: [2, 9, 9, 2], k: [3, 3], mult: 2, strides: [2, 2], dilations: [1, 1], pad: 'valid' },
  { name: '2x2 s3 same, batch 1, 1 channel', x: [1, 8, 8, 1], k: [2, 2], mult: 3, strides: [3, 3], dilations: [1, 1], pad: 'same' },
];

describe('wasm depthwise convolution backprops match the cpu backend', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  for (const [i, c] of cases.entries()) {
    it(`${c.name}: filter and input gradients, relative error ≤ 1e-4`, async () => {
      const filterShape: [number, number, number, number] = [c.k[0], c.k[1], c.x[3], c.mult];
      const info = tf.backend_util.computeConv2DInfo(c.x, filterShape, c.strides, c.dilations, c.pad, undefined, true);
      const xVals = seededUniform(tf.util.sizeFromShape(c.x), 10 + i);
      const fVals = seededUniform(tf.util.sizeFromShape(filterShape), 20 + i);
      const dyVals = seededUniform(tf.util.sizeFromShape(info.outShape), 30 + i);
      const attrs = { strides: c.strides, dilations: c.dilations, pad: c.pad, dimRoundingMode: undefined };
      const run = (): [Float32Array, Float32Array] =>
        tf.tidy(() => {
          const x = tf.tensor4d(xVals, c.x);
          const dy = tf.tensor(dyVals, info.outShape);
          const filter = tf.tensor4d(fVals, filterShape);
          const dw = tf.engine().runKernel(tf.DepthwiseConv2dNativeBackpropFilter, { x, dy }, { ...attrs, filterShape } as unknown as tf.NamedAttrMap) as tf.Tensor;
          const dx = tf.engine().runKernel(tf.DepthwiseConv2dNativeBackpropInput, { dy, filter }, { ...attrs, inputShape: c.x } as unknown as tf.NamedAttrMap) as tf.Tensor;
          return [dw.dataSync() as Float32Array, dx.dataSync() as Float32Array];
        });
      await useBackend('cpu');
      const [dwCpu, dxCpu] = run();
      await useBackend('wasm');
      const [dwWasm, dxWasm] = run();
      expect(relativeError(dwWasm, dwCpu)).toBeLessThanOrEqual(1e-4);
      expect(relativeError(dxWasm, dxCpu)).toBeLessThanOrEqual(1e-4);
    });
  }

  it('with dilation 2 (which the cpu kernel ignores), both gradients are the adjoints of the forward op', async () => {
    // The forward op is linear in x and in W, so for any U, V:
    //   ⟨∂L/∂W, V⟩ = Σ dy ⊙ depthwise(x, V),   ⟨∂L/∂x, U⟩ = Σ dy ⊙ depthwise(U, W).
    await useBackend('wasm');
    const xShape: [number, number, number, number] = [2, 8, 8, 3];
    const fShape: [number, number, number, number] = [3, 3, 3, 2];
    const attrs = { strides: [1, 1], dilations: [2, 2], pad: 'same', dimRoundingMode: undefined };
    const [lhsW, rhsW, lhsX, rhsX] = tf.tidy(() => {
      const x = tf.tensor4d(seededUniform(2 * 8 * 8 * 3, 41), xShape);
      const w = tf.tensor4d(seededUniform(54, 42), fShape);
      const u = tf.tensor4d(seededUniform(2 * 8 * 8 * 3, 43), xShape);
      const v = tf.tensor4d(seededUniform(54, 44), fShape);
      const dy = tf.tensor4d(seededUniform(2 * 8 * 8 * 6, 45), [2, 8, 8, 6]);
      const fwd = (a: tf.Tensor4D, b: tf.Tensor4D): tf.Tensor4D => tf.depthwiseConv2d(a, b, 1, 'same', 'NHWC', 2);
      const dw = tf.engine().runKernel(tf.DepthwiseConv2dNativeBackpropFilter, { x, dy }, { ...attrs, filterShape: fShape } as unknown as tf.NamedAttrMap) as tf.Tensor;
      const dx = tf.engine().runKernel(tf.DepthwiseConv2dNativeBackpropInput, { dy, filter: w }, { ...attrs, inputShape: xShape } as unknown as tf.NamedAttrMap) as tf.Tensor;
      return [
        tf.sum(tf.mul(dw, v)).dataSync()[0]!,
        tf.sum(tf.mul(dy, fwd(x, v))).dataSync()[0]!,
        tf.sum(tf.mul(dx, u)).dataSync()[0]!,
        tf.sum(tf.mul(dy, fwd(u, w))).dataSync()[0]!,
      ];
    });
    expect(Math.abs(lhsW - rhsW) / Math.abs(rhsW)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(lhsX - rhsX) / Math.abs(rhsX)).toBeLessThanOrEqual(1e-4);
  });
});
