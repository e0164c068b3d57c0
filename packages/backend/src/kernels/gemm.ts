import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { GEMM_SHARED_WASM, GEMM_WASM } from './gemmWasm.js';

/** gemm(a, b, c, m, k, n, bias, relu): byte offsets on tfjs's heap; see wasm/gemm.c. */
type GemmExport = (a: number, b: number, c: number, m: number, k: number, n: number, bias: number, relu: number) => void;

/** What the kernel reads of the wasm backend (tfjs-backend-wasm 4.x internals). */
interface WasmInternals {
  wasm: { wasmMemory?: WebAssembly.Memory; asm?: { memory?: WebAssembly.Memory } };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
}

const instances = new WeakMap<WebAssembly.Memory, GemmExport>();
let disabled = false;

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function memoryOf(backend: BackendWasm): WebAssembly.Memory | undefined {
  const wasm = (backend as unknown as WasmInternals).wasm;
  return wasm.wasmMemory ?? wasm.asm?.memory;
}

/**
 * Compiles gankit's matrix multiply (packages/backend/wasm/gemm.c) against
 * the wasm backend's own memory, so it reads and writes tensors in place.
 * Asynchronous (browsers refuse to compile modules over 4 KB synchronously on
 * the main thread); `initBackend()` awaits it. Until it has run, and on
 * any failure, the matmul kernels use tfjs's own.
 *
 * @returns whether the kernel is ready.
 */
export async function loadGemm(backend: BackendWasm): Promise<boolean> {
  const memory = memoryOf(backend);
  if (memory === undefined || disabled) return false;
  if (instances.has(memory)) return true;
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  try {
    const module = await WebAssembly.compile(decode(shared ? GEMM_SHARED_WASM : GEMM_WASM));
    const instance = await WebAssembly.instantiate(module, { env: { memory } });
    instances.set(memory, instance.exports['gemm'] as GemmExport);
    return true;
  } catch {
    return false;
  }
}

/** Turns the kernel off or on again (benchmarks and tests compare with tfjs's own). */
export function setGemmEnabled(enabled: boolean): void {
  disabled = !enabled;
}

/** Whether {@link gemmMatMul} will run on this backend. */
export function gemmReady(backend: BackendWasm): boolean {
  const memory = memoryOf(backend);
  return !disabled && memory !== undefined && instances.has(memory);
}

/**
 * C = A·B (+ bias) (then ReLU) for float32 `a` [..., m, k] and `b` [..., k, n]
 * (rank ≥ 2; batch axes equal, or all of one side's 1, broadcast), with
 * `bias` of n values or none: gankit's SIMD kernel on the wasm heap. Returns
 * undefined when it does not apply (not ready, other dtypes or shapes), and
 * the caller uses tfjs's kernel.
 *
 *   C[b, i, j] = act(Σ_p A[b, i, p] · B[b, p, j] + bias[j])
 */
export function gemmMatMul(backend: BackendWasm, a: tf.TensorInfo, b: tf.TensorInfo, bias: tf.TensorInfo | undefined, relu: boolean): tf.TensorInfo | undefined {
  const memory = memoryOf(backend);
  const gemm = disabled || memory === undefined ? undefined : instances.get(memory);
  if (gemm === undefined) return undefined;
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) return undefined;
  const [m, k] = a.shape.slice(-2) as [number, number];
  const [k2, n] = b.shape.slice(-2) as [number, number];
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
  const internals = backend as unknown as WasmInternals;
  const offset = (t: tf.TensorInfo): number => internals.dataIdMap.get(t.dataId)!.memoryOffset;
  const aAt = offset(a);
  const bAt = offset(b);
  const cAt = offset(out);
  const biasAt = bias === undefined ? 0 : offset(bias);
  for (let i = 0; i < batch; i++) {
    gemm(aAt + (batchA === 1 ? 0 : i * m * k * 4), bAt + (batchB === 1 ? 0 : i * k * n * 4), cAt + i * m * n * 4, m, k, n, biasAt, relu ? 1 : 0);
  }
  return out;
}
