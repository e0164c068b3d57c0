/**
 * @packageDocumentation
 * Node entry of `@gankit/backend`: everything in the browser entry, plus the
 * `file://` model router, registered by {@link initBackend}.
 */
import { initBackend as initBackendCommon } from './initBackend.js';
import type { BackendInfo, InitBackendOptions } from './initBackend.js';
import { registerFileSystemRouter } from './io/fileSystemRouter.js';

export { BACKEND_NAMES } from './initBackend.js';
export type { BackendInfo, BackendName, InitBackendOptions } from './initBackend.js';
export { WASM_KERNEL_PATCHES, GRADIENT_PATCHES } from './register.js';
export { FileSystemHandler, fileSystemRouter, registerFileSystemRouter } from './io/fileSystemRouter.js';

/**
 * Chooses and initialises the tfjs backend (see the browser entry's
 * `initBackend`) and registers the `file://` save/load router, so
 * `model.save('file://dir')` and `tf.loadLayersModel('file://dir/model.json')`
 * work without tfjs-node.
 *
 * @param options - force a backend (`'wasm' | 'cpu' | 'tensorflow'`), or silence the fallback note.
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
  return initBackendCommon(options);
}
