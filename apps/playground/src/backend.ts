import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import type { BackendInfo } from '@gankit/backend';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { probeWebGl, probeWebGpu } from './backendProbes.js';
import type { WebGlProbe } from './backendProbes.js';
import type { BackendChoice } from './settings.js';

/** The URLs Vite emits for the wasm binaries (the threaded one loads only on cross-origin-isolated pages). */
const WASM_PATHS = {
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
};

/** A backend the page can force (everything but `auto`). */
export type BackendName = Exclude<BackendChoice, 'auto'>;

let webGl: WebGlProbe | undefined;
let threadsSet = false;
let threadsWanted: number | undefined;

/**
 * Threads for tfjs's threaded wasm build: as set by {@link setWasmThreads},
 * else every core the browser reports, up to 8 (the build's pool). tfjs's own
 * default is half the cores (it assumes hyper-threading), which is one thread
 * on a 2-core machine.
 *
 * @returns the count asked for.
 *
 * @example
 * ```ts
 * wasmThreads(); // 2 on a 2-core machine
 * ```
 */
export function wasmThreads(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return threadsWanted ?? Math.max(1, Math.min(8, cores));
}

/**
 * Asks for a number of wasm threads. It takes effect only if the wasm backend
 * has not started yet in this realm (tfjs sizes the pool once); a worker that
 * should run on another count is a new worker.
 *
 * @param threads - 1 to 8.
 * @returns whether it can still take effect.
 *
 * @example
 * ```ts
 * setWasmThreads(1); // before the first startBackend('wasm')
 * ```
 */
export function setWasmThreads(threads: number): boolean {
  if (!Number.isInteger(threads) || threads < 1 || threads > 8) throw new Error(`wasm threads must be an integer from 1 to 8; got ${threads}`);
  threadsWanted = threads;
  return !threadsSet;
}

/**
 * The WebGL renderer, probed once (a throw-away context) and remembered.
 *
 * @returns what {@link probeWebGl} found.
 */
export function webGlRenderer(): WebGlProbe {
  webGl ??= probeWebGl();
  return webGl;
}

/**
 * Starts (or switches to) one backend through @gankit/backend, with its
 * kernel and gradient patches. webgpu is asked for an adapter first, so a
 * browser without one fails with one line instead of tfjs's stack trace.
 * Tensors made on the previous backend move over when next used.
 *
 * @param name - the backend.
 * @returns what @gankit/backend started (SIMD, threads, patches).
 * @throws if the backend cannot start here, saying why in one line.
 *
 * @example
 * ```ts
 * const info = await startBackend('wasm'); // { backend: 'wasm', simd: true, threads: 2, … }
 * ```
 */
export async function startBackend(name: BackendName): Promise<BackendInfo> {
  if (name === 'webgpu') {
    const gpu = await probeWebGpu();
    if (!gpu.available) throw new Error(gpu.summary);
  }
  if (name === 'webgl' && !webGlRenderer().available) throw new Error(webGlRenderer().summary);
  const undo = name === 'wasm' && !threadsSet ? askForAllCores() : undefined;
  threadsSet ||= name === 'wasm';
  try {
    return await initBackend({ backend: name, wasmPaths: WASM_PATHS, quiet: true });
  } catch (err) {
    // @gankit/backend says "initBackend: the requested backend 'x' failed to initialise: …"; keep the reason.
    throw new Error(err instanceof Error ? err.message.replace(/^initBackend: the requested /, '') : String(err));
  } finally {
    undo?.();
  }
}

/**
 * Gets tfjs's threaded wasm build to start {@link wasmThreads} threads: it is
 * asked for them (`setThreadsCount`), and while it starts it sees twice the
 * cores, since its C++ start-up also caps the pool at half the cores (as
 * @gankit/backend does for Node). Only the threaded build, which loads on
 * cross-origin-isolated pages, reads either.
 *
 * @returns a function that puts `navigator.hardwareConcurrency` back.
 */
function askForAllCores(): () => void {
  const threads = wasmThreads();
  setThreadsCount(threads);
  const nav = globalThis.navigator as Navigator | undefined;
  if (nav === undefined) return () => {};
  try {
    Object.defineProperty(nav, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
  } catch {
    return () => {};
  }
  return () => {
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  };
}

/**
 * A one-line description of the running backend, e.g. `wasm (SIMD, 2 threads)`
 * or `webgl (SwiftShader, software)`.
 *
 * @param info - what {@link startBackend} returned.
 * @returns the line.
 *
 * @example
 * ```ts
 * describeBackend(await startBackend('wasm')); // 'wasm (SIMD, 1 thread)'
 * ```
 */
export function describeBackend(info: BackendInfo): string {
  const name = tf.getBackend();
  if (name === 'wasm') return `wasm (${info.simd ? 'SIMD' : 'no SIMD'}, ${info.threads} thread${info.threads === 1 ? '' : 's'})`;
  if (name === 'webgl') {
    const gl = webGlRenderer();
    return gl.software ? `webgl (${gl.summary})` : 'webgl';
  }
  return name;
}
