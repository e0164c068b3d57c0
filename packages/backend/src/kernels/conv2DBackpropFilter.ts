import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { WASM, disposeInfo, heapF32, runWasmKernel } from '../internal/wasmKernels.js';
import { gemmMatMul, gemmReady } from './gemm.js';

/** Below this many input channels the filter gradient takes the column form (XNNPACK's convolution has only C_in·k_h·k_w output pixels then). */
const COLUMN_MAX_CHANNELS = 8;

/**
 * The column form: with X̃[(p, q, c), (b, i, j)] = x[b, i·s_h + p − p_t, j·s_w + q − p_l, c]
 * (0 outside the image), the transposed im2col matrix, the filter gradient is
 * one GEMM,
 *
 *   ∂L/∂W[(p, q, c), o] = Σ_{(b, i, j)} X̃[(p, q, c), (b, i, j)] · dy[(b, i, j), o],
 *
 * on gankit's SIMD kernel; undefined when that is not loaded. At the DCGAN
 * critic's first layer (28²×1 → 14²×64, 5×5/2, batch 64) the convolution
 * form took 10–24 ms on one thread for 20M multiply-adds.
 */
function byColumns(backend: BackendWasm, x: tf.TensorInfo, dy: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): tf.TensorInfo | undefined {
  if (x.dtype !== 'float32' || dy.dtype !== 'float32' || !gemmReady(backend)) return undefined;
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co, batchSize } = info;
  const { outHeight: oh, outWidth: ow, inHeight: h, inWidth: w } = info;
  const pt = info.padInfo.top;
  const pl = info.padInfo.left;
  const n = batchSize * oh * ow;
  const taps = kh * kw * ci;
  const cols = backend.makeOutput([taps, n], 'float32');
  try {
    const cv = heapF32(backend, cols);
    const xv = heapF32(backend, x);
    for (let p = 0; p < kh; p++) {
      for (let q = 0; q < kw; q++) {
        for (let c = 0; c < ci; c++) {
          let to = ((p * kw + q) * ci + c) * n;
          for (let b = 0; b < batchSize; b++) {
            for (let i = 0; i < oh; i++) {
              const row = i * sh + p - pt;
              if (row < 0 || row >= h) {
                cv.fill(0, to, to + ow);
                to += ow;
                continue;
              }
              const base = (b * h + row) * w;
              for (let j = 0; j < ow; j++) {
                const col = j * sw + q - pl;
                cv[to++] = col < 0 || col >= w ? 0 : xv[(base + col) * ci + c]!;
              }
            }
          }
        }
      }
    }
    const dw = gemmMatMul(backend, cols, { dataId: dy.dataId, shape: [n, co], dtype: 'float32' }, undefined, false);
    if (dw === undefined) return undefined;
    // [k_h·k_w·C_in, C_out] is the filter's own layout: only the shape changes.
    return { dataId: dw.dataId, shape: [kh, kw, ci, co], dtype: 'float32' };
  } finally {
    disposeInfo(backend, cols);
  }
}

/**
 * `Conv2DBackpropFilter` for the wasm backend, which ships without it (so no
 * convolution or transposed convolution could train on wasm).
 *
 * For a forward convolution y = conv2d(x, W) with strides (s_h, s_w), padding
 * (p_t, p_l) and no dilation,
 *
 *   y[b,i,j,o] = Σ_{p,q,c} x[b, i·s_h + p − p_t, j·s_w + q − p_l, c] · W[p,q,c,o]
 *
 * so the filter gradient is
 *
 *   ∂L/∂W[p,q,c,o] = Σ_{b,i,j} x[b, p + i·s_h − p_t, q + j·s_w − p_l, c] · dy[b,i,j,o].
 *
 * Read with c as the batch, b as the input channel and (i, j) as the filter tap,
 * that is a stride-1 convolution of x' = transpose(x, [3,1,2,0]) (shape
 * [C, H, W, B]) with the filter dy' = transpose(dy, [1,2,0,3]) (shape
 * [OH, OW, B, O]) dilated by the forward stride; its output has shape
 * [C, KH, KW, O] and is transposed back to [KH, KW, C, O]. The convolution runs
 * in wasm's XNNPACK-backed `Conv2D` kernel. The bottom/right padding is chosen
 * so the output is exactly KH × KW; rows and columns the forward convolution
 * never reads are cropped off first.
 */
function conv2DBackpropFilter(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: BackendWasm;
  attrs: tf.NamedAttrMap;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs['x'] as tf.TensorInfo;
  const dy = inputs['dy'] as tf.TensorInfo;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (tf.backend_util.convertConv2DDataFormat(dataFormat) !== 'channelsLast') {
    throw new Error(`@gankit/backend: wasm Conv2DBackpropFilter supports dataFormat 'NHWC' only, got '${dataFormat}'`);
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  if (info.inChannels < COLUMN_MAX_CHANNELS) {
    const dw = byColumns(backend, x, dy, info);
    if (dw !== undefined) return dw;
  }
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
  const { outHeight: oh, outWidth: ow, inHeight: h, inWidth: w } = info;
  const padTop = info.padInfo.top;
  const padLeft = info.padInfo.left;
  // Rows the forward convolution can read: [−padTop, (oh − 1)·sh + kh − 1 − padTop].
  const lastRow = (oh - 1) * sh + kh - 1 - padTop;
  const lastCol = (ow - 1) * sw + kw - 1 - padLeft;
  const padBottom = lastRow - (h - 1);
  const padRight = lastCol - (w - 1);

  const temps: tf.TensorInfo[] = [];
  let xUsed = x;
  if (padBottom < 0 || padRight < 0) {
    const size = [x.shape[0]!, padBottom < 0 ? h + padBottom : h, padRight < 0 ? w + padRight : w, x.shape[3]!];
    xUsed = runWasmKernel(backend, tf.Slice, { x }, { begin: [0, 0, 0, 0], size });
    temps.push(xUsed);
  }
  const xT = runWasmKernel(backend, tf.Transpose, { x: xUsed }, { perm: [3, 1, 2, 0] });
  temps.push(xT);
  const dyT = runWasmKernel(backend, tf.Transpose, { x: dy }, { perm: [1, 2, 0, 3] });
  temps.push(dyT);
  const explicitPad = [
    [0, 0],
    [padTop, Math.max(padBottom, 0)],
    [padLeft, Math.max(padRight, 0)],
    [0, 0],
  ];
  const z = runWasmKernel(
    backend,
    tf.Conv2D,
    { x: xT, filter: dyT },
    { strides: [1, 1], pad: explicitPad, dataFormat: 'NHWC', dilations: [sh, sw], dimRoundingMode: undefined },
  );
  temps.push(z);
  const dw = runWasmKernel(backend, tf.Transpose, { x: z }, { perm: [1, 2, 0, 3] });
  for (const t of temps) disposeInfo(backend, t);
  return dw;
}

/** Kernel registration for {@link conv2DBackpropFilter} on wasm. */
export const conv2DBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: WASM,
  kernelFunc: conv2DBackpropFilter as unknown as tf.KernelFunc,
};
