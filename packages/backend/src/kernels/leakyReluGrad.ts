import * as tf from '@tensorflow/tfjs';
import type { CpuBackend, CpuKernelArgs } from '../internal/cpuKernels.js';
import { sameShape } from '../internal/sameShape.js';
import { WASM } from '../internal/wasmKernels.js';
import type { WasmKernelArgs } from '../internal/wasmKernels.js';
import { heapOffset, simdKernels } from './simdModule.js';

/**
 * The gradient of leaky ReLU (and of ReLU, α = 0) in one kernel, which
 * `@gankit/gradients`' `Relu` and `LeakyRelu` gradients run where the active
 * backend has it (cpu and wasm, registered here): inputs `dy` and `x` (same
 * shape, float32), attr `alpha`, output
 *
 *   dx = dy ⊙ (α + (1 − α)·step(x)),   step(x) = 1 (x > 0), 0 (x ≤ 0), NaN (x NaN),
 *
 * each operation rounded to float32 in that order, as tfjs's Step, Multiply
 * and Add kernels compute it — bit for bit the composed form (−0 for a
 * negative dy where x ≤ 0 included), in one pass instead of two to four
 * launches. On wasm it is gankit's SIMD code once `initBackend()` has loaded
 * it, JavaScript on the heap before.
 */
export const LEAKY_RELU_GRAD = 'GankitLeakyReluGrad';

/** Attributes of {@link LEAKY_RELU_GRAD}. */
export interface LeakyReluGradAttrs {
  /** The slope for x ≤ 0 (0: ReLU). */
  alpha: number;
}

/** The mask's two values, rounded as tfjs's float32 kernels round α + (1 − α)·step. */
function maskValues(alpha: number): { m1: number; m0: number } {
  const a = Math.fround(alpha);
  const c = Math.fround(1 - alpha);
  return { m1: Math.fround(a + c), m0: Math.fround(a + Math.fround(c * 0)) };
}

function checkInputs(dy: tf.TensorInfo | undefined, x: tf.TensorInfo | undefined): asserts dy is tf.TensorInfo {
  if (dy === undefined || x === undefined) throw new Error(`${LEAKY_RELU_GRAD}: needs inputs 'dy' and 'x'`);
  if (dy.dtype !== 'float32' || x.dtype !== 'float32') throw new Error(`${LEAKY_RELU_GRAD}: 'dy' and 'x' must be float32, got ${dy.dtype} and ${x.dtype}`);
  sameShape(LEAKY_RELU_GRAD, dy, x);
}

/** out[i] = dy[i] · m(x[i]) in float32 (Float32Array stores round each product). */
function masked(dy: Float32Array, x: Float32Array, { m1, m0 }: { m1: number; m0: number }, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) {
    const v = x[i]!;
    out[i] = dy[i]! * (v > 0 ? m1 : v <= 0 ? m0 : Number.NaN);
  }
}

function wasmKernel({ inputs, backend, attrs }: WasmKernelArgs): tf.TensorInfo {
  const { dy, x } = inputs as { dy?: tf.TensorInfo; x?: tf.TensorInfo };
  checkInputs(dy, x);
  const m = maskValues((attrs as unknown as LeakyReluGradAttrs).alpha);
  const out = backend.makeOutput(x!.shape, 'float32');
  const simd = simdKernels(backend);
  if (simd !== undefined) {
    simd.leaky_relu_grad(heapOffset(backend, dy), heapOffset(backend, x!), heapOffset(backend, out), tf.util.sizeFromShape(x!.shape), m.m1, m.m0);
    return out;
  }
  // Views after the allocation (it may grow the heap).
  masked(backend.typedArrayFromHeap(dy) as Float32Array, backend.typedArrayFromHeap(x!) as Float32Array, m, backend.typedArrayFromHeap(out) as Float32Array);
  return out;
}

function cpuKernel({ inputs, backend, attrs }: CpuKernelArgs): tf.TensorInfo {
  const cpu = backend as CpuBackend;
  const { dy, x } = inputs as { dy?: tf.TensorInfo; x?: tf.TensorInfo };
  checkInputs(dy, x);
  const out = new Float32Array(tf.util.sizeFromShape(x!.shape));
  const values = (t: tf.TensorInfo): Float32Array => cpu.data.get(t.dataId).values as Float32Array;
  masked(values(dy), values(x!), maskValues((attrs as unknown as LeakyReluGradAttrs).alpha), out);
  return cpu.makeTensorInfo(x!.shape, 'float32', out);
}

/** {@link LEAKY_RELU_GRAD} on cpu and wasm. */
export const leakyReluGradConfigs: readonly tf.KernelConfig[] = [
  { kernelName: LEAKY_RELU_GRAD, backendName: WASM, kernelFunc: wasmKernel as unknown as tf.KernelFunc },
  { kernelName: LEAKY_RELU_GRAD, backendName: 'cpu', kernelFunc: cpuKernel as unknown as tf.KernelFunc },
];

/**
 * The kernel's own gradient, for a penalty that differentiates through it:
 * dx is linear in dy with a diagonal Jacobian m(x), so ∂⟨g, dx⟩/∂dy is the
 * same kernel applied to g; ∂/∂x is zero almost everywhere (the mask is
 * piecewise constant), and `@gankit/gradients` passes a detached x, so no
 * gradient flows to it.
 */
export const leakyReluGradGradConfig: tf.GradConfig = {
  kernelName: LEAKY_RELU_GRAD,
  inputsToSave: ['x'],
  gradFunc: (g, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    return {
      dy: () => tf.engine().runKernel(LEAKY_RELU_GRAD, { dy: g as tf.Tensor, x }, attrs) as tf.Tensor,
      x: () => tf.zerosLike(x),
    };
  },
};
