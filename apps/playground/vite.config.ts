import { defaultClientConditions, defineConfig } from 'vite';
import type { Plugin } from 'vite';

/**
 * Cross-origin isolation (COOP + COEP): pages served with these headers get
 * SharedArrayBuffer, so tfjs's threaded SIMD wasm build (XNNPACK's thread
 * pool) loads. Everything the playground loads is same-origin, so
 * `require-corp` blocks nothing.
 */
export const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

/** tfjs-backend-wasm's threaded SIMD factory (Emscripten's glue for the pthread build). */
const THREADED_FACTORY = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js(\?|$)/;

/** The inner function's references to the closure's `_scriptDir`, and what each becomes. */
const SCRIPT_DIR_REFERENCES: ReadonlyArray<readonly [string, string]> = [
  ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
  ['"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir,', '"urlOrBlob":Module["mainScriptUrlOrBlob"],'],
];

/**
 * Makes tfjs's threaded wasm factory survive minification. tfjs hands its
 * pthread workers the factory's source, `factory.toString()`, as a Blob; the
 * function reads `_scriptDir` from the closure around it, which Emscripten
 * guards with `typeof`, but a minifier renames the variable and drops the
 * guard (it can see the variable is declared), so every pthread worker dies
 * with "e is not defined" and the threaded build never starts. Neither
 * reference matters here: tfjs sets `mainScriptUrlOrBlob`, and the page gives
 * every wasm binary's URL, so the script directory is never used. The
 * transform fails the build if tfjs's source changes under it.
 *
 * @returns the Vite plugin (for the page and for the worker bundle).
 */
function tfjsWasmThreadsStandalone(): Plugin {
  return {
    name: 'gankit:tfjs-wasm-threads-standalone',
    transform: {
      filter: { id: THREADED_FACTORY },
      handler(code, id) {
        let out = code;
        for (const [from, to] of SCRIPT_DIR_REFERENCES) {
          if (out.split(from).length !== 2) throw new Error(`${id}: expected one '${from}' in tfjs's threaded wasm factory`);
          out = out.replace(from, to);
        }
        return { code: out, map: null };
      },
    },
  };
}

/**
 * The playground is built from the workspace packages' TypeScript sources (the
 * `@gankit/source` export condition, as the packages' own tests do), so neither
 * `dev` nor `build` needs the libraries built first. `base: './'` lets `dist/`
 * be served from any path. Training runs in a module worker (src/worker.ts),
 * bundled as ES modules like the page.
 */
export default defineConfig({
  base: './',
  resolve: {
    conditions: ['@gankit/source', ...defaultClientConditions],
  },
  plugins: [tfjsWasmThreadsStandalone()],
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsStandalone()] },
  build: {
    target: 'es2022',
    // tfjs (core, layers, webgl, wasm, webgpu) is one large chunk by nature.
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1', headers: CROSS_ORIGIN_ISOLATION },
  preview: { host: '127.0.0.1', headers: CROSS_ORIGIN_ISOLATION },
});
