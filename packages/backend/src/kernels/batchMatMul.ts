import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { disposeInfo, runStock, runWasmKernel, wasmOverride } from '../internal/wasmKernels.js';
import type { WasmKernelArgs } from '../internal/wasmKernels.js';
import { gemmMatMul } from './gemm.js';

let inPlace = true;

/** Whether gankit's gemm reads transposed operands in place (true) or after an explicit transpose (benchmarks compare). */
export function setTransposedInPlace(enabled: boolean): void {
  inPlace = enabled;
}

/** Swaps the last two axes of a rank ≥ 2 tensor on the wasm heap. */
function transposeLastTwo(backend: BackendWasm, x: tf.TensorInfo): tf.TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return runWasmKernel(backend, tf.Transpose, { x }, { perm });
}

/**
 * Wraps wasm's `BatchMatMul` or `_FusedMatMul`: for float32 with no
 * activation or ReLU and a bias of n values or none, the product runs on
 * gankit's SIMD kernel ({@link gemmMatMul}), which reads a transposed operand
 * in place; otherwise a transposed operand is transposed explicitly (wasm's
 * `Transpose` is fast) and the stock kernel runs untransposed.
 *
 * tfjs-backend-wasm handles `transposeA`/`transposeB` on a slow path: measured
 * here, A·Bᵀ and Aᵀ·B take 7–13× as long as A·B of the same size
 * (3136×128 · 128×1600: 489 ms against 47 ms). Every dense layer's backward
 * pass needs exactly those products (∂L/∂X = ∂L/∂Y·Wᵀ, ∂L/∂W = Xᵀ·∂L/∂Y),
 * so this decides how fast MLPs train on wasm. The result is the same
 * arithmetic in the same order per output element.
 */
export function untransposedMatMulConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return wasmOverride(stock, (args: WasmKernelArgs): tf.TensorInfo => {
    const { inputs, backend, attrs } = args;
    const { transposeA, transposeB, activation } = attrs as unknown as { transposeA: boolean; transposeB: boolean; activation?: string };
    const act = activation ?? 'linear';
    const gemmApplies = (act === 'linear' || act === 'relu') && inputs['preluActivationWeights'] == null;
    // gankit's gemm reads a transposed operand in place; else transpose explicitly and run the stock kernel untransposed.
    const direct = inPlace || (!transposeA && !transposeB);
    const ours = gemmApplies && direct ? gemmMatMul(backend, inputs['a']!, inputs['b']!, inputs['bias'] ?? undefined, act === 'relu', transposeA, transposeB) : undefined;
    if (ours !== undefined) return ours;
    if (!transposeA && !transposeB) return runStock(stock, args);
    const temps: tf.TensorInfo[] = [];
    let a = inputs['a'] as tf.TensorInfo;
    let b = inputs['b'] as tf.TensorInfo;
    if (transposeA) {
      a = transposeLastTwo(backend, a);
      temps.push(a);
    }
    if (transposeB) {
      b = transposeLastTwo(backend, b);
      temps.push(b);
    }
    const out =
      (gemmApplies ? gemmMatMul(backend, a, b, inputs['bias'] ?? undefined, act === 'relu') : undefined) ??
      runStock(stock, { inputs: { ...inputs, a, b }, attrs: { ...attrs, transposeA: false, transposeB: false }, backend });
    for (const t of temps) disposeInfo(backend, t);
    return out;
  });
}
