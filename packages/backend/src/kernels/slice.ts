import * as tf from '@tensorflow/tfjs';
import { runStock, wasmOverride } from '../internal/wasmKernels.js';
import type { WasmKernelArgs } from '../internal/wasmKernels.js';

/** Below this many elements, a run is copied element by element rather than with `TypedArray.set` (whose per-call cost dominates short runs). */
const SHORT_RUN = 16;

/**
 * A fast `Slice` for wasm: out[i₀, …, iₙ₋₁] = x[b₀ + i₀, …, bₙ₋₁ + iₙ₋₁].
 *
 * tfjs-backend-wasm's Slice copies one innermost row per `TypedArray.set`
 * call. When the innermost axis is short — slicing features out of
 * `[256, 1, 52, 1]` (a `cropping2D` layer), or channels out of NHWC images
 * (`concat`'s gradient) — that is one call per element: about 1 ms for 13k
 * floats, against 30 µs for the same slice of a 2-D tensor. This kernel first
 * merges the trailing axes the slice takes whole into one contiguous run, so
 * the copy is (number of runs) × (run length) with the longest runs the
 * layout allows, and copies short runs with a plain loop. Every numeric
 * dtype; strings go to the stock kernel.
 */
function slice(args: WasmKernelArgs, stock: tf.KernelConfig): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs['x'] as tf.TensorInfo;
  if (x.dtype === 'string') return runStock(stock, args);
  const { begin, size } = attrs as unknown as tf.SliceAttrs;
  const [b, s] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size) as [number[], number[]];
  const out = backend.makeOutput(s, x.dtype);
  const count = tf.util.sizeFromShape(s);
  if (count === 0) return out;
  // Views after the allocation (it may grow the heap).
  const xs = backend.typedArrayFromHeap(x);
  const os = backend.typedArrayFromHeap(out);
  const shape = x.shape;
  const n = shape.length;
  if (n === 0) {
    os[0] = xs[0]!;
    return out;
  }
  // k: the innermost axis the slice does not take whole; axes after it merge into the run.
  let k = n - 1;
  let inner = 1;
  while (k > 0 && b[k] === 0 && s[k] === shape[k]) {
    inner *= shape[k]!;
    k--;
  }
  const run = (s[k] ?? 1) * inner;
  const strides = new Array<number>(n);
  let acc = 1;
  for (let i = n - 1; i >= 0; i--) {
    strides[i] = acc;
    acc *= shape[i]!;
  }
  let src = 0;
  for (let i = 0; i < n; i++) src += b[i]! * strides[i]!;
  const runs = count / run;
  // Odometer over axes 0 … k − 1 (the outer index of each run).
  const index = new Array<number>(k).fill(0);
  for (let r = 0, dst = 0; r < runs; r++, dst += run) {
    if (run < SHORT_RUN) {
      for (let j = 0; j < run; j++) os[dst + j] = xs[src + j]!;
    } else {
      os.set(xs.subarray(src, src + run), dst);
    }
    for (let axis = k - 1; axis >= 0; axis--) {
      src += strides[axis]!;
      if (++index[axis]! < s[axis]!) break;
      src -= s[axis]! * strides[axis]!;
      index[axis] = 0;
    }
  }
  return out;
}

/** Registration of {@link slice} over the stock wasm kernel (kept for strings). */
export function sliceConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return wasmOverride(stock, (args) => slice(args, stock));
}
