import * as tf from '@tensorflow/tfjs';
import { disposeInfo, heapF32, runStock, runWasmKernel, wasmOverride } from '../internal/wasmKernels.js';
import type { WasmKernelArgs } from '../internal/wasmKernels.js';
import { columnFloats, columnsReady, inputGradByColumns } from './convColumns.js';

/**
 * From this many input channels on, each of the s² phases is its own
 * stride-1 convolution with exactly its taps (⌈(k_h − r_h)/s⌉ × ⌈(k_w − r_w)/s⌉):
 * 25 taps in all for k = 5, s = 2, where the stacked form does 36 and runs a
 * GEMM 4× as wide. Measured at the DCGAN 7²×128 → 14²×64 shape, batch 64, one
 * thread, on a loaded machine: the whole kernel about 130 ms by phase (its four
 * convolutions alone about 100 ms) against 170–190 ms stacked, and 80–110 ms for
 * the forward convolution of the same size. Narrower outputs keep the stacked
 * form: XNNPACK is slow on GEMMs only a few columns wide.
 */
const PHASE_MIN_CHANNELS = 8;

/** The column form's scratch (B·OH·OW × k_h·k_w·C_in floats) above which the convolution forms are faster. */
const COLUMNS_MAX_FLOATS = 1 << 21;

/**
 * Whether the column form ({@link inputGradByColumns}: one GEMM and a
 * scatter-add, exactly the forward convolution's multiply-adds) beats the
 * convolution forms where both apply. Measured side by side on one thread:
 * 0.47–0.51 of the time at translation's batch-4 layers (3×3, 32–64 channels,
 * stride 1 valid and stride 2), 0.91 at a 32²×32 → 64 stride-1 same layer;
 * 1.42 at DCGAN's 7²×128 → 14²×64 layer at batch 64, whose 3136 × 1600
 * column matrix (20 MB) is scattered through memory; and 2.0 at a 7×7 layer
 * with 3 output channels, where the GEMM's inner dimension is 3.
 */
function preferColumns(info: tf.backend_util.Conv2DInfo): boolean {
  return info.outChannels >= 8 && columnFloats(info) <= COLUMNS_MAX_FLOATS;
}

/** One filter tap W[p, q, ·, ·] (C_in × C_out at `src`) transposed into a sub-kernel: dst[o·stride + c] = src[c·C_out + o]. */
function copyTap(wv: Float32Array, src: number, kv: Float32Array, dst: number, ci: number, co: number, stride: number): void {
  for (let c = 0; c < ci; c++) {
    let from = src + c * co;
    let to = dst + c;
    for (let o = 0; o < co; o++, to += stride) kv[to] = wv[from++]!;
  }
}

/**
 * One phase's output as {@link interleave} reads it: pixel (b, t, u) of the
 * phase (t ≥ t0, u ≥ u0) starts at `offset + ((b·rows + t − t0)·cols + u − u0)·pixelStride`
 * of `view`.
 */
interface PhaseView {
  view: Float32Array;
  offset: number;
  rows: number;
  cols: number;
  t0: number;
  u0: number;
}

/**
 * Writes dx from the phases' outputs (depth-to-space, cropped by (p_t, p_l)):
 * dx[b, h, w, c] = phase_{(h+p_t) mod s, (w+p_l) mod s}[b, ⌊(h+p_t)/s⌋, ⌊(w+p_l)/s⌋, c];
 * a missing phase (no taps) is zero.
 */
function interleave(
  ov: Float32Array,
  phases: readonly (PhaseView | undefined)[],
  pixelStride: number,
  d: { batchSize: number; inHeight: number; inWidth: number; ci: number; s: number; pt: number; pl: number },
): void {
  const { batchSize, inHeight, inWidth, ci, s, pt, pl } = d;
  let o = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let h = 0; h < inHeight; h++) {
      const hh = h + pt;
      const t = Math.floor(hh / s);
      const phaseRow = (hh % s) * s;
      for (let w = 0; w < inWidth; w++) {
        const ww = w + pl;
        const phase = phases[phaseRow + (ww % s)];
        if (phase === undefined) {
          ov.fill(0, o, o + ci);
          o += ci;
          continue;
        }
        const pv = phase.view;
        let src = phase.offset + ((b * phase.rows + t - phase.t0) * phase.cols + Math.floor(ww / s) - phase.u0) * pixelStride;
        for (let c = 0; c < ci; c++) ov[o++] = pv[src++]!;
      }
    }
  }
}

