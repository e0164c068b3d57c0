import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { SIMD_SHARED_WASM, SIMD_WASM } from './simdWasm.js';

/** The exports of packages/backend/wasm/simd.c; pointers are byte offsets on tfjs's heap. */
export interface SimdKernels {
  /**
   * C[m×n] = op(A)·op(B) (+ bias[n]) (then ReLU if relu = 1); bias = 0: none. A given as Aᵀ (ta = 1; A's
   * (i, p) at a[p·lda + i]) or as is (ta = 0; row stride lda); B given as Bᵀ (tb = 1, n × k; `panel` is
   * scratch of 256 × 8 floats) or as is (tb = 0).
   */
  gemm(a: number, b: number, c: number, m: number, k: number, n: number, bias: number, relu: number, ta: number, lda: number, tb: number, panel: number): void;
  /** Σ x[i]² over n float32 values in float64, in four streams (see simd.c). */
  sum_squares(x: number, n: number): number;
  /** Column sums of x as [rows, inner] in float64, rounded once (÷ rows if mean = 1); acc: scratch of inner doubles. */
  sum_rows(x: number, y: number, rows: number, inner: number, mean: number, acc: number): void;
  /** y = x > 0 ? x : α·x for n values. */
  leaky_relu(x: number, y: number, n: number, alpha: number): void;
  /** out = dy · m for n values, m = m1 where x > 0, m0 where x ≤ 0, NaN where x is NaN (leaky ReLU's gradient). */
  leaky_relu_grad(dy: number, x: number, out: number, n: number, m1: number, m0: number): void;
  /** Instance normalization of n samples of s positions × c channels: y = (x − μ)·r per sample and channel. */
  instance_norm(x: number, y: number, n: number, s: number, c: number, eps: number): void;
  /** Its gradient: dx = r·(dy − mean(dy) − x̂·mean(dy·x̂)) per sample and channel. */
  instance_norm_grad(dy: number, x: number, dx: number, n: number, s: number, c: number, eps: number): void;
  /**
   * cols[(b, i, j), (p, q, c)] = x[b, i·sh + p − pt, j·sw + q − pl, c] (0 outside) for x [batch, h, w, ci]
   * and an oh × ow output: a channels-last convolution's column matrix, [batch·oh·ow, kh·kw·ci].
   */
  im2col(x: number, cols: number, batch: number, h: number, w: number, ci: number, kh: number, kw: number, sh: number, sw: number, pt: number, pl: number, oh: number, ow: number): void;
  /** Its adjoint: dx = 0, then dx[b, i·sh + p − pt, j·sw + q − pl, c] += cols[(b, i, j), (p, q, c)] in ascending (b, i, j, p, q) order. */
  col2im(cols: number, dx: number, batch: number, h: number, w: number, ci: number, kh: number, kw: number, sh: number, sw: number, pt: number, pl: number, oh: number, ow: number): void;
  /** One Adam step of n values (see simd.c); the scalars already rounded to float32. */
  adam(theta: number, g: number, m: number, v: number, theta2: number, m2: number, v2: number, n: number, b1: number, c1: number, b2: number, c2: number, o1: number, o2: number, eps: number, step: number): void;
}

/** What the kernels read of the wasm backend (tfjs-backend-wasm 4.x internals). */
interface WasmInternals {
  wasm: { wasmMemory?: WebAssembly.Memory; asm?: { memory?: WebAssembly.Memory } };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
}

/** The compiled module and its instance on one backend's memory. */
interface Loaded {
  readonly module: WebAssembly.Module;
  readonly kernels: SimdKernels;
}

const instances = new WeakMap<WebAssembly.Memory, Loaded>();

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The backend's wasm memory (tfjs-backend-wasm 4.x internals). */
export function backendMemory(backend: BackendWasm): WebAssembly.Memory | undefined {
  const wasm = (backend as unknown as WasmInternals).wasm;
  return wasm.wasmMemory ?? wasm.asm?.memory;
}

/**
 * Compiles gankit's SIMD kernels (packages/backend/wasm/simd.c) against the
 * wasm backend's own memory, so they read and write tensors in place.
 * Asynchronous (browsers refuse to compile modules over 4 KB synchronously on
 * the main thread); `initBackend()` awaits it. Until it has run, and on any
 * failure, the kernels that use it fall back to tfjs's own.
 *
 * @returns whether the kernels are ready.
 */
export async function loadSimdKernels(backend: BackendWasm): Promise<boolean> {
  const memory = backendMemory(backend);
  if (memory === undefined) return false;
  if (instances.has(memory)) return true;
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  try {
    const module = await WebAssembly.compile(decode(shared ? SIMD_SHARED_WASM : SIMD_WASM));
    const instance = await WebAssembly.instantiate(module, { env: { memory } });
    instances.set(memory, { module, kernels: instance.exports as unknown as SimdKernels });
    return true;
  } catch {
    return false;
  }
}

/** The kernels compiled against this backend's memory, if {@link loadSimdKernels} has run. */
export function simdKernels(backend: BackendWasm): SimdKernels | undefined {
  const memory = backendMemory(backend);
  return memory === undefined ? undefined : instances.get(memory)?.kernels;
}

/**
 * The compiled SIMD module and the backend's memory it was instantiated on, if
 * {@link loadSimdKernels} has run: what a helper thread needs to instantiate
 * the same kernels on the same (shared) memory.
 */
export function simdModule(backend: BackendWasm): { module: WebAssembly.Module; memory: WebAssembly.Memory } | undefined {
  const memory = backendMemory(backend);
  const loaded = memory === undefined ? undefined : instances.get(memory);
  return memory === undefined || loaded === undefined ? undefined : { module: loaded.module, memory };
}

/** A tensor's byte offset on the wasm heap. */
export function heapOffset(backend: BackendWasm, t: tf.TensorInfo): number {
  const data = (backend as unknown as WasmInternals).dataIdMap.get(t.dataId);
  if (data === undefined) throw new Error('@gankit/backend: a tensor given to a SIMD kernel is not on the wasm heap');
  return data.memoryOffset;
}
