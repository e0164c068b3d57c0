import * as tf from '@tensorflow/tfjs';
import { disposeInfo, runStock, wasmOverride } from '../internal/wasmKernels.js';
import type { WasmKernelArgs } from '../internal/wasmKernels.js';
import { heapOffset, simdKernels } from './simdModule.js';

/**
 * A fast `Sum` (and `Mean`, divided by the row count) over leading axes for wasm:
 *
 *   out[j] = Σ_r x[r, j],   x viewed as [rows, inner], the summed axes being the first ones.
 *
 * That is how a bias's and a batch norm's gradients reduce ([64, 14, 14, 64]
 * over axes 0–2). tfjs-backend-wasm first transposes the summed axes to the
 * end, then sums each row: two passes, the transpose strided. Here one pass
 * adds each row of x into a float64 accumulator of `inner` values (rounded to
 * float32 once, at the end: at least as accurate as the stock kernel's float32
 * running sum). On gankit's SIMD module (`sum_rows` in wasm/simd.c) that pass
 * adds four values at a time, bit-for-bit the same float64 sums as the
 * JavaScript loop kept for a backend whose module did not load (a 2-D critic's
 * [256, 128] bias gradient: 99 µs in JavaScript). Other axes, and other
 * dtypes, go to the stock kernel.
 */
function sum(args: WasmKernelArgs, stock: tf.KernelConfig, mean: boolean): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs['x'] as tf.TensorInfo;
  const { axis, keepDims } = attrs as unknown as tf.SumAttrs;
  const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
  const leading = axes.length > 0 && axes.length < x.shape.length && axes.every((a, i) => a === i);
  const rows = tf.util.sizeFromShape(x.shape.slice(0, axes.length));
  // (The mean of no rows is left to tfjs, whatever it makes of 0/0.)
  if (x.dtype !== 'float32' || !leading || (mean && rows === 0)) return runStock(stock, args);
  const kept = x.shape.slice(axes.length);
  const inner = tf.util.sizeFromShape(kept);
  const out = backend.makeOutput(keepDims ? [...axes.map(() => 1), ...kept] : kept, 'float32');
  const kernels = simdKernels(backend);
  if (kernels !== undefined && inner > 0) {
    // Scratch for the float64 accumulator: inner doubles = 2·inner floats.
    const acc = backend.makeOutput([2 * inner], 'float32');
    kernels.sum_rows(heapOffset(backend, x), heapOffset(backend, out), rows, inner, mean ? 1 : 0, heapOffset(backend, acc));
    disposeInfo(backend, acc);
    return out;
  }
  const xs = backend.typedArrayFromHeap(x) as Float32Array;
  const os = backend.typedArrayFromHeap(out) as Float32Array;
  const acc = new Float64Array(inner);
  for (let r = 0, at = 0; r < rows; r++) {
    for (let j = 0; j < inner; j++, at++) acc[j]! += xs[at]!;
  }
  if (mean) for (let j = 0; j < inner; j++) acc[j]! /= rows;
  os.set(acc);
  return out;
}

/** Registration of {@link sum} over the stock wasm kernel (kept as the fallback). */
export function sumConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return wasmOverride(stock, (args) => sum(args, stock, false));
}

/** `Mean` over leading axes the same way (the float64 sum divided by the count; batch-norm moments). */
export function meanConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return wasmOverride(stock, (args) => sum(args, stock, true));
}