/**
 * The rows (or columns) one phase must produce along one axis. Phase r holds
 * dx rows h = t·s + r − p_t for t in [t_0, t_1), t_0 = ⌈(p_t − r)/s⌉ (≥ 0, as
 * r < s) and t_1 = ⌊(H_in − 1 + p_t − r)/s⌋ + 1. Its stride-1 correlation, with
 * M taps on dy padded by M − 1 − T_0 before and max(0, t_1 − OH) after, yields
 * exactly the rows t in [T_0, max(t_1, OH)) with T_0 = min(t_0, M − 1): the
 * needed ones, plus extra rows only when the padding cannot shrink further.
 * Undefined when the phase holds no dx row.
 */
function phaseRange(m: number, r: number, s: number, pad: number, inSize: number, outSize: number): { start: number; count: number; before: number; after: number } | undefined {
  const t0 = Math.ceil((pad - r) / s);
  const t1 = Math.floor((inSize - 1 + pad - r) / s) + 1;
  if (t1 <= t0) return undefined;
  const start = Math.min(t0, m - 1);
  return { start, count: Math.max(t1, outSize) - start, before: m - 1 - start, after: Math.max(0, t1 - outSize) };
}

/**
 * The phase-by-phase form. Phase (r_h, r_w) holds the dx rows H = h + p_t ≡ r_h
 * and columns W = w + p_l ≡ r_w (mod s); with M_r = ⌈(k − r)/s⌉ taps and
 * K_r[m'] = W[r + s(M_r − 1 − m')], it is the stride-1 correlation of dy
 * (padded by M_r − 1 before) with K_{r_h, r_w}, whose output row t is
 * dx row t·s + r_h − p_t. Each phase computes only the rows and columns that
 * land inside dx ({@link phaseRange}: 7 × 7 per phase at the DCGAN 7² → 14²
 * layer, where a shared 8 × 8 grid did 31 % more multiply-adds). A phase
 * without taps (k < s) is zero.
 */
