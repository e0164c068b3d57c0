/**
 * @packageDocumentation
 * Node entry of `@gankit/backend`: everything in the browser entry, plus the
 * `file://` model router, registered by {@link initBackend}.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend as initBackendCommon } from './initBackend.js';
import type { BackendInfo, InitBackendOptions } from './initBackend.js';
import { registerFileSystemRouter } from './io/fileSystemRouter.js';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { startNodeGemmThreads } from './internal/nodeGemmThreads.js';
import { enableNodeWasmThreads, resolveThreads } from './internal/nodeWasmThreads.js';
import { readEnv } from './internal/platform.js';

// Everything the browser entry exports; `initBackend` below takes the place of its own.
export * from './index.js';
export { FileSystemHandler, fileSystemRouter, registerFileSystemRouter } from './io/fileSystemRouter.js';

/**
 * Chooses and initialises the tfjs backend (see the browser entry's
 * `initBackend`) and registers the `file://` save/load router, so
 * `model.save('file://dir')` and `tf.loadLayersModel('file://dir/model.json')`
 * work without tfjs-node.
 *
 * In Node the wasm backend computes on every core by default (`threads`).
 *
 * @param options - force a backend (`'wasm' | 'cpu' | 'tensorflow'`), set the wasm threads, or silence the fallback note.
 * @returns the backend chosen, SIMD and threads, and the patches in force.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { initBackend } from '@gankit/backend';
 * await initBackend();
 * await model.save('file://runs/my-model');
 * ```
 */
export async function initBackend(options?: InitBackendOptions): Promise<BackendInfo> {
  registerFileSystemRouter();
  // Anything but an object (or nothing) is refused by the common entry.
  if (options !== undefined && (options === null || typeof options !== 'object')) return initBackendCommon(options);
  const threads = resolveThreads(options?.threads, readEnv('GANKIT_WASM_THREADS'));
  if (threads === 1 || wasmStarted()) return initBackendCommon(options);
  const undo = enableNodeWasmThreads(threads);
  try {
    const info = await initBackendCommon(options);
    if (info.backend !== 'wasm') return info;
    unrefPoolWorkers();
    // gankit's SIMD gemm splits its rows over the other threads too (bit-for-bit the same result).
    const helpers = await startNodeGemmThreads(tf.backend() as BackendWasm, info.threads - 1);
    if (helpers > 0) info.patches.kernels.push(`SIMD gemm rows split over ${helpers + 1} threads (worker_threads)`);
    return info;
  } finally {
    undo();
  }
}

/**
 * The pool's threads wait for work forever; their workers must not keep Node
 * alive once the program is done (while a kernel runs the main thread waits
 * for them anyway).
 */
function unrefPoolWorkers(): void {
  const pthreads = (tf.backend() as unknown as { wasm?: { PThread?: { runningWorkers?: { unref?: () => void }[]; unusedWorkers?: { unref?: () => void }[] } } }).wasm?.PThread;
  for (const w of [...(pthreads?.runningWorkers ?? []), ...(pthreads?.unusedWorkers ?? [])]) w.unref?.();
}

/** Whether tfjs has already created the wasm backend (its thread count is then fixed). */
function wasmStarted(): boolean {
  try {
    return tf.engine().registry['wasm'] !== undefined;
  } catch {
    return false;
  }
}
