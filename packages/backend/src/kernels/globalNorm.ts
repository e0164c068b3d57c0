import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { WASM } from '../internal/wasmKernels.js';
import { heapOffset, simdKernels } from './simdModule.js';

/**
 * The name of `@gankit/trainers`' one-kernel gradient norm; trainers
 * registers a JavaScript implementation for cpu and wasm, and this package
 * replaces the wasm one with SIMD code.
 */
export const GLOBAL_NORM = 'GankitGlobalNorm';

/**
 * `GankitGlobalNorm` on wasm, each tensor's Σx² by simd.c's `sum_squares`
 * (four values per instruction, read in place on the heap): the contract of
 * `@gankit/trainers`' kernel — inputs `x0` … `x{count−1}` (float32), attr
 * `count`, output the float32 scalar √(Σ_t Σ_i x_t[i]²) — and, like it, the
 * float64 sums in the same order, so both give the same value.
 */
function globalNorm(args: { inputs: tf.NamedTensorInfoMap; backend: BackendWasm; attrs: tf.NamedAttrMap }, fallback: tf.KernelConfig | undefined): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const kernels = simdKernels(backend);
  if (kernels === undefined) {
    if (fallback === undefined) throw new Error(`${GLOBAL_NORM}: gankit's SIMD kernels are not loaded (call initBackend())`);
    return fallback.kernelFunc(args as unknown as Parameters<tf.KernelFunc>[0]) as tf.TensorInfo;
  }
  const { count } = attrs as unknown as { count: number };
  let total = 0;
  for (let i = 0; i < count; i++) {
    const t = inputs[`x${i}`];
    if (t === undefined || t.dtype !== 'float32') throw new Error(`${GLOBAL_NORM}: input 'x${i}' must be a float32 tensor, got ${t === undefined ? 'none' : t.dtype}`);
    total += kernels.sum_squares(heapOffset(backend, t), tf.util.sizeFromShape(t.shape));
  }
  const out = backend.makeOutput([], 'float32');
  (backend.typedArrayFromHeap(out) as Float32Array)[0] = Math.sqrt(total);
  return out;
}

/**
 * Registers {@link globalNorm} for wasm, replacing `@gankit/trainers`'
 * JavaScript one (kept as the fallback) if trainers registered first. Idempotent.
 */
export function registerWasmGlobalNorm(): void {
  const existing = tf.getKernel(GLOBAL_NORM, WASM);
  if ((existing as { gankitSimd?: boolean } | undefined)?.gankitSimd === true) return;
  if (existing !== undefined) tf.unregisterKernel(GLOBAL_NORM, WASM);
  tf.registerKernel({
    kernelName: GLOBAL_NORM,
    backendName: WASM,
    kernelFunc: ((args: Parameters<typeof globalNorm>[0]) => globalNorm(args, existing)) as unknown as tf.KernelFunc,
    gankitSimd: true,
  } as tf.KernelConfig);
}
