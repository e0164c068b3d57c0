import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmFusedAdam } from './kernels/fusedAdam.js';
import { registerWasmGlobalNorm } from './kernels/globalNorm.js';
import { loadSimdKernels } from './kernels/simdModule.js';
import { registerGradientPatches } from '@gankit/gradients';
import './register.js';
import { patchState } from './internal/patchState.js';
import { isNode, readEnv } from './internal/platform.js';

/** Backends gankit knows how to select. */
export const BACKEND_NAMES = ['wasm', 'cpu', 'tensorflow', 'webgl', 'webgpu'] as const;
/** A backend name accepted by {@link initBackend}. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Options for {@link initBackend}. */
export interface InitBackendOptions {
  /**
   * Force one backend instead of the automatic choice. In Node the
   * `GANKIT_BACKEND` environment variable does the same (the option wins).
   * `'tensorflow'` needs `@tensorflow/tfjs-node`, installed and imported by you.
   */
  backend?: BackendName;
  /**
   * Where the browser finds the wasm binaries: a URL prefix ending in `/`, or a
   * map from binary name (`tfjs-backend-wasm-simd.wasm`, …) to URL. Bundled apps
   * pass the URLs their bundler emits. Ignored in Node.
   */
  wasmPaths?: string | Partial<Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>>;
  /** Do not print the one-line fallback reason. */
  quiet?: boolean;
  /**
   * Node only: threads for the wasm backend's XNNPACK kernels (matmul, conv)
   * and for gankit's SIMD matrix multiply, whose rows are split over the
   * same number of threads (worker_threads) for products of 2²⁴
   * multiply-adds or more: `'auto'` (the default) uses every core, up to 8;
   * `1` runs tfjs's single-threaded build. The `GANKIT_WASM_THREADS` environment variable does
   * the same (the option wins). Takes effect when the wasm backend is first
   * initialised. Results do not depend on it. In browsers tfjs decides (threads
   * need a cross-origin-isolated page).
   */
  threads?: number | 'auto';
}

/** What {@link initBackend} chose. */
export interface BackendInfo {
  /** The active tfjs backend. */
  backend: string;
  /** `'node'` or `'browser'`. */
  platform: 'node' | 'browser';
  /** Whether the wasm backend runs its SIMD build (false for other backends). */
  simd: boolean;
  /** Threads the backend's kernels compute with (wasm: XNNPACK's pool; 1 for other backends). */
  threads: number;
  /** Kernels gankit registered for wasm, and gradients it replaced. */
  patches: { kernels: string[]; gradients: string[] };
  /** Why the first choice was not used, when a fallback happened. */
  fallbackReason?: string;
}

const cache = new Map<string, Promise<BackendInfo>>();

/**
 * Chooses and initialises the one tfjs backend gankit trains on, with gankit's
 * kernel and gradient patches registered. Idempotent: repeated calls with the
 * same choice return the same result.
 *
 * - Node: `wasm` (SIMD, with the training kernels wasm lacks), falling back to
 *   `cpu` with a one-line reason if wasm cannot start.
 * - Browser: `webgpu` (if you imported `@tensorflow/tfjs-backend-webgpu`) →
 *   `webgl` → `wasm` → `cpu`.
 *
 * @param options - force a backend, set browser wasm paths, silence the fallback note.
 * @returns the backend chosen, SIMD and threads, and the patches in force.
 * @throws if `options.backend` or `GANKIT_BACKEND` names an unknown backend, or
 *   a forced backend cannot start.
 *
 * @example
 * ```ts
 * import { initBackend } from '@gankit/backend';
 * const info = await initBackend();          // { backend: 'wasm', simd: true, … }
 * await initBackend({ backend: 'cpu' });     // force the pure-JS backend
 * ```
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  if (options == null || typeof options !== 'object') {
    throw new Error(`initBackend: 'options' must be an object, got ${String(options)}`);
  }
  const fromEnv = isNode() ? readEnv('GANKIT_BACKEND') : undefined;
  const forced = options.backend ?? (fromEnv === '' ? undefined : fromEnv);
  if (forced !== undefined && !(BACKEND_NAMES as readonly string[]).includes(forced)) {
    const source = options.backend !== undefined ? "option 'backend'" : 'GANKIT_BACKEND';
    throw new Error(`initBackend: ${source} must be one of ${BACKEND_NAMES.join(', ')}; got '${forced}'`);
  }
  const key = forced ?? 'auto';
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = choose(forced as BackendName | undefined, options);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  } else if (tf.getBackend() !== (await pending).backend) {
    // Someone switched backends since; switch back to what was asked for.
    await tf.setBackend((await pending).backend);
  }
  return pending;
}

async function trySet(name: string): Promise<string | undefined> {
  if (tf.findBackendFactory(name) == null) return `backend '${name}' is not registered`;
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return `backend '${name}' failed to initialise`;
    await tf.ready();
    return undefined;
  } catch (err) {
    return `backend '${name}' failed to initialise: ${(err as Error).message}`;
  }
}

async function choose(forced: BackendName | undefined, options: InitBackendOptions): Promise<BackendInfo> {
  const node = isNode();
  if (!node && options.wasmPaths !== undefined) setWasmPaths(options.wasmPaths);
  const candidates: string[] = forced !== undefined ? [forced] : node ? ['wasm', 'cpu'] : ['webgpu', 'webgl', 'wasm', 'cpu'];
  let firstReason: string | undefined;
  for (const name of candidates) {
    const reason = await trySet(name);
    if (reason === undefined) break;
    if (forced !== undefined) {
      const hint = name === 'tensorflow' ? ' (install and import @tensorflow/tfjs-node first)' : '';
      throw new Error(`initBackend: the requested ${reason}${hint}`);
    }
    // A browser without webgpu is the common case, not worth a note.
    if (firstReason === undefined && !(name === 'webgpu' && tf.findBackendFactory('webgpu') == null)) {
      firstReason = reason;
    }
  }
  const backend = tf.getBackend();
  if (backend == null) throw new Error('initBackend: no tfjs backend could be initialised');
  const fellBack = firstReason !== undefined && backend !== candidates[0];
  if (fellBack && options.quiet !== true) {
    console.warn(`@gankit/backend: using '${backend}' because ${firstReason}`);
  }
  const simd = backend === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : false;
  const threads = backend === 'wasm' ? getThreadsCount() : 1;
  // gankit's SIMD kernels (matrix multiply, Adam, gradient norm), compiled against this backend's memory (kernels/simdModule.ts).
  const simdKernels = backend === 'wasm' && simd && (await loadSimdKernels(tf.backend() as BackendWasm));
  if (simdKernels) {
    registerWasmFusedAdam();
    registerWasmGlobalNorm();
  }
  return {
    backend,
    platform: node ? 'node' : 'browser',
    simd,
    threads,
    patches: { kernels: [...patchState.kernels, ...(simdKernels ? ['BatchMatMul and _FusedMatMul (gankit SIMD gemm)', 'GankitFusedAdam (SIMD)', 'GankitGlobalNorm (SIMD)'] : [])], gradients: [...registerGradientPatches().gradients] },
    ...(fellBack ? { fallbackReason: firstReason } : {}),
  };
}
