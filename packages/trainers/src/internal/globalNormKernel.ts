import * as tf from '@tensorflow/tfjs';
import { hostOf } from './kernelHost.js';
import type { CpuBackend, WasmBackend } from './kernelHost.js';

/** The kernel's name in tfjs's registry. */
export const GLOBAL_NORM = 'GankitGlobalNorm';

/** Backends whose tensors live in CPU memory, where one pass beats a Square and a Sum launched per tensor. */
export const GLOBAL_NORM_BACKENDS = ['cpu', 'wasm'] as const;

/**
 * Σ x[i]² over one tensor's float32 values, in float64: each square is exact
 * (a 24-bit significand squared fits in 53 bits); the sums run in four
 * streams, stream k over the values at i ≡ k (mod 4) in ascending order,
 * combined as ((s0 + s1) + s2) + s3, then the last n mod 4 values in order —
 * the order of `sum_squares` in @gankit/backend's SIMD module, so the two
 * give the same double.
 */
export function sumOfSquares(x: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = x.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = x[i]!;
    const b = x[i + 1]!;
    const c = x[i + 2]!;
    const d = x[i + 3]!;
    s0 += a * a;
    s1 += b * b;
    s2 += c * c;
    s3 += d * d;
  }
  let s = s0 + s1 + s2 + s3;
  for (; i < n; i++) s += x[i]! * x[i]!;
  return s;
}

/**
 * The global L2 norm of a list of tensors as one kernel: inputs `x0` …
 * `x{count−1}` (float32, any shapes), attr `count`; output the float32 scalar
 *
 *   ‖(x₀, …, x_{count−1})‖ = √(Σ_t Σ_i x_t[i]²),
 *
 * summed in float64 ({@link sumOfSquares} per tensor, then over the tensors in
 * order) and rounded once. A trainer's update reports its gradients' norm; as
 * composed ops that is a Square and a Sum launched per variable plus an AddN
 * and a Sqrt, 18 launches for a 4-layer MLP's 8 variables.
 */
function globalNorm(args: { inputs: tf.NamedTensorInfoMap; backend: CpuBackend | WasmBackend; attrs: tf.NamedAttrMap }): tf.TensorInfo {
  const { count } = args.attrs as unknown as { count: number };
  const host = hostOf(args.backend);
  const out = host.alloc([]);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const t = args.inputs[`x${i}`];
    if (t === undefined || t.dtype !== 'float32') throw new Error(`${GLOBAL_NORM}: input 'x${i}' must be a float32 tensor, got ${t === undefined ? 'none' : t.dtype}`);
    total += sumOfSquares(host.view(t));
  }
  host.view(out)[0] = Math.sqrt(total);
  return out;
}

/** Registers {@link GLOBAL_NORM} for the cpu and wasm backends (once; @gankit/backend replaces the wasm one with SIMD code). */
export function registerGlobalNorm(): void {
  for (const backendName of GLOBAL_NORM_BACKENDS) {
    if (tf.getKernel(GLOBAL_NORM, backendName) === undefined) {
      tf.registerKernel({ kernelName: GLOBAL_NORM, backendName, kernelFunc: globalNorm as unknown as tf.KernelFunc });
    }
  }
}
