import * as tf from '@tensorflow/tfjs';
import { disposeInfo, heapF32, runStock, runWasmKernel, wasmOverride } from '../internal/wasmKernels.js';
import type { WasmKernelArgs } from '../internal/wasmKernels.js';

/**
 * A fast `Conv2DBackpropInput` for wasm — the op behind every transposed
 * convolution's forward pass and every convolution's input gradient, which
 * tfjs-backend-wasm ships as a naive loop (the slowest op of a DCGAN step).
 *
 * Sub-pixel decomposition (Shi et al. 2016; the "deconvolution = s² stride-1
 * convolutions" identity). With stride s, padding (p_t, p_l) and a k_h × k_w
 * filter W[p, q, c, o],
 *
 *   dx[b, h, w, c] = Σ_{i·s + p = h + p_t, j·s + q = w + p_l} dy[b, i, j, o] · W[p, q, c, o].
 *
 * Write H = h + p_t = t·s + r (phase r = H mod s). Only taps p = r + s·m
 * contribute, with i = t − m, so each phase is a stride-1 correlation of dy
 * with a sub-kernel of M = ⌈k/s⌉ taps: K_r[m'] = W[r + s(M − 1 − m')] (zero
 * beyond k), on dy padded by M − 1 before. All s² phases are stacked as output
 * channels of ONE XNNPACK `Conv2D` (filter [M_h, M_w, C_out, s²·C_in]),
 * then interleaved (depth-to-space) and cropped by (p_t, p_l) in one JS pass. It does the
 * real multiply-adds plus the zero taps of the padded sub-kernels (36 for 25
 * with k = 5, s = 2), and no multiplications by inserted zeros.
 *
 * Strides that differ in height and width, NCHW, and outputs with so few
 * channels that s²·C_in < 8 fall back to the stock kernel: XNNPACK is slow on a
 * GEMM that narrow (measured at the DCGAN 14²×64 → 28²×1 layer: 18 ms this
 * way, 12.5 ms stock; at 7²×128 → 14²×64: 147 ms this way, 408 ms stock).
 */
function makeConv2DBackpropInput(stock: tf.KernelConfig): (args: WasmKernelArgs) => tf.TensorInfo {
  return (args: WasmKernelArgs): tf.TensorInfo => {
    const { inputs, backend, attrs } = args;
    const dy = inputs['dy'] as tf.TensorInfo;
    const filter = inputs['filter'] as tf.TensorInfo;
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      format,
    );
    if (
      info.dataFormat !== 'channelsLast' ||
      info.strideHeight !== info.strideWidth ||
      info.strideHeight * info.strideHeight * info.inChannels < 8
    ) {
      return runStock(stock, args);
    }
    const s = info.strideHeight;
    const { filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co, batchSize } = info;
    const { inHeight, inWidth, outHeight: oh, outWidth: ow } = info;
    const pt = info.padInfo.top;
    const pl = info.padInfo.left;
    const mh = Math.ceil(kh / s);
    const mw = Math.ceil(kw / s);
    const ty = Math.ceil((pt + inHeight) / s);
    const tx = Math.ceil((pl + inWidth) / s);
    const padBottom = Math.max(0, ty - oh);
    const padRight = Math.max(0, tx - ow);

    // Rearrange W[p, q, c, o] into the stacked sub-kernels Kc[m'_h, m'_w, o, (r_h·s + r_w)·C_in + c].
    const phaseChannels = s * s * ci;
    const kc = backend.makeOutput([mh, mw, co, phaseChannels], 'float32');
    const kv = heapF32(backend, kc);
    kv.fill(0);
    const wv = heapF32(backend, filter);
    for (let my = 0; my < mh; my++) {
      for (let ry = 0; ry < s; ry++) {
        const p = ry + s * (mh - 1 - my);
        if (p >= kh) continue;
        for (let mx = 0; mx < mw; mx++) {
          for (let rx = 0; rx < s; rx++) {
            const q = rx + s * (mw - 1 - mx);
            if (q >= kw) continue;
            const dstBase = (my * mw + mx) * co * phaseChannels + (ry * s + rx) * ci;
            const srcBase = (p * kw + q) * ci * co;
            for (let c = 0; c < ci; c++) {
              const src = srcBase + c * co;
              let dst = dstBase + c;
              for (let o = 0; o < co; o++, dst += phaseChannels) kv[dst] = wv[src + o]!;
            }
          }
        }
      }
    }

    const temps: tf.TensorInfo[] = [kc];
    const conv = runWasmKernel(
      backend,
      tf.Conv2D,
      { x: dy, filter: kc },
      {
        strides: [1, 1],
        pad: [[0, 0], [mh - 1, padBottom], [mw - 1, padRight], [0, 0]],
        dataFormat: 'NHWC',
        dilations: [1, 1],
        dimRoundingMode: undefined,
      },
    );
    temps.push(conv);
    // Interleave the s² phases (depth-to-space) and crop by (p_t, p_l) in one pass:
    //   dx[b, h, w, c] = conv[b, ⌊(h+p_t)/s⌋, ⌊(w+p_l)/s⌋, (((h+p_t) mod s)·s + (w+p_l) mod s)·C_in + c].
    // (At the DCGAN 7²×128 → 14²×64 shape, wasm DepthToSpace + Slice alone took 66 ms; the whole kernel with this loop, 68 ms.)
    const out = backend.makeOutput([batchSize, inHeight, inWidth, ci], 'float32');
    const ov = heapF32(backend, out);
    const cv = heapF32(backend, conv);
    const convRows = oh + padBottom;
    const convCols = ow + padRight;
    let o = 0;
    for (let b = 0; b < batchSize; b++) {
      for (let h = 0; h < inHeight; h++) {
        const hh = h + pt;
        const rowBase = (b * convRows + Math.floor(hh / s)) * convCols;
        const phaseRow = (hh % s) * s;
        for (let w = 0; w < inWidth; w++) {
          const ww = w + pl;
          let src = (rowBase + Math.floor(ww / s)) * phaseChannels + (phaseRow + (ww % s)) * ci;
          for (let c = 0; c < ci; c++) ov[o++] = cv[src++]!;
        }
      }
    }
    for (const t of temps) disposeInfo(backend, t);
    return out;
  };
}

/**
 * Builds the registration for the fast kernel, keeping the stock one as the
 * fallback (its setup still runs, through this config, when the backend starts).
 */
export function conv2DBackpropInputConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return wasmOverride(stock, makeConv2DBackpropInput(stock));
}
