import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The name tfjs registers the WebAssembly backend under. */
export const WASM = 'wasm';

/** What tfjs passes a wasm kernel. */
export interface WasmKernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: BackendWasm;
  attrs: tf.NamedAttrMap;
}

/** Runs the stock kernel a gankit kernel falls back to, with the arguments it was given. */
export function runStock(stock: tf.KernelConfig, args: WasmKernelArgs): tf.TensorInfo {
  return stock.kernelFunc(args as unknown as Parameters<tf.KernelFunc>[0]) as tf.TensorInfo;
}

/**
 * The registration of a gankit kernel that replaces the stock wasm kernel
 * `stock` (which `kernelFunc` keeps as its fallback); the stock kernel's setup,
 * run when the backend starts, is kept.
 */
export function wasmOverride(stock: tf.KernelConfig, kernelFunc: (args: WasmKernelArgs) => tf.TensorInfo): tf.KernelConfig {
  return {
    kernelName: stock.kernelName,
    backendName: WASM,
    ...(stock.setupFunc !== undefined ? { setupFunc: stock.setupFunc } : {}),
    kernelFunc: kernelFunc as unknown as tf.KernelFunc,
  };
}

/**
 * Runs one of the wasm backend's own kernels from inside another kernel.
 *
 * Kernels run with the tape off (the engine's kernel depth is > 0), so nothing
 * here is recorded for autodiff; the caller owns the returned `TensorInfo` and
 * must either return it or {@link disposeInfo} it.
 */
export function runWasmKernel(
  backend: BackendWasm,
  kernelName: string,
  inputs: Record<string, tf.TensorInfo>,
  attrs: Record<string, unknown> = {},
): tf.TensorInfo {
  const kernel = tf.getKernel(kernelName, WASM);
  if (kernel == null) {
    throw new Error(`@gankit/backend: the wasm backend has no '${kernelName}' kernel to build on`);
  }
  const out = kernel.kernelFunc({
    inputs: inputs as tf.NamedTensorInfoMap,
    attrs: attrs as tf.NamedAttrMap,
    backend,
  });
  if (Array.isArray(out)) {
    throw new Error(`@gankit/backend: expected one output from wasm kernel '${kernelName}'`);
  }
  return out;
}

/** Releases an intermediate created by {@link runWasmKernel} (reference counted). */
export function disposeInfo(backend: BackendWasm, info: tf.TensorInfo): void {
  backend.disposeData(info.dataId);
}

/** A float32 view of a tensor's data on the wasm heap; invalid after any new allocation. */
export function heapF32(backend: BackendWasm, info: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info) as Float32Array;
}

/** An int32 view of an int32 tensor on the wasm heap (float tensors are converted). */
export function heapIndices(backend: BackendWasm, info: tf.TensorInfo): Int32Array | Float32Array {
  return backend.typedArrayFromHeap(info) as Int32Array | Float32Array;
}
