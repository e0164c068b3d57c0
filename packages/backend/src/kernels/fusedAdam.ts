import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { WASM } from '../internal/wasmKernels.js';
import { heapOffset, simdKernels } from './simdModule.js';

/**
 * The name of `@gankit/trainers`' one-kernel Adam update (its
 * `FusedAdamOptimizer`); trainers registers a JavaScript implementation for
 * cpu and wasm, and this package replaces the wasm one with SIMD code.
 */
export const FUSED_ADAM = 'GankitFusedAdam';

const f = Math.fround;

/**
 * `GankitFusedAdam` on wasm, with the update of each variable in simd.c's
 * `adam` (4 values per instruction, on the heap in place): the contract of
 * `@gankit/trainers`' kernel — inputs `accBeta1`, `accBeta2` and per
 * variable i `value{i}`, `gradient{i}`, `m{i}`, `v{i}`; attrs `count`,
 * `beta1`, `beta2`, `epsilon`, `learningRate`; outputs `[β₁ᵗ⁺¹, β₂ᵗ⁺¹, θ'₀,
 * m'₀, v'₀, …]` — and, like it, bit-for-bit `tf.train.adam`.
 */
function fusedAdam(args: { inputs: tf.NamedTensorInfoMap; backend: BackendWasm; attrs: tf.NamedAttrMap }, fallback: tf.KernelConfig | undefined): tf.TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const kernels = simdKernels(backend);
  if (kernels === undefined) {
    if (fallback === undefined) throw new Error(`${FUSED_ADAM}: gankit's SIMD kernels are not loaded (call initBackend())`);
    return fallback.kernelFunc(args as unknown as Parameters<tf.KernelFunc>[0]) as tf.TensorInfo[];
  }
  const { count, beta1, beta2, epsilon, learningRate } = attrs as unknown as { count: number; beta1: number; beta2: number; epsilon: number; learningRate: number };
  const input = (name: string): tf.TensorInfo => {
    const t = inputs[name];
    if (t === undefined || t.dtype !== 'float32') throw new Error(`${FUSED_ADAM}: input '${name}' must be a float32 tensor, got ${t === undefined ? 'none' : t.dtype}`);
    return t;
  };
  const b1 = f(beta1);
  const b2 = f(beta2);
  const acc = [backend.makeOutput([], 'float32'), backend.makeOutput([], 'float32')] as const;
  const acc1 = (backend.typedArrayFromHeap(input('accBeta1')) as Float32Array)[0]!;
  const acc2 = (backend.typedArrayFromHeap(input('accBeta2')) as Float32Array)[0]!;
  (backend.typedArrayFromHeap(acc[0]) as Float32Array)[0] = acc1 * b1;
  (backend.typedArrayFromHeap(acc[1]) as Float32Array)[0] = acc2 * b2;
  const out: tf.TensorInfo[] = [...acc];
  for (let i = 0; i < count; i++) {
    const theta = input(`value${i}`);
    const n = tf.util.sizeFromShape(theta.shape);
    for (const name of [`gradient${i}`, `m${i}`, `v${i}`]) {
      if (tf.util.sizeFromShape(input(name).shape) !== n) throw new Error(`${FUSED_ADAM}: '${name}' has ${tf.util.sizeFromShape(input(name).shape)} values, '${`value${i}`}' ${n}`);
    }
    const [theta2, m2, v2] = [backend.makeOutput(theta.shape, 'float32'), backend.makeOutput(theta.shape, 'float32'), backend.makeOutput(theta.shape, 'float32')];
    out.push(theta2, m2, v2);
    const at = (t: tf.TensorInfo): number => heapOffset(backend, t);
    kernels.adam(at(theta), at(input(`gradient${i}`)), at(input(`m${i}`)), at(input(`v${i}`)), at(theta2), at(m2), at(v2), n, b1, f(1 - beta1), b2, f(1 - beta2), f(1 - acc1), f(1 - acc2), f(epsilon), f(-learningRate));
  }
  return out;
}

/**
 * Registers {@link fusedAdam} for wasm, replacing `@gankit/trainers`' JavaScript
 * one (kept as the fallback) if trainers registered first. Idempotent.
 */
export function registerWasmFusedAdam(): void {
  const existing = tf.getKernel(FUSED_ADAM, WASM);
  if ((existing as { gankitSimd?: boolean } | undefined)?.gankitSimd === true) return;
  if (existing !== undefined) tf.unregisterKernel(FUSED_ADAM, WASM);
  const config = {
    kernelName: FUSED_ADAM,
    backendName: WASM,
    kernelFunc: ((args: Parameters<typeof fusedAdam>[0]) => fusedAdam(args, existing)) as unknown as tf.KernelFunc,
    gankitSimd: true,
  };
  tf.registerKernel(config);
}
