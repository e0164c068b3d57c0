import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { disposeInfo } from '../internal/wasmKernels.js';
import { PANEL_FLOATS, gemmHelpers, runGemm } from './gemmThreads.js';
import { backendMemory, heapOffset, simdKernels } from './simdModule.js';

let disabled = false;

/** Turns the kernel off or on again (benchmarks and tests compare with tfjs's own). */
export function setGemmEnabled(enabled: boolean): void {
  disabled = !enabled;
}

/** Whether {@link gemmMatMul} will run on this backend. */
export function gemmReady(backend: BackendWasm): boolean {
  return !disabled && simdKernels(backend) !== undefined;
}

/**
 * C = op(A)·op(B) (+ bias) (then ReLU) for float32 `a` [..., m, k] (or
 * [..., k, m] with `transposeA`) and `b` [..., k, n] (or [..., n, k] with
 * `transposeB`) (rank ≥ 2; batch axes equal, or all of one side's 1,
 * broadcast), with `bias` of n values or none: gankit's SIMD kernel on the
 * wasm heap. A transposed operand is read in place (B's panels packed into
 * a small scratch), with no transposed copy, and the result is bit-for-bit
 * that of transposing first. Returns undefined when it does not apply (not
 * ready, other dtypes or shapes), and the caller uses tfjs's kernel. With
 * helper threads registered (Node, more than one wasm thread) the rows of C
 * are split among them ({@link runGemm}), bit-for-bit the same result.
 *
 *   C[b, i, j] = act(Σ_p A[b, i, p] · B[b, p, j] + bias[j])
 */
export function gemmMatMul(backend: BackendWasm, a: tf.TensorInfo, b: tf.TensorInfo, bias: tf.TensorInfo | undefined, relu: boolean, transposeA = false, transposeB = false): tf.TensorInfo | undefined {
  const kernels = disabled ? undefined : simdKernels(backend);
  if (kernels === undefined) return undefined;
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) return undefined;
  const [a0, a1] = a.shape.slice(-2) as [number, number];
  const [b0, b1] = b.shape.slice(-2) as [number, number];
  const [m, k] = transposeA ? [a1, a0] : [a0, a1];
  const [k2, n] = transposeB ? [b1, b0] : [b0, b1];
  const leadA = a.shape.slice(0, -2);
  const leadB = b.shape.slice(0, -2);
  const batchA = tf.util.sizeFromShape(leadA);
  const batchB = tf.util.sizeFromShape(leadB);
  // Batch axes: equal, or all of one side's of size 1 (broadcast); anything else is tfjs's.
  const sameLead = leadA.length === leadB.length && leadA.every((d, i) => d === leadB[i]);
  if (k !== k2 || !(sameLead || batchA === 1 || batchB === 1)) return undefined;
  if (bias !== undefined && (bias.dtype !== 'float32' || tf.util.sizeFromShape(bias.shape) !== n)) return undefined;
  const lead = tf.backend_util.assertAndGetBroadcastShape(leadA, leadB);
  const batch = Math.max(batchA, batchB);
  const out = backend.makeOutput([...lead, m, n], 'float32');
  const helpers = gemmHelpers(backendMemory(backend));
  // B given transposed: scratch for its packed panels, one per thread.
  const panel = transposeB && k > 0 && n > 0 ? backend.makeOutput([helpers.length + 1, PANEL_FLOATS], 'float32') : undefined;
  const aAt = heapOffset(backend, a);
  const bAt = heapOffset(backend, b);
  const cAt = heapOffset(backend, out);
  const biasAt = bias === undefined ? 0 : heapOffset(backend, bias);
  const panelAt = panel === undefined ? 0 : heapOffset(backend, panel);
  for (let i = 0; i < batch; i++) {
    runGemm(kernels, helpers, {
      a: aAt + (batchA === 1 ? 0 : i * m * k * 4),
      b: bAt + (batchB === 1 ? 0 : i * k * n * 4),
      c: cAt + i * m * n * 4,
      m,
      k,
      n,
      bias: biasAt,
      relu: relu ? 1 : 0,
      ta: transposeA ? 1 : 0,
      lda: transposeA ? m : k,
      tb: transposeB ? 1 : 0,
      panel: panelAt,
    });
  }
  if (panel !== undefined) disposeInfo(backend, panel);
  return out;
}
