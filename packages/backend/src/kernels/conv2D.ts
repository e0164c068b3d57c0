import * as tf from '@tensorflow/tfjs';
import { runStock, wasmOverride } from '../internal/wasmKernels.js';
import type { WasmKernelArgs } from '../internal/wasmKernels.js';
import { columnFloats, columnsReady, convByColumns } from './convColumns.js';

/** The column matrix (B·OH·OW × k_h·k_w·C_in floats) above which XNNPACK's convolution is used. */
const COLUMNS_MAX_FLOATS = 1 << 20;

/**
 * Wraps wasm's `Conv2D` or `FusedConv2D`: a channels-last, undilated
 * float32 convolution with C_in ≥ 8 and C_out ≥ 8, no activation or ReLU,
 * and a column matrix of at most 2²⁰ floats runs as im2col and one GEMM on
 * gankit's SIMD module ({@link convByColumns}), the bias and ReLU fused into
 * the GEMM; everything else runs the stock XNNPACK kernel.
 *
 *   y[b, i, j, o] = act(Σ_{p, q, c} x[b, i·s_h + p − p_t, j·s_w + q − p_l, c] · W[p, q, c, o] + bias[o])
 *
 * tfjs-wasm builds an XNNPACK convolution operator per filter tensor and
 * packs the filter into it; in training every step's filter is a new tensor,
 * so small layers pay that packing on every call. The GEMM reads W in place.
 * Measured side by side on one thread, each call on a new filter tensor as in
 * training, with bias and ReLU: 0.70–0.71 of XNNPACK's time at translation's
 * batch-4 9²×64 → 7²×64 and 14²×32 → 7²×64 layers, 0.87 at 16²×64 → 16²×64,
 * and 0.99–1.08 (no gain) at 32²×32 → 32²×64 and at a 3-channel 7×7 input
 * layer, which the bounds leave to XNNPACK.
 */
export function conv2DConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return wasmOverride(stock, (args: WasmKernelArgs): tf.TensorInfo => {
    const { inputs, backend, attrs } = args;
    const x = inputs['x'] as tf.TensorInfo;
    const filter = inputs['filter'] as tf.TensorInfo;
    const bias = (inputs['bias'] ?? undefined) as tf.TensorInfo | undefined;
    const { strides, pad, dataFormat, dilations, dimRoundingMode, activation } = attrs as unknown as tf.FusedConv2DAttrs;
    const act = activation ?? 'linear';
    if ((act !== 'linear' && act !== 'relu') || inputs['preluActivationWeights'] != null) return runStock(stock, args);
    const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
    if (format !== 'channelsLast' || x.shape.length !== 4) return runStock(stock, args);
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      strides,
      dilations ?? 1,
      pad,
      dimRoundingMode,
      false,
      format,
    );
    const tensors = bias === undefined ? [x, filter] : [x, filter, bias];
    if (info.inChannels < 8 || info.outChannels < 8 || columnFloats(info) > COLUMNS_MAX_FLOATS || !columnsReady(backend, info, ...tensors)) return runStock(stock, args);
    if (bias !== undefined && tf.util.sizeFromShape(bias.shape) !== info.outChannels) return runStock(stock, args);
    return convByColumns(backend, x, filter, bias, act === 'relu', info) ?? runStock(stock, args);
  });
}
