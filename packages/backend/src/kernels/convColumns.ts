import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { disposeInfo } from '../internal/wasmKernels.js';
import { gemmMatMul, gemmReady } from './gemm.js';
import { heapOffset, simdKernels } from './simdModule.js';

/**
 * The geometry both column kernels take, from a channels-last, undilated
 * `Conv2DInfo`: x (the forward convolution's input) is [batch, h, w, ci] and
 * the output oh × ow, with a kh × kw window, strides (sh, sw) and padding
 * (pt, pl) before.
 */
function geometry(info: tf.backend_util.Conv2DInfo): [number, number, number, number, number, number, number, number, number, number, number, number] {
  return [
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
    info.outHeight,
    info.outWidth,
  ];
}

/** The column matrix's size, B·OH·OW × k_h·k_w·C_in floats: what bounds where the column forms pay. */
export function columnFloats(info: tf.backend_util.Conv2DInfo): number {
  return info.batchSize * info.outHeight * info.outWidth * info.filterHeight * info.filterWidth * info.inChannels;
}

/** Whether the column form applies: SIMD kernels loaded, float32, channels last, no dilation. */
export function columnsReady(backend: BackendWasm, info: tf.backend_util.Conv2DInfo, ...tensors: tf.TensorInfo[]): boolean {
  return (
    gemmReady(backend) &&
    info.dataFormat === 'channelsLast' &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    tensors.every((t) => t.dtype === 'float32')
  );
}

/**
 * The filter gradient of a channels-last convolution as one GEMM over its
 * column matrix (im2col, in gankit's SIMD module):
 *
 *   cols[(b, i, j), (p, q, c)] = x[b, i·s_h + p − p_t, j·s_w + q − p_l, c]   (0 outside the image)
 *   ∂L/∂W[(p, q, c), o] = Σ_{(b, i, j)} cols[(b, i, j), (p, q, c)] · dy[(b, i, j), o] = (colsᵀ·dy)[(p, q, c), o]
 *
 * The product reads cols transposed in place. [k_h·k_w·C_in, C_out] is the
 * filter's own layout, so only the shape changes. Undefined when the SIMD
 * module is not loaded (check {@link columnsReady} first).
 */
export function filterGradByColumns(backend: BackendWasm, x: tf.TensorInfo, dy: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): tf.TensorInfo | undefined {
  const simd = simdKernels(backend);
  if (simd === undefined) return undefined;
  const { batchSize, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co } = info;
  const n = batchSize * oh * ow;
  if (n === 0 || kh * kw * ci === 0 || co === 0) return undefined;
  const cols = backend.makeOutput([n, kh * kw * ci], 'float32');
  try {
    simd.im2col(heapOffset(backend, x), heapOffset(backend, cols), ...geometry(info));
    const dw = gemmMatMul(backend, cols, { dataId: dy.dataId, shape: [n, co], dtype: 'float32' }, undefined, false, true, false);
    return dw === undefined ? undefined : { dataId: dw.dataId, shape: [kh, kw, ci, co], dtype: 'float32' };
  } finally {
    disposeInfo(backend, cols);
  }
}

/**
 * The input gradient of a channels-last convolution (the forward pass of a
 * transposed one) as one GEMM and a scatter-add (col2im, in gankit's SIMD
 * module): dy, read as [B·OH·OW, C_out], times Wᵀ (W read as
 * [k_h·k_w·C_in, C_out], transposed in place) gives every tap's share,
 *
 *   cols[(b, i, j), (p, q, c)] = Σ_o dy[b, i, j, o] · W[p, q, c, o]
 *   dx[b, i·s_h + p − p_t, j·s_w + q − p_l, c] += cols[(b, i, j), (p, q, c)]   (inside the image)
 *
 * added in ascending (b, i, j, p, q) order. It does exactly the forward
 * convolution's multiply-adds: none for padding or inserted zeros. Undefined
 * when the SIMD module is not loaded (check {@link columnsReady} first).
 */
export function inputGradByColumns(backend: BackendWasm, dy: tf.TensorInfo, filter: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): tf.TensorInfo | undefined {
  const simd = simdKernels(backend);
  if (simd === undefined) return undefined;
  const { batchSize, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co, inHeight, inWidth } = info;
  const taps = kh * kw * ci;
  if (batchSize * oh * ow === 0 || taps === 0 || co === 0) return undefined;
  const cols = gemmMatMul(
    backend,
    { dataId: dy.dataId, shape: [batchSize * oh * ow, co], dtype: 'float32' },
    { dataId: filter.dataId, shape: [taps, co], dtype: 'float32' },
    undefined,
    false,
    false,
    true,
  );
  if (cols === undefined) return undefined;
  try {
    const dx = backend.makeOutput([batchSize, inHeight, inWidth, ci], 'float32');
    simd.col2im(heapOffset(backend, cols), heapOffset(backend, dx), ...geometry(info));
    return dx;
  } finally {
    disposeInfo(backend, cols);
  }
}

/**
 * A channels-last convolution's forward pass as im2col and one GEMM with the
 * bias and ReLU fused:
 *
 *   y[(b, i, j), o] = act(Σ_{(p, q, c)} cols[(b, i, j), (p, q, c)] · W[(p, q, c), o] + bias[o])
 *
 * W is read in place as [k_h·k_w·C_in, C_out]. Undefined when the SIMD module
 * is not loaded (check {@link columnsReady} first).
 */
export function convByColumns(backend: BackendWasm, x: tf.TensorInfo, filter: tf.TensorInfo, bias: tf.TensorInfo | undefined, relu: boolean, info: tf.backend_util.Conv2DInfo): tf.TensorInfo | undefined {
  const simd = simdKernels(backend);
  if (simd === undefined) return undefined;
  const { batchSize, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co } = info;
  const n = batchSize * oh * ow;
  const taps = kh * kw * ci;
  if (n === 0 || taps === 0 || co === 0) return undefined;
  const cols = backend.makeOutput([n, taps], 'float32');
  try {
    simd.im2col(heapOffset(backend, x), heapOffset(backend, cols), ...geometry(info));
    const y = gemmMatMul(backend, cols, { dataId: filter.dataId, shape: [taps, co], dtype: 'float32' }, bias, relu);
    return y === undefined ? undefined : { dataId: y.dataId, shape: [batchSize, oh, ow, co], dtype: 'float32' };
  } finally {
    disposeInfo(backend, cols);
  }
}