function byPhase(backend: WasmKernelArgs['backend'], dy: tf.TensorInfo, filter: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): tf.TensorInfo {
  const s = info.strideHeight;
  const { filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co, batchSize } = info;
  const { inHeight, inWidth, outHeight: oh, outWidth: ow } = info;
  const pt = info.padInfo.top;
  const pl = info.padInfo.left;
  const taps = (k: number, r: number): number => Math.max(0, Math.ceil((k - r) / s));
  // Stride 1 has one phase; padded by k − 1 − p before (not k − 1), its output starts at dx row 0
  // and, padded by H_in − OH + p_t after, is dx itself: no interleave, no crop.
  const [top, bottom, left, right] = [kh - 1 - pt, inHeight - oh + pt, kw - 1 - pl, inWidth - ow + pl];
  const direct = s === 1 && Math.min(top, bottom, left, right) >= 0;
  const phases: ({ out: tf.TensorInfo; rows: number; cols: number; t0: number; u0: number } | undefined)[] = [];
  try {
    for (let ry = 0; ry < s; ry++) {
      for (let rx = 0; rx < s; rx++) {
        const mh = taps(kh, ry);
        const mw = taps(kw, rx);
        const along = mh === 0 ? undefined : phaseRange(mh, ry, s, pt, inHeight, oh);
        const across = mw === 0 ? undefined : phaseRange(mw, rx, s, pl, inWidth, ow);
        if (along === undefined || across === undefined) {
          phases.push(undefined);
          continue;
        }
        // K[m'_h, m'_w, o, c] = W[r_h + s(M_h − 1 − m'_h), r_w + s(M_w − 1 − m'_w), c, o].
        const k = backend.makeOutput([mh, mw, co, ci], 'float32');
        const kv = heapF32(backend, k);
        const wv = heapF32(backend, filter);
        for (let my = 0; my < mh; my++) {
          const p = ry + s * (mh - 1 - my);
          for (let mx = 0; mx < mw; mx++) {
            const q = rx + s * (mw - 1 - mx);
            copyTap(wv, (p * kw + q) * ci * co, kv, (my * mw + mx) * co * ci, ci, co, ci);
          }
        }
        try {
          const out = runWasmKernel(
            backend,
            tf.Conv2D,
            { x: dy, filter: k },
            {
              strides: [1, 1],
              pad: direct ? [[0, 0], [top, bottom], [left, right], [0, 0]] : [[0, 0], [along.before, along.after], [across.before, across.after], [0, 0]],
              dataFormat: 'NHWC',
              dilations: [1, 1],
              dimRoundingMode: undefined,
            },
          );
          phases.push({ out, rows: along.count, cols: across.count, t0: along.start, u0: across.start });
        } finally {
          disposeInfo(backend, k);
        }
      }
    }
    if (direct) return phases.pop()!.out;
    // Interleave the phases and crop by (p_t, p_l):
    //   dx[b, h, w, c] = phase[(h+p_t) mod s][(w+p_l) mod s][b, ⌊(h+p_t)/s⌋, ⌊(w+p_l)/s⌋, c].
    const out = backend.makeOutput([batchSize, inHeight, inWidth, ci], 'float32');
    const ov = heapF32(backend, out);
    interleave(
      ov,
      phases.map((p) => (p === undefined ? undefined : { view: heapF32(backend, p.out), offset: 0, rows: p.rows, cols: p.cols, t0: p.t0, u0: p.u0 })),
      ci,
      { batchSize, inHeight, inWidth, ci, s, pt, pl },
    );
    return out;
  } finally {
    for (const p of phases) if (p !== undefined) disposeInfo(backend, p.out);
  }
}

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
 * With C_in ≥ 8 each phase runs as its own convolution with only its own taps
 * ({@link byPhase}; 25 multiply-adds per output for k = 5, s = 2, no zero taps).
 * Strides that differ in height and width, outputs with so few
 * channels that s²·C_in < 8, and layers whose column matrix is small
 * ({@link preferColumns}) take the column form ({@link inputGradByColumns},
 * one GEMM and a scatter-add in gankit's SIMD module); NCHW falls back to the
 * stock kernel. The narrow
 * outputs avoid XNNPACK, which is slow on a GEMM that narrow (measured at the
 * DCGAN 14²×64 → 28²×1 layer: 18 ms stacked, 12.5 ms stock; at 7²×128 →
 * 14²×64: 147 ms stacked, 408 ms stock).
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
    if (info.dataFormat !== 'channelsLast') return runStock(stock, args);
    const needsColumns = info.strideHeight !== info.strideWidth || info.strideHeight * info.strideHeight * info.inChannels < 8;
    if (needsColumns || preferColumns(info)) {
      const dx = columnsReady(backend, info, dy, filter) ? inputGradByColumns(backend, dy, filter, info) : undefined;
      if (dx !== undefined) return dx;
      if (needsColumns) return runStock(stock, args);
    }
    const s = info.strideHeight;
    if (info.inChannels >= PHASE_MIN_CHANNELS) return byPhase(backend, dy, filter, info);
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
            copyTap(wv, srcBase, kv, dstBase, ci, co, phaseChannels);
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
    const stacked = Array.from({ length: s * s }, (_, phase) => ({ view: cv, offset: phase * ci, rows: oh + padBottom, cols: ow + padRight, t0: 0, u0: 0 }));
    interleave(ov, stacked, phaseChannels, { batchSize, inHeight, inWidth, ci, s, pt, pl });
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
