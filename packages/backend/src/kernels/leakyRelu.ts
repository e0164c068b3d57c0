import * as tf from '@tensorflow/tfjs';
import { runStock, wasmOverride } from '../internal/wasmKernels.js';
import type { WasmKernelArgs } from '../internal/wasmKernels.js';
import { heapOffset, simdKernels } from './simdModule.js';

/**
 * `LeakyRelu` for wasm on gankit's SIMD module: y = x > 0 ? x : α·x (α
 * rounded to float32), four values per instruction. The stock kernel took
 * ~3 ms per [64, 14, 14, 64] activation of a DCGAN step. Other dtypes, and a
 * backend whose SIMD module did not load, use the stock kernel.
 */
function leakyRelu(args: WasmKernelArgs, stock: tf.KernelConfig): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs['x'] as tf.TensorInfo;
  const { alpha } = attrs as unknown as tf.LeakyReluAttrs;
  const kernels = simdKernels(backend);
  if (kernels === undefined || x.dtype !== 'float32') return runStock(stock, args);
  const out = backend.makeOutput(x.shape, 'float32');
  kernels.leaky_relu(heapOffset(backend, x), heapOffset(backend, out), tf.util.sizeFromShape(x.shape), alpha);
  return out;
}

/** Registration of {@link leakyRelu} over the stock wasm kernel (kept as the fallback). */
export function leakyReluConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return wasmOverride(stock, (args) => leakyRelu(args, stock));
}
