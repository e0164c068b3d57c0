import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import type { BackendInfo } from '@gankit/backend';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice } from './settings.js';

/** The URLs Vite emits for the wasm binaries (the threaded one loads only on cross-origin-isolated pages). */
const WASM_PATHS = {
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
};

/**
 * Starts (or switches to) a backend through @gankit/backend: `auto` is its
 * browser chain webgpu → webgl → wasm → cpu; a name forces that backend.
 * Tensors made on the previous backend move over when next used.
 *
 * @param choice - `auto` or a backend name.
 * @returns what @gankit/backend chose.
 * @throws if a forced backend cannot start here (its message says why).
 */
export function useBackend(choice: BackendChoice): Promise<BackendInfo> {
  return initBackend(choice === 'auto' ? { wasmPaths: WASM_PATHS, quiet: true } : { backend: choice, wasmPaths: WASM_PATHS, quiet: true });
}

/**
 * A one-line description of the running backend, e.g. `wasm (SIMD, 1 thread)`.
 *
 * @param info - what {@link useBackend} returned.
 * @returns the line.
 */
export function describeBackend(info: BackendInfo): string {
  const name = tf.getBackend();
  if (name === 'wasm') return `wasm (${info.simd ? 'SIMD' : 'no SIMD'}, ${info.threads} thread${info.threads === 1 ? '' : 's'})`;
  return name;
}
