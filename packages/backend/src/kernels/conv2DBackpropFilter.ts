import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { WASM, disposeInfo, runWasmKernel } from '../internal/wasmKernels.js';
import { columnsReady, filterGradByColumns } from './convColumns.js';

/**
 * Whether the filter gradient takes the column form ({@link filterGradByColumns}:
 * im2col and one GEMM on gankit's SIMD module) rather than XNNPACK's
 * convolution with the batch as its channels. Measured side by side on one
 * thread: the column form took 0.41–0.60 of the time at translation's batch-4
 * layers (3×3, 16–64 channels), 0.90 at DCGAN's 14²×64 → 7²×128 layer (batch
 * 64), and 1.23 at a 16 → 3 channel 7×7 output layer, where the GEMM is only 3
 * columns wide: so with fewer than 8 output channels XNNPACK keeps it unless
 * the input has fewer than 8 channels too (XNNPACK then has only C_in·k_h·k_w
 * output pixels).
 */
function useColumns(info: tf.backend_util.Conv2DInfo): boolean {
  return info.inChannels < 8 || info.outChannels >= 8;
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
  if (useColumns(info) && columnsReady(backend, info, x, dy)) {
    const dw = filterGradByColumns(backend, x, dy, info);
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
